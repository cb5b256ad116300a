"""Feeds and subscribe links as calendar clients meet them.

The feeds are read back by ical.js (Thunderbird's parser, under Node.js), by
``recurring_ical_events`` (on icalendar) and by dateutil's ``tzical`` (see
tests/feed_readers.py): how often to refresh, METHOD, DTSTAMP, SEQUENCE and
LAST-MODIFIED, and what a changed or cancelled sitting looks like in the next
build. The subscribe help is checked link by link for a site published under a
sub-path, and in Chromium (axe, the copy box).
"""

from __future__ import annotations

import urllib.parse
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import icalendar
import pytest
import recurring_ical_events

from qisite.publication import Manifest
from qisite.sessions import occurrences
from qisite.sessions.ics import FeedWriter, feed_settings
from qisite.site import SiteContext
from qisite.site.calendar import produce
from qisite.site.subscribe import feed_addresses
from tests import feed_readers
from tests.browser import axe_violations, describe, serve
from tests.session_fixtures import curriculum_text, inputs
from tests.sitebuild import BuiltSite, build_site, naming_previous

SUFFIX = "testshire-qi-academy"
BEFORE = """\
- {id: moved, module: mod-intro, start: 2027-07-15 12:30, duration: 1h, venue: Room 1}
- {id: called-off, module: mod-intro, start: 2027-05-03 09:00, duration: 2h, venue: Room 2}
- {id: steady, module: mod-data, start: 2027-06-01 10:00, duration: 1h, venue: Room 3}
"""
AFTER = """\
- {id: moved, module: mod-intro, start: 2027-07-16 14:00, duration: 1h, venue: Room 4}
- {id: called-off, module: mod-intro, start: 2027-05-03 09:00, duration: 2h, venue: Room 2,
   status: cancelled}
- {id: steady, module: mod-data, start: 2027-06-01 10:00, duration: 1h, venue: Room 3}
"""
FIRST_BUILD = datetime(2027, 1, 1, tzinfo=UTC)
SECOND_BUILD = datetime(2027, 1, 4, 9, 37, tzinfo=UTC)
MINUTES_FROM_2000 = {
    FIRST_BUILD: 14_201_280,  # (1798761600 - 946684800) // 60
    SECOND_BUILD: 14_201_280 + 3 * 24 * 60 + 9 * 60 + 37,
}
WINDOW_END = date(2028, 1, 1)


def _epoch(moment: datetime) -> str:
    return str(int(moment.timestamp()))


def _with_academy(text: str, line: str) -> str:
    zone = "  timezone: Europe/London\n"
    return text.replace(zone, f"{zone}  {line}\n")


def _build_sessions(
    root: Path, sessions: str, built: datetime | None, academy: str = "", **options: Any
) -> BuiltSite:
    """A site built at ``built`` (SOURCE_DATE_EPOCH), or by the clock when None; ``academy``
    is a line added under ``academy:``."""
    text = curriculum_text(sessions)
    if academy:
        text = _with_academy(text, academy)
    with pytest.MonkeyPatch.context() as patch:
        if built is None:
            patch.delenv("SOURCE_DATE_EPOCH", raising=False)
        else:
            patch.setenv("SOURCE_DATE_EPOCH", _epoch(built))
        return build_site(root, curriculum=text, **options)


def _feeds(site: BuiltSite) -> list[Path]:
    return sorted((site.site_dir / "feeds").rglob("*.ics"))


def _by_uid(events: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {e["uid"].split("@")[0]: e for e in events}


def _icalendar_events(path: Path) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    found = recurring_ical_events.of(calendar).between(date(2027, 1, 1), WINDOW_END)
    return {str(e["UID"]).split("@")[0]: e for e in found}


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltSite, BuiltSite]:
    """The same academy built on 1 January and again on 4 January, after one sitting
    moved (time and room) and another was cancelled."""
    root = tmp_path_factory.mktemp("two-builds")
    return (
        _build_sessions(root / "first", BEFORE, FIRST_BUILD),
        _build_sessions(root / "second", AFTER, SECOND_BUILD),
    )


def test_every_feed_says_publish_refresh_daily_and_stamps_the_build_time(
    two_builds: tuple[BuiltSite, BuiltSite],
) -> None:
    first, _ = two_builds
    feeds = _feeds(first)
    assert len(feeds) == 1 + 2 + 2 + 3
    read = feed_readers.icaljs_read(feeds, WINDOW_END)
    stamp = "2027-01-01T00:00:00Z"
    for path in feeds:
        raw = path.read_bytes()
        # RFC 7986 wants the value type spelled out on REFRESH-INTERVAL.
        assert b"\r\nREFRESH-INTERVAL;VALUE=DURATION:P1D\r\n" in raw, path
        assert b"\r\nX-PUBLISHED-TTL:P1D\r\n" in raw, path
        by_icaljs = read[path]
        assert by_icaljs["calendar"] == {
            "method": "PUBLISH",
            "refreshInterval": "P1D",
            "publishedTtl": "P1D",
            "name": by_icaljs["calendar"]["name"],
        }
        calendar = icalendar.Calendar.from_ical(raw)
        assert calendar["METHOD"] == "PUBLISH"
        assert calendar.decoded("REFRESH-INTERVAL") == timedelta(days=1)
        for event in by_icaljs["events"]:
            assert event["dtstamp"] == event["lastModified"] == stamp
            assert event["sequence"] == MINUTES_FROM_2000[FIRST_BUILD]
        for event in _icalendar_events(path).values():
            assert event.decoded("DTSTAMP") == FIRST_BUILD
            assert event.decoded("LAST-MODIFIED") == FIRST_BUILD
            assert event["SEQUENCE"] == MINUTES_FROM_2000[FIRST_BUILD]


def test_a_moved_and_a_cancelled_sitting_read_as_changed_in_the_next_build(
    two_builds: tuple[BuiltSite, BuiltSite],
) -> None:
    _, second = two_builds
    paths = [site.site_dir / "feeds" / "all.ics" for site in two_builds]
    before, after = (
        _by_uid(r["events"]) for r in feed_readers.icaljs_read(paths, WINDOW_END).values()
    )
    assert set(before) == set(after) == {"moved", "called-off", "steady"}
    for uid in before:  # no history: every sitting is newer than any earlier copy
        assert after[uid]["sequence"] > before[uid]["sequence"], uid
        assert after[uid]["sequence"] == MINUTES_FROM_2000[SECOND_BUILD]
        assert after[uid]["lastModified"] == after[uid]["dtstamp"] == "2027-01-04T09:37:00Z"
    # The moved sitting: the new time (British Summer Time) by all three readers, the new room.
    moved = (f"moved@{SUFFIX}", datetime(2027, 7, 16, 13, tzinfo=UTC))
    assert (after["moved"]["start"], before["moved"]["start"]) == (
        "2027-07-16T13:00:00Z",
        "2027-07-15T11:30:00Z",
    )
    assert (moved[0], moved[1], moved[1] + timedelta(hours=1)) in feed_readers.tzical(paths[1])
    assert _icalendar_events(paths[1])["moved"]["LOCATION"] == "Room 4"
    # The cancelled one keeps its UID, and says so however a client shows it.
    for path in (paths[1], second.site_dir / "feeds" / "sessions" / "called-off.ics"):
        (read,) = feed_readers.icaljs_read([path], WINDOW_END).values()
        cancelled = _by_uid(read["events"])["called-off"]
        assert cancelled["status"] == "CANCELLED"
        assert cancelled["summary"] == "Cancelled: Introduction module"
        assert cancelled["description"].startswith("This session is cancelled.")
        assert cancelled["transp"] == "TRANSPARENT"
        by_icalendar = _icalendar_events(path)["called-off"]
        assert by_icalendar["SUMMARY"] == "Cancelled: Introduction module"
        assert by_icalendar["STATUS"] == "CANCELLED"
    assert before["called-off"]["summary"] == "Introduction module"
    assert before["called-off"]["status"] == "CONFIRMED"
    assert before["called-off"]["transp"] == "OPAQUE"
    own = second.site_dir / "feeds" / "sessions" / "called-off.ics"
    assert icalendar.Calendar.from_ical(own.read_bytes())["X-WR-CALNAME"] == (
        "Testshire QI Academy: Cancelled: Introduction module"
    )


def _all_feed_with(tmp_path: Path, changes: dict[str, datetime]) -> dict[str, dict[str, Any]]:
    """all.ics of AFTER built on SECOND_BUILD through the feeds' hook for history
    (``feed_settings(last_changed=...)``), read by ical.js, by session id."""
    read_in = inputs(tmp_path, AFTER)
    found = occurrences(read_in)
    settings = feed_settings(read_in.curriculum, found, read_in.words, changes, SECOND_BUILD)
    path = tmp_path / "all.ics"
    path.write_bytes(FeedWriter(settings).feed("all sessions", found))
    (read,) = feed_readers.icaljs_read([path], WINDOW_END).values()
    return _by_uid(read["events"])


def test_with_a_record_of_changes_only_changed_sittings_move_on(tmp_path: Path) -> None:
    """Unchanged sittings keep the SEQUENCE and LAST-MODIFIED of their last change."""
    events = _all_feed_with(
        tmp_path,
        {
            f"steady@{SUFFIX}": FIRST_BUILD,
            f"moved@{SUFFIX}": SECOND_BUILD,
            f"called-off@{SUFFIX}": SECOND_BUILD - timedelta(minutes=5),
            f"nowhere@{SUFFIX}": FIRST_BUILD,  # a sitting no longer scheduled is ignored
        },
    )
    assert events["steady"]["sequence"] == MINUTES_FROM_2000[FIRST_BUILD]
    assert events["steady"]["lastModified"] == "2027-01-01T00:00:00Z"
    assert events["moved"]["sequence"] == MINUTES_FROM_2000[SECOND_BUILD]
    assert events["called-off"]["sequence"] == MINUTES_FROM_2000[SECOND_BUILD] - 5
    assert events["called-off"]["lastModified"] == "2027-01-04T09:32:00Z"
    assert {e["dtstamp"] for e in events.values()} == {"2027-01-04T09:37:00Z"}


def test_a_recorded_change_after_the_build_counts_as_the_build(tmp_path: Path) -> None:
    events = _all_feed_with(tmp_path, {f"moved@{SUFFIX}": SECOND_BUILD + timedelta(days=30)})
    assert events["moved"]["lastModified"] == "2027-01-04T09:37:00Z"
    assert events["moved"]["sequence"] == MINUTES_FROM_2000[SECOND_BUILD]


def _manifest_build(
    root: Path, sessions: str, built: datetime, previous: BuiltSite | None
) -> tuple[BuiltSite, dict[str, dict[str, Any]]]:
    """A whole build naming the previous build's publication.json as previous_manifest
    in mkdocs.yml (none for the first); ical.js's reading of its all.ics by session id."""
    options = {} if previous is None else naming_previous(previous)
    site = _build_sessions(root, sessions, built, **options)
    path = site.site_dir / "feeds" / "all.ics"
    (read,) = feed_readers.icaljs_read([path], WINDOW_END).values()
    return site, _by_uid(read["events"])


def test_with_the_last_publication_unchanged_sittings_keep_their_revision(
    tmp_path: Path,
) -> None:
    first, before = _manifest_build(tmp_path / "one", BEFORE, FIRST_BUILD, None)
    second, after = _manifest_build(tmp_path / "two", AFTER, SECOND_BUILD, first)
    third_build = SECOND_BUILD + timedelta(days=1)
    _, again = _manifest_build(tmp_path / "three", AFTER, third_build, second)
    assert {e["sequence"] for e in before.values()} == {MINUTES_FROM_2000[FIRST_BUILD]}
    assert after["steady"]["sequence"] == before["steady"]["sequence"]
    assert after["steady"]["lastModified"] == "2027-01-01T00:00:00Z"
    recorded = Manifest.from_json((second.site_dir / "publication.json").read_bytes())
    for changed in ("moved", "called-off"):
        assert recorded.sittings[f"{changed}@{SUFFIX}"].last_changed == SECOND_BUILD
        assert after[changed]["sequence"] == MINUTES_FROM_2000[SECOND_BUILD]
        assert after[changed]["lastModified"] == "2027-01-04T09:37:00Z"
    assert after["called-off"]["summary"] == "Cancelled: Introduction module"
    # Nothing changed before the third build: every sitting keeps its revision.
    for uid, event in again.items():
        assert (event["sequence"], event["lastModified"]) == (
            after[uid]["sequence"],
            after[uid]["lastModified"],
        )
        assert event["dtstamp"] == "2027-01-05T09:37:00Z"


def test_without_source_date_epoch_the_stamp_is_the_build_time_never_later(
    tmp_path: Path,
) -> None:
    """The sittings lie ahead of the clock: the stamp used to be the first one's start."""
    started = datetime.now(UTC).replace(microsecond=0)
    ahead = (
        f"- {{id: ahead, module: mod-intro, start: {started.year + 2}-03-01 09:00, duration: 1h}}\n"
    )
    site = _build_sessions(tmp_path, ahead, None)
    finished = datetime.now(UTC)
    stamps = []
    for path in _feeds(site):
        for event in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"):
            stamps += [event.decoded("DTSTAMP"), event.decoded("LAST-MODIFIED")]
    assert stamps and all(started <= stamp <= finished for stamp in stamps), stamps


def test_the_organiser_sets_how_often_calendars_refresh(tmp_path: Path) -> None:
    for setting, written in (("feed_refresh: PT12H", "PT12H"), ("feed_refresh: 36", "P1DT12H")):
        site = _build_sessions(tmp_path / written, BEFORE, FIRST_BUILD, academy=setting)
        path = site.site_dir / "feeds" / "all.ics"
        (read,) = feed_readers.icaljs_read([path], WINDOW_END).values()
        assert read["calendar"]["refreshInterval"] == read["calendar"]["publishedTtl"] == written


def test_feeds_are_the_same_bytes_at_the_same_epoch(tmp_path: Path) -> None:
    one = _build_sessions(tmp_path / "one", AFTER, SECOND_BUILD)
    two = _build_sessions(tmp_path / "two", AFTER, SECOND_BUILD)
    names = [p.relative_to(one.site_dir) for p in _feeds(one)]
    assert names == [p.relative_to(two.site_dir) for p in _feeds(two)]
    assert all((one.site_dir / n).read_bytes() == (two.site_dir / n).read_bytes() for n in names)


# Subscribe links

SITE_URL = "https://intranet.example.nhs.uk/qi-academy/"


def _expected_links(feed: str, name: str) -> list[str]:
    """Each app's link, spelled out by hand (not by qisite.site.subscribe)."""
    web = f"https://intranet.example.nhs.uk/qi-academy/{feed}"
    encoded_web = web.replace(":", "%3A").replace("/", "%2F")
    encoded_name = name.replace(" ", "%20").replace(":", "%3A")
    outlook = f"calendar/0/addfromweb?url={encoded_web}&name={encoded_name}"
    return [
        f"webcal://intranet.example.nhs.uk/qi-academy/{feed}",
        f"https://outlook.office.com/{outlook}",
        f"https://outlook.live.com/{outlook}",
        "https://calendar.google.com/calendar/r?cid=" + encoded_web.replace("https", "webcal", 1),
    ]


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    root = tmp_path_factory.mktemp("published")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", _epoch(FIRST_BUILD))
        return build_site(root, curriculum=curriculum_text(AFTER), config={"site_url": SITE_URL})


@pytest.mark.parametrize(
    ("page", "feed", "name"),
    [
        ("calendar/", "feeds/all.ics", "Testshire QI Academy: all sessions"),
        ("calendar/2027-05/", "feeds/all.ics", "Testshire QI Academy: all sessions"),
        (
            "modules/mod-data/",
            "feeds/modules/mod-data.ics",
            "Testshire QI Academy: sessions of Data module",
        ),
        (
            "pathways/aud-ward/",
            "feeds/audiences/aud-ward.ics",
            "Testshire QI Academy: sessions for Ward staff",
        ),
    ],
)
def test_each_app_gets_the_link_it_accepts(
    published: BuiltSite, page: str, feed: str, name: str
) -> None:
    help_box = published.content(page).select_one(".qisite-subscribe")
    links = [a["href"] for a in help_box.select(".qisite-subscribe-apps a")]
    assert links == _expected_links(feed, name)
    web = SITE_URL + feed
    assert help_box.select_one("[data-qisite-feed-address] input")["value"] == web
    assert not help_box.select_one("[data-qisite-feed-address]").has_attr("hidden")
    assert help_box.select_one("[data-qisite-copy-fallback]") is None
    # The full address is where the feed is published: the site folder after site_url.
    assert (published.site_dir / web.removeprefix(SITE_URL)).is_file()
    download = help_box.select_one("a.qisite-feed-download")["href"]
    assert not download.startswith(("http", "webcal", "/")) and download.endswith(feed)


def test_link_values_are_encoded_whatever_the_names_hold() -> None:
    found = feed_addresses("http://intranet/qi academy", "feeds/all.ics", "R&D: a/b #1 ?")
    assert found is not None
    assert found.web == "http://intranet/qi academy/feeds/all.ics"
    assert found.webcal == "webcal://intranet/qi academy/feeds/all.ics"
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(found.outlook_personal).query)
    assert query == {"url": [found.web], "name": ["R&D: a/b #1 ?"]}
    google = urllib.parse.parse_qs(urllib.parse.urlsplit(found.google).query)
    assert google == {"cid": [found.webcal]}
    assert " " not in found.google + found.outlook_work
    assert feed_addresses(None, "feeds/all.ics", "x") is None
    assert feed_addresses("file:///srv/site/", "feeds/all.ics", "x") is None


@pytest.mark.browser
def test_calendar_subscribe_help_in_chromium(page: Any, published: BuiltSite) -> None:
    """axe finds nothing on the open help; the copy button copies the full address."""
    with serve(published.root) as root_url:  # the site under a sub-path: /site/
        page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        page.goto(root_url + "site/calendar/")
        page.click(".qisite-subscribe summary")
        assert page.is_visible(".qisite-subscribe-apps")
        button = page.locator("[data-qisite-copy]")
        assert button.is_visible()
        violations = axe_violations(page)
        assert violations == [], describe(violations)
        button.click()
        page.wait_for_function(
            "document.querySelector('[data-qisite-copy-status]').textContent !== ''"
        )
        assert page.text_content("[data-qisite-copy-status]") == "Address copied."
        assert page.evaluate("navigator.clipboard.readText()") == SITE_URL + "feeds/all.ics"
        assert page.outside_requests == []


@pytest.mark.browser
def test_without_site_url_the_script_fills_the_copy_box_from_the_page(
    page: Any, two_builds: tuple[BuiltSite, BuiltSite]
) -> None:
    first, _ = two_builds
    with serve(first.root) as root_url:
        page.goto(root_url + "site/calendar/2027-05/")
        page.click(".qisite-subscribe summary")
        box = page.locator("[data-qisite-feed-address] input")
        assert box.is_visible()
        assert box.input_value() == root_url + "site/feeds/all.ics"
        assert page.locator(".qisite-subscribe-apps").count() == 0
        assert page.is_hidden("[data-qisite-copy-fallback]")  # the box says it better
        violations = axe_violations(page)
        assert violations == [], describe(violations)
    page.goto((first.site_dir / "calendar" / "index.html").as_uri())
    page.click(".qisite-subscribe summary")
    assert page.is_hidden("[data-qisite-feed-address]")  # file: has no address to give
    assert page.is_visible("[data-qisite-copy-fallback]")


def test_feeds_take_the_build_time_the_pages_use(tmp_path: Path) -> None:
    """A build time fixed on the SiteContext (What's on, posters) stamps the feeds too."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", _epoch(FIRST_BUILD))
        site = SiteContext(inputs(tmp_path, AFTER), built_at=SECOND_BUILD)
        feeds = {o.src_uri: o.content for o in produce(site)}
    events = icalendar.Calendar.from_ical(feeds["feeds/all.ics"]).walk("VEVENT")
    assert {e.decoded("DTSTAMP") for e in events} == {SECOND_BUILD}
