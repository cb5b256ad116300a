"""Generated pages' section headings have permalinks and an "on this page" list,
like the headings of hand-written pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from qisite.site.headings import heading, headings_in
from tests.sitebuild import REPO, BuiltSite, build_site


def test_heading_escapes_its_text_and_carries_the_toc_extensions_permalink() -> None:
    made = str(heading(2, "qisite-sessions", "Dates & <places>"))
    assert made == (
        '<h2 id="qisite-sessions">Dates &amp; &lt;places&gt;'
        '<a class="headerlink" href="#qisite-sessions" title="Permanent link">&para;</a></h2>'
    )


def test_a_heading_that_names_its_section_can_go_without_a_permalink() -> None:
    made = str(heading(3, "run-chart-board-heading", "Board & execs", permalink=False))
    assert made == '<h3 id="run-chart-board-heading">Board &amp; execs</h3>'


def test_headings_in_reads_sections_in_order_without_permalinks_or_links() -> None:
    html = (
        '<h1 id="top">Title</h1><p>x</p>'
        '<h2 id="a">First<a class="headerlink" href="#a" title="Permanent link">&para;</a></h2>'
        '<h3><a href="../m/">A sitting</a></h3>'
        '<h3 id="b"><a href="../m/">Linked</a> <code>code</code></h3>'
        "<h2 id='single-quoted-is-not-ours'>Skipped</h2>"
        '<h2 class="x" data-id="not-an-id">Skipped too</h2>'
        '<h4 class="x" id="c">Fourth</h4>'
    )
    assert headings_in(html) == [
        {"level": 1, "id": "top", "name": "Title"},
        {"level": 2, "id": "a", "name": "First"},
        {"level": 3, "id": "b", "name": "Linked <code>code</code>"},
        {"level": 4, "id": "c", "name": "Fourth"},
    ]


def _on_this_page(page: BeautifulSoup) -> list[tuple[str, str]]:
    """The secondary (table of contents) nav's entries: text and target."""
    toc = page.select("nav.md-nav--secondary")[-1]
    return [(a.get_text(" ", strip=True), str(a["href"])) for a in toc.select("a.md-nav__link")]


def test_a_module_page_lists_its_own_and_the_organisers_headings_in_page_order(
    example_site: BuiltSite,
) -> None:
    page = example_site.html("modules/pdsa-in-practice/")
    article = page.select_one("article")
    assert article is not None
    in_article = [
        (h.get_text(" ", strip=True).rstrip("¶").strip(), f"#{h['id']}")
        for h in article.select("h2[id]")
    ]
    listed = _on_this_page(page)

    assert listed == in_article
    names = [name for name, _ in listed]
    # The organiser's Markdown (content/modules/pdsa-in-practice.md) comes before the details.
    assert names.index("How the module runs") < names.index("What you will be able to do")
    assert names[-1] == "Sessions"
    for _, target in listed:
        permalink = article.select_one(f"{target} a.headerlink")
        assert permalink is not None and permalink["href"] == target


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "pathways/board/",
            ["Time by kind of learning", "Modules, in the order to take them"],
        ),
        ("dosing-matrix/", ["Dose levels, lightest first", "Gaps", "The matrix"]),
        ("capacity/", ["Rules of thumb", "Are enough places scheduled?"]),
    ],
)
def test_generated_pages_have_an_on_this_page_list(
    example_site: BuiltSite, url: str, expected: list[str]
) -> None:
    names = [name for name, _ in _on_this_page(example_site.html(url))]
    assert names[: len(expected)] == expected


def test_a_hand_written_page_keeps_the_list_markdown_made(example_site: BuiltSite) -> None:
    page = example_site.html("about/")
    headings = [
        h.get_text(" ", strip=True).rstrip("¶").strip() for h in page.select("article h2[id]")
    ]
    assert headings and [name for name, _ in _on_this_page(page)] == headings


def test_an_organisers_heading_text_stays_text_in_the_list(tmp_path: Path) -> None:
    curriculum = (REPO / "curriculum.yaml").read_text(encoding="utf-8")
    assert "name: Foundation\n" in curriculum
    curriculum = curriculum.replace("name: Foundation\n", 'name: "Foundation & <b>core</b>"\n', 1)
    csvs = {name: (REPO / name).read_text("utf-8") for name in ("sessions.csv", "progress.csv")}
    built = build_site(tmp_path, curriculum=curriculum, extra_files=csvs)

    page = built.html("modules/")
    entry = next(name for name, _ in _on_this_page(page) if name.startswith("Foundation"))
    assert entry == "Foundation & <b>core</b>"
    assert page.select("nav.md-nav--secondary b") == []
    heading = page.select_one("h2#level-foundation")
    assert heading is not None and heading.select("b") == []
