"""Each page loads one stylesheet and at most one script of ours, holding what it uses.

The checks read the built pages and the bundles they link, and judge them against the
source stylesheets and scripts in qisite/assets, not against the list of features that
chose the bundles: a class a page uses that no stylesheet it loads styles, or an element
a script looks for on a page that does not load that script, fails here.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import lxml.html
import pytest
import rjsmin
from bs4 import BeautifulSoup

from qisite.plugin import QisitePlugin
from qisite.site import assets
from tests.sitebuild import REPO, BuiltSite, build_site

SOURCES = REPO / "qisite" / "assets"
CLASS = re.compile(r"\.(qisite-[\w-]+)")
ENTRY = re.compile(r"(?:document|root)\.querySelectorAll\(\"((?:a)?\[data-qisite-[\w-]+\])\"\)")


def _pages(site: BuiltSite) -> list[Path]:
    """Every page the theme draws (posters are their own plain pages, with their own CSS)."""
    return [
        page
        for page in sorted(site.site_dir.rglob("*.html"))
        if "posters" not in page.relative_to(site.site_dir).parts
        and "assets" not in page.relative_to(site.site_dir).parts
        and 'http-equiv="refresh"' not in page.read_text("utf-8")[:2000]
    ]


def _file(page: Path, address: str) -> Path:
    """The file a page's link leads to (the 404 page's links start at the site's root)."""
    if address.startswith("/"):
        root = next(p for p in page.parents if (p / "assets").is_dir())
        return root / address.lstrip("/")
    return (page.parent / address).resolve()


def _ours(page: Path, soup: BeautifulSoup) -> tuple[list[Path], list[Path]]:
    links = soup.select('link[rel="stylesheet"]')
    styles = [_file(page, link["href"]) for link in links if "assets/qisite/" in link["href"]]
    found = soup.select("script[src]")
    scripts = [_file(page, tag["src"]) for tag in found if "assets/qisite/" in tag["src"]]
    return styles, scripts


def test_one_stylesheet_and_at_most_one_deferred_script_per_page(example_site: BuiltSite) -> None:
    pages = _pages(example_site)
    assert len(pages) > 100
    keys = set()
    for page in pages:
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        styles, scripts = _ours(page, soup)
        assert len(styles) == 1 and styles[0].is_file(), page
        assert len(scripts) <= 1 and all(s.is_file() for s in scripts), page
        # No script holds up the first paint, the theme's own included.
        for script in soup.select("script[src]"):
            assert script.has_attr("defer"), (page, script["src"])
        keys.add(styles[0].stem)
    # The example's pages need different things: several stylesheets are in use, base among
    # them, and none twice under two names (a page's scripts do not change its stylesheet).
    assert assets.BASE_KEY in keys and len(keys) >= 3, keys
    folder = example_site.site_dir / "assets" / "qisite" / "bundles"
    texts = [p.read_text("utf-8") for p in folder.glob("*.css")]
    assert len(set(texts)) == len(texts)


@pytest.mark.parametrize("academy", ["example_site", "hundred_modules"])
def test_every_class_a_page_uses_is_styled_by_the_stylesheet_it_loads(
    academy: str, request: pytest.FixtureRequest
) -> None:
    """On the example, and on an academy large enough for pages the example has no need
    of (a pathway, grid or month on several pages)."""
    site: BuiltSite = request.getfixturevalue(academy)
    styled = {
        name
        for source in SOURCES.glob("*.css")
        for name in CLASS.findall(source.read_text("utf-8"))
    }
    unstyled = []
    for page in _pages(site):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        used = {name for tag in soup.select("[class]") for name in tag["class"]} & styled
        styles, _ = _ours(page, soup)
        loaded = set(CLASS.findall(styles[0].read_text("utf-8")))
        unstyled += [f"{page.relative_to(site.site_dir)}: .{c}" for c in used - loaded]
    assert unstyled == []


def _entry_selectors(script: str) -> list[str]:
    """The elements a script starts from: those it looks up in the whole document, and
    those the learning record's enhance(document) looks up."""
    starts = [script[m.start() :] for m in re.finditer(r"document\.querySelectorAll\(", script)]
    if "function enhance(root) {" in script:
        body = script.split("function enhance(root) {", 1)[1].split("\n  function ", 1)[0]
        starts += [body[m.start() :] for m in re.finditer(r"root\.querySelectorAll\(", body)]
    return [m.group(1) for start in starts if (m := ENTRY.match(start))]


def _scripts_missing(site: BuiltSite) -> tuple[list[str], set[str]]:
    """Pages whose script lacks a source whose entry elements they have; and the sources
    some page needs."""
    entries = {
        source.name: _entry_selectors(source.read_text("utf-8"))
        for source in SOURCES.glob("*.js")
        if source.name != assets.ON_PAGE  # shared by every bundle, starts from nothing
    }
    assert all(entries.values()), entries  # each script starts from such elements
    minified = {name: rjsmin.jsmin((SOURCES / name).read_text("utf-8")) for name in entries}
    missing = []
    needed_somewhere = set()
    for page in _pages(site):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        _, scripts = _ours(page, soup)
        loaded = scripts[0].read_text("utf-8") if scripts else ""
        for name, selectors in entries.items():
            if any(soup.select(selector) for selector in selectors):
                needed_somewhere.add(name)
                if minified[name] not in loaded:
                    missing.append(f"{page.relative_to(site.site_dir)}: {name}")
    return missing, needed_somewhere


def test_every_script_a_page_needs_is_in_the_script_it_loads(example_site: BuiltSite) -> None:
    missing, needed_somewhere = _scripts_missing(example_site)
    assert missing == []
    sources = {s.name for s in SOURCES.glob("*.js")} - {assets.ON_PAGE}
    assert needed_somewhere == sources  # the example uses every script somewhere


def test_pages_only_a_large_academy_has_load_the_scripts_they_need(
    hundred_modules: BuiltSite,
) -> None:
    missing, needed_somewhere = _scripts_missing(hundred_modules)
    assert missing == []
    assert "learning-record.js" in needed_somewhere


@pytest.mark.parametrize("address", ["about", "capacity"])
def test_a_page_without_features_loads_the_base_stylesheet_and_no_script(
    example_site: BuiltSite, address: str
) -> None:
    """About, and the capacity page, whose list of targets must not be read as the
    learning record's progress bars (it once loaded the record's script for them)."""
    page = example_site.site_dir / address / "index.html"
    styles, scripts = _ours(page, BeautifulSoup(page.read_text("utf-8"), "html.parser"))
    assert [s.name for s in styles] == ["base.css"] and scripts == []
    # The base stylesheet is the shared one alone, minified; a feature's bundle adds to it.
    base = styles[0].read_text("utf-8")
    source = (SOURCES / "qisite.css").read_text("utf-8")
    assert len(base) < 0.8 * len(source) and ".qisite-visually-hidden" in base
    calendar = (styles[0].parent / "calendar.css").read_text("utf-8")
    assert ".qisite-calendar-filters" in calendar and ".qisite-calendar-filters" not in base


def test_overrides_without_the_partial_load_every_feature_on_every_page(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        extra_files={"overrides/main.html": '{% extends "base.html" %}\n'},
    )
    every = assets.EVERY_FEATURE
    for url in ("", "about/", "calendar/"):
        soup = site.html(url)
        styles, scripts = _ours(site.site_dir / url / "index.html", soup)
        assert [s.name for s in styles] == [f"{assets.EVERY_STYLE}.css"], url
        assert [s.name for s in scripts] == [f"{every}.js"], url
    notes = [r.getMessage() for r in site.logs if r.levelno == logging.INFO]
    assert any("partials/qisite-assets.html" in note for note in notes), notes
    assert site.warnings() == []


@pytest.mark.parametrize("features", [["navigation.instant"], ["navigation.instant", "toc.follow"]])
def test_instant_navigation_loads_every_feature_on_every_page(
    tmp_path: Path, features: list[str]
) -> None:
    config = {"theme": {"name": "material", "custom_dir": "overrides", "features": features}}
    site = build_site(tmp_path, config=config)
    every = assets.EVERY_FEATURE
    for url in ("", "about/"):
        styles, scripts = _ours(site.site_dir / url / "index.html", site.html(url))
        assert [s.name for s in styles] == [f"{assets.EVERY_STYLE}.css"], url
        assert [s.name for s in scripts] == [f"{every}.js"], url


def test_a_bundle_holds_its_features_scripts_in_order_after_the_words(
    example_site: BuiltSite,
) -> None:
    folder = example_site.site_dir / "assets" / "qisite" / "bundles"
    script = (folder / f"{assets.bundle_key(['whats-on'])}.js").read_text("utf-8")
    words = script.index("window.qisiteWords=")
    assert words < script.index("window.qisiteOnPage=")
    order = [
        script.index(rjsmin.jsmin((SOURCES / name).read_text("utf-8")))
        for name in ("calendar.js", "pages.js", "whats-on.js")
    ]
    assert words < order[0] < order[1] < order[2]
    assert "learning-record" not in assets.bundle_key(["whats-on"])
    assert rjsmin.jsmin((SOURCES / "learning-record.js").read_text("utf-8")) not in script


def test_theme_whitespace_trimmed_without_changing_a_word(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The theme's templates render with trim_blocks/lstrip_blocks: the same words (a space
    lost between two words would show) in fewer bytes."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")  # one build moment for both
    trimmed = build_site(tmp_path / "trimmed")
    monkeypatch.setattr(QisitePlugin, "on_env", lambda self, env, config, files: env)
    plain = build_site(tmp_path / "plain")
    pages = sorted(p.relative_to(plain.site_dir) for p in plain.site_dir.rglob("*.html"))
    assert len(pages) > 20
    before = after = 0
    for page in pages:
        old = (plain.site_dir / page).read_text("utf-8")
        new = (trimmed.site_dir / page).read_text("utf-8")
        before, after = before + len(old), after + len(new)
        assert _words(new) == _words(old), page
        assert _tags(new) == _tags(old), page
    assert after < before * 0.95, (before, after)


def _words(page: str) -> str:
    return re.sub(r"\s+", " ", lxml.html.fromstring(page).text_content()).strip()


def _tags(page: str) -> list[tuple[str, list[tuple[str, str]]]]:
    return [(str(e.tag), sorted(e.attrib.items())) for e in lxml.html.fromstring(page).iter()]
