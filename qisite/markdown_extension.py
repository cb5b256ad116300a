"""qisite's Python-Markdown extension: generated HTML kept whole, and its headings listed.

Every engine qisite builds on (MkDocs, ProperDocs, Zensical) renders pages with
Python-Markdown and loads the extensions named in ``markdown_extensions``; the
MkDocs plugin adds this one, and ``qisite generate`` names it in the config it
writes. It does two things that were MkDocs hooks:

- Each block between ``<!-- qisite:html -->`` and ``<!-- /qisite:html -->`` goes
  into Python-Markdown's own raw-HTML stash before its HTML-block preprocessor
  (priority 20) would parse it: generated pages are mostly HTML, and parsing it
  was most of the build time of a large academy (see ``qisite.site.rawhtml``).
  A block need not be balanced: a module page's outer ``<div>`` opens in one
  block and closes in another, around the organiser's Markdown, which is still
  rendered as Markdown.
- Python-Markdown's ``toc`` sees only headings it parsed, not those in raw HTML.
  On a page with stashed or raw-HTML headings, ``md.toc_tokens`` is rebuilt from
  every heading with an id in the finished page, in order; each engine reads
  ``toc_tokens`` after ``convert`` for the page's "on this page" list.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.extensions.toc import nest_toc_tokens
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from qisite.site import rawhtml
from qisite.site.headings import headings_in

NAME = "qisite.markdown_extension"
"""How a config names this extension in ``markdown_extensions``."""

STASH_PRIORITY = 25
"""Before Python-Markdown's ``html_block`` (20) and MkDocs' anchor reader (21)."""
HEADINGS_PRIORITY = 5
"""After ``raw_html`` (30) has put the stashed HTML back."""

_HEADING_WITH_ID = re.compile(r"<h[1-6]\b[^>]*\sid=")


class _StashGeneratedHtml(Preprocessor):
    """Hand each marked block to Python-Markdown's raw-HTML stash, unparsed."""

    def __init__(self, md: Markdown, state: dict[str, bool]) -> None:
        super().__init__(md)
        self.state = state

    def run(self, lines: list[str]) -> list[str]:
        self.state["stashed"] = False
        text = "\n".join(lines)
        if rawhtml.HTML.start not in text:
            return lines
        text, blocks = rawhtml.HTML.take_out(text)
        # Stored stripped: the stash's placeholder is unwrapped from its <p> only when
        # the HTML it stands for starts with a tag.
        placeholders = [self.md.htmlStash.store(block.strip()) for block in blocks]
        text = rawhtml.HTML.put_back(text, placeholders)
        self.state["stashed"] = True
        return text.split("\n")


class _ListGeneratedHeadings(Postprocessor):
    """Rebuild the table of contents from the finished page when it holds raw-HTML headings."""

    def __init__(self, md: Markdown, state: dict[str, bool]) -> None:
        super().__init__(md)
        self.state = state

    def run(self, text: str) -> str:
        raw_headings = any(
            _HEADING_WITH_ID.search(str(block)) for block in self.md.htmlStash.rawHtmlBlocks
        )
        if self.state.get("stashed") or raw_headings:
            # The keys of Python-Markdown's own tokens, which the engines read.
            tokens: Any = [
                {**token, "html": token["name"], "data-toc-label": ""}
                for token in headings_in(text)
            ]
            self.md.toc_tokens = nest_toc_tokens(tokens)  # type: ignore[attr-defined]
        return text


class QisiteExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        state: dict[str, bool] = {}
        md.preprocessors.register(_StashGeneratedHtml(md, state), "qisite_stash", STASH_PRIORITY)
        md.postprocessors.register(
            _ListGeneratedHeadings(md, state), "qisite_headings", HEADINGS_PRIORITY
        )


def makeExtension(**kwargs: Any) -> QisiteExtension:  # noqa: N802 (Python-Markdown's name)
    return QisiteExtension(**kwargs)
