"""The capacity page stays small however long the academy runs (issue 14), and what it
leaves to its chart pages is there: built from a busy academy (a project started every
month for ten years, three years of monthly counts for six targets, eight coaches) and a
young one (two years, six counts, two coaches) with the same groups and targets."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from bs4 import Tag

from qisite.site import paths
from tests.academies import STAGE_STEPS, busy_academy
from tests.browser import axe_violations, describe
from tests.pagechecks import chart_points, url_of
from tests.sitebuild import BuiltSite, build_site

CAPACITY_PAGE_BYTES = 42_000
"""The most the capacity page may weigh (its whole HTML file, theme included): what
Lighthouse's simulated phone link delivers in two round trips (issue 14)."""

STAGES = ("idea", "testing-changes", "spreading", "sustaining", "closed")
YEARS, COUNTS = 10, 36


def _build(root: Path, years: int, counts: int, coaches: int) -> BuiltSite:
    text, progress = busy_academy(years=years, counts=counts, coaches=coaches)
    return build_site(root, curriculum=text, extra_files={"progress.csv": progress})


@pytest.fixture(scope="module")
def busy(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return _build(tmp_path_factory.mktemp("busy"), YEARS, COUNTS, 8)


@pytest.fixture(scope="module")
def young(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return _build(tmp_path_factory.mktemp("young"), 2, 6, 2)


def page_bytes(site: BuiltSite, src_uri: str) -> int:
    return (site.site_dir / url_of(src_uri) / "index.html").stat().st_size


def hand_count(month: int) -> list[str]:
    """Projects at each stage at the end of the ``month``-th month of the busy academy,
    worked from STAGE_STEPS: project i began in month i and is ``month - i`` months old."""
    counts = dict.fromkeys(STAGES, 0)
    for age in range(month + 1):
        reached = [stage for stage, after in STAGE_STEPS if after <= age]
        counts[reached[-1] if reached else "idea"] += 1
    return [str(counts[stage]) for stage in STAGES]


def rows(table: Tag) -> list[list[str]]:
    return [[c.get_text(strip=True) for c in r.select("th, td")] for r in table.select("tbody tr")]


def test_the_capacity_page_fits_its_bound_and_does_not_grow_with_time(
    busy: BuiltSite, young: BuiltSite
) -> None:
    assert page_bytes(busy, paths.CAPACITY) <= CAPACITY_PAGE_BYTES
    # Eight more years of projects, thirty more counts a group and six more coaches
    # change only figures.
    grown = page_bytes(busy, paths.CAPACITY) - page_bytes(young, paths.CAPACITY)
    assert abs(grown) < 300, f"the capacity page grew by {grown} bytes"
    # ... while the pages of run charts it links to carry every month and every count.
    assert page_bytes(busy, paths.PROJECTS_BY_STAGE) > page_bytes(young, paths.PROJECTS_BY_STAGE)


def test_the_capacity_page_sets_the_latest_month_beside_a_year_before(busy: BuiltSite) -> None:
    last = 12 * YEARS - 1  # the last project began in this month: no date comes later
    summary = busy.content("capacity/").select_one('[data-qisite-table="stage-summary"]')
    assert rows(summary) == [
        ["31 October 2025", *hand_count(last - 12)],
        ["31 October 2026", *hand_count(last)],
    ]


def test_every_month_and_stage_is_on_the_stage_page(busy: BuiltSite) -> None:
    page = busy.content(url_of(paths.PROJECTS_BY_STAGE))
    table = rows(page.select_one('[data-qisite-table="projects-by-stage"]'))
    assert len(table) == 12 * YEARS
    assert table[0] == ["30 November 2016", *hand_count(0)]
    assert [row[1:] for row in table] == [hand_count(m) for m in range(12 * YEARS)]
    charts = page.select("[data-qisite-chart]")
    assert [c["data-qisite-chart"] for c in charts] == [f"stage-chart-{s}" for s in STAGES]
    for chart in charts:
        assert len(chart_points(chart.find("svg"))) == 12 * YEARS


def test_each_group_links_to_a_chart_of_every_count(busy: BuiltSite) -> None:
    listed = busy.content("capacity/").select("[data-qisite-target]")
    assert len(listed) == 6
    for item in listed:
        audience = str(item["data-qisite-target"])
        assert f"{COUNTS} counts from" in item.get_text()
        chart = busy.content("capacity/" + str(item.find("a")["href"]))
        table = chart.select_one('[data-qisite-table="chart-data"]')
        assert chart.select_one(f'[data-qisite-chart="{audience}"]') is not None
        assert len(rows(table)) == COUNTS == len(chart_points(chart.find("svg")))
        # 1, 2, 3, 1, 2, 3... completions a month, counted up.
        assert rows(table)[-1][1] == str(sum(1 + m % 3 for m in range(COUNTS)))
        assert rows(table)[0][0] == f"{date(2023, 11, 30).day} November 2023"


@pytest.mark.browser
@pytest.mark.parametrize("src_uri", [paths.PROJECTS_BY_STAGE, paths.target_progress("all-staff")])
def test_chart_pages_on_a_phone_and_in_print(
    page: Any, example_url: str, src_uri: str
) -> None:
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(example_url + url_of(src_uri))
    scroll, client = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert scroll == client, f"{src_uri} at 320 px is {scroll} px wide"
    charts = page.locator("article svg[role=img]")
    assert charts.count() >= 1
    for i in range(charts.count()):
        box = charts.nth(i).bounding_box()
        assert box is not None and 200 < box["width"] <= client
    # The table scrolls in its own box, its first column kept in view.
    cell = page.locator("article .qisite-scroll tbody tr > :first-child").first
    assert cell.evaluate("e => getComputedStyle(e).position") == "sticky"
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    assert page.outside_requests == []
    page.emulate_media(media="print")
    assert charts.first.is_visible()
    box = charts.first.bounding_box()
    assert box is not None and box["height"] > 80
