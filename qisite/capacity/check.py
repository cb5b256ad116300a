"""The capacity check: are enough places scheduled, in time, to reach each target?

For each target:
- trained so far: the progress rows that count for it, added up; "as of" is
  the latest of their dates;
- still needed: the target minus trained so far (never below zero);
- places offered: capacity of the session occurrences for the target's
  module that are open to its audience, not cancelled, and start after the
  "as of" date (earlier ones are already in the progress counts) and on or
  before the deadline. An occurrence with no capacity (an e-learning module,
  say) has no limit, and the target is then on track. A cohort (a session
  with dated parts) offers its places once, not once per part, dated by its
  last part that is not cancelled: that is when its learners finish;
- short by: still needed minus places offered, when that is above zero.

A progress row counts for a target when it names the target's audience (and,
if it also names a module, that module is the target's), or names no
audience and the target's module.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from qisite.capacity.targets import PlannedTarget
from qisite.model import ProgressRow


class OccurrenceLike(Protocol):
    """What the check needs of a session occurrence (``qisite.sessions.expand.Occurrence``)."""

    @property
    def module_id(self) -> str: ...
    @property
    def audiences(self) -> Sequence[str]: ...
    @property
    def start(self) -> datetime: ...
    @property
    def capacity(self) -> int | None: ...
    @property
    def cancelled(self) -> bool: ...


@dataclass(frozen=True)
class Places:
    sessions: int
    places: int
    unlimited: bool
    """At least one of the sessions has no capacity limit."""
    shared: int = 0
    """Of ``places``, those in sessions also open to another group with a target on the
    same module: counted for each group, so the groups compete for them."""


@dataclass(frozen=True, kw_only=True)
class Reckoning:
    """People to have trained by a date, against what is done and what is scheduled."""

    people: int
    by: date
    trained: int
    as_of: date | None
    offered: Places
    passed: bool = False
    """The date is already behind the latest progress count: only the count matters."""

    @property
    def still_needed(self) -> int:
        return max(0, self.people - self.trained)

    @property
    def short_by(self) -> int:
        if self.offered.unlimited:
            return 0
        return max(0, self.still_needed - self.offered.places)

    @property
    def on_track(self) -> bool:
        return self.short_by == 0

    @property
    def status(self) -> str:
        """A key for pages and scripts: reached, on-track, short or missed."""
        if self.still_needed == 0:
            return "reached"
        if self.passed:
            return "missed"
        return "on-track" if self.on_track else "short"


@dataclass(frozen=True, kw_only=True)
class MilestoneLine(Reckoning):
    label: str | None
    """The organiser's label, if any (``capacity.wording.milestone_label`` says it)."""


@dataclass(frozen=True, kw_only=True)
class CapacityLine(Reckoning):
    planned: PlannedTarget
    milestones: tuple[MilestoneLine, ...] = ()


def counts_for(planned: PlannedTarget, row: ProgressRow) -> bool:
    module_id = planned.module.id if planned.module else None
    if row.audience is not None:
        return row.audience == planned.audience.id and row.module in (None, module_id)
    return row.module is not None and row.module == module_id


def rows_for(planned: PlannedTarget, rows: Iterable[ProgressRow]) -> list[ProgressRow]:
    return [row for row in rows if counts_for(planned, row)]


def sittings(occurrences: Iterable[OccurrenceLike]) -> Iterator[OccurrenceLike]:
    """Occurrences as places are offered: each cohort once, at its last running part."""
    cohorts: dict[str, list[OccurrenceLike]] = {}
    for occurrence in occurrences:
        if getattr(occurrence, "part", None) is None:
            yield occurrence
        else:
            cohorts.setdefault(getattr(occurrence, "session_id", ""), []).append(occurrence)
    for parts in cohorts.values():
        running = [part for part in parts if not part.cancelled]
        if running:
            yield max(running, key=lambda part: part.start)


def places_offered(
    occurrences: Iterable[OccurrenceLike],
    module_id: str | None,
    audience_id: str,
    after: date | None,
    by: date,
    competing: Collection[str] = (),
) -> Places:
    """Places in occurrences of a module open to an audience, after ``after``, up to ``by``.

    ``competing``: other audiences with a target on the same module, whose share of a
    session's places is not subtracted here but reported as ``shared``.
    """
    sessions = places = shared = 0
    unlimited = False
    for occurrence in sittings(occurrences):
        day = occurrence.start.date()
        if (
            occurrence.cancelled
            or occurrence.module_id != module_id
            or audience_id not in occurrence.audiences
            or day > by
            or (after is not None and day <= after)
        ):
            continue
        sessions += 1
        if occurrence.capacity is None:
            unlimited = True
            continue
        places += occurrence.capacity
        if any(other in occurrence.audiences for other in competing):
            shared += occurrence.capacity
    return Places(sessions, places, unlimited, shared)


def check_capacity(
    targets: Sequence[PlannedTarget],
    occurrences: Sequence[OccurrenceLike],
    rows: Sequence[ProgressRow],
) -> list[CapacityLine]:
    lines = []
    for planned in targets:
        competing = [
            other.audience.id
            for other in targets
            if other is not planned
            and planned.module is not None
            and other.module is not None
            and other.module.id == planned.module.id
        ]
        lines.append(check_target(planned, occurrences, rows_for(planned, rows), competing))
    return lines


def check_target(
    planned: PlannedTarget,
    occurrences: Sequence[OccurrenceLike],
    own: Sequence[ProgressRow],
    competing: Collection[str] = (),
) -> CapacityLine:
    """One target and its milestones, from the progress rows that count for it."""
    as_of = max((row.date for row in own), default=None)
    trained = sum(row.completed for row in own)
    module_id = planned.module.id if planned.module else None

    def offered(by: date) -> Places:
        return places_offered(occurrences, module_id, planned.audience.id, as_of, by, competing)

    milestones = []
    for milestone in planned.milestones:
        if as_of is not None and milestone.by <= as_of:
            # Already behind the latest count: what was done by then is the whole story.
            line = MilestoneLine(
                label=milestone.label,
                people=milestone.people,
                by=milestone.by,
                trained=sum(row.completed for row in own if row.date <= milestone.by),
                as_of=milestone.by,
                offered=Places(0, 0, unlimited=False),
                passed=True,
            )
        else:
            line = MilestoneLine(
                label=milestone.label,
                people=milestone.people,
                by=milestone.by,
                trained=trained,
                as_of=as_of,
                offered=offered(milestone.by),
            )
        milestones.append(line)
    return CapacityLine(
        planned=planned,
        people=planned.people,
        by=planned.by,
        trained=trained,
        as_of=as_of,
        offered=offered(planned.by),
        milestones=tuple(milestones),
    )


def cumulative(rows: Iterable[ProgressRow]) -> list[tuple[date, int]]:
    """People trained so far at each reported date (rows on the same date are added)."""
    by_day: dict[date, int] = {}
    for row in rows:
        by_day[row.date] = by_day.get(row.date, 0) + row.completed
    total = 0
    series = []
    for day in sorted(by_day):
        total += by_day[day]
        series.append((day, total))
    return series
