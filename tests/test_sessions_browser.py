"""The calendar in headless Chromium with a fixed clock: past sittings hidden, filters work."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser import axe_violations, describe, serve, shown_occurrences
from tests.session_fixtures import curriculum_text
from tests.sitebuild import build_site

pytestmark = pytest.mark.browser

SESSIONS = """\
- {id: january, module: mod-intro, start: 2027-01-14 12:30, duration: 1h, venue: Room 1}
- {id: early-march, module: mod-data, start: 2027-03-01 09:00, duration: 1h, venue: Room 2}
- {id: late-march, module: mod-intro, start: 2027-03-20 09:00, duration: 1h,
   online: https://meet.example.org/x}
- id: wave
  module: mod-data
  cohort: Wave 1
  end: "16:00"
  venue: Room 3
  booking: https://book.example.org/wave
  parts:
    - {name: Launch day, start: 2027-02-01 13:00}
    - {name: Learning session, start: 2027-04-05 13:00, status: cancelled}
    - {name: Graduation, start: 2027-06-07 13:00}
"""

# 2027-03-15 12:00 UTC: January, February and early March have passed.
NOW = "2027-03-15T12:00:00Z"


@pytest.fixture(scope="module")
def calendar_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("calendar-browser")
    built = build_site(root, curriculum=curriculum_text(SESSIONS))
    with serve(built.site_dir) as url:
        yield url + "calendar/"


MONTHS = ["2027-01", "2027-02", "2027-03", "2027-04", "2027-06"]


def test_past_sittings_hidden_by_the_readers_clock(page: Any, calendar_url: str) -> None:
    page.clock.set_fixed_time(NOW)
    page.goto(calendar_url + "2027-03/")
    assert shown_occurrences(page) == ["late-march"]
    assert page.is_visible("#month-2027-03")
    assert "1 session shown (upcoming only)" in page.inner_text("[data-qisite-calendar-status]")
    page.check("#qisite-show-past")
    assert shown_occurrences(page) == ["early-march", "late-march"]
    assert page.inner_text('[data-qisite-occurrence^="early-march@"] h3').startswith("Past:")
    page.goto(calendar_url + "2027-01/")
    assert shown_occurrences(page) == []
    assert page.is_hidden("#month-2027-01")
    assert "No sessions match" in page.inner_text("[data-qisite-calendar-status]")
    page.goto(calendar_url + "2027-04/")
    assert shown_occurrences(page) == ["wave-20270405T1300"]
    assert page.outside_requests == []


def test_later_clock_hides_more(page: Any, calendar_url: str) -> None:
    page.clock.set_fixed_time("2027-05-01T08:00:00Z")
    page.goto(calendar_url + "2027-04/")
    assert shown_occurrences(page) == []
    page.goto(calendar_url + "2027-06/")
    assert shown_occurrences(page) == ["wave-20270607T1300"]


def test_filters_by_module_audience_and_format(page: Any, calendar_url: str) -> None:
    page.clock.set_fixed_time(NOW)
    page.goto(calendar_url + "2027-03/")
    # The audiences come from the calendar's script (the page carries none), by name.
    offered = page.locator("#qisite-filter-audience option").all_inner_texts()
    assert offered == ["All audiences", "Ward staff", "Board"]
    page.check("#qisite-show-past")
    page.select_option("#qisite-filter-module", "mod-data")
    assert shown_occurrences(page) == ["early-march"]
    page.select_option("#qisite-filter-module", "")
    page.select_option("#qisite-filter-format", "online")
    assert shown_occurrences(page) == ["late-march"]
    page.select_option("#qisite-filter-format", "")
    page.select_option("#qisite-filter-audience", "aud-ward")
    assert shown_occurrences(page) == ["late-march"]
    # By keyboard: focus the module select and pick with the arrow keys.
    page.select_option("#qisite-filter-audience", "")
    page.focus("#qisite-filter-module")
    page.keyboard.press("ArrowDown")
    assert page.input_value("#qisite-filter-module") == "mod-intro"
    assert shown_occurrences(page) == ["late-march"]
    page.uncheck("#qisite-show-past")
    assert shown_occurrences(page) == ["late-march"]
    page.select_option("#qisite-filter-module", "mod-data")
    assert shown_occurrences(page) == []


def test_without_script_every_sitting_is_listed(browser: Any, calendar_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(calendar_url)
        hrefs = page.eval_on_selector_all(
            "[data-qisite-month-link] a", "links => links.map(a => a.href)"
        )
        assert hrefs == [f"{calendar_url}{key}/" for key in MONTHS]
        listed = 0
        for href in hrefs:
            page.goto(href)
            listed += len(shown_occurrences(page))
            assert page.is_hidden("[data-qisite-calendar-filters]")
        assert listed == 6
    finally:
        context.close()


def test_calendar_pages_have_no_accessibility_violations(page: Any, calendar_url: str) -> None:
    page.clock.set_fixed_time(NOW)
    page.goto(calendar_url)
    page.click(".qisite-subscribe summary")
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    page.goto(calendar_url + "2027-03/")
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    page.check("#qisite-show-past")
    page.click(".qisite-subscribe summary")
    # Scrolling swaps Material's header title with a fade; measure after it settles.
    page.wait_for_timeout(600)
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    assert page.outside_requests == []


def test_module_and_pathway_pages_hide_ended_sittings(page: Any, calendar_url: str) -> None:
    """Outside the calendar, ended sittings go too; the pathway's one-line list included."""
    root = calendar_url.removesuffix("calendar/")
    page.clock.set_fixed_time(NOW)
    page.goto(root + "modules/mod-intro/")
    assert shown_occurrences(page) == ["late-march"]
    page.goto(root + "pathways/aud-board/")
    assert shown_occurrences(page) == ["late-march", "wave-20270405T1300", "wave-20270607T1300"]
    assert page.is_hidden("[data-qisite-sessions-none]")
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    page.click('[data-qisite-occurrence^="late-march@"] a')
    page.wait_for_url("**/modules/mod-intro/#session-late-march")
    page.clock.set_fixed_time("2027-07-01T08:00:00Z")
    page.goto(root + "pathways/aud-board/")
    assert shown_occurrences(page) == []
    assert page.is_visible("[data-qisite-sessions-none]")
