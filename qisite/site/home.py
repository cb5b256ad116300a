"""Markers that put curriculum data on hand-written pages: the pathway chooser and the contact.

The home page and the About pages stay ordinary Markdown files that organisers
edit; where one says ``<!-- qisite:pathway-chooser -->`` or
``<!-- qisite:contact -->`` the plugin puts the rendered HTML.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from qisite.model import StaffGroup
from qisite.site.context import SiteContext
from qisite.site.labels import STAFF_GROUP_LABELS
from qisite.views.pathways import Pathway, all_pathways, audiences_for_group

CHOOSER_MARKER = "<!-- qisite:pathway-chooser -->"
CONTACT_MARKER = "<!-- qisite:contact -->"
_EMAIL = re.compile(r"^[^@\s:/]+@[^@\s/]+\.[^@\s/]+$")


def render_chooser(
    site: SiteContext, src_uri: str, pathways: list[Pathway] | None = None
) -> Markup:
    """The chooser as it appears on the page at ``src_uri`` (links are relative to it)."""
    curriculum = site.curriculum
    groups = [
        (group, audiences)
        for group in StaffGroup
        if (audiences := audiences_for_group(curriculum, group))
    ]
    html = site.render(
        "home/chooser.html.j2",
        src_uri,
        pathways=pathways if pathways is not None else all_pathways(curriculum),
        groups=groups,
        staff_group_labels=STAFF_GROUP_LABELS,
    )
    return Markup(html)  # our own template rendered it, with autoescape on


def contact_href(contact: str) -> str | None:
    """A link for the academy's contact: web pages as they are, email addresses as mailto."""
    text = contact.strip()
    if text.lower().startswith(("https://", "http://", "mailto:")) and " " not in text:
        return text
    if _EMAIL.match(text):
        return f"mailto:{text}"
    return None


def render_contact(site: SiteContext, src_uri: str) -> str:
    href = contact_href(site.curriculum.academy.contact)
    return site.render("home/contact.html.j2", src_uri, href=href)


def expand_markers(site: SiteContext, markdown: str, src_uri: str) -> str:
    """Replace the markers in a page's Markdown, if it has any."""
    if CHOOSER_MARKER in markdown:
        chooser = render_chooser(site, src_uri)
        markdown = markdown.replace(CHOOSER_MARKER, f"\n{chooser}\n")
    if CONTACT_MARKER in markdown:
        markdown = markdown.replace(CONTACT_MARKER, f"\n{render_contact(site, src_uri)}\n")
    return markdown
