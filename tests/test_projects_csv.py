"""The projects CSV parser: the few fields a platform export gives, and personal data
refused at its row and column. (Reading the files named under ``project_files:`` is the
input step's; this tests the parser on text.)"""

from __future__ import annotations

from datetime import date

from qisite.inputs.projects_csv import parse_projects_csv
from qisite.model import Stage

HEADER = "id,title,aim,area,audiences,modules,coach,stage,start,testing_changes_from,pdsa_cycles,welcomes_members,contact,notes\n"  # noqa: E501


def test_a_row_becomes_a_project() -> None:
    text = HEADER + (
        "fewer-falls,Fewer falls,Reduce falls by a fifth,Medicine,all-staff;managers,qi-basics,"
        "sam,testing-changes,02/03/2026,11/05/2026,4,yes,mailto:ward7@trust.nhs.uk,\n"
    )
    rows, problems = parse_projects_csv(text, "projects.csv")
    assert problems == []
    project = rows[0].project
    assert project.audiences == ["all-staff", "managers"]
    assert project.start == date(2026, 3, 2)
    assert project.stage_dates == {Stage.TESTING_CHANGES: date(2026, 5, 11)}
    assert project.welcomes_members and project.pdsa_cycles == 4
    assert rows[0].position(rows[0].column_of(("stage_dates", "testing-changes"))).column == 10


def test_an_nhs_number_in_a_cell_is_refused_at_its_row_and_column() -> None:
    text = HEADER + (
        "a,A,Aim,Medicine,,,,idea,2026-01-05,,,no,,ok\n"
        "b,B,Aim,Medicine,,,,idea,2026-01-05,,,no,,Patient 943 476 5919 fell\n"
    )
    rows, problems = parse_projects_csv(text, "projects.csv")
    assert [r.project.id for r in rows] == ["a"]
    assert [str(p.position) for p in problems] == ["projects.csv:3:14"]
    assert "NHS number (943 ••• ••••)" in problems[0].message
    assert "5919" not in str(problems[0])


def test_a_date_of_birth_column_is_refused() -> None:
    rows, problems = parse_projects_csv("id,title,aim,area,stage,start,DOB\n", "p.csv")
    assert rows == []
    assert [str(p.position) for p in problems] == ["p.csv:1:7"]
    assert "personal data" in problems[0].message


def test_a_bad_stage_and_date_are_told_at_their_cells() -> None:
    text = HEADER + "a,A,Aim,Medicine,,,,testing,31/02/2026,,,maybe,,\n"
    _, problems = parse_projects_csv(text, "p.csv")
    where = {str(p.position): p.message for p in problems}
    assert "'31/02/2026' is not a real date" in where["p.csv:2:9"]
    assert "'maybe' is not yes or no" in where["p.csv:2:12"]
