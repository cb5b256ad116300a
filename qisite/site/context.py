"""Everything a producer needs to render its pages, computed once per build."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from qisite.catalogue import Catalogue, catalogue_for
from qisite.i18n import Words, words_for
from qisite.model import Curriculum
from qisite.site import dates, paths
from qisite.site.formatting import format_hours, format_minutes
from qisite.site.headings import PERMALINK_TITLE, heading
from qisite.site.labels import FORMAT_LABELS
from qisite.site.sittings import sitting_name
from qisite.site.urls import Linker

if TYPE_CHECKING:
    from qisite.capacity.progress import ProgressRow
    from qisite.sessions import Occurrence
    from qisite.sessions.csv_source import CsvRow


def make_environment(words: Words) -> jinja2.Environment:
    """Templates that speak ``words``' language: ``_()``, ``{% trans %}`` and the filters."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("qisite", "templates"),
        autoescape=True,  # every value from YAML is escaped: organisers' text is never HTML
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
    env.filters["first_upper"] = lambda text: text[:1].upper() + text[1:]
    env.filters.update(dates.filters(words))
    env.filters["sitting_name"] = lambda occurrence, title: sitting_name(words, occurrence, title)
    env.globals["paths"] = paths
    env.globals["words"] = words
    env.globals["format_labels"] = FORMAT_LABELS
    permalink_title = words.gettext(PERMALINK_TITLE)
    env.globals["heading"] = lambda *args, **named: heading(
        *args, **{"permalink_title": permalink_title, **named}
    )
    return env


@dataclass
class SiteContext:
    curriculum: Curriculum
    use_directory_urls: bool = True
    module_bodies: dict[str, str] = field(default_factory=dict)
    """Markdown written by organisers in content/modules/<id>.md, by module id."""
    base_dir: Path = field(default_factory=Path)
    """The folder of curriculum.yaml: session_files are relative to it."""
    session_rows: list[CsvRow] | None = None
    """The CSV sessions as validation read them (``LoadResult.session_rows``); when
    None, the files are read from ``base_dir``."""
    progress_rows: list[ProgressRow] | None = None
    """The progress counts as validation read them (``LoadResult.progress_rows``);
    when None, the files are read from ``base_dir``."""

    @cached_property
    def occurrences(self) -> list[Occurrence]:
        """Every dated session sitting (YAML and CSV), sorted by start."""
        from qisite.sessions import occurrences

        return occurrences(self.curriculum, self.base_dir, self.session_rows)

    @cached_property
    def occurrences_by_module(self) -> dict[str, list[Occurrence]]:
        """Sittings by module id, in start order: one pass, so module pages stay linear."""
        from qisite.sessions.expand import grouped

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
    def catalogue(self) -> Catalogue:
        return catalogue_for(self.curriculum)

    @cached_property
    def words(self) -> Words:
        """The site's words, in the academy's language (its own translation file first)."""
        return words_for(self.curriculum.academy.language, self.base_dir)

    @cached_property
    def env(self) -> jinja2.Environment:
        return make_environment(self.words)

    def linker(self, src_uri: str) -> Linker:
        return Linker(src_uri, self.use_directory_urls)

    def render(self, template: str, src_uri: str, **values: Any) -> str:
        """Render a template as the page (or file) at ``src_uri``; ``url()`` links from there."""
        return self.env.get_template(template).render(
            site=self, curriculum=self.curriculum, url=self.linker(src_uri), **values
        )
