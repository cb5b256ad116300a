"""The calendar page and the .ics feeds of a built site, parsed back with icalendar."""

from __future__ import annotations

import posixpath
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import icalendar
import pytest

from tests.accnames import accessible_name
from tests.session_fixtures import curriculum_text
from tests.sitebuild import BuiltSite, build_site

SESSIONS = """\
- {id: summer, module: mod-intro, start: 2027-07-15 12:30, end: "13:30", venue: Room 1}
- {id: winter, module: mod-intro, start: 2027-01-14 12:30, duration: 1h, venue: Room 1,
   booking: "https://book.example.org/winter?x=1&y=2", notes: "Bring <b>lunch</b>"}
- id: monthly
  module: mod-data
  start: 2027-01-12 12:30
  duration: 1h
  online: https://meet.example.org/monthly
  repeat: {every: monthly, weekday_of_month: true, count: 4, exceptions: [2027-02-09]}
- id: ruled
  module: mod-data
  start: 2027-01-12 16:00
  duration: 1h
  rrule: FREQ=MONTHLY;BYDAY=2TU;COUNT=4
  exceptions: [2027-03-09]
- {id: called-off, module: mod-intro, start: 2027-05-03 09:00, duration: 2h, status: cancelled,
   audiences: [aud-ward]}
"""

CSV = (
    "id,module,start,end,venue,audiences\n"
    'from-csv,mod-intro,2027-06-01 10:00,11:00,"Library, Floor 2",aud-ward\n'
)


def _build(root: Path) -> BuiltSite:
    text = curriculum_text(SESSIONS, extra="session_files: [planned.csv]\n")
    return build_site(root, curriculum=text, extra_files={"planned.csv": CSV})


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return _build(tmp_path_factory.mktemp("calendar"))


def _feed(site: BuiltSite, name: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical((site.site_dir / "feeds" / name).read_bytes())


def _events(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def _utc(event: icalendar.Event, key: str = "DTSTART") -> str:
    return event.decoded(key).astimezone(UTC).strftime("%Y-%m-%d %H:%M")


def test_london_lunchtime_in_utc_across_clock_changes(site: BuiltSite) -> None:
    events = _events(_feed(site, "all.ics"))
    summer = events["summer@testshire-qi-academy"]
    winter = events["winter@testshire-qi-academy"]
    assert _utc(summer) == "2027-07-15 11:30" and _utc(summer, "DTEND") == "2027-07-15 12:30"
    assert _utc(winter) == "2027-01-14 12:30"
    assert summer["DTSTART"].params["TZID"] == "Europe/London"


def test_feed_has_calendar_properties_and_vtimezone(site: BuiltSite) -> None:
    calendar = _feed(site, "all.ics")
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    assert calendar["X-WR-CALNAME"] == "Testshire QI Academy: all sessions"
    (zone,) = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "Europe/London"
    assert {c.name for c in zone.subcomponents} == {"STANDARD", "DAYLIGHT"}
    winter = _events(calendar)["winter@testshire-qi-academy"]
    assert winter["LOCATION"] == "Room 1"
    assert winter["URL"] == "https://book.example.org/winter?x=1&y=2"
    assert "Bring <b>lunch</b>" in winter["DESCRIPTION"]
    assert winter["STATUS"] == "CONFIRMED" and winter["TRANSP"] == "OPAQUE"
    assert winter.decoded("DTSTAMP").tzinfo is not None


@pytest.mark.parametrize("uid_prefix", ["monthly", "ruled"])
def test_monthly_repeat_with_exception_in_feed(site: BuiltSite, uid_prefix: str) -> None:
    events = _events(_feed(site, "modules/mod-data.ics"))
    dates = sorted(
        e.decoded("DTSTART").strftime("%Y-%m-%d")
        for uid, e in events.items()
        if uid.startswith(uid_prefix + "-")
    )
    expected = {
        "monthly": ["2027-01-12", "2027-03-09", "2027-04-13"],  # February left out
        "ruled": ["2027-01-12", "2027-02-09", "2027-04-13"],  # March left out
    }
    assert dates == expected[uid_prefix]


def test_cancelled_session_keeps_its_uid(site: BuiltSite) -> None:
    uid = "called-off@testshire-qi-academy"
    everything = _events(_feed(site, "all.ics"))
    assert everything[uid]["STATUS"] == "CANCELLED"
    own = _events(_feed(site, "sessions/called-off.ics"))
    assert list(own) == [uid] and own[uid]["STATUS"] == "CANCELLED"


def test_audience_feeds_hold_their_audience_only(site: BuiltSite) -> None:
    board = set(_events(_feed(site, "audiences/aud-board.ics")))
    ward = set(_events(_feed(site, "audiences/aud-ward.ics")))
    assert "called-off@testshire-qi-academy" in ward - board
    assert "from-csv@testshire-qi-academy" in ward - board
    assert "monthly-20270112T1230@testshire-qi-academy" in board - ward
    assert "summer@testshire-qi-academy" in board & ward


def test_two_builds_give_identical_feeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")
    first = _build(tmp_path / "one")
    second = _build(tmp_path / "two")
    feeds = sorted(p.relative_to(first.site_dir) for p in (first.site_dir / "feeds").rglob("*.ics"))
    assert len(feeds) == 1 + 2 + 2 + 10  # all, audiences, modules, sittings
    for name in feeds:
        assert (first.site_dir / name).read_bytes() == (second.site_dir / name).read_bytes(), name


def test_source_date_epoch_sets_dtstamp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")
    built = _build(tmp_path)
    for event in _feed(built, "all.ics").walk("VEVENT"):
        assert event.decoded("DTSTAMP") == datetime(2027, 1, 1, tzinfo=UTC)


MONTH_KEYS = ["2027-01", "2027-02", "2027-03", "2027-04", "2027-05", "2027-06", "2027-07"]


def _month_pages(site: BuiltSite) -> list[tuple[str, Any]]:
    return [(f"calendar/{key}/", site.content(f"calendar/{key}/")) for key in MONTH_KEYS]


def test_calendar_page_links_a_page_per_month(site: BuiltSite) -> None:
    page = site.content("calendar/")
    assert page.select("[data-qisite-occurrence]") == []  # the sittings live on month pages
    links = page.select("[data-qisite-month-link] a")
    assert [a.get_text(strip=True) for a in links] == [
        "January 2027",
        "February 2027",
        "March 2027",
        "April 2027",
        "May 2027",
        "June 2027",
        "July 2027",
    ]
    assert [a["href"] for a in links] == [f"{key}/" for key in MONTH_KEYS]
    counts = [
        li.get_text(strip=True).split(": ")[-1] for li in page.select("[data-qisite-month-link]")
    ]
    sums = [len(month.select("[data-qisite-occurrence]")) for _, month in _month_pages(site)]
    assert counts == [f"{n} session{'' if n == 1 else 's'}" for n in sums]
    assert sum(sums) == 10
    assert "calendar/2027-01/" not in {link["href"] for link in site.html("").select("nav a")}


def test_month_pages_list_their_sittings(site: BuiltSite) -> None:
    items = []
    for url, page in _month_pages(site):
        (section,) = page.select(".qisite-month")
        key = url.split("/")[1]
        assert section["data-qisite-month"] == key
        for item in section.select("[data-qisite-occurrence]"):
            assert item.select_one(".qisite-session-when time")["datetime"].startswith(key)
        items += section.select("[data-qisite-occurrence]")
        assert page.select_one("[data-qisite-calendar-filters]") is not None
    assert len(items) == 10
    assert not [i for i in items if i.has_attr("hidden")]  # without script, all are listed
    july = site.content("calendar/2027-07/")
    assert july.select_one(".qisite-month > h2").get_text(strip=True) == "July 2027"
    summer = july.select_one('[data-qisite-occurrence="summer@testshire-qi-academy"]')
    start = summer.select_one("time")
    assert start["datetime"] == "2027-07-15T12:30:00+01:00"
    assert start.get_text() == "Thursday 15 July 2027, 12:30"
    assert summer.select_one("h3 a")["href"] == "../../modules/mod-intro/"
    found = {i["data-qisite-occurrence"]: i for i in items}
    assert "Cancelled:" in found["called-off@testshire-qi-academy"].select_one("h3").get_text()
    winter = found["winter@testshire-qi-academy"]
    assert "Bring <b>lunch</b>" in winter.get_text()  # escaped, shown as text
    assert winter.find("b") is None


def test_add_to_calendar_links_reach_each_sittings_feed(site: BuiltSite) -> None:
    total = 0
    for url, page in _month_pages(site):
        links = page.select("[data-qisite-occurrence] a[href$='.ics']")
        total += len(links)
        for link in links:
            target = posixpath.normpath(posixpath.join(url, link["href"]))
            assert (site.site_dir / target).is_file(), link["href"]
            assert link.get_text() == "Add to calendar"
            # Its name adds the sitting's title and times, from the text beside it.
            item = link.find_parent(attrs={"data-qisite-occurrence": True})
            title = item.select_one("h3").get_text(" ", strip=True)
            when = item.select_one(".qisite-session-when").get_text(" ", strip=True)
            assert accessible_name(link, page) == f"Add to calendar {title} {when}"
    assert total == 10
    page = site.content("calendar/")
    subscribe = page.select_one(".qisite-subscribe a.qisite-feed-download")
    assert subscribe["href"] == "../feeds/all.ics"
    # Without site_url there is no full address to give the apps: no app links, and a
    # copy box that only the page script fills in (from the page's own address).
    assert page.select(".qisite-subscribe-apps") == []
    box = page.select_one(".qisite-subscribe [data-qisite-feed-address]")
    assert box.has_attr("hidden") and box.select_one("input")["value"] == ""
    fallback = page.select_one(".qisite-subscribe [data-qisite-copy-fallback]")
    assert "Copy link" in fallback.get_text() and not fallback.has_attr("hidden")


def test_calendar_script_and_style_are_published_and_linked(site: BuiltSite) -> None:
    page = site.html("calendar/2027-01/")
    scripts = [s.get("src", "") for s in page.select("script")]
    scripts = [src for src in scripts if "assets/qisite/" in src]
    styles = [s.get("href", "") for s in page.select("link[rel=stylesheet]")]
    styles = [href for href in styles if "assets/qisite/" in href]
    assert len(scripts) == 1 and scripts[0].startswith("../../assets/qisite/bundles/calendar")
    assert len(styles) == 1 and styles[0].startswith("../../assets/qisite/bundles/calendar")
    folder = site.site_dir / "calendar" / "2027-01"
    assert (folder / scripts[0]).resolve().is_file() and (folder / styles[0]).resolve().is_file()
    script = (folder / scripts[0]).read_text("utf-8")
    assert "window.qisiteSessions" in script and "window.qisiteWords" in script


def test_feed_writer_writes_what_icalendar_writes(tmp_path: Path) -> None:
    from qisite.inputs.translations import words_for
    from qisite.sessions import occurrences
    from qisite.sessions.ics import FeedWriter, feed, feed_settings
    from tests.session_fixtures import inputs

    (tmp_path / "planned.csv").write_text(CSV, encoding="utf-8")
    read = inputs(tmp_path, SESSIONS, extra="session_files: [planned.csv]\n")
    found = occurrences(read)
    settings = feed_settings(read.curriculum, found, words_for())
    writer = FeedWriter(settings)
    names = [
        "some sessions",
        "Quality improvement for ward managers, matrons and heads of service; all waves, 2027",
        "Cost, value & quality: a \\ b; c, d — élan",
    ]
    for chosen in (found, found[:1], found[3:7], []):
        for name in names:
            assert writer.feed(name, chosen) == feed(name, chosen, settings)


def _unfold(raw: bytes) -> list[str]:
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    physical = raw.decode("utf-8").split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    lines: list[str] = []
    for line in physical:
        if line.startswith((" ", "\t")):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def test_every_feed_follows_rfc5545_structure(site: BuiltSite) -> None:
    """Checked by hand, not through icalendar: folding, nesting and required properties."""
    required = {
        "VCALENDAR": {"PRODID", "VERSION"},
        "VEVENT": {"UID", "DTSTAMP", "DTSTART"},
        "VTIMEZONE": {"TZID"},
        "STANDARD": {"DTSTART", "TZOFFSETFROM", "TZOFFSETTO"},
        "DAYLIGHT": {"DTSTART", "TZOFFSETFROM", "TZOFFSETTO"},
    }
    for path in (site.site_dir / "feeds").rglob("*.ics"):
        stack: list[tuple[str, set[str]]] = []
        zones: set[str] = set()
        used: set[str] = set()
        for line in _unfold(path.read_bytes()):
            name, _, value = line.partition(":")
            key = name.split(";")[0]
            if key == "BEGIN":
                stack.append((value, set()))
                continue
            if key == "END":
                component, seen = stack.pop()
                assert component == value, path
                assert required.get(component, set()) <= seen, (path, component, seen)
                continue
            stack[-1][1].add(key)
            if key == "TZID" and stack[-1][0] == "VTIMEZONE":
                zones.add(value)
            used.update(p.split("=", 1)[1] for p in name.split(";")[1:] if p.startswith("TZID="))
        assert stack == [], path
        assert used <= zones, path


@pytest.mark.parametrize("length", [60, 73, 74, 75, 76, 150])
@pytest.mark.parametrize("letter", ["a", "é", "—"])
def test_events_serialise_as_icalendar_does_at_the_fold(length: int, letter: str) -> None:
    """Lines just short of, at and past the 75-octet fold, in one- to three-byte letters."""
    from qisite.sessions.ics import _serialised

    event = icalendar.Event()
    event.add("uid", "x@example")
    event.add("summary", letter * length)
    event.add("location", "Room " + letter * (length - 14))
    event.add("description", "a, b; c \\ d\n" + letter * length)
    assert _serialised(event) == event.to_ical()


def test_uids_follow_the_fixed_feed_id_not_the_academy_name(tmp_path: Path) -> None:
    from dataclasses import replace

    from qisite.sessions import occurrences
    from tests.session_fixtures import inputs

    def uids(folder: str, name: str, feed_id: str | None) -> list[str]:
        (tmp_path / folder).mkdir()
        read = inputs(tmp_path / folder, SESSIONS.replace("planned.csv", ""))
        c = read.curriculum
        academy = c.academy.model_copy(update={"name": name, "feed_id": feed_id})
        renamed = replace(read, curriculum=c.model_copy(update={"academy": academy}))
        return [o.uid for o in occurrences(renamed)]

    before = uids("a", "Testshire QI Academy", "testshire-qi")
    renamed = uids("b", "Testshire Improvement Academy", "testshire-qi")
    assert before == renamed and all(u.endswith("@testshire-qi") for u in before)
    # Without a feed_id the name stands in, so a rename changes every UID.
    assert uids("c", "Testshire Improvement Academy", None)[0].endswith(
        "@testshire-improvement-academy"
    )


def test_a_build_reads_each_sessions_csv_once_and_shows_what_was_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.session_fixtures import count_reads

    reads = count_reads(monkeypatch)
    built = _build(tmp_path)

    assert reads.count("planned.csv") == 1
    feed = _events(_feed(built, "all.ics"))
    assert "from-csv@testshire-qi-academy" in feed


def test_the_site_shows_the_rows_validation_read_not_the_file_as_it_is_later(
    tmp_path: Path,
) -> None:
    from qisite.inputs import load_inputs
    from qisite.site import SiteContext

    (tmp_path / "planned.csv").write_text(CSV, encoding="utf-8")
    text = curriculum_text(SESSIONS, extra="session_files: [planned.csv]\n")
    (tmp_path / "curriculum.yaml").write_text(text, encoding="utf-8")
    inputs = load_inputs(tmp_path / "curriculum.yaml").require()
    assert [(Path(row.file).name, row.line) for row in inputs.session_rows] == [("planned.csv", 2)]

    (tmp_path / "planned.csv").write_text(CSV.replace("from-csv", "edited-since"), "utf-8")
    site = SiteContext(inputs)
    ids = {o.session_id for o in site.occurrences}
    assert "from-csv" in ids and "edited-since" not in ids
