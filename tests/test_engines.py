"""The example and a new academy on each engine: MkDocs 1.6, ProperDocs 1.6 and Zensical.

Each academy is built once with plain ``mkdocs build`` (the reference, as organisers
have built it so far) and once per engine with ``qisite build --engine <engine>``.
Every engine must give the same page addresses, the same feeds (.ics and the Atom
feed) byte for byte, the same scripts and stylesheets of qisite, the same article
text and "on this page" list on every page, a block override of overrides/main.html,
and pages that pass axe-core in Chromium.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from qisite.commands.new import scaffold
from tests.browser import axe_violations, describe, serve
from tests.engines import ENGINES, Engine, EngineBuild, build_with
from tests.sitebuild import make_project

pytestmark = pytest.mark.browser

ACADEMIES = ("example", "new")
OVERRIDE = '<meta name="qisite-override" content="kept">'
"""A line an organiser adds to a block of overrides/main.html (kept beside qisite's own)."""
SAMPLE = {
    "home": r"index\.html",
    "pathway": r"pathways/(?!index)[^/]+/index\.html",
    "module": r"modules/(?!index)[^/]+/index\.html",
    "month": r"calendar/\d{4}-\d{2}/index\.html",
    "matrix": r"dosing-matrix/index\.html",
    "capacity": r"capacity/index\.html",
    "my learning": r"my-learning/index\.html",
}
"""One page of each kind, by address (the first in sorted order)."""


@dataclass(frozen=True)
class Academy:
    name: str
    root: Path
    reference: EngineBuild


def _write_academy(name: str, root: Path) -> Path:
    if name == "example":
        make_project(root)
    else:
        scaffold(root)
    main = root / "overrides" / "main.html"
    text = main.read_text("utf-8")
    assert "{% block extrahead %}" in text
    block = "{% block extrahead %}"
    main.write_text(text.replace(block, block + OVERRIDE), "utf-8")
    return root


@pytest.fixture(scope="module", params=ACADEMIES)
def academy(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Academy:
    name: str = request.param
    root = _write_academy(name, tmp_path_factory.mktemp(name))
    reference = build_with("mkdocs", root, site_dir=root / "site-reference")
    assert reference.ok, reference.output
    return Academy(name, root, reference)


@pytest.fixture(scope="module", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> Engine:
    engine: Engine = request.param
    return engine


@pytest.fixture(scope="module")
def built(academy: Academy, engine: Engine) -> EngineBuild:
    build = build_with(
        engine, academy.root, site_dir=academy.root / f"site-{engine}", through_qisite=True
    )
    assert build.ok, build.output
    return build


def _files_under(site_dir: Path, folder: str) -> dict[str, bytes]:
    return {
        p.relative_to(site_dir).as_posix(): p.read_bytes()
        for p in sorted((site_dir / folder).rglob("*"))
        if p.is_file()
    }


def _article(site_dir: Path, page: str) -> tuple[str, list[tuple[str, str]]]:
    """A page's article text (spaces collapsed) and its "on this page" entries."""
    soup = BeautifulSoup((site_dir / page).read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    assert article is not None, page
    for permalink in article.select("a.headerlink"):
        permalink.decompose()
    toc = [
        (str(a.get("href")), a.get_text(" ", strip=True))
        for a in soup.select("nav.md-nav--secondary a.md-nav__link")
    ]
    return " ".join(article.get_text(" ").split()), toc


def sample_pages(pages: set[str]) -> dict[str, str]:
    found = {}
    for kind, pattern in SAMPLE.items():
        matching = sorted(p for p in pages if re.fullmatch(pattern, p))
        if matching:
            found[kind] = matching[0]
    return found


def test_same_addresses_feeds_and_scripts(academy: Academy, built: EngineBuild) -> None:
    reference = academy.reference
    assert built.pages() == reference.pages()
    assert len(reference.pages()) > 10
    feeds = reference.files(".ics")
    assert built.files(".ics") == feeds
    assert built.files(".atom") == reference.files(".atom")
    assert list(reference.files(".atom")) == ["whats-on.atom"]
    if academy.name == "example":
        assert len(feeds) > 50
    ours = _files_under(reference.site_dir, "assets/qisite")
    assert "assets/qisite/bundles/record.js" in ours
    assert _files_under(built.site_dir, "assets/qisite") == ours
    assert built.warnings() == []


def test_same_article_and_table_of_contents_on_every_page(
    academy: Academy, built: EngineBuild
) -> None:
    different = []
    for page in sorted(academy.reference.pages() - {"404.html"}):
        reference = (academy.reference.site_dir / page).read_bytes()
        if b"<article" not in reference:  # a file qisite writes whole (a poster)
            same = (built.site_dir / page).read_bytes() == reference
        else:
            same = _article(built.site_dir, page) == _article(academy.reference.site_dir, page)
        if not same:
            different.append(page)
    assert different == []
    # The organiser's Markdown in a module's text is rendered, not shown as typed.
    if academy.name == "example":
        text, toc = _article(built.site_dir, "modules/pdsa-in-practice/index.html")
        assert "##" not in text
        assert ("#how-the-module-runs", "How the module runs") in toc
        assert ("#qisite-outcomes", "What you will be able to do") in toc


def _bundles_and_waiting(page: Path) -> tuple[list[str], list[str]]:
    """The qisite bundles a page links, in order, and its scripts that hold up the first
    paint (no defer)."""
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    links = [str(tag["href"]) for tag in soup.select("link[rel=stylesheet]")]
    sources = [str(tag["src"]) for tag in soup.select("script[src]")]
    bundles = [a.rsplit("/", 1)[1] for a in links + sources if "assets/qisite/bundles/" in a]
    waiting = [str(tag["src"]) for tag in soup.select("script[src]") if not tag.has_attr("defer")]
    return bundles, waiting


def test_each_page_loads_the_same_qisite_bundles_deferred(
    academy: Academy, built: EngineBuild
) -> None:
    """The theme partial picks each page's bundles on every engine as on MkDocs."""
    for page in sample_pages(built.pages()).values():
        bundles, waiting = _bundles_and_waiting(built.site_dir / page)
        reference, _ = _bundles_and_waiting(academy.reference.site_dir / page)
        assert bundles == reference and bundles, page
        assert waiting == [], page


def test_theme_block_override_is_applied(built: EngineBuild) -> None:
    for page in ("index.html", "dosing-matrix/index.html"):
        soup = BeautifulSoup((built.site_dir / page).read_text("utf-8"), "html.parser")
        assert soup.select_one('meta[name="qisite-override"][content="kept"]'), page


@pytest.fixture(scope="module")
def site_url(built: EngineBuild) -> Iterator[str]:
    with serve(built.site_dir) as url:
        yield url


def test_sample_pages_pass_axe(
    academy: Academy, built: EngineBuild, site_url: str, page: Any
) -> None:
    samples = sample_pages(built.pages())
    expected = set(SAMPLE) if academy.name == "example" else set(SAMPLE) - {"month"}
    assert expected <= set(samples)
    failures = {}
    for kind, path in samples.items():
        page.goto(site_url + path.removesuffix("index.html"))
        page.wait_for_load_state("load")
        if violations := axe_violations(page):
            failures[f"{kind} ({path})"] = describe(violations)
    assert failures == {}
