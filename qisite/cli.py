"""The ``qisite`` console command."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from qisite import __version__
from qisite.commands import build, changes, generate, links, new, report, schema, validate

COMMANDS: list[ModuleType] = [validate, changes, schema, links, report, new, generate, build]


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
    except Exception as error:
        # Organisers get one readable line, not a traceback; developers can ask for it.
        if os.environ.get("QISITE_DEBUG"):
            raise
        print(
            f"qisite: internal error ({type(error).__name__}: {error}). This is a fault in "
            "qisite, not in your file: please report it. Set QISITE_DEBUG=1 for details.",
            file=sys.stderr,
        )
        return 2


if __name__ == "__main__":
    sys.exit(main())
