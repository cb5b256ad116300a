"""Checks that old addresses lead to one place: former ids and retired modules.

A former id becomes a page that sends readers on, a feed at the old address and,
for a session, the UIDs of its sittings; a retired module keeps a page at its
address. Each address can lead to one thing only.
"""

from __future__ import annotations

from collections.abc import Iterator

from qisite.problems import Problem
from qisite.validation.context import CheckContext

_KINDS = (("audiences", "audience"), ("modules", "module"), ("sessions", "session"))


def former_ids(ctx: CheckContext) -> Iterator[Problem]:
    """A former id may not be an id in use, nor be claimed by two of the same kind."""
    c = ctx.curriculum
    for section, kind in _KINDS:
        items = getattr(c, section)
        in_use = {item.id: index for index, item in enumerate(items)}
        claimed: dict[str, tuple[str, int]] = {}
        for index, item in enumerate(items):
            for position, former in enumerate(item.former_ids):
                at = (section, index, "former_ids", position)
                if former == item.id:
                    yield ctx.error(at, f"{kind} '{item.id}' lists its own id as a former id")
                elif former in in_use:
                    line = ctx.locate((section, in_use[former], "id")).line
                    yield ctx.error(
                        at,
                        f"former id '{former}' of {kind} '{item.id}' is still the id of "
                        f"the {kind} on line {line}",
                        "an old address can lead to one place only: take it out of "
                        "former_ids, or give the other one a new id",
                    )
                elif former in claimed:
                    other, other_index = claimed[former]
                    line = ctx.locate((section, other_index, "id")).line
                    yield ctx.error(
                        at,
                        f"former id '{former}' is claimed twice: by {kind} '{item.id}' and "
                        f"by {kind} '{other}' on line {line}",
                        "old links can lead to one place only: keep it on the one that "
                        "replaced it",
                    )
                elif kind == "module" and former in c.retired_by_id:
                    yield ctx.error(
                        at,
                        f"former id '{former}' of module '{item.id}' is also listed under "
                        "retired:",
                        "a renamed module is not retired: keep one of the two",
                    )
                else:
                    claimed[former] = (item.id, index)


def retired_modules(ctx: CheckContext) -> Iterator[Problem]:
    """A retired module is no longer a module, is retired once, and is replaced by a
    module that exists."""
    c = ctx.curriculum
    seen: dict[str, int] = {}
    for index, retired in enumerate(c.retired):
        at = ("retired", index)
        if retired.id in c.modules_by_id:
            yield ctx.error(
                (*at, "id"),
                f"retired module '{retired.id}' is still listed under modules:",
                "take it out of modules: when it is retired, or out of retired: if it is not",
            )
        elif retired.id in seen:
            line = ctx.locate(("retired", seen[retired.id], "id")).line
            yield ctx.error(
                (*at, "id"), f"module '{retired.id}' is retired twice: also on line {line}"
            )
        seen.setdefault(retired.id, index)
        if retired.replacement is not None:
            found = ctx.unknown_reference(
                (*at, "replacement"), "module", retired.replacement, "modules", c.modules_by_id
            )
            if found:
                yield found
