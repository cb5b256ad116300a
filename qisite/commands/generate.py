"""qisite generate: write the pages, feeds and assets into a folder any engine can build."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from qisite.engines.project import PREVIOUS_ENV, ProjectError, previous_manifest
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
    add_previous_argument(parser)


def add_previous_argument(parser: argparse.ArgumentParser) -> None:
    """``--previous``, on every command that builds: it wins over ``previous_manifest``
    in mkdocs.yml, as ``QISITE_PREVIOUS_MANIFEST`` does (which the plugin reads too)."""
    parser.add_argument(
        "--previous",
        metavar="OLD.json",
        default=os.environ.get(PREVIOUS_ENV) or None,
        help="the publication.json of the last publication (default: previous_manifest "
        "under the qisite plugin in the config): sittings keep their history, and the "
        "build warns about addresses that would vanish",
    )


def previous_of(args: argparse.Namespace) -> Path | None:
    """The manifest ``--previous`` names, from the current folder; None to use the config's."""
    return previous_manifest(None, Path.cwd(), args.previous)


def _stderr(line: str) -> None:
    print(line, file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    try:
        prepared = prepare(args.config_file, _stderr, out=args.out, previous=previous_of(args))
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
