"""A long pathway on several pages (issue 14): a 100-module academy whose pathways have
thirty modules each. Each page stays within what a slow phone link brings in two round
trips; every module is listed once across the pages, in the pathway's order and
numbering; the pages link each other; the learning record's progress counts the whole
pathway on every page. Pathways that fit stay whole (the example academy)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup, Tag

from qisite.site import paths
from qisite.views.parts import even_parts
from qisite.views.pathways import all_pathways
from tests.browser import axe_violations, describe, serve_under_sub_path
from tests.pagechecks import curriculum_of, url_of
from tests.sitebuild import BuiltSite
from tests.test_phone_browser import open_at

PAGE_BYTES = 43_000
"""A page's HTML a simulated slow phone link (Lighthouse's) brings in two round trips."""


# ---------- cutting a list into parts ----------


@pytest.mark.parametrize(
    ("weights", "budget"),
    [
        ([1100] * 30, 18_000),
        ([1000] * 14, 18_000),
        ([5, 100, 5], 50),
        ([10] * 7, 25),
        ([300, 2000, 300, 300, 2500, 100, 900, 1800, 40, 40, 3000], 3_500),
        ([1] * 1000, 7),
    ],
)
def test_parts_cover_every_item_once_in_order_within_the_budget(
    weights: list[int], budget: int
) -> None:
    parts = even_parts(weights, budget)
    assert [i for part in parts for i in part] == list(range(len(weights)))
    assert all(len(part) > 0 for part in parts)
    heaviest = max(sum(weights[i] for i in part) for part in parts)
    assert heaviest <= budget or any(
        len(part) == 1 and weights[part[0]] > budget for part in parts
    )
    # No fewer parts could hold the total.
    assert len(parts) >= -(-sum(weights) // budget)


def test_equal_items_make_parts_of_equal_size_and_what_fits_stays_whole() -> None:
    assert [len(p) for p in even_parts([1100] * 30, 18_000)] == [15, 15]
    sizes = [len(p) for p in even_parts([1000] * 31, 12_000)]
    assert len(sizes) == 3 and max(sizes) - min(sizes) <= 1
    assert even_parts([1000] * 14, 18_000) == (range(14),)
    assert even_parts([], 10) == (range(0),)
    assert even_parts([50_000], 10) == (range(1),)


# ---------- a built academy with long pathways ----------


@pytest.fixture(scope="module")
def long_pathways(hundred_modules: BuiltSite) -> BuiltSite:
    return hundred_modules


def _html(site: BuiltSite, src: str) -> Path:
    return site.site_dir / url_of(src) / "index.html"


def _pages_of(site: BuiltSite, audience_id: str) -> list[BeautifulSoup]:
    """The pathway's pages, following its parts' links from its first page."""
    first = site.html(url_of(paths.pathway(audience_id)))
    nav = first.select_one("nav.qisite-pathway-parts")
    if nav is None:
        return [first]
    count = len(nav.select("a[href]"))
    return [first] + [
        site.html(url_of(paths.pathway_part(audience_id, n))) for n in range(2, count + 1)
    ]


def test_every_page_of_a_long_pathway_stays_small(long_pathways: BuiltSite) -> None:
    pages = sorted((long_pathways.site_dir / "pathways").glob("**/index.html"))
    assert any("/parts/" in str(p) for p in pages)
    sizes = {str(p.relative_to(long_pathways.site_dir)): p.stat().st_size for p in pages}
    assert max(sizes.values()) <= PAGE_BYTES, max(sizes.items(), key=lambda kv: kv[1])


def test_each_module_is_listed_once_across_the_pages_in_order(long_pathways: BuiltSite) -> None:
    curriculum = curriculum_of(long_pathways)
    split = 0
    for pathway in all_pathways(curriculum):
        audience_id = pathway.audience.id
        pages = _pages_of(long_pathways, audience_id)
        split += len(pages) > 1
        listed: list[str] = []
        for number, page in enumerate(pages, start=1):
            plan = page.select_one("ol.qisite-modules")
            assert plan is not None, (audience_id, number)
            cards = plan.select(":scope > li[data-qisite-module]")
            # The list's numbering carries on from the page before.
            assert int(str(plan.get("start", "1"))) == len(listed) + 1
            listed += [str(card["data-qisite-module"]) for card in cards]
            container = page.select_one(f'[data-qisite-pathway="{audience_id}"]')
            assert isinstance(container, Tag)
            if len(pages) > 1:
                # Every page names the whole pathway, for the progress bar.
                whole = str(container["data-qisite-modules"]).split()
                assert whole == [m.id for m in pathway.modules]
                current = page.select('nav.qisite-pathway-parts a[aria-current="page"]')
                assert len(current) == 1 and f"Modules {len(listed) - len(cards) + 1} to" in (
                    current[0].get_text()
                )
            else:
                assert not container.has_attr("data-qisite-modules")
        assert listed == [m.id for m in pathway.modules], audience_id
    assert split > 0, "the 100-module academy has pathways too long for one page"


def test_the_first_page_keeps_the_pathway_facts_and_later_pages_link_back(
    long_pathways: BuiltSite,
) -> None:
    curriculum = curriculum_of(long_pathways)
    pathway = next(
        p for p in all_pathways(curriculum) if len(_pages_of(long_pathways, p.audience.id)) > 1
    )
    first, *later = _pages_of(long_pathways, pathway.audience.id)
    assert first.select_one("table.qisite-totals") is not None
    assert first.select_one("ul.qisite-sessions") is not None
    printing = first.select_one("button[data-qisite-print]")
    assert printing is not None
    assert printing.get_text() == "Print or save this page of the learning plan"
    next_link = first.select_one("p.qisite-parts-next a[href]")
    assert next_link is not None and str(next_link["href"]).endswith("parts/2/")
    home = url_of(paths.pathway(pathway.audience.id))
    for number, page in enumerate(later, start=2):
        here = "https://x/" + url_of(paths.pathway_part(pathway.audience.id, number))
        title = page.select_one("h1")
        assert title is not None and pathway.audience.name in title.get_text()
        assert "Modules" in title.get_text()
        lead = page.select_one("article p.qisite-lead a[href]")
        assert lead is not None and urljoin(here, str(lead["href"])) == "https://x/" + home
        assert page.select_one("table.qisite-totals") is None


def test_a_pathway_that_fits_stays_on_one_page(example_site: BuiltSite) -> None:
    curriculum = curriculum_of(example_site)
    for audience in curriculum.audiences:
        article = example_site.content(url_of(paths.pathway(audience.id)))
        assert article.select_one("nav.qisite-pathway-parts") is None
        cards = article.select("ol.qisite-modules > li[data-qisite-module]")
        assert len(cards) == sum(audience.id in m.audiences for m in curriculum.modules)
    assert not list((example_site.site_dir / "pathways").glob("*/parts"))


# ---------- in the browser ----------


@pytest.fixture(scope="module")
def long_portal(
    long_pathways: BuiltSite, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    root = tmp_path_factory.mktemp("served-long")
    with serve_under_sub_path(long_pathways.site_dir, root, "portal/") as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 1280])
def test_a_later_page_fits_a_phone_and_passes_axe(
    browser: Any, long_portal: str, long_pathways: BuiltSite, width: int
) -> None:
    page = open_at(browser, width)
    try:
        page.goto(long_portal + url_of(paths.pathway_part("audience-000", 2)))
        page.wait_for_load_state("load")
        scroll, client = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert scroll == client == width
        violations = axe_violations(page)
        assert violations == [], describe(violations)
    finally:
        page.context.close()


@pytest.mark.browser
def test_progress_counts_the_whole_pathway_on_every_page(
    page: Any, long_portal: str, long_pathways: BuiltSite
) -> None:
    curriculum = curriculum_of(long_pathways)
    pathway = next(p for p in all_pathways(curriculum) if p.audience.id == "audience-000")
    total = len(pathway.modules)
    page.goto(long_portal + url_of(paths.pathway_part("audience-000", 2)))
    card = page.locator("ol.qisite-modules > li[data-qisite-module]").first
    card_module = card.get_attribute("data-qisite-module")
    assert card_module not in [m.id for m in pathway.modules[:5]]  # a later module
    card.locator('[data-qisite-control="modules"] button[data-qisite-mark="done"]').click()
    text = "[data-qisite-progress-text]"
    assert page.inner_text(text) == f"1 of {total} modules done"
    page.goto(long_portal + url_of(paths.pathway("audience-000")))
    page.wait_for_selector("[data-qisite-progress]:not([hidden])")
    assert page.inner_text(text) == f"1 of {total} modules done"
    assert page.locator("progress").first.get_attribute("max") == str(total)
