"""The config for an engine that runs no MkDocs plugin: the project's, pointed at the
generated folder.

It lies beside mkdocs.yml, because Zensical resolves ``docs_dir`` and ``site_dir``
against the folder of its config and requires both inside it. It inherits
mkdocs.yml (``INHERIT``), so organisers keep editing one file; Zensical adds the
lists written here to mkdocs.yml's own (MkDocs would replace them), so each
names only what mkdocs.yml lacks.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from qisite import markdown_extension
from qisite.engines.project import Project, ProjectError
from qisite.engines.theme import AssetSettings, asset_settings

SUFFIX = ".generated.yml"
HEADER = (
    "# Written by `qisite generate` for engines that run no MkDocs plugin (Zensical):\n"
    "# it is written again at every build, so edit {parent} instead.\n"
)


def generated_config_path(config_file: Path) -> Path:
    """mkdocs.yml -> mkdocs.generated.yml, beside it (its .gitignore lists *.generated.yml)."""
    return config_file.with_name(config_file.stem + SUFFIX)


def _inside(path: Path, root: Path, what: str) -> str:
    relative = os.path.relpath(path.resolve(), root)
    if relative == ".." or relative.startswith(".." + os.sep):
        raise ProjectError(
            f"{what} {path} is outside the project folder {root}: Zensical reads and "
            "writes only inside the folder of its config"
        )
    return Path(relative).as_posix()


def _missing(wanted: list[str], present: Any) -> list[str]:
    have = {str(item.get("path") if isinstance(item, dict) else item) for item in present or []}
    return [item for item in wanted if item not in have]


def _extension_names(extensions: Any) -> set[str]:
    if isinstance(extensions, dict):
        return set(extensions)
    return {next(iter(e)) if isinstance(e, dict) else str(e) for e in extensions or []}


def _theme_assets(project: Project) -> AssetSettings:
    theme = project.config.get("theme")
    theme = theme if isinstance(theme, dict) else {}
    custom_dir = theme.get("custom_dir")
    features = theme.get("features") or []
    return asset_settings(project.root / str(custom_dir) if custom_dir else None, features)


def engine_config(project: Project, docs: Path, site_dir: Path | None = None) -> dict[str, Any]:
    """The settings the generated config holds, beneath its INHERIT of the project's."""
    config = project.config
    settings: dict[str, Any] = {
        "INHERIT": project.config_file.name,
        "docs_dir": _inside(docs, project.root, "The generated folder"),
    }
    if site_dir is not None:
        settings["site_dir"] = _inside(site_dir, project.root, "The site folder")
    theme_assets = _theme_assets(project)
    if theme_assets.extra:
        settings["extra"] = theme_assets.extra
    if css := _missing(list(theme_assets.extra_css), config.get("extra_css")):
        settings["extra_css"] = css
    if scripts := _missing(list(theme_assets.extra_javascript), config.get("extra_javascript")):
        settings["extra_javascript"] = scripts
    if markdown_extension.NAME not in _extension_names(config.get("markdown_extensions")):
        settings["markdown_extensions"] = [markdown_extension.NAME]
    theme = config.get("theme")
    if isinstance(theme, dict) and "variant" not in theme:
        # Zensical's 'modern' look fails WCAG contrast (its active navigation link);
        # 'classic' is the look of Material for MkDocs, which the overrides are made for.
        settings["theme"] = {"variant": "classic"}
    return settings


def write_engine_config(project: Project, settings: dict[str, Any]) -> Path:
    """Write ``settings`` (from ``engine_config``) beside the project's config."""
    path = generated_config_path(project.config_file)
    text = HEADER.format(parent=project.config_file.name) + yaml.safe_dump(
        settings, sort_keys=False, allow_unicode=True
    )
    path.write_text(text, encoding="utf-8")
    return path
