"""What a producer hands to the build: a page (Markdown source) or any other file."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Output:
    """A file to add to the site. ``src_uri`` ending in .md becomes a page."""

    src_uri: str
    content: str | bytes
    in_nav: bool = True
    """False for the page of each pathway, module and calendar month: reached from an
    index page, never listed in the navigation (a nav of a thousand pages makes every
    page slow), and so not reported by MkDocs as missing from it."""
