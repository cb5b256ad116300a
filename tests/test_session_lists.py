"""The session lists' share of a page stays bounded as an academy grows: calendar pages of
whole days that between them list every sitting once, each small enough for a phone on a
slow link, and pathway pages that list the next few sittings and link the rest."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from benchmarks.build_bench import SOURCE_DATE_EPOCH, write_project
from qisite.inputs import load_inputs
from qisite.sessions import occurrences
from qisite.site.calendar import PAGE_LIMIT
from qisite.views.coming import NEXT_ON_PATHWAY
from qisite.views.pathways import all_pathways
from tests.accnames import names_by_target
from tests.browser import axe_violations, describe, serve, shown_occurrences
from tests.session_fixtures import curriculum_text
from tests.sitebuild import BuiltSite, build_project, build_site

MONTH_PAGE_BYTES = 42_000
"""The most a calendar page may weigh (its whole HTML file, theme included): what reaches
a phone on a 1.6 Mbit/s link in two round trips, so that it paints a round trip sooner
than a page of 48 kB (issue 14)."""

PATHWAY_SESSIONS_BYTES = 12_000
"""The most a pathway page's sessions part (list, note and links) may weigh."""

BUILT = datetime.fromtimestamp(int(SOURCE_DATE_EPOCH), UTC)


def _article(path: Path) -> Tag:
    """A page's article only (parsing the theme's thousand lines each time is slow)."""
    text = path.read_text(encoding="utf-8")
    start, end = text.index("<article"), text.index("</article>")
    return BeautifulSoup(text[start:end], "html.parser")


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The benchmark's academy of 1,000 modules (5,000 sittings), built as of 2027-01-01."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        return build_project(write_project(tmp_path_factory.mktemp("large"), 1000))


@pytest.fixture(scope="module")
def large_sittings(large: BuiltSite) -> list[Any]:
    return occurrences(load_inputs(large.root / "curriculum.yaml").require())


def _month_pages(site: BuiltSite) -> list[Path]:
    index = _article(site.site_dir / "calendar" / "index.html")
    hrefs = [a["href"] for a in index.select("[data-qisite-month-link] a")]
    return [site.site_dir / "calendar" / href / "index.html" for href in hrefs]


def test_month_parts_list_every_sitting_exactly_once(
    large: BuiltSite, large_sittings: list[Any]
) -> None:
    listed: list[str] = []
    for path in _month_pages(large):
        items = _article(path).select("[data-qisite-occurrence]")
        uids = [str(item["data-qisite-occurrence"]) for item in items]
        days = {o.start.date() for o in large_sittings if o.uid in set(uids)}
        assert 0 < len(uids) <= PAGE_LIMIT or len(days) == 1, path
        listed += uids
    assert len(large_sittings) == 5000
    assert listed == [o.uid for o in large_sittings]  # each once, in time order


def test_every_month_page_of_a_large_academy_stays_small(large: BuiltSite) -> None:
    pages = _month_pages(large)
    sizes = {path.parent.name: path.stat().st_size for path in pages}
    assert max(sizes.values()) <= MONTH_PAGE_BYTES, max(sizes.items(), key=lambda kv: kv[1])
    # Sittings are shared out evenly: no page is a stub of a few sittings left over.
    counts = [len(_article(path).select("[data-qisite-occurrence]")) for path in pages[:24]]
    assert min(counts) >= PAGE_LIMIT // 2, counts


def test_month_filters_offer_the_pages_modules_and_every_audience_from_the_script(
    large: BuiltSite, large_sittings: list[Any]
) -> None:
    """The audience filter's hundred choices are in the calendar's script, once, not in
    each month's page; the module filter offers the modules of the page's sittings."""
    path = max(_month_pages(large), key=lambda p: p.stat().st_size)
    html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    audience = html.select_one("select#qisite-filter-audience")
    assert [o["value"] for o in audience.select("option")] == [""]
    items = html.select("article [data-qisite-occurrence]")
    on_page = {str(item["data-module"]) for item in items}
    offered = [o["value"] for o in html.select("select#qisite-filter-module option")]
    assert offered[0] == "" and sorted(offered[1:]) == sorted(on_page)
    (script,) = [s["src"] for s in html.select("script[src]") if "assets/qisite/" in s["src"]]
    bundle = (path.parent / script).resolve().read_text(encoding="utf-8")
    start = bundle.index("window.qisiteCalendarChoices=") + len("window.qisiteCalendarChoices=")
    choices = json.JSONDecoder().raw_decode(bundle[start:])[0]
    curriculum = load_inputs(large.root / "curriculum.yaml").require().curriculum
    used = {a for o in large_sittings for a in o.audiences}
    assert len(used) == 100
    assert choices["audiences"] == [[a.id, a.name] for a in curriculum.audiences if a.id in used]


def test_month_page_links_have_unique_names_and_ids(large: BuiltSite) -> None:
    path = max(_month_pages(large), key=lambda p: p.stat().st_size)
    html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    ids = Counter(str(tag["id"]) for tag in html.select("[id]"))
    assert [i for i, n in ids.items() if n > 1] == []
    article = html.select_one("article")
    names = names_by_target(article)
    # A name leads to one place only (two links to one poster may share it).
    assert {name: hrefs for name, hrefs in names.items() if len(hrefs) > 1} == {}
    sitting = article.select_one("[data-qisite-occurrence]")
    title = sitting.select_one("h3").get_text(" ", strip=True)
    when = sitting.select_one(".qisite-session-when").get_text(" ", strip=True)
    assert f"Book a place {title} {when}" in names
    assert f"Add to calendar {title} {when}" in names
    assert f"Print a poster {title}" in names
    # The headings of the sittings stay out of the page's table of contents.
    assert len(html.select(".md-sidebar--secondary .md-nav__link")) < 5


def test_pathway_pages_list_the_next_sittings_and_link_the_rest(
    large: BuiltSite, large_sittings: list[Any]
) -> None:
    curriculum = load_inputs(large.root / "curriculum.yaml").require().curriculum
    for pathway in all_pathways(curriculum)[::10]:
        audience = pathway.audience.id
        module_ids = {m.id for m in pathway.modules}
        ahead = [
            o.uid
            for o in large_sittings
            if o.module_id in module_ids and audience in o.audiences and o.end > BUILT
        ]
        assert len(ahead) > NEXT_ON_PATHWAY
        article = _article(large.site_dir / "pathways" / audience / "index.html")
        heading = article.select_one("#qisite-sessions")
        part = ""
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            part += str(sibling)
        assert len(part.encode()) <= PATHWAY_SESSIONS_BYTES, audience
        listed = [li["data-qisite-occurrence"] for li in article.select("[data-qisite-occurrence]")]
        assert listed == ahead[:NEXT_ON_PATHWAY]
        more = article.select_one(".qisite-sessions-more")
        assert f"next {NEXT_ON_PATHWAY} of {len(ahead)} sessions" in more.get_text()
        hrefs = [a["href"] for a in more.select("a")]
        assert hrefs == [
            f"../../calendar/?audience={audience}",
            f"../../feeds/audiences/{audience}.ics",
        ]
        assert (large.site_dir / "feeds" / "audiences" / f"{audience}.ics").is_file()


# A small academy built on 2027-01-01 whose ward staff have a weekly sitting all year:
# more than a pathway page lists. The board also has a monthly data sitting.
WEEKLY = """\
- {id: before, module: mod-intro, start: 2026-12-10 10:00, duration: 1h, venue: Room 1}
- {id: weekly, module: mod-intro, start: 2027-01-07 10:00, duration: 1h, venue: Room 1,
   rrule: "FREQ=WEEKLY;COUNT=40", booking: "https://book.example.org/weekly"}
- {id: data, module: mod-data, start: 2027-01-12 14:00, duration: 2h, venue: Room 2,
   rrule: "FREQ=MONTHLY;COUNT=10"}
"""


@pytest.fixture(scope="module")
def weekly_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        built = build_site(tmp_path_factory.mktemp("weekly"), curriculum=curriculum_text(WEEKLY))
    with serve(built.site_dir) as url:
        yield url


@pytest.mark.browser
def test_a_pathway_read_long_after_its_build_says_its_list_ended_and_links_the_rest(
    page: Any, weekly_url: str
) -> None:
    # The last weekly sitting listed (the NEXT_ON_PATHWAY-th from 7 January) has ended
    # four days later; the next one is three days after that.
    last_listed = date(2027, 1, 7) + timedelta(weeks=NEXT_ON_PATHWAY - 1)
    page.clock.set_fixed_time("2027-01-02T09:00:00Z")
    page.goto(weekly_url + "pathways/aud-ward/")
    shown = shown_occurrences(page)
    assert len(shown) == NEXT_ON_PATHWAY and shown[0] == "weekly-20270107T1000"
    assert page.is_hidden("[data-qisite-sessions-none]")
    more = page.inner_text(".qisite-sessions-more")
    assert f"next {NEXT_ON_PATHWAY} of 40 sessions" in more
    page.clock.set_fixed_time(f"{last_listed + timedelta(days=4)}T09:00:00Z")
    page.reload()
    assert shown_occurrences(page) == []
    none = page.inner_text("[data-qisite-sessions-none]")
    assert none == "Every session listed here has ended: later ones are in the calendar."
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    page.click("text=All sessions for Ward staff in the calendar")
    page.wait_for_url("**/calendar/?audience=aud-ward")
    # The reader's month, and the weekly sittings still ahead in it from the reader's today.
    today = last_listed + timedelta(days=4)
    month, before, after = (
        today.replace(day=1),
        (today.replace(day=1) - timedelta(days=1)).replace(day=1),
        (today.replace(day=28) + timedelta(days=4)).replace(day=1),
    )
    weekly = [date(2027, 1, 7) + timedelta(weeks=k) for k in range(40)]
    ahead = [f"weekly-{d:%Y%m%d}T1000" for d in weekly if d > today and d.month == today.month]
    assert ahead, "the reader's month still has weekly sittings"
    link = page.locator("[data-qisite-month-link] a", has_text=f"{month:%B %Y}")
    assert link.get_attribute("href").endswith(f"{month:%Y-%m}/?audience=aud-ward")
    link.click()
    page.wait_for_url(f"**/calendar/{month:%Y-%m}/?audience=aud-ward")
    assert page.input_value("#qisite-filter-audience") == "aud-ward"
    # From the reader's today: the month's later sittings; the board's data sitting is not theirs.
    assert shown_occurrences(page) == ahead
    following = page.locator("[data-qisite-calendar-link]", has_text=f"{after:%B %Y}")
    assert following.get_attribute("href").endswith(f"{after:%Y-%m}/?audience=aud-ward")
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    page.select_option("#qisite-filter-audience", "")
    assert page.url.endswith(f"/calendar/{month:%Y-%m}/")
    # the month's data sitting (on the 12th) has ended
    assert today.day > 12
    assert shown_occurrences(page) == ahead
    page.select_option("#qisite-filter-module", "mod-data")
    assert shown_occurrences(page) == []
    assert page.url.endswith(f"/calendar/{month:%Y-%m}/?module=mod-data")
    earlier = page.locator("[data-qisite-calendar-link]", has_text=f"{before:%B %Y}")
    assert earlier.get_attribute("href").endswith(f"{before:%Y-%m}/?module=mod-data")
    assert page.outside_requests == []


@pytest.mark.browser
def test_without_script_a_pathway_lists_its_next_sittings_and_the_way_to_the_rest(
    browser: Any, weekly_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(weekly_url + "pathways/aud-ward/")
        shown = shown_occurrences(page)
        # Ended before the build: left out; the next twenty from the build are listed.
        assert "before" not in shown and len(shown) == NEXT_ON_PATHWAY
        page.click("text=All sessions for Ward staff in the calendar")
        page.wait_for_url("**/calendar/?audience=aud-ward")
        months = page.eval_on_selector_all(
            "[data-qisite-month-link] a", "links => links.map(a => a.getAttribute('href'))"
        )
        assert months[0] == "2026-12/" and len(months) == 11
    finally:
        context.close()


def test_month_names_survive_a_title_with_markup(tmp_path: Path) -> None:
    """A title is escaped once in the heading that names its links."""
    sessions = "- {id: x, module: mod-intro, start: 2027-03-01 10:00, duration: 1h}\n"
    text = curriculum_text(sessions).replace("Introduction module", "Intro <b>&</b> more")
    built = build_site(tmp_path, curriculum=text)
    article = built.content("calendar/2027-03/")
    names = names_by_target(article, "[data-qisite-occurrence] a")
    assert "Add to calendar Intro <b>&</b> more Monday 1 March 2027, 10:00 to 11:00" in names
    assert article.select("[data-qisite-occurrence] b") == []
