"""qisite new: start a fresh academy in a folder, ready to build."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

import yaml

from qisite.commands.schema import curriculum_schema
from qisite.engines.config import SUFFIX as GENERATED_CONFIG
from qisite.engines.folder import BUILD_DOCS

NAME = "new"
HELP = "create a new academy (curriculum.yaml, mkdocs.yml, pages) in a folder"

SCAFFOLD = Path(__file__).resolve().parent.parent / "scaffold"
"""Package data. An installed wheel also carries the project files below here."""
CHECKOUT = SCAFFOLD.parent.parent
PROJECT_FILES = ("mkdocs.yml", "mkdocs.offline.yml", "content", "overrides")
"""The example project's files, shared by every academy (pyproject.toml force-includes them
into the wheel under qisite/scaffold/, so there is one copy to maintain)."""
EXAMPLE_ONLY = ("content/modules/*.md",)
"""Files that belong to the example academy's modules, not to a new one."""
GITIGNORE = (
    "# What the builds write, made again every time: kept out of git.\n"
    "/site/\n"  # the site, from every engine
    "/site-offline/\n"  # the shared-folder copy (mkdocs.offline.yml)
    f"/{BUILD_DOCS.parts[0]}/\n"  # qisite generate's folder
    f"/*{GENERATED_CONFIG}\n"  # and its config for Zensical
    "/.cache/\n"  # Zensical's cache
)
"""The new academy's .gitignore (an existing one is left as it is)."""


def project_source(name: str) -> Path:
    """A project file from the installed package, or else from the source checkout."""
    packaged = SCAFFOLD / name
    if packaged.exists():
        return packaged
    return CHECKOUT / name


def _copy(source: Path, target: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.pyc"))
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)


def scaffold(directory: Path) -> list[Path]:
    """Write a new academy into ``directory``; returns the top-level paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in PROJECT_FILES:
        source = project_source(name)
        if source.exists():
            _copy(source, directory / name)
            written.append(directory / name)
    for pattern in EXAMPLE_ONLY:
        for path in directory.glob(pattern):
            path.unlink()
    _copy(SCAFFOLD / "curriculum.yaml", directory / "curriculum.yaml")
    name_the_site(directory / "mkdocs.yml", directory / "curriculum.yaml")
    schema = json.dumps(curriculum_schema(), indent=2, sort_keys=True) + "\n"
    (directory / "curriculum.schema.json").write_text(schema, encoding="utf-8")
    written += [directory / "curriculum.yaml", directory / "curriculum.schema.json"]
    gitignore = directory / ".gitignore"
    if not gitignore.exists():
        gitignore.write_text(GITIGNORE, encoding="utf-8")
        written.append(gitignore)
    return written


def name_the_site(mkdocs_yml: Path, curriculum_yaml: Path) -> None:
    """Write the new academy's name as mkdocs.yml's site_name, which the header and page
    titles show (and which engines that read only mkdocs.yml take from there)."""
    if not mkdocs_yml.exists():
        return
    academy = yaml.safe_load(curriculum_yaml.read_text(encoding="utf-8"))["academy"]
    lines = mkdocs_yml.read_text(encoding="utf-8").splitlines(keepends=True)
    named = [
        f"site_name: {json.dumps(academy['name'], ensure_ascii=False)}\n"
        if line.startswith("site_name:")
        else line
        for line in lines
    ]
    mkdocs_yml.write_text("".join(named), encoding="utf-8")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("directory", type=Path, help="folder for the new academy")
    parser.add_argument(
        "--force", action="store_true", help="write into the folder even if it is not empty"
    )


def run(args: argparse.Namespace) -> int:
    directory: Path = args.directory
    if directory.exists() and not directory.is_dir():
        print(f"{directory} is a file; give the name of a folder", file=sys.stderr)
        return 1
    if directory.is_dir() and any(directory.iterdir()) and not args.force:
        print(
            f"{directory} is not empty, so nothing was written; choose an empty or new folder, "
            "or add --force to write over the files qisite creates there",
            file=sys.stderr,
        )
        return 1
    scaffold(directory)
    print(f"Created a new academy in {directory}")
    print(f"Next: cd {directory}, edit curriculum.yaml, then run 'mkdocs serve' to preview it")
    return 0
