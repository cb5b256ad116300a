"""The VTIMEZONE block of the feeds, generated here from the zone's own rules.

Why not ``icalendar.Timezone.from_tzinfo`` / ``from_tzid``: icalendar 7 writes
one observance per offset pair, with a DTSTART for the first change and an
RDATE list for the later ones, and only for the years it is asked for.
Mozilla's ical.js (Thunderbird) ignores an observance's DTSTART when it has
RDATEs, so a whole summer of sittings came out an hour late there; Outlook is
known to mishandle RDATE-list zones as well. Outlook and Google write
RRULE-based blocks, and so do we:

* The changes of offset come from ``zoneinfo`` (the TZif files of the system
  or of the ``tzdata`` package), from 1970 to the year after the last event.
* Changes that recur yearly on the n-th or last weekday of a month at the same
  local time with the same offsets become one observance with
  ``RRULE:FREQ=YEARLY;BYMONTH=..;BYDAY=..``, closed by UNTIL when the zone's
  rules changed afterwards. The onset is the local time before the change, as
  RFC 5545 wants (London's clocks go forward at 01:00, not 02:00).
* The rule still in force after the last year looked at is left open (no
  UNTIL) only when the POSIX TZ string at the end of the TZif file, which
  governs every later year, says the same thing.
* Any other change (a fixed date, a one-off shift) is an observance with a
  single DTSTART. There is never an RDATE.

Only the observances in force from the first event on are written, so an
observance that ended before then does not crowd the block.
"""

from __future__ import annotations

import calendar
import re
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from importlib import resources
from pathlib import Path

import icalendar

EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
"""Where the search for changes begins, unless an event comes earlier."""

_STEP = timedelta(hours=12)
"""How far apart the offset is sampled before a change is narrowed to the second."""

_COARSE_STEP = timedelta(days=7)
"""The sampling before the year preceding the first event: there, changes only decide
how far back a yearly rule's DTSTART goes, and two changes within a week are unheard of."""

_UNTIL_MARGIN = timedelta(days=1)
"""UNTIL sits a day after a rule's last change: some readers (ical.js) compare the
UTC UNTIL with the floating local onset, which would otherwise drop the last one."""


@dataclass(frozen=True)
class Change:
    """One change of a zone's offset or name, at an instant."""

    at: datetime
    before: timedelta
    after: timedelta
    name: str
    daylight: bool

    @property
    def onset(self) -> datetime:
        """The local wall time just before the change (RFC 5545's DTSTART of an observance)."""
        return (self.at + self.before).replace(tzinfo=None)

    @property
    def shape(self) -> tuple[object, ...]:
        """What a yearly rule keeps the same from one year to the next."""
        onset = self.onset
        return (
            self.daylight,
            self.before,
            self.after,
            self.name,
            onset.month,
            onset.weekday(),
            onset.time(),
        )

    @property
    def weeks(self) -> frozenset[int]:
        """The BYDAY ordinals this date fits: its week of the month, and -1 if the last."""
        onset = self.onset
        found = {(onset.day - 1) // 7 + 1}
        if onset.day + 7 > calendar.monthrange(onset.year, onset.month)[1]:
            found.add(-1)
        return frozenset(found)


@dataclass
class _Run:
    """Changes of one shape in consecutive years, on a common n-th weekday."""

    changes: list[Change]
    weeks: frozenset[int]
    open_week: int | None = field(default=None)

    def takes(self, change: Change) -> bool:
        last = self.changes[-1]
        return (
            change.shape == last.shape
            and change.onset.year == last.onset.year + 1
            and bool(self.weeks & change.weeks)
        )


@dataclass(frozen=True)
class FooterRule:
    """One yearly change named by a POSIX TZ string (``Mm.w.d/time``)."""

    before: timedelta
    after: timedelta
    month: int
    week: int
    weekday: int
    at: time


def _state(zone: zoneinfo.ZoneInfo, instant: datetime) -> tuple[timedelta, str, bool]:
    local = instant.astimezone(zone)
    offset = local.utcoffset()
    dst = local.dst()
    assert offset is not None
    # Dublin's winter is "negative daylight saving" in tzdata: not a DAYLIGHT observance.
    return offset, local.tzname() or "", dst is not None and dst > timedelta(0)


def changes(
    zone: zoneinfo.ZoneInfo, start: datetime, end: datetime, fine_from: datetime | None = None
) -> list[Change]:
    """Every change of offset, name or daylight flag that ``zone`` makes in [start, end),
    sampled every 12 hours from ``fine_from`` (default: ``start``), weekly before."""
    found: list[Change] = []
    here = start
    state = _state(zone, here)
    while here < end:
        step = _STEP if fine_from is None or here >= fine_from else _COARSE_STEP
        ahead = min(here + step, end)
        if _state(zone, ahead) == state:
            here = ahead
            continue
        low, high = here, ahead  # state(low) == state, state(high) != state
        while high - low > timedelta(seconds=1):
            middle = low + (high - low) / 2
            middle = middle.replace(microsecond=0)
            if _state(zone, middle) == state:
                low = middle
            else:
                high = middle
        after = _state(zone, high)
        found.append(Change(high, state[0], after[0], after[1], after[2]))
        here, state = high, after
    return found


def _tzif(name: str) -> bytes:
    """The TZif file zoneinfo reads for ``name``: the first on TZPATH, else tzdata's."""
    for root in zoneinfo.TZPATH:
        candidate = Path(root) / name
        if candidate.is_file():
            return candidate.read_bytes()
    return resources.files("tzdata.zoneinfo").joinpath(*name.split("/")).read_bytes()


_NAME = r"(?:<[^>]+>|[A-Za-z]{3,})"
_OFFSET = r"[+-]?\d{1,3}(?::\d{2}){0,2}"
_DATE = r"(?:M\d{1,2}\.\d\.\d|J\d{1,3}|\d{1,3})"
_POSIX = re.compile(
    rf"(?P<std>{_NAME})(?P<std_offset>{_OFFSET})"
    rf"(?:(?P<dst>{_NAME})(?P<dst_offset>{_OFFSET})?"
    rf"(?:,(?P<start>{_DATE})(?:/(?P<start_time>{_OFFSET}))?"
    rf",(?P<end>{_DATE})(?:/(?P<end_time>{_OFFSET}))?)?)?"
)


def _seconds(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    parts = [int(p) for p in text.lstrip("+-").split(":")]
    parts += [0] * (3 - len(parts))
    return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2])


def _footer_rule(when: str, at: str | None, before: timedelta, after: timedelta) -> FooterRule:
    match = re.fullmatch(r"M(\d{1,2})\.(\d)\.(\d)", when)
    seconds = _seconds(at) if at else 7200
    if match is None or not 0 <= seconds < 86400:
        raise ValueError(f"not a yearly weekday rule: {when}/{at}")
    month, week, day = (int(g) for g in match.groups())
    return FooterRule(
        before=before,
        after=after,
        month=month,
        week=-1 if week == 5 else week,
        weekday=(day - 1) % 7,  # POSIX counts from Sunday, Python from Monday
        at=(datetime.min + timedelta(seconds=seconds)).time(),
    )


def footer_rules(name: str) -> tuple[FooterRule, ...] | None:
    """The yearly changes the zone makes after its last listed one, from its TZif footer.

    ``()`` for a zone without daylight saving; ``None`` when the footer is missing
    or names a rule that RRULE's BYDAY cannot say (a day of the year, or a time
    outside the day such as Greenland's ``M3.5.0/-1``).
    """
    data = _tzif(name)
    if not data.startswith(b"TZif") or data[4:5] < b"2" or not data.endswith(b"\n"):
        return None
    footer = data[data.rindex(b"\n", 0, len(data) - 1) + 1 : -1].decode("ascii")
    found = _POSIX.fullmatch(footer)
    if found is None:
        return None
    standard = timedelta(seconds=-_seconds(found["std_offset"]))
    if found["dst"] is None:
        return ()
    if found["start"] is None:
        return None
    daylight = (
        timedelta(seconds=-_seconds(found["dst_offset"]))
        if found["dst_offset"]
        else standard + timedelta(hours=1)
    )
    try:
        return (
            _footer_rule(found["start"], found["start_time"], standard, daylight),
            _footer_rule(found["end"], found["end_time"], daylight, standard),
        )
    except ValueError:
        return None


def _runs(found: list[Change]) -> list[_Run]:
    """The changes grouped into yearly runs, in order of their first change."""
    runs: list[_Run] = []
    latest: dict[tuple[object, ...], _Run] = {}
    for change in found:
        run = latest.get(change.shape)
        if run is not None and run.takes(change):
            run.changes.append(change)
            run.weeks &= change.weeks
        else:
            run = latest[change.shape] = _Run([change], change.weeks)
            runs.append(run)
    return runs


def _follows(run: _Run, rule: FooterRule) -> bool:
    first = run.changes[0]
    onset = first.onset
    return (
        (first.before, first.after) == (rule.before, rule.after)
        and (onset.month, onset.weekday(), onset.time()) == (rule.month, rule.weekday, rule.at)
        and rule.week in run.weeks
    )


def _open_rules(runs: list[_Run], rules: tuple[FooterRule, ...] | None, last_year: int) -> None:
    """Mark the runs that carry on for ever, as the footer says, with their BYDAY."""
    for rule in rules or ():
        for run in runs:
            if run.changes[-1].onset.year == last_year and _follows(run, rule):
                run.open_week = rule.week


_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _observance(run: _Run) -> icalendar.cal.component.Component:
    first = run.changes[0]
    found = icalendar.TimezoneDaylight() if first.daylight else icalendar.TimezoneStandard()
    found.add("tzname", first.name)
    found.add("dtstart", first.onset)
    found.add("tzoffsetfrom", first.before)
    found.add("tzoffsetto", first.after)
    if run.open_week is None and len(run.changes) == 1:
        return found
    week = run.open_week if run.open_week is not None else min(run.weeks, key=lambda w: (w > 0, w))
    rule: dict[str, object] = {
        "freq": "YEARLY",
        "bymonth": first.onset.month,
        "byday": f"{week}{_BYDAY[first.onset.weekday()]}",
    }
    if run.open_week is None:
        rule["until"] = run.changes[-1].at + _UNTIL_MARGIN
    found.add("rrule", rule)
    return found


def _in_force(runs: list[_Run], since: datetime) -> Iterator[_Run]:
    """The runs whose changes still matter at or after ``since``."""
    earlier = [c.at for run in runs for c in run.changes if c.at <= since]
    cutoff = max(earlier, default=None)
    for run in runs:
        if run.open_week is not None or cutoff is None or run.changes[-1].at >= cutoff:
            yield run


def vtimezone(name: str, first: date, last: date) -> icalendar.Timezone:
    """A VTIMEZONE for the IANA zone ``name`` that is right for every time from the
    local date ``first`` to the end of the year after ``last``, and for ever after
    when the zone's present rules can be written as RRULEs.
    """
    zone = zoneinfo.ZoneInfo(name)
    since = datetime.combine(first, time(), tzinfo=UTC) - timedelta(days=1)
    start = min(EARLIEST, since)
    last_year = last.year + 1
    end = datetime(last_year + 1, 1, 1, tzinfo=UTC)
    runs = _runs(changes(zone, start, end, fine_from=since - timedelta(days=366)))
    _open_rules(runs, footer_rules(name), last_year)
    kept = list(_in_force(runs, since))
    if not any(c.at <= since for run in kept for c in run.changes):
        offset, zone_name, daylight = _state(zone, start)
        initial = Change(start, offset, offset, zone_name, daylight)
        kept.insert(0, _Run([initial], initial.weeks))
    found = icalendar.Timezone()
    found.add("tzid", name)
    for run in sorted(kept, key=lambda r: r.changes[0].at):
        found.add_component(_observance(run))
    return found
