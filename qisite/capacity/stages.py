"""Projects by stage over time: one run chart per stage, from the projects' own dates.

No red, amber and green: the guide asks boards to read variation over time,
so each stage gets a run chart of how many projects were at it at the end of
each month, drawn by the same code as the training charts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from qisite.capacity.runchart import RunChart, run_chart
from qisite.model import Project, Stage
from qisite.model.projects import STAGE_ORDER
from qisite.views.projects import StageCount, stage_counts


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


def stage_charts(projects: Sequence[Project]) -> StageCharts:
    counts = tuple(stage_counts(projects))
    charts = []
    for stage in STAGE_ORDER:
        series = tuple((c.day, c.counts[stage]) for c in counts)
        if any(value for _, value in series):
            charts.append(StageSeries(stage, series, run_chart(series, None)))
    return StageCharts(counts, tuple(charts))
