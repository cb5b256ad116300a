"""qisite validate: check a curriculum and list every problem."""

from __future__ import annotations

import argparse
import sys

from qisite.inputs import load_inputs
from qisite.problems import report_lines

NAME = "validate"
HELP = "check curriculum.yaml and report every problem with its line"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", default="curriculum.yaml", help="curriculum file")


def run(args: argparse.Namespace) -> int:
    result = load_inputs(args.path)
    for line in report_lines(result.problems):
        print(line, file=sys.stderr)
    errors, warnings = len(result.errors), len(result.warnings)
    if result.ok:
        print(f"{args.path}: valid ({warnings} warning{'s' * (warnings != 1)})")
        return 0
    print(
        f"{args.path}: {errors} error{'s' * (errors != 1)}, "
        f"{warnings} warning{'s' * (warnings != 1)}",
        file=sys.stderr,
    )
    return 1
