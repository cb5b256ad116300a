"""Running an engine's own build command, as an organiser would type it."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from typing import Literal

from qisite.engines.project import PREVIOUS_ENV

Engine = Literal["mkdocs", "properdocs", "zensical"]
ENGINES: tuple[Engine, ...] = ("mkdocs", "properdocs", "zensical")
PLUGIN_ENGINES: tuple[Engine, ...] = ("mkdocs", "properdocs")
"""Engines that run qisite's MkDocs plugin; the others are given a generated folder."""
TESTED_VERSIONS = {"mkdocs": "1.6.1", "properdocs": "1.6.7", "zensical": "0.0.73"}
"""The version of each engine qisite's tests build with."""


def missing_engine(engine: Engine) -> str | None:
    """What to do when ``engine`` is not installed in this Python; None when it is."""
    if importlib.util.find_spec(engine) is not None:
        return None
    return (
        f"{engine} is not installed in this Python: "
        f"python3 -m pip install '{engine}=={TESTED_VERSIONS[engine]}'"
    )


def engine_command(
    engine: Engine, config_file: Path, site_dir: Path | None = None, strict: bool = False
) -> list[str]:
    """The engine's build command for ``config_file``.

    Zensical has no option for the site folder: the generated config names it.
    Its ``--clean`` empties its cache, whose key does not cover qisite's extension.
    """
    command = [sys.executable, "-m", engine, "build", "-f", str(config_file)]
    if engine == "zensical":
        command.append("--clean")
    elif site_dir is not None:
        command += ["-d", str(site_dir)]
    if strict:
        command.append("--strict")
    return command


def run_engine(
    engine: Engine,
    config_file: Path,
    site_dir: Path | None = None,
    strict: bool = False,
    previous: Path | None = None,
) -> int:
    """Run the build in the config's folder; the engine's exit code.

    ``previous`` names the last publication's manifest to qisite's plugin, in place of
    its ``previous_manifest`` option: the engine's command line cannot set a plugin's."""
    command = engine_command(engine, config_file, site_dir, strict)
    env = {**os.environ, PREVIOUS_ENV: str(previous)} if previous is not None else None
    return subprocess.run(command, cwd=config_file.parent, env=env, check=False).returncode
