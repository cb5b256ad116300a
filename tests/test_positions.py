"""Where a message points: the value when the value is wrong, the key when the key is."""

from __future__ import annotations

import pytest

from qisite.inputs import load_inputs
from qisite.problems import Position, Problem
from qisite.yaml_source import parse_yaml
from tests.sitebuild import REPO

BROKEN = REPO / "tests" / "broken"


@pytest.mark.parametrize(
    ("case", "line", "column"),
    [
        ("unknown-key-module-typo", 42, 5),  # '    titel: ...': the key
        ("unknown-key-academy-typo", 6, 3),  # '  timezon: ...': the key
        ("unknown-domain-audience", 30, 7),  # '      variaton: foundation': the key
        ("bad-id-as-key", 30, 7),  # '      Variation: foundation': the key
        ("unknown-dose-level-audience", 30, 18),  # '      variation: practitioner': the value
        ("bad-duration", 47, 15),  # '    duration: an hour...': the value
        ("bad-url-javascript", 8, 12),  # '  booking: javascript:...': the value
        ("unknown-prerequisite", 48, 21),  # '    prerequisites: [qi-basic]': the list item
        ("duplicate-yaml-key", 43, 5),  # the second 'title:' key
        ("missing-module-title", 41, 5),  # the start of the module that lacks it
    ],
)
def test_problem_points_at_the_right_column(case: str, line: int, column: int) -> None:
    result = load_inputs(BROKEN / f"{case}.yaml", "c.yaml")
    assert [(p.position.line, p.position.column) for p in result.problems] == [(line, column)]


def test_source_map_keeps_key_and_value_positions() -> None:
    document = parse_yaml("academy:\n  name:   Riverside\n  list:\n    - a\n", "f.yaml")
    assert document.source.locate(("academy", "name")) == Position("f.yaml", 2, 11)
    assert document.source.locate_key(("academy", "name")) == Position("f.yaml", 2, 3)
    assert document.source.locate(("academy", "list", 0)) == Position("f.yaml", 4, 7)
    # A path that does not exist falls back to its nearest ancestor.
    assert document.source.locate(("academy", "missing")) == Position("f.yaml", 1, 1)


def test_only_true_and_false_are_booleans_and_dates_stay_text() -> None:
    data = parse_yaml("a: no\nb: on\nc: true\nd: 2027-01-14\ne: 12:30\n", "f.yaml").data
    assert data == {"a": "no", "b": "on", "c": True, "d": "2027-01-14", "e": "12:30"}


def test_problem_text_names_file_line_path_subject_and_hint() -> None:
    problem = Problem.error(
        Position("curriculum.yaml", 42, 7),
        ("modules", 3, "prerequisites", 0),
        "unknown module 'qi-basic'",
        "did you mean 'qi-basics'?",
    )
    assert str(problem) == (
        "curriculum.yaml:42:7: error: modules[3].prerequisites[0]: "
        "unknown module 'qi-basic' (did you mean 'qi-basics'?)"
    )
    with_subject = Problem.warning(
        Position("c.yaml", 1, 1), ("modules", 0, "title"), "too long", subject="module 'x'"
    )
    assert str(with_subject) == "c.yaml:1:1: warning: modules[0].title (module 'x'): too long"


def test_merge_keys_fill_in_shared_values() -> None:
    text = "base: &base\n  dose: awareness\nmodule:\n  <<: *base\n  title: T\n"
    data = parse_yaml(text, "f.yaml").data
    assert data["module"] == {"dose": "awareness", "title": "T"}
