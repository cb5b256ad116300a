"""The "My learning" page, and what the learning record's script must know of the academy.

The pathways' names and addresses and the modules that make up each (keyed by module
id, so a module done counts on every pathway that has it), the titles and addresses of
modules and courses, and the titles and dates of retired modules are written to a
script of their own (``paths.LEARNING_DATA``), not into the page: at a thousand modules
they weigh three times the rest of the page, and a reader who has marked nothing needs
none of them. The page names that script's address; the learning record loads it after
the first paint, and only when this browser holds marks (or gets some). The page's
size therefore does not grow with the academy: it lists pathways only once the script
finds something marked on them, from that catalogue.

``academy_data``, written into the learning record's script bundle (``site.assets``),
tells the script which academy it is on (its record is stored under a key of its own),
the current id of each former id (entries move to it on the learner's next visit), and
where the catalogue is. The learner's own record never leaves their
browser: see content/privacy.md.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

from qisite.sessions.expand import academy_slug
from qisite.site import paths
from qisite.site.context import SiteContext
from qisite.site.output import Output
from qisite.site.urls import Linker, relative_url
from qisite.views.pathways import all_pathways

RECORD_SCHEMA = 1
"""Version of the record the script stores; the script refuses files of another version."""


def learning_data(site: SiteContext, url: Linker) -> dict[str, Any]:
    """Pathways, modules and courses by id, with links as seen from the My learning page."""
    curriculum = site.curriculum
    return {
        "schema": RECORD_SCHEMA,
        "pathways": [
            {
                "id": pathway.audience.id,
                "name": pathway.audience.name,
                "url": url(paths.pathway(pathway.audience.id)),
                "modules": [m.id for m in pathway.modules],
            }
            for pathway in all_pathways(curriculum)
        ],
        "modules": {
            m.id: {"title": m.title, "url": url(paths.module(m.id))} for m in curriculum.modules
        },
        "courses": {
            code: {"title": course.title, "url": site.catalogue.url_for(code)}
            for code, course in site.catalogue.courses.items()
        },
        "retired": {
            retired.id: {
                "title": retired.title,
                "date": retired.retired_on.isoformat(),
                "url": url(paths.module(retired.id)),
            }
            for retired in curriculum.retired
        },
    }


def catalogue_script(site: SiteContext) -> tuple[str, str]:
    """The catalogue's script (``paths.LEARNING_DATA``) and its version, a digest of its
    text: addresses carry it, so that no browser lists a new build's record against a
    cached copy of an older curriculum."""
    # Addresses a script reads (not hrefs an engine rewrites), seen from My learning.
    data = learning_data(site, site.linker(paths.MY_LEARNING, in_markup=False))
    script = site.render("scripts/learning-data.js.j2", paths.LEARNING_DATA, data=data)
    return script, hashlib.sha256(script.encode("utf-8")).hexdigest()[:12]


def academy_data(site: SiteContext, script_folder: str) -> dict[str, Any]:
    """What the record's script must know on every page: whose record it keeps, where
    former module ids went, and where the catalogue is (from ``script_folder``, where the
    script itself lies). The catalogue also tells which module ids are this academy's
    (current and retired; the former ones are those renamed): the script needs that only
    once per browser, to move this academy's entries out of an older shared record, so it
    is not carried by every page's script (at a thousand modules, 14 KB of ids)."""
    curriculum = site.curriculum
    _, version = catalogue_script(site)
    return {
        "id": academy_slug(curriculum),
        "name": curriculum.academy.name,
        "renamed": dict(sorted(curriculum.module_renames.items())),
        "catalogue": f"{relative_url(paths.LEARNING_DATA, f'{script_folder}/')}?v={version}",
    }


def produce(site: SiteContext) -> Iterator[Output]:
    linker = site.linker(paths.MY_LEARNING, in_markup=False)
    script, version = catalogue_script(site)
    yield Output(paths.LEARNING_DATA, script)
    yield Output(
        paths.MY_LEARNING,
        site.render(
            "learning/my-learning.md.j2",
            paths.MY_LEARNING,
            data_script=f"{linker(paths.LEARNING_DATA)}?v={version}",
        ),
    )
