"""The learning record in a real browser: marking, progress, reload, export/import, clearing."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from qisite.inputs import load_inputs
from qisite.views.pathways import all_pathways
from tests.browser import axe_violations, describe, serve
from tests.sitebuild import REPO, build_site

pytestmark = pytest.mark.browser

KEY = "qisite.learning-record.v1:riverside-qi-academy"
"""The example academy's record: its feed_id names it."""


def _shared_module() -> tuple[str, list[str]]:
    """A module of the example academy that is on more than one pathway, and those pathways."""
    pathways = all_pathways(load_inputs(REPO / "curriculum.yaml").require().curriculum)
    for pathway in pathways:
        for module in pathway.modules:
            having = [p.audience.id for p in pathways if module in p.modules]
            if len(having) > 1:
                return module.id, having
    raise AssertionError("the example academy needs a module shared by two pathways")


def _progress(page: Any, audience_id: str) -> tuple[int, int]:
    """(done, total) as the pathway page shows it, in words and in the progress bar."""
    block = page.locator(f'[data-qisite-progress="{audience_id}"]')
    text = block.locator("[data-qisite-progress-text]").inner_text()
    match = re.match(r"(\d+) of (\d+) modules done", text)
    assert match, text
    bar = block.locator("progress")
    assert int(bar.get_attribute("value")) == int(match[1])
    return int(match[1]), int(match[2])


def _open_pathway(page: Any, base: str, audience_id: str) -> None:
    page.goto(f"{base}pathways/{audience_id}/")
    page.wait_for_selector(f'[data-qisite-progress="{audience_id}"] [data-qisite-progress-text]')


def _mark(page: Any, audience_id: str, module_id: str, state: str) -> Any:
    button = page.locator(
        f'[data-qisite-pathway="{audience_id}"] [data-qisite-module="{module_id}"] '
        f'button[data-qisite-kind="modules"][data-qisite-mark="{state}"]'
    )
    button.click()
    return button


def _stored(page: Any) -> dict[str, Any] | None:
    text = page.evaluate(f"() => window.localStorage.getItem({KEY!r})")
    return json.loads(text) if text else None


def test_done_on_one_pathway_counts_on_every_pathway_and_survives_reload(
    page: Any, example_url: str
) -> None:
    module_id, audiences = _shared_module()
    before = {}
    for audience_id in audiences:
        _open_pathway(page, example_url, audience_id)
        before[audience_id] = _progress(page, audience_id)

    first, *others = audiences
    _open_pathway(page, example_url, first)
    button = _mark(page, first, module_id, "done")
    assert button.get_attribute("aria-pressed") == "true"
    assert _progress(page, first)[0] == before[first][0] + 1
    page.wait_for_function(
        "() => (document.getElementById('qisite-live') || {}).textContent?.includes('done')"
    )

    for audience_id in others:
        _open_pathway(page, example_url, audience_id)
        assert _progress(page, audience_id) == (before[audience_id][0] + 1, before[audience_id][1])
        pressed = page.locator(
            f'[data-qisite-module="{module_id}"] '
            'button[data-qisite-kind="modules"][data-qisite-mark="done"]'
        )
        assert pressed.get_attribute("aria-pressed") == "true"

    page.reload()
    page.wait_for_selector("[data-qisite-progress-text]")
    assert _progress(page, audiences[-1])[0] == before[audiences[-1]][0] + 1

    assert page.context.cookies() == []
    record = _stored(page)
    assert record == {
        "schema": 1,
        "modules": {module_id: {"state": "done", "date": date.today().isoformat()}},
        "courses": {},
    }
    assert page.outside_requests == []


def test_in_progress_then_unmarking(page: Any, example_url: str) -> None:
    module_id, audiences = _shared_module()
    _open_pathway(page, example_url, audiences[0])
    done_before = _progress(page, audiences[0])[0]
    button = _mark(page, audiences[0], module_id, "in-progress")
    assert button.get_attribute("aria-pressed") == "true"
    text = page.locator("[data-qisite-progress-text]").first.inner_text()
    assert "1 in progress" in text
    assert _progress(page, audiences[0])[0] == done_before  # in progress is not done
    button.click()  # pressing a pressed button removes the mark
    assert button.get_attribute("aria-pressed") == "false"
    assert _stored(page)["modules"] == {}


def test_export_clear_and_import_round_trip(page: Any, example_url: str, tmp_path: Path) -> None:
    module_id, audiences = _shared_module()
    _open_pathway(page, example_url, audiences[0])
    _mark(page, audiences[0], module_id, "done")

    page.goto(f"{example_url}ihi-open-school/")
    course = page.locator("[data-qisite-ihi]").first.get_attribute("data-qisite-ihi")
    page.locator(f'button[data-qisite-kind="courses"][data-qisite-id="{course}"]').first.click()

    page.goto(f"{example_url}my-learning/")
    modules_table = page.locator("[data-qisite-learning-modules] table")
    assert "Done" in modules_table.inner_text()
    assert page.locator("[data-qisite-learning-courses]").inner_text().count(course) >= 1

    with page.expect_download() as download:
        page.get_by_role("button", name="Save my record to a file").click()
    saved = tmp_path / "record.json"
    download.value.save_as(saved)
    exported = json.loads(saved.read_text(encoding="utf-8"))
    assert exported["schema"] == 1
    assert exported["modules"][module_id]["state"] == "done"
    assert exported["courses"][course]["state"] == "done"

    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Clear my data").click()
    assert _stored(page) is not None  # cancelled: nothing removed

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear my data").click()
    assert _stored(page) is None
    assert "Nothing marked yet" in page.locator("[data-qisite-learning-modules]").inner_text()
    _open_pathway(page, example_url, audiences[0])
    assert page.locator('button[aria-pressed="true"]').count() == 0

    page.goto(f"{example_url}my-learning/")
    page.get_by_label("Load a record file (.json)").set_input_files(str(saved))
    page.wait_for_function(
        "() => document.querySelector('[data-qisite-learning-message]').textContent"
        ".startsWith('Loaded')"
    )
    restored = _stored(page)
    assert restored["modules"] == exported["modules"]
    assert restored["courses"] == exported["courses"]
    assert "Done" in page.locator("[data-qisite-learning-modules] table").inner_text()
    assert page.outside_requests == []


def test_import_rejects_a_file_that_is_not_a_record(page: Any, example_url: str) -> None:
    page.goto(f"{example_url}my-learning/")
    loader = page.get_by_label("Load a record file (.json)")
    for payload in (b"not json", b'{"schema": 99, "modules": {}}', b"[1, 2]"):
        loader.set_input_files(
            {"name": "other.json", "mimeType": "application/json", "buffer": payload}
        )
        page.wait_for_function(
            "() => document.querySelector('[data-qisite-learning-message]').textContent"
            ".startsWith('Nothing was loaded')"
        )
        page.evaluate(
            "() => { document.querySelector('[data-qisite-learning-message]').textContent = '' }"
        )
    assert _stored(page) is None


def test_import_merges_and_skips_bad_entries(page: Any, example_url: str) -> None:
    module_id, audiences = _shared_module()
    _open_pathway(page, example_url, audiences[0])
    _mark(page, audiences[0], module_id, "in-progress")
    page.goto(f"{example_url}my-learning/")
    record = {
        "schema": 1,
        "modules": {
            module_id: {"state": "done", "date": "2001-01-01"},  # older: the browser's mark stays
            "elsewhere": {"state": "done", "date": "2026-01-05"},
            "<bad>": {"state": "done", "date": "2026-01-05"},
            "constructor": {"state": "in-progress", "date": "2026-01-06"},  # only an id
        },
        "courses": {"QI 102": {"state": "done", "date": "2026-02-01"}},
    }
    page.get_by_label("Load a record file (.json)").set_input_files(
        {"name": "r.json", "mimeType": "application/json", "buffer": json.dumps(record).encode()}
    )
    page.wait_for_function(
        "() => document.querySelector('[data-qisite-learning-message]').textContent"
        ".startsWith('Loaded')"
    )
    message = page.locator("[data-qisite-learning-message]").inner_text()
    assert "3 entries added or updated" in message and "1 unreadable entry" in message
    stored = _stored(page)
    assert stored["modules"][module_id]["state"] == "in-progress"
    assert stored["modules"]["elsewhere"] == {"state": "done", "date": "2026-01-05"}
    assert "<bad>" not in stored["modules"]
    assert stored["modules"]["constructor"] == {"state": "in-progress", "date": "2026-01-06"}
    listed = page.locator("[data-qisite-learning-modules]").inner_text()
    assert "no longer in the curriculum" in listed


def test_controls_work_from_the_keyboard(page: Any, example_url: str) -> None:
    module_id, audiences = _shared_module()
    _open_pathway(page, example_url, audiences[0])
    button = page.locator(
        f'[data-qisite-module="{module_id}"] '
        'button[data-qisite-kind="modules"][data-qisite-mark="done"]'
    )
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-pressed") == "true"
    page.keyboard.press("Space")
    assert button.get_attribute("aria-pressed") == "false"


@pytest.mark.parametrize("path", ["ihi-open-school/", "my-learning/", "privacy/", "pathway"])
def test_pages_have_no_axe_violations(page: Any, example_url: str, path: str) -> None:
    module_id, audiences = _shared_module()
    _open_pathway(page, example_url, audiences[0])
    _mark(page, audiences[0], module_id, "done")  # so that pressed buttons and tables show
    if path != "pathway":
        page.goto(example_url + path)
        page.wait_for_load_state("load")
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    assert page.outside_requests == []


def test_print_shows_the_record_and_a_line_for_the_appraiser(page: Any, example_url: str) -> None:
    module_id, audiences = _shared_module()
    _open_pathway(page, example_url, audiences[0])
    _mark(page, audiences[0], module_id, "done")
    page.goto(f"{example_url}my-learning/")
    page.wait_for_selector("[data-qisite-learning-modules] table")  # the record is listed
    appraisal = page.locator(".qisite-appraisal")
    assert not appraisal.is_visible()
    page.emulate_media(media="print")
    assert appraisal.is_visible() and "appraiser" in appraisal.inner_text().lower()
    assert page.locator("[data-qisite-learning-modules] table").is_visible()
    assert not page.get_by_role("button", name="Clear my data").is_visible()
    assert not page.locator(".md-header").is_visible()
    printed_on = page.locator("[data-qisite-printed-on] time").get_attribute("datetime")
    assert printed_on == date.today().isoformat()


@pytest.fixture(scope="module")
def instant_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example academy with Material's instant navigation turned on."""
    settings = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    features = [*settings["theme"].get("features", []), "navigation.instant"]
    root = tmp_path_factory.mktemp("instant")
    # Instant navigation only follows links under site_url: serve first, then build for that URL.
    with serve(root / "site") as url:
        build_site(
            root,
            config={"site_url": url, "theme": {**settings["theme"], "features": features}},
        )
        yield url


def test_controls_appear_after_instant_navigation(page: Any, instant_url: str) -> None:
    module_id, audiences = _shared_module()
    page.goto(instant_url)
    page.evaluate("() => { window.__sameDocument = true }")
    page.locator('.md-nav--primary a.md-nav__link[href$="pathways/"]').first.click()
    page.locator(f'a[href$="pathways/{audiences[0]}/"]').first.click()
    page.wait_for_selector(f'[data-qisite-progress="{audiences[0]}"] [data-qisite-progress-text]')
    assert page.evaluate("() => window.__sameDocument") is True  # no full page load
    _mark(page, audiences[0], module_id, "done")
    page.locator('.md-nav--primary a.md-nav__link[href$="my-learning/"]').first.click()
    page.wait_for_selector("[data-qisite-learning-modules] table")
    assert page.evaluate("() => window.__sameDocument") is True
    # One set of controls per module, even after the script ran on several pages.
    page.go_back()
    page.wait_for_selector(f'[data-qisite-progress="{audiences[0]}"] [data-qisite-progress-text]')
    controls = page.locator(f'[data-qisite-module="{module_id}"] [data-qisite-control="modules"]')
    assert controls.count() == 1
    assert page.outside_requests == []


MODULE_PAGE = """\
# Quality improvement basics

<div class="qisite" data-qisite-module-page="{module_id}">
<p>Take <a href="https://www.ihi.org/learn/courses/open-school/catalog/qi-101"
data-qisite-ihi="QI 101">QI 101 Introduction to Health Care Improvement</a> first.</p>
</div>
"""


LIST_PAGE = """\
# A pathway written as a bare list

<ol class="qisite" data-qisite-pathway="{audience_id}">
<li data-qisite-module="{module_id}"><h3>Quality improvement basics</h3></li>
<li data-qisite-module="another-module">Another module</li>
</ol>
"""


@pytest.fixture(scope="module")
def module_page_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The example academy plus a page that follows the module-page DOM contract."""
    module_id, _ = _shared_module()
    site = build_site(
        tmp_path_factory.mktemp("module-page"),
        extra_files={
            "content/contract-module.md": MODULE_PAGE.format(module_id=module_id),
            "content/contract-list.md": LIST_PAGE.format(
                audience_id="list-pathway", module_id=module_id
            ),
        },
    )
    with serve(site.site_dir) as url:
        yield url, module_id


def test_marking_on_a_module_page_counts_on_its_pathways(
    page: Any, module_page_url: tuple[str, str]
) -> None:
    base, module_id = module_page_url
    _, audiences = _shared_module()
    page.goto(f"{base}contract-module/")
    group = page.locator(f'[data-qisite-module-page="{module_id}"] [data-qisite-control="modules"]')
    assert group.get_attribute("aria-label") == "My progress: Quality improvement basics"
    group.locator('button[data-qisite-mark="done"]').click()
    page.locator('button[data-qisite-kind="courses"][data-qisite-id="QI 101"]').click()
    assert "Done on" in group.locator("[data-qisite-status]").inner_text()
    for audience_id in audiences:
        _open_pathway(page, base, audience_id)
        done, _ = _progress(page, audience_id)
        assert done >= 1
    stored = _stored(page)
    assert stored["modules"][module_id]["state"] == "done"
    assert stored["courses"]["QI 101"]["state"] == "done"
    assert page.outside_requests == []


def test_a_browser_that_refuses_storage_is_told_and_still_counts(
    page: Any, example_url: str
) -> None:
    page.add_init_script(
        "Storage.prototype.setItem = function () {"
        " throw new DOMException('full', 'QuotaExceededError') }"
    )
    module_id, audiences = _shared_module()
    _open_pathway(page, example_url, audiences[0])
    before = _progress(page, audiences[0])[0]
    _mark(page, audiences[0], module_id, "done")
    assert _progress(page, audiences[0])[0] == before + 1  # kept for this page at least
    page.wait_for_function(
        "() => (document.getElementById('qisite-live') || {})"
        ".textContent?.includes('would not keep')"
    )
    assert _stored(page) is None


def test_a_pathway_that_is_itself_a_list_gets_its_bar_before_the_list(
    page: Any, module_page_url: tuple[str, str]
) -> None:
    base, module_id = module_page_url
    page.goto(f"{base}contract-list/")
    assert _progress(page, "list-pathway") == (0, 2)
    bar_is_before = page.evaluate(
        """() => document.querySelector('[data-qisite-progress="list-pathway"]')
            .nextElementSibling.matches('[data-qisite-pathway="list-pathway"]')"""
    )
    assert bar_is_before
    group = page.locator(f'[data-qisite-module="{module_id}"] [data-qisite-control="modules"]')
    assert group.get_attribute("aria-label") == "My progress: Quality improvement basics"
    _mark(page, "list-pathway", "another-module", "done")
    assert _progress(page, "list-pathway") == (1, 2)
    violations = axe_violations(page)
    assert violations == [], describe(violations)
