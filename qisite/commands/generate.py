"""qisite generate: write the pages, feeds and assets into a folder any engine can build."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from qisite.engines.project import ProjectError
from qisite.engines.route import prepare

NAME = "generate"
HELP = (
    "write content/ with every generated page, feed and asset into build/docs, and a "
    "config for engines that run no MkDocs plugin (Zensical)"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="the project's config"
    )
    parser.add_argument(
        "--out", type=Path, default=None, help="folder to write (default: build/docs)"
    )


def _stderr(line: str) -> None:
    print(line, file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    try:
        prepared = prepare(args.config_file, _stderr, out=args.out)
    except (ProjectError, ValueError) as error:
        _stderr(f"qisite generate: {error}")
        return 1
    if prepared is None:
        return 1
    print(
        f"Generated {prepared.files} files into {prepared.docs} in {prepared.seconds:.2f} s; "
        f"build it with: zensical build -f {prepared.config.name}"
    )
    return 0
