"""A busy month is split into calendar pages of whole days, each small enough to load."""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

import pytest

from qisite.inputs.translations import words_for
from qisite.sessions import occurrences
from qisite.site.calendar import PAGE_LIMIT, calendar_pages
from tests.browser import axe_violations, describe, serve
from tests.session_fixtures import curriculum_text, inputs
from tests.sitebuild import BuiltSite, build_site

TIMES = ("09:00", "11:00", "13:00", "15:00")


def _busy_september(days: range) -> str:
    """Four sittings a day on each of the given September days, and one in October."""
    lines = [
        f"- {{id: s{day:02d}-{n}, module: mod-intro, start: 2027-09-{day:02d} {time},"
        f" duration: 1h, venue: Room {n}}}"
        for day in days
        for n, time in enumerate(TIMES)
    ]
    lines.append("- {id: autumn, module: mod-data, start: 2027-10-05 10:00, duration: 1h}")
    return "\n".join(lines) + "\n"


def test_a_quiet_month_is_one_page(tmp_path: Path) -> None:
    found = occurrences(inputs(tmp_path, _busy_september(range(1, 4))))
    pages = calendar_pages(found, words_for())
    assert [(p.key, p.label, len(p.occurrences)) for p in pages] == [
        ("2027-09", "September 2027", 12),
        ("2027-10", "October 2027", 1),
    ]


def test_a_busy_month_splits_by_whole_days_and_the_parts_cover_the_month(
    tmp_path: Path,
) -> None:
    found = occurrences(inputs(tmp_path, _busy_september(range(1, 31))))
    pages = calendar_pages(found, words_for(), limit=50)
    # 120 sittings need three parts of at most 50; whole days share them out evenly
    # (40 each) rather than filling two and leaving a stub; each part starts where the
    # last stopped.
    assert [(p.key, p.label, len(p.occurrences)) for p in pages] == [
        ("2027-09", "1 to 10 September 2027", 40),
        ("2027-09-11", "11 to 20 September 2027", 40),
        ("2027-09-21", "21 to 30 September 2027", 40),
        ("2027-10", "October 2027", 1),
    ]
    assert [o.uid for p in pages for o in p.occurrences] == [o.uid for o in found]


def test_parts_are_as_few_as_the_limit_allows_and_never_over_it(tmp_path: Path) -> None:
    found = occurrences(inputs(tmp_path, _busy_september(range(1, 31))))
    for limit in (4, 5, 7, 13, 30, 47, 119, 120):
        pages = [p for p in calendar_pages(found, words_for(), limit=limit) if p.key < "2027-10"]
        sizes = [len(p.occurrences) for p in pages]
        assert max(sizes) <= limit, limit
        fewest = -(-120 // (limit - limit % 4))  # four sittings a day, days kept whole
        assert len(pages) == fewest, limit
        assert max(sizes) - min(sizes) <= 4, (limit, sizes)  # even, to a day's sittings


def test_a_day_busier_than_the_limit_stays_on_one_page(tmp_path: Path) -> None:
    found = occurrences(inputs(tmp_path, _busy_september(range(1, 3))))
    pages = calendar_pages(found, words_for(), limit=3)
    assert [(p.label, len(p.occurrences)) for p in pages] == [
        ("1 September 2027", 4),
        ("2 to 30 September 2027", 4),
        ("October 2027", 1),
    ]


BUSY_DAYS = range(1, 31)  # 120 sittings in September: more than one page holds


def _busy_parts() -> list[range]:
    """The September days of each part of the busy site at PAGE_LIMIT: as few parts as
    whole days of four sittings allow, the days shared out evenly, in order."""
    days_a_part = PAGE_LIMIT // len(TIMES)
    parts = -(-len(BUSY_DAYS) // days_a_part)
    even = -(-len(BUSY_DAYS) // parts)
    return [BUSY_DAYS[i : i + even] for i in range(0, len(BUSY_DAYS), even)]


@pytest.fixture(scope="module")
def busy_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    assert len(BUSY_DAYS) * len(TIMES) > 2 * PAGE_LIMIT
    return build_site(
        tmp_path_factory.mktemp("busy"), curriculum=curriculum_text(_busy_september(BUSY_DAYS))
    )


def test_the_calendar_links_every_part_and_the_parts_link_each_other(busy_site: BuiltSite) -> None:
    index = busy_site.content("calendar/")
    links = index.select("[data-qisite-month-link] a")
    labels = [a.get_text(strip=True) for a in links]
    parts = _busy_parts()
    assert len(parts) > 2
    assert labels == [f"{p[0]} to {p[-1]} September 2027" for p in parts] + ["October 2027"]
    # One item a month: a split month's parts are listed under it, each with its count.
    september, october = index.select("[data-qisite-month-link]")
    assert september.get_text(" ", strip=True).startswith("September 2027: 120 sessions")
    counts = [li.get_text(strip=True).split(": ")[-1] for li in september.select("ul > li")]
    assert counts == [f"{len(p) * len(TIMES)} sessions" for p in parts]
    assert october.get_text(strip=True) == "October 2027: 1 session"
    assert "split into parts" in index.get_text()
    listed: list[str] = []
    for position, link in enumerate(links):
        url = posixpath.normpath(f"calendar/{link['href']}") + "/"
        page = busy_site.content(url)
        assert page.select_one(".qisite-month > h2").get_text(strip=True) == labels[position]
        items = page.select("[data-qisite-occurrence]")
        assert 0 < len(items) <= PAGE_LIMIT
        listed += [item["data-qisite-occurrence"] for item in items]
        nav = page.select_one("p").get_text(" ", strip=True)
        if position:
            assert f"Previous: {labels[position - 1]}" in nav
        if position + 1 < len(labels):
            assert f"Next: {labels[position + 1]}" in nav
    assert len(listed) == len(set(listed)) == 121


def test_a_part_of_a_busy_month_lists_its_sittings_and_passes_axe(
    page: Any, busy_site: BuiltSite
) -> None:
    with serve(busy_site.site_dir) as url:
        page.clock.set_fixed_time("2027-08-01T09:00:00Z")
        last = _busy_parts()[-1]
        page.goto(url + f"calendar/2027-09-{last[0]:02d}/")
        assert page.is_visible("[data-qisite-calendar-filters]")
        count = len(last) * len(TIMES)
        assert page.locator("[data-qisite-occurrence]:visible").count() == count
        violations = axe_violations(page)
        assert violations == [], describe(violations)
        page.goto(url + "calendar/")  # the parts listed under their month
        violations = axe_violations(page)
        assert violations == [], describe(violations)
        assert page.outside_requests == []
