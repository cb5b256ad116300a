"""Pathway pages: one per audience, and an index of them all with the chooser."""

from __future__ import annotations

from collections.abc import Iterator

from qisite.site import paths
from qisite.site.context import SiteContext
from qisite.site.home import render_chooser
from qisite.site.labels import FORMAT_GROUP_LABELS, STAFF_GROUP_LABELS
from qisite.site.output import Output
from qisite.views.coming import NEXT_ON_PATHWAY, Next, next_ahead
from qisite.views.pathways import Pathway, all_pathways


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
                sittings=_next_sittings(site, pathway),
                staff_group_labels=STAFF_GROUP_LABELS,
                format_group_labels=FORMAT_GROUP_LABELS,
            ),
            in_nav=False,
        )


def _next_sittings(site: SiteContext, pathway: Pathway) -> Next:
    """The pathway's next sittings from the build: those of its modules open to its audience."""
    module_ids = {module.id for module in pathway.modules}
    open_to = site.occurrences_by_audience.get(pathway.audience.id, [])
    chosen = [o for o in open_to if o.module_id in module_ids]
    return next_ahead(chosen, site.build_moment, NEXT_ON_PATHWAY)
