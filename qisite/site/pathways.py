"""Pathway pages: one per audience, and an index of them all with the chooser."""

from __future__ import annotations

from collections.abc import Iterator

from qisite.site import paths
from qisite.site.context import SiteContext
from qisite.site.home import render_chooser
from qisite.site.labels import FORMAT_GROUP_LABELS, STAFF_GROUP_LABELS
from qisite.site.output import Output
from qisite.views.pathways import all_pathways


def produce(site: SiteContext) -> Iterator[Output]:
    pathways = all_pathways(site.curriculum)
    yield Output(
        paths.PATHWAYS_INDEX,
        site.render(
            "pathways/index.md.j2",
            paths.PATHWAYS_INDEX,
            chooser=render_chooser(site, paths.PATHWAYS_INDEX, pathways),
        ),
    )
    for pathway in pathways:
        src = paths.pathway(pathway.audience.id)
        yield Output(
            src,
            site.render(
                "pathways/pathway.md.j2",
                src,
                pathway=pathway,
                staff_group_labels=STAFF_GROUP_LABELS,
                format_group_labels=FORMAT_GROUP_LABELS,
            ),
            in_nav=False,
        )
