"""The capacity check over a schedule whose answer is worked out by hand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from qisite.capacity.check import check_capacity, cumulative, places_offered, rows_for
from qisite.capacity.targets import deepest_module, plan_targets
from qisite.capacity.wording import places, verdict
from qisite.inputs.translations import words_for
from qisite.model import Curriculum, ProgressRow
from qisite.yaml_source import parse_yaml
from tests.capacity_fixture import CURRICULUM

LONDON = ZoneInfo("Europe/London")
ENGLISH = words_for()


@dataclass(frozen=True)
class Occ:
    module_id: str
    audiences: tuple[str, ...]
    start: datetime
    capacity: int | None
    cancelled: bool = False


def at(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 9, 0, tzinfo=LONDON)


def row(day: date, completed: int, audience: str | None = None, module: str | None = None):
    return ProgressRow("progress.csv", 2, day, audience, module, completed)


@pytest.fixture
def curriculum() -> Curriculum:
    return Curriculum.model_validate(parse_yaml(CURRICULUM, "curriculum.yaml").data)


COACH_SCHEDULE = [
    Occ("coach-programme", ("coaches",), at(2027, 2, 1), 12),  # counted
    Occ("coach-programme", ("coaches",), at(2027, 5, 3), 12, cancelled=True),
    Occ("coach-programme", ("coaches",), at(2027, 9, 6), 12),  # counted
    Occ("coach-programme", ("coaches",), at(2028, 3, 31), 10),  # on the deadline: counted
    Occ("coach-programme", ("coaches",), at(2028, 4, 3), 12),  # after the deadline
    Occ("coach-programme", ("coaches",), at(2026, 10, 31), 12),  # on the last count: done
    Occ("coach-programme", ("board",), at(2027, 3, 1), 30),  # not open to coaches
    Occ("intro", ("coaches",), at(2027, 3, 1), 50),  # another module
]


def test_places_offered_counts_only_open_scheduled_sessions_in_the_window() -> None:
    offered = places_offered(
        COACH_SCHEDULE, "coach-programme", "coaches", date(2026, 10, 31), date(2028, 3, 31)
    )
    assert (offered.sessions, offered.places, offered.unlimited) == (3, 34, False)


def test_places_offered_without_a_count_starts_from_the_beginning() -> None:
    offered = places_offered(COACH_SCHEDULE, "coach-programme", "coaches", None, date(2027, 12, 31))
    # 2026-10-31 (12) + 2027-02-01 (12) + 2027-09-06 (12)
    assert (offered.sessions, offered.places) == (3, 36)


def test_known_schedule_short_by_and_on_track(curriculum: Curriculum) -> None:
    targets = plan_targets(curriculum)
    rows = [
        row(date(2026, 6, 30), 4, "coaches"),
        row(date(2026, 10, 31), 6, "coaches"),
        row(date(2026, 5, 1), 3, "board"),
    ]
    occurrences = [
        *COACH_SCHEDULE,
        Occ("board-data", ("board",), at(2027, 1, 11), 5),
        Occ("board-data", ("board",), at(2027, 7, 1), 20),  # after the board's deadline
    ]
    lines = {line.planned.audience.id: line for line in check_capacity(targets, occurrences, rows)}

    coaches = lines["coaches"]
    # Target 40; 4 + 6 = 10 trained by 2026-10-31; 30 still needed; 12 + 12 + 10 = 34 offered.
    assert (coaches.trained, coaches.as_of, coaches.still_needed) == (10, date(2026, 10, 31), 30)
    assert coaches.offered.places == 34
    assert coaches.on_track and verdict(ENGLISH, coaches) == "on track"

    board = lines["board"]
    # 100% of 12 = 12; 3 trained; 9 needed; only the January session (5 places) is in time.
    assert (board.planned.people, board.trained, board.still_needed) == (12, 3, 9)
    assert board.offered.places == 5
    assert board.short_by == 4
    assert verdict(ENGLISH, board) == "short by 4 places"

    everyone = lines["all-staff"]
    # 30% of 4,000 = 1,200; no sessions of 'intro' in this schedule.
    assert (everyone.planned.people, everyone.offered.sessions, everyone.short_by) == (
        1200,
        0,
        1200,
    )


def test_a_session_with_no_capacity_has_no_limit(curriculum: Curriculum) -> None:
    targets = [t for t in plan_targets(curriculum) if t.audience.id == "all-staff"]
    (line,) = check_capacity(targets, [Occ("intro", ("all-staff",), at(2027, 1, 4), None)], [])
    assert line.offered.unlimited and line.on_track and places(ENGLISH, line.offered) == "no limit"


def test_reached_target_is_said_so(curriculum: Curriculum) -> None:
    targets = [t for t in plan_targets(curriculum) if t.audience.id == "board"]
    (line,) = check_capacity(targets, [], [row(date(2026, 1, 31), 12, "board")])
    assert line.still_needed == 0 and verdict(ENGLISH, line) == "target reached"


def test_default_module_is_the_deepest_on_the_pathway(curriculum: Curriculum) -> None:
    audiences = curriculum.audiences_by_id
    assert deepest_module(curriculum, audiences["coaches"]).id == "coach-programme"
    assert deepest_module(curriculum, audiences["board"]).id == "board-data"
    assert deepest_module(curriculum, audiences["all-staff"]).id == "intro"


def test_share_rounds_up_to_whole_people(curriculum: Curriculum) -> None:
    data = parse_yaml(CURRICULUM, "curriculum.yaml").data
    data["targets"] = [{"audience": "board", "group_size": 13, "share": 30, "by": "2027-06-30"}]
    (planned,) = plan_targets(Curriculum.model_validate(data))
    assert planned.people == 4  # 30% of 13 = 3.9


def test_progress_rows_count_for_the_right_target(curriculum: Curriculum) -> None:
    targets = {t.audience.id: t for t in plan_targets(curriculum)}
    rows = [
        row(date(2026, 4, 30), 100, "all-staff"),
        row(date(2026, 4, 30), 7, "all-staff", "intro"),
        row(date(2026, 5, 31), 25, None, "intro"),  # module only: counts for all-staff
        row(date(2026, 5, 31), 9, "all-staff", "board-data"),  # another module: not counted
        row(date(2026, 5, 31), 2, "coaches"),
    ]
    mine = rows_for(targets["all-staff"], rows)
    assert cumulative(mine) == [(date(2026, 4, 30), 107), (date(2026, 5, 31), 132)]
    assert cumulative(rows_for(targets["coaches"], rows)) == [(date(2026, 5, 31), 2)]


@dataclass(frozen=True)
class Part:
    session_id: str
    part: str
    module_id: str
    audiences: tuple[str, ...]
    start: datetime
    capacity: int | None
    cancelled: bool = False


def test_a_cohort_offers_its_places_once_dated_by_its_last_running_part() -> None:
    cohort = [
        Part("wave-1", "Launch", "coach-programme", ("coaches",), at(2027, 1, 11), 20),
        Part("wave-1", "Learning", "coach-programme", ("coaches",), at(2027, 3, 8), 20),
        Part("wave-1", "Graduation", "coach-programme", ("coaches",), at(2027, 7, 5), 20, True),
        Part("wave-2", "Launch", "coach-programme", ("coaches",), at(2027, 6, 7), 20),
        Part("wave-2", "Graduation", "coach-programme", ("coaches",), at(2027, 12, 6), 20),
    ]
    # Wave 1 finishes on 8 March 2027 (graduation cancelled); wave 2 on 6 December 2027.
    by_june = places_offered(cohort, "coach-programme", "coaches", None, date(2027, 6, 30))
    assert (by_june.sessions, by_june.places) == (1, 20)
    by_year_end = places_offered(cohort, "coach-programme", "coaches", None, date(2027, 12, 31))
    assert (by_year_end.sessions, by_year_end.places) == (2, 40)
    everything_cancelled = [Part(**{**p.__dict__, "cancelled": True}) for p in cohort[:3]]
    nothing = places_offered(
        everything_cancelled, "coach-programme", "coaches", None, date(2028, 1, 1)
    )
    assert (nothing.sessions, nothing.places) == (0, 0)


def test_milestones_passed_and_ahead(curriculum: Curriculum) -> None:
    (coaches,) = [t for t in plan_targets(curriculum) if t.audience.id == "coaches"]
    assert [(m.label, m.people, m.by) for m in coaches.milestones] == [
        ("End of wave 1", 5, date(2026, 9, 30)),
        ("End of wave 2", 25, date(2027, 6, 30)),
    ]
    rows = [row(date(2026, 6, 30), 4, "coaches"), row(date(2026, 10, 31), 6, "coaches")]
    (line,) = check_capacity([coaches], COACH_SCHEDULE, rows)
    wave_1, wave_2 = line.milestones
    # Wave 1 is behind the last count (31 Oct 2026): 4 of 5 by 30 Sep, so missed by one.
    assert (wave_1.passed, wave_1.trained, wave_1.status) == (True, 4, "missed")
    assert verdict(ENGLISH, wave_1) == "missed by 1 person"
    # Wave 2: 10 trained, 15 more by 30 Jun 2027; only the 1 Feb 2027 session (12) is in time.
    assert (wave_2.trained, wave_2.still_needed, wave_2.offered.places) == (10, 15, 12)
    assert (wave_2.status, verdict(ENGLISH, wave_2)) == ("short", "short by 3 places")
    # The whole target: 30 needed, 12 + 12 + 10 offered by 31 Mar 2028.
    assert (line.status, line.offered.places) == ("on-track", 34)


def test_east_london_style_tiers() -> None:
    """Tiers with a share or a number each, two years to train, on a trust of 5,000 staff."""
    data = parse_yaml(CURRICULUM, "curriculum.yaml").data
    data["academy"]["headcount"] = 5000
    data["audiences"] = [
        {"id": "all-staff", "name": "Introductory tier", "size": 5000},
        {"id": "leaders", "name": "Leading improvement tier", "size": 800},
        {"id": "coaches", "name": "Coaches"},
        {"id": "board", "name": "Executives"},
        {"id": "experts", "name": "Experts"},
    ]
    ids = [a["id"] for a in data["audiences"]]
    for module in data["modules"]:
        module["audiences"] = ids
    data["targets"] = [
        {"audience": "all-staff", "share": 40, "by": "2016-12-31"},  # 30-50%: take 40%
        {"audience": "leaders", "share": 15, "by": "2016-12-31"},  # 10-20%: take 15%
        {"audience": "coaches", "group_size": 28, "share": 100, "by": "2016-12-31"},
        {"audience": "board", "group_size": 10, "share": 100, "by": "2016-12-31"},
        {"audience": "experts", "train": 5, "by": "2016-12-31"},
    ]
    planned = plan_targets(Curriculum.model_validate(data))
    assert [(t.audience.id, t.group_size, t.people) for t in planned] == [
        ("all-staff", 5000, 2000),
        ("leaders", 800, 120),
        ("coaches", 28, 28),
        ("board", 10, 10),
        ("experts", None, 5),
    ]


def test_places_open_to_two_targeted_groups_are_reported_as_shared(curriculum: Curriculum) -> None:
    data = parse_yaml(CURRICULUM, "curriculum.yaml").data
    data["targets"] = [
        {"audience": "coaches", "train": 10, "by": "2027-12-31", "module": "intro"},
        {"audience": "board", "train": 5, "by": "2027-12-31", "module": "intro"},
    ]
    targets = plan_targets(Curriculum.model_validate(data))
    occurrences = [
        Occ("intro", ("coaches", "board"), at(2027, 2, 1), 8),  # open to both
        Occ("intro", ("coaches",), at(2027, 3, 1), 6),
    ]
    coaches, board = check_capacity(targets, occurrences, [])
    assert (coaches.offered.places, coaches.offered.shared) == (14, 8)
    assert (board.offered.places, board.offered.shared) == (8, 8)
