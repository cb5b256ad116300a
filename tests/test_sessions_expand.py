"""Expanding sessions into dated occurrences in the academy's time zone."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC

from qisite.sessions import occurrences, occurrences_for_modules
from tests.session_fixtures import inputs
from tests.sitebuild import REPO


def _utc(o) -> str:
    return o.start.astimezone(UTC).strftime("%Y-%m-%d %H:%M")


def test_lunchtime_session_follows_the_clock_change(tmp_path) -> None:
    c = inputs(
        tmp_path,
        """\
        - {id: summer, module: mod-intro, start: 2027-07-15 12:30, end: "13:30"}
        - {id: winter, module: mod-intro, start: 2027-01-14 12:30, duration: 1h}
        """,
    )
    found = {o.session_id: o for o in occurrences(c)}
    assert _utc(found["summer"]) == "2027-07-15 11:30"
    assert _utc(found["winter"]) == "2027-01-14 12:30"
    assert (
        found["summer"].end - found["summer"].start == found["winter"].end - found["winter"].start
    )


def test_monthly_repeat_with_exception_and_cancellation(tmp_path) -> None:
    c = inputs(
        tmp_path,
        """\
        - id: lunch
          module: mod-intro
          start: 2027-01-12 12:30
          end: "13:30"
          repeat:
            every: monthly
            weekday_of_month: true
            until: 2027-06-30
            exceptions: [2027-04-13]
            cancelled: [2027-05-11]
        """,
    )
    found = occurrences(c)
    dates = [o.start.strftime("%Y-%m-%d %H:%M") for o in found]
    # The second Tuesday of each month, April skipped.
    assert dates == [
        "2027-01-12 12:30",
        "2027-02-09 12:30",
        "2027-03-09 12:30",
        "2027-05-11 12:30",
        "2027-06-08 12:30",
    ]
    assert [o.cancelled for o in found] == [False, False, False, True, False]
    assert len({o.uid for o in found}) == 5


def test_rrule_form_gives_the_same_dates(tmp_path) -> None:
    c = inputs(
        tmp_path,
        """\
        - id: lunch
          module: mod-intro
          start: 2027-01-12 12:30
          duration: 1h
          rrule: FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270630
          exceptions: [2027-04-13]
        """,
    )
    dates = [o.start.strftime("%Y-%m-%d") for o in occurrences(c)]
    assert dates == ["2027-01-12", "2027-02-09", "2027-03-09", "2027-05-11", "2027-06-08"]


def test_cohort_parts_and_filters(tmp_path) -> None:
    c = inputs(
        tmp_path,
        """\
        - id: wave-1
          module: mod-data
          cohort: Wave 1
          end: "16:00"
          parts:
            - {name: Launch day, start: 2027-03-01 09:00, end: 2027-03-01 17:00}
            - {name: Learning session, start: 2027-04-05 13:00, status: cancelled}
            - {name: Graduation, start: 2027-09-06 14:00, duration: 90m}
        - {id: single, module: mod-intro, start: 2027-02-01 10:00, duration: 2h}
        """,
    )
    found = occurrences(c)
    wave = occurrences_for_modules(found, ["mod-data"])
    assert [o.part.name for o in wave if o.part] == ["Launch day", "Learning session", "Graduation"]
    assert [o.cancelled for o in wave] == [False, True, False]
    assert [o.end.strftime("%H:%M") for o in wave] == ["17:00", "16:00", "15:30"]
    assert all(o.cohort == "Wave 1" and o.audiences == ("aud-board",) for o in wave)
    assert found[0].session_id == "single"


def test_every_sessions_module_imports_on_its_own() -> None:
    """No import cycle between the input step, the sessions package and the validation checks."""
    import subprocess
    import sys

    for name in (
        "qisite.inputs.sessions_csv",
        "qisite.inputs.structure",
        "qisite.model.inputs",
        "qisite.validation.sessions",
        "qisite.site.calendar",
    ):
        done = subprocess.run(
            [sys.executable, "-c", f"import {name}"], capture_output=True, cwd=REPO
        )
        assert done.returncode == 0, done.stderr.decode()


def test_fixed_words_are_read_kindly(tmp_path) -> None:
    c = inputs(
        tmp_path,
        """\
        - id: m
          module: mod-intro
          start: 2027-01-12 12:30
          duration: 1h
          status: Canceled
          repeat: {every: Month, count: 2}
        """,
    )
    found = occurrences(c)
    assert [o.start.month for o in found] == [1, 2] and all(o.cancelled for o in found)


def test_a_sitting_carries_its_session_part_and_module(tmp_path) -> None:
    """Nothing is copied: the sitting refers to the session, part and module it comes from,
    and what it shows falls back from part to session to module or academy."""
    read = inputs(
        tmp_path,
        """\
        - id: wave-2
          module: mod-data
          title: Data for boards
          venue: Board room
          facilitator: Dr Session
          notes: Bring the latest report
          parts:
            - {name: Launch, start: 2027-03-01 09:00, duration: 1h, venue: Lecture theatre}
            - name: Close
              start: 2027-06-01 09:00
              duration: 1h
              online: https://meet.example.org/close
              facilitator: Dr Part
              notes: Last one
        - {id: plain, module: mod-intro, start: 2027-02-01 10:00, booking: https://book.example.org}
        """,
    )
    academy = read.curriculum.academy.model_copy(
        update={"booking": "https://book.example.org/academy"}
    )
    read = replace(read, curriculum=read.curriculum.model_copy(update={"academy": academy}))
    c = read.curriculum
    plain, launch, close = occurrences(read)
    wave = c.sessions[0]
    assert launch.session is wave and close.session is wave and plain.session is c.sessions[1]
    assert launch.part is wave.parts[0] and close.part is wave.parts[1] and plain.part is None
    assert launch.module is c.modules_by_id["mod-data"]
    assert plain.module is c.modules_by_id["mod-intro"]
    # The part's own value wins; otherwise the session's.
    assert (launch.venue, launch.online, launch.facilitator, launch.notes) == (
        "Lecture theatre",
        None,
        "Dr Session",
        "Bring the latest report",
    )
    assert (close.venue, close.online, close.facilitator, close.notes) == (
        "Board room",
        "https://meet.example.org/close",
        "Dr Part",
        "Last one",
    )
    assert close.format == "hybrid" and launch.format == "in-person"
    # The title falls back to the module's, the booking link to the academy's.
    assert launch.title == "Data for boards" and plain.title == "Introduction module"
    assert plain.booking == "https://book.example.org"
    assert launch.booking == "https://book.example.org/academy"
