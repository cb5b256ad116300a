"""Accessible names of links, worked out from the page's markup as a browser does for the
few ways qisite names them: aria-labelledby, aria-label, else the link's text."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag


def _text(element: Tag) -> str:
    """The element's text without what is hidden."""
    copy = BeautifulSoup(str(element), "html.parser")
    for hidden in copy.select("[hidden], [aria-hidden=true]"):
        hidden.decompose()
    return " ".join(copy.get_text(" ").split())


def accessible_name(link: Tag, page: Tag) -> str:
    """The name of ``link`` on ``page``: each element aria-labelledby names (the link
    itself included, by its own text), else aria-label, else its text."""
    labelled_by = link.get("aria-labelledby")
    if labelled_by:
        parts = []
        for ref in str(labelled_by).split():
            target = page.find(id=ref)
            assert isinstance(target, Tag), f"aria-labelledby names a missing id {ref!r}"
            parts.append(_text(target))
        return " ".join(" ".join(parts).split())
    if link.get("aria-label"):
        return " ".join(str(link["aria-label"]).split())
    return _text(link)


def names_by_target(page: Tag, selector: str = "a[href]") -> dict[str, set[str]]:
    """Each accessible name of the links under ``page``, with the addresses it leads to."""
    found: dict[str, set[str]] = {}
    for link in page.select(selector):
        found.setdefault(accessible_name(link, page), set()).add(str(link["href"]))
    return found
