"""Progress CSV files: aggregate counts in, personal data refused with the row and column."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from qisite.inputs import load_inputs
from qisite.inputs.progress_csv import looks_personal, parse_progress_csv
from tests.capacity_fixture import CURRICULUM, PROGRESS

AUDIENCES = {"all-staff", "board"}
MODULES = {"intro", "board-data"}


def read(text: str):
    return parse_progress_csv(text, "data/progress.csv", AUDIENCES, MODULES)


def test_reads_aggregate_counts() -> None:
    rows, problems = read(
        'date,audience,completed\n2027-01-31,board,3\n\n2027-02-28,board,0\n2027-03-31,board,"1,200"\n'
    )
    assert problems == []
    assert [(r.date, r.audience, r.module, r.completed, r.line) for r in rows] == [
        (date(2027, 1, 31), "board", None, 3, 2),
        (date(2027, 2, 28), "board", None, 0, 4),
        (date(2027, 3, 31), "board", None, 1200, 5),
    ]


def test_an_email_column_is_refused_naming_file_and_column() -> None:
    rows, problems = read("date,audience,Email,completed\n2027-01-31,board,,3\n")
    assert rows == []
    assert len(problems) == 1
    text = str(problems[0])
    assert text.startswith("data/progress.csv:1:3: error:")
    assert "'Email'" in text
    assert "personal data" in text and "never publishes learners' personal data" in text


@pytest.mark.parametrize(
    "column",
    [
        "name",
        "First name",
        "last_name",
        "Surname",
        "e-mail",
        "E-mail address",
        "Staff number",
        "employee id",
        "NHS Number",
        "Assignment number",
        "payroll",
        "Date of birth",
    ],
)
def test_personal_columns_are_refused(column: str) -> None:
    _, problems = read(f"date,audience,completed,{column}\n")
    assert len(problems) == 1 and "personal data" in problems[0].message
    assert problems[0].position.column == 4


@pytest.mark.parametrize("column", ["date", "audience", "module", "completed"])
def test_allowed_columns_do_not_look_personal(column: str) -> None:
    assert not looks_personal(column)


def test_an_email_like_value_is_refused_with_row_and_column() -> None:
    rows, problems = read(
        "date,audience,completed\n2027-01-31,board,3\n2027-02-28,jo.bloggs@nhs.net,1\n"
    )
    assert [r.line for r in rows] == [2]
    (problem,) = problems
    assert (problem.position.line, problem.position.column) == (3, 2)
    assert "row 3, column 'audience'" in problem.message
    assert "email address" in problem.message
    assert "jo.bloggs" not in str(problem)  # the message does not repeat the personal data


def test_bad_cells_name_the_row_and_column() -> None:
    _, problems = read(
        "date,audience,module,completed\n31/02/2027,board,,3\n2027-02-28,bord,,x\n2027-03-31,,,1\n"
    )
    found = [(p.position.line, p.position.column, p.message, p.hint) for p in problems]
    assert found[0][:2] == (2, 1) and "'31/02/2027' is not a real date" in found[0][2]
    assert found[1][:2] == (3, 4) and "not a whole number" in found[1][2]
    assert found[2][:2] == (3, 2) and "unknown audience 'bord'" in found[2][2]
    assert found[2][3] == "did you mean 'board'?"
    assert found[3][:2] == (4, 2) and "say which audience or module" in found[3][2]


def test_dates_are_read_in_the_forms_the_sessions_csv_takes() -> None:
    rows, problems = read(
        "date,audience,module,completed\n31/01/2027,board,,3\n2027-02-28 00:00:00,board,,4\n"
    )
    assert problems == []
    assert [row.date.isoformat() for row in rows] == ["2027-01-31", "2027-02-28"]


def test_unknown_and_missing_columns() -> None:
    _, problems = read("date,audiance,completed\n")
    messages = [p.message for p in problems]
    assert "unknown column 'audiance'" in messages
    assert any("neither an 'audience' nor a 'module'" in m for m in messages)
    assert problems[0].hint == "did you mean 'audience'?"


def test_validation_reports_a_personal_column_through_load(tmp_path: Path) -> None:
    (tmp_path / "curriculum.yaml").write_text(CURRICULUM, encoding="utf-8")
    (tmp_path / "progress.csv").write_text(
        "date,audience,staff number,completed\n2027-01-31,board,12345,3\n", encoding="utf-8"
    )
    result = load_inputs(tmp_path / "curriculum.yaml", "curriculum.yaml")
    assert not result.ok
    (error,) = result.errors
    assert str(error).startswith("progress.csv:1:3: error: column 'staff number' looks like")


def test_validation_reports_a_missing_progress_file(tmp_path: Path) -> None:
    (tmp_path / "curriculum.yaml").write_text(CURRICULUM, encoding="utf-8")
    result = load_inputs(tmp_path / "curriculum.yaml", "curriculum.yaml")
    (error,) = result.errors
    assert error.path == ("progress_files", 0)
    assert "progress file 'progress.csv' not found" in error.message


def test_the_fixture_is_valid(tmp_path: Path) -> None:
    (tmp_path / "curriculum.yaml").write_text(CURRICULUM, encoding="utf-8")
    (tmp_path / "progress.csv").write_text(PROGRESS, encoding="utf-8")
    result = load_inputs(tmp_path / "curriculum.yaml", "curriculum.yaml")
    assert result.ok, [str(p) for p in result.problems]
    assert result.warnings == []


def test_rows_that_would_not_count_as_meant_are_warned(tmp_path: Path) -> None:
    (tmp_path / "curriculum.yaml").write_text(
        CURRICULUM.replace("    rule_of_thumb: quality-coaches\n", "    module: intro\n"),
        encoding="utf-8",
    )
    (tmp_path / "progress.csv").write_text(
        "date,audience,module,completed\n"
        "2026-06-30,,intro,5\n"  # 'intro' now counts for all-staff and coaches
        "2026-06-30,board,intro,2\n",  # the board's target counts 'board-data'
        encoding="utf-8",
    )
    result = load_inputs(tmp_path / "curriculum.yaml", "curriculum.yaml")
    assert result.ok
    first, second = result.warnings
    assert str(first).startswith("progress.csv:2:1: warning: row 2: module 'intro' counts")
    assert "all-staff, coaches" in first.message
    assert str(second).startswith("progress.csv:3:1: warning: row 3: completions of 'intro'")
    assert "counts 'board-data'" in second.message


def test_a_count_dated_after_the_build_is_warned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")  # 2027-01-01 00:00 UTC
    (tmp_path / "curriculum.yaml").write_text(CURRICULUM, encoding="utf-8")
    (tmp_path / "progress.csv").write_text(
        "date,audience,completed\n2026-12-31,board,1\n2072-01-31,board,2\n", encoding="utf-8"
    )
    result = load_inputs(tmp_path / "curriculum.yaml", "curriculum.yaml")
    found = [str(w) for w in result.warnings if str(w).startswith("progress.csv")]
    assert found == [
        "progress.csv:3:1: warning: row 3, column 'date': 2072-01-31 is after today "
        "(2027-01-01); progress counts what has happened "
        "(check the year, or leave the row out until the date has passed)"
    ]


def test_empty_columns_at_the_end_are_ignored_unless_they_hold_values() -> None:
    rows, problems = read(
        "date,audience,completed,,\n2027-01-31,board,3,,\n2027-02-28,board,1,,x\n"
    )
    assert [r.line for r in rows] == [2]
    (problem,) = problems
    assert (problem.position.line, problem.position.column) == (3, 5)
    assert "has a value but the column has no name" in problem.message
