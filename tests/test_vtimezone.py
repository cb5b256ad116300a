"""The VTIMEZONE block made from a zone's rules (qisite/sessions/vtimezone.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil.rrule import rrulestr

from qisite.sessions.vtimezone import vtimezone
from tests import feed_readers

Observance = tuple[str, str, str, str, str]
"""Kind, DTSTART, RRULE (or ''), TZOFFSETFROM, TZOFFSETTO, as written."""


def _written(name: str, first: date, last: date) -> list[Observance]:
    """The block as another program sees it: serialised, parsed back, read as text."""
    block = vtimezone(name, first, last).to_ical()
    assert b"RDATE" not in block
    (zone,) = icalendar.Calendar.from_ical(
        b"BEGIN:VCALENDAR\r\n" + block + b"END:VCALENDAR\r\n"
    ).walk("VTIMEZONE")
    assert zone["TZID"] == name
    return [
        (
            part.name,
            _text(part["DTSTART"]),
            _text(part["RRULE"]) if "RRULE" in part else "",
            _text(part["TZOFFSETFROM"]),
            _text(part["TZOFFSETTO"]),
        )
        for part in zone.subcomponents
    ]


def _text(prop: object) -> str:
    """A property's value as written (icalendar gives bytes for some kinds, str for others)."""
    value = prop.to_ical()  # type: ignore[attr-defined]
    return value.decode() if isinstance(value, bytes) else value


def _rule(text: str) -> dict[str, str]:
    return dict(item.split("=") for item in text.split(";"))


def test_london_is_two_open_yearly_rules_with_the_onset_before_the_change() -> None:
    found = _written("Europe/London", date(2027, 1, 1), date(2029, 1, 1))
    assert len(found) == 2
    (daylight,) = [o for o in found if o[0] == "DAYLIGHT"]
    (standard,) = [o for o in found if o[0] == "STANDARD"]
    assert daylight[1].endswith("T010000") and daylight[1][4:6] == "03"  # 01:00 GMT
    assert _rule(daylight[2]) == {"FREQ": "YEARLY", "BYMONTH": "3", "BYDAY": "-1SU"}
    assert daylight[3:] == ("+0000", "+0100")
    assert standard[1].endswith("T020000") and standard[1][4:6] == "10"  # 02:00 BST
    assert _rule(standard[2]) == {"FREQ": "YEARLY", "BYMONTH": "10", "BYDAY": "-1SU"}
    assert standard[3:] == ("+0100", "+0000")


@pytest.mark.parametrize(
    ("name", "daylight", "standard"),
    [
        (
            "America/New_York",
            ("T020000", {"FREQ": "YEARLY", "BYMONTH": "3", "BYDAY": "2SU"}, "-0500", "-0400"),
            ("T020000", {"FREQ": "YEARLY", "BYMONTH": "11", "BYDAY": "1SU"}, "-0400", "-0500"),
        ),
        (
            "Australia/Sydney",
            ("T020000", {"FREQ": "YEARLY", "BYMONTH": "10", "BYDAY": "1SU"}, "+1000", "+1100"),
            ("T030000", {"FREQ": "YEARLY", "BYMONTH": "4", "BYDAY": "1SU"}, "+1100", "+1000"),
        ),
    ],
)
def test_other_zones_are_their_own_yearly_rules(
    name: str, daylight: tuple[object, ...], standard: tuple[object, ...]
) -> None:
    found = _written(name, date(2027, 1, 1), date(2030, 12, 31))
    shapes = {
        kind: (start[-7:], _rule(rule), before, after)
        for kind, start, rule, before, after in found
    }
    assert len(found) == 2
    assert shapes == {"DAYLIGHT": daylight, "STANDARD": standard}


def test_a_zone_without_daylight_saving_is_one_standard_observance() -> None:
    assert _written("Asia/Kolkata", date(2027, 1, 1), date(2030, 1, 1)) == [
        ("STANDARD", "19700101T053000", "", "+0530", "+0530")
    ]


@pytest.mark.parametrize(
    ("name", "first", "last", "changes"),
    [
        # Brazil moved the start of summer time in 2018 and gave it up in 2019.
        ("America/Sao_Paulo", date(2017, 1, 1), date(2021, 12, 31), 5),
        # Mexico gave up summer time after October 2022.
        ("America/Mexico_City", date(2021, 1, 1), date(2024, 12, 31), 4),
    ],
)
def test_a_zone_whose_rules_changed_stops_its_rules_when_they_stopped(
    name: str, first: date, last: date, changes: int
) -> None:
    found = _written(name, first, last)
    rules = [_rule(o[2]) for o in found if o[2]]
    assert rules and all("UNTIL" in rule for rule in rules)
    starts = _onsets(name, first, last)
    assert len([s for s in starts if s >= _since(first)]) == changes


ZONES_AND_SPANS = [
    ("Europe/London", date(2027, 1, 1), date(2029, 1, 1)),
    ("America/New_York", date(2026, 6, 1), date(2031, 1, 1)),
    ("Australia/Sydney", date(2027, 1, 1), date(2030, 1, 1)),
    ("Asia/Kolkata", date(2027, 1, 1), date(2030, 1, 1)),
    ("America/Sao_Paulo", date(2017, 1, 1), date(2021, 12, 31)),
    ("America/Mexico_City", date(2021, 1, 1), date(2024, 12, 31)),
    ("Asia/Tehran", date(2020, 1, 1), date(2024, 12, 31)),  # fixed dates, until 2022
    ("Africa/Casablanca", date(2024, 1, 1), date(2027, 12, 31)),  # a month off each Ramadan
    ("America/Nuuk", date(2022, 1, 1), date(2026, 12, 31)),  # new standard time in 2023
    ("Asia/Jerusalem", date(2026, 1, 1), date(2028, 12, 31)),  # the Friday before
    ("Europe/Dublin", date(2026, 1, 1), date(2028, 12, 31)),  # summer is "standard"
    ("Pacific/Chatham", date(2026, 1, 1), date(2028, 12, 31)),  # +12:45 and +13:45
    ("Australia/Lord_Howe", date(2026, 1, 1), date(2028, 12, 31)),  # half an hour
    ("Europe/London", date(1995, 1, 1), date(1998, 12, 31)),  # October's rule moved
]


def _since(first: date) -> datetime:
    return datetime(first.year, first.month, first.day, tzinfo=UTC) - timedelta(days=1)


def _until(last: date) -> datetime:
    """The end of the span the block promises: the year after ``last``."""
    return datetime(last.year + 2, 1, 1, tzinfo=UTC)


def _block_changes(name: str, first: date, last: date) -> list[tuple[datetime, timedelta]]:
    """The block's own changes (UTC instant, offset after), expanded here with dateutil."""
    block = vtimezone(name, first, last)
    found = []
    for part in block.subcomponents:
        onset = part.decoded("DTSTART")
        before = part.decoded("TZOFFSETFROM")
        after = part.decoded("TZOFFSETTO")
        lines = [f"DTSTART:{onset:%Y%m%dT%H%M%S}"]
        if "RRULE" in part:
            lines.append("RRULE:" + _text(part["RRULE"]))
        starts = rrulestr("\n".join(lines), ignoretz=True, compatible=True)
        for start in starts.between(onset, _until(last).replace(tzinfo=None) + after, inc=True):
            found.append(((start - before).replace(tzinfo=UTC), after))
    return sorted(found)


def _onsets(name: str, first: date, last: date) -> list[datetime]:
    return [at for at, _ in _block_changes(name, first, last)]


def _offset_of_block(changes: list[tuple[datetime, timedelta]], instant: datetime) -> timedelta:
    in_force = [after for at, after in changes if at <= instant]
    assert in_force, f"the block says nothing about {instant}"
    return in_force[-1]


@pytest.mark.parametrize(("name", "first", "last"), ZONES_AND_SPANS)
def test_every_change_zoneinfo_knows_in_the_span_is_in_the_block(
    name: str, first: date, last: date
) -> None:
    zone = ZoneInfo(name)
    changes = _block_changes(name, first, last)
    since, until = _since(first), _until(last)
    # Each change of the block happens when zoneinfo's does, from and to the same offsets.
    for at, after in changes:
        if since <= at < until:
            assert at.astimezone(zone).utcoffset() == after, at
    # And every hour of the span, the block gives zoneinfo's offset: no change is missing.
    hour = since.replace(minute=0)
    while hour < until:
        assert _offset_of_block(changes, hour) == hour.astimezone(zone).utcoffset(), hour
        before = hour - timedelta(seconds=1)
        if since <= before:
            assert _offset_of_block(changes, before) == before.astimezone(zone).utcoffset()
        hour += timedelta(hours=1)


def test_open_rules_hold_long_after_the_span() -> None:
    """London's rules are written without an end: still right in 2060 (zoneinfo's footer)."""
    changes = _block_changes("Europe/London", date(2027, 1, 1), date(2059, 1, 1))
    zone = ZoneInfo("Europe/London")
    for day in range(0, 365, 5):
        instant = datetime(2060, 1, 1, 12, tzinfo=UTC) + timedelta(days=day)
        assert _offset_of_block(changes, instant) == instant.astimezone(zone).utcoffset()


def _probe_calendar(name: str, first: date, last: date) -> tuple[bytes, feed_readers.Expected]:
    """Events two hours either side of every change of the span, and at noon each month,
    written in the zone's wall time against the block; with their UTC times from zoneinfo."""
    zone = ZoneInfo(name)
    since, until = _since(first) + timedelta(days=1), _until(last)
    instants = []
    month = since
    while month < until:
        instants.append(month + timedelta(hours=12))
        month = (month + timedelta(days=32)).replace(day=1)
    for at in _onsets(name, first, last):
        if since <= at < until:
            instants += [at - timedelta(hours=2), at + timedelta(hours=2)]
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//qisite tests//EN")
    calendar.add("version", "2.0")
    calendar.add_component(vtimezone(name, first, last))
    expected: feed_readers.Expected = {}
    for number, instant in enumerate(instants):
        start = instant.astimezone(zone)
        end = (instant + timedelta(minutes=30)).astimezone(zone)
        if any(t.replace(fold=1 - t.fold).utcoffset() != t.utcoffset() for t in (start, end)):
            continue  # a wall time that happens twice says nothing by itself
        event = icalendar.Event()
        event.add("uid", f"probe-{number}")
        event.add("dtstamp", datetime(2027, 1, 1, tzinfo=UTC))
        event.add("dtstart", start)
        event.add("dtend", end)
        calendar.add_component(event)
        expected[f"probe-{number}"] = (instant, instant + timedelta(minutes=30))
    return calendar.to_ical(), expected


def test_ical_js_and_tzical_read_every_zone_right(tmp_path: Path) -> None:
    paths, wanted = [], {}
    for index, (name, first, last) in enumerate(ZONES_AND_SPANS):
        raw, expected = _probe_calendar(name, first, last)
        path = tmp_path / f"zone-{index}.ics"
        path.write_bytes(raw)
        paths.append(path)
        wanted[path] = expected
    by_icaljs = feed_readers.icaljs(paths, date(2031, 1, 1))
    for path in paths:
        assert len(wanted[path]) > 30
        assert feed_readers.mismatches(by_icaljs[path], wanted[path]) == [], path
        assert feed_readers.mismatches(feed_readers.tzical(path), wanted[path]) == [], path
