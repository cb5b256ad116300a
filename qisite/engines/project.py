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
PREVIOUS_ENV = "QISITE_PREVIOUS_MANIFEST"
"""The environment variable through which ``qisite build --previous`` names the last
publication's manifest to an engine that runs the plugin (MkDocs and ProperDocs take
no plugin setting on their command line). Like ``--previous``, it wins over
``previous_manifest`` in mkdocs.yml; a relative path is taken from the current folder."""


class ProjectError(Exception):
    """The project's config cannot be read or names something that is not there."""


@dataclass(frozen=True)
class Project:
    config_file: Path
    """The project's mkdocs.yml (absolute)."""
    docs_dir: Path
    curriculum: Path
    settings: EngineSettings
    previous_manifest: Path | None
    """The last publication's manifest, as the plugin's ``previous_manifest`` names it."""
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


def previous_manifest(option: object, config_dir: Path, given: str | None = None) -> Path | None:
    """The last publication's manifest for a build, the same on every engine: ``given``
    (``--previous`` or ``QISITE_PREVIOUS_MANIFEST``, from the current folder) if set,
    else the plugin's ``previous_manifest`` option (from the folder of mkdocs.yml)."""
    if given:
        return Path(given).resolve()
    if option:
        return (config_dir / str(option)).resolve()
    return None


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
        links_from_source=True,  # these plain files are for Zensical, which rewrites hrefs
    )
    previous = previous_manifest(options.get("previous_manifest"), root)
    return Project(config_file, docs_dir, curriculum, settings, previous, config)
