"""The ``qisite`` console command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from qisite import __version__
from qisite.commands import new, schema, validate

COMMANDS: list[ModuleType] = [validate, schema, new]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qisite", description="Tools for a QI Academy portal built from curriculum.yaml."
    )
    parser.add_argument("--version", action="version", version=f"qisite {__version__}")
    subcommands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        sub = subcommands.add_parser(command.NAME, help=command.HELP, description=command.HELP)
        command.add_arguments(sub)
        sub.set_defaults(handler=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
