"""Projects by stage over time: one run chart per stage, from the projects' own dates.

No red, amber and green: the guide asks boards to read variation over time,
so each stage gets a run chart of how many projects were at it at the end of
each month, drawn by the same code as the training charts. The charts grow a
point a month for as long as the academy runs, so they have a page of their
own; the capacity page shows the latest month beside the same month a year
before (``StageCharts.summary``), which stays the same size.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from qisite.capacity.runchart import RunChart, run_chart
from qisite.model import Project, Stage
from qisite.model.projects import STAGE_ORDER
from qisite.views.projects import StageCount, stage_counts

SUMMARY_MONTHS_BACK = 12
"""The capacity page sets the latest month beside the month this many months before."""


@dataclass(frozen=True)
class StageSeries:
    stage: Stage
    series: tuple[tuple[date, int], ...]
    chart: RunChart


@dataclass(frozen=True)
class StageCharts:
    counts: tuple[StageCount, ...]
    """Month by month, the number of projects at each stage: the table under the charts."""
    charts: tuple[StageSeries, ...]

    @property
    def summary(self) -> tuple[StageCount, ...]:
        """The month a year before the latest (when the counts reach back that far), then
        the latest month: at most two rows, however long the academy has run."""
        if not self.counts:
            return ()
        latest = self.counts[-1]
        if len(self.counts) > SUMMARY_MONTHS_BACK:
            return (self.counts[-1 - SUMMARY_MONTHS_BACK], latest)
        return (latest,)


def stage_charts(projects: Sequence[Project]) -> StageCharts:
    counts = tuple(stage_counts(projects))
    charts = []
    for stage in STAGE_ORDER:
        series = tuple((c.day, c.counts[stage]) for c in counts)
        if any(value for _, value in series):
            charts.append(StageSeries(stage, series, run_chart(series, None)))
    return StageCharts(counts, tuple(charts))
