"""Which sittings the awareness pages hold: from the build on, half a year and a window
ahead, and no more than a page can carry."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from qisite.publication import SittingEntry
from qisite.sessions import Occurrence
from qisite.site import SiteContext
from qisite.views.coming import NEWS_LIMIT, held_ahead, newest_changes, within
from tests.session_fixtures import inputs

WEEKLY = """\
- {id: weekly, module: mod-intro, start: 2027-01-04 09:00, duration: 1h, venue: Room 1,
   repeat: {every: week, count: 60}}
"""


def _sittings(tmp_path: Path) -> list:  # type: ignore[type-arg]
    return SiteContext(inputs(tmp_path, WEEKLY)).occurrences


def test_holds_from_the_build_to_half_a_year_and_a_window_ahead(tmp_path: Path) -> None:
    sittings = _sittings(tmp_path)
    since = datetime(2027, 2, 1, tzinfo=UTC)
    held = held_ahead(sittings, since, weeks=8)
    assert held.complete
    assert held.until == since + timedelta(weeks=26 + 8)
    assert held.occurrences[0].start.date().isoformat() == "2027-02-01"
    assert all(since < o.end and o.start < held.until for o in held.occurrences)
    assert len(held.occurrences) == 34


def test_a_busy_academy_is_cut_at_the_limit(tmp_path: Path) -> None:
    sittings = _sittings(tmp_path)
    since = datetime(2027, 1, 1, tzinfo=UTC)
    held = held_ahead(sittings, since, weeks=8, limit=10)
    assert not held.complete
    assert len(held.occurrences) == 10
    assert held.until == sittings[10].start


def test_within_a_window(tmp_path: Path) -> None:
    sittings = _sittings(tmp_path)
    since = datetime(2027, 1, 4, 9, 30, tzinfo=UTC)  # during the first sitting (UK = UTC)
    chosen = within(sittings, since, weeks=2)
    assert [o.start.day for o in chosen] == [4, 11, 18]


def _history(o: Occurrence, first: datetime, changed: datetime) -> SittingEntry:
    return SittingEntry(
        module=o.module_id,
        title=o.title,
        start=o.start,
        end=o.end,
        venue=o.venue,
        online=o.online,
        status="cancelled" if o.cancelled else "scheduled",
        address="modules/mod-intro/",
        first_published=first,
        last_changed=changed,
        sequence=int(changed > first),
    )


def test_the_feed_holds_the_newest_changes_of_sittings_not_ended(tmp_path: Path) -> None:
    sittings = _sittings(tmp_path)
    first = datetime(2026, 12, 1, tzinfo=UTC)
    later = datetime(2027, 1, 20, tzinfo=UTC)
    histories = {o.uid: _history(o, first, first) for o in sittings}
    for moved in (sittings[30], sittings[12], sittings[2]):  # changed at the last build
        histories[moved.uid] = _history(moved, first, later)
    del histories[sittings[5].uid]  # not published (no history): left out
    since = datetime(2027, 1, 25, 12, tzinfo=UTC)  # the first four have ended
    news = newest_changes(sittings, histories, since, limit=10)
    assert len(news) == 10
    picked = [sittings.index(n.occurrence) for n in news]
    # The changed ones first (by start), then the others by start; ended and unpublished out.
    assert picked == [12, 30, 4, 6, 7, 8, 9, 10, 11, 13]
    assert all(n.history is histories[n.occurrence.uid] for n in news)
    assert len(newest_changes(sittings, histories, since)) == NEWS_LIMIT == 50
