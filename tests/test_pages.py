"""Built sites, parsed: pathways, module pages, the matrix, links, escaping, other academies."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from qisite.site import paths
from tests.academies import FIXTURES, academy_with_gaps, second_academy_site
from tests.linkcheck import broken_links, outside_resources
from tests.pagechecks import (
    check_site,
    curriculum_of,
    followed,
    matrix_group_pages,
    url_of,
)
from tests.sitebuild import BuiltSite, build_project, build_site, make_project


def test_example_site_passes_every_structural_check(example_site: BuiltSite) -> None:
    check_site(example_site)


def test_example_site_has_at_least_one_pathway_with_modules(example_site: BuiltSite) -> None:
    # Guards the structural checks against passing vacuously on an empty curriculum.
    curriculum = curriculum_of(example_site)
    assert any(m.audiences for m in curriculum.modules)
    assert example_site.content(url_of(paths.MATRIX)).select("table.qisite-matrix td")


def test_nav_lists_index_pages_not_generated_pages(example_site: BuiltSite) -> None:
    curriculum = curriculum_of(example_site)
    nav = example_site.html(url_of(paths.MATRIX)).select_one("nav.md-nav--primary")
    assert nav is not None
    hrefs = [str(a["href"]) for a in nav.select("a[href]")]
    titles = {a.get_text(" ", strip=True) for a in nav.select("a")}
    assert {"Find your pathway", "Modules", "Dosing matrix", "Accessibility"} <= titles
    for module in curriculum.modules:
        assert not any(f"modules/{module.id}" in h for h in hrefs), module.id
    for audience in curriculum.audiences:
        assert not any(f"pathways/{audience.id}" in h for h in hrefs), audience.id


def test_pathway_shows_totals_dose_names_and_staff_groups(example_site: BuiltSite) -> None:
    curriculum = curriculum_of(example_site)
    for audience in curriculum.audiences:
        article = example_site.content(url_of(paths.pathway(audience.id)))
        assigned = [m for m in curriculum.modules if audience.id in m.audiences]
        total = sum(m.duration for m in assigned)
        if assigned:
            foot = article.select_one("table.qisite-totals tfoot td")
            assert foot is not None
            assert float(foot.get_text(strip=True)) == pytest.approx(total / 60, abs=0.05)
            groups = [
                th.get_text(strip=True) for th in article.select("table.qisite-totals tbody th")
            ]
            assert groups == ["E-learning", "Classroom", "Learning by doing", "Reading"]
        for item in article.select("[data-qisite-module]"):
            module = curriculum.modules_by_id[str(item["data-qisite-module"])]
            level = item.select_one(".qisite-level")
            assert level is not None
            assert level.get_text(strip=True) == curriculum.levels_by_id[module.dose].name
        facts = article.select_one("dl.qisite-facts").get_text(" ", strip=True)
        labels = {"clinical": "Clinical staff", "non-clinical": "Non-clinical staff"}
        for group in audience.staff_groups:
            assert labels[group] in facts
        for example in audience.examples:
            assert example in facts


def test_modules_index_groups_every_module_under_its_level(example_site: BuiltSite) -> None:
    curriculum = curriculum_of(example_site)
    article = example_site.content(url_of(paths.MODULES_INDEX))
    for level in curriculum.dose_levels:
        heading = article.find(id=f"level-{level.id}")
        assert heading is not None and heading.get_text(strip=True).startswith(level.name)
        listed = []
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            listed += [
                str(li["data-qisite-module"]) for li in sibling.select("[data-qisite-module]")
            ]
        assert listed == [m.id for m in curriculum.modules if m.dose == level.id]


def test_matrix_legend_lists_levels_in_order(example_site: BuiltSite) -> None:
    curriculum = curriculum_of(example_site)
    legend = example_site.content(url_of(paths.MATRIX)).select("dl.qisite-legend dt")
    assert [dt.get_text(strip=True) for dt in legend] == [lv.name for lv in curriculum.dose_levels]


def test_generated_tables_scroll_in_a_named_region_the_keyboard_reaches(
    example_site: BuiltSite,
) -> None:
    """Each table qisite writes sits in its own scrolling region (role, tabindex, named by
    its caption) and carries a class, so Material's script does not wrap it a second time."""
    curriculum = curriculum_of(example_site)
    pages = [
        paths.MATRIX,
        paths.CAPACITY,
        paths.PROJECTS_BY_STAGE,
        paths.target_progress("all-staff"),
        paths.IHI_OPEN_SCHOOL,
        *(paths.module(m.id) for m in curriculum.modules),
    ]
    for page in pages:
        article = example_site.content(url_of(page))
        tables = article.select("table")
        assert tables, f"no table on {page}"
        for table in tables:
            if "qisite-totals" in table.get("class", []):
                continue  # a pathway's two-column totals never overflow
            box = table.parent
            assert box.name == "div" and "qisite-scroll" in box.get("class", []), page
            assert box.get("role") == "region" and box.get("tabindex") == "0", page
            assert table.get("class"), f"a bare table on {page} that Material would wrap"
            named_by = article.find(id=box.get("aria-labelledby"))
            assert named_by is not None and named_by.get_text(strip=True), page
            caption = table.caption or named_by
            assert named_by is caption or named_by.get("id") == table.get("aria-labelledby")


def test_matrix_reads_one_staff_group_at_a_time_as_well_as_the_grid(
    example_site: BuiltSite,
) -> None:
    """The matrix page links each staff group to a page of its own, which holds the
    group's column of the grid, names its gaps, and leads to its pathway and its
    neighbours; each pathway links to its group's page. (check_site compares the cells.)"""
    curriculum = curriculum_of(example_site)
    start = url_of(paths.MATRIX)
    article = example_site.content(start)
    link = article.select_one('a[href="#qisite-by-group"]')
    assert link is not None and article.find(id="qisite-by-group") is not None
    assert article.select_one("nav.qisite-matrix-parts") is None  # a small grid: one page
    listed = article.select("ul.qisite-matrix-groups li")
    assert [li.a.get_text(strip=True) for li in listed] == [a.name for a in curriculum.audiences]
    groups = matrix_group_pages(example_site, use_directory_urls=True)
    pages = zip(curriculum.audiences, groups.values(), strict=True)
    for index, (audience, page) in enumerate(pages):
        gaps = len(page.select("dd.qisite-cell-gap"))
        assert ("gap" in listed[index].get_text()) == (gaps > 0)
        hrefs = {followed(url_of(paths.matrix_group(audience.id)), str(a["href"]))
                 for a in page.select("a[href]")}
        assert url_of(paths.pathway(audience.id)) in hrefs
        assert start in hrefs
        neighbours = curriculum.audiences[max(0, index - 1) : index + 2]
        assert {url_of(paths.matrix_group(a.id)) for a in neighbours} - hrefs <= {
            url_of(paths.matrix_group(audience.id))
        }
        pathway = example_site.content(url_of(paths.pathway(audience.id)))
        assert any(
            followed(url_of(paths.pathway(audience.id)), str(a["href"]))
            == url_of(paths.matrix_group(audience.id))
            for a in pathway.select("dl.qisite-facts a[href]")
        ), audience.id


def test_learning_record_controls_are_written_by_the_build(example_site: BuiltSite) -> None:
    """Pathway and module pages carry the record's progress bar and a placeholder for
    each control from the start (hidden until the script fills and shows them): the
    placeholder names only the control's kind (the script reads the id and name from the
    card, page or link it stands in or after, which is checked in the browser), and holds
    the visible words that keep its room, so nothing moves when the script runs; those
    words stay out of the search index."""
    curriculum = curriculum_of(example_site)
    for pathway in curriculum.audiences:
        article = example_site.content(url_of(paths.pathway(pathway.id)))
        bar = article.select_one(f'[data-qisite-progress="{pathway.id}"][hidden]')
        assert bar is not None and bar.select_one("progress") is not None
        for card in article.select("li[data-qisite-module]"):
            control = card.select_one('[data-qisite-control="modules"][hidden]')
            assert control is not None
            assert not {"data-qisite-id", "data-qisite-name"} & set(control.attrs)
            module = curriculum.modules_by_id[card["data-qisite-module"]]
            assert card.select_one("h3").get_text() == module.title
            # Only the words that take room: the script adds names, states and events.
            assert [b.get_text() for b in control.select("button")] == ["Done", "In progress"]
            assert control.select_one("span").get_text() == "Not started"
            added_by_script = "[aria-pressed], [data-qisite-mark], .qisite-visually-hidden"
            assert control.select(added_by_script) == []
    module = curriculum.modules[0]
    article = example_site.content(url_of(paths.module(module.id)))
    page = article.select_one(f'[data-qisite-module-page="{module.id}"]')
    assert page is not None
    first = page.find(True)
    assert first.get("data-qisite-control") == "modules" and first.has_attr("hidden")
    for link in article.select("a[data-qisite-ihi]"):
        mark = link.find_next_sibling()
        assert mark["data-qisite-control"] == "courses"
        assert not {"data-qisite-id", "data-qisite-name"} & set(mark.attrs)
        assert [b.get_text() for b in mark.select("button")] == ["Done"]
    index = json.loads((example_site.site_dir / "search" / "search_index.json").read_text("utf-8"))
    for entry in index["docs"]:
        if entry["location"].startswith(("pathways/", "modules/")):
            assert "Not started" not in entry["text"], entry["location"]


MODULE_BODY = """## From the organisers

This text is *Markdown*. See [how dosing works](../dosing.md).
"""


def test_module_body_is_rendered_as_markdown_inside_the_module_page(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    curriculum = curriculum_of(BuiltSite(root, root / "site"))
    module = curriculum.modules[0]
    shutil.rmtree(root / "content" / "modules", ignore_errors=True)
    body = root / "content" / paths.module_body(module.id)
    body.parent.mkdir(parents=True, exist_ok=True)
    body.write_text(MODULE_BODY, encoding="utf-8")
    site = build_project(root)
    container = site.content(url_of(paths.module(module.id))).select_one(
        f'[data-qisite-module-page="{module.id}"]'
    )
    assert container is not None
    assert container.select_one("h2#from-the-organisers") is not None
    assert container.select_one("em").get_text() == "Markdown"
    assert container.select_one('a[href="../../dosing/"]') is not None
    assert broken_links(site.site_dir) == []


HOSTILE = "<script>alert(1)</script> \"onmouseover=alert(2) x='"


def hostile_curriculum() -> str:
    data = yaml.safe_load((FIXTURES / "second-academy.yaml").read_text(encoding="utf-8"))
    data["academy"]["name"] += HOSTILE
    data["dose_levels"][0]["name"] += HOSTILE
    data["dose_levels"][0]["description"] = HOSTILE
    data["domains"][0]["name"] += HOSTILE
    for audience in data["audiences"]:
        audience["name"] += HOSTILE
        audience["examples"] = [HOSTILE]
        audience["description"] = HOSTILE
    for module in data["modules"]:
        module["title"] += HOSTILE
        module["summary"] = HOSTILE
        module["outcomes"] = [HOSTILE]
    return yaml.safe_dump(data, sort_keys=False)


def test_curriculum_text_is_escaped_everywhere(tmp_path: Path) -> None:
    root = make_project(tmp_path, curriculum=hostile_curriculum())
    shutil.rmtree(root / "content" / "modules", ignore_errors=True)
    site = build_project(root)
    pages = sorted(site.site_dir.rglob("*.html"))
    generated = [p for p in pages if "pathways" in p.parts or "modules" in p.parts]
    assert len(generated) >= 8
    for page in pages:
        soup = site.html(page.relative_to(site.site_dir).as_posix())
        injected = [s for s in soup.find_all("script") if "alert(" in (s.string or "")]
        assert injected == [], page
        assert soup.find_all(attrs={"onmouseover": True}) == [], page
    # The text is still there, as text, on a module page and in its <title>.
    curriculum = curriculum_of(site)
    module = curriculum.modules[0]
    soup = site.html(url_of(paths.module(module.id)))
    assert soup.select_one("article h1").get_text() == module.title
    assert module.title in soup.title.get_text()


def test_second_academy_builds_strict_and_passes_the_same_checks(tmp_path: Path) -> None:
    site = second_academy_site(tmp_path)
    assert site.warnings() == []
    check_site(site)
    curriculum = curriculum_of(site)
    assert [level.name for level in curriculum.dose_levels] == ["Bronze", "Silver", "Gold"]
    legend = site.content(url_of(paths.MATRIX)).select("dl.qisite-legend dt")
    assert [dt.get_text(strip=True) for dt in legend] == ["Bronze", "Silver", "Gold"]


def test_matrix_marks_gaps_in_words(tmp_path: Path) -> None:
    site = second_academy_site(tmp_path, strict=False, text=academy_with_gaps())
    assert any("gap in the plan" in w for w in site.warnings())
    check_site(site)  # includes the gap wording of every cell
    article = site.content(url_of(paths.MATRIX))
    gaps = [li.get_text(" ", strip=True) for li in article.select(".qisite-gap-list li")]
    assert len(gaps) == 2
    assert any("planned Gold, delivered Silver" in g for g in gaps)
    assert any("planned Silver, delivered nothing" in g for g in gaps)
    assert len(article.select("td.qisite-cell-gap")) == 2


def test_plain_folder_build_without_directory_urls_has_working_links(tmp_path: Path) -> None:
    site = second_academy_site(tmp_path, config={"use_directory_urls": False})
    assert (site.site_dir / "pathways" / "community-nurses.html").is_file()
    assert (site.site_dir / "dosing-matrix.html").is_file()
    check_site(site, use_directory_urls=False)


def test_example_plain_folder_build_links_resolve(tmp_path: Path) -> None:
    site = build_site(tmp_path, config={"use_directory_urls": False})
    check_site(site, use_directory_urls=False)


def test_link_checker_reports_broken_and_absolute_links(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<p id="here"></p><a href="../b/">b</a><a href="/a/">abs</a><a href="#here">ok</a>'
        '<a href="#nowhere">bad fragment</a><a href="https://example.org/">out</a>'
        '<script src="https://cdn.example.org/x.js"></script>',
        encoding="utf-8",
    )
    problems = broken_links(tmp_path)
    assert len(problems) == 3
    assert any("../b/" in p for p in problems)
    assert any("absolute" in p for p in problems)
    assert any("nowhere" in p for p in problems)
    assert outside_resources(tmp_path) == [
        "a/index.html: <script src=https://cdn.example.org/x.js>"
    ]
