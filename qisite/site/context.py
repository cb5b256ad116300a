"""Everything a producer needs to render its pages, computed once per build."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from typing import Any

import jinja2
from markupsafe import escape

from qisite.i18n import Words
from qisite.model import Catalogue, Curriculum, Inputs, Project
from qisite.publication import Manifest, Sitting, SittingEntry, carry_forward
from qisite.sessions import Occurrence, occurrences
from qisite.sessions.build_time import source_date_epoch
from qisite.sessions.expand import grouped
from qisite.site import dates, paths
from qisite.site.formatting import format_hours, format_minutes
from qisite.site.headings import PERMALINK_TITLE, heading
from qisite.site.labels import FORMAT_LABELS, STAGE_LABELS
from qisite.site.published import published_base, published_url
from qisite.site.sittings import published_sittings, sitting_name
from qisite.site.subscribe import FeedAddresses, feed_addresses
from qisite.site.urls import Linker
from qisite.views.projects import (
    area_key,
    by_reference,
    has_learning_by_doing,
    projects_to_join,
)


def _escapes(template_name: str | None) -> bool:
    return not (template_name or "").endswith(".text.j2")


def make_environment(words: Words) -> jinja2.Environment:
    """Templates that speak ``words``' language: ``_()``, ``{% trans %}`` and the filters."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("qisite", "templates"),
        # Every value from YAML is escaped: organisers' text is never HTML. Only plain-text
        # templates (*.text.j2, never served as HTML) are left unescaped.
        autoescape=_escapes,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # One environment serves one build; templates are package files that do not
        # change during it, so skip a stat() on every include (thousands a build).
        auto_reload=False,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(words.translations, newstyle=True)  # type: ignore[attr-defined]
    env.filters["minutes"] = lambda minutes: format_minutes(words, minutes)
    env.filters["hours"] = lambda minutes: format_hours(words, minutes)
    env.filters["number"] = words.number
    env.filters["unescape_text"] = lambda text: escape(text).unescape()
    env.filters["first_upper"] = lambda text: text[:1].upper() + text[1:]
    env.filters.update(dates.filters(words))
    env.filters["sitting_name"] = lambda occurrence, title: sitting_name(words, occurrence, title)
    env.globals["paths"] = paths
    env.globals["words"] = words
    env.globals["format_labels"] = FORMAT_LABELS
    env.globals["stage_labels"] = STAGE_LABELS
    env.globals["area_key"] = area_key
    env.globals["has_learning_by_doing"] = has_learning_by_doing
    env.globals["projects_to_join"] = projects_to_join
    permalink_title = words.gettext(PERMALINK_TITLE)
    env.globals["heading"] = lambda *args, **named: heading(
        *args, **{"permalink_title": permalink_title, **named}
    )
    return env


@dataclass
class SiteContext:
    """The inputs of one build, and what every producer derives from them, computed once."""

    inputs: Inputs
    use_directory_urls: bool = True
    links_from_source: bool = False
    """Hrefs in Markdown pages relative to the .md file (Zensical), not the page address."""
    module_bodies: dict[str, str] = field(default_factory=dict)
    """Markdown written by organisers in content/modules/<id>.md, by module id."""
    content_pages: tuple[str, ...] = ()
    """The organiser's own pages (source paths), listed in the publication manifest."""
    site_url: str | None = None
    """The address the site is published at (``site_url`` in mkdocs.yml), or None when it
    is not known: posters' QR codes, the bulletin's links and calendar apps' subscribe
    links need it absolute."""
    built_at: datetime | None = None
    """When the build runs (SOURCE_DATE_EPOCH when set): the What's on page holds the
    sittings that end after it. None: the clock at the build."""

    @property
    def curriculum(self) -> Curriculum:
        return self.inputs.curriculum

    @property
    def previous_publication(self) -> Manifest | None:
        """The manifest of the last publication, if the academy names one."""
        return self.inputs.previous_publication

    @property
    def catalogue(self) -> Catalogue:
        return self.inputs.catalogue

    @cached_property
    def occurrences(self) -> list[Occurrence]:
        """Every dated session sitting (YAML and CSV), sorted by start."""
        return occurrences(self.inputs)

    @cached_property
    def occurrences_by_module(self) -> dict[str, list[Occurrence]]:
        """Sittings by module id, in start order: one pass, so module pages stay linear."""
        return grouped(self.occurrences, lambda o: o.module_id)

    @cached_property
    def occurrences_by_audience(self) -> dict[str, list[Occurrence]]:
        """Sittings open to each audience, in start order."""
        index: dict[str, list[Occurrence]] = {}
        for occurrence in self.occurrences:
            for audience_id in occurrence.audiences:
                index.setdefault(audience_id, []).append(occurrence)
        return index

    @cached_property
    def published_sittings(self) -> dict[str, Sitting]:
        """Each sitting this build publishes, by UID, as the manifest records it."""
        return published_sittings(self.occurrences, self.words, self.use_directory_urls)

    @cached_property
    def sitting_history(self) -> dict[str, SittingEntry]:
        """``published_sittings`` with their history carried on from the previous
        publication (each new, without one): made once, for the feeds' SEQUENCE and
        LAST-MODIFIED and for publication.json."""
        return carry_forward(self.published_sittings, self.build_moment, self.previous_publication)

    @cached_property
    def projects(self) -> list[Project]:
        """Every project: those in the curriculum, then those of its CSV files."""
        return list(self.inputs.projects)

    @cached_property
    def projects_by_module(self) -> dict[str, list[Project]]:
        return by_reference(self.projects, "modules")

    @cached_property
    def projects_by_coach(self) -> dict[str, list[Project]]:
        return by_reference(self.projects, "coach")

    @cached_property
    def build_moment(self) -> datetime:
        """``built_at``, else SOURCE_DATE_EPOCH, else now: where held lists of sittings start."""
        return self.built_at or source_date_epoch() or datetime.now(UTC)

    @cached_property
    def published_base(self) -> str | None:
        """``site_url`` ending in '/', or None when the published address is not known."""
        return published_base(self.site_url)

    def published(self, src_uri: str, fragment: str | None = None) -> str | None:
        """The absolute address of ``src_uri`` on the published site, if it is known."""
        base = self.published_base
        if base is None:
            return None
        return published_url(base, src_uri, self.use_directory_urls, fragment)

    @property
    def words(self) -> Words:
        """The site's words, in the academy's language (its own translation file first)."""
        return self.inputs.words

    @cached_property
    def env(self) -> jinja2.Environment:
        return make_environment(self.words)

    def feed_addresses(self, feed_src: str, feed_name: str) -> FeedAddresses | None:
        """Each calendar app's link to the feed at ``feed_src``; None without ``site_url``."""
        name = self.words.gettext(
            "%(academy)s: %(feed)s", academy=self.curriculum.academy.name, feed=feed_name
        )
        return feed_addresses(self.site_url, feed_src, name)

    def linker(self, src_uri: str, in_markup: bool = True) -> Linker:
        """Links from ``src_uri``: hrefs in its markup (``in_markup``), which an engine may
        rewrite (``links_from_source``), or addresses a script reads on the page."""
        return Linker(src_uri, self.use_directory_urls, self.links_from_source and in_markup)

    def render(self, template: str, src_uri: str, **values: Any) -> str:
        """Render a template as the page (or file) at ``src_uri``; ``url()`` links from there."""
        return self.env.get_template(template).render(
            site=self, curriculum=self.curriculum, url=self.linker(src_uri), **values
        )
