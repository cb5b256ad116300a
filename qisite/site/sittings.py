"""A sitting's name as the pages show it, in the academy's language; and each sitting as
the publication manifest records it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from qisite.i18n import Words
from qisite.publication import Sitting
from qisite.site import paths
from qisite.site.urls import page_url

if TYPE_CHECKING:
    from qisite.sessions import Occurrence


def sitting_name(words: Words, occurrence: Occurrence, title: str | Markup) -> Markup:
    """'Title: part (cohort)', the same words as the feeds' summary; ``title`` may be a
    link (Markup), anything else is escaped."""
    name = escape(title)
    if occurrence.part:
        name = escape(words.gettext("%(title)s: %(part)s")) % {
            "title": name,
            "part": occurrence.part.name,
        }
    if occurrence.cohort:
        name = escape(words.gettext("%(title)s (%(cohort)s)")) % {
            "title": name,
            "cohort": occurrence.cohort,
        }
    return name


def published_sittings(
    occurrences: Iterable[Occurrence], words: Words, use_directory_urls: bool
) -> dict[str, Sitting]:
    """Each sitting a build publishes, by UID, before its history is known."""
    return {
        o.uid: Sitting(
            module=o.module_id,
            title=sitting_name(words, o, o.title).unescape(),
            start=o.start,
            end=o.end,
            venue=o.venue,
            online=o.online,
            status="cancelled" if o.cancelled else "scheduled",
            address=f"{page_url(paths.module(o.module_id), use_directory_urls)}"
            f"#session-{o.slug}",
        )
        for o in occurrences
    }
