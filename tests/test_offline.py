"""The offline variant (mkdocs.offline.yml) can be browsed from a folder, search included."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from tests.sitebuild import REPO, BuiltSite, build_project, make_project

OFFLINE_CONFIG = "mkdocs.offline.yml"
PREFIX = "var __index = "


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    root = make_project(tmp_path_factory.mktemp("offline"))
    shutil.copy(REPO / OFFLINE_CONFIG, root / OFFLINE_CONFIG)
    return build_project(root, strict=True, config_file=OFFLINE_CONFIG)


def _plugin_names(config: dict) -> list[str]:
    return [next(iter(p)) if isinstance(p, dict) else p for p in config.get("plugins", [])]


def test_offline_config_keeps_every_plugin_of_the_main_config() -> None:
    main = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    offline = yaml.safe_load((REPO / OFFLINE_CONFIG).read_text(encoding="utf-8"))
    assert offline["INHERIT"] == "mkdocs.yml"
    names = _plugin_names(offline)
    assert set(_plugin_names(main)) <= set(names)
    assert "offline" in names


def test_pages_link_to_html_files(offline_site: BuiltSite) -> None:
    site = offline_site.site_dir
    assert (site / "pathways" / "board.html").is_file()
    assert not (site / "pathways" / "board").exists()
    index = offline_site.html("pathways/index.html")
    links = [a["href"] for a in index.select("article a[href]") if not a["href"].startswith("#")]
    assert "board.html" in links
    for page in site.rglob("*.html"):
        if page.name == "404.html":  # served by a web server for any missing address; unused here
            continue
        soup = offline_site.html(page.relative_to(site).as_posix())
        for anchor in soup.select("a[href]"):
            href = anchor["href"].split("#")[0].split("?")[0]  # a query is for the script
            if href and "://" not in href and not href.startswith("mailto:"):
                assert href.endswith(".html") or "." in Path(href).name, (page, href)
                assert (page.parent / href).resolve().is_file(), (page, href)


def test_search_index_is_inlined_and_nothing_loads_from_another_host(
    offline_site: BuiltSite,
) -> None:
    search = offline_site.site_dir / "search"
    script = (search / "search_index.js").read_text(encoding="utf-8")
    assert script.startswith(PREFIX)
    inlined = json.loads(script[len(PREFIX) :])
    assert inlined == json.loads((search / "search_index.json").read_text(encoding="utf-8"))
    assert any(doc["location"].startswith("pathways/board.html") for doc in inlined["docs"])
    for page in offline_site.site_dir.rglob("*.html"):
        for tag in offline_site.html(page.relative_to(offline_site.site_dir).as_posix()).select(
            "script[src], link[rel=stylesheet]"
        ):
            assert "://" not in (tag.get("src") or tag.get("href")), page


@pytest.mark.browser
def test_search_works_from_a_file_url(page, offline_site: BuiltSite) -> None:
    page.goto((offline_site.site_dir / "index.html").as_uri())
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("board")
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10_000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any("pathways/board.html" in (h or "") for h in hrefs)
    assert page.outside_requests == []
