"""The baseline: a bare Material site with as many pages, of similar length, as a qisite build.

It uses the same theme settings and Markdown extensions as the project's
mkdocs.yml, but no qisite plugin and no theme overrides. One index page links
to every other page and is the only page in the navigation: about the fastest
MkDocs can build that many pages.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import yaml

_ARTICLE = re.compile(r"<article[^>]*>(.*?)</article>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_SENTENCES = [
    "Teams on the ward plotted the weekly count of falls on a run chart.",
    "A small test of change started on Monday with one nurse and two patients.",
    "The sponsor asked what the data showed over time, not only last month.",
    "Coaches met the team every fortnight to plan the next cycle of testing.",
    "The measure was defined with the people who collect it every day.",
]


def html_pages(site_dir: Path) -> list[Path]:
    """The pages of a built site (every .html file except the 404 page)."""
    return sorted(p for p in site_dir.rglob("*.html") if p.name != "404.html")


def average_text_length(site_dir: Path) -> int:
    """Mean number of visible characters in the articles of a built site's pages."""
    pages = html_pages(site_dir)
    total = 0
    for page in pages:
        match = _ARTICLE.search(page.read_text(encoding="utf-8"))
        if match:
            total += len(" ".join(_TAG.sub(" ", match.group(1)).split()))
    return total // max(1, len(pages))


def _page_text(number: int, characters: int) -> str:
    lines = [f"# Page {number}", ""]
    size = 0
    index = number
    while size < characters:
        sentence = _SENTENCES[index % len(_SENTENCES)]
        lines.append(f"- {sentence}" if index % 3 else sentence + "\n")
        size += len(sentence) + 1
        index += 1
    return "\n".join(lines) + "\n"


def baseline_config(project_config: dict[str, Any]) -> dict[str, Any]:
    theme = {k: v for k, v in project_config["theme"].items() if k != "custom_dir"}
    return {
        "site_name": "Baseline",
        "docs_dir": "content",
        "theme": theme,
        "plugins": ["search"],
        "markdown_extensions": project_config.get("markdown_extensions", []),
        "nav": [{"Home": "index.md"}],
    }


def write_baseline(root: Path, project_config: dict[str, Any], pages: int, characters: int) -> Path:
    """Write a baseline project of ``pages`` pages (the index included) into ``root``."""
    docs = root / "content"
    shutil.rmtree(docs, ignore_errors=True)  # a kept folder from an earlier run may hold more
    (docs / "pages").mkdir(parents=True, exist_ok=True)
    links = []
    for number in range(1, pages):
        (docs / "pages" / f"page-{number:05d}.md").write_text(
            _page_text(number, characters), encoding="utf-8"
        )
        links.append(f"- [Page {number}](pages/page-{number:05d}.md)")
    (docs / "index.md").write_text("# Baseline\n\n" + "\n".join(links) + "\n", encoding="utf-8")
    config = baseline_config(project_config)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root
