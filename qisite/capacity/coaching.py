"""The coach rule of thumb applied to the coaches and projects an academy lists.

The guide: a coach with about 20% to 25% protected time supports three to
four improvement teams. Inside that band the rule is used as it stands.
Outside it the range scales with the time, from the band's nearer edge: 10%
protected time supports 1.5 to 2 teams (half of 20%), 50% supports 6 to 8
(twice 25%). A coach is over their load with more teams than the top of
their range. A team is a project that is not closed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from qisite.capacity.rules import COACH_PROTECTED_TIME_PERCENT, TEAMS_PER_COACH
from qisite.model import Coach, Project, Stage


@dataclass(frozen=True)
class TeamRange:
    low: Fraction
    high: Fraction


@dataclass(frozen=True)
class CoachLoad:
    coach: Coach
    projects: tuple[Project, ...]
    """The coach's teams: their projects that are not closed, in the curriculum's order."""
    supports: TeamRange
    """How many teams the rule of thumb says this coach's protected time supports."""

    @property
    def teams(self) -> int:
        return len(self.projects)

    @property
    def over(self) -> bool:
        return self.teams > self.supports.high

    @property
    def spare(self) -> bool:
        """Fewer teams than the bottom of the range: room for another."""
        return self.teams < self.supports.low


@dataclass(frozen=True)
class CoachingFigures:
    loads: tuple[CoachLoad, ...]
    uncoached: tuple[Project, ...]
    """Projects that are not closed and name no coach."""
    active: int
    """Projects that are not closed."""
    supports: TeamRange
    """Teams all the listed coaches together can support."""

    @property
    def over(self) -> tuple[CoachLoad, ...]:
        return tuple(load for load in self.loads if load.over)

    @property
    def coached(self) -> int:
        return sum(load.teams for load in self.loads)


def teams_for(protected_time: float) -> TeamRange:
    """Teams a coach with ``protected_time`` percent supports, by the rule of thumb."""
    time = Fraction(protected_time).limit_denominator(1000)
    band_low, band_high = COACH_PROTECTED_TIME_PERCENT
    scale = Fraction(1)
    if time < band_low:
        scale = time / band_low
    elif time > band_high:
        scale = time / band_high
    low, high = TEAMS_PER_COACH
    return TeamRange(low * scale, high * scale)


def coaching_figures(coaches: Sequence[Coach], projects: Sequence[Project]) -> CoachingFigures:
    """Each coach's teams against the rule of thumb, and the projects no coach supports."""
    active = [p for p in projects if p.stage is not Stage.CLOSED]
    by_coach: dict[str, list[Project]] = {}
    for project in active:
        if project.coach is not None:
            by_coach.setdefault(project.coach, []).append(project)
    loads = tuple(
        CoachLoad(coach, tuple(by_coach.get(coach.id, ())), teams_for(coach.protected_time))
        for coach in coaches
    )
    total = TeamRange(
        sum((load.supports.low for load in loads), Fraction(0)),
        sum((load.supports.high for load in loads), Fraction(0)),
    )
    uncoached = tuple(p for p in active if p.coach is None)
    return CoachingFigures(loads, uncoached, len(active), total)
