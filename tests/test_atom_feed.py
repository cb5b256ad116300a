"""The Atom feed of new and changed sittings (whats-on.atom), read as feed readers read it.

Real builds of the held-back awareness academy (Sydney, published under a sub-path),
parsed by ``feedparser`` (what many readers and services build on) and checked
against the essentials of RFC 4287 with ``lxml``; its ids against RFC 4151.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup
from lxml import etree, html

from qisite.publication import Manifest
from tests.awareness_fixture import BUILT_AT, CURRICULUM, SITE_URL, build_awareness_site
from tests.engines import ENGINES, Engine, build_with
from tests.sitebuild import (
    REPO,
    BuiltSite,
    build_project,
    build_site,
    make_project,
    naming_previous,
)

FEED = "whats-on.atom"
ATOM = "{http://www.w3.org/2005/Atom}"
FIRST_BUILD = datetime.fromtimestamp(int(BUILT_AT), UTC)
SECOND_BUILD = datetime(2027, 1, 4, 9, 37, tzinfo=UTC)
TAG = re.compile(
    # RFC 4151: "tag:" authorityName "," date ":" specific, where the authority is a DNS
    # name or an email address and the date YYYY[-MM[-DD]].
    r"tag:(?P<authority>[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*"
    r"[A-Za-z0-9])?)*|[^@,\s]+@[^,\s]+),(?P<date>\d{4}(-\d{2}(-\d{2})?)?)"
    r":(?P<specific>[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]*)"
)
SITTINGS = {
    "pdsa-jan",
    "pdsa-feb",
    "spc-feb",
    "pdsa-may",
    "exec-wave-20270302T1300",
    "exec-wave-20270406T1300",
    "exec-wave-20270601T1300",
}
"""The slugs of the fixture's sittings, all ahead of its build."""


def _parse(site_dir: Path, location: str | None = None) -> Any:
    """``feedparser``'s reading of the feed, as fetched from ``location`` if given."""
    headers = {"content-location": location} if location else None
    return feedparser.parse((site_dir / FEED).read_bytes(), response_headers=headers)


def _by_slug(feed: Any) -> dict[str, Any]:
    return {entry.id.rsplit("/", 1)[-1]: entry for entry in feed.entries}


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _epoch(moment: datetime) -> str:
    return str(int(moment.timestamp()))


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_awareness_site(tmp_path_factory.mktemp("published"))


@pytest.fixture(scope="module")
def unpublished(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The same academy with no site_url, as when opened from a folder."""
    return build_awareness_site(tmp_path_factory.mktemp("unpublished"), site_url=None)


# --- what readers get ---------------------------------------------------------------


def test_feedparser_reads_the_feed_without_complaint(published: BuiltSite) -> None:
    feed = _parse(published.site_dir)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "Harbour Improvement Hub: new and changed sessions"
    assert feed.feed.language == "en-GB"
    assert feed.feed.author_detail.name == "Harbour Improvement Hub"
    assert feed.feed.author_detail.email == "improvement@harbour.example.org"
    links = {link.rel: link for link in feed.feed.links}
    assert links["self"].href == SITE_URL + FEED
    assert links["self"].type == "application/atom+xml"
    assert links["alternate"].href == SITE_URL + "whats-on/"
    assert set(_by_slug(feed)) == SITTINGS


def test_each_entry_tells_the_sitting_in_the_academys_zone_and_language(
    published: BuiltSite,
) -> None:
    entries = _by_slug(_parse(published.site_dir))
    jan = entries["pdsa-jan"]
    # 10:00 in Sydney, written as the pages write it (Babel, NHS style), not in UTC.
    assert jan.title == "PDSA starter, Tuesday 12 January 2027, 10:00 to 12:00"
    assert jan.link == SITE_URL + "modules/pdsa-starter/#session-pdsa-jan"
    assert jan.summary == "Tuesday 12 January 2027, 10:00 to 12:00. Harbour Room."
    content = html.fromstring(jan.content[0].value)
    assert "Times are local to Australia/Sydney." in content.text_content()
    booking = content.xpath("//a[starts-with(., 'Book a place')]/@href")
    assert booking == ["https://book.harbour.example.org/pdsa?when=jan&x=1"]
    more = content.xpath("//a[. = 'More about this session']/@href")
    assert more == [jan.link]
    assert [(t.term, t.label) for t in jan.tags] == [("pdsa-starter", "PDSA starter")]
    online = html.fromstring(entries["spc-feb"].content[0].value)
    assert online.xpath("//a[. = 'Join online']/@href") == ["https://meet.harbour.example.org/spc"]
    part = entries["exec-wave-20270302T1300"]
    assert part.title.startswith("SPC for boards & executives: Launch (Wave 2), Tuesday 2 March")


def test_a_cancelled_sitting_says_so_and_offers_no_booking(published: BuiltSite) -> None:
    entry = _by_slug(_parse(published.site_dir))["exec-wave-20270406T1300"]
    assert entry.title.startswith("Cancelled: SPC for boards & executives: Review (Wave 2)")
    assert entry.summary.startswith("This session is cancelled.")
    content = html.fromstring(entry.content[0].value)
    assert content.xpath("//strong/text()") == ["This session is cancelled."]
    assert content.xpath("//a/text()") == ["More about this session"]


def test_without_history_every_entry_dates_from_the_build(published: BuiltSite) -> None:
    feed = _parse(published.site_dir)
    assert _when(feed.feed.updated) == FIRST_BUILD
    for entry in feed.entries:
        assert _when(entry.published) == _when(entry.updated) == FIRST_BUILD
    # The same change everywhere: soonest first.
    slugs = [entry.id.rsplit("/", 1)[-1] for entry in feed.entries]
    assert slugs[0] == "pdsa-jan" and slugs[-1] == "exec-wave-20270601T1300"
    assert slugs.index("spc-feb") < slugs.index("exec-wave-20270302T1300") < slugs.index("pdsa-may")


# --- the Atom essentials (RFC 4287) -----------------------------------------------------


def _one(parent: Any, name: str) -> Any:
    found = parent.findall(ATOM + name)
    assert len(found) == 1, f"{parent.tag} has {len(found)} atom:{name}"
    return found[0]


def _is_date(text: str) -> bool:
    """An RFC 3339 date-time with its offset (section 3.3)."""
    pattern = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})"
    return re.fullmatch(pattern, text) is not None


def _check_atom_essentials(feed_bytes: bytes) -> etree._Element:
    root = etree.fromstring(feed_bytes)
    assert root.tag == ATOM + "feed"
    for name in ("id", "title", "updated"):
        assert (_one(root, name).text or "").strip(), name
    assert _is_date(_one(root, "updated").text)
    # An author for the feed, so no entry needs one (4.1.1).
    assert (_one(_one(root, "author"), "name").text or "").strip()
    alternates = [
        (link.get("type"), link.get("hreflang"))
        for link in root.findall(ATOM + "link")
        if link.get("rel", "alternate") == "alternate"
    ]
    assert len(alternates) == len(set(alternates))
    assert [link.get("href") for link in root.findall(ATOM + "link") if link.get("rel") == "self"]
    ids = []
    for entry in root.findall(ATOM + "entry"):
        ids.append(_one(entry, "id").text)
        assert (_one(entry, "title").text or "").strip()
        assert _is_date(_one(entry, "updated").text)
        assert len(entry.findall(ATOM + "published")) <= 1
        links = [link.get("href") for link in entry.findall(ATOM + "link")]
        content = entry.findall(ATOM + "content")
        assert all(links) and (links or content)
        # 4.1.1.1: with inline HTML content a summary is optional, and one is given.
        assert len(content) <= 1 and content[0].get("type") == "html"
        assert len(entry.findall(ATOM + "summary")) == 1
    assert len(ids) == len(set(ids)), "entry ids repeat"
    return root


def test_the_feed_has_what_rfc_4287_requires(published: BuiltSite) -> None:
    root = _check_atom_essentials((published.site_dir / FEED).read_bytes())
    assert len(root.findall(ATOM + "entry")) == len(SITTINGS)


def test_feed_and_entry_ids_are_tag_uris_of_the_academy(published: BuiltSite) -> None:
    feed = _parse(published.site_dir)
    for id_ in [feed.feed.id, *(entry.id for entry in feed.entries)]:
        found = TAG.fullmatch(id_)
        assert found, id_
        assert found["authority"] == "harbour-hub"  # the academy's feed_id
    assert feed.feed.id == "tag:harbour-hub,2026:whats-on"
    assert _by_slug(feed)["pdsa-jan"].id == "tag:harbour-hub,2026:sittings/pdsa-jan"


# --- stable ids ---------------------------------------------------------------------------


RENAMED = (
    CURRICULUM.replace(
        "  - id: pdsa-starter\n", "  - id: pdsa-basics\n    former_ids: [pdsa-starter]\n"
    )
    .replace("module: pdsa-starter", "module: pdsa-basics")
    .replace("{id: pdsa-jan,", "{id: pdsa-january, former_ids: [pdsa-jan],")
)


def test_ids_stay_the_same_across_builds_renames_and_addresses(
    tmp_path: Path, published: BuiltSite
) -> None:
    first = (published.site_dir / FEED).read_bytes()
    again = build_awareness_site(tmp_path / "again")
    assert (again.site_dir / FEED).read_bytes() == first
    assert "pdsa-basics" in RENAMED and "pdsa-january" in RENAMED
    renamed = build_awareness_site(tmp_path / "renamed", curriculum=RENAMED)
    moved_site = build_awareness_site(
        tmp_path / "moved", site_url="https://intranet.harbour.example.org/learning/"
    )
    ids = {entry.id: entry for entry in _parse(published.site_dir).entries}
    renamed_ids = {entry.id: entry for entry in _parse(renamed.site_dir).entries}
    assert set(renamed_ids) == set(ids)
    # The links follow the module to its new page; the ids do not.
    jan = renamed_ids["tag:harbour-hub,2026:sittings/pdsa-jan"]
    assert jan.link == SITE_URL + "modules/pdsa-basics/#session-pdsa-jan"
    assert {e.id for e in _parse(moved_site.site_dir).entries} == set(ids)
    assert _parse(moved_site.site_dir).feed.id == _parse(published.site_dir).feed.id


# --- history from the publication manifest ------------------------------------------------

SECOND = (
    CURRICULUM.replace("start: 2027-02-09 10:00", "start: 2027-02-16 10:00")  # pdsa-feb moved
    .replace("/spc}", "/spc, status: cancelled}")  # spc-feb cancelled
    .replace(
        "  - {id: pdsa-may,",
        "  - {id: pdsa-mar, module: pdsa-starter, start: 2027-03-09 10:00, duration: 2h,\n"
        "     venue: Harbour Room}\n  - {id: pdsa-may,",
    )
)
def _build_at(
    root: Path, curriculum: str, moment: datetime, previous: BuiltSite | None
) -> BuiltSite:
    config = {"site_url": SITE_URL}
    options = {"config": config} if previous is None else naming_previous(previous, config)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", _epoch(moment))
        site = build_site(root, curriculum=curriculum, **options)
    assert site.warnings() == [] or previous is not None, site.warnings()
    return site


@pytest.fixture(scope="module")
def second(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltSite, BuiltSite]:
    root = tmp_path_factory.mktemp("history")
    first = _build_at(root / "one", CURRICULUM, FIRST_BUILD, None)
    return first, _build_at(root / "two", SECOND, SECOND_BUILD, first)


def test_a_changed_sitting_is_updated_and_keeps_when_it_was_published(
    second: tuple[BuiltSite, BuiltSite],
) -> None:
    first, after = second
    before = _by_slug(_parse(first.site_dir))
    entries = _by_slug(_parse(after.site_dir))
    moved = entries["pdsa-feb"]
    assert moved.id == before["pdsa-feb"].id
    assert _when(moved.published) == FIRST_BUILD
    assert _when(moved.updated) == SECOND_BUILD > _when(before["pdsa-feb"].updated)
    assert moved.title == "Changed: PDSA starter, Tuesday 16 February 2027, 10:00 to 12:00"
    assert moved.summary.startswith("Its time, place or status has changed")
    cancelled = entries["spc-feb"]
    assert cancelled.title.startswith("Cancelled: SPC for boards & executives, Tuesday 23 February")
    assert (_when(cancelled.published), _when(cancelled.updated)) == (FIRST_BUILD, SECOND_BUILD)
    # The manifest the second build wrote says the same.
    recorded = Manifest.from_json((after.site_dir / "publication.json").read_bytes())
    assert recorded.sittings["pdsa-feb@harbour-hub"].last_changed == SECOND_BUILD


def test_a_new_sitting_is_published_and_updated_at_the_build(
    second: tuple[BuiltSite, BuiltSite],
) -> None:
    _, after = second
    feed = _parse(after.site_dir)
    assert feed.bozo == 0
    entries = _by_slug(feed)
    new = entries["pdsa-mar"]
    assert _when(new.published) == _when(new.updated) == SECOND_BUILD
    assert new.title == "PDSA starter, Tuesday 9 March 2027, 10:00 to 12:00"
    unchanged = entries["pdsa-jan"]
    assert _when(unchanged.published) == _when(unchanged.updated) == FIRST_BUILD
    assert not unchanged.title.startswith(("Changed", "Cancelled"))
    # Newest change first (soonest first among equals); the feed dated by its newest entry.
    newest = [e.id.rsplit("/", 1)[-1] for e in feed.entries[:3]]
    assert newest == ["pdsa-feb", "spc-feb", "pdsa-mar"]
    assert _when(feed.feed.updated) == SECOND_BUILD
    _check_atom_essentials((after.site_dir / FEED).read_bytes())


# --- which sittings ---------------------------------------------------------------------

WEEKLY = CURRICULUM.replace(
    "sessions:\n",
    "sessions:\n"
    "  - {id: weekly, module: pdsa-starter, start: 2026-10-06 09:00, duration: 1h,\n"
    "     repeat: {every: week, count: 80}, venue: Quay Room}\n",
)


def test_the_feed_holds_at_most_fifty_sittings_that_have_not_ended(tmp_path: Path) -> None:
    site = build_awareness_site(tmp_path, curriculum=WEEKLY)
    assert site.warnings() == []
    feed = _parse(site.site_dir)
    assert feed.bozo == 0
    assert len(feed.entries) == 50
    slugs = [e.id.rsplit("/", 1)[-1] for e in feed.entries]
    # Every change is the build's: the 50 soonest sittings from the build on, in order.
    assert slugs[0] == "weekly-20270105T0900"  # 2026's sittings have ended
    assert "pdsa-jan" in slugs and not any(s.startswith("weekly-2026") for s in slugs)
    starts = [slug.split("-")[-1] for slug in slugs if slug.startswith("weekly-")]
    assert starts == sorted(starts)


# --- without site_url ---------------------------------------------------------------------


def test_without_site_url_ids_are_the_same_and_links_resolve_from_the_feed(
    published: BuiltSite, unpublished: BuiltSite
) -> None:
    feed = _parse(unpublished.site_dir)
    assert feed.bozo == 0
    assert [e.id for e in feed.entries] == [e.id for e in _parse(published.site_dir).entries]
    root = _check_atom_essentials((unpublished.site_dir / FEED).read_bytes())
    hrefs = [link.get("href") for link in root.iter(ATOM + "link")]
    assert hrefs[:2] == [FEED, "whats-on/"]
    assert all(not urlsplit(href).scheme for href in hrefs)
    # Every link leads to a page of the site, and to the sitting's place on it.
    for entry in root.findall(ATOM + "entry"):
        href = _one(entry, "link").get("href")
        path, _, anchor = href.partition("#")
        page_file = unpublished.site_dir / path / "index.html"
        page = BeautifulSoup(page_file.read_text("utf-8"), "html.parser")
        assert page.find(id=anchor) is not None, href
    # A reader resolves them against the address it fetched the feed from.
    elsewhere = "https://intranet.example.nhs.uk/qi/"
    fetched = _by_slug(_parse(unpublished.site_dir, elsewhere + FEED))
    assert fetched["pdsa-jan"].link == elsewhere + "modules/pdsa-starter/#session-pdsa-jan"


# --- escaping -----------------------------------------------------------------------------

HOSTILE = (
    CURRICULUM.replace("title: PDSA starter", "title: \"PDSA <script>alert('x')</script> & more\"")
    .replace("venue: Harbour Room, booking", "venue: \"Room <b>1</b> & 2\", booking")
)


def test_text_from_yaml_is_escaped_in_titles_and_content(tmp_path: Path) -> None:
    site = build_awareness_site(tmp_path, curriculum=HOSTILE)
    raw = (site.site_dir / FEED).read_bytes()
    assert b"<script" not in raw and b"<b>" not in raw
    root = etree.fromstring(raw)
    titles = [t.text for t in root.iter(ATOM + "title")]
    hostile = "PDSA <script>alert('x')</script> & more"
    assert f"{hostile}, Tuesday 12 January 2027, 10:00 to 12:00" in titles
    content = next(
        c.text for c in root.iter(ATOM + "content") if "12 January" in (c.text or "")
    )
    # The HTML inside holds the organiser's text as text, never as markup.
    assert "<script" not in content and "&lt;script&gt;" in content
    assert "Room &lt;b&gt;1&lt;/b&gt; &amp; 2" in content
    document = html.fromstring(content)
    assert document.xpath("//script | //b") == []
    assert "Room <b>1</b> & 2" in document.text_content()
    feed = _parse(site.site_dir)
    assert feed.bozo == 0
    jan = _by_slug(feed)["pdsa-jan"]
    assert jan.title.startswith("PDSA <script>alert('x')</script> & more")
    assert jan.tags[0].label == "PDSA <script>alert('x')</script> & more"


# --- discovery ------------------------------------------------------------------------------


def _head_link(page: BeautifulSoup) -> str:
    links = page.select('head link[rel="alternate"][type="application/atom+xml"]')
    assert len(links) == 1
    assert links[0]["title"] == "Harbour Improvement Hub"
    return str(links[0]["href"])


def _pages(site_dir: Path) -> Iterator[tuple[str, BeautifulSoup]]:
    for path in sorted(site_dir.rglob("*.html")):
        address = path.relative_to(site_dir).as_posix()
        if address.startswith("posters/") or "<head" not in path.read_text("utf-8")[:2000]:
            continue  # posters are whole files of their own, not theme pages
        yield address, BeautifulSoup(path.read_text("utf-8"), "html.parser")


def test_every_page_names_the_feed_in_its_head_under_a_sub_path(published: BuiltSite) -> None:
    checked = 0
    for address, page in _pages(published.site_dir):
        if address.startswith("modules/") and "http-equiv" in str(page.head):
            continue  # a moved page's redirect
        page_url = SITE_URL + address.removesuffix("index.html")
        if address == "404.html":
            page_url = SITE_URL + "no/such/page/"
        assert urljoin(page_url, _head_link(page)) == SITE_URL + FEED, address
        checked += 1
    assert checked > 10


def test_without_site_url_every_head_link_leads_to_the_feed_file(unpublished: BuiltSite) -> None:
    site_dir = unpublished.site_dir
    for address, page in _pages(site_dir):
        if address == "404.html":
            continue  # MkDocs links its 404 page from the server's root, styles and all
        target = (site_dir / address).parent / _head_link(page)
        assert target.resolve() == (site_dir / FEED).resolve(), address


def test_whats_on_links_the_feed_for_readers_to_follow(published: BuiltSite) -> None:
    article = published.content("whats-on/")
    link = article.select_one('a[type="application/atom+xml"]')
    assert link is not None and link.get_text() == "Follow in a feed reader"
    assert urljoin(SITE_URL + "whats-on/", str(link["href"])) == SITE_URL + FEED


@pytest.mark.parametrize("engine", [e for e in ENGINES if e != "mkdocs"])
def test_every_engine_writes_the_same_feed_and_head_link(
    tmp_path: Path, engine: Engine, published: BuiltSite
) -> None:
    """ProperDocs runs the plugin; Zensical runs none and is given the generated files.
    Both read the shipped overrides/main.html. (``published`` is MkDocs' build.)"""
    root = make_project(tmp_path, curriculum=CURRICULUM, config={"site_url": SITE_URL})
    built = build_with(engine, root, site_dir=root / "site", through_qisite=True)
    assert built.ok, built.output
    assert (built.site_dir / FEED).read_bytes() == (published.site_dir / FEED).read_bytes()
    for address in ("", "whats-on/", "modules/pdsa-starter/", "calendar/2027-01/"):
        page = BeautifulSoup(
            (built.site_dir / address / "index.html").read_text("utf-8"), "html.parser"
        )
        assert urljoin(SITE_URL + address, _head_link(page)) == SITE_URL + FEED, address


def test_with_page_files_and_no_sittings_the_feed_still_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages at name.html (use_directory_urls: false) and an academy with nothing dated
    yet: the links follow the pages, and an empty feed is still a valid one."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILT_AT)
    files = make_project(
        tmp_path / "files", curriculum=CURRICULUM, config={"use_directory_urls": False}
    )
    site = build_project(files)
    root = _check_atom_essentials((site.site_dir / FEED).read_bytes())
    hrefs = [link.get("href") for link in root.iter(ATOM + "link")]
    assert hrefs[:2] == [FEED, "whats-on.html"]
    assert hrefs[2] == "modules/pdsa-starter.html#session-pdsa-jan"
    assert (site.site_dir / "modules" / "pdsa-starter.html").exists()
    page = (site.site_dir / "modules" / "pdsa-starter.html").read_text("utf-8")
    assert _head_link(BeautifulSoup(page, "html.parser")) == "../whats-on.atom"
    empty = build_site(
        tmp_path / "empty", curriculum=(REPO / "tests" / "minimal_valid.yaml").read_text("utf-8")
    )
    feed = _parse(empty.site_dir)
    assert feed.bozo == 0 and feed.entries == []
    assert feed.feed.id.startswith("tag:")
    _check_atom_essentials((empty.site_dir / FEED).read_bytes())
