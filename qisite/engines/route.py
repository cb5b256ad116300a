"""The generate route, start to end: read the project, load its academy, generate,
write the merged folder and the engine's config."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from qisite.engines.checks import build_warnings, publication_problems
from qisite.engines.config import engine_config, write_engine_config
from qisite.engines.folder import BUILD_DOCS, read_docs_pages, write_docs_folder
from qisite.engines.project import read_project
from qisite.engines.step import generate
from qisite.inputs import display_path, load_inputs
from qisite.problems import report_lines

Report = Callable[[str], None]


@dataclass(frozen=True)
class Prepared:
    """A project made ready for an engine that runs no MkDocs plugin."""

    config: Path
    """The generated config: give it to the engine (``-f``)."""
    docs: Path
    files: int
    """Files qisite added to the docs folder (pages, feeds, assets) or changed."""
    warnings: int
    seconds: float


def prepare(
    config_file: Path,
    report: Report,
    out: Path | None = None,
    site_dir: Path | None = None,
    previous: Path | None = None,
) -> Prepared | None:
    """Write ``out`` (default build/docs in the project) and its config; None if the
    academy has errors (each reported, nothing written).

    ``previous`` is the last publication's manifest (default: the plugin's
    ``previous_manifest`` in the config), as a build with the plugin would read it."""
    started = time.perf_counter()
    project = read_project(config_file)
    previous = previous or project.previous_manifest
    previous_display = display_path(previous) if previous is not None else ""
    curriculum_display = display_path(project.curriculum)
    loaded = load_inputs(project.curriculum, curriculum_display, previous, previous_display)
    for line in report_lines(loaded.problems):
        report(line)
    if not loaded.ok:
        report(f"{curriculum_display} has errors; nothing was generated")
        return None
    pages = read_docs_pages(project.docs_dir)
    generated = generate(loaded.require().without_positions(), pages, project.settings)
    site_name = str(project.config.get("site_name") or "")
    theme = project.config.get("theme")
    language = theme.get("language") if isinstance(theme, dict) else None
    warnings = build_warnings(generated, site_name, display_path(project.config_file), language)
    for warning in warnings:
        report(f"WARNING - {warning}")
    changes = publication_problems(generated, previous_display)
    for line in report_lines(changes):
        report(line)
    docs = (out or project.root / BUILD_DOCS).resolve()
    settings = engine_config(project, docs, site_dir)  # checks the folders first
    files = write_docs_folder(project.docs_dir, pages, generated, docs)
    config = write_engine_config(project, settings)
    told = len(loaded.warnings) + len(warnings) + len(changes)
    return Prepared(config, docs, files, told, time.perf_counter() - started)
