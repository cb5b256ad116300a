"""Organiser mistakes in sessions, in YAML and CSV, are reported where they were made."""

from __future__ import annotations

import icalendar
import pytest

from qisite.engines import EngineSettings, generate
from qisite.problems import Problem
from tests.session_fixtures import FIRST_SESSION_LINE, load

CSV_HEADER = "id,module,title,start,end,duration,venue,online,facilitator,capacity,booking,audiences,cohort,status,notes\n"  # noqa: E501


def _find(problems: list[Problem], text: str) -> Problem:
    matches = [p for p in problems if text in str(p)]
    assert matches, f"no problem mentioning {text!r} in:\n" + "\n".join(map(str, problems))
    return matches[0]


@pytest.fixture(autouse=True)
def _build_date(monkeypatch: pytest.MonkeyPatch) -> None:
    # 2027-01-01 00:00 UTC: the tests' sessions are in 2027, not long past.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")


def test_end_before_start_is_an_error_at_the_end(tmp_path) -> None:
    result = load(
        tmp_path, "- {id: s1, module: mod-intro, start: 2027-02-01 14:00, end: '13:00'}\n"
    )
    problem = _find(result.errors, "ends (2027-02-01 13:00) before it starts")
    assert problem.position.line == FIRST_SESSION_LINE
    assert problem.path == ("sessions", 0, "end")


def test_a_part_ending_years_after_it_starts_is_an_error_at_its_end(tmp_path) -> None:
    """A slip in the year of an end: the sitting lasted centuries and nothing said so."""
    result = load(
        tmp_path,
        """\
        - id: wave
          module: mod-intro
          parts:
            - {name: Launch, start: 2027-02-01 09:00, end: 2207-02-01 17:00}
        """,
    )
    problem = _find(result.errors, "ends (2207-02-01 17:00) more than a year after it starts")
    assert problem.path == ("sessions", 0, "parts", 0, "end")
    assert "part 'Launch' of session 'wave'" in str(problem)


def test_an_end_at_24_00_is_told_how_midnight_is_written(tmp_path) -> None:
    """'24:00' for the end of a day was told only 'not a time I can read: write it like 16:30'."""
    result = load(
        tmp_path, "- {id: s1, module: mod-intro, start: 2027-02-01 22:00, end: '24:00'}\n"
    )
    problem = _find(result.errors, "'24:00' is not a time on a clock")
    assert "the next day's date and 00:00" in str(problem)
    assert problem.position.line == FIRST_SESSION_LINE


def test_unknown_module_and_audience_with_suggestions(tmp_path) -> None:
    result = load(
        tmp_path,
        "- {id: s1, module: mod-intr, start: 2027-02-01 14:00, duration: 1h, "
        "audiences: [aud-wrd]}\n",
    )
    module = _find(result.errors, "unknown module 'mod-intr'")
    assert module.hint == "did you mean 'mod-intro'?"
    audience = _find(result.errors, "unknown audience 'aud-wrd'")
    assert audience.hint == "did you mean 'aud-ward'?"
    assert audience.path == ("sessions", 0, "audiences", 0)


def test_capacity_must_be_a_positive_number(tmp_path) -> None:
    result = load(tmp_path, "- {id: s1, module: mod-intro, start: 2027-02-01 14:00, capacity: 0}\n")
    assert _find(result.errors, "'0' is out of range").path == ("sessions", 0, "capacity")
    result = load(
        tmp_path, "- {id: s1, module: mod-intro, start: 2027-02-01 14:00, capacity: lots}\n"
    )
    _find(result.errors, "expected a whole number, got 'lots'")


@pytest.mark.parametrize("field", ["booking", "online"])
def test_links_must_be_http_https_or_mailto(tmp_path, field: str) -> None:
    result = load(
        tmp_path,
        f"- {{id: s1, module: mod-intro, start: 2027-02-01 14:00, "
        f"{field}: 'javascript:alert(1)'}}\n",
    )
    problem = _find(result.errors, "'javascript:alert(1)' is not an allowed link")
    assert problem.path == ("sessions", 0, field)
    ok = load(
        tmp_path,
        "- {id: s1, module: mod-intro, start: 2027-02-01 14:00, "
        "booking: 'mailto:qi@testshire.example.nhs.uk', online: 'https://meet.example.org/x'}\n",
    )
    assert ok.ok, ok.problems


def test_unbounded_repeats_are_refused(tmp_path) -> None:
    result = load(
        tmp_path,
        """\
        - {id: weekly, module: mod-intro, start: 2027-02-01 14:00, repeat: {every: weekly}}
        - {id: ruled, module: mod-intro, start: 2027-02-01 14:00, rrule: FREQ=MONTHLY;BYDAY=1MO}
        """,
    )
    assert _find(result.errors, "'weekly' repeats for ever").path == ("sessions", 0, "repeat")
    ruled = _find(result.errors, "'ruled' repeats for ever")
    assert ruled.path == ("sessions", 1, "rrule")
    assert "COUNT=" in (ruled.hint or "")


def test_an_unreadable_rrule_is_an_error(tmp_path) -> None:
    result = load(
        tmp_path, "- {id: r, module: mod-intro, start: 2027-02-01 14:00, rrule: FREQ=FORTNIGHTLY}\n"
    )
    assert _find(result.errors, "is not a repeat rule I can read").path[:3] == (
        "sessions",
        0,
        "rrule",
    )


def test_exception_on_a_date_without_a_sitting_is_a_warning(tmp_path) -> None:
    result = load(
        tmp_path,
        "- {id: m, module: mod-intro, start: 2027-02-01 14:00, "
        "repeat: {every: monthly, count: 3, exceptions: [2027-03-02]}}\n",
    )
    assert result.ok
    _find(result.warnings, "has no sitting on 2027-03-02")


def test_overlapping_sessions_in_one_venue_warn_naming_both(tmp_path) -> None:
    result = load(
        tmp_path,
        """\
        - {id: first, module: mod-intro, start: 2027-02-01 14:00, duration: 2h, venue: Room 1}
        - {id: second, module: mod-data, start: 2027-02-01 15:00, duration: 1h, venue: room  1}
        - {id: elsewhere, module: mod-data, start: 2027-02-01 15:00, duration: 1h, venue: Room 2}
        - {id: later, module: mod-data, start: 2027-02-01 16:00, duration: 1h, venue: Room 1}
        """,
    )
    assert result.ok
    overlaps = [p for p in result.warnings if "overlaps" in p.message]
    assert len(overlaps) == 1
    assert "'second'" in overlaps[0].message and "'first'" in overlaps[0].message
    assert f"line {FIRST_SESSION_LINE} of curriculum.yaml" in overlaps[0].message


def test_sessions_long_past_warn(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1893456000")  # 2030-01-01
    result = load(
        tmp_path,
        """\
        - {id: old, module: mod-intro, start: 2027-02-01 14:00, duration: 1h}
        - {id: recent, module: mod-intro, start: 2029-06-01 14:00, duration: 1h}
        """,
    )
    assert result.ok
    past = [p for p in result.warnings if "more than a year" in p.message]
    assert [p.path for p in past] == [("sessions", 0, "start")]
    assert "2030-01-01" in past[0].message


def test_csv_errors_name_file_row_column_and_value(tmp_path) -> None:
    csv = (
        CSV_HEADER
        + "c1,mod-intro,,2027-03-01 10:00,11:00,,Room 1,,,20,,,,,\n"
        + "c2,mod-intro,,2027-03-01 10:00,11:00,,,,,twenty,,,,,\n"
        + "c3,mod-intro,,2027-02-30 10:00,,,,,,,,,,,\n"
        + "c4,mod-nope,,2027-03-02 10:00,,,,,,,,aud-ward;aud-bord,,,\n"
        + "c5,mod-intro,,2027-03-02 10:00,,,,,,,ftp://x.example,,,,\n"
    )
    result = load(
        tmp_path,
        "- {id: c1, module: mod-intro, start: 2027-02-01 14:00, duration: 1h}\n",
        extra="session_files: [planned.csv]\n",
        files={"planned.csv": csv},
    )
    capacity = _find(result.errors, "got 'twenty'")
    assert (capacity.position.file, capacity.position.line, capacity.position.column) == (
        "planned.csv",
        3,
        10,
    )
    assert "row 3" in capacity.message and capacity.path == ("capacity",)
    start = _find(result.errors, "'2027-02-30 10:00' is not a real date")
    assert (start.position.line, start.position.column) == (4, 4)
    module = _find(result.errors, "unknown module 'mod-nope'")
    assert (module.position.line, module.position.column) == (5, 2)
    booking = _find(result.errors, "'ftp://x.example' is not an allowed link")
    assert (booking.position.line, booking.position.column) == (6, 11)
    audience = _find(result.errors, "unknown audience 'aud-bord'")
    assert audience.hint == "did you mean 'aud-board'?"
    duplicate = _find(result.errors, "duplicate session id 'c1'")
    assert duplicate.position.file == "planned.csv" and duplicate.position.line == 2
    # One line later: session_files: comes before sessions:
    assert f"line {FIRST_SESSION_LINE + 1} of curriculum.yaml" in duplicate.message
    assert str(capacity).startswith("planned.csv:3:10: error: capacity: row 3:")


def test_csv_unknown_and_missing_columns(tmp_path) -> None:
    result = load(
        tmp_path,
        extra="session_files: [bad.csv, missing.csv]\n",
        files={"bad.csv": "id,modul,start,venu\nx,mod-intro,2027-03-01 10:00,Room\n"},
    )
    venue = _find(result.errors, "unknown column 'venu'")
    assert (venue.position.line, venue.position.column, venue.hint) == (
        1,
        4,
        "did you mean 'venue'?",
    )
    # A misspelt required column is one mistake, told once: as the misspelling.
    assert _find(result.errors, "unknown column 'modul'").hint == "did you mean 'module'?"
    assert not [p for p in result.errors if "the required column 'module'" in p.message]
    missing = _find(result.errors, "'missing.csv' does not exist")
    assert missing.path == ("session_files", 1)


def test_csv_missing_required_column(tmp_path) -> None:
    result = load(
        tmp_path,
        extra="session_files: [bad.csv]\n",
        files={"bad.csv": "id,start,venue\nx,2027-03-01 10:00,Room\n"},
    )
    missing = _find(result.errors, "the required column 'module' is missing")
    assert (missing.position.line, missing.position.column) == (1, 1)
    assert len(result.errors) == 1  # no row errors after it


def test_a_valid_csv_adds_sessions(tmp_path) -> None:
    from qisite.sessions import occurrences

    csv = CSV_HEADER + (
        'c1,mod-data,Data clinic,2027-03-01 10:00,,90m,"Room 1, Main site",,Dr Example,12,'
        "https://book.example.org/c1,aud-ward; aud-board,Wave 2,cancelled,Bring a laptop\n"
    )
    result = load(tmp_path, extra="session_files: [planned.csv]\n", files={"planned.csv": csv})
    assert result.ok, result.problems
    (found,) = occurrences(result.require())
    assert (found.title, found.venue, found.capacity, found.cancelled) == (
        "Data clinic",
        "Room 1, Main site",
        12,
        True,
    )
    assert found.audiences == ("aud-ward", "aud-board")
    assert (found.end - found.start).seconds == 90 * 60


def test_a_cohort_part_ending_before_it_starts(tmp_path) -> None:
    result = load(
        tmp_path,
        """\
        - id: wave
          module: mod-data
          end: "12:00"
          parts:
            - {name: Launch, start: 2027-02-01 09:00}
            - {name: Afternoon, start: 2027-03-01 13:00}
        """,
    )
    problem = _find(result.errors, "part 'Afternoon' of session 'wave' ends (2027-03-01 12:00)")
    assert problem.path == ("sessions", 0, "parts", 1, "start")
    assert problem.position.line == FIRST_SESSION_LINE + 5


def test_repeat_with_until_and_count_is_refused(tmp_path) -> None:
    result = load(
        tmp_path,
        "- {id: r, module: mod-intro, start: 2027-02-01 14:00, "
        "repeat: {every: weekly, until: 2027-06-01, count: 3}}\n",
    )
    problem = _find(result.errors, "'until:' or 'count:', not both")
    assert problem.path[:3] == ("sessions", 0, "repeat")


def test_session_needs_a_start_or_parts(tmp_path) -> None:
    result = load(tmp_path, "- {id: floating, module: mod-intro, venue: Room 1}\n")
    problem = _find(result.errors, "session 'floating' has neither 'start:' nor 'parts:'")
    assert problem.position.line == FIRST_SESSION_LINE


def test_a_time_skipped_by_the_clock_change_warns(tmp_path) -> None:
    result = load(
        tmp_path,
        """\
        - {id: gap, module: mod-intro, start: 2027-03-28 01:30, duration: 1h}
        - {id: fine, module: mod-intro, start: 2027-03-28 03:30, duration: 1h}
        """,
    )
    assert result.ok
    gaps = [p for p in result.warnings if "does not exist" in p.message]
    assert [p.path for p in gaps] == [("sessions", 0, "start")]


def test_csv_accepts_what_a_uk_spreadsheet_saves(tmp_path) -> None:
    from qisite.sessions import occurrences

    csv = "id,module,start,end,status\nuk,mod-intro,14/01/2027 12:30,13:30:00,Cancelled\n"
    result = load(tmp_path, extra="session_files: [uk.csv]\n", files={"uk.csv": csv})
    assert result.ok, result.problems
    (found,) = occurrences(result.require())
    assert found.start.strftime("%Y-%m-%d %H:%M") == "2027-01-14 12:30"
    assert found.end.strftime("%H:%M") == "13:30" and found.cancelled


def test_two_parts_at_the_same_time_are_refused(tmp_path) -> None:
    result = load(
        tmp_path,
        """\
        - id: wave
          module: mod-data
          duration: 1h
          parts:
            - {name: Launch, start: 2027-02-01 09:00}
            - {name: Launch again, start: 2027-02-01 09:00}
        """,
    )
    problem = _find(result.errors, "part 'Launch again' of session 'wave' starts at the same time")
    assert problem.path == ("sessions", 0, "parts", 1, "start")


def _feeds_of(tmp_path, csv: str) -> dict[str, bytes]:
    """The .ics outputs of a build of the fixture academy with ``csv`` as its sessions."""
    tmp_path.mkdir()
    result = load(tmp_path, extra="session_files: [planned.csv]\n", files={"planned.csv": csv})
    assert result.ok, "\n".join(map(str, result.problems))
    outputs = generate(result.require(), {}, EngineSettings()).outputs
    return {o.src_uri: o.content for o in outputs if o.src_uri.endswith(".ics")}


def test_a_renamed_csv_session_keeps_its_uids_and_feed_path(tmp_path) -> None:
    before = _feeds_of(
        tmp_path / "before", "id,module,start,end\nlunch,mod-intro,2027-03-01 12:30,13:30\n"
    )
    after = _feeds_of(
        tmp_path / "after",
        "id,module,start,end,former_ids\n"
        "data-lunch,mod-intro,2027-03-01 12:30,13:30,lunch; lunch-talk\n",
    )
    assert "feeds/sessions/lunch.ics" in before
    assert before["feeds/sessions/lunch.ics"] == after["feeds/sessions/lunch.ics"]
    assert not any("data-lunch" in path for path in after)
    (event,) = icalendar.Calendar.from_ical(after["feeds/all.ics"]).walk("VEVENT")
    assert str(event["UID"]) == "lunch@testshire-qi-academy"


def test_a_csv_former_id_leads_to_one_session(tmp_path) -> None:
    csv = (
        "id,module,start,former_ids\n"
        "a,mod-intro,2027-03-01 12:30,b\n"  # b is in use (the YAML's)
        "c,mod-intro,2027-03-02 12:30,c\n"  # its own
        "d,mod-intro,2027-03-03 12:30,old\n"  # claimed by the YAML's b already
    )
    result = load(
        tmp_path,
        "- {id: b, former_ids: [old], module: mod-data, start: 2027-03-04 10:00}\n",
        extra="session_files: [planned.csv]\n",
        files={"planned.csv": csv},
    )
    in_use = _find(result.errors, "former id 'b' of session 'a' is still the id of the session")
    assert str(in_use).startswith("planned.csv:2:4: error: former_ids: row 2:")
    assert f"on line {FIRST_SESSION_LINE + 1} of curriculum.yaml" in str(in_use)  # after extra
    own = _find(result.errors, "session 'c' lists its own id as a former id")
    assert own.position.line == 3
    twice = _find(result.errors, "former id 'old' is claimed twice: by session 'd' and by")
    assert twice.position.line == 4
    assert len(result.errors) == 3
