"""A large academy's dosing matrix in a browser, on a phone and an office PC, under a
sub-path: the later pages of its grid and a staff group's page fit the screen, pass
axe-core, and keep the grid scrolling in its own box; the keyboard moves between the
grid's pages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from qisite.site import paths
from tests.academies import wide_academy
from tests.browser import axe_violations, describe, serve_under_sub_path, tab_to
from tests.pagechecks import url_of
from tests.sitebuild import BuiltSite, build_site
from tests.test_phone_browser import FIRST_COLUMN, blur_radii, fade, open_at

pytestmark = pytest.mark.browser

SUB_PATH = "portal/"
PAGES = {
    "matrix": url_of(paths.MATRIX),
    "grid-part": url_of(paths.matrix_part(2)),
    "group": url_of(paths.matrix_group("group-050")),
}


@pytest.fixture(scope="module")
def wide_portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The 100-staff-group academy served under a sub-path; yields its home's URL."""
    site: BuiltSite = build_site(
        tmp_path_factory.mktemp("wide"), curriculum=wide_academy(100, 10)
    )
    root = tmp_path_factory.mktemp("served-wide")
    with serve_under_sub_path(site.site_dir, root, SUB_PATH) as url:
        yield url


def visit(browser: Any, width: int, url: str, java_script: bool = True) -> Any:
    page = open_at(browser, width, java_script=java_script)
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(url)
    page.wait_for_load_state("load")
    assert failed == [], f"missing under the sub-path: {failed}"
    return page


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_sideways_page_scroll_and_no_axe_violation(
    browser: Any, wide_portal: str, kind: str, width: int
) -> None:
    page = visit(browser, width, wide_portal + PAGES[kind])
    try:
        scroll, client = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert scroll == client <= width, f"{kind} at {width} px is {scroll} px wide"
        violations = axe_violations(page)
        assert not violations, describe(violations)
    finally:
        page.context.close()


@pytest.mark.parametrize("java_script", [False, True], ids=["no-script", "script"])
def test_a_later_page_of_the_grid_scrolls_in_its_box_with_the_first_column_kept(
    browser: Any, wide_portal: str, java_script: bool
) -> None:
    page = visit(browser, 320, wide_portal + PAGES["grid-part"], java_script)
    try:
        box = page.locator("article .qisite-scroll")
        assert box.count() == 1
        assert box.get_attribute("tabindex") == "0" and box.get_attribute("role") == "region"
        start = box.evaluate(FIRST_COLUMN)
        assert start["room"] > 0, "the grid fits a 320 px phone: nothing to check"
        assert fade(start["mask"]) > 0, "no cue that columns lie to the right"
        box.focus()
        for _ in range(10):
            page.keyboard.press("ArrowRight")  # the keyboard scrolls the box, not the page
        page.wait_for_timeout(300)
        end = box.evaluate(FIRST_COLUMN)
        assert end["scrolled"] > 0
        assert abs(end["cell"] - end["box"]) < 1, "the first column scrolled out of view"
        assert max(blur_radii(end["shadow"])) > 0, "no cue that columns lie under the first"
        assert page.evaluate("window.scrollX") == 0
    finally:
        page.context.close()


def test_the_keyboard_moves_between_the_pages_of_the_grid(
    browser: Any, wide_portal: str
) -> None:
    """Tab reaches the link to the next page of the grid; Enter opens it, which marks
    itself as the current page and shows the next staff groups."""
    page = visit(browser, 375, wide_portal + PAGES["matrix"], java_script=False)
    try:
        parts = page.locator("nav.qisite-matrix-parts a")
        assert parts.count() == 4
        assert parts.first.get_attribute("aria-current") == "page"
        target = parts.nth(1)
        tab_to(page, target, 200, "the link to the grid's second page")
        page.keyboard.press("Enter")
        page.wait_for_url("**/" + PAGES["grid-part"])
        current = page.locator('nav.qisite-matrix-parts a[aria-current="page"]')
        assert current.inner_text() == "Staff groups 26 to 50 of 100"
        heads = page.locator("table.qisite-matrix thead th a").all_inner_texts()
        assert len(heads) == 25 and heads[0].endswith(" 26")
    finally:
        page.context.close()
