"""What the generate route needs from a project's mkdocs.yml (its INHERIT followed)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import yaml_load

from qisite.engines.step import EngineSettings

PLUGIN = "qisite"
DEFAULT_CURRICULUM = "curriculum.yaml"


class ProjectError(Exception):
    """The project's config cannot be read or names something that is not there."""


@dataclass(frozen=True)
class Project:
    config_file: Path
    """The project's mkdocs.yml (absolute)."""
    docs_dir: Path
    curriculum: Path
    settings: EngineSettings
    config: dict[str, Any] = field(repr=False)
    """The whole config, inherited settings merged in, as MkDocs reads it."""

    @property
    def root(self) -> Path:
        """The folder of the config: the engines resolve its paths against it."""
        return self.config_file.parent


def _plugin_options(plugins: Any) -> dict[str, Any]:
    """The qisite plugin's options from a ``plugins`` list or mapping (empty if unlisted)."""
    entries = plugins.items() if isinstance(plugins, dict) else enumerate(plugins or [])
    for key, entry in entries:
        if isinstance(plugins, dict) and key == PLUGIN:
            return dict(entry or {})
        if isinstance(entry, dict) and PLUGIN in entry:
            return dict(entry[PLUGIN] or {})
    return {}


def read_project(config_file: Path) -> Project:
    """The project at ``config_file``; ProjectError names what is wrong."""
    config_file = config_file.resolve()
    try:
        with config_file.open("rb") as handle:
            config = yaml_load(handle)
    except OSError as error:
        raise ProjectError(f"{config_file}: cannot be read ({error.strerror})") from error
    except ConfigurationError as error:
        raise ProjectError(f"{config_file}: {error}") from error
    root = config_file.parent
    docs_dir = (root / str(config.get("docs_dir", "docs"))).resolve()
    if not docs_dir.is_dir():
        raise ProjectError(f"{config_file}: docs_dir {docs_dir} is not a folder")
    options = _plugin_options(config.get("plugins"))
    curriculum = (root / str(options.get("curriculum", DEFAULT_CURRICULUM))).resolve()
    settings = EngineSettings(
        use_directory_urls=bool(config.get("use_directory_urls", True)),
        site_url=str(config["site_url"]) if config.get("site_url") else None,
    )
    return Project(config_file, docs_dir, curriculum, settings, config)
