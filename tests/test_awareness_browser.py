"""What's on and the bulletin snippet in headless Chromium, on a held-back academy
(Sydney time, Bronze/Silver levels, six weeks ahead) with a fixed reader's clock."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.awareness_fixture import SITE_URL, build_awareness_site
from tests.browser import axe_violations, describe, serve, shown_occurrences

pytestmark = pytest.mark.browser

NOW = "2027-02-01T00:00:00Z"
"""Six weeks from here reach 15 March: February's sittings and the wave's launch."""

WHATS_ON_LIST = "[data-qisite-whats-on-list]"
"""The element holding the sittings this file reads."""


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    built = build_awareness_site(tmp_path_factory.mktemp("awareness"))
    with serve(built.site_dir) as url:
        yield url


def test_whats_on_shows_the_coming_weeks_by_the_readers_clock(page: Any, site_url: str) -> None:
    page.clock.set_fixed_time(NOW)
    page.goto(site_url + "whats-on/")
    assert shown_occurrences(page, WHATS_ON_LIST) == [
        "pdsa-feb",
        "spc-feb",
        "exec-wave-20270302T1300",
    ]
    status = page.inner_text("[data-qisite-whats-on-status]")
    assert status.startswith("3 sessions from 1 February 2027 to 15 March 2027")
    assert page.is_hidden("[data-qisite-held-note]")
    page.clock.set_fixed_time("2027-05-01T00:00:00Z")
    page.reload()
    assert shown_occurrences(page, WHATS_ON_LIST) == ["pdsa-may", "exec-wave-20270601T1300"]
    page.clock.set_fixed_time("2027-07-01T00:00:00Z")
    page.reload()
    assert shown_occurrences(page, WHATS_ON_LIST) == []
    assert page.is_visible("[data-qisite-sessions-none]")
    # Six weeks from 1 July pass 13 August, where the page's sittings stop.
    page.clock.set_fixed_time("2027-07-20T00:00:00Z")
    page.reload()
    assert page.is_visible("[data-qisite-held-note]")
    assert page.outside_requests == []


def test_whats_on_filters_by_the_pathway_the_reader_chose(page: Any, site_url: str) -> None:
    page.clock.set_fixed_time(NOW)
    page.goto(site_url + "whats-on/")
    page.select_option("#qisite-whats-on-pathway", "ward-teams")
    assert shown_occurrences(page, WHATS_ON_LIST) == ["pdsa-feb"]
    assert "for Ward teams" in page.inner_text("[data-qisite-whats-on-status]")
    assert page.evaluate("localStorage.getItem('qisite.pathway.v1')") == "ward-teams"
    page.reload()
    assert page.input_value("#qisite-whats-on-pathway") == "ward-teams"
    assert shown_occurrences(page, WHATS_ON_LIST) == ["pdsa-feb"]
    page.select_option("#qisite-whats-on-pathway", "")
    assert page.evaluate("localStorage.getItem('qisite.pathway.v1')") is None
    assert len(shown_occurrences(page, WHATS_ON_LIST)) == 3
    # The pathway chooser keeps the choice too.
    page.goto(site_url + "pathways/")
    page.select_option("#qisite-role", label="Executive team")
    page.click("[data-qisite-chooser-form] button[type=submit]")
    page.wait_for_url("**/pathways/executives/")
    page.goto(site_url + "whats-on/")
    assert page.input_value("#qisite-whats-on-pathway") == "executives"
    assert shown_occurrences(page, WHATS_ON_LIST) == [
        "pdsa-feb",
        "spc-feb",
        "exec-wave-20270302T1300",
    ]


def test_whats_on_without_script_lists_every_held_sitting_with_dates(
    browser: Any, site_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "whats-on/")
        assert len(shown_occurrences(page, WHATS_ON_LIST)) == 7
        assert page.is_hidden("[data-qisite-whats-on-form]")
        first = page.inner_text("[data-qisite-whats-on-list] li")
        assert first.startswith("Tuesday 12 January 2027, 10:00 to 12:00")
        assert "7 sessions listed from 1 January 2027" in page.inner_text(
            "[data-qisite-whats-on-status]"
        )
    finally:
        context.close()


def test_whats_on_is_in_the_navigation_and_accessible(page: Any, site_url: str) -> None:
    page.clock.set_fixed_time(NOW)
    page.goto(site_url)
    links = page.eval_on_selector_all(
        ".md-nav--primary a", "links => links.map(a => [a.textContent.trim(), a.href])"
    )
    assert ["What's on", site_url + "whats-on/"] in links
    assert not any("bulletin" in href or "posters" in href for _, href in links)
    page.goto(site_url + "whats-on/")
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    page.goto(site_url + "bulletin/")
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    assert page.outside_requests == []


def test_bulletin_snippet_reads_right_without_a_stylesheet(page: Any, site_url: str) -> None:
    page.clock.set_fixed_time(NOW)
    page.goto(site_url + "bulletin/")
    html = page.input_value("#qisite-bulletin-html")
    text = page.input_value("#qisite-bulletin-text")
    assert "<script" not in html.lower() and "<style" not in html.lower()
    assert "class=" not in html
    # Rendered on its own, as a mail program would: no stylesheet, no script.
    page.set_content(f'<!doctype html><html lang="en"><title>Bulletin</title><main>{html}</main>')
    assert page.eval_on_selector_all("link[rel=stylesheet], script", "n => n.length") == 0
    items = page.eval_on_selector_all("li", "items => items.map(i => i.innerText)")
    assert [item.split("\n")[0] for item in items] == [
        "Tuesday 9 February 2027, 10:00 to 12:00",
        "Tuesday 23 February 2027, 14:00 to 17:00",
        "Tuesday 2 March 2027, 13:00 to 16:00",
    ]
    assert "SPC for boards & executives: Launch (Wave 2). Boardroom" in items[2]
    hrefs = page.eval_on_selector_all("a", "links => links.map(a => a.getAttribute('href'))")
    assert hrefs and all(href.startswith("https://") for href in hrefs)
    assert f"{SITE_URL}modules/spc-for-boards/#session-spc-feb" in hrefs
    assert f"{SITE_URL}whats-on/" in hrefs
    assert "https://book.harbour.example.org/pdsa?when=feb&x=1" in hrefs
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    lines = text.splitlines()
    assert lines[0] == "Harbour Improvement Hub: sessions in the coming 6 weeks"
    assert (
        "- Tuesday 9 February 2027, 10:00 to 12:00: PDSA starter. Harbour Room. "
        "Book: https://book.harbour.example.org/pdsa?when=feb&x=1" in lines
    )
    assert "- Tuesday 23 February 2027, 14:00 to 17:00: SPC for boards & executives. Online. " \
        f"Details: {SITE_URL}modules/spc-for-boards/#session-spc-feb" in lines
    assert f"Every session, and how to book: {SITE_URL}whats-on/" in lines
