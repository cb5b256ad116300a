"""qisite build: build the site with MkDocs, ProperDocs or Zensical."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from qisite.commands.generate import add_previous_argument, previous_of
from qisite.engines.project import ProjectError
from qisite.engines.route import prepare
from qisite.engines.run import ENGINES, PLUGIN_ENGINES, Engine, missing_engine, run_engine

NAME = "build"
HELP = "build the site with an engine: mkdocs or properdocs (run qisite's plugin) or zensical"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--engine", choices=ENGINES, default="mkdocs", help="default: mkdocs")
    parser.add_argument(
        "-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="the project's config"
    )
    parser.add_argument(
        "-d", "--site-dir", type=Path, default=None, help="folder for the site (default: site)"
    )
    parser.add_argument(
        "-s", "--strict", action="store_true", help="stop with an error on any warning"
    )
    add_previous_argument(parser)


def _stderr(line: str) -> None:
    print(line, file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    engine: Engine = args.engine
    if problem := missing_engine(engine):
        _stderr(f"qisite build: {problem}")
        return 1
    config_file = args.config_file.resolve()
    site_dir = args.site_dir.resolve() if args.site_dir else None
    previous = previous_of(args)
    if engine in PLUGIN_ENGINES:
        return run_engine(engine, config_file, site_dir, args.strict, previous)
    try:
        prepared = prepare(config_file, _stderr, site_dir=site_dir, previous=previous)
    except (ProjectError, ValueError) as error:
        _stderr(f"qisite build: {error}")
        return 1
    if prepared is None:
        return 1
    if args.strict and prepared.warnings:
        _stderr(f"qisite build: stopped by --strict after {prepared.warnings} warning(s)")
        return 1
    return run_engine(engine, prepared.config, strict=args.strict)
