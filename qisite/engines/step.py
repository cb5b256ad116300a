"""The engine-neutral step: every generated page, feed and asset of a build."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath

from qisite.model import Inputs
from qisite.site import SiteContext, home, paths, produce_all
from qisite.site.output import Output


@dataclass(frozen=True)
class EngineSettings:
    """The engine's settings that change what qisite generates."""

    use_directory_urls: bool = True
    """Pages at name/ (True) or name.html (False): generated links follow the engine's."""
    site_url: str | None = None
    """Where the site is published, if known (absolute addresses, such as feed links)."""
    links_from_source: bool = False
    """The engine reads a Markdown page's relative hrefs from its .md file and rewrites
    them for the page's address (Zensical); MkDocs leaves raw HTML as it is."""


@dataclass(frozen=True)
class Generated:
    """What one build adds to the docs folder, and what it takes out of it."""

    site: SiteContext
    outputs: tuple[Output, ...]
    module_bodies: frozenset[str]
    """Docs-folder pages (modules/<id>.md) whose text went into a module page: not pages."""
    warnings: tuple[str, ...]

    def page(self, src_uri: str, markdown: str) -> str:
        """A hand-written page's Markdown with its markers (the pathway chooser, the
        contact) replaced by what they stand for."""
        return home.expand_markers(self.site, markdown, src_uri)


def generate(
    inputs: Inputs,
    docs_pages: Mapping[str, str],
    settings: EngineSettings,
    page_paths: Iterable[str] | None = None,
) -> Generated:
    """The outputs of a build of ``inputs``.

    ``docs_pages`` is the Markdown of the docs folder's pages by path in it (only
    those under modules/ are read: an organiser's text for a module, and any stray
    text that matches no module, which is warned about). ``page_paths`` names every
    page of the docs folder, for the publication manifest, when ``docs_pages`` holds
    only some (default: those of ``docs_pages``).
    """
    curriculum = inputs.curriculum
    bodies = {
        module.id: docs_pages[body]
        for module in curriculum.modules
        if (body := paths.module_body(module.id)) in docs_pages
    }
    taken = frozenset(paths.module_body(module_id) for module_id in bodies)
    warnings = tuple(
        f"{src_uri}: there is no module '{PurePosixPath(src_uri).stem}' in the curriculum, "
        "so this page is not linked from any pathway"
        for src_uri in sorted(docs_pages)
        if src_uri.startswith("modules/")
        and src_uri.endswith(".md")
        and src_uri not in taken
        and src_uri != paths.MODULES_INDEX
    )
    site = SiteContext(
        inputs,
        use_directory_urls=settings.use_directory_urls,
        links_from_source=settings.links_from_source,
        module_bodies=bodies,
        site_url=settings.site_url,
        content_pages=tuple(
            sorted(
                src_uri
                for src_uri in (docs_pages if page_paths is None else page_paths)
                if src_uri.endswith(".md") and src_uri not in taken
            )
        ),
    )
    return Generated(site, tuple(produce_all(site)), taken, warnings)
