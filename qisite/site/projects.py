"""Learning by doing: the projects page and its filter pages, a page per project, the
coaching page and a page per coach, and the network page."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from qisite.capacity.coaching import CoachingFigures, coaching_figures
from qisite.capacity.runchart import RunChart, run_chart
from qisite.model import Measure, Project
from qisite.site import paths
from qisite.site.context import SiteContext
from qisite.site.labels import FACET_LABELS
from qisite.site.output import Output
from qisite.views.projects import Facet, FacetValue, facets


@dataclass(frozen=True)
class MeasureChart:
    """A project's measure in time order, drawn by the capacity page's run chart code."""

    measure: Measure
    series: tuple[tuple[object, float], ...]
    chart: RunChart


def measure_chart(project: Project) -> MeasureChart | None:
    if project.measure is None or not project.measure.points:
        return None
    points = sorted(project.measure.points, key=lambda p: p.date)
    series = tuple((p.date, p.value) for p in points)
    whole = all(float(v).is_integer() for _, v in series)
    return MeasureChart(project.measure, series, run_chart(series, None, whole=whole))


def figures(site: SiteContext) -> CoachingFigures:
    return coaching_figures(site.curriculum.coaches, site.projects)


def produce(site: SiteContext) -> Iterator[Output]:
    all_facets = facets(site.curriculum, site.projects)
    coaching = figures(site)
    values = {"facets": all_facets, "facet_labels": FACET_LABELS, "coaching": coaching}
    yield Output(
        paths.PROJECTS_INDEX,
        site.render(
            "projects/index.md.j2",
            paths.PROJECTS_INDEX,
            shown=site.projects,
            chosen=None,
            **values,
        ),
    )
    for facet in all_facets:
        for value in facet.values:
            src = paths.project_filter(facet.key, value.key)
            yield Output(src, _filter_page(site, src, facet, value, values), in_nav=False)
    for project in site.projects:
        src = paths.project(project.id)
        yield Output(
            src,
            site.render(
                "projects/project.md.j2", src, project=project, measure=measure_chart(project)
            ),
            in_nav=False,
        )
    yield Output(
        paths.COACHING, site.render("projects/coaching.md.j2", paths.COACHING, coaching=coaching)
    )
    for load in coaching.loads:
        src = paths.coach(load.coach.id)
        yield Output(src, site.render("projects/coach.md.j2", src, load=load), in_nav=False)
    network = site.curriculum.network
    sittings = []
    if network is not None:
        modules, sessions = set(network.modules), set(network.sessions)
        sittings = [
            o for o in site.occurrences if o.module_id in modules or o.session_id in sessions
        ]
    yield Output(
        paths.NETWORK,
        site.render("projects/network.md.j2", paths.NETWORK, network=network, sittings=sittings),
    )


def _filter_page(
    site: SiteContext, src: str, facet: Facet, value: FacetValue, values: dict[str, object]
) -> str:
    return site.render(
        "projects/index.md.j2", src, shown=list(value.projects), chosen=(facet, value), **values
    )
