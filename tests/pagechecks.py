"""Structural checks of the generated pages against a curriculum, shared by every academy's tests.

Expected values are computed here from the curriculum directly (not through
qisite's views), so a bug in a view cannot hide itself.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from bs4 import Tag

from qisite.inputs import inputs_of, load_inputs
from qisite.model import Curriculum
from qisite.site import paths
from qisite.site.urls import page_url
from tests.linkcheck import broken_links, outside_resources
from tests.sitebuild import BuiltSite


def curriculum_of(site: BuiltSite) -> Curriculum:
    return load_inputs(site.root / "curriculum.yaml").require().curriculum


def url_of(src_uri: str, use_directory_urls: bool = True) -> str:
    url = page_url(src_uri, use_directory_urls)
    return "" if url == "./" else url


LEARNING_DATA = re.compile(r"^window\.qisiteLearningData = (\{.*\});$", re.MULTILINE | re.DOTALL)


def learning_data_file(site: BuiltSite, url_path: str) -> Path:
    """The script My learning (at ``url_path``) names as its catalogue, as a file."""
    page = site.html(url_path).select_one("[data-qisite-my-learning]")
    assert page is not None, f"no My learning container on {url_path}"
    address = urlsplit(str(page["data-qisite-my-learning"]))
    assert not address.scheme and not address.netloc, address
    html_file = site.site_dir / url_path
    if url_path.endswith("/") or url_path == "":
        html_file = html_file / "index.html"
    found = (html_file.parent / address.path).resolve()
    assert found.is_file(), found
    return found


def learning_data(site: BuiltSite, url_path: str) -> dict[str, Any]:
    """What My learning lists a record against: the object its catalogue script sets."""
    text = learning_data_file(site, url_path).read_text(encoding="utf-8")
    match = LEARNING_DATA.search(text)
    assert match, text[:300]
    data: dict[str, Any] = json.loads(match[1])
    return data


def modules_on_pathway(site: BuiltSite, audience_id: str, use_directory_urls: bool) -> list[str]:
    article = site.content(url_of(paths.pathway(audience_id), use_directory_urls))
    container = article.select_one(f'[data-qisite-pathway="{audience_id}"]')
    assert container is not None, f"no pathway container for {audience_id}"
    return [str(item["data-qisite-module"]) for item in container.select("[data-qisite-module]")]


def check_pathways(site: BuiltSite, curriculum: Curriculum, use_directory_urls: bool) -> None:
    """Each audience lists exactly its modules, once each, prerequisites before followers."""
    for audience in curriculum.audiences:
        listed = modules_on_pathway(site, audience.id, use_directory_urls)
        expected = {m.id for m in curriculum.modules if audience.id in m.audiences}
        assert len(listed) == len(set(listed)), f"{audience.id}: a module is listed twice"
        assert set(listed) == expected, f"{audience.id}: listed {listed}, assigned {expected}"
        article = site.content(url_of(paths.pathway(audience.id), use_directory_urls))
        for item in article.select("[data-qisite-module]"):
            module = curriculum.modules_by_id[str(item["data-qisite-module"])]
            outside = [p for p in module.prerequisites if p not in expected]
            assert item.get_text().count("(not on this pathway)") == len(outside)
        position = {module_id: i for i, module_id in enumerate(listed)}
        for module_id in listed:
            for needed in curriculum.modules_by_id[module_id].prerequisites:
                if needed in position:
                    assert position[needed] < position[module_id], (
                        f"{audience.id}: {needed} must come before {module_id}"
                    )


def check_ihi_links(site: BuiltSite, curriculum: Curriculum, use_directory_urls: bool) -> None:
    catalogue = inputs_of(curriculum).catalogue
    for audience in curriculum.audiences:
        article = site.content(url_of(paths.pathway(audience.id), use_directory_urls))
        for item in article.select("[data-qisite-module]"):
            module = curriculum.modules_by_id[str(item["data-qisite-module"])]
            links = item.select("a[data-qisite-ihi]")
            assert [a["data-qisite-ihi"] for a in links] == module.ihi_open_school
            for link in links:
                code = str(link["data-qisite-ihi"])
                assert link["href"] == catalogue.url_for(code)
                assert catalogue.courses[code].title in link.get_text()


def check_module_pages(site: BuiltSite, curriculum: Curriculum, use_directory_urls: bool) -> None:
    """Every module has its page, listing its prerequisites and what it unlocks, by link."""
    for module in curriculum.modules:
        src = paths.module(module.id)
        article = site.content(url_of(src, use_directory_urls))
        container = article.select_one(f'[data-qisite-module-page="{module.id}"]')
        assert container is not None, f"no module page container for {module.id}"
        unlocks = [m.id for m in curriculum.modules if module.id in m.prerequisites]
        assert _linked_modules(container, "qisite-unlocks", use_directory_urls, src) == unlocks
        assert (
            _linked_modules(container, "qisite-before", use_directory_urls, src)
            == module.prerequisites
        )
        rows = container.select("table.qisite-depth tbody tr")
        names = curriculum.audiences_by_id
        assert [r.th.get_text(strip=True) for r in rows] == [
            names[a].name for a in module.audiences
        ]
        order = [level.id for level in curriculum.dose_levels]
        for audience_id, row in zip(module.audiences, rows, strict=True):
            cells = [td.get_text(" ", strip=True) for td in row.select("td")]
            assert len(cells) == len(module.domains)
            for domain_id, text in zip(module.domains, cells, strict=True):
                planned = names[audience_id].dose.get(domain_id)
                if planned is None:
                    assert text == "Not planned"
                    continue
                assert text.startswith(curriculum.levels_by_id[planned].name)
                if order.index(module.dose) < order.index(planned):
                    assert "a step towards it" in text
                elif module.dose == planned:
                    assert "reaches it" in text


def _linked_modules(
    container: Tag, heading_id: str, use_directory_urls: bool, src: str
) -> list[str]:
    """Module ids linked in the section under the heading with ``heading_id``."""
    heading = container.find(id=heading_id)
    assert heading is not None, f"no #{heading_id} on {src}"
    ids: list[str] = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        for link in sibling.select("a[href]"):
            ids.append(_module_id_of(str(link["href"]), use_directory_urls))
    return ids


def _module_id_of(href: str, use_directory_urls: bool) -> str:
    # Module pages are siblings: '../<id>/' with directory URLs, '<id>.html' without.
    name = href.rstrip("/").rsplit("/", 1)[-1]
    return name.removesuffix(".html")


def expected_cell(curriculum: Curriculum, audience_id: str, domain_id: str) -> tuple[str, str]:
    """(planned level id or '', deepest delivered level id or '') worked out by hand."""
    audience = curriculum.audiences_by_id[audience_id]
    planned = audience.dose.get(domain_id, "")
    levels = [level.id for level in curriculum.dose_levels]
    delivered = ""
    for module in curriculum.modules:
        covers = audience_id in module.audiences and domain_id in module.domains
        if covers and (not delivered or levels.index(module.dose) > levels.index(delivered)):
            delivered = module.dose
    return planned, delivered


def followed(from_url: str, href: str) -> str:
    """The site URL path a relative ``href`` on the page at ``from_url`` leads to."""
    base = "http://site/"
    return urljoin(base + from_url, href).removeprefix(base).split("#", 1)[0]


def matrix_grid_pages(site: BuiltSite, use_directory_urls: bool) -> list[tuple[str, Tag]]:
    """(URL, article) of each page of the matrix's grid, in the order of the links between
    them; the matrix page alone when its grid is one page."""
    start = url_of(paths.MATRIX, use_directory_urls)
    article = site.content(start)
    nav = article.select_one("nav.qisite-matrix-parts")
    if nav is None:
        return [(start, article)]
    urls = [followed(start, str(a["href"])) for a in nav.select("a[href]")]
    assert urls[0] == start, "the first part of the grid is on the matrix page"
    return [(url, site.content(url)) for url in urls]


def matrix_group_pages(site: BuiltSite, use_directory_urls: bool) -> dict[str, Tag]:
    """Each page the matrix page's list of staff groups links to, by its URL."""
    start = url_of(paths.MATRIX, use_directory_urls)
    listed = site.content(start).select("ul.qisite-matrix-groups a[href]")
    return {
        (url := followed(start, str(a["href"]))): site.content(url) for a in listed
    }


def cell_texts(cells: list[Tag]) -> list[str]:
    return [" ".join(cell.get_text(" ", strip=True).split()) for cell in cells]


def check_cell(curriculum: Curriculum, cell: Tag, audience_id: str, domain_id: str) -> None:
    """What a cell of the matrix (a grid's td, a group page's dd) says and how it is marked."""
    levels = curriculum.levels_by_id
    order = [level.id for level in curriculum.dose_levels]
    planned, delivered = expected_cell(curriculum, audience_id, domain_id)
    [text] = cell_texts([cell])
    where = f"{audience_id}, {domain_id}: {text}"
    if planned:
        assert text.startswith(levels[planned].name), where
        assert cell.b is not None and cell.b.get_text() == levels[planned].name, where
        assert f"qisite-level-{order.index(planned)}" in cell["class"], where
    else:
        assert text.startswith("Not planned") and cell.i is not None, where
        assert not cell.get("class"), f"{where}: an unplanned cell is not shaded"
    short = planned and (not delivered or order.index(delivered) < order.index(planned))
    assert ("qisite-cell-gap" in cell.get("class", [])) == bool(short), where
    if short:
        got = levels[delivered].name if delivered else "nothing"
        assert f"gap: planned {levels[planned].name}, delivered {got}" in text, where
        assert cell.select_one(".qisite-icon") is not None, where
    else:
        assert "gap" not in text, where
        if delivered:
            deeper = planned and order.index(delivered) > order.index(planned)
            said = f"delivered: {levels[delivered].name}"
            assert text.endswith(f"{said} (deeper than planned)" if deeper else said), where
        else:
            assert "delivered" not in text, where


def check_matrix(site: BuiltSite, curriculum: Curriculum, use_directory_urls: bool) -> None:
    """The grid, over however many pages it takes, holds every staff group's column once,
    each cell as worked out by hand; each group's own page says the same as its column."""
    header: list[str] = []
    columns: dict[str, list[Tag]] = {}
    for url, article in matrix_grid_pages(site, use_directory_urls):
        table = article.select_one("table.qisite-matrix")
        assert table is not None, url
        # Named by a caption-like paragraph above its scrolling box, which stays in view.
        name = article.find(id=table.get("aria-labelledby"))
        assert name is not None and name.get_text(strip=True)
        assert table.find_parent(attrs={"aria-labelledby": table["aria-labelledby"]}) is not None
        heads = table.select("thead th[scope=col]")[1:]
        rows = table.select("tbody tr")
        assert [r.select_one("th[scope=row]").get_text(strip=True) for r in rows] == [
            d.name for d in curriculum.domains
        ], url
        for index, th in enumerate(heads):
            header.append(th.get_text(strip=True))
            columns[th.get_text(strip=True)] = [row.select("td")[index] for row in rows]
        assert all(len(row.select("td")) == len(heads) for row in rows), url
    assert header == [a.name for a in curriculum.audiences]
    for audience in curriculum.audiences:
        for domain, cell in zip(curriculum.domains, columns[audience.name], strict=True):
            check_cell(curriculum, cell, audience.id, domain.id)
    groups = matrix_group_pages(site, use_directory_urls)
    assert list(groups) == [
        url_of(paths.matrix_group(a.id), use_directory_urls) for a in curriculum.audiences
    ]
    for audience, article in zip(curriculum.audiences, groups.values(), strict=True):
        assert article.h1.get_text(strip=True).endswith(audience.name)
        cells = article.select("dl.qisite-matrix-cells dd")
        assert [dt.get_text(strip=True) for dt in article.select("dl.qisite-matrix-cells dt")] == [
            d.name for d in curriculum.domains
        ]
        assert cell_texts(cells) == cell_texts(columns[audience.name]), audience.id
        for domain, cell in zip(curriculum.domains, cells, strict=True):
            check_cell(curriculum, cell, audience.id, domain.id)


def check_chooser(site: BuiltSite, curriculum: Curriculum, use_directory_urls: bool) -> None:
    """Home has the chooser form and the plain list of every pathway (the no-script fallback)."""
    home = site.content(url_of(paths.HOME, use_directory_urls))
    form = home.select_one("form[data-qisite-chooser-form]")
    assert form is not None and form.has_attr("hidden"), "the form waits for the script"
    assert form.select_one("label[for=qisite-role]") is not None
    assert form.select_one("fieldset legend") is not None
    links = home.select(".qisite-pathway-list a")
    expected = [url_of(paths.pathway(a.id), use_directory_urls) for a in curriculum.audiences]
    assert [Path(str(a["href"])).as_posix().rstrip("/").removeprefix("./") for a in links] == [
        e.rstrip("/") for e in expected
    ]


def check_site(site: BuiltSite, use_directory_urls: bool = True) -> None:
    """Every structural check, for any academy."""
    curriculum = curriculum_of(site)
    check_pathways(site, curriculum, use_directory_urls)
    check_ihi_links(site, curriculum, use_directory_urls)
    check_module_pages(site, curriculum, use_directory_urls)
    check_matrix(site, curriculum, use_directory_urls)
    check_chooser(site, curriculum, use_directory_urls)
    broken = broken_links(site.site_dir)
    assert not broken, "\n".join(broken)
    outside = outside_resources(site.site_dir)
    assert not outside, "\n".join(outside)


def chart_points(svg: Tag) -> list[tuple[float, float]]:
    """The points a run chart plots, read from its series line, after checking that the
    line marks every vertex (start, middle and end) with a dot drawn in the same chart."""
    series = svg.select_one("polyline.qisite-chart-series")
    assert series is not None, "a run chart without its series line"
    for end in ("marker-start", "marker-mid", "marker-end"):
        found = re.fullmatch(r"url\(#([^)]+)\)", str(series.get(end, "")))
        assert found, f"the series line has no {end}"
        marker = svg.find("marker", id=found.group(1))
        assert marker is not None and marker.find("circle") is not None
    pairs = str(series["points"]).split()
    return [(float(x), float(y)) for x, y in (pair.split(",") for pair in pairs)]
