"""Every broken curriculum in tests/broken/ is reported at its line, by id, without a traceback.

Each file is the minimal valid base with one fault (named in its first line).
The CLI runs as a subprocess, exactly as an organiser runs it.
"""

from __future__ import annotations

import codecs
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.clirun import run_cli
from tests.sitebuild import REPO

BROKEN = Path("tests/broken")


@dataclass(frozen=True)
class Case:
    file: str
    exit: int
    line: int | None
    """The line the message must point at (None: a file-level problem with no line)."""
    texts: tuple[str, ...]
    """Words the message must contain: the offending id or value, and the hint."""
    at: str | None = None
    """The file the message points into, when not the curriculum (a CSV it names)."""
    info: bool = False
    """A hint that is no fault: told as 'info', not counted as a warning."""


E, W = 1, 0  # exit status with errors; with warnings only

CASES = [
    # Wrong types and values
    Case("wrong-type-headcount", E, 5, ("academy.headcount", "whole number", "'lots'")),
    Case(
        "wrong-type-headcount-separator",
        E,
        5,
        ("academy.headcount", "'1,000'", "without separators: 1000"),
    ),
    Case("wrong-type-negative-headcount", E, 5, ("academy.headcount", "'-5'", "greater than 0")),
    Case("wrong-type-domains-not-a-list", E, 44, ("module 'reading-data'", "[variation]")),
    Case("wrong-type-title-is-a-list", E, 42, ("module 'reading-data'", "expected text")),
    Case("wrong-type-audience-size", E, 29, ("audience 'managers'", "'about forty'")),
    Case("wrong-type-number-for-text", E, 42, ("'2027'", 'in quotes to make it text: "2027"')),
    Case("blank-title", E, 42, ("'title' is empty", "'   '", "write the words after 'title:'")),
    Case("empty-value", E, 47, ("module 'reading-data'", "'duration' has no value")),
    Case("wrong-type-modules-not-a-list", E, 32, ("modules: expected a list", "'- id: ...'")),
    Case("wrong-type-empty-list", E, 44, ("module 'reading-data'", "must not be empty")),
    # Missing required keys
    Case(
        "missing-module-title",
        E,
        41,
        ("module 'reading-data' is missing the required key 'title'",),
    ),
    Case("missing-module-id", E, 41, ("the 2nd module is missing the required key 'id'",)),
    Case("missing-dose-level-name", E, 11, ("dose level 'awareness'", "'name'")),
    Case("missing-academy", E, 2, ("required section 'academy:' is missing",)),
    # Unknown keys: at the key, with a did-you-mean
    Case("unknown-key-module-typo", E, 42, ("unknown key 'titel'", "did you mean 'title'?")),
    Case("unknown-key-top-level-typo", E, 32, ("unknown key 'module'", "did you mean 'modules'?")),
    Case("unknown-key-academy-typo", E, 6, ("unknown key 'timezon'", "did you mean 'timezone'?")),
    # Duplicates
    Case("duplicate-id-module", E, 41, ("duplicate id 'qi-basics'", "line 33")),
    Case("duplicate-id-audience", E, 27, ("duplicate id 'all-staff'", "line 23")),
    Case("duplicate-id-domain", E, 19, ("duplicate id 'variation'", "line 17")),
    Case("duplicate-id-dose-level", E, 13, ("duplicate id 'awareness'", "line 11")),
    Case("duplicate-id-session", E, 54, ("duplicate id 'basics-march'", "line 50")),
    Case("duplicate-yaml-key", E, 43, ("the key 'title' appears twice", "first on line 42")),
    # Former ids and retired modules: an old address leads to one place
    Case("former-id-in-use", E, 49, ("former id 'qi-basics'", "still the id", "line 33")),
    Case("former-id-claimed-twice", E, 51, ("'intro-to-data' is claimed twice", "line 41")),
    Case("former-id-session-in-use", E, 55, ("former id 'basics-march'", "session on line 51")),
    Case("retired-still-a-module", E, 51, ("retired module 'reading-data'", "under modules:")),
    Case("retired-unknown-replacement", E, 54, ("'reading-dta'", "did you mean 'reading-data'?")),
    # References to ids that do not exist
    Case("unknown-dose-level-module", E, 43, ("unknown dose level 'foundaton'", "'foundation'?")),
    Case("unknown-dose-level-audience", E, 30, ("unknown dose level 'practitioner'", "awareness")),
    Case("unknown-domain-module", E, 44, ("unknown domain 'variaton'", "'variation'?")),
    Case("unknown-domain-audience", E, 30, ("unknown domain 'variaton'", "'variation'?")),
    Case("unknown-audience", E, 45, ("unknown audience 'manager'", "did you mean 'managers'?")),
    Case("unknown-prerequisite", E, 48, ("unknown module 'qi-basic'", "did you mean 'qi-basics'?")),
    Case("unknown-ihi-code", E, 40, ("'QI 110'", "module 'qi-basics'", "did you mean")),
    Case("bad-ihi-code", E, 40, ("'Improvement 101'", "'QI 102'")),
    Case("unknown-format", E, 46, ("'elearning'", "did you mean 'e-learning'?")),
    Case("unknown-staff-group", E, 29, ("'admin'", "'non-clinical'")),
    # Prerequisites
    Case("prerequisite-cycle", E, 41, ("qi-basics → reading-data → qi-basics",)),
    Case(
        "prerequisite-cycle-target",
        E,
        41,
        ("qi-basics → reading-data → qi-basics", "most likely 'reading-data'"),
    ),
    Case("prerequisite-self", E, 48, ("'reading-data' lists itself",)),
    Case("audience-listed-twice", W, 45, ("'managers' is listed twice", "'reading-data'")),
    Case("repeated-entry", W, 48, ("'qi-basics' is listed twice", "module 'reading-data'")),
    Case("prerequisite-deeper", W, 56, ("warning", "'reading-data'", "'data-at-lunch'")),
    # Values that do not parse
    Case("bad-duration", E, 47, ("'an hour and a half'", "1h30m")),
    Case("bad-duration-negative", E, 47, ("'-30m'", "1h30m")),
    Case("bad-time-24", E, 52, ("'2027-03-04 24:00'", "midnight is 00:00 of the next day")),
    Case("bad-duration-zero", E, 39, ("'0m'", "longer than zero")),
    Case("bad-date-session-start", E, 52, ("session 'basics-march'", "'2027-02-30 10:00'")),
    Case("bad-date-year-9999", E, 52, ("'9999-12-31 23:30'", "a year from 1900 to 2999")),
    Case("bad-duration-huge", E, 47, ("'99999999h'", "longer than a year")),
    Case("session-end-far", E, 53, ("ends (2207-03-04 11:00) more than a year after", "year")),
    Case("bad-date-format", E, 52, ("'04/03/2027 10am'", "2027-01-14 12:30")),
    Case("bad-date-target", E, 52, ("targets[0].by", "'2027-31-03'", "2027-03-31")),
    Case("bad-id-as-key", E, 30, ("audience 'managers'", "'Variation' is not a usable id")),
    Case("bad-id", E, 41, ("'Reading Data'", "did you mean 'reading-data'?")),
    Case("bad-id-non-latin", E, 17, ("'variatiøn' is not a usable id", "'variation'?")),
    Case("capitalised-prerequisite", E, 48, ("'QI-Basics'", "did you mean 'qi-basics'?")),
    Case("capitalised-id", E, 33, ("'QI-Basics'", "did you mean 'qi-basics'?")),
    Case("capitalised-audience", E, 45, ("module 'reading-data'", "did you mean 'managers'?")),
    Case("bad-url-javascript", E, 8, ("'javascript:alert(1)'", "https://")),
    Case("bad-url-space", E, 8, ("'https://test.example.nhs.uk/my book'", "contains spaces")),
    Case("bad-url-no-host", E, 8, ("'https://'", "no host")),
    Case("bad-timezone", E, 6, ("'London'", "Europe/London")),
    Case("feed-refresh-unreadable", E, 9, ("academy.feed_refresh", "'1 day'", "P1D or PT12H")),
    Case("feed-refresh-too-short", E, 9, ("academy.feed_refresh", "'PT10M'", "1 hour (PT1H)")),
    Case(
        "feed-id-unset",
        W,
        2,
        ("academy.feed_id: not set", "add 'feed_id: academie-d-amelioration' under academy:"),
        info=True,
    ),
    Case(
        "feed-id-name-not-latin",
        W,
        2,
        ("academy.feed_id: not set", "'@academy'", "add 'feed_id: test-nhs-trust'"),
    ),
    # The plan
    Case(
        "dose-gap-shallow",
        W,
        30,
        ("gap in the plan", "'managers' should reach 'foundation'", "reach only 'awareness'"),
    ),
    Case("dose-gap", W, 27, ("warning", "gap in the plan", "'all-staff'", "'variation'")),
    # Projects and coaches: aggregate facts only, references, stages, the coach rule of thumb
    Case("project-nhs-number", E, 69, ("projects[0].notes", "an NHS number (943 ••• ••••)")),
    Case("project-date-of-birth", E, 60, ("projects[0].aim", "a date of birth")),
    Case("project-email-in-notes", E, 69, ("an email address", "only a work one")),
    Case("project-unknown-module", E, 63, ("unknown module 'qi-basic'", "'qi-basics'?")),
    Case("project-unknown-coach", E, 64, ("unknown coach 'sam-okafr'", "'sam-okafor'?")),
    Case("project-unknown-stage", E, 65, ("'testing'", "did you mean 'testing-changes'?")),
    Case("project-stage-date-order", E, 67, ("2026-01-01 is before start", "2026-09-01")),
    Case("project-stage-not-reached", E, 67, ("a date for 'spreading'", "'testing-changes'")),
    Case("project-bad-start", E, 66, ("projects[0].start", "'2026-13-01'")),
    Case("project-link-mailto", E, 69, ("not a web page", "https://")),
    Case("project-duplicate-id", E, 70, ("duplicate project id 'fewer-falls'", "line 58")),
    Case("project-no-coach", W, 65, ("warning", "'fewer-falls'", "has no coach")),
    Case("coach-over-load", W, 54, ("warning", "supports 2 teams", "5% protected", "at most 1")),
    Case("coach-unknown-domain", E, 56, ("unknown domain 'pdsaa'", "did you mean 'pdsa'?")),
    Case(
        "projects-csv-nhs-number",
        E,
        3,
        ("row 3, column 'notes'", "an NHS number (943•••••••)"),
        at="projects-csv-nhs-number.csv",
    ),
    # Files that are not a curriculum at all
    Case("bom-crlf-typo", E, 42, ("unknown key 'titel'", "did you mean 'title'?")),
    Case("yaml-tab", E, 43, ("cannot be read", "tab")),
    Case("yaml-bad-indentation", E, 44, ("cannot be read", "indentation")),
    Case("yaml-unquoted-colon", E, 42, ("cannot be read", "quotes")),
    Case("yaml-missing-colon", E, 11, ("cannot be read", "line 11 has no ':' after its key")),
    Case("yaml-missing-colon-key", E, 42, ("cannot be read", "missing the ':' after its key")),
    Case(
        "many-unquoted-colons",
        E,
        50,
        ("outcomes[0]", "'Step 1: read a run chart'", "put text that contains ': ' in quotes"),
    ),
    Case("yaml-unclosed-bracket", E, 44, ("cannot be read", "not closed with ']'")),
    Case("yaml-recursive-alias", E, 2, ("refers to the block that contains it",)),
    Case("yaml-alias-bomb", E, 2, ("more than 200,000 values", "anchors")),
    Case("yaml-two-documents", E, 49, ("a single document", "'---'")),
    Case("empty", E, 1, ("the file is empty", "academy:")),
    Case("comments-only", E, 1, ("the file is empty",)),
    Case("top-level-list", E, 2, ("the file is a list", "academy:")),
    Case("top-level-scalar", E, 2, ("'curriculum'", "academy:")),
    Case("control-character", E, 3, ("control character (U+0007)", "retype")),
    Case("not-utf8", E, 3, ("not UTF-8", "0xe9", "save the file as UTF-8")),
    Case("does-not-exist", E, None, ("file not found",)),
    # CSV files named by the curriculum, as spreadsheets save them
    Case(
        "csv-semicolon",
        W,
        1,
        ("csv-semicolon.csv", "separated by semicolons", "'CSV UTF-8 (Comma delimited)'"),
        at="csv-semicolon.csv",
        info=True,
    ),
    Case(
        "csv-impossible-date",
        E,
        2,
        ("row 2", "'31/02/2027 14:00' is not a real date"),
        at="csv-impossible-date.csv",
    ),
    Case(
        "csv-year-9999",
        E,
        2,
        ("row 2", "'9999-12-31 23:30'", "a year from 1900 to 2999"),
        at="csv-year-9999.csv",
    ),
    Case(
        "csv-not-utf8", E, 2, ("not UTF-8", "0xa3", "'£'", "CSV UTF-8"), at="csv-not-utf8.csv"
    ),
    Case("csv-empty", E, 1, ("the file is empty", "id, module, start"), at="csv-empty.csv"),
    Case(
        "csv-header-typo",
        E,
        1,
        ("unknown column 'modul'", "did you mean 'module'?"),
        at="csv-header-typo.csv",
    ),
    Case(
        "progress-day-first-date",
        E,
        2,
        ("row 2, column 'date'", "'31/02/2026' is not a real date"),
        at="progress-day-first-date.csv",
    ),
    Case(
        "progress-semicolon",
        W,
        1,
        ("separated by semicolons", "'CSV UTF-8 (Comma delimited)'"),
        at="progress-semicolon.csv",
        info=True,
    ),
    Case(
        "progress-not-utf8", E, 3, ("not UTF-8", "0x96", "'–'"), at="progress-not-utf8.csv"
    ),
]


def validate(relative: str) -> subprocess.CompletedProcess[str]:
    return run_cli("validate", relative)


def corpus_path(case: Case) -> str:
    return str(BROKEN / f"{case.file}.yaml")


@pytest.fixture(scope="module")
def runs() -> dict[str, subprocess.CompletedProcess[str]]:
    """Run the CLI on every file once, several at a time (each run is a fresh interpreter)."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        done = pool.map(validate, [corpus_path(c) for c in CASES])
        return {c.file: run for c, run in zip(CASES, done, strict=True)}


@pytest.mark.parametrize("case", CASES, ids=[c.file for c in CASES])
def test_broken_curriculum_is_reported_at_its_line(
    case: Case, runs: dict[str, subprocess.CompletedProcess[str]]
) -> None:
    relative = corpus_path(case)
    run = runs[case.file]
    assert "Traceback" not in run.stderr + run.stdout
    assert run.returncode == case.exit, run.stderr
    severity = "error" if case.exit else "info" if case.info else "warning"
    lines = [line for line in run.stderr.splitlines() if f": {severity}: " in line]
    if case.at is not None:
        relative = str(BROKEN / case.at)
    where = f"{relative}: {severity}: " if case.line is None else f"{relative}:{case.line}:"
    found = [line for line in lines if line.startswith(where)]
    assert found, f"nothing reported at {where}\n{run.stderr}"
    message = "\n".join(found)
    for text in case.texts:
        assert text in message, f"{text!r} not in {message!r}"


def test_every_corpus_file_is_in_the_table() -> None:
    on_disk = {p.stem for p in (REPO / BROKEN).glob("*.yaml")}
    in_table = {c.file for c in CASES}
    assert on_disk == in_table - {"does-not-exist"}
    assert len(on_disk) >= 30


def test_each_broken_file_has_exactly_one_fault(
    runs: dict[str, subprocess.CompletedProcess[str]],
) -> None:
    """One fault, one message: no knock-on errors that would confuse an organiser.

    The exceptions are faults whose consequences are real errors of their own
    (a duplicated id leaves references that no longer resolve uniquely).
    """
    knock_on_allowed = {
        "duplicate-id-audience",
        "duplicate-id-domain",
        "duplicate-id-dose-level",
        "duplicate-id-module",
        "duplicate-id-session",
        "bad-id-non-latin",  # the bad id is declared, then used twice: each place is told
    }
    many_faults = {"many-unquoted-colons"}
    for case in CASES:
        if case.file in knock_on_allowed | many_faults or case.file == "does-not-exist":
            continue
        run = runs[case.file]
        problems = [line for line in run.stderr.splitlines() if ": error: " in line]
        problems += [line for line in run.stderr.splitlines() if ": warning: " in line]
        problems += [line for line in run.stderr.splitlines() if ": info: " in line]
        assert len(problems) == 1, f"{case.file}:\n{run.stderr}"
        if case.info:  # a hint is told, and not counted among the warnings
            assert "valid (0 warnings)" in run.stdout, run.stdout


def test_many_problems_are_capped_and_their_cause_told_once(
    runs: dict[str, subprocess.CompletedProcess[str]],
) -> None:
    """60 outcomes with the same slip: 50 lines, a count of the rest, the hint once."""
    run = runs["many-unquoted-colons"]
    told = [line for line in run.stderr.splitlines() if ": error: " in line]
    assert len(told) == 50
    assert "... and 10 more problems not shown" in run.stderr
    assert run.stderr.count("put text that contains ': ' in quotes") == 2  # first line, summary
    assert "60 of these problems have one likely cause" in run.stderr
    assert "60 errors, 0 warnings" in run.stderr


def test_the_base_of_the_corpus_is_valid() -> None:
    run = validate("tests/minimal_valid.yaml")
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert "valid (0 warnings)" in run.stdout


def test_each_broken_file_names_its_fault() -> None:
    for path in sorted((REPO / BROKEN).glob("*.yaml")):
        if path.stem in ("empty",):
            continue
        text = path.read_bytes().removeprefix(codecs.BOM_UTF8)  # as Notepad saves it
        assert text.startswith(b"# fault: "), path.name


def test_an_unusable_id_is_never_suggested_for_itself(
    runs: dict[str, subprocess.CompletedProcess[str]],
) -> None:
    """The declared 'variatiøn' is no answer to its own use (it was suggested before)."""
    run = runs["bad-id-non-latin"]
    assert "did you mean 'variatiøn'?" not in run.stderr
    assert run.stderr.count(": error: ") == 3
