"""A sitting's name as the pages show it, in the academy's language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from qisite.i18n import Words

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
