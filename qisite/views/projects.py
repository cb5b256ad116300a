"""Projects seen from each side: by module, coach, audience, area and stage, and over time."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from qisite.model import Curriculum, Format, Project, Stage
from qisite.model.projects import STAGE_ORDER
from qisite.model.types import id_from


def by_reference(projects: Iterable[Project], field: str) -> dict[str, list[Project]]:
    """Projects under each id they name in ``field`` ('modules', 'audiences' or 'coach')."""
    index: dict[str, list[Project]] = {}
    for project in projects:
        value = getattr(project, field)
        for ref in value if isinstance(value, list) else [value]:
            if ref is not None:
                index.setdefault(ref, []).append(project)
    return index


def area_key(area: str) -> str:
    """The area's part of a page address: 'Emergency Department' -> 'emergency-department'."""
    return id_from(area) or "area"


@dataclass(frozen=True)
class FacetValue:
    key: str
    """The value's part of the filter page's address."""
    name: str
    """What the reader sees (a stage's label is the template's to give)."""
    projects: tuple[Project, ...]


@dataclass(frozen=True)
class Facet:
    key: str
    """'stage', 'area', 'audience' or 'module'."""
    values: tuple[FacetValue, ...]


def facets(curriculum: Curriculum, projects: Sequence[Project]) -> tuple[Facet, ...]:
    """The ways to filter the projects, each value with the projects it keeps; values that
    keep no project are left out (a filter that shows nothing helps nobody)."""
    stage = tuple(
        FacetValue(s.value, s.value, tuple(p for p in projects if p.stage is s))
        for s in STAGE_ORDER
    )
    areas: dict[str, FacetValue] = {}
    for project in projects:
        key = area_key(project.area)
        held = areas.get(key)
        kept = (*held.projects, project) if held else (project,)
        areas[key] = FacetValue(key, held.name if held else project.area, kept)
    by_audience = by_reference(projects, "audiences")
    audience = tuple(
        FacetValue(a.id, a.name, tuple(by_audience[a.id]))
        for a in curriculum.audiences
        if a.id in by_audience
    )
    by_module = by_reference(projects, "modules")
    module = tuple(
        FacetValue(m.id, m.title, tuple(by_module[m.id]))
        for m in curriculum.modules
        if m.id in by_module
    )
    return (
        Facet("stage", tuple(v for v in stage if v.projects)),
        Facet("area", tuple(sorted(areas.values(), key=lambda v: v.name.casefold()))),
        Facet("audience", audience),
        Facet("module", module),
    )


def has_learning_by_doing(curriculum: Curriculum, module_ids: Iterable[str]) -> bool:
    modules = curriculum.modules_by_id
    return any(
        Format.LEARNING_BY_DOING in modules[m].formats for m in module_ids if m in modules
    )


def projects_to_join(projects: Iterable[Project], audience_id: str) -> list[Project]:
    """Projects open to new members that name the audience, or name no audience at all."""
    return [
        p
        for p in projects
        if p.welcomes_members
        and p.stage is not Stage.CLOSED
        and (not p.audiences or audience_id in p.audiences)
    ]


@dataclass(frozen=True)
class StageCount:
    day: date
    counts: dict[Stage, int]


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def stage_counts(projects: Sequence[Project]) -> list[StageCount]:
    """Projects at each stage at the end of every month, from the month the first project
    began to the month of the latest date any project gives (its own dates only: no
    build date, so the chart does not change with the day the site is built)."""
    if not projects:
        return []
    dates = [p.start for p in projects] + [d for p in projects for d in p.stage_dates.values()]
    first, last = min(dates), max(dates)
    counts = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        day = _month_end(year, month)
        found = dict.fromkeys(STAGE_ORDER, 0)
        for project in projects:
            stage = project.stage_on(day)
            if stage is not None:
                found[stage] += 1
        counts.append(StageCount(day, found))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return counts
