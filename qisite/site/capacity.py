"""The capacity and progress page (rules of thumb, the capacity check, what progress has
been counted) and the pages of run charts it links to: one per target with counts, and
projects by stage. Run charts grow a point with every count, for as long as the academy
runs, so they stay off the capacity page, which grows only with targets and coaches."""

from __future__ import annotations

from collections.abc import Iterator

from qisite.capacity import wording
from qisite.capacity.report import report_for
from qisite.site import paths
from qisite.site.context import SiteContext
from qisite.site.output import Output


def produce(site: SiteContext) -> Iterator[Output]:
    report = report_for(site.inputs, site.occurrences)
    page = site.render("capacity/page.md.j2", paths.CAPACITY, report=report, wording=wording)
    yield Output(paths.CAPACITY, page)
    for progress in report.progress:
        if progress.series:
            src = paths.target_progress(progress.planned.audience.id)
            chart = site.render("capacity/progress.md.j2", src, p=progress)
            yield Output(src, chart, in_nav=False)
    if report.stages.charts:
        src = paths.PROJECTS_BY_STAGE
        stages = site.render("capacity/projects_by_stage.md.j2", src, stages=report.stages)
        yield Output(src, stages, in_nav=False)
