"""qisite validate: check a curriculum and list every problem."""

from __future__ import annotations

import argparse
import sys

from qisite.commands.changes import manifest_of
from qisite.inputs import Loaded, load_inputs
from qisite.problems import Position, Problem, report_lines, sort_problems
from qisite.publication.changes import compare, generated_only, problems

NAME = "validate"
HELP = "check curriculum.yaml and report every problem with its line"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", default="curriculum.yaml", help="curriculum file")
    parser.add_argument(
        "--previous",
        metavar="OLD.json",
        help="the publication.json of the last publication: warn about addresses that "
        "would vanish and sittings taken out without being cancelled",
    )


def _publication_problems(result: Loaded, previous_path: str) -> list[Problem]:
    """Warnings from comparing the last publication with what this curriculum would publish
    (its generated pages only: the site's own pages are the build's to check)."""
    if not result.ok or result.inputs is None or result.inputs.previous_publication is None:
        return []
    previous = result.inputs.previous_publication
    changes = compare(previous, manifest_of(result.inputs), generated_only)
    return problems(changes, Position(previous_path, 0, 0))


def run(args: argparse.Namespace) -> int:
    result = load_inputs(args.path, previous_manifest=args.previous)
    found = list(result.problems)
    if args.previous:
        found = sort_problems([*found, *_publication_problems(result, args.previous)])
    for line in report_lines(found):
        print(line, file=sys.stderr)
    errors = sum(1 for p in found if p.is_error)
    warnings = sum(1 for p in found if p.is_warning)  # infos are hints: not counted
    if result.ok and not errors:
        print(f"{args.path}: valid ({warnings} warning{'s' * (warnings != 1)})")
        return 0
    print(
        f"{args.path}: {errors} error{'s' * (errors != 1)}, "
        f"{warnings} warning{'s' * (warnings != 1)}",
        file=sys.stderr,
    )
    return 1
