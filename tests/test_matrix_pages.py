"""The dosing matrix of a large academy: its grid cut into pages by columns, a page per
staff group, and every page of it small enough for a phone on a slow link."""

from __future__ import annotations

import json
from math import ceil

import pytest

from qisite.model import Curriculum
from qisite.site import paths
from qisite.views.matrix import CELL_BUDGET, dosing_matrix, grid_parts
from tests.academies import wide_academy
from tests.pagechecks import (
    check_matrix,
    curriculum_of,
    followed,
    matrix_grid_pages,
    matrix_group_pages,
    url_of,
)
from tests.sitebuild import BuiltSite, build_site

PAGE_BYTES = 60_000
"""Most bytes of HTML on a page of the matrix (issue 14: at 1,000 modules the matrix page
was 364 KB, and Lighthouse's slow link spends about 5 ms on every KB)."""
GROUP_PAGE_BYTES = 25_000
"""A staff group's page holds one column: the theme's frame and a few lines."""

SHAPES = {"100x10": (100, 10), "40x25": (40, 25)}
"""(staff groups, domains): the 1,000-module academy's grid, and a narrower, deeper one."""


def small_curriculum(groups: int, domains: int) -> Curriculum:
    return Curriculum.model_validate(
        {
            "academy": {
                "name": "Small",
                "organisation": "Trust",
                "headcount": 100,
                "timezone": "Europe/London",
                "contact": "qi@example.org",
            },
            "dose_levels": [{"id": "light", "name": "Light"}, {"id": "deep", "name": "Deep"}],
            "domains": [{"id": f"d{i}", "name": f"Domain {i}"} for i in range(domains)],
            "audiences": [
                {
                    "id": f"a{i}",
                    "name": f"Group {i}",
                    "size": 10,
                    "dose": {f"d{i % domains}": "deep"},
                }
                for i in range(groups)
            ],
            "modules": [],
        }
    )


@pytest.mark.parametrize(
    ("groups", "domains"),
    [(1, 1), (7, 9), (25, 12), (30, 10), (31, 10), (100, 10), (101, 10), (40, 25), (10, 400)],
)
def test_grid_parts_hold_every_group_once_in_order_within_the_budget(
    groups: int, domains: int
) -> None:
    curriculum = small_curriculum(groups, domains)
    matrix = dosing_matrix(curriculum)
    parts = grid_parts(matrix)
    assert [p.number for p in parts] == list(range(1, len(parts) + 1))
    assert [a.id for p in parts for a in p.audiences] == [a.id for a in curriculum.audiences]
    most = max(1, CELL_BUDGET // domains)  # staff groups a page can hold
    assert len(parts) == ceil(groups / most), "no more pages than the budget needs"
    widths = [len(p.audiences) for p in parts]
    assert max(widths) - min(widths) <= 1, "parts of about the same width"
    for part in parts:
        assert part.first == 1 + sum(widths[: part.number - 1])
        assert part.last == part.first + widths[part.number - 1] - 1
        # Within the budget, unless one column alone is more than it.
        assert widths[part.number - 1] * domains <= CELL_BUDGET or widths[part.number - 1] == 1
        assert [row.domain.id for row in part.rows] == [d.id for d in curriculum.domains]
        for row, whole in zip(part.rows, matrix.rows, strict=True):
            assert row.cells == whole.cells[part.first - 1 : part.last]


@pytest.fixture(scope="module", params=list(SHAPES))
def wide_site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> BuiltSite:
    groups, domains = SHAPES[request.param]
    root = tmp_path_factory.mktemp(f"wide-{request.param}")
    return build_site(root, curriculum=wide_academy(groups, domains))


def html_bytes(site: BuiltSite, url: str) -> int:
    return (site.site_dir / url / "index.html").stat().st_size


def test_a_wide_academys_grid_is_cut_into_pages_that_hold_each_group_once(
    wide_site: BuiltSite,
) -> None:
    """Every cell as worked out by hand, over every page of the grid, each group's column
    once and in order; each group's own page says what its column says."""
    curriculum = curriculum_of(wide_site)
    grid_pages = matrix_grid_pages(wide_site, use_directory_urls=True)
    assert len(grid_pages) > 1
    check_matrix(wide_site, curriculum, use_directory_urls=True)
    count = len(curriculum.audiences)
    first = 1
    for url, article in grid_pages:
        shown = len(article.select("table.qisite-matrix thead th[scope=col]")) - 1
        caption = article.select_one(".qisite-table-caption").get_text(" ", strip=True)
        assert caption.endswith(f"Staff groups {first} to {first + shown - 1} of {count}"), url
        # Each page of the grid links to every other, and marks itself as the current one.
        links = article.select("nav.qisite-matrix-parts a[href]")
        assert [followed(url, str(a["href"])) for a in links] == [u for u, _ in grid_pages]
        current = [a for a in links if a.get("aria-current") == "page"]
        assert len(current) == 1 and followed(url, str(current[0]["href"])) == url
        first += shown
    assert first == count + 1


def test_every_page_of_a_wide_academys_matrix_is_small(wide_site: BuiltSite) -> None:
    """A structural bound (bytes of the built HTML), not a timing: the matrix page, each
    page of its grid and each staff group's page, at the size of the 1,000-module academy."""
    for url, _ in matrix_grid_pages(wide_site, use_directory_urls=True):
        assert html_bytes(wide_site, url) <= PAGE_BYTES, url
    for url in matrix_group_pages(wide_site, use_directory_urls=True):
        assert html_bytes(wide_site, url) <= GROUP_PAGE_BYTES, url


def test_the_matrix_page_reaches_every_staff_group(wide_site: BuiltSite) -> None:
    """From the matrix page: each group's own page in one step, and each group's column
    through the links to the grid's other pages."""
    curriculum = curriculum_of(wide_site)
    groups = matrix_group_pages(wide_site, use_directory_urls=True)
    assert list(groups) == [url_of(paths.matrix_group(a.id)) for a in curriculum.audiences]
    matrix = wide_site.content(url_of(paths.MATRIX))
    listed = [li.get_text(" ", strip=True) for li in matrix.select("ul.qisite-matrix-groups li")]
    for audience, line, page in zip(curriculum.audiences, listed, groups.values(), strict=True):
        gaps = len(page.select("dd.qisite-cell-gap"))
        assert line.startswith(audience.name)
        assert line.endswith(f"({gaps} gap{'s' if gaps > 1 else ''})" if gaps else audience.name)


def test_the_matrix_page_keeps_its_legend_and_gaps_and_the_search_index_stays_lean(
    wide_site: BuiltSite,
) -> None:
    curriculum = curriculum_of(wide_site)
    matrix = wide_site.content(url_of(paths.MATRIX))
    legend = [dt.get_text(strip=True) for dt in matrix.select("dl.qisite-legend dt")]
    assert legend == [level.name for level in curriculum.dose_levels]
    gaps = matrix.select(".qisite-gap-list li")
    in_grid = sum(
        len(article.select("td.qisite-cell-gap"))
        for _, article in matrix_grid_pages(wide_site, use_directory_urls=True)
    )
    assert len(gaps) == in_grid > 0
    # The group pages' cells and the list of groups repeat the grid: not indexed twice.
    index = (wide_site.site_dir / "search" / "search_index.json").read_text("utf-8")
    first_added = next(a for a in curriculum.audiences if a.id.startswith("group-"))
    group_page = wide_site.content(url_of(paths.matrix_group(first_added.id)))
    body = group_page.select_one("[data-qisite-matrix-group]")
    assert body.has_attr("data-search-exclude") and body.select_one("dl.qisite-matrix-cells")
    assert matrix.select_one("ul.qisite-matrix-groups").has_attr("data-search-exclude")
    assert index.count("Not planned") <= len(curriculum.audiences) * len(curriculum.domains)
    # Each group's page is found by its title.
    docs = {doc["location"]: doc for doc in json.loads(index)["docs"]}
    found = docs[url_of(paths.matrix_group(first_added.id))]
    assert found["title"].endswith(first_added.name) and "planned" not in found["text"]
