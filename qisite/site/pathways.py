"""Pathway pages: one per audience (more for a long pathway), and an index of them all
with the chooser."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from markupsafe import Markup

from qisite.model import Module
from qisite.site import paths
from qisite.site.context import SiteContext
from qisite.site.home import render_chooser
from qisite.site.labels import FORMAT_GROUP_LABELS, STAFF_GROUP_LABELS
from qisite.site.output import Output
from qisite.views.coming import NEXT_ON_PATHWAY, Next, next_ahead
from qisite.views.pathways import Pathway, PathwayPart, all_pathways, pathway_parts

CONTENT_BUDGET = 28_000
"""Bytes of a pathway page's own content. The theme's frame (header, navigation, footer:
about 13 KB) makes it a page of about 41 KB, which a slow phone link brings in its
first two round trips (issue 14: a larger page paints a round trip later). A pathway
whose page would be larger lists its modules over further pages of about the same size."""
LEAST_CARDS_BUDGET = 6_000
"""Bytes of cards each page of a long pathway holds at least, however long the rest
of its first page (a long description, many sessions), so that it is never cut into
pages of one module each."""


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
        yield from _pathway_pages(site, pathway)


def _pathway_pages(site: SiteContext, pathway: Pathway) -> Iterator[Output]:
    """The pathway's page, whole when it fits the budget; else its first part, then the
    pages of the later parts."""
    src = paths.pathway(pathway.audience.id)
    cards = _cards(site, src, pathway, pathway.modules)
    whole = (PathwayPart(1, 1, pathway.modules),)
    values = {
        "pathway": pathway,
        "sittings": _next_sittings(site, pathway),
        "staff_group_labels": STAFF_GROUP_LABELS,
        "format_group_labels": FORMAT_GROUP_LABELS,
    }
    page = site.render(
        "pathways/pathway.md.j2", src, parts=whole, part=whole[0], cards=cards, **values
    )
    weights = [len(card.encode()) for card in cards]
    size = len(page.encode())
    if size > CONTENT_BUDGET:
        around_cards = size - sum(weights)
        budget = max(CONTENT_BUDGET - around_cards, LEAST_CARDS_BUDGET)
        parts = pathway_parts(pathway, weights, budget)
        if len(parts) > 1:
            first = cards[: len(parts[0].modules)]
            page = site.render(
                "pathways/pathway.md.j2", src, parts=parts, part=parts[0], cards=first, **values
            )
            yield Output(src, page, in_nav=False)
            yield from _later_parts(site, pathway, parts)
            return
    yield Output(src, page, in_nav=False)


def _cards(
    site: SiteContext, src: str, pathway: Pathway, modules: Sequence[Module]
) -> list[Markup]:
    """Each module's card as the page at ``src`` shows it."""
    template: Any = site.env.get_template("pathways/_card.html.j2").make_module(
        {"site": site, "curriculum": site.curriculum, "url": site.linker(src)}
    )
    return [Markup(template.card(module, pathway.audience.id)) for module in modules]


def _later_parts(
    site: SiteContext, pathway: Pathway, parts: tuple[PathwayPart, ...]
) -> Iterator[Output]:
    for part in parts[1:]:
        src = paths.pathway_part(pathway.audience.id, part.number)
        cards = _cards(site, src, pathway, part.modules)
        page = site.render(
            "pathways/part.md.j2", src, pathway=pathway, parts=parts, part=part, cards=cards
        )
        yield Output(src, page, in_nav=False)


def _next_sittings(site: SiteContext, pathway: Pathway) -> Next:
    """The pathway's next sittings from the build: those of its modules open to its audience."""
    module_ids = {module.id for module in pathway.modules}
    open_to = site.occurrences_by_audience.get(pathway.audience.id, [])
    chosen = [o for o in open_to if o.module_id in module_ids]
    return next_ahead(chosen, site.build_moment, NEXT_ON_PATHWAY)
