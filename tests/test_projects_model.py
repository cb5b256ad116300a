"""Projects, coaches and the rule of thumb, without a build: personal data found, loads
counted by hand, stages over time read from the projects' own dates."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from qisite.capacity.coaching import coaching_figures, teams_for
from qisite.model import Coach, Project, Stage
from qisite.validation.personal_data import column_looks_personal, find_personal, is_nhs_number
from qisite.views.projects import stage_counts


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("Patient 943 476 5919 fell", "an NHS number"),
        ("patient 9434765919", "an NHS number"),
        ("ref 943-476-5919", "an NHS number"),
        ("DOB 12/03/1950", "a date of birth"),
        ("born on 3 March 1950", "a date of birth"),
        ("date of birth: 1950-03-12", "a date of birth"),
        ("write to jo.bloggs@gmail.com", "an email address"),
    ],
)
def test_personal_data_is_found(text: str, what: str) -> None:
    assert [f.what for f in find_personal(text)] == [what]


@pytest.mark.parametrize(
    "text",
    [
        "ring 9434765918",  # ten digits whose check digit is wrong: not an NHS number
        "switchboard 01234 567890",
        "Reduce falls by 20% by 2028-03-31",
        "4,000 staff, 1,344 registered",
        "born out of a safety huddle",
    ],
)
def test_aggregate_text_passes(text: str) -> None:
    assert find_personal(text) == []


def test_email_allowed_where_a_contact_belongs() -> None:
    assert find_personal("mailto:qi@trust.nhs.uk", allow_email=True) == []


def test_nhs_number_check_digit() -> None:
    assert is_nhs_number("9434765919")
    assert not is_nhs_number("9434765910")
    assert not is_nhs_number("943476591")


def test_personal_columns() -> None:
    assert all(map(column_looks_personal, ["DOB", "date_of_birth", "NHS number", "Patient"]))
    assert not any(map(column_looks_personal, ["aim", "area", "stage", "pdsa_cycles"]))


def _coach(coach_id: str, time: float) -> Coach:
    return Coach(
        id=coach_id, name=coach_id, role="Coach", contact="mailto:c@trust.nhs.uk",
        protected_time=time,
    )


def _project(project_id: str, coach: str | None, stage: str = "testing-changes") -> Project:
    return Project.model_validate(
        {"id": project_id, "title": project_id, "aim": "aim", "area": "Medicine",
         "coach": coach, "stage": stage, "start": "2026-01-01"}
    )


def test_rule_of_thumb_scales_outside_the_band() -> None:
    assert teams_for(20) == teams_for(25) == teams_for(22.5)
    assert (teams_for(20).low, teams_for(20).high) == (3, 4)
    assert (teams_for(10).low, teams_for(10).high) == (Fraction(3, 2), 2)
    assert (teams_for(50).low, teams_for(50).high) == (6, 8)


def test_loads_match_a_hand_count() -> None:
    coaches = [_coach("ana", 20), _coach("ben", 10), _coach("cat", 50)]
    projects = [
        *(_project(f"a{n}", "ana") for n in range(4)),  # ana: 4 teams, 3-4: not over
        _project("a-closed", "ana", "closed"),  # closed: not a team
        *(_project(f"b{n}", "ben") for n in range(3)),  # ben: 3 teams, 1.5-2: over
        _project("lonely", None),  # under way, no coach
        _project("later", None, "closed"),  # closed without a coach: fine
    ]
    figures = coaching_figures(coaches, projects)
    assert [(load.coach.id, load.teams) for load in figures.loads] == [
        ("ana", 4), ("ben", 3), ("cat", 0)
    ]
    assert [load.coach.id for load in figures.over] == ["ben"]
    assert [load.coach.id for load in figures.loads if load.spare] == ["cat"]
    assert [p.id for p in figures.uncoached] == ["lonely"]
    assert figures.active == 8
    assert (figures.supports.low, figures.supports.high) == (3 + Fraction(3, 2) + 6, 4 + 2 + 8)


def test_stage_counts_read_the_projects_own_dates() -> None:
    first = Project.model_validate(
        {"id": "one", "title": "One", "aim": "a", "area": "A", "stage": "spreading",
         "start": "2026-01-15", "stage_dates": {"testing-changes": "2026-02-10",
                                                 "spreading": "2026-04-01"}}
    )
    second = Project.model_validate(
        {"id": "two", "title": "Two", "aim": "a", "area": "A", "stage": "closed",
         "start": "2026-02-01", "stage_dates": {"closed": "2026-03-31"}}
    )
    counts = stage_counts([first, second])
    assert [c.day for c in counts] == [
        date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 30)
    ]
    table = [(c.counts[Stage.IDEA], c.counts[Stage.TESTING_CHANGES], c.counts[Stage.SPREADING],
              c.counts[Stage.CLOSED]) for c in counts]
    assert table == [(1, 0, 0, 0), (1, 1, 0, 0), (0, 1, 0, 1), (0, 0, 1, 1)]
