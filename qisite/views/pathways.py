"""A pathway: the modules one audience takes, in the order they should take them."""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from qisite.model import Audience, Curriculum, Format, Module, StaffGroup
from qisite.views.parts import even_parts


class FormatGroup(StrEnum):
    """How pathway totals group the delivery formats."""

    E_LEARNING = "e-learning"
    CLASSROOM = "classroom"
    LEARNING_BY_DOING = "learning-by-doing"
    READING = "reading"


FORMAT_GROUPS: dict[Format, FormatGroup] = {
    Format.E_LEARNING: FormatGroup.E_LEARNING,
    Format.WORKSHOP: FormatGroup.CLASSROOM,
    Format.CLASSROOM: FormatGroup.CLASSROOM,
    Format.LEARNING_AT_LUNCH: FormatGroup.CLASSROOM,
    Format.LEARNING_BY_DOING: FormatGroup.LEARNING_BY_DOING,
    Format.COACHING: FormatGroup.LEARNING_BY_DOING,
    Format.READING: FormatGroup.READING,
}

def minutes_by_format_group(module: Module) -> dict[FormatGroup, int]:
    """A module's time shared evenly between the format groups it uses.

    A module delivered as e-learning plus a workshop counts half its time in each,
    so a pathway's group totals always add up to its overall total.
    """
    groups = list(dict.fromkeys(FORMAT_GROUPS[f] for f in module.formats))
    share, rest = divmod(module.duration, len(groups))
    return {group: share + (1 if i < rest else 0) for i, group in enumerate(groups)}


@dataclass(frozen=True)
class Pathway:
    audience: Audience
    modules: tuple[Module, ...]

    @property
    def total_minutes(self) -> int:
        return sum(m.duration for m in self.modules)

    @property
    def minutes_by_group(self) -> dict[FormatGroup, int]:
        """Minutes per format group, every group present (zero when unused), in display order."""
        totals = dict.fromkeys(FormatGroup, 0)
        for module in self.modules:
            for group, minutes in minutes_by_format_group(module).items():
                totals[group] += minutes
        return totals


@dataclass(frozen=True)
class PathwayPart:
    """The modules one page of a pathway lists: a run of the pathway's order."""

    number: int
    first: int
    """The place of the part's first module in the whole pathway, from 1."""
    modules: tuple[Module, ...]

    @property
    def last(self) -> int:
        return self.first + len(self.modules) - 1


def pathway_parts(
    pathway: Pathway, card_weights: Sequence[int], budget: int
) -> tuple[PathwayPart, ...]:
    """The pathway's modules on as few pages as keep each page's cards within ``budget``
    (the weight of each module's card given in order), the pages about the same size."""
    return tuple(
        PathwayPart(number, span.start + 1, pathway.modules[span.start : span.stop])
        for number, span in enumerate(even_parts(card_weights, budget), start=1)
    )


def learning_order(curriculum: Curriculum, modules: list[Module]) -> list[Module]:
    """Prerequisites first; among modules that are free to take, lighter dose first.

    Ties keep the order of the curriculum file. Prerequisites outside ``modules``
    do not constrain the order (they belong to another pathway). Assumes no
    cycles: validation rejects them before anything is rendered.
    """
    rank = curriculum.level_rank
    position = {m.id: i for i, m in enumerate(curriculum.modules)}
    members = {m.id: m for m in modules}
    waiting = {m.id: {p for p in m.prerequisites if p in members} for m in modules}
    unlocks: dict[str, list[str]] = {m.id: [] for m in modules}
    for module_id, needs in waiting.items():
        for need in needs:
            unlocks[need].append(module_id)
    ready = [(rank.get(members[i].dose, 0), position[i], i) for i, n in waiting.items() if not n]
    heapq.heapify(ready)
    ordered: list[Module] = []
    while ready:
        _, _, module_id = heapq.heappop(ready)
        ordered.append(members[module_id])
        for follower in unlocks[module_id]:
            waiting[follower].discard(module_id)
            if not waiting[follower]:
                heapq.heappush(
                    ready, (rank.get(members[follower].dose, 0), position[follower], follower)
                )
    return ordered


def pathway_for(curriculum: Curriculum, audience: Audience) -> Pathway:
    assigned = [m for m in curriculum.modules if audience.id in m.audiences]
    return Pathway(audience, tuple(learning_order(curriculum, assigned)))


def all_pathways(curriculum: Curriculum) -> list[Pathway]:
    return [pathway_for(curriculum, a) for a in curriculum.audiences]


def audiences_for_group(curriculum: Curriculum, group: StaffGroup) -> list[Audience]:
    return [a for a in curriculum.audiences if group in a.staff_groups]


def unlocked_by(curriculum: Curriculum) -> dict[str, list[Module]]:
    """For each module id, the modules that name it as a prerequisite (curriculum order)."""
    followers: dict[str, list[Module]] = {m.id: [] for m in curriculum.modules}
    for module in curriculum.modules:
        for prerequisite in module.prerequisites:
            followers.setdefault(prerequisite, []).append(module)
    return followers


@dataclass(frozen=True)
class DomainTarget:
    domain_id: str
    planned: str | None
    """The level the audience should reach in the domain, or None when none is planned."""
    reach: str
    """How the module's own dose compares: 'reaches', 'step' (lighter), 'beyond' or 'unplanned'."""


@dataclass(frozen=True)
class AudienceDepth:
    """How deep one audience should go in the domains a module covers, beside the module's dose."""

    audience: Audience
    targets: tuple[DomainTarget, ...]


def _reach(curriculum: Curriculum, module: Module, planned: str | None) -> str:
    rank = curriculum.level_rank
    if planned is None or planned not in rank:
        return "unplanned"
    if rank[module.dose] == rank[planned]:
        return "reaches"
    return "step" if rank[module.dose] < rank[planned] else "beyond"


def depth_for_module(curriculum: Curriculum, module: Module) -> list[AudienceDepth]:
    """Who needs a module, and the depth each of them is planned to reach in its domains."""
    depths = []
    for audience_id in module.audiences:
        audience = curriculum.audiences_by_id[audience_id]
        targets = tuple(
            DomainTarget(d, audience.dose.get(d), _reach(curriculum, module, audience.dose.get(d)))
            for d in module.domains
        )
        depths.append(AudienceDepth(audience, targets))
    return depths
