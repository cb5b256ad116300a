"""The MkDocs plugin: a thin adapter from MkDocs events to qisite's pure functions."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from qisite import markdown_extension
from qisite.engines import EngineSettings, Generated, generate
from qisite.engines.checks import build_warnings, publication_problems
from qisite.engines.project import PREVIOUS_ENV, previous_manifest
from qisite.engines.theme import asset_settings
from qisite.filewriter import BackgroundWriter
from qisite.inputs import load_inputs
from qisite.model import Inputs
from qisite.problems import report_lines
from qisite.site import rawhtml

log = get_plugin_logger("qisite")


class QisiteConfig(base.Config):
    curriculum = c.Type(str, default="curriculum.yaml")
    """Path to the curriculum, relative to mkdocs.yml."""
    previous_manifest = c.Optional(c.Type(str))
    """The publication.json of the last publication, relative to mkdocs.yml: sittings keep
    their history, and the build warns about addresses that would vanish. Every engine
    reads it here (``qisite generate`` too); ``qisite build --previous`` overrides it."""


class QisitePlugin(BasePlugin[QisiteConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.inputs: Inputs | None = None
        self.watched: tuple[Path, ...] = ()
        self.generated: Generated | None = None
        self.unindexed_html: dict[str, list[str]] = {}
        self.writer = BackgroundWriter()
        self.previous_display = ""
        self.config_display = "mkdocs.yml"

    # Load early, so that a broken curriculum stops the build before any work is done.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config_dir = Path(config.config_file_path or ".").resolve().parent
        curriculum_path = (config_dir / self.config.curriculum).resolve()
        display = _display(curriculum_path, config_dir)
        previous = previous_manifest(
            self.config.previous_manifest, config_dir, os.environ.get(PREVIOUS_ENV)
        )
        if previous is not None:
            self.previous_display = _display(previous, config_dir)
        loaded = load_inputs(curriculum_path, display, previous, self.previous_display)
        for line in report_lines(loaded.warnings):
            log.warning(line)
        for line in report_lines(loaded.infos):  # hints, no fault: not counted by --strict
            log.info(line)
        if not loaded.ok:
            raise PluginError(
                f"{display} has {len(loaded.errors)} error(s); nothing was built:\n"
                + "\n".join(report_lines(loaded.errors))
            )
        inputs = loaded.require()
        self.config_display = _display(Path(config.config_file_path or "mkdocs.yml"), config_dir)
        self.watched = inputs.files
        # Keep the inputs without the position of every key in the curriculum (for the
        # messages above): that is 25 MB at 1,000 modules, and the pages never need it.
        self.inputs = inputs.without_positions()
        # Our own stylesheets and scripts, served from the site itself (never another host),
        # each page only those it uses where the theme's overrides allow it.
        custom_dir = config.theme.custom_dir
        features = config.theme.get("features") or []
        theme_assets = asset_settings(Path(custom_dir) if custom_dir else None, features)
        config.extra.update(theme_assets.extra)
        config.extra_css.extend(p for p in theme_assets.extra_css if p not in config.extra_css)
        known = {str(script) for script in config.extra_javascript}
        config.extra_javascript.extend(p for p in theme_assets.extra_javascript if p not in known)
        if note := theme_assets.fallback_note():
            log.info(note)
        # Generated HTML kept out of Markdown's way, and its headings listed: the same
        # extension every engine loads (see qisite.markdown_extension).
        if markdown_extension.NAME not in config.markdown_extensions:
            config.markdown_extensions.append(markdown_extension.NAME)
        return config

    # Run after other plugins have added their files, so that ours win on a clash.
    @event_priority(-50)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.inputs is not None
        module_texts = {
            file.src_uri: file.content_string
            for file in files.documentation_pages()
            if file.src_uri.startswith("modules/")
        }
        settings = EngineSettings(config.use_directory_urls, config.site_url or None)
        pages = tuple(file.src_uri for file in files.documentation_pages())
        generated = self.generated = generate(self.inputs, module_texts, settings, pages)
        for src_uri in generated.module_bodies:
            files.remove(files.src_uris[src_uri])
        language = config.theme.get("language")
        shown = build_warnings(generated, config.site_name, self.config_display, language)
        for warning in shown:
            log.warning(warning)
        for line in report_lines(publication_problems(generated, self.previous_display)):
            log.warning(line)
        self.writer = BackgroundWriter()
        for output in generated.outputs:
            existing = files.get_file_from_path(output.src_uri)
            if existing is not None:
                files.remove(existing)
            inclusion = InclusionLevel.UNDEFINED if output.in_nav else InclusionLevel.NOT_IN_NAV
            if output.src_uri.endswith(".md"):
                file = File.generated(
                    config, output.src_uri, content=output.content, inclusion=inclusion
                )
            else:
                file = _WrittenInBackground.handed_to(
                    self.writer, config, output.src_uri, output.content, inclusion
                )
            files.append(file)
        return files

    # Run last, so that markers other plugins write into a page are expanded too.
    @event_priority(-100)
    def on_page_markdown(self, markdown: str, page: Any, config: MkDocsConfig, files: Files) -> str:
        assert self.generated is not None
        return self.generated.page(page.file.src_uri, markdown)

    # Run first, so that the dated lists stay out of the page until search has indexed it.
    # Their data-search-exclude keeps them out of every engine's index; holding them back
    # here also spares the search plugin from parsing them (a third of a large build).
    @event_priority(100)
    def on_page_content(self, html: str, page: Any, config: MkDocsConfig, files: Files) -> str:
        html, self.unindexed_html[page.file.src_uri] = rawhtml.UNINDEXED.take_out(html)
        return html

    # Run after the search plugin (priority 0) has read the page.
    @event_priority(-100)
    def on_page_context(self, context: Any, page: Any, config: MkDocsConfig, nav: Any) -> Any:
        held = self.unindexed_html.pop(page.file.src_uri, [])
        if held and page.content is not None:
            page.content = rawhtml.UNINDEXED.put_back(page.content, held)
        return context

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        """Drop the lines the theme's block tags leave behind ({% if %} alone on an
        indented line): about 3 KB of every page, 10 % of a small one, that a server
        which does not compress sends to a slow phone (issue 14). Text and markup stay
        as they were; only whitespace between tags goes."""
        env.trim_blocks = True
        env.lstrip_blocks = True
        return env

    # Run first, so that the feeds are all in place before other plugins look at the site.
    @event_priority(100)
    def on_post_build(self, config: MkDocsConfig) -> None:
        try:
            self.writer.finish()
        except OSError as error:
            raise PluginError(f"could not write {error.filename}: {error.strerror}") from error

    def on_build_error(self, error: Exception) -> None:
        self.writer.close()

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild when the curriculum or a session or progress CSV it names is edited."""
        for path in self.watched:
            server.watch(str(path))
        return server


class _WrittenInBackground(File):
    """A generated file (a feed, a stylesheet) that MkDocs asks to copy, handed to the
    background writer instead, which may create it in a helper process while the pages
    render (see ``qisite.filewriter``)."""

    writer: BackgroundWriter

    @classmethod
    def handed_to(
        cls,
        writer: BackgroundWriter,
        config: MkDocsConfig,
        src_uri: str,
        content: str | bytes,
        inclusion: InclusionLevel,
    ) -> _WrittenInBackground:
        """``File.generated`` for this class (which MkDocs types as returning a plain File)."""
        file = cls.generated(config, src_uri, content=content, inclusion=inclusion)
        assert isinstance(file, cls)
        file.writer = writer
        return file

    def copy_file(self, dirty: bool = False) -> None:
        self.writer.add(self.abs_dest_path, self.content_bytes)


def _display(path: Path, config_dir: Path) -> str:
    try:
        return str(path.relative_to(config_dir))
    except ValueError:
        return str(path)

