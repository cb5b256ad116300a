"""Build a project folder with one of the three engines, as its own command line does.

MkDocs and ProperDocs run qisite's plugin; Zensical runs no MkDocs plugin, so a
project given to it must already hold the generated pages in its docs folder.
Each build runs in a fresh interpreter, the way an organiser types the command:
``python -m <engine> build``. The interpreter is this one when it has the
engine installed (as on CI, where ``scripts/test`` installs all three), or else
the one named by ``QISITE_ENGINES_PYTHON`` (a separate environment holding the
engines, for a machine whose shared environment has only MkDocs).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml

from tests.sitebuild import REPO

Engine = Literal["mkdocs", "properdocs", "zensical"]
ENGINES: tuple[Engine, ...] = ("mkdocs", "properdocs", "zensical")

ENGINES_PYTHON = "QISITE_ENGINES_PYTHON"
SOURCE_DATE_EPOCH = "1798761600"  # 2027-01-01: the same build time for every engine
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
# MkDocs and ProperDocs log "WARNING -  text"; Zensical prints "Warning: text" and,
# on the next line, where: "╭─[ about.md:18:48 ]" (then the source line, drawn).
_WARNING = re.compile(
    r"^(?:WARNING\s+-\s+|Warning:\s+)(?P<text>.*)$(?:\n\s*╭─\[\s*(?P<where>\S+)\s*\])?",
    re.MULTILINE,
)


class EngineMissingError(RuntimeError):
    """The engine is not installed in any interpreter these helpers may use."""


@dataclass(frozen=True)
class EngineBuild:
    engine: Engine
    root: Path
    site_dir: Path
    returncode: int
    output: str
    """What the command printed (stdout and stderr, colour codes removed)."""
    seconds: float

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def warnings(self) -> list[str]:
        """Each warning's text, led by "file:line:column: " where Zensical names it."""
        return [
            f"{m['where']}: {m['text'].strip()}" if m["where"] else m["text"].strip()
            for m in _WARNING.finditer(self.output)
        ]

    def pages(self) -> set[str]:
        """Every HTML file of the site, as a path relative to the site folder."""
        return {p.relative_to(self.site_dir).as_posix() for p in self.site_dir.rglob("*.html")}

    def files(self, suffix: str) -> dict[str, bytes]:
        """The bytes of every file with this suffix (".ics"), by path in the site."""
        return {
            p.relative_to(self.site_dir).as_posix(): p.read_bytes()
            for p in sorted(self.site_dir.rglob(f"*{suffix}"))
        }


def engine_python(engine: Engine) -> str:
    """An interpreter that can run ``python -m <engine>``."""
    candidates = [sys.executable]
    if other := os.environ.get(ENGINES_PYTHON):
        candidates.append(other)
    for python in candidates:
        found = subprocess.run(
            [python, "-c", f"import {engine}"], capture_output=True, timeout=60, check=False
        )
        if found.returncode == 0:
            return python
    raise EngineMissingError(
        f"{engine} is not installed for {' or '.join(candidates)}: install it "
        f"(scripts/test does) or set {ENGINES_PYTHON} to a Python that has it"
    )


def _zensical_config(root: Path, config_file: str, site_dir: Path) -> str:
    """A config beside the project's that only moves the site folder.

    Zensical has no ``--site-dir`` option, and it requires ``site_dir`` to lie in
    the folder of its config file. Its ``INHERIT`` merges the project's settings
    under these (lists are joined, so only plain values are set here).
    """
    relative = os.path.relpath(site_dir, root)
    if relative.startswith(".."):
        raise ValueError(f"Zensical builds only inside the project folder, not to {site_dir}")
    wrapper = root / f".engine-zensical-{Path(config_file).stem}.yml"
    settings = {"INHERIT": config_file, "site_dir": relative}
    wrapper.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    return wrapper.name


def engine_command(engine: Engine, root: Path, config_file: str, site_dir: Path) -> list[str]:
    python = engine_python(engine)
    if engine == "zensical":
        # --clean empties its cache (.cache/ in the project), so nothing is reused.
        wrapper = _zensical_config(root, config_file, site_dir)
        return [python, "-m", "zensical", "build", "--clean", "-f", wrapper]
    return [python, "-m", engine, "build", "-f", config_file, "-d", str(site_dir)]


def qisite_build_command(
    engine: Engine, root: Path, config_file: str, site_dir: Path
) -> list[str]:
    """``qisite build --engine <engine>``: the one command for every engine (for Zensical
    it generates the pages into build/docs first)."""
    python = engine_python(engine)
    command = ["-m", "qisite.cli", "build", "--engine", engine, "-f", config_file]
    return [python, *command, "-d", str(site_dir)]


def build_with(
    engine: Engine,
    root: Path,
    config_file: str = "mkdocs.yml",
    site_dir: Path | None = None,
    timeout: float = 300,
    through_qisite: bool = False,
) -> EngineBuild:
    """Run ``<engine> build`` in ``root`` and return where the site went and what it said.

    ``through_qisite`` runs ``qisite build --engine <engine>`` instead, as the README
    tells organisers to. The build imports this checkout's qisite (``PYTHONPATH``),
    whichever interpreter runs the engine. A failed build is returned, not raised:
    tests assert on it. Builds are reproducible (``SOURCE_DATE_EPOCH``, fixed unless set).
    """
    root = root.resolve()
    site_dir = (site_dir or root / "site").resolve()
    if through_qisite:
        command = qisite_build_command(engine, root, config_file, site_dir)
    else:
        command = engine_command(engine, root, config_file, site_dir)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
        # Both ask every build to switch engines: noise in the output under test.
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
        "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH),
    }
    started = time.perf_counter()
    done = subprocess.run(
        command, cwd=root, capture_output=True, text=True, timeout=timeout, env=env, check=False
    )
    seconds = time.perf_counter() - started
    output = _ANSI.sub("", done.stdout + done.stderr)
    return EngineBuild(engine, root, site_dir, done.returncode, output, seconds)
