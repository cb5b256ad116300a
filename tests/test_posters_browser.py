"""Posters of a held-back academy printed to PDF in Chromium (A4 and A3), their QR codes
read back from the rendered page, and their contrast kept in print."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from PIL import Image

from tests.awareness_fixture import SITE_URL, build_awareness_site
from tests.browser import axe_violations, describe, serve, shown_occurrences

pytestmark = pytest.mark.browser

NOW = "2027-02-01T00:00:00Z"

POSTERS = {
    "posters/month-2027-03.html": SITE_URL + "calendar/2027-03/",
    "posters/pathway-executives.html": SITE_URL + "pathways/executives/",
    "posters/session-exec-wave.html": SITE_URL + "modules/spc-for-boards/",
}

A4 = (595, 842)
A3 = (842, 1191)

POSTER_LIST = "[data-qisite-poster-list]"
"""The element holding the sittings this file reads."""


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    built = build_awareness_site(tmp_path_factory.mktemp("posters"))
    with serve(built.site_dir) as url:
        yield url


def _page_sizes(pdf: bytes) -> list[tuple[int, int]]:
    """Each page's size in points, from its /MediaBox."""
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    return [(round(float(w)), round(float(h))) for w, h in boxes]


def _decoded(page: Any) -> list[str]:
    shot = page.locator("[data-qisite-poster]").screenshot()
    return [code.text for code in zxingcpp.read_barcodes(Image.open(io.BytesIO(shot)))]


@pytest.mark.parametrize("poster", list(POSTERS))
def test_poster_prints_on_a4_and_a3_with_a_code_to_its_page(
    page: Any, base_url: str, poster: str, tmp_path: Path
) -> None:
    page.clock.set_fixed_time(NOW)
    page.goto(base_url + poster)
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    assert _decoded(page) == [POSTERS[poster]]
    assert page.inner_text(".qisite-poster-address a") == POSTERS[poster]
    page.emulate_media(media="print")
    assert page.is_hidden(".qisite-poster-tools")
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    a4 = page.pdf(prefer_css_page_size=True, print_background=False)
    sizes = _page_sizes(a4)
    assert sizes and set(sizes) == {A4}
    assert _decoded(page) == [POSTERS[poster]]
    page.emulate_media(media="screen")
    page.check("#qisite-paper-a3")
    page.emulate_media(media="print")
    a3 = page.pdf(prefer_css_page_size=True, print_background=False)
    assert set(_page_sizes(a3)) == {A3}
    assert _decoded(page) == [POSTERS[poster]]
    (tmp_path / "a3.pdf").write_bytes(a3)
    assert page.outside_requests == []


def test_print_keeps_black_on_white(page: Any, base_url: str) -> None:
    page.goto(base_url + "posters/session-exec-wave.html")
    page.emulate_media(media="print", color_scheme="dark")
    colours = page.eval_on_selector_all(
        "[data-qisite-poster] *:not(svg):not(svg *)",
        "nodes => [...new Set(nodes.map(n => getComputedStyle(n).color))]",
    )
    assert colours == ["rgb(0, 0, 0)"]
    backgrounds = page.eval_on_selector_all(
        "html, body, [data-qisite-poster], [data-qisite-poster] *:not(svg):not(svg *)",
        "nodes => [...new Set(nodes.map(n => getComputedStyle(n).backgroundColor))]",
    )
    assert set(backgrounds) <= {"rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"}


def test_poster_lists_only_sittings_to_come(page: Any, base_url: str) -> None:
    page.clock.set_fixed_time("2027-03-10T00:00:00Z")
    page.goto(base_url + "posters/session-exec-wave.html")
    assert shown_occurrences(page, POSTER_LIST) == [
        "exec-wave-20270406T1300",
        "exec-wave-20270601T1300",
    ]
    assert page.inner_text("[data-qisite-poster-list]").count("Cancelled:") == 1
    page.clock.set_fixed_time("2027-07-01T00:00:00Z")
    page.reload()
    assert shown_occurrences(page, POSTER_LIST) == []
    assert page.is_visible("[data-qisite-sessions-none]")


def test_posters_are_reached_from_month_pathway_and_session(page: Any, base_url: str) -> None:
    page.goto(base_url + "calendar/2027-03/")
    page.click("text=Print a poster for March 2027")
    page.wait_for_url("**/posters/month-2027-03.html")
    page.goto(base_url + "pathways/executives/")
    page.click("text=Print a poster of this pathway's sessions")
    page.wait_for_url("**/posters/pathway-executives.html")
    page.goto(base_url + "modules/spc-for-boards/")
    page.click('#session-exec-wave-20270601T1300 a:text-is("Print a poster")')
    page.wait_for_url("**/posters/session-exec-wave.html")
    page.click("text=Back to the site")
    page.wait_for_url("**/modules/spc-for-boards/")


def test_without_site_url_the_poster_says_so(
    browser: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    built = build_awareness_site(tmp_path_factory.mktemp("no-url"), site_url=None)
    poster = built.site_dir / "posters" / "month-2027-03.html"
    text = poster.read_text(encoding="utf-8")
    assert "<svg" not in text
    assert "site_url" in text
    with serve(built.site_dir) as url:
        page = browser.new_page()
        try:
            page.goto(url + "posters/month-2027-03.html")
            assert page.is_visible("[data-qisite-no-qr]")
            assert _decoded(page) == []
            violations = axe_violations(page)
            assert violations == [], describe(violations)
        finally:
            page.close()
