"""Which sittings the awareness pages (What's on, the bulletin, posters), the pathway
pages and the Atom feed hold.

A static site is read for months after its build, so these pages do not decide
what is "coming" once and for all: they hold the sittings that end after the
build, far enough ahead for the reader's script to choose its window of weeks
from today's date for half a year after the build.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from qisite.publication import SittingEntry
from qisite.sessions import Occurrence

HELD_WEEKS = 26
"""How long after the build the What's on page still has a full window to offer."""

HELD_LIMIT = 400
"""Most sittings one page holds (a line is about 300 bytes): a very busy academy gets
its nearest sittings, and the page names the calendar for the rest."""

NEXT_ON_PATHWAY = 10
"""Most sittings a pathway page lists: the next ones from the build (a line is about 350
bytes; a pathway of a large academy has 150 sittings, 52 kB). Ten reach about six weeks
ahead for such a pathway and months for a small one; the page links the calendar, filtered
to the pathway's staff group, and the pathway's feed for the rest. Each line costs room
the page's module cards need to stay on as few pages as possible (site/pathways.py)."""

NEWS_LIMIT = 50
"""Most entries the Atom feed holds (an entry is about 1 kB): a feed reader fetches the
whole file every hour or so, and a flow posting to a Teams channel posts each entry it
has not seen. Fifty keeps the feed near 50 kB at any size (53 kB measured at 5,000
sittings); the What's on page and the calendar hold the rest."""


@dataclass(frozen=True)
class Held:
    """The sittings a page holds, in start order, and the last day they cover."""

    occurrences: list[Occurrence]
    until: datetime
    """Sittings that start before this moment are all held."""
    complete: bool
    """False when ``HELD_LIMIT`` cut the list short of ``until``."""


def held_ahead(
    occurrences: Sequence[Occurrence],
    since: datetime,
    weeks: int,
    held_weeks: int = HELD_WEEKS,
    limit: int = HELD_LIMIT,
) -> Held:
    """The sittings (sorted by start) that end after ``since`` and start within
    ``held_weeks`` + ``weeks`` of it, at most ``limit`` of them."""
    until = since + timedelta(weeks=held_weeks + weeks)
    chosen = [o for o in occurrences if o.end > since and o.start < until]
    if len(chosen) <= limit:
        return Held(chosen, until, True)
    return Held(chosen[:limit], chosen[limit].start, False)


def within(occurrences: Iterable[Occurrence], since: datetime, weeks: int) -> list[Occurrence]:
    """The sittings that end after ``since`` and start in the ``weeks`` after it."""
    until = since + timedelta(weeks=weeks)
    return [o for o in occurrences if o.end > since and o.start < until]


def for_audience(occurrences: Iterable[Occurrence], audience_id: str) -> list[Occurrence]:
    return [o for o in occurrences if audience_id in o.audiences]


@dataclass(frozen=True)
class News:
    """A sitting as the Atom feed tells of it: the sitting and its published history."""

    occurrence: Occurrence
    history: SittingEntry


def newest_changes(
    occurrences: Iterable[Occurrence],
    histories: Mapping[str, SittingEntry],
    since: datetime,
    limit: int = NEWS_LIMIT,
) -> list[News]:
    """The sittings that end after ``since`` (a cancelled one too: readers should hear of
    it before they would have gone), newest change first, then soonest; at most
    ``limit``. A sitting with no history (not published) is left out."""
    ahead = [
        News(o, history)
        for o in occurrences
        if o.end > since and (history := histories.get(o.uid)) is not None
    ]
    ahead.sort(key=lambda n: (n.occurrence.start, n.occurrence.uid))
    ahead.sort(key=lambda n: n.history.last_changed, reverse=True)  # stable: soonest first
    return ahead[:limit]


@dataclass(frozen=True)
class Next:
    """The first sittings ahead of a moment, and how many are ahead in all."""

    occurrences: list[Occurrence]
    ahead: int


def next_ahead(occurrences: Sequence[Occurrence], since: datetime, limit: int) -> Next:
    """The first ``limit`` sittings (in the given order, by start) that end after ``since``."""
    ahead = [o for o in occurrences if o.end > since]
    return Next(ahead[:limit], len(ahead))
