"""The built example site in headless Chromium: keyboard chooser, no-script fallback, axe, print."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from qisite.model import Audience, Curriculum
from qisite.site import paths
from tests.academies import academy_with_gaps, second_academy_site
from tests.browser import axe_violations, describe, serve
from tests.pagechecks import curriculum_of, url_of
from tests.sitebuild import BuiltSite

pytestmark = pytest.mark.browser


def focused(page: Any) -> dict[str, str]:
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return {tag: e.tagName, name: e.name || '', type: e.type || '', value: e.value || ''}; }"
    )


def tab_until(page: Any, predicate: Any, limit: int = 80) -> dict[str, str]:
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        if predicate(now):
            return now
    raise AssertionError("never reached the element by Tab")


def target_audience(curriculum: Curriculum) -> Audience:
    """The last audience, so reaching it takes arrow presses in both controls."""
    return curriculum.audiences[-1]


def test_chooser_reaches_a_pathway_by_keyboard_alone(
    page: Any, example_url: str, example_site: BuiltSite
) -> None:
    curriculum = curriculum_of(example_site)
    audience = target_audience(curriculum)
    group = audience.staff_groups[-1]
    page.goto(example_url)
    groups = page.eval_on_selector_all(
        "[data-qisite-chooser-form] input[type=radio]", "els => els.map(e => e.value)"
    )
    tab_until(page, lambda f: f["name"] == "qisite-group")
    page.keyboard.press("Space")
    for _ in range(groups.index(group)):
        page.keyboard.press("ArrowDown")
    assert page.eval_on_selector("input[type=radio]:checked", "e => e.value") == group
    tab_until(page, lambda f: f["tag"] == "SELECT")
    expected = url_of(paths.pathway(audience.id))
    for _ in range(len(curriculum.audiences) + 1):
        if focused(page)["value"].endswith(expected):
            break
        page.keyboard.press("ArrowDown")
    assert focused(page)["value"].endswith(expected)
    tab_until(page, lambda f: f["tag"] == "BUTTON")
    page.keyboard.press("Enter")
    page.wait_for_selector(f'[data-qisite-pathway="{audience.id}"]')
    assert page.url.endswith(expected)
    assert page.outside_requests == []


def test_roles_offered_follow_the_chosen_staff_group(
    page: Any, example_url: str, example_site: BuiltSite
) -> None:
    curriculum = curriculum_of(example_site)
    page.goto(example_url)
    for group in page.eval_on_selector_all(
        "[data-qisite-chooser-form] input[type=radio]", "els => els.map(e => e.value)"
    ):
        page.focus(f"input[type=radio][value={group}]")
        page.keyboard.press("Space")
        offered = page.eval_on_selector_all(
            "#qisite-role option", "os => os.slice(1).map(o => o.textContent)"
        )
        assert offered == [a.name for a in curriculum.audiences if group in a.staff_groups]
        status = page.locator("[data-qisite-chooser-status]").inner_text()
        assert status.startswith(f"{len(offered)} group")  # announced to screen readers


def test_choosing_no_role_says_so_and_stays(page: Any, example_url: str) -> None:
    page.goto(example_url)
    page.focus("[data-qisite-chooser-form] button")
    page.keyboard.press("Space")
    status = page.locator("[data-qisite-chooser-status]")
    assert "Choose" in status.inner_text()
    assert page.evaluate("document.activeElement.id") == "qisite-role"


def test_without_javascript_every_pathway_is_a_plain_link(
    browser: Any, example_url: str, example_site: BuiltSite
) -> None:
    curriculum = curriculum_of(example_site)
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(example_url)
        assert not page.locator("[data-qisite-chooser-form]").is_visible()
        links = page.locator(".qisite-pathway-list a")
        assert links.all_inner_texts() == [a.name for a in curriculum.audiences]
        links.last.click()
        page.wait_for_selector(f'[data-qisite-pathway="{curriculum.audiences[-1].id}"]')
    finally:
        context.close()


def pages_to_audit(curriculum: Curriculum) -> list[str]:
    audience = next(
        (a for a in curriculum.audiences if any(a.id in m.audiences for m in curriculum.modules)),
        curriculum.audiences[0],
    )
    module = curriculum.modules[0]
    return [
        url_of(paths.HOME),
        url_of(paths.PATHWAYS_INDEX),
        url_of(paths.pathway(audience.id)),
        url_of(paths.module(module.id)),
        url_of(paths.MODULES_INDEX),
        url_of(paths.MATRIX),
        "accessibility/",
    ]


def test_axe_finds_no_wcag_violations(page: Any, example_url: str, example_site: BuiltSite) -> None:
    failures = []
    for url in pages_to_audit(curriculum_of(example_site)):
        page.goto(example_url + url)
        violations = axe_violations(page)
        if violations:
            failures.append(f"{url}:\n{describe(violations)}")
    assert not failures, "\n".join(failures)
    assert page.outside_requests == []


def test_printed_pathway_is_the_plan_alone(
    page: Any, example_url: str, example_site: BuiltSite
) -> None:
    curriculum = curriculum_of(example_site)
    audience = next(
        a for a in curriculum.audiences if any(a.id in m.audiences for m in curriculum.modules)
    )
    page.goto(example_url + url_of(paths.pathway(audience.id)))
    assert page.locator("[data-qisite-print]").is_visible()
    assert not page.locator(".qisite-print-only").is_visible()
    page.emulate_media(media="print")
    assert page.locator(".qisite-print-only").is_visible()
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", "[data-qisite-print]"):
        assert not page.locator(hidden).first.is_visible(), hidden
    card = page.locator("[data-qisite-module]").first
    assert card.is_visible()
    assert card.evaluate("e => getComputedStyle(e).breakInside") == "avoid"


def test_search_finds_a_generated_module_page(
    page: Any, example_url: str, example_site: BuiltSite
) -> None:
    module = curriculum_of(example_site).modules[-1]
    page.goto(example_url + url_of(paths.MATRIX))
    page.keyboard.press("/")  # Material's shortcut to the search box
    page.keyboard.type(module.title)
    result = page.locator(".md-search-result__item a").first
    result.wait_for(timeout=10_000)
    assert url_of(paths.module(module.id)) in str(result.get_attribute("href"))
    assert page.outside_requests == []


def test_site_works_under_a_sub_path(page: Any, tmp_path: Path, example_site: BuiltSite) -> None:
    """As on a GitHub Pages project site: every asset loads and the chooser works."""
    shutil.copytree(example_site.site_dir, tmp_path / "qi-academy")
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    curriculum = curriculum_of(example_site)
    audience = curriculum.audiences[0]
    with serve(tmp_path) as root:
        page.goto(root + "qi-academy/")
        assert page.locator("[data-qisite-chooser-form]").is_visible()  # our script ran
        choice = page.locator(".qisite-choice").first
        assert choice.evaluate("e => getComputedStyle(e).display") == "block"  # our styles
        page.select_option("#qisite-role", label=audience.name)
        page.locator("[data-qisite-chooser-form] button").press("Enter")
        page.wait_for_selector(f'[data-qisite-pathway="{audience.id}"]')
        assert page.url == root + "qi-academy/" + url_of(paths.pathway(audience.id))
        first_module = page.locator("[data-qisite-module] h3 a").first
        if first_module.count():
            first_module.press("Enter")
            page.wait_for_selector("[data-qisite-module-page]")
    assert failed == []
    assert page.outside_requests == []


def test_axe_passes_a_matrix_with_gaps(page: Any, tmp_path: Path) -> None:
    site = second_academy_site(tmp_path, strict=False, text=academy_with_gaps())
    with serve(site.site_dir) as root:
        page.goto(root + url_of(paths.MATRIX))
        assert page.locator("td.qisite-cell-gap .qisite-gap-note").first.is_visible()
        violations = axe_violations(page)
    assert not violations, describe(violations)
    assert page.outside_requests == []
