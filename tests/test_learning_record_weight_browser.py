"""What the learning record costs a page, in a real browser (issue 14).

My learning carries no catalogue of pathways, modules and courses: it names a script
that holds them, which the record loads only when there are marks to list, after the
first paint, from a web server under a sub-path or from a plain folder. The controls
are written as placeholders the script fills, in the room they will take.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from typing import Any

import pytest

from qisite.site import paths
from qisite.views.pathways import all_pathways
from tests.browser import LAYOUT_SHIFTS, axe_violations, describe, serve_under_sub_path
from tests.pagechecks import curriculum_of, url_of
from tests.sitebuild import BuiltSite

pytestmark = pytest.mark.browser

KEY = "qisite.learning-record.v1:riverside-qi-academy"
SUB_PATH = "portal/"
DATA_FILE = "assets/qisite/learning-data.js"


@pytest.fixture(scope="module")
def portal(example_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example academy served under a sub-path, as on a project site."""
    root = tmp_path_factory.mktemp("served")
    with serve_under_sub_path(example_site.site_dir, root, SUB_PATH) as url:
        yield url


def _requests(page: Any) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


def _a_marked_record(site: BuiltSite) -> tuple[dict[str, Any], str, str, list[str]]:
    """A record with one module done and one course done; the module's title and its
    course's code, and the pathways that have the module."""
    curriculum = curriculum_of(site)
    module = next(m for m in curriculum.modules if m.ihi_open_school)
    code = module.ihi_open_school[0]
    record = {
        "schema": 1,
        "modules": {module.id: {"state": "done", "date": "2026-01-05"}},
        "courses": {code: {"state": "done", "date": "2026-01-06"}},
    }
    having = [p.audience.id for p in all_pathways(curriculum) if module in p.modules]
    assert having, "the example needs a module with an IHI course on a pathway"
    return record, module.title, code, having


def _store(page: Any, record: dict[str, Any]) -> None:
    page.evaluate(
        "([key, text]) => window.localStorage.setItem(key, text)", [KEY, json.dumps(record)]
    )


def _wait_for_lists(page: Any) -> None:
    page.wait_for_function(
        "() => !document.querySelector('[data-qisite-learning-modules]').hidden"
    )


def test_a_first_visit_with_nothing_marked_loads_no_catalogue(page: Any, portal: str) -> None:
    seen = _requests(page)
    page.goto(portal + url_of(paths.MY_LEARNING))
    page.wait_for_load_state("load")
    _wait_for_lists(page)
    page.wait_for_timeout(300)  # the record would have asked for it by now
    assert not [url for url in seen if "learning-data" in url], seen
    assert page.evaluate("() => window.qisiteLearningData") is None
    modules = page.locator("[data-qisite-learning-modules]")
    assert modules.inner_text().startswith("Nothing marked yet")
    pathways = page.locator("[data-qisite-learning-pathways]")
    assert pathways.is_visible() and pathways.inner_text().startswith("Nothing marked on any")
    assert pathways.get_by_role("link", name="pathways").get_attribute("href") == "../pathways/"
    assert page.locator("[data-qisite-learning-pathway]").count() == 0
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    assert page.outside_requests == []


def _late_first_paint(page: Any, address: str) -> None:
    """Holds the first paint of the page at ``address`` back until its scripts have run,
    as on a slow computer: a render-blocking script that takes a second to arrive."""

    def slowly(route: Any) -> None:
        time.sleep(1)
        route.fulfill(content_type="text/javascript", body="window.__late = true;")

    def held_back(route: Any) -> None:
        html = route.fetch().text()
        blocker = '<script async blocking="render" src="/late-first-paint.js"></script>'
        route.fulfill(content_type="text/html", body=html.replace("<head>", "<head>" + blocker, 1))

    page.route("**/late-first-paint.js", slowly)
    page.route(address, held_back)


def test_marks_load_the_catalogue_after_the_first_paint_and_list_against_it(
    page: Any, portal: str, example_site: BuiltSite
) -> None:
    record, title, code, having = _a_marked_record(example_site)
    address = portal + url_of(paths.MY_LEARNING)
    page.goto(address)
    _store(page, record)
    _late_first_paint(page, address)
    seen = _requests(page)
    page.reload()
    page.wait_for_selector("[data-qisite-learning-modules] table")
    asked = [url for url in seen if "learning-data" in url]
    assert len(asked) == 1 and asked[0].startswith(portal + DATA_FILE + "?v="), seen

    # Asked for only once the page had painted: Lighthouse counts every script that
    # finished before the first paint in the time to it.
    timing = page.evaluate(
        """(address) => ({
            late: window.__late === true,
            paint: performance.getEntriesByName('first-paint')[0].startTime,
            asked: performance.getEntriesByName(address)[0].startTime})""",
        asked[0],
    )
    assert timing["late"] and timing["paint"] > 900, timing
    assert timing["asked"] > timing["paint"], timing

    modules = page.locator("[data-qisite-learning-modules] table")
    link = modules.get_by_role("link", name=title)
    assert link.count() == 1
    assert link.get_attribute("href").startswith("../modules/")
    assert "no longer in the curriculum" not in modules.inner_text()
    courses = page.locator("[data-qisite-learning-courses] table").inner_text()
    assert code in courses and "no longer in the curriculum" not in courses
    # The pathways with something marked, and only those, each linked, with its counts,
    # on screen and in the printout; the sentence for an empty record is gone.
    pathways = page.locator("[data-qisite-learning-pathways]")
    assert not pathways.locator("p").is_visible()
    for media in ("screen", "print"):
        page.emulate_media(media=media)
        items = page.locator("[data-qisite-learning-pathway]")
        listed = [
            items.nth(i).get_attribute("data-qisite-learning-pathway")
            for i in range(items.count())
            if items.nth(i).is_visible()
        ]
        assert listed == having, media
    page.emulate_media(media="screen")
    for audience_id in having:
        item = page.locator(f'[data-qisite-learning-pathway="{audience_id}"]')
        assert item.locator("a").get_attribute("href") == f"../pathways/{audience_id}/"
        assert item.locator("progress + span").inner_text().startswith("1 of")
        assert item.locator("progress").get_attribute("value") == "1"
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    assert page.outside_requests == []


@pytest.mark.parametrize("width", [375, 1280])
def test_listing_the_marks_moves_nothing_in_view(
    browser: Any, portal: str, example_site: BuiltSite, width: int
) -> None:
    """The lists grow once the catalogue arrives, after the first paint: the record is
    shown in one go when they are filled, so no heading or button already seen is
    pushed down (on a first visit, with nothing marked, nothing moves either: see
    test_phone_browser)."""
    record, title, _, having = _a_marked_record(example_site)
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        address = portal + url_of(paths.MY_LEARNING)
        page.goto(address)
        _store(page, record)
        page.add_init_script(LAYOUT_SHIFTS)
        page.reload()
        page.wait_for_selector("[data-qisite-learning-modules] table")
        page.wait_for_timeout(300)
        shifts = page.evaluate("window.__shifts")
        total = sum(s["value"] for s in shifts)
        assert total < 0.02, f"layout shift {total:.3f}: {shifts}"
        assert page.locator("[data-qisite-learning-pathway]").count() == len(having)
        assert page.get_by_role("link", name=title).is_visible()
        assert page.get_by_role("button", name="Clear my data").is_visible()
    finally:
        context.close()


def test_loading_a_file_on_a_fresh_page_loads_the_catalogue(
    page: Any, portal: str, example_site: BuiltSite
) -> None:
    record, title, _, _ = _a_marked_record(example_site)
    seen = _requests(page)
    page.goto(portal + url_of(paths.MY_LEARNING))
    _wait_for_lists(page)
    assert not [url for url in seen if "learning-data" in url]
    page.get_by_label("Load a record file (.json)").set_input_files(
        {"name": "r.json", "mimeType": "application/json", "buffer": json.dumps(record).encode()}
    )
    page.wait_for_selector("[data-qisite-learning-modules] table")
    assert page.locator("[data-qisite-learning-modules] table").get_by_role(
        "link", name=title
    ).count() == 1
    assert len([url for url in seen if "learning-data" in url]) == 1


def test_my_learning_works_from_a_plain_folder(
    page: Any, example_site: BuiltSite
) -> None:
    record, title, _, having = _a_marked_record(example_site)
    address = (example_site.site_dir / "my-learning" / "index.html").as_uri()
    seen = _requests(page)
    page.goto(address)
    _store(page, record)
    page.reload()
    page.wait_for_selector("[data-qisite-learning-modules] table")
    asked = [url for url in seen if "learning-data" in url]
    assert asked and all(url.startswith("file://") for url in asked), seen
    link = page.locator("[data-qisite-learning-modules] table").get_by_role("link", name=title)
    assert link.count() == 1
    item = page.locator(f'[data-qisite-learning-pathway="{having[0]}"]')
    assert item.locator("progress + span").inner_text().startswith("1 of")
    assert page.outside_requests == []


def test_without_its_catalogue_my_learning_lists_marks_by_id_and_says_why(
    page: Any, portal: str, example_site: BuiltSite
) -> None:
    record, title, code, _ = _a_marked_record(example_site)
    page.route("**/learning-data.js*", lambda route: route.abort())
    page.goto(portal + url_of(paths.MY_LEARNING))
    _store(page, record)
    page.reload()
    page.wait_for_selector("[data-qisite-learning-modules] table")
    module_id = next(iter(record["modules"]))
    table = page.locator("[data-qisite-learning-modules] table").inner_text()
    assert module_id in table and title not in table
    assert "no longer in the curriculum" not in table
    assert code in page.locator("[data-qisite-learning-courses] table").inner_text()
    message = page.locator("[data-qisite-learning-message]").inner_text()
    assert "could not be loaded" in message
    pathways = page.locator("[data-qisite-learning-pathways]")
    assert pathways.evaluate("e => e.getBoundingClientRect().height") == 0  # counts unknown


# ---------- the controls: placeholders filled in their own room ----------

GEOMETRY = """() => Array.from(document.querySelectorAll(
    'article .qisite-mark, article .qisite-mark ~ *, article h2, article h3, footer'))
    .map(e => { const r = e.getBoundingClientRect();
                return [r.x, r.y, r.width, r.height].map(v => Math.round(v * 10) / 10); })"""


def _geometry(browser: Any, address: str, width: int, script: bool) -> list[list[float]]:
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        if not script:  # scripts run, but the record's never arrives: the first paint
            context.route("**/assets/qisite/bundles/*.js", lambda route: route.abort())
        page = context.new_page()
        page.goto(address)
        page.wait_for_load_state("load")
        filled = page.locator("article [data-qisite-control][data-qisite-filled]").count()
        marks = page.locator("article .qisite-mark")
        assert marks.count() >= 1
        if script:
            page.wait_for_function("() => !document.querySelector('article .qisite-mark').hidden")
            unfilled = page.locator("article [data-qisite-control]:not([data-qisite-filled])")
            assert unfilled.count() == 0
        else:
            assert filled == 0
            room = marks.evaluate_all(
                "els => els.map(e => [e.getBoundingClientRect().height,"
                " getComputedStyle(e).visibility])"
            )
            assert all(height > 20 and seen == "hidden" for height, seen in room), room
        found: list[list[float]] = page.evaluate(GEOMETRY)
        return found
    finally:
        context.close()


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("kind", ["pathway", "module", "ihi"])
def test_filled_controls_take_exactly_the_room_their_placeholders_kept(
    browser: Any, portal: str, example_site: BuiltSite, kind: str, width: int
) -> None:
    curriculum = curriculum_of(example_site)
    audience = max(
        curriculum.audiences, key=lambda a: sum(a.id in m.audiences for m in curriculum.modules)
    )
    module = next(m for m in curriculum.modules if m.ihi_open_school)
    address = portal + {
        "pathway": url_of(paths.pathway(audience.id)),
        "module": url_of(paths.module(module.id)),
        "ihi": url_of(paths.IHI_OPEN_SCHOOL),
    }[kind]
    before = _geometry(browser, address, width, script=False)
    after = _geometry(browser, address, width, script=True)
    assert len(before) == len(after) > 1
    moved = [(i, a, b) for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert moved == []


def test_filled_controls_have_the_names_they_had(
    page: Any, portal: str, example_site: BuiltSite
) -> None:
    curriculum = curriculum_of(example_site)
    module = next(m for m in curriculum.modules if m.ihi_open_school)
    page.goto(portal + url_of(paths.module(module.id)))
    group = page.locator(f'[data-qisite-module-page="{module.id}"] [data-qisite-control]').first
    page.wait_for_selector(f'[data-qisite-module-page="{module.id}"] [data-qisite-filled]')
    assert group.get_attribute("role") == "group"
    assert group.get_attribute("aria-label") == f"My progress: {module.title}"
    for state in ("Done", "In progress"):
        # As the build wrote them before: the word, then ": " and the title, hidden from
        # sight (Chromium names the button "Done : title", with a space, as it did).
        name = re.compile(rf"^{state} ?: {re.escape(module.title)}$")
        button = group.get_by_role("button", name=name)
        assert button.count() == 1 and button.get_attribute("aria-pressed") == "false"
        assert button.evaluate("e => e.textContent") == f"{state}: {module.title}"
    assert group.locator("[data-qisite-status]").inner_text() == "Not started"
    link = page.locator("article a[data-qisite-ihi]").first
    code = link.get_attribute("data-qisite-ihi")
    course = page.locator(f'button[data-qisite-kind="courses"][data-qisite-id="{code}"]').first
    assert course.evaluate("e => e.textContent") == f"Done: {link.inner_text()}"
    group.locator('button[data-qisite-mark="done"]').click()
    assert "Done on" in group.locator("[data-qisite-status]").inner_text()
    violations = axe_violations(page)
    assert violations == [], describe(violations)


@pytest.mark.parametrize("kind", ["pathway", "ihi"])
def test_every_filled_control_is_named_for_the_card_or_link_it_stands_in(
    page: Any, portal: str, example_site: BuiltSite, kind: str
) -> None:
    """The build's placeholders carry no id or name: the script reads them from the module
    card a control sits in, or the course link it follows. Every control on a long pathway
    and on the IHI page ends up with its own module's or course's id and name."""
    curriculum = curriculum_of(example_site)
    audience = max(
        curriculum.audiences, key=lambda a: sum(a.id in m.audiences for m in curriculum.modules)
    )
    address = url_of(paths.pathway(audience.id) if kind == "pathway" else paths.IHI_OPEN_SCHOOL)
    page.goto(portal + address)
    page.wait_for_selector("[data-qisite-control][data-qisite-filled]")
    seen = page.evaluate(
        """() => {
          const text = (n) => n.textContent.replace(/\\s+/g, " ").trim();
          const modules = [...document.querySelectorAll("li[data-qisite-module]")].map((card) => {
            const control = card.querySelector(':scope > [data-qisite-control="modules"]');
            return [card.dataset.qisiteModule, text(card.querySelector("h3")),
                    control.dataset.qisiteId, control.getAttribute("aria-label")];
          });
          const courses = [...document.querySelectorAll("article a[data-qisite-ihi]")].map((a) => {
            const control = a.nextElementSibling;
            return [a.dataset.qisiteIhi, text(a), control.dataset.qisiteId,
                    text(control.querySelector('[data-qisite-mark="done"]'))];
          });
          return {modules, courses};
        }"""
    )
    if kind == "pathway":
        assert len(seen["modules"]) >= 5
    assert seen["courses"], "the page links IHI Open School courses"
    for module_id, title, control_id, label in seen["modules"]:
        assert (control_id, label) == (module_id, f"My progress: {title}")
    for code, name, control_id, done in seen["courses"]:
        assert (control_id, done) == (code, f"Done: {name}")
    violations = axe_violations(page)
    assert violations == [], describe(violations)


@pytest.mark.parametrize("holds_record", [False, True])
def test_my_learning_shows_an_empty_record_without_waiting_for_the_scripts(
    page: Any, portal: str, holds_record: bool
) -> None:
    """In a browser with no record there is nothing to list: the empty lists and the
    tools are shown as the page is drawn, even when no script file arrives. A browser
    that holds a record waits for the learning record's script, which lists it."""
    page.route("**/assets/**/*.js", lambda route: route.abort())
    address = portal + url_of(paths.MY_LEARNING)
    if holds_record:
        page.goto(address)
        page.evaluate(
            """localStorage.setItem("qisite.learning-record.v1:x",
               JSON.stringify({schema: 1, modules: {}, courses: {}}))"""
        )
    page.goto(address)
    record = page.locator("[data-qisite-my-learning] .qisite-learning-record")
    tools = page.get_by_role("button", name="Save my record to a file")
    if holds_record:
        assert record.get_attribute("hidden") is not None and not tools.is_visible()
    else:
        assert record.get_attribute("hidden") is None and tools.is_visible()
        empty = page.locator("[data-qisite-learning-modules]")
        assert empty.is_visible() and "Nothing marked yet" in empty.inner_text()
