"""Every feed read by real calendar parsers gives the times the curriculum means.

Three readers (ical.js under Node.js, recurring_ical_events, dateutil's tzical;
see tests/feed_readers.py) read every feed of built sites, and each event
instance's UTC start and end is compared with the time worked out from the
curriculum's wall-clock times by zoneinfo. Curricula for four zones put
sittings in winter and summer, on the days the clocks change, overnight across
each change, weekly across the spring change, and three years after the build.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from qisite.sessions import occurrences
from tests import feed_readers
from tests.session_fixtures import curriculum_text
from tests.sitebuild import BuiltSite, build_site

SUFFIX = "testshire-qi-academy"
ZONES = ["Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata"]
BASE_YEAR = 2027
LATER_YEAR = date.today().year + 3
"""A year three years after the build (tests build without SOURCE_DATE_EPOCH)."""


def change_days(zone: ZoneInfo, year: int) -> list[date]:
    """The days whose noon offset differs from the day before's: the clock-change days."""
    found = []
    day = date(year, 1, 1)
    while day.year == year:
        noon = datetime.combine(day, time(12), zone).utcoffset()
        before = datetime.combine(day - timedelta(days=1), time(12), zone).utcoffset()
        if noon != before:
            found.append(day)
        day += timedelta(days=1)
    return found


Sitting = tuple[str, datetime, datetime]
"""Session id, local start and local end (naive wall-clock times)."""


def sittings(zone_name: str) -> tuple[list[Sitting], list[tuple[str, datetime, int]]]:
    """Single sittings, and weekly repeats (id, first start, count), for one zone."""
    zone = ZoneInfo(zone_name)
    single: list[Sitting] = []
    weekly: list[tuple[str, datetime, int]] = []
    for year in (BASE_YEAR, LATER_YEAR):
        for label, day in (("winter", date(year, 1, 14)), ("summer", date(year, 7, 15))):
            start = datetime.combine(day, time(12, 30))
            single.append((f"{label}-{year}", start, start + timedelta(hours=1)))
        days = change_days(zone, year)
        assert len(days) == (0 if zone_name == "Asia/Kolkata" else 2), days
        for day in days:
            morning = datetime.combine(day, time(9))
            single.append((f"change-{day:%Y%m%d}", morning, morning + timedelta(hours=1)))
            evening = datetime.combine(day - timedelta(days=1), time(22))
            single.append((f"overnight-{day:%Y%m%d}", evening, evening + timedelta(hours=8)))
        spring = days[0] if days else date(year, 3, 28)
        first = datetime.combine(spring - timedelta(days=7), time(12, 30))
        weekly.append((f"weekly-{year}", first, 3))
    return single, weekly


def _curriculum(zone_name: str) -> str:
    single, weekly = sittings(zone_name)
    lines = [
        f"- {{id: {sid}, module: mod-intro, start: {start:%Y-%m-%d %H:%M}, "
        f"end: {end:%Y-%m-%d %H:%M}}}"
        for sid, start, end in single
    ]
    lines += [
        f"- {{id: {sid}, module: mod-data, start: {first:%Y-%m-%d %H:%M}, duration: 1h, "
        f"repeat: {{every: weekly, count: {count}}}}}"
        for sid, first, count in weekly
    ]
    text = curriculum_text("\n".join(lines) + "\n")
    return text.replace("timezone: Europe/London", f"timezone: {zone_name}")


def expected_times(zone_name: str) -> feed_readers.Expected:
    """UID to UTC start and end, from the wall-clock times above and zoneinfo alone."""
    zone = ZoneInfo(zone_name)

    def utc(local: datetime) -> datetime:
        return local.replace(tzinfo=zone).astimezone(UTC)

    single, weekly = sittings(zone_name)
    found = {f"{sid}@{SUFFIX}": (utc(start), utc(end)) for sid, start, end in single}
    for sid, first, count in weekly:
        for week in range(count):
            start = first + timedelta(weeks=week)
            found[f"{sid}-{start:%Y%m%dT%H%M}@{SUFFIX}"] = (
                utc(start),
                utc(start + timedelta(hours=1)),
            )
    return found


@pytest.fixture(scope="module", params=ZONES)
def zone_site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, BuiltSite]:
    zone_name = request.param
    root = tmp_path_factory.mktemp(zone_name.replace("/", "-"))
    return zone_name, build_site(root, curriculum=_curriculum(zone_name))


def _feeds(site: BuiltSite) -> list[Path]:
    found = sorted((site.site_dir / "feeds").rglob("*.ics"))
    assert found
    return found


def _check(site: BuiltSite, expected: feed_readers.Expected) -> dict[str, list]:
    """Mismatches per reader over every feed of the site, each feed against its own UIDs."""
    feeds = _feeds(site)
    window = feed_readers.window(expected)
    by_icaljs = feed_readers.icaljs(feeds, window[1])
    wrong: dict[str, list] = {"ical.js": [], "recurring_ical_events": [], "tzical": []}
    for path in feeds:
        wanted = {uid: expected[uid] for uid in feed_readers.uids(path)}
        readings = {
            "ical.js": by_icaljs[path],
            "recurring_ical_events": feed_readers.recurring(path, window),
            "tzical": feed_readers.tzical(path),
        }
        for reader, found in readings.items():
            wrong[reader] += [(path.name, *m) for m in feed_readers.mismatches(found, wanted)]
    return wrong


def test_the_test_curricula_cover_what_they_claim() -> None:
    """The sittings straddle the changes: each overnight sitting's UTC length is not 8 h."""
    for zone_name in ZONES:
        expected = expected_times(zone_name)
        overnight = [v for k, v in expected.items() if k.startswith("overnight-")]
        if zone_name == "Asia/Kolkata":
            assert overnight == []
            continue
        assert len(overnight) == 4
        assert {end - start for start, end in overnight} == {timedelta(hours=7), timedelta(hours=9)}
        assert any(k.startswith(f"summer-{LATER_YEAR}") for k in expected)


def test_every_reader_reads_every_feed_at_the_curriculums_times(
    zone_site: tuple[str, BuiltSite],
) -> None:
    zone_name, site = zone_site
    expected = expected_times(zone_name)
    everything = feed_readers.uids(site.site_dir / "feeds" / "all.ics")
    assert sorted(everything) == sorted(expected)
    wrong = _check(site, expected)
    assert wrong == {reader: [] for reader in wrong}


def test_every_feed_of_the_example_academy_reads_right(example_site: BuiltSite) -> None:
    from qisite.inputs import load_inputs

    found = occurrences(load_inputs(example_site.root / "curriculum.yaml").require())
    expected = {o.uid: (o.start.astimezone(UTC), o.end.astimezone(UTC)) for o in found}
    everything = feed_readers.uids(example_site.site_dir / "feeds" / "all.ics")
    assert sorted(everything) == sorted(expected) and len(_feeds(example_site)) > 50
    wrong = _check(example_site, expected)
    assert wrong == {reader: [] for reader in wrong}


def test_ical_js_reads_a_misplaced_summer_an_hour_out(tmp_path: Path) -> None:
    """The check can fail: icalendar's RDATE-list block (the old feeds) is misread by ical.js."""
    import icalendar

    zone = icalendar.Timezone.from_tzinfo(
        ZoneInfo("Europe/London"), first_date=date(2027, 1, 1), last_date=date(2029, 1, 1)
    )
    assert "RDATE" in zone.walk("DAYLIGHT")[0]
    event = icalendar.Event()
    event.add("uid", "lunch@example")
    event.add("dtstamp", datetime(2027, 1, 1, tzinfo=UTC))
    start = datetime(2027, 7, 15, 12, 30, tzinfo=ZoneInfo("Europe/London"))
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(hours=1))
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//test//EN")
    calendar.add("version", "2.0")
    calendar.add_component(zone)
    calendar.add_component(event)
    path = tmp_path / "old.ics"
    path.write_bytes(calendar.to_ical())
    ((_, read_start, _),) = feed_readers.icaljs([path], date(2028, 1, 1))[path]
    assert read_start - start == timedelta(hours=1)
    assert feed_readers.tzical(path) == {
        ("lunch@example", start.astimezone(UTC), (start + timedelta(hours=1)).astimezone(UTC))
    }
