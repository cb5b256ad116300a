"""qisite changes: what changes for staff since the last publication.

Compares the ``publication.json`` of the last publication with the curriculum as it
is now (or with a new ``publication.json``): modules added, renamed and retired;
sittings added, moved, cancelled or removed; and addresses that would vanish.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from qisite.inputs import load_inputs
from qisite.inputs.publication import read_manifest
from qisite.model import Inputs
from qisite.problems import Position, report_lines
from qisite.publication import Manifest, ManifestError
from qisite.publication.changes import compare, generated_only, problems, report
from qisite.site import SiteContext, paths, produce_all

NAME = "changes"
HELP = "list what changes for staff since the last publication (give its publication.json)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--previous",
        required=True,
        metavar="OLD.json",
        help="the publication.json of the last publication (from the published site)",
    )
    parser.add_argument(
        "path",
        nargs="?",
        default="curriculum.yaml",
        help="the curriculum as it is now, or the publication.json of a new build",
    )


def manifest_of(inputs: Inputs) -> Manifest:
    """The manifest a build of ``inputs`` would write (its pages are made, not written),
    the sittings' history carried on from the previous publication's, if it has one.

    Addresses are made the way the previous publication's were: with or without
    directory URLs."""
    previous = inputs.previous_publication
    site = SiteContext(inputs, use_directory_urls=not _flat_addresses(previous))
    for output in produce_all(site):
        if output.src_uri == paths.PUBLICATION:
            return Manifest.from_json(output.content)
    raise AssertionError("the site produced no publication manifest")  # pragma: no cover


def _flat_addresses(manifest: Manifest | None) -> bool:
    """True if ``manifest`` came from a build without directory URLs (pages end .html)."""
    if manifest is None:
        return False
    pages = [e.address for e in manifest.modules.values()]
    pages += [e.address for e in manifest.audiences.values()]
    return any(address.endswith(".html") for address in pages)


def run(args: argparse.Namespace) -> int:
    try:
        if args.path.endswith(".json"):
            previous = read_manifest(Path(args.previous))
            current = read_manifest(Path(args.path))
            counts = None
        else:
            loaded = load_inputs(args.path, previous_manifest=args.previous)
            if not loaded.ok or loaded.inputs is None:
                for line in report_lines(loaded.problems):
                    print(line, file=sys.stderr)
                print(f"{args.path}: fix the errors above first", file=sys.stderr)
                return 1
            inputs = loaded.inputs
            if inputs.previous_publication is None:  # pragma: no cover - an error above
                return 1
            previous = inputs.previous_publication
            current = manifest_of(inputs)
            counts = generated_only
    except ManifestError as error:
        print(f"qisite changes: {error}", file=sys.stderr)
        return 1
    changes = compare(previous, current, counts) if counts else compare(previous, current)
    for line in report_lines(problems(changes, Position(args.previous, 0, 0))):
        print(line, file=sys.stderr)
    for line in report(changes):
        print(line)
    return 0
