"""What a build warns about once its outputs are made, the same on every engine: the
plugin (MkDocs, ProperDocs) and ``qisite generate`` (Zensical) both call these."""

from __future__ import annotations

from qisite.engines.step import Generated
from qisite.problems import Position, Problem
from qisite.publication import Manifest
from qisite.publication.changes import compare, problems
from qisite.site import identity, paths


def build_warnings(
    generated: Generated, site_name: str, config_file: str, theme_language: str | None = None
) -> list[str]:
    """The build's own warnings beyond its inputs' problems: module texts that match no
    module, a ``site_name`` in the config (``config_file`` in messages) that is not
    the academy's name or holds markup, and a theme language that is not the academy's."""
    found = list(generated.warnings)
    academy = generated.site.curriculum.academy
    if name_warning := identity.site_name_warning(site_name, academy.name, config_file):
        found.append(name_warning)
    language = identity.theme_language_warning(theme_language, academy.language, config_file)
    if language:
        found.append(language)
    return found


def publication_problems(generated: Generated, previous_display: str) -> list[Problem]:
    """Addresses that would vanish, and sittings taken out without being cancelled, since
    the previous publication (none unless the build names its manifest); each told at
    ``previous_display``, the manifest's name in messages."""
    previous = generated.site.previous_publication
    if previous is None:
        return []
    written = next(o.content for o in generated.outputs if o.src_uri == paths.PUBLICATION)
    changes = compare(previous, Manifest.from_json(written))
    return problems(changes, Position(previous_display, 0, 0))
