"""Keep generated HTML out of the way of the parts of the build that need not read it.

Generated pages are mostly HTML. Python-Markdown re-parses raw HTML with its
HTML parser, which was most of the build time of a large academy (about 8 ms a
module page, much more for a long pathway). Templates wrap their HTML between
``HTML_START`` and ``HTML_END``; ``qisite.markdown_extension`` (which every
engine loads) hands each wrapped block to Python-Markdown's raw-HTML stash
unparsed. Text between blocks (an organiser's module body) is still Markdown.
Without the extension the comments are harmless and the page renders the slow way.

Lists of dated sittings carry ``data-search-exclude``, which keeps them out of
the search index of every engine (Material's search plugin and Zensical's): a
search index is built once but read for months, so it should not offer sittings
that have since ended. They are also wrapped between ``UNINDEXED_START`` and
``UNINDEXED_END``: the MkDocs plugin holds them back while the search plugin
indexes the page and puts them in afterwards, because on a large academy
parsing those lists for the index took a third of the build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Swap:
    """Blocks between two marker comments, swapped for numbered placeholders and back."""

    name: str
    """The markers are <!-- {name} --> and <!-- /{name} -->."""
    placeholder_name: str
    _block: re.Pattern[str] = field(init=False, repr=False)
    _placeholder: re.Pattern[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        block = re.escape(self.start) + r"(.*?)" + re.escape(self.end)
        object.__setattr__(self, "_block", re.compile(block, re.DOTALL))
        placeholder = re.compile(rf"<!-- {re.escape(self.placeholder_name)} (\d+) -->")
        object.__setattr__(self, "_placeholder", placeholder)

    @property
    def start(self) -> str:
        return f"<!-- {self.name} -->"

    @property
    def end(self) -> str:
        return f"<!-- /{self.name} -->"

    def take_out(self, text: str) -> tuple[str, list[str]]:
        """The text with each wrapped block replaced by a placeholder, and the blocks."""
        held: list[str] = []

        def swap(match: re.Match[str]) -> str:
            held.append(match.group(1))
            return f"\n\n<!-- {self.placeholder_name} {len(held) - 1} -->\n\n"

        return self._block.sub(swap, text), held

    def put_back(self, text: str, held: list[str]) -> str:
        """The text with each placeholder replaced by the block it stands for."""
        if not held:
            return text

        def back(match: re.Match[str]) -> str:
            index = int(match.group(1))
            return held[index] if index < len(held) else match.group(0)

        return self._placeholder.sub(back, text)


HTML = Swap("qisite:html", "qisite:stash")
UNINDEXED = Swap("qisite:unindexed", "qisite:later")
HTML_START, HTML_END = HTML.start, HTML.end
UNINDEXED_START, UNINDEXED_END = UNINDEXED.start, UNINDEXED.end
