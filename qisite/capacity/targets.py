"""Targets resolved to numbers: how many people, measured by which module.

Which module counts as "trained": the target's ``module`` if given, otherwise
the audience's deepest-dose module, and among modules at that depth the one
that comes last in the pathway's learning order. Finishing the deepest module
is what brings someone to the dose the plan asks of their group; counting
every module on the pathway would count the same person several times.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from qisite.model import Audience, Curriculum, Module, Target
from qisite.model.targets import Milestone
from qisite.views.pathways import pathway_for


@dataclass(frozen=True)
class PlannedMilestone:
    label: str | None
    people: int
    by: date


@dataclass(frozen=True)
class PlannedTarget:
    index: int
    """Position in ``targets:`` (for messages)."""
    target: Target
    audience: Audience
    group_size: int | None
    people: int
    """How many people to train by the deadline."""
    module: Module | None
    milestones: tuple[PlannedMilestone, ...] = ()

    @property
    def by(self) -> date:
        return self.target.by

    @property
    def title(self) -> str:
        return self.target.label or self.audience.name


def deepest_module(curriculum: Curriculum, audience: Audience) -> Module | None:
    """The audience's deepest-dose module; the last in learning order among equals."""
    pathway = pathway_for(curriculum, audience).modules
    if not pathway:
        return None
    rank = curriculum.level_rank
    deepest = max(rank.get(m.dose, 0) for m in pathway)
    return [m for m in pathway if rank.get(m.dose, 0) == deepest][-1]


def group_size(curriculum: Curriculum, target: Target) -> int | None:
    if target.group_size is not None:
        return target.group_size
    audience = curriculum.audiences_by_id.get(target.audience)
    return audience.size if audience else None


def people_to_train(target: Target | Milestone, size: int | None) -> int | None:
    """``train``, or ``share`` percent of the group rounded up (a part-person is a person)."""
    if target.train is not None:
        return target.train
    if target.share is None or size is None:
        return None
    return math.ceil(Fraction(str(target.share)) * size / 100)


def plan_targets(curriculum: Curriculum) -> list[PlannedTarget]:
    """Every target that validation accepts, resolved; the others are left out."""
    planned = []
    for index, target in enumerate(curriculum.targets):
        audience = curriculum.audiences_by_id.get(target.audience)
        if audience is None or (target.train is None) == (target.share is None):
            continue
        size = group_size(curriculum, target)
        people = people_to_train(target, size)
        if people is None:
            continue
        module = (
            curriculum.modules_by_id.get(target.module)
            if target.module
            else deepest_module(curriculum, audience)
        )
        milestones = tuple(
            PlannedMilestone(m.label, count, m.by)
            for m in sorted(target.milestones, key=lambda m: m.by)
            if (m.train is None) != (m.share is None)
            and (count := people_to_train(m, size)) is not None
        )
        planned.append(PlannedTarget(index, target, audience, size, people, module, milestones))
    return planned
