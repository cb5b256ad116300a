"""The pieces organisers' messages are made of: did-you-mean, the cap on what is printed."""

from __future__ import annotations

from qisite.problems import Position, Problem, report_lines, sort_problems, suggest
from qisite.sessions.expand import slugify


def test_did_you_mean_ignores_case() -> None:
    # Case-sensitively, 'QI-BASES' shares more letters with 'QI-BASICS' than 'qi-basics' does.
    assert suggest("QI-BASICS", ["QI-BASES", "qi-basics"]) == "did you mean 'qi-basics'?"
    assert suggest("Reading-Dta", ["qi-basics", "reading-data"]) == "did you mean 'reading-data'?"
    assert suggest("zzz", ["qi-basics"]) is None


def _problem(line: int, hint: str | None, error: bool = True) -> Problem:
    make = Problem.error if error else Problem.warning
    return make(Position("c.yaml", line, 1), ("modules", line), f"fault {line}", hint)


def test_a_short_list_is_printed_whole_with_every_hint() -> None:
    lines = report_lines([_problem(1, "a"), _problem(2, "b")])
    assert lines == [str(_problem(1, "a")), str(_problem(2, "b"))]


def test_a_long_list_is_capped_errors_first_and_a_shared_hint_given_once() -> None:
    problems = [_problem(n, "quote it", error=n % 2 == 0) for n in range(1, 121)]
    lines = report_lines(problems, limit=50)
    shown = lines[:50]
    assert all(": error: " in line for line in shown)  # the 60 errors come before warnings
    assert sum("quote it" in line for line in shown) == 1
    assert lines[50] == "... and 70 more problems not shown"
    assert lines[51] == "120 of these problems have one likely cause: quote it"


def test_infos_come_after_warnings_and_are_the_first_left_out() -> None:
    where = Position("c.yaml", 3, 1)
    info = Problem.info(where, (), "a hint")
    warning = Problem.warning(where, (), "z fault")
    error = Problem.error(where, (), "z broken")
    assert sort_problems([info, warning, error]) == [error, warning, info]
    assert str(info).startswith("c.yaml:3:1: info: a hint")
    assert not info.is_error and not info.is_warning
    lines = report_lines([info, info, warning, error], limit=2)
    assert lines[:2] == [str(warning), str(error)]


def test_the_academy_slug_keeps_accented_letters_as_plain_letters() -> None:
    assert slugify("Académie d'amélioration") == "academie-d-amelioration"
    assert slugify("Ysbyty Gŵyr QI Academy") == "ysbyty-gwyr-qi-academy"
    assert slugify("Straße & Œuvre") == "strasse-oeuvre"
    assert slugify("日本") == "academy"
