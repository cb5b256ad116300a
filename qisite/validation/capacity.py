"""Checks of ``targets:`` and of the progress CSV files named in ``progress_files:``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from qisite.capacity.check import counts_for
from qisite.capacity.targets import (
    PlannedTarget,
    group_size,
    people_to_train,
    plan_targets,
)
from qisite.model import ProgressRow, Target
from qisite.model.targets import Milestone
from qisite.problems import Position, Problem
from qisite.sessions.build_time import build_date
from qisite.validation.context import CheckContext
from qisite.yaml_source import KeyPath


def check(ctx: CheckContext) -> Iterator[Problem]:
    yield from targets(ctx)
    yield from progress_files(ctx)


def targets(ctx: CheckContext) -> Iterator[Problem]:
    c = ctx.curriculum
    first_seen: dict[str, int] = {}
    for index, target in enumerate(c.targets):
        at = ("targets", index)
        found = ctx.unknown_reference(
            (*at, "audience"), "audience", target.audience, "audiences", c.audiences_by_id
        )
        if found:
            yield found
        if target.audience in first_seen:
            line = ctx.locate(("targets", first_seen[target.audience])).line
            yield ctx.error(
                (*at, "audience"),
                f"a second target for audience '{target.audience}': the first is on line {line}",
                "give each audience one target and put interim steps under 'milestones:'",
            )
        else:
            first_seen[target.audience] = index
        yield from _module(ctx, at, target)
        problems = list(_amount(ctx, at, target, target, f"the target for '{target.audience}'"))
        yield from problems
        if not problems:
            yield from _milestones(ctx, at, target)


def _amount(
    ctx: CheckContext, at: KeyPath, target: Target, item: Target | Milestone, what: str
) -> Iterator[Problem]:
    """Exactly one of train and share, a group size for a share, no more than the group."""
    if (item.train is None) == (item.share is None):
        yield ctx.error(
            at,
            f"{what} needs exactly one of 'train' (a number of people) "
            "or 'share' (a percentage of the group)",
            "for example 'train: 25' or 'share: 40'",
        )
        return
    size = group_size(ctx.curriculum, target)
    if item.share is not None and size is None:
        if target.audience in ctx.curriculum.audiences_by_id:
            yield ctx.error(
                (*at, "share"),
                f"a share needs the size of the group, and '{target.audience}' has none",
                "add 'group_size:' to the target or 'size:' to the audience",
            )
        return
    people = people_to_train(item, size)
    if people is not None and size is not None and people > size:
        yield ctx.error(
            (*at, "train"), f"{what} trains {people} people but the group has only {size}"
        )


def _milestones(ctx: CheckContext, at: KeyPath, target: Target) -> Iterator[Problem]:
    size = group_size(ctx.curriculum, target)
    final = people_to_train(target, size)
    previous: tuple[Milestone, int] | None = None
    for position, milestone in enumerate(target.milestones):
        where = (*at, "milestones", position)
        what = f"the milestone of {milestone.by.isoformat()} for '{target.audience}'"
        yield from _amount(ctx, where, target, milestone, what)
        if (milestone.train is None) == (milestone.share is None):
            continue
        if milestone.by >= target.by:
            yield ctx.error(
                (*where, "by"),
                f"{what} is not before the target's deadline ({target.by.isoformat()})",
                "a milestone is an interim step: give it an earlier date, or move the deadline",
            )
        people = people_to_train(milestone, size)
        if people is not None and final is not None and people > final:
            yield ctx.error(
                where, f"{what} asks for {people} people, more than the target itself ({final})"
            )
        if previous is not None and people is not None:
            earlier, earlier_people = previous
            if milestone.by <= earlier.by or people < earlier_people:
                yield ctx.warning(
                    where,
                    f"milestones for '{target.audience}' should run in date order, "
                    "each asking for at least as many people as the one before",
                )
        if people is not None:
            previous = (milestone, people)


def _module(ctx: CheckContext, at: KeyPath, target: Target) -> Iterator[Problem]:
    c = ctx.curriculum
    audience = c.audiences_by_id.get(target.audience)
    if target.module is not None:
        found = ctx.unknown_reference(
            (*at, "module"), "module", target.module, "modules", c.modules_by_id
        )
        if found:
            yield found
        module = c.modules_by_id.get(target.module)
        if module is not None and target.audience not in module.audiences:
            yield ctx.warning(
                (*at, "module"),
                f"module '{module.id}' is not on the pathway of '{target.audience}', "
                "so no session of it is counted as places for this target",
                "choose a module listed for this audience",
            )
    elif audience is not None and not _has_modules(ctx, audience.id):
        yield ctx.warning(
            at, f"'{target.audience}' has no modules, so no places can be offered for its target"
        )


def _has_modules(ctx: CheckContext, audience_id: str) -> bool:
    """Whether any module is written for the audience, counting modules reported as broken.

    Not its pathway: a prerequisite cycle leaves modules out of the learning
    order, and that is reported once, as the cycle.
    """
    written: list[object] = [m.audiences for m in ctx.curriculum.modules]
    written += [m.get("audiences") for m in ctx.pruned_items("modules")]
    return any(isinstance(a, list) and audience_id in a for a in written)


def progress_files(ctx: CheckContext) -> Iterator[Problem]:
    for index, read in enumerate(ctx.progress_files):
        if not read.found:
            yield ctx.error(
                ("progress_files", index),
                f"progress file '{read.name}' not found",
                "the path is relative to the folder of the curriculum file",
            )
    for read in ctx.progress_files:
        yield from read.problems
    rows = list(ctx.inputs.progress_rows)
    yield from _rows_that_do_not_count(plan_targets(ctx.curriculum), rows)
    yield from _rows_from_the_future(rows, build_date())


def _rows_from_the_future(rows: list[ProgressRow], today: date) -> Iterator[Problem]:
    """A count dated after the build is a typo (2072 for 2027) or a guess, never a count."""
    for row in rows:
        if row.date > today:
            yield Problem.warning(
                Position(row.file, row.line, 1),
                (),
                f"row {row.line}, column 'date': {row.date.isoformat()} is after today "
                f"({today.isoformat()}); progress counts what has happened",
                "check the year, or leave the row out until the date has passed",
            )


def _rows_that_do_not_count(
    planned: list[PlannedTarget], rows: list[ProgressRow]
) -> Iterator[Problem]:
    """Rows that would be counted twice, or not where the organiser probably meant."""
    by_audience = {t.audience.id: t for t in planned}
    for row in rows:
        where = Position(row.file, row.line, 1)
        if row.audience is None:
            measured = [t.audience.id for t in planned if t.module and t.module.id == row.module]
            if len(measured) > 1:
                yield Problem.warning(
                    where,
                    (),
                    f"row {row.line}: module '{row.module}' counts as trained for "
                    f"{', '.join(measured)}, so this row is counted for each of them",
                    "add an audience column to say whose completions these are",
                )
            continue
        target = by_audience.get(row.audience)
        if target is not None and not counts_for(target, row):
            measured_by = target.module.id if target.module else "no module"
            yield Problem.warning(
                where,
                (),
                f"row {row.line}: completions of '{row.module}' do not count towards the "
                f"target for '{row.audience}', which counts '{measured_by}'",
                "leave the module cell empty, or set 'module:' on the target",
            )
