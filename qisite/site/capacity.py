"""The capacity and progress page (rules of thumb, the capacity check, run charts) and
the page of run charts of projects by stage that it links to."""

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
    if report.stages.charts:
        src = paths.PROJECTS_BY_STAGE
        stages = site.render("capacity/projects_by_stage.md.j2", src, stages=report.stages)
        yield Output(src, stages, in_nav=False)
