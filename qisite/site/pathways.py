"""Pathway pages: one per audience, and an index of them all."""

from __future__ import annotations

from collections.abc import Iterator

from qisite.site import paths
from qisite.site.context import SiteContext
from qisite.site.output import Output
from qisite.views.pathways import all_pathways


def produce(site: SiteContext) -> Iterator[Output]:
    pathways = all_pathways(site.curriculum)
    yield Output(
        paths.PATHWAYS_INDEX,
        site.render("pathways/index.md.j2", paths.PATHWAYS_INDEX, pathways=pathways),
    )
    for pathway in pathways:
        src = paths.pathway(pathway.audience.id)
        yield Output(src, site.render("pathways/pathway.md.j2", src, pathway=pathway))
