"""Checks over every page of a built site: internal links resolve, nothing loads from elsewhere.

Reusable by any test that has a site folder.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

LINK_ATTRIBUTES = ("href", "src")
LOADED_TAGS = ("script", "link", "img", "iframe", "source", "video", "audio", "embed", "object")


def html_pages(site_dir: Path) -> Iterator[Path]:
    yield from sorted(site_dir.rglob("*.html"))


def _parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _target_file(site_dir: Path, page: Path, link_path: str) -> Path:
    page_dir = posixpath.dirname(page.relative_to(site_dir).as_posix())
    joined = posixpath.normpath(posixpath.join(page_dir, unquote(link_path)))
    target = site_dir / joined
    if link_path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def _ids(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        soup = _parse(path)
        cache[path] = {str(t["id"]) for t in soup.find_all(id=True)} | {
            str(t["name"]) for t in soup.find_all("a", attrs={"name": True})
        }
    return cache[path]


def broken_links(site_dir: Path) -> list[str]:
    """Every relative href/src that names no file of the site (or no element for its #fragment)."""
    problems: list[str] = []
    id_cache: dict[Path, set[str]] = {}
    for page in html_pages(site_dir):
        soup = _parse(page)
        for tag in soup.find_all(True):
            for attribute in LINK_ATTRIBUTES:
                value = tag.get(attribute)
                if not isinstance(value, str) or not value:
                    continue
                parts = urlsplit(value)
                if parts.scheme or parts.netloc:
                    continue  # another host, mailto:, data: (not ours to resolve)
                where = f"{page.relative_to(site_dir)}: {tag.name} {attribute}={value!r}"
                link_path = parts.path
                if link_path.startswith("/"):
                    if page.name != "404.html":
                        problems.append(f"{where} is absolute: it breaks under a sub-path")
                        continue
                    # The 404 page is served at any depth, so MkDocs writes its links from
                    # site_url's path (here the root).
                    link_path = posixpath.relpath(link_path, "/") + ("/" * link_path.endswith("/"))
                target = _target_file(site_dir, page, link_path) if link_path else page
                if not target.is_file():
                    problems.append(f"{where} names no file ({target.relative_to(site_dir)})")
                elif (
                    parts.fragment
                    and target.suffix == ".html"
                    and unquote(parts.fragment) not in _ids(target, id_cache)
                ):
                    problems.append(f"{where}: no element with id {parts.fragment!r}")
    return problems


def outside_resources(site_dir: Path) -> list[str]:
    """Scripts, styles, fonts, images or frames that a page would load from another host."""
    found: list[str] = []
    for page in html_pages(site_dir):
        for tag in _parse(page).find_all(LOADED_TAGS):
            if tag.name == "link" and not set(tag.get("rel") or []) & {
                "stylesheet",
                "preload",
                "modulepreload",
                "icon",
                "prefetch",
                "preconnect",
                "dns-prefetch",
            }:
                continue  # rel=canonical and friends name a page, they load nothing
            for attribute in ("src", "href", "data"):
                value = tag.get(attribute)
                if isinstance(value, str) and urlsplit(value).netloc:
                    found.append(f"{page.relative_to(site_dir)}: <{tag.name} {attribute}={value}>")
    for sheet in site_dir.rglob("*.css"):
        text = sheet.read_text(encoding="utf-8", errors="replace")
        for marker in ("url(http", "url('http", 'url("http', "@import url(//", "url(//"):
            if marker in text:
                found.append(f"{sheet.relative_to(site_dir)}: {marker}")
    return found
