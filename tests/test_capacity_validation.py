"""Targets are checked with the line of the mistake and a hint."""

from __future__ import annotations

from pathlib import Path

from qisite.inputs import Loaded, load_inputs
from tests.capacity_fixture import CURRICULUM, PROGRESS

BASE_TARGETS = CURRICULUM[CURRICULUM.index("targets:") : CURRICULUM.index("progress_files:")]


def load_with_targets(tmp_path: Path, targets: str) -> Loaded:
    text = CURRICULUM.replace(BASE_TARGETS, targets)
    (tmp_path / "curriculum.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "progress.csv").write_text(PROGRESS, encoding="utf-8")
    return load_inputs(tmp_path / "curriculum.yaml", "curriculum.yaml")


def line_of(tmp_path: Path, needle: str) -> int:
    lines = (tmp_path / "curriculum.yaml").read_text(encoding="utf-8").splitlines()
    return next(n for n, text in enumerate(lines, start=1) if needle in text)


def test_both_train_and_share_is_an_error(tmp_path: Path) -> None:
    result = load_with_targets(
        tmp_path,
        "targets:\n  - audience: board\n    group_size: 12\n    train: 5\n"
        "    share: 50\n    by: 2027-06-30\n\n",
    )
    (error,) = result.errors
    assert "needs exactly one of 'train'" in error.message
    assert error.position.line == line_of(tmp_path, "- audience: board")


def test_neither_train_nor_share_is_an_error(tmp_path: Path) -> None:
    result = load_with_targets(tmp_path, "targets:\n  - audience: board\n    by: 2027-06-30\n\n")
    (error,) = result.errors
    assert "exactly one of 'train'" in error.message and error.hint


def test_share_without_a_group_size(tmp_path: Path) -> None:
    result = load_with_targets(
        tmp_path, "targets:\n  - audience: coaches\n    share: 50\n    by: 2027-06-30\n\n"
    )
    (error,) = result.errors
    assert error.path == ("targets", 0, "share")
    assert "has none" in error.message and "group_size" in (error.hint or "")


def test_unknown_audience_and_module_with_suggestions(tmp_path: Path) -> None:
    result = load_with_targets(
        tmp_path,
        "targets:\n  - audience: boards\n    train: 5\n    by: 2027-06-30\n"
        "    module: board-dat\n\n",
    )
    found = {(e.path[-1], e.hint) for e in result.errors}
    assert ("audience", "did you mean 'board'?") in found
    assert ("module", "did you mean 'board-data'?") in found


def test_more_people_than_the_group_and_a_second_target(tmp_path: Path) -> None:
    result = load_with_targets(
        tmp_path,
        "targets:\n  - audience: board\n    group_size: 12\n    train: 13\n    by: 2027-06-30\n"
        "  - audience: board\n    group_size: 12\n    train: 6\n    by: 2026-12-31\n\n",
    )
    messages = sorted(e.message for e in result.errors)
    assert messages[0].startswith("a second target for audience 'board': the first is on line")
    assert messages[1] == "the target for 'board' trains 13 people but the group has only 12"


def test_a_module_off_the_pathway_is_a_warning(tmp_path: Path) -> None:
    result = load_with_targets(
        tmp_path,
        "targets:\n  - audience: board\n    train: 5\n    by: 2027-06-30\n"
        "    module: coach-programme\n\n",
    )
    assert result.ok
    (warning,) = result.warnings
    assert "not on the pathway of 'board'" in warning.message


def test_an_unknown_rule_of_thumb_is_refused(tmp_path: Path) -> None:
    result = load_with_targets(
        tmp_path,
        "targets:\n  - audience: board\n    train: 5\n    by: 2027-06-30\n"
        "    rule_of_thumb: coaches\n\n",
    )
    (error,) = result.errors
    assert error.path == ("targets", 0, "rule_of_thumb")


MILESTONES = (
    "targets:\n  - audience: board\n    group_size: 12\n    train: 12\n    by: 2027-06-30\n"
    "    milestones:\n{}\n"
)


def test_milestones_are_checked(tmp_path: Path) -> None:
    result = load_with_targets(
        tmp_path,
        MILESTONES.format(
            "      - {by: 2026-12-31, share: 50}\n"  # fine: 6 people
            "      - {by: 2026-09-30, train: 4}\n"  # out of date order
            "      - {by: 2027-06-30, train: 13}\n"  # on the deadline, more than the target
            "      - {by: 2027-01-31}\n"  # neither train nor share
        ),
    )
    errors = {(e.path, e.message) for e in result.errors}
    assert errors == {
        (
            ("targets", 0, "milestones", 2, "train"),
            "the milestone of 2027-06-30 for 'board' trains 13 people but the group has only 12",
        ),
        (
            ("targets", 0, "milestones", 2, "by"),
            "the milestone of 2027-06-30 for 'board' is not before the target's deadline "
            "(2027-06-30)",
        ),
        (
            ("targets", 0, "milestones", 2),
            "the milestone of 2027-06-30 for 'board' asks for 13 people, more than the target "
            "itself (12)",
        ),
        (
            ("targets", 0, "milestones", 3),
            "the milestone of 2027-01-31 for 'board' needs exactly one of 'train' (a number of "
            "people) or 'share' (a percentage of the group)",
        ),
    }
    (warning,) = result.warnings
    assert warning.path == ("targets", 0, "milestones", 1)
    assert "date order" in warning.message
