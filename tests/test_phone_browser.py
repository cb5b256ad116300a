"""Every page type on a phone (320 and 375 px) and an office PC (1,280 px), under a sub-path.

The example academy is served from ``/portal/``, as on a project site or an
intranet folder. At each width: the page never scrolls sideways, axe-core finds
no WCAG 2.2 AA violation, and wide tables scroll inside their own box with the
first column kept in view and a cue that more lies to the right. Also: the
chooser's focus ring against the page, the printed pages' contrast, and the
layout shift when scripts reveal the chooser and the calendar filters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from qisite.model import Curriculum
from qisite.site import paths
from tests.browser import (
    LAYOUT_SHIFTS,
    axe_violations,
    describe,
    serve_under_sub_path,
    tab_to,
)
from tests.pagechecks import curriculum_of, url_of
from tests.sitebuild import BuiltSite

pytestmark = pytest.mark.browser

WIDTHS = (320, 375, 1280)
SUB_PATH = "portal/"


def busiest_month(site: BuiltSite) -> str:
    """The calendar month page that lists the most sittings."""
    months = sorted((site.site_dir / "calendar").glob("*/index.html"))
    assert months, "the example has no calendar month page"
    page = max(months, key=lambda p: p.read_text("utf-8").count("data-qisite-occurrence="))
    return f"calendar/{page.parent.name}/"


def page_types(curriculum: Curriculum, site: BuiltSite) -> dict[str, str]:
    audience = max(
        curriculum.audiences, key=lambda a: sum(a.id in m.audiences for m in curriculum.modules)
    )
    return {
        "home": url_of(paths.HOME),
        "pathway": url_of(paths.pathway(audience.id)),
        "module": url_of(paths.module(curriculum.modules[0].id)),
        "month": busiest_month(site),
        "matrix": url_of(paths.MATRIX),
        "matrix-group": url_of(paths.matrix_group(audience.id)),
        "capacity": url_of(paths.CAPACITY),
        "my-learning": url_of(paths.MY_LEARNING),
    }


KINDS = ("home", "pathway", "module", "month", "matrix", "matrix-group", "capacity", "my-learning")


@pytest.fixture(scope="module")
def portal(example_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example site served under a sub-path; yields the URL of its home page."""
    root = tmp_path_factory.mktemp("served")
    with serve_under_sub_path(example_site.site_dir, root, SUB_PATH) as url:
        yield url


@pytest.fixture(scope="module")
def urls(example_site: BuiltSite) -> dict[str, str]:
    return page_types(curriculum_of(example_site), example_site)


def open_at(browser: Any, width: int, java_script: bool = True) -> Any:
    context = browser.new_context(
        viewport={"width": width, "height": 800}, java_script_enabled=java_script
    )
    return context.new_page()


@pytest.fixture
def sized(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A page at the width given by the test's ``width`` parameter."""
    page = open_at(browser, request.node.callspec.params["width"])
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.failed = failed  # type: ignore[attr-defined]
    yield page
    page.context.close()


def visit(page: Any, portal: str, url: str) -> None:
    page.goto(portal + url)
    page.wait_for_load_state("load")
    assert page.failed == [], f"missing under the sub-path: {page.failed}"


# ---------- no sideways scrolling of the page ----------


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", KINDS)
def test_page_is_no_wider_than_the_screen(
    sized: Any, portal: str, urls: dict[str, str], kind: str, width: int
) -> None:
    visit(sized, portal, urls[kind])
    scroll, client = sized.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert client <= width
    assert scroll == client, f"{kind} at {width} px is {scroll} px wide"


# ---------- axe-core ----------

@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", KINDS)
def test_axe_finds_no_wcag_violation(
    sized: Any, portal: str, urls: dict[str, str], kind: str, width: int
) -> None:
    """Every rule but one; scrollable-region-focusable has its own test below."""
    visit(sized, portal, urls[kind])
    violations = [
        v for v in axe_violations(sized) if v["id"] != "scrollable-region-focusable"
    ]
    assert not violations, describe(violations)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", KINDS)
def test_every_scrolling_box_can_be_reached_by_keyboard(
    sized: Any, portal: str, urls: dict[str, str], kind: str, width: int
) -> None:
    visit(sized, portal, urls[kind])
    violations = [
        v for v in axe_violations(sized) if v["id"] == "scrollable-region-focusable"
    ]
    assert not violations, describe(violations)


# ---------- wide tables ----------

SCROLL_BOXES = ".qisite-scroll"

TABLE_BOXES = """
(selector) => Array.from(document.querySelectorAll('article table')).map((table) => {
  let box = table;  // the nearest box that scrolls sideways, the table itself included
  while (box && !/auto|scroll/.test(getComputedStyle(box).overflowX)) box = box.parentElement;
  const page = document.documentElement.clientWidth;
  if (!box || !box.matches(selector)) {
    return {boxed: false, right: table.getBoundingClientRect().right, page};
  }
  return {
    boxed: true,
    wider: box.scrollWidth > box.clientWidth + 1,
    right: box.getBoundingClientRect().right,
    page,
  };
})
"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", ["matrix", "capacity", "module"])
def test_wide_tables_scroll_inside_their_own_box(
    sized: Any, portal: str, urls: dict[str, str], kind: str, width: int
) -> None:
    visit(sized, portal, urls[kind])
    boxes = sized.evaluate(TABLE_BOXES, SCROLL_BOXES)
    assert boxes, f"no table on the {kind} page"
    for box in boxes:
        assert box["boxed"], f"a table on {kind} is not in a scrolling box"
        assert box["right"] <= box["page"] + 0.5, f"a table's box runs off the {width} px screen"
    if width <= 375 and kind != "module":  # on a phone these tables are wider than the screen
        assert any(box["wider"] for box in boxes), f"no table on {kind} overflows at {width} px"


def widest_box(page: Any) -> Any:
    boxes = page.locator(f"article :is({SCROLL_BOXES})")
    widths = boxes.evaluate_all(
        "els => els.map(e => getComputedStyle(e).overflowX === 'auto'"
        " ? e.scrollWidth - e.clientWidth : -1)"
    )
    return boxes.nth(widths.index(max(widths)))


FIRST_COLUMN = """
(box) => {
  const cell = box.querySelector('tbody tr > :first-child');
  return {box: box.getBoundingClientRect().left, cell: cell.getBoundingClientRect().left,
          shadow: getComputedStyle(cell).boxShadow, mask: getComputedStyle(box).maskImage,
          scrolled: box.scrollLeft, room: box.scrollWidth - box.clientWidth};
}
"""


def fade(mask: str) -> float:
    """How far in from the right edge the fade reaches (0 when there is none)."""
    if mask == "none":
        return 0.0
    found = re.search(r"rgb\(0, 0, 0\) (-?[\d.]+)px", mask)
    assert found, f"unexpected mask {mask}"
    return float(found.group(1))


def blur_radii(shadow: str) -> list[float]:
    """The blur of each shadow in a computed box-shadow (colour first, then lengths)."""
    radii = []
    for part in re.split(r",\s*(?![^()]*\))", shadow):
        lengths = [float(n) for n in re.findall(r"(-?[\d.]+)px", part)]
        if len(lengths) >= 3:
            radii.append(lengths[2])
    return radii


@pytest.mark.parametrize("width", [320, 375])
@pytest.mark.parametrize("kind", ["matrix", "capacity"])
def test_first_column_stays_and_cues_show_what_is_out_of_view(
    sized: Any, portal: str, urls: dict[str, str], kind: str, width: int
) -> None:
    visit(sized, portal, urls[kind])
    box = widest_box(sized)
    start = box.evaluate(FIRST_COLUMN)
    assert start["room"] > 0
    assert fade(start["mask"]) > 0, "no cue that columns lie to the right"
    assert max(blur_radii(start["shadow"])) == 0, "a shadow before anything scrolled under"
    box.evaluate("box => { box.scrollLeft = box.scrollWidth; }")
    sized.wait_for_timeout(100)
    end = box.evaluate(FIRST_COLUMN)
    assert end["scrolled"] > 0
    assert abs(end["cell"] - end["box"]) < 1, "the first column scrolled out of view"
    assert max(blur_radii(end["shadow"])) > 0, "no cue that columns lie under the first one"
    assert fade(end["mask"]) == 0, "the fade stays when nothing is left to the right"


def test_a_box_that_fits_shows_no_cue(browser: Any, portal: str, urls: dict[str, str]) -> None:
    page = open_at(browser, 1280)
    try:
        page.goto(portal + urls["capacity"])
        boxes = page.locator(f"article :is({SCROLL_BOXES})")
        fitting = [
            boxes.nth(i)
            for i in range(boxes.count())
            if boxes.nth(i).evaluate(
                "e => getComputedStyle(e).overflowX === 'auto' && e.scrollWidth <= e.clientWidth"
            )
        ]
        assert fitting, "every table on capacity overflows at 1,280 px"
        for box in fitting:
            style = box.evaluate(FIRST_COLUMN)
            assert max(blur_radii(style["shadow"])) == 0
            assert fade(style["mask"]) == 0
    finally:
        page.context.close()


@pytest.mark.parametrize("java_script", [False, True], ids=["no-script", "script"])
def test_matrix_groups_open_by_keyboard(
    browser: Any, portal: str, urls: dict[str, str], java_script: bool
) -> None:
    """On a 320 px phone, with scripts off or on, the keyboard reaches each staff group's
    link on the matrix page and Enter opens the group's page, which shows every domain and
    fits the screen; (with the scripts axe needs) axe finds nothing on it."""
    page = open_at(browser, 320, java_script=java_script)
    try:
        page.goto(portal + urls["matrix"])
        links = page.locator("ul.qisite-matrix-groups a")
        names = links.all_inner_texts()
        assert len(names) >= 2
        domains = page.locator("table.qisite-matrix tbody tr").count()
        for index, name in enumerate(names):
            page.goto(portal + urls["matrix"])
            target = links.nth(index)
            tab_to(page, target, 300, f"the link to {name}")
            page.keyboard.press("Enter")
            page.wait_for_selector("[data-qisite-matrix-group]")
            assert page.locator("article h1").inner_text().endswith(name)
            cells = page.locator("dl.qisite-matrix-cells dd")
            assert cells.count() == domains and cells.first.is_visible()
            scroll, client = page.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            assert scroll == client == 320
        if java_script:
            violations = axe_violations(page)
            assert not violations, describe(violations)
    finally:
        page.context.close()


@pytest.mark.parametrize("kind", ["home", "matrix"])
def test_search_dialog_has_a_name(
    browser: Any, portal: str, urls: dict[str, str], kind: str
) -> None:
    """axe's aria-dialog-name (a rule Lighthouse scores, outside the WCAG tags above)."""
    from axe_playwright_python.sync_playwright import Axe

    page = open_at(browser, 375)
    try:
        page.goto(portal + urls[kind])
        assert page.locator("div.md-search[role=dialog]").get_attribute("aria-label") == "Search"
        results = Axe().run(
            page,
            options={"runOnly": {"type": "rule", "values": ["aria-dialog-name"]},
                     "resultTypes": ["violations", "passes"]},
        )
        assert not results.response["violations"], describe(results.response["violations"])
        assert results.response["passes"], "axe found no dialog to check"
    finally:
        page.context.close()


# ---------- focus ring, print ----------


def luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def parse_colour(text: str, under: tuple[float, float, float]) -> tuple[float, float, float]:
    """A computed rgb()/rgba() colour, laid over ``under`` when it is see-through."""
    numbers = [float(n) for n in re.findall(r"[\d.]+", text)]
    alpha = numbers[3] if len(numbers) > 3 else 1.0
    r, g, b = (numbers[i] * alpha + under[i] * (1 - alpha) for i in range(3))
    return (r, g, b)


def contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("width", [375, 1280])
def test_chooser_focus_ring_stands_out_from_the_page(
    sized: Any, portal: str, urls: dict[str, str], width: int
) -> None:
    visit(sized, portal, urls["home"])
    white = (255.0, 255.0, 255.0)
    page_colour = parse_colour(
        sized.evaluate("getComputedStyle(document.body).backgroundColor"), white
    )
    reached = set()
    for _ in range(60):
        sized.keyboard.press("Tab")
        ring = sized.evaluate(
            "() => { const e = document.activeElement;"
            " if (!e.closest('[data-qisite-chooser-form]')) return null;"
            " const s = getComputedStyle(e);"
            " return {tag: e.tagName, style: s.outlineStyle, width: parseFloat(s.outlineWidth),"
            " colour: s.outlineColor}; }"
        )
        if ring is None:
            continue
        reached.add(ring["tag"])
        assert ring["style"] == "solid" and ring["width"] >= 2, ring
        ratio = contrast(parse_colour(ring["colour"], page_colour), page_colour)
        assert ratio >= 3, f"{ring['tag']} focus ring {ratio:.2f}:1 against the page"
        if reached >= {"INPUT", "SELECT", "BUTTON"}:
            break
    assert reached >= {"INPUT", "SELECT", "BUTTON"}, f"Tab reached only {reached}"


@pytest.mark.parametrize(
    ("kind", "selector"),
    [
        ("matrix", "article .qisite-scroll"),
        ("matrix", "article ul.qisite-matrix-groups a"),
        ("capacity", "article .qisite-scroll"),
        ("pathway", "article .qisite-mark__button"),
    ],
)
def test_focus_rings_of_scroll_boxes_sections_and_marks_stand_out(
    browser: Any, portal: str, urls: dict[str, str], kind: str, selector: str
) -> None:
    """Reached by Tab, each shows a ring of at least 2 px, 3:1 against the page."""
    page = open_at(browser, 375)
    try:
        page.goto(portal + urls[kind])
        page.wait_for_load_state("load")
        target = page.locator(selector).first
        white = (255.0, 255.0, 255.0)
        page_colour = parse_colour(
            page.evaluate("getComputedStyle(document.body).backgroundColor"), white
        )
        tab_to(page, target, 200, f"{selector} on {kind}")
        ring = target.evaluate(
            "e => { const s = getComputedStyle(e); return {style: s.outlineStyle,"
            " width: parseFloat(s.outlineWidth), colour: s.outlineColor}; }"
        )
        assert ring["style"] in ("solid", "auto") and ring["width"] >= 2, ring
        ratio = contrast(parse_colour(ring["colour"], page_colour), page_colour)
        assert ratio >= 3, f"{selector} focus ring {ratio:.2f}:1 against the page"
    finally:
        page.context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_header_shows_the_academy_in_nhs_blue_with_readable_text(
    sized: Any, portal: str, urls: dict[str, str], example_site: BuiltSite, width: int
) -> None:
    """The example uses the "nhs blue" preset: NHS Blue header, white text >= 4.5:1."""
    visit(sized, portal, urls["pathway"])
    academy = curriculum_of(example_site).academy.name
    assert sized.title().endswith(academy)
    header = sized.locator(".md-header")
    background = header.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background == "rgb(0, 94, 184)"
    white = (255.0, 255.0, 255.0)
    under = parse_colour(background, white)
    texts = sized.locator(".md-header__title .md-ellipsis, .md-header__button")
    assert texts.count() >= 2
    for i in range(texts.count()):
        if not texts.nth(i).is_visible():
            continue
        colour = parse_colour(texts.nth(i).evaluate("e => getComputedStyle(e).color"), under)
        ratio = contrast(colour, under)
        assert ratio >= 4.5, f"header text {ratio:.2f}:1 on NHS Blue"
    if width == 1280:  # the site name shows in the header until the page is scrolled
        topic = sized.locator(".md-header__topic").first.inner_text()
        assert academy in topic


@pytest.mark.parametrize("kind", KINDS)
def test_printed_page_keeps_its_contrast(
    browser: Any, portal: str, urls: dict[str, str], kind: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = open_at(browser, 1280)
    try:
        page.goto(portal + urls[kind])
        page.emulate_media(media="print", color_scheme="dark")
        assert page.evaluate("getComputedStyle(document.body).color") == "rgb(0, 0, 0)"
        results = Axe().run(
            page,
            options={"runOnly": {"type": "rule", "values": ["color-contrast"]},
                     "resultTypes": ["violations"]},
        )
        violations = list(results.response["violations"])
        assert not violations, describe(violations)
        scroll = page.locator(f"article :is({SCROLL_BOXES})")
        for i in range(scroll.count()):  # printed tables are whole, not cut at a scroll edge
            assert scroll.nth(i).evaluate("e => getComputedStyle(e).overflowX") == "visible"
    finally:
        page.context.close()


# ---------- layout shift ----------


@pytest.mark.parametrize("kind", KINDS)
def test_scripts_do_not_shift_the_page(
    browser: Any, portal: str, urls: dict[str, str], kind: str
) -> None:
    """Cumulative layout shift under 0.02 at 375 px (issue 14's goal for every page type)."""
    page = open_at(browser, 375)
    try:
        page.add_init_script(LAYOUT_SHIFTS)
        page.goto(portal + urls[kind])
        page.wait_for_load_state("load")
        page.wait_for_timeout(500)
        shifts = page.evaluate("window.__shifts")
        total = sum(s["value"] for s in shifts)
        assert total < 0.02, f"layout shift {total:.3f} on {kind}: {shifts}"
    finally:
        page.context.close()


@pytest.mark.parametrize("kind", ["pathway", "module", "my-learning"])
def test_learning_record_parts_are_in_place_but_take_no_room_without_scripts(
    browser: Any, portal: str, urls: dict[str, str], kind: str
) -> None:
    """The build writes the record's controls where they will stand; without scripts
    they do nothing, so they are not shown and leave no gap."""
    page = open_at(browser, 375, java_script=False)
    try:
        page.goto(portal + urls[kind])
        parts = page.locator("[data-qisite-needs-record]")
        assert parts.count() >= 1
        heights = parts.evaluate_all("els => els.map(e => e.getBoundingClientRect().height)")
        assert set(heights) == {0}
    finally:
        page.context.close()
    page = open_at(browser, 375)
    try:
        page.goto(portal + urls[kind])
        page.wait_for_load_state("load")
        shown = page.locator("[data-qisite-needs-record]").evaluate_all(
            "els => els.map(e => !e.hidden && getComputedStyle(e).visibility === 'visible')"
        )
        assert shown and all(shown)
    finally:
        page.context.close()


@pytest.mark.parametrize("kind", ["home", "month"])
def test_forms_scripts_reveal_take_no_room_without_scripts(
    browser: Any, portal: str, urls: dict[str, str], kind: str
) -> None:
    page = open_at(browser, 375, java_script=False)
    try:
        page.goto(portal + urls[kind])
        form = page.locator("[data-qisite-chooser-form], [data-qisite-calendar-filters]").first
        assert form.count() == 1
        assert form.evaluate("e => e.getBoundingClientRect().height") == 0
    finally:
        page.context.close()
