"""Checks that the ids in a curriculum refer to each other correctly."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from qisite.model import Curriculum
from qisite.problems import Problem, suggest
from qisite.validation.context import CheckContext
from qisite.views.matrix import delivered_ranks

_SECTIONS_WITH_IDS = ("dose_levels", "domains", "audiences", "modules", "sessions")


def duplicate_ids(ctx: CheckContext) -> Iterator[Problem]:
    """Report a reused id at every place it is used: either may be the one to change."""
    for section in _SECTIONS_WITH_IDS:
        places: dict[str, list[int]] = {}
        for index, item in enumerate(getattr(ctx.curriculum, section)):
            places.setdefault(item.id, []).append(index)
        for item_id, indices in places.items():
            if len(indices) < 2:
                continue
            lines = {i: ctx.locate((section, i, "id")).line for i in indices}
            for index in indices:
                others = ", ".join(str(lines[i]) for i in indices if i != index)
                if index == indices[0]:
                    word = "lines" if len(indices) > 2 else "line"
                    message = f"duplicate id '{item_id}': used again on {word} {others}"
                else:
                    message = f"duplicate id '{item_id}': already used on line {lines[indices[0]]}"
                yield ctx.error(
                    (section, index, "id"),
                    message,
                    "every id in a section must be different: change one of them",
                )


def module_references(ctx: CheckContext) -> Iterator[Problem]:
    c = ctx.curriculum
    for index, module in enumerate(c.modules):
        at = ("modules", index)
        found = ctx.unknown_reference(
            (*at, "dose"), "dose level", module.dose, "dose_levels", c.levels_by_id
        )
        if found:
            yield found
        for field_name, kind, section, known in (
            ("domains", "domain", "domains", c.domains_by_id),
            ("audiences", "audience", "audiences", c.audiences_by_id),
            ("prerequisites", "module", "modules", c.modules_by_id),
        ):
            for position, ref in enumerate(getattr(module, field_name)):
                found = ctx.unknown_reference(
                    (*at, field_name, position), kind, ref, section, known
                )
                if found:
                    yield found
        if module.id in module.prerequisites:
            yield ctx.error(
                (*at, "prerequisites", module.prerequisites.index(module.id)),
                f"module '{module.id}' lists itself as a prerequisite",
            )


def audience_references(ctx: CheckContext) -> Iterator[Problem]:
    c = ctx.curriculum
    for index, audience in enumerate(c.audiences):
        for domain_id, level_id in audience.dose.items():
            at = ("audiences", index, "dose", domain_id)
            found = ctx.unknown_reference(
                at, "domain", domain_id, "domains", c.domains_by_id, at_key=True
            )
            if found:
                yield found
            found = ctx.unknown_reference(at, "dose level", level_id, "dose_levels", c.levels_by_id)
            if found:
                yield found


_LISTS_OF_IDS = ("domains", "audiences", "formats", "prerequisites", "ihi_open_school")


def repeated_entries(ctx: CheckContext) -> Iterator[Problem]:
    """Warn when a module lists the same id twice: harmless, but usually a slip of copy-paste."""
    for index, module in enumerate(ctx.curriculum.modules):
        for field_name in _LISTS_OF_IDS:
            seen: set[str] = set()
            for position, entry in enumerate(getattr(module, field_name)):
                if entry in seen:
                    yield ctx.warning(
                        ("modules", index, field_name, position),
                        f"'{entry}' is listed twice in the {field_name} of module '{module.id}'",
                        "remove the second one",
                    )
                seen.add(entry)


def prerequisite_cycles(ctx: CheckContext) -> Iterator[Problem]:
    """Report each cycle once, as a → b → a (each needs the next), at its likeliest mistake.

    In a cycle at least one module needs something deeper than itself or written
    later in the file than itself; that link is most likely the one added by
    mistake, so the error points at it and the cycle is printed from there.
    """
    c = ctx.curriculum
    modules = c.modules_by_id
    index_of = {m.id: i for i, m in enumerate(c.modules)}
    rank = c.level_rank
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    reported: set[frozenset[str]] = set()

    def suspicion(link: tuple[str, str]) -> tuple[int, int]:
        needer, needed = modules[link[0]], modules[link[1]]
        deeper = rank.get(needed.dose, 0) - rank.get(needer.dose, 0)
        return deeper, index_of[needed.id] - index_of[needer.id]

    blamed: set[tuple[str, str]] = set()

    def report(cycle: list[str]) -> Iterator[Problem]:
        links = list(itertools.pairwise(cycle))
        start = links.index(max(links, key=suspicion))
        if links[start] in blamed:
            return  # another way round the same mistaken link: already reported
        blamed.add(links[start])
        ordered = [*cycle[start:-1], *cycle[:start], cycle[start]]
        needer, needed = ordered[0], ordered[1]
        owner = modules[needer].prerequisites.index(needed)
        yield ctx.error(
            ("modules", index_of[needer], "prerequisites", owner),
            "prerequisites go round in a circle: " + " → ".join(ordered),
            f"each module needs the next; remove one link, most likely '{needed}' "
            f"from the prerequisites of '{needer}'",
        )

    def visit(module_id: str, path: list[str]) -> Iterator[Problem]:
        state[module_id] = 1
        path.append(module_id)
        for prerequisite in modules[module_id].prerequisites:
            if prerequisite not in modules or prerequisite == module_id:
                continue
            if state.get(prerequisite) == 1:
                cycle = [*path[path.index(prerequisite) :], prerequisite]
                members = frozenset(cycle)
                if members not in reported:
                    reported.add(members)
                    yield from report(cycle)
            elif state.get(prerequisite) is None:
                yield from visit(prerequisite, path)
        path.pop()
        state[module_id] = 2

    for module in c.modules:
        if state.get(module.id) is None:
            yield from visit(module.id, [])


def prerequisite_depth(ctx: CheckContext) -> Iterator[Problem]:
    c = ctx.curriculum
    rank = c.level_rank
    for index, module in enumerate(c.modules):
        for position, prerequisite_id in enumerate(module.prerequisites):
            prerequisite = c.modules_by_id.get(prerequisite_id)
            if prerequisite is None or module.dose not in rank or prerequisite.dose not in rank:
                continue
            if rank[prerequisite.dose] > rank[module.dose] and not _needs(
                c, prerequisite_id, module.id
            ):
                yield ctx.warning(
                    ("modules", index, "prerequisites", position),
                    f"prerequisite '{prerequisite_id}' is at dose "
                    f"'{prerequisite.dose}', deeper than '{module.id}' itself ('{module.dose}')",
                    "a prerequisite is normally at the same or a lighter dose",
                )


def _needs(c: Curriculum, module_id: str, wanted: str) -> bool:
    """Whether ``module_id`` needs ``wanted``, directly or through its prerequisites.

    A link that closes a cycle is reported as the cycle; warning about its
    depth too would be a second message for one mistake.
    """
    seen: set[str] = set()
    waiting = [module_id]
    while waiting:
        current = c.modules_by_id.get(waiting.pop())
        if current is None or current.id in seen:
            continue
        seen.add(current.id)
        if wanted in current.prerequisites:
            return True
        waiting.extend(current.prerequisites)
    return False


def dose_gaps(ctx: CheckContext) -> Iterator[Problem]:
    """Warn where an audience's target depth for a domain is delivered by no module."""
    c = ctx.curriculum
    rank = c.level_rank
    unsure = _pairs_in_doubt(ctx)
    delivered = delivered_ranks(c)
    for index, audience in enumerate(c.audiences):
        for domain_id, level_id in audience.dose.items():
            if domain_id not in c.domains_by_id or level_id not in rank:
                continue
            if unsure is None or (audience.id, domain_id) in unsure:
                continue
            deepest = delivered.get((audience.id, domain_id), -1)
            if deepest < rank[level_id]:
                # Ids throughout, as the organiser typed them: a level's name beside
                # them read as a mix of two vocabularies (and two scripts, in Arabic).
                got = (
                    f"reach only '{c.dose_levels[deepest].id}'"
                    if deepest >= 0
                    else "do not cover it at all"
                )
                yield ctx.warning(
                    ("audiences", index, "dose", domain_id),
                    f"gap in the plan: '{audience.id}' should reach '{level_id}' in "
                    f"'{domain_id}', but its modules {got}",
                    "add a module for this audience and domain at that dose, or lower the target",
                )


def ihi_codes(ctx: CheckContext) -> Iterator[Problem]:
    courses = ctx.catalogue.courses
    for index, module in enumerate(ctx.curriculum.modules):
        for position, code in enumerate(module.ihi_open_school):
            if code not in courses:
                yield ctx.error(
                    ("modules", index, "ihi_open_school", position),
                    f"unknown IHI Open School course '{code}' in module '{module.id}'",
                    suggest(code, courses)
                    or "add it under ihi_open_school: at the top level of the curriculum",
                )


def _pairs_in_doubt(ctx: CheckContext) -> set[tuple[str, str]] | None:
    """(audience, domain) pairs that a broken module may deliver once it is fixed.

    A gap there would be a knock-on of an error already reported, so it is not
    reported too. None when the file is too broken to judge any gap (a
    misspelt top-level section).
    """
    c = ctx.curriculum
    if any(key not in type(c).model_fields for key in ctx.raw):
        return None
    if "modules" in ctx.raw and not isinstance(ctx.raw["modules"], list):
        return None
    every_audience, every_domain = set(c.audiences_by_id), set(c.domains_by_id)
    claims: list[tuple[list[object], list[object]]] = [
        (_as_list(m.get("audiences")), _as_list(m.get("domains")))
        for m in ctx.pruned_items("modules")
    ]
    claims += [
        (list(m.audiences), list(m.domains))
        for m in c.modules
        if m.dose not in c.level_rank
        or not set(m.audiences) <= every_audience
        or not set(m.domains) <= every_domain
    ]
    doubt: set[tuple[str, str]] = set()
    for audiences, domains in claims:
        named_a = {str(a) for a in audiences}
        named_d = {str(d) for d in domains}
        # A misspelt id could be meant as any of them; so could an empty list.
        audiences_meant = named_a if named_a and named_a <= every_audience else every_audience
        domains_meant = named_d if named_d and named_d <= every_domain else every_domain
        doubt |= {(a, d) for a in audiences_meant for d in domains_meant}
    return doubt


def _as_list(value: object) -> list[object]:
    if isinstance(value, list):
        return value
    return [] if value is None else [value]
