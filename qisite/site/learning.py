"""The "My learning" page and the script and style of the learning record kept in the browser.

The page carries, as embedded JSON, which modules make up each pathway (keyed
by module id, so a module done counts on every pathway that has it). The
learner's own record never leaves their browser: see content/privacy.md.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from qisite.site import paths
from qisite.site.context import SiteContext
from qisite.site.output import Output
from qisite.site.urls import Linker
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
    }


def produce(site: SiteContext) -> Iterator[Output]:
    data = learning_data(site, site.linker(paths.MY_LEARNING))
    yield Output(
        paths.MY_LEARNING,
        site.render("learning/my-learning.md.j2", paths.MY_LEARNING, data=data),
    )
