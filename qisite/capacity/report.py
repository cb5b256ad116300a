"""Everything the capacity page and ``qisite report`` show, computed once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from qisite.capacity.check import CapacityLine, OccurrenceLike, check_capacity, cumulative, rows_for
from qisite.capacity.coaching import CoachingFigures, coaching_figures
from qisite.capacity.rules import Range, Recommendation, recommendations, teams_supported
from qisite.capacity.runchart import RunChart, run_chart
from qisite.capacity.stages import StageCharts, stage_charts
from qisite.capacity.targets import PlannedTarget, plan_targets
from qisite.model import Curriculum, Inputs, ProgressRow, Project
from qisite.model.targets import RuleOfThumb
from qisite.sessions import occurrences as session_occurrences


@dataclass(frozen=True)
class RuleRow:
    """A rule of thumb beside what the curriculum declares for the same role."""

    recommendation: Recommendation
    declared: tuple[PlannedTarget, ...]
    declared_figure: Range | None
    comparable: bool = True
    """False where no target can be set beside the rule (coaches a year: targets have one date)."""


@dataclass(frozen=True)
class Progress:
    line: CapacityLine
    series: tuple[tuple[date, int], ...]
    chart: RunChart

    @property
    def planned(self) -> PlannedTarget:
        return self.line.planned


@dataclass(frozen=True)
class CapacityReport:
    headcount: int
    rules: tuple[RuleRow, ...]
    lines: tuple[CapacityLine, ...]
    progress: tuple[Progress, ...]
    coaching: CoachingFigures
    """The coach rule of thumb applied to the listed coaches and projects."""
    stages: StageCharts
    """Projects by stage over time."""


def _rule_rows(headcount: int, targets: Sequence[PlannedTarget]) -> tuple[RuleRow, ...]:
    """Each rule beside the targets marked with it; teams follow from the coach targets."""
    declared = {
        rule.value: tuple(t for t in targets if t.target.rule_of_thumb is rule)
        for rule in RuleOfThumb
    }
    declared["teams-supported"] = declared[RuleOfThumb.QUALITY_COACHES.value]
    rows = []
    for recommendation in recommendations(headcount):
        mine = declared.get(recommendation.key)
        if mine is None:
            rows.append(RuleRow(recommendation, (), None, comparable=False))
            continue
        total = sum(t.people for t in mine)
        figure = Range(total, total)
        if recommendation.key == "teams-supported":
            figure = teams_supported(total)
        rows.append(RuleRow(recommendation, mine, figure if mine else None))
    return tuple(rows)


def build_report(
    curriculum: Curriculum,
    occurrences: Sequence[OccurrenceLike],
    rows: Sequence[ProgressRow],
    projects: Sequence[Project] | None = None,
) -> CapacityReport:
    """``projects``: every project (the curriculum's and its CSV files'); by default the
    curriculum's own."""
    if projects is None:
        projects = curriculum.projects
    targets = plan_targets(curriculum)
    lines = check_capacity(targets, occurrences, rows)
    progress = []
    for line in lines:
        series = cumulative(rows_for(line.planned, rows))
        progress.append(Progress(line, tuple(series), run_chart(series, line.planned.people)))
    return CapacityReport(
        curriculum.academy.headcount,
        _rule_rows(curriculum.academy.headcount, targets),
        tuple(lines),
        tuple(progress),
        coaching_figures(curriculum.coaches, projects),
        stage_charts(projects),
    )


def report_for(
    inputs: Inputs, occurrences: Sequence[OccurrenceLike] | None = None
) -> CapacityReport:
    """The report of an academy's inputs; ``occurrences`` (``sessions.occurrences(inputs)``)
    saves expanding the sessions again where the caller has them."""
    if occurrences is None:
        occurrences = session_occurrences(inputs)
    return build_report(inputs.curriculum, occurrences, inputs.progress_rows, inputs.projects)
