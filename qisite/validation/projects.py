"""Checks of projects, coaches and the network: references, stages and dates, personal
data, and the coach rule of thumb applied to the teams each coach supports."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from qisite.capacity.coaching import coaching_figures
from qisite.model import Project, Stage
from qisite.model.projects import STAGE_ORDER, ProjectRow
from qisite.problems import Problem, suggest
from qisite.validation.context import CheckContext
from qisite.validation.personal_data import describe, find_personal
from qisite.yaml_source import KeyPath

PRIVACY = "the site publishes aggregate facts only, nothing that identifies a patient or learner"
CONTACT_KEYS = frozenset({"contact", "url", "join_link", "link"})
"""Keys whose value is meant to be a work email or page: an address there is expected."""


@dataclass(frozen=True)
class PlacedProject:
    """A project and where it was written: an item of ``projects:`` or a row of a CSV."""

    project: Project
    index: int | None = None
    """Its index in ``projects:``, for one written in the curriculum."""
    row: ProjectRow | None = None

    def problem(
        self,
        ctx: CheckContext,
        field: KeyPath,
        message: str,
        hint: str | None = None,
        warning: bool = False,
    ) -> Problem:
        if self.row is None:
            path = ("projects", self.index or 0, *field)
            return ctx.warning(path, message, hint) if warning else ctx.error(path, message, hint)
        column = self.row.column_of(field)
        where = self.row.position(column)
        text = f"row {self.row.line}, column '{column}' (project '{self.project.id}'): {message}"
        if warning:
            return Problem.warning(where, (), text, hint)
        return Problem.error(where, (), text, hint)


def project_rows(ctx: CheckContext) -> Sequence[ProjectRow]:
    """The projects read from the CSV files under ``project_files:``."""
    return ctx.inputs.project_rows


def placed_projects(ctx: CheckContext) -> list[PlacedProject]:
    return [PlacedProject(p, index=i) for i, p in enumerate(ctx.curriculum.projects)] + [
        PlacedProject(row.project, row=row) for row in project_rows(ctx)
    ]


def check(ctx: CheckContext) -> Iterator[Problem]:
    placed = placed_projects(ctx)
    for index, read in enumerate(ctx.inputs.project_files):
        if not read.found:
            yield ctx.error(
                ("project_files", index),
                f"projects file '{read.name}' not found",
                "the path is relative to the folder of the curriculum file",
            )
        yield from read.problems
    yield from personal_data(ctx)
    yield from duplicate_projects(ctx, placed)
    yield from duplicate_coaches(ctx)
    for item in placed:
        yield from project_references(ctx, item)
        yield from stage_dates(ctx, item)
    yield from coach_references(ctx)
    yield from network_references(ctx)
    yield from coach_load(ctx, placed)


def _strings(value: Any, path: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, str(key)))
    elif isinstance(value, list):
        for number, item in enumerate(value):
            yield from _strings(item, (*path, number))


def personal_data(ctx: CheckContext) -> Iterator[Problem]:
    """Text in projects, coaches or the network that looks like it identifies someone,
    read as written (so an item broken otherwise is checked too)."""
    for section in ("projects", "coaches", "network"):
        for path, text in _strings(ctx.raw.get(section), (section,)):
            allow_email = any(part in CONTACT_KEYS for part in path if isinstance(part, str))
            for finding in find_personal(text, allow_email=allow_email):
                where = ctx.source.locate(path)
                offset = "" if finding.offset == 0 else f" (from character {finding.offset + 1})"
                yield Problem.error(
                    where,
                    path,
                    f"this text holds what looks like {describe(finding)}{offset} and is "
                    f"refused: {PRIVACY}",
                    "remove it; an email belongs only under 'contact', and only a work one"
                    if finding.what == "an email address"
                    else "remove it; describe the project in aggregate terms",
                )


def _duplicates(ids: Iterable[str]) -> dict[str, list[int]]:
    places: dict[str, list[int]] = {}
    for number, item_id in enumerate(ids):
        places.setdefault(item_id, []).append(number)
    return {key: found for key, found in places.items() if len(found) > 1}


def _where(ctx: CheckContext, item: PlacedProject) -> str:
    if item.row is not None:
        return f"{item.row.file} row {item.row.line}"
    return f"line {ctx.locate(('projects', item.index or 0, 'id')).line}"


def duplicate_projects(ctx: CheckContext, placed: Sequence[PlacedProject]) -> Iterator[Problem]:
    for project_id, numbers in _duplicates(p.project.id for p in placed).items():
        first = placed[numbers[0]]
        for number in numbers[1:]:
            yield placed[number].problem(
                ctx,
                ("id",),
                f"duplicate project id '{project_id}': already used at {_where(ctx, first)}",
                "every project needs its own id: it is the address of its page",
            )


def duplicate_coaches(ctx: CheckContext) -> Iterator[Problem]:
    coaches = ctx.curriculum.coaches
    for coach_id, numbers in _duplicates(c.id for c in coaches).items():
        line = ctx.locate(("coaches", numbers[0], "id")).line
        for number in numbers[1:]:
            yield ctx.error(
                ("coaches", number, "id"),
                f"duplicate coach id '{coach_id}': already used on line {line}",
                "every coach needs their own id",
            )


def _unknown(
    ctx: CheckContext,
    item: PlacedProject,
    field: KeyPath,
    kind: str,
    value: str,
    section: str,
    known: Iterable[str],
) -> Problem | None:
    if item.row is None:
        path = ("projects", item.index or 0, *field)
        return ctx.unknown_reference(path, kind, value, section, known)
    known = list(known)
    if value in known or value in ctx.declared_ids(section):
        return None
    hint = suggest(value, known) or (
        f"the {kind}s defined are: {', '.join(known)}" if 0 < len(known) <= 12 else None
    )
    return item.problem(ctx, field, f"unknown {kind} '{value}'", hint)


def project_references(ctx: CheckContext, item: PlacedProject) -> Iterator[Problem]:
    c, project = ctx.curriculum, item.project
    for field, kind, section, known in (
        ("audiences", "audience", "audiences", c.audiences_by_id),
        ("modules", "module", "modules", c.modules_by_id),
    ):
        for number, ref in enumerate(getattr(project, field)):
            found = _unknown(ctx, item, (field, number), kind, ref, section, known)
            if found:
                yield found
    if project.coach is not None:
        found = _unknown(ctx, item, ("coach",), "coach", project.coach, "coaches", c.coaches_by_id)
        if found:
            yield found


def stage_dates(ctx: CheckContext, item: PlacedProject) -> Iterator[Problem]:
    """Dates in the order of the stages, none before the start, none for a stage the
    project has not reached; a warning when its stage has no date (the chart needs it)."""
    project = item.project
    reached = STAGE_ORDER.index(project.stage)
    previous = ("start", project.start)
    for stage in STAGE_ORDER:
        when = project.stage_dates.get(stage)
        if when is None:
            continue
        field: KeyPath = ("stage_dates", stage.value)
        if stage is Stage.IDEA:
            yield item.problem(
                ctx,
                field,
                "a project's 'idea' stage begins on its start date",
                "remove 'idea' from stage_dates and set 'start'",
            )
            continue
        if project.stage is not Stage.CLOSED and STAGE_ORDER.index(stage) > reached:
            yield item.problem(
                ctx,
                field,
                f"a date for '{stage.value}', but the project's stage is '{project.stage.value}'",
                f"set 'stage: {stage.value}', or remove the date",
            )
        elif when < previous[1]:
            yield item.problem(
                ctx,
                field,
                f"'{stage.value}' on {when.isoformat()} is before {previous[0]} "
                f"({previous[1].isoformat()})",
                "stages follow each other: idea, testing-changes, spreading, sustaining, closed",
            )
        previous = (stage.value, when)
    if project.stage is not Stage.IDEA and project.stage not in project.stage_dates:
        yield item.problem(
            ctx,
            ("stage",),
            f"no date for when the project reached '{project.stage.value}': the chart of "
            "projects by stage counts it at its last dated stage",
            f"add 'stage_dates: {{{project.stage.value}: YYYY-MM-DD}}'",
            warning=True,
        )


def coach_references(ctx: CheckContext) -> Iterator[Problem]:
    c = ctx.curriculum
    for index, coach in enumerate(c.coaches):
        for field, kind, section, known in (
            ("audiences", "audience", "audiences", c.audiences_by_id),
            ("domains", "domain", "domains", c.domains_by_id),
        ):
            for number, ref in enumerate(getattr(coach, field)):
                found = ctx.unknown_reference(
                    ("coaches", index, field, number), kind, ref, section, known
                )
                if found:
                    yield found


def network_references(ctx: CheckContext) -> Iterator[Problem]:
    c = ctx.curriculum
    if c.network is None:
        return
    for number, ref in enumerate(c.network.modules):
        found = ctx.unknown_reference(
            ("network", "modules", number), "module", ref, "modules", c.modules_by_id
        )
        if found:
            yield found
    session_ids = {s.id for s in c.sessions}
    for number, ref in enumerate(c.network.sessions):
        found = ctx.unknown_reference(
            ("network", "sessions", number), "session", ref, "sessions", session_ids
        )
        if found:
            yield found


def coach_load(ctx: CheckContext, placed: Sequence[PlacedProject]) -> Iterator[Problem]:
    """The rule of thumb as warnings: projects under way with no coach, coaches over load."""
    c = ctx.curriculum
    if not c.coaches and not placed:
        return
    figures = coaching_figures(c.coaches, [p.project for p in placed])
    uncoached = {id(p) for p in figures.uncoached}
    for item in placed:
        if id(item.project) in uncoached:
            yield item.problem(
                ctx,
                ("stage",),
                f"project '{item.project.id}' is '{item.project.stage.value}' and has no coach",
                "name one under 'coach:'; the guide has teams learn the method by doing it "
                "with a coach",
                warning=True,
            )
    for index, load in enumerate(figures.loads):
        if load.over:
            high = load.supports.high
            figure = f"{float(high):g}"
            yield ctx.warning(
                ("coaches", index, "protected_time"),
                f"coach '{load.coach.id}' supports {load.teams} teams; with "
                f"{load.coach.protected_time:g}% protected time the rule of thumb is at most "
                f"{figure}",
                "a coach with 20% to 25% protected time supports 3 to 4 teams: "
                "share the teams out, or protect more time",
            )
