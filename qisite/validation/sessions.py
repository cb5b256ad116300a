"""Checks on sessions, from ``sessions:`` and from the CSV files under ``session_files:``.

Structure (dates readable, capacity a positive number, links http/https/mailto)
is checked by the ``Session`` model; here are the checks that need the whole
curriculum, the expanded dates or the build date.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from qisite.model import CsvRow, Session
from qisite.model.types import LONGEST_MINUTES, id_from
from qisite.problems import Problem, suggest
from qisite.sessions.build_time import build_date
from qisite.sessions.expand import (
    MAX_OCCURRENCES,
    Occurrence,
    academy_slug,
    expand_sessions,
    repeat_starts,
)
from qisite.validation.context import CheckContext

PAST_LIMIT = timedelta(days=365)


@dataclass(frozen=True)
class _Declared:
    """A session and where the organiser wrote it: an item of ``sessions:`` or a CSV row."""

    session: Session
    index: int | None = None
    row: CsvRow | None = None

    def where(self, ctx: CheckContext) -> str:
        if self.row is not None:
            return f"row {self.row.line} of {self.row.file}"
        assert self.index is not None
        return f"line {ctx.locate(('sessions', self.index, 'id')).line} of {ctx.source.file}"

    def problem(
        self,
        ctx: CheckContext,
        field: Sequence[str | int],
        message: str,
        hint: str | None = None,
        *,
        warning: bool = False,
    ) -> Problem:
        if self.row is not None:
            column = str(field[0]) if field else "id"
            make = Problem.warning if warning else Problem.error
            return make(
                self.row.position(column), (column,), f"row {self.row.line}: {message}", hint
            )
        assert self.index is not None
        path = ("sessions", self.index, *field)
        return ctx.warning(path, message, hint) if warning else ctx.error(path, message, hint)


def _declared(ctx: CheckContext) -> tuple[list[_Declared], list[Problem]]:
    """Every session with its origin, and the problems found reading the CSV files."""
    found = [_Declared(s, index=i) for i, s in enumerate(ctx.curriculum.sessions)]
    problems: list[Problem] = []
    for index, read in enumerate(ctx.session_files):
        if not read.found:
            problems.append(
                ctx.error(
                    ("session_files", index),
                    f"the sessions file '{read.name}' does not exist",
                    "file names are relative to the folder that holds the curriculum",
                )
            )
            continue
        problems.extend(read.problems)
        found.extend(_Declared(row.session, row=row) for row in read.rows)
    return found, problems


def _references(ctx: CheckContext, item: _Declared) -> Iterator[Problem]:
    c = ctx.curriculum
    session = item.session
    if session.module not in c.modules_by_id and session.module not in ctx.declared_ids("modules"):
        yield item.problem(
            ctx,
            ("module",),
            f"session '{session.id}' is for an unknown module '{session.module}'",
            suggest(session.module, c.modules_by_id),
        )
    for position, audience in enumerate(session.audiences or ()):
        if audience in c.audiences_by_id or audience in ctx.declared_ids("audiences"):
            continue
        field = ("audiences",) if item.row else ("audiences", position)
        yield item.problem(
            ctx,
            field,
            f"session '{session.id}' names an unknown audience '{audience}'",
            suggest(audience, c.audiences_by_id)
            or "the audiences defined are: " + ", ".join(c.audiences_by_id),
        )


def _ends_before_start(start: datetime, end: datetime | time | None) -> datetime | None:
    """The end, if it is not after the start."""
    if isinstance(end, time):
        end = datetime.combine(start.date(), end)
    if end is not None and end <= start:
        return end
    return None


def _ends_after_a_year(start: datetime, end: datetime | time | None) -> datetime | None:
    """The end, if it is more than a year after the start (a slip in its year)."""
    if isinstance(end, datetime) and end - start > timedelta(minutes=LONGEST_MINUTES):
        return end
    return None


def _times(ctx: CheckContext, item: _Declared) -> Iterator[Problem]:
    session = item.session
    if session.start is not None:
        wrong = _ends_before_start(session.start, session.end)
        if wrong is not None:
            yield item.problem(
                ctx,
                ("end",),
                f"session '{session.id}' ends ({wrong:%Y-%m-%d %H:%M}) before it starts "
                f"({session.start:%Y-%m-%d %H:%M})",
                "the end is a time on the same day (13:30) or a later date and time",
            )
        far = _ends_after_a_year(session.start, session.end)
        if far is not None:
            yield item.problem(
                ctx,
                ("end",),
                f"session '{session.id}' ends ({far:%Y-%m-%d %H:%M}) more than a year after "
                f"it starts ({session.start:%Y-%m-%d %H:%M})",
                "check the year of the end, or give a time alone (13:30) for the same day",
            )
        if session.end is not None and session.duration is not None:
            yield item.problem(
                ctx,
                ("duration",),
                f"session '{session.id}' has both an end and a duration",
                "keep one of them",
            )
    for index, part in enumerate(session.parts):
        shared_end = session.end if isinstance(session.end, time) else None
        end = part.end or (shared_end if part.duration is None else None)
        wrong = _ends_before_start(part.start, end) or _ends_after_a_year(part.start, end)
        if wrong is not None and wrong > part.start:
            yield item.problem(
                ctx,
                ("parts", index, "end"),
                f"part '{part.name}' of session '{session.id}' ends ({wrong:%Y-%m-%d %H:%M}) "
                f"more than a year after it starts ({part.start:%Y-%m-%d %H:%M})",
            )
        elif wrong is not None:
            yield item.problem(
                ctx,
                ("parts", index, "end" if part.end else "start"),
                f"part '{part.name}' of session '{session.id}' ends ({wrong:%Y-%m-%d %H:%M}) "
                f"before it starts ({part.start:%Y-%m-%d %H:%M})",
            )


def _is_bounded(session: Session) -> bool:
    if session.repeat is not None:
        return session.repeat.until is not None or session.repeat.count is not None
    if session.rrule is not None:
        text = session.rrule.upper()
        return "COUNT=" in text or "UNTIL=" in text
    return True


def _repeats(ctx: CheckContext, item: _Declared) -> Iterator[Problem]:
    session = item.session
    if not session.repeats:
        for field in ("exceptions", "cancelled"):
            if getattr(session, field):
                yield item.problem(
                    ctx,
                    (field,),
                    f"session '{session.id}' lists '{field}' dates but does not repeat",
                    "add 'repeat:' or 'rrule:', or use 'status: cancelled' for a single session",
                )
        return
    field = "repeat" if session.repeat is not None else "rrule"
    if not _is_bounded(session):
        yield item.problem(
            ctx,
            (field,),
            f"session '{session.id}' repeats for ever",
            "give the repeat an end: 'until: 2027-12-31' or 'count: 10' "
            "(in an rrule: UNTIL=20271231 or COUNT=10)",
        )
        return
    starts = repeat_starts(session)
    if len(starts) >= MAX_OCCURRENCES:
        yield item.problem(
            ctx,
            (field,),
            f"session '{session.id}' repeats more than {MAX_OCCURRENCES} times; "
            f"only the first {MAX_OCCURRENCES} are published",
            "bring 'until' or 'count' closer",
            warning=True,
        )
    dates = {start.date() for start in starts}
    listed: list[tuple[tuple[str, ...], list[date]]] = [
        (("exceptions",), session.exceptions),
        (("cancelled",), session.cancelled),
    ]
    if session.repeat is not None:
        listed += [
            (("repeat", "exceptions"), session.repeat.exceptions),
            (("repeat", "cancelled"), session.repeat.cancelled),
        ]
    for path, values in listed:
        for position, day in enumerate(values):
            if day not in dates:
                yield item.problem(
                    ctx,
                    (*path, position),
                    f"session '{session.id}' has no sitting on {day:%Y-%m-%d} "
                    "to leave out or cancel",
                    "check the date against the repeat",
                    warning=True,
                )


def _venue_key(occurrence: Occurrence) -> str:
    return " ".join((occurrence.venue or "").casefold().split())


def _overlaps(
    ctx: CheckContext, items: list[_Declared], found: list[Occurrence]
) -> Iterator[Problem]:
    """One warning per pair of sessions that share a room at the same time."""
    by_id = {item.session.id: item for item in items}
    in_rooms = sorted(
        (o for o in found if o.venue and not o.cancelled), key=lambda o: (_venue_key(o), o.start)
    )
    reported: set[frozenset[str]] = set()
    open_in_room: list[Occurrence] = []
    room = None
    for occurrence in in_rooms:
        if _venue_key(occurrence) != room:
            room, open_in_room = _venue_key(occurrence), []
        open_in_room = [o for o in open_in_room if o.end > occurrence.start]
        for other in open_in_room:
            pair = frozenset((other.session_id, occurrence.session_id))
            if other.session_id == occurrence.session_id or pair in reported:
                continue
            reported.add(pair)
            first, second = by_id.get(other.session_id), by_id.get(occurrence.session_id)
            if first is None or second is None:
                continue
            yield second.problem(
                ctx,
                ("venue",),
                f"session '{occurrence.session_id}' ({occurrence.start:%Y-%m-%d %H:%M}) "
                f"overlaps session '{other.session_id}' ({other.start:%Y-%m-%d %H:%M}, "
                f"{first.where(ctx)}) in the same venue '{occurrence.venue}'",
                "move one of them, or give them different rooms",
                warning=True,
            )
        open_in_room.append(occurrence)


def _long_past(
    ctx: CheckContext, items: list[_Declared], found: list[Occurrence]
) -> Iterator[Problem]:
    today = build_date()
    last_end: dict[str, date] = {}
    for occurrence in found:
        day = occurrence.end.date()
        last_end[occurrence.session_id] = max(day, last_end.get(occurrence.session_id, day))
    for item in items:
        ended = last_end.get(item.session.id)
        if ended is not None and today - ended > PAST_LIMIT:
            yield item.problem(
                ctx,
                ("start",) if item.session.start else ("parts",),
                f"session '{item.session.id}' ended on {ended:%Y-%m-%d}, more than a year "
                f"before this build ({today:%Y-%m-%d})",
                "remove old sessions, or check the year",
                warning=True,
            )


def _wall_time_exists(moment: datetime) -> bool:
    """False for a local time skipped when the clocks go forward (01:30 in London)."""
    again = moment.astimezone(UTC).astimezone(moment.tzinfo)
    return again.replace(tzinfo=None) == moment.replace(tzinfo=None)


def _clock_gaps(
    ctx: CheckContext, items: list[_Declared], found: list[Occurrence]
) -> Iterator[Problem]:
    by_id = {item.session.id: item for item in items}
    warned: set[str] = set()
    for occurrence in found:
        if occurrence.session_id in warned or _wall_time_exists(occurrence.start):
            continue
        warned.add(occurrence.session_id)
        item = by_id[occurrence.session_id]
        yield item.problem(
            ctx,
            ("start",) if item.session.start else ("parts",),
            f"session '{occurrence.session_id}' starts at {occurrence.start:%Y-%m-%d %H:%M}, "
            f"a time that does not exist in {ctx.curriculum.academy.timezone} "
            "(the clocks go forward then)",
            "choose another time",
            warning=True,
        )


def _same_start_parts(ctx: CheckContext, items: list[_Declared]) -> Iterator[Problem]:
    """Two parts of one cohort at the same time would share a calendar UID."""
    for item in items:
        first: dict[datetime, int] = {}
        for index, part in enumerate(item.session.parts):
            if part.start in first:
                yield item.problem(
                    ctx,
                    ("parts", index, "start"),
                    f"part '{part.name}' of session '{item.session.id}' starts at the same "
                    f"time as part {first[part.start] + 1} ({part.start:%Y-%m-%d %H:%M})",
                    "give each part its own start, or make them one part",
                )
            else:
                first[part.start] = index


def _duplicates(ctx: CheckContext, items: list[_Declared]) -> Iterator[Problem]:
    """Ids repeated across the YAML and CSV files (the YAML alone is checked elsewhere)."""
    first: dict[str, _Declared] = {}
    for item in items:
        seen = first.get(item.session.id)
        if seen is None:
            first[item.session.id] = item
        elif item.row is not None:
            yield item.problem(
                ctx,
                ("id",),
                f"duplicate session id '{item.session.id}': already used on {seen.where(ctx)}",
                "every session needs its own id: calendars tell sessions apart by it",
            )


def _former_ids(ctx: CheckContext, items: list[_Declared]) -> Iterator[Problem]:
    """A former id leads to one session: it may not be a session's id in use, the
    session's own, or claimed by two sessions. Sessions of the YAML alone are checked
    in ``validation.addresses``; here, wherever a CSV row takes part."""
    in_use: dict[str, _Declared] = {}
    for item in items:
        in_use.setdefault(item.session.id, item)
    claimed: dict[str, _Declared] = {}
    for item in items:
        session = item.session
        for position, former in enumerate(session.former_ids):
            field = ("former_ids",) if item.row else ("former_ids", position)
            other = in_use.get(former)
            by = claimed.get(former)
            if item.row is not None and former == session.id:
                yield item.problem(
                    ctx, field, f"session '{session.id}' lists its own id as a former id"
                )
            elif other is not None and (item.row or other.row):
                yield item.problem(
                    ctx,
                    field,
                    f"former id '{former}' of session '{session.id}' is still the id of the "
                    f"session on {other.where(ctx)}",
                    "an old address can lead to one place only: take it out of former_ids, "
                    "or give the other one a new id",
                )
            elif by is not None and (item.row or by.row):
                yield item.problem(
                    ctx,
                    field,
                    f"former id '{former}' is claimed twice: by session '{session.id}' and by "
                    f"session '{by.session.id}' on {by.where(ctx)}",
                    "old links can lead to one place only: keep it on the one that replaced it",
                )
            else:
                claimed.setdefault(former, item)


def sessions(ctx: CheckContext) -> Iterator[Problem]:
    items, problems = _declared(ctx)
    yield from problems
    for item in items:
        yield from _references(ctx, item)
        yield from _times(ctx, item)
        yield from _repeats(ctx, item)
    yield from _duplicates(ctx, items)
    yield from _former_ids(ctx, items)
    unique: dict[str, _Declared] = {}
    for item in items:
        unique.setdefault(item.session.id, item)
    bounded = [i.session for i in unique.values() if _is_bounded(i.session)]
    found = expand_sessions(ctx.curriculum, bounded)
    yield from _same_start_parts(ctx, list(unique.values()))
    yield from _overlaps(ctx, list(unique.values()), found)
    yield from _long_past(ctx, list(unique.values()), found)
    yield from _clock_gaps(ctx, list(unique.values()), found)


def feed_id_unset(ctx: CheckContext) -> Iterator[Problem]:
    """Say when calendar events are named after the academy, so that a rename renames them.

    Every event UID ends with the academy's ``feed_id``; without one the name
    stands in, and renaming the academy later makes every subscriber's
    calendar show each session twice. An info, not a warning: nothing is wrong
    until the rename, and a build that names the previous publication warns then
    (``qisite.publication.changes``: the academy's id changed).
    """
    c = ctx.curriculum
    if c.academy.feed_id is not None or not (c.sessions or c.session_files):
        return
    slug = academy_slug(c)
    if id_from(c.academy.name) is None:
        # A name in another script (Arabic, Greek...) gives no id: every such academy's
        # events would share one UID ending, and calendars would merge them.
        meant = id_from(c.academy.organisation) or "your-academy"
        yield ctx.warning(
            ("academy", "feed_id"),
            f"not set, and the academy's name has no letters a to z to name calendar "
            f"events by, so they would all end in '@{slug}', as every such academy's do",
            f"add 'feed_id: {meant}' (a-z, digits and hyphens) under academy: and never "
            "change it",
        )
        return
    yield ctx.info(
        ("academy", "feed_id"),
        f"not set, so calendar events are known by the academy's name "
        f"('{slug}'), and renaming the academy would show every session twice in "
        "subscribers' calendars",
        f"add 'feed_id: {slug}' under academy: and never change it",
    )

