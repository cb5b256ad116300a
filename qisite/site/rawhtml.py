"""Keep generated HTML out of Python-Markdown's way.

Generated pages are mostly HTML. Python-Markdown re-parses raw HTML with its
HTML parser, which was most of the build time of a large academy (about 8 ms a
module page, much more for a long pathway). Templates wrap their HTML between
``HTML_START`` and ``HTML_END``; before Markdown runs, each wrapped block is
swapped for a one-line placeholder comment, and the HTML is put back into the
rendered page. Text between blocks (an organiser's module body) is still
Markdown. If the swap never happens (no plugin), the comments are harmless and
the page renders the slow way.
"""

from __future__ import annotations

import re

HTML_START = "<!-- qisite:html -->"
HTML_END = "<!-- /qisite:html -->"
_BLOCK = re.compile(re.escape(HTML_START) + r"(.*?)" + re.escape(HTML_END), re.DOTALL)
_PLACEHOLDER = "<!-- qisite:stash {} -->"
_RESTORE = re.compile(r"<!-- qisite:stash (\d+) -->")


def protect(markdown: str) -> tuple[str, list[str]]:
    """The Markdown with each wrapped HTML block replaced by a placeholder, and the blocks."""
    stash: list[str] = []

    def swap(match: re.Match[str]) -> str:
        stash.append(match.group(1))
        return f"\n\n{_PLACEHOLDER.format(len(stash) - 1)}\n\n"

    return _BLOCK.sub(swap, markdown), stash


def restore(html: str, stash: list[str]) -> str:
    """Put the stashed HTML blocks back in the rendered page."""
    if not stash:
        return html

    def back(match: re.Match[str]) -> str:
        index = int(match.group(1))
        return stash[index] if index < len(stash) else match.group(0)

    return _RESTORE.sub(back, html)
