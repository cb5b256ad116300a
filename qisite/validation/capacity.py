"""Checks of ``targets:`` and of the progress CSV files named in ``progress_files:``."""

from __future__ import annotations

from collections.abc import Iterator

from qisite.capacity.check import counts_for
from qisite.capacity.progress import ProgressRow, load_progress
from qisite.capacity.targets import (
    PlannedTarget,
    deepest_module,
    group_size,
    people_to_train,
    plan_targets,
)
from qisite.problems import Position, Problem
from qisite.validation.context import CheckContext


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
                "give each audience one target; change its number or date instead",
            )
        else:
            first_seen[target.audience] = index
        if (target.train is None) == (target.share is None):
            yield ctx.error(
                at,
                f"the target for '{target.audience}' needs exactly one of 'train' "
                "(a number of people) or 'share' (a percentage of the group)",
                "for example 'train: 25' or 'share: 40'",
            )
            continue
        audience = c.audiences_by_id.get(target.audience)
        size = group_size(c, target)
        if target.share is not None and size is None and audience is not None:
            yield ctx.error(
                (*at, "share"),
                f"a share needs the size of the group, and '{target.audience}' has none",
                "add 'group_size:' to the target or 'size:' to the audience",
            )
        people = people_to_train(target, size)
        if people is not None and size is not None and people > size:
            yield ctx.error(
                (*at, "train"),
                f"the target trains {people} people but the group has only {size}",
            )
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
        elif audience is not None and deepest_module(c, audience) is None:
            yield ctx.warning(
                at,
                f"'{target.audience}' has no modules, so no places can be offered for its target",
            )


def progress_files(ctx: CheckContext) -> Iterator[Problem]:
    c = ctx.curriculum
    for index, name in enumerate(c.progress_files):
        if not (ctx.base_dir / name).is_file():
            yield ctx.error(
                ("progress_files", index),
                f"progress file '{name}' not found",
                "the path is relative to the folder of the curriculum file",
            )
    present = [name for name in c.progress_files if (ctx.base_dir / name).is_file()]
    rows, problems = load_progress(
        present, ctx.base_dir, ctx.source.file, c.audiences_by_id, c.modules_by_id
    )
    yield from problems
    yield from _rows_that_do_not_count(plan_targets(c), rows)


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
