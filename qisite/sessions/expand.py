"""Turn declared sessions into dated occurrences in the academy's time zone.

A repeat is expanded on the organiser's wall clock (12:30 stays 12:30 in summer
and winter) and only then given the zone, so the UTC offset follows the clock
changes. Every occurrence gets a UID that depends only on the curriculum, so a
rebuilt feed updates subscribers' calendars rather than duplicating events.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from dateutil.rrule import MONTHLY, WEEKLY, rrule, rrulestr, weekday

from qisite.model import (
    Academy,
    Curriculum,
    Inputs,
    Module,
    Session,
    SessionPart,
    SessionStatus,
)
from qisite.model.sessions import Frequency, Repeat
from qisite.model.types import id_from

MAX_OCCURRENCES = 500
"""Expansions stop here: a typo in a repeat must not produce a site of a million events."""

_FALLBACK_MINUTES = 60


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One dated sitting of a session, as readers and calendars see it.

    It holds its session (with its part, for a cohort, and its module) instead of
    copies of their fields: what a sitting shows falls back from the part to the
    session, and from the session to its module or the academy, in the properties
    below. A field added to ``Session`` is at hand as ``occurrence.session.<field>``.
    """

    session: Session
    uid: str
    start: datetime
    end: datetime
    cancelled: bool
    """The session, this part or this date is called off."""
    academy: Academy
    part: SessionPart | None = None
    """The dated part of a cohort this sitting is, if it is one."""
    module: Module | None = None
    """None only while validation looks at a session whose module is unknown."""

    @property
    def session_id(self) -> str:
        return self.session.id

    @property
    def module_id(self) -> str:
        return self.session.module

    @property
    def title(self) -> str:
        """The session's own title, or its module's."""
        return self.session.title or (self.module.title if self.module else self.session.module)

    @property
    def audiences(self) -> tuple[str, ...]:
        """Who it is open to: the session's audiences, or its module's."""
        return tuple(self.session.audiences or (self.module.audiences if self.module else ()))

    @property
    def capacity(self) -> int | None:
        return self.session.capacity

    @property
    def cohort(self) -> str | None:
        return self.session.cohort

    @property
    def venue(self) -> str | None:
        return self.part.venue if self.part and self.part.venue else self.session.venue

    @property
    def online(self) -> str | None:
        return self.part.online if self.part and self.part.online else self.session.online

    @property
    def facilitator(self) -> str | None:
        return (self.part.facilitator if self.part else None) or self.session.facilitator

    @property
    def notes(self) -> str | None:
        return self.part.notes if self.part and self.part.notes else self.session.notes

    @property
    def booking(self) -> str | None:
        """The session's booking link, or the academy's."""
        return self.session.booking or self.academy.booking

    @property
    def slug(self) -> str:
        """The UID without the academy: safe as a file name (ids are lower-case slugs)."""
        return self.uid.split("@", 1)[0]

    @property
    def format(self) -> str:
        """How to attend: 'in-person', 'online' or 'hybrid' (both offered)."""
        if self.venue and self.online:
            return "hybrid"
        return "online" if self.online else "in-person"


def slugify(text: str) -> str:
    return id_from(text) or "academy"


def academy_slug(curriculum: Curriculum) -> str:
    """The end of every event UID: the academy's fixed feed_id, or its name as a slug."""
    return curriculum.academy.feed_id or slugify(curriculum.academy.name)


def _end_for(
    start: datetime,
    end: datetime | time | None,
    duration: int | None,
    default: timedelta,
) -> datetime:
    """The naive local end of a sitting that starts at ``start``."""
    if isinstance(end, datetime):
        return end
    if isinstance(end, time):
        return datetime.combine(start.date(), end)
    if duration is not None:
        return start + timedelta(minutes=duration)
    return start + default


def _length(session: Session, module_minutes: int | None) -> timedelta:
    """How long each sitting of a repeating or single session lasts."""
    assert session.start is not None
    if isinstance(session.end, datetime):
        return session.end - session.start
    if isinstance(session.end, time):
        return datetime.combine(session.start.date(), session.end) - session.start
    minutes = session.duration or module_minutes or _FALLBACK_MINUTES
    return timedelta(minutes=minutes)


def repeat_rule(repeat: Repeat, start: datetime) -> rrule:
    """The RFC 5545 rule that a plain ``repeat:`` block means."""
    until = datetime.combine(repeat.until, time(23, 59, 59)) if repeat.until else None
    bounds: dict[str, Any] = {
        "dtstart": start,
        "interval": repeat.interval,
        "until": until,
        "count": repeat.count,
    }
    if repeat.every is Frequency.WEEKLY:
        return rrule(WEEKLY, **bounds)
    if repeat.weekday_of_month:
        nth = (start.day - 1) // 7 + 1
        # A fifth weekday does not exist in every month: read it as "the last".
        return rrule(MONTHLY, byweekday=weekday(start.weekday(), -1 if nth == 5 else nth), **bounds)
    return rrule(MONTHLY, bymonthday=start.day, **bounds)


def repeat_starts(session: Session) -> list[datetime]:
    """Naive local start of every sitting of a repeating session, capped."""
    assert session.start is not None
    if session.repeat is not None:
        rule: Iterable[datetime] = repeat_rule(session.repeat, session.start)
    elif session.rrule is not None:
        rule = rrulestr(session.rrule, dtstart=session.start, forceset=True)
    else:
        return [session.start]
    starts: list[datetime] = []
    for start in rule:
        starts.append(start.replace(tzinfo=None))
        if len(starts) >= MAX_OCCURRENCES:
            break
    return starts


def skipped_dates(session: Session) -> set[date]:
    found = set(session.exceptions)
    if session.repeat is not None:
        found.update(session.repeat.exceptions)
    return found


def cancelled_dates(session: Session) -> set[date]:
    found = set(session.cancelled)
    if session.repeat is not None:
        found.update(session.repeat.cancelled)
    return found


class _Builder:
    def __init__(self, curriculum: Curriculum) -> None:
        self.curriculum = curriculum
        self.zone = ZoneInfo(curriculum.academy.timezone)
        self.suffix = academy_slug(curriculum)

    def aware(self, local: datetime) -> datetime:
        return local.replace(tzinfo=self.zone)

    def session(self, session: Session) -> Iterator[Occurrence]:
        module = self.curriculum.modules_by_id.get(session.module)
        module_minutes = module.duration if module else None
        cancelled = session.status is SessionStatus.CANCELLED

        def make(
            uid: str,
            start: datetime,
            end: datetime,
            *,
            is_cancelled: bool,
            part: SessionPart | None = None,
        ) -> Occurrence:
            return Occurrence(
                session=session,
                uid=f"{uid}@{self.suffix}",
                start=self.aware(start),
                end=self.aware(end),
                cancelled=cancelled or is_cancelled,
                academy=self.curriculum.academy,
                part=part,
                module=module,
            )

        if session.parts:
            default = timedelta(minutes=session.duration or module_minutes or _FALLBACK_MINUTES)
            for part in session.parts:
                end_spec: datetime | time | None = part.end
                if end_spec is None and part.duration is None and isinstance(session.end, time):
                    end_spec = session.end  # a cohort whose parts all end at the same time
                end = _end_for(part.start, end_spec, part.duration, default)
                yield make(
                    f"{session.calendar_id}-{part.start:%Y%m%dT%H%M}",
                    part.start,
                    end,
                    is_cancelled=part.status is SessionStatus.CANCELLED,
                    part=part,
                )
            return
        assert session.start is not None
        length = _length(session, module_minutes)
        if not session.repeats:
            start = session.start
            yield make(session.calendar_id, start, start + length, is_cancelled=False)
            return
        skipped = skipped_dates(session)
        called_off = cancelled_dates(session)
        for start in repeat_starts(session):
            if start.date() in skipped:
                continue
            yield make(
                f"{session.calendar_id}-{start:%Y%m%dT%H%M}",
                start,
                start + length,
                is_cancelled=start.date() in called_off,
            )


def expand_sessions(curriculum: Curriculum, sessions: Iterable[Session]) -> list[Occurrence]:
    """Occurrences of the given sessions, sorted by start then title."""
    builder = _Builder(curriculum)
    found = [o for s in sessions for o in builder.session(s)]
    return sorted(found, key=lambda o: (o.start, o.end, o.title, o.uid))


def occurrences(inputs: Inputs) -> list[Occurrence]:
    """Every occurrence of the curriculum's sessions and of the rows of its CSV session
    files (rows that failed their checks were left out when the files were read)."""
    csv_sessions = [row.session for row in inputs.session_rows]
    return expand_sessions(inputs.curriculum, [*inputs.curriculum.sessions, *csv_sessions])


def grouped(
    occurrences: Iterable[Occurrence], key: Callable[[Occurrence], str]
) -> dict[str, list[Occurrence]]:
    """The occurrences grouped by ``key``, each group in the order given, groups in
    the order they first appear: one pass, so callers stay linear."""
    groups: dict[str, list[Occurrence]] = {}
    for occurrence in occurrences:
        groups.setdefault(key(occurrence), []).append(occurrence)
    return groups


def occurrences_for_modules(
    all_occurrences: Iterable[Occurrence], module_ids: Iterable[str]
) -> list[Occurrence]:
    """The occurrences of the given modules, in the order given (by start)."""
    wanted = set(module_ids)
    return [o for o in all_occurrences if o.module_id in wanted]
