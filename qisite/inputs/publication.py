"""The previous publication's manifest (``publication.json``), read once for the build or
a command that names it."""

from __future__ import annotations

from pathlib import Path

from qisite.problems import Position, Problem
from qisite.publication import Manifest, ManifestError


def read_manifest(path: Path, display: str | None = None) -> Manifest:
    """The manifest in ``path``; ManifestError naming the file and why it cannot be used."""
    name = display or str(path)
    try:
        return Manifest.from_json(path.read_bytes())
    except OSError as error:
        raise ManifestError(f"{name}: cannot be read ({error.strerror})") from None
    except ManifestError as error:
        raise ManifestError(f"{name}: not a publication manifest: {error}") from None


def read_previous_manifest(path: Path, display: str) -> tuple[Manifest | None, list[Problem]]:
    """The last publication's manifest, or None with the problem: a file that is missing
    is a warning (the first publication has none), one that cannot be used an error."""
    where = Position(display, 0, 0)
    if not path.is_file():
        return None, [
            Problem.warning(
                where,
                (),
                "there is no previous publication's manifest here: sittings start their "
                "history now, and vanishing addresses cannot be told",
                "copy publication.json from the published site, or leave the setting out",
            )
        ]
    try:
        return read_manifest(path, display), []
    except ManifestError as error:
        return None, [Problem.error(where, (), str(error).split(": ", 1)[1])]
