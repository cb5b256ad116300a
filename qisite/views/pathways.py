"""A pathway: the modules one audience takes, in the order they should take them."""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from qisite.model import Audience, Curriculum, Module


@dataclass(frozen=True)
class Pathway:
    audience: Audience
    modules: tuple[Module, ...]

    @property
    def total_minutes(self) -> int:
        return sum(m.duration for m in self.modules)


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
