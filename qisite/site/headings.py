"""Section headings of generated pages: the same permalink and "on this page" entry
that MkDocs gives the headings of hand-written pages.

Generated HTML bypasses Python-Markdown (see ``rawhtml``), so its ``toc``
extension never sees these headings: ``heading`` writes the permalink the
extension would have written, and ``headings_in`` reads a finished page's
headings back, in order, for its table of contents.
"""

from __future__ import annotations

import re
from typing import TypedDict

from markupsafe import Markup

from qisite.i18n.markers import N_

PERMALINK_TITLE = N_("Permanent link")
"""The permalink's tooltip, as Python-Markdown's toc writes it on hand-written pages."""
_HEADING = Markup(
    '<h{0} id="{1}">{2}<a class="headerlink" href="#{1}" title="{3}">&para;</a></h{0}>'
)
_PLAIN_HEADING = Markup('<h{0} id="{1}">{2}</h{0}>')


def heading(
    level: int,
    anchor: str,
    text: str,
    permalink: bool = True,
    permalink_title: str = PERMALINK_TITLE,
) -> Markup:
    """``<h2 id="anchor">text</h2>`` with its permalink; ``text`` is escaped unless Markup.

    ``permalink=False`` for a heading that names its section (``aria-labelledby``):
    the link's pilcrow would be read as part of the section's name. Templates get this
    with ``permalink_title`` in the site's language.
    """
    if not permalink:
        return _PLAIN_HEADING.format(level, anchor, text)
    return _HEADING.format(level, anchor, text, permalink_title)


class HeadingToken(TypedDict):
    """A heading as Python-Markdown's ``toc`` extension lists it (before nesting)."""

    level: int
    id: str
    name: str
    """The heading's content as HTML, without its permalink."""


_ANY_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.DOTALL)
_ID = re.compile(r'(?:^|\s)id="([^"]+)"')  # not data-id="..."
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_LINK_TAG = re.compile(r"</?a\b[^>]*>")


def headings_in(html: str) -> list[HeadingToken]:
    """Every heading that has an id, in the order of the page; headings without one
    (a sitting's title, a module in a pathway's plan) are not sections."""
    found: list[HeadingToken] = []
    for match in _ANY_HEADING.finditer(html):
        anchor = _ID.search(match.group(2))
        if anchor is None:
            continue
        # Other links are unwrapped: the entry is itself a link.
        name = _LINK_TAG.sub("", _PERMALINK.sub("", match.group(3))).strip()
        found.append({"level": int(match.group(1)), "id": anchor.group(1), "name": name})
    return found
