"""What changes for staff between two publications, and which addresses would vanish.

``compare(previous, current)`` reads two manifests; nothing else. Renames are told
by the new manifest's ``former_ids``; retirements by its retired modules. A sitting
is the same sitting when its UID is (a renamed session keeps its UIDs).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from qisite.problems import Position, Problem
from qisite.publication.manifest import Manifest, ModuleEntry, SittingEntry

EXPECTED_TO_GO = ("calendar/", "feeds/sessions/")
"""Addresses that come and go with the schedule: a month's page, a sitting's own .ics.
A sitting taken out is told as removed instead."""


@dataclass(frozen=True)
class Renamed:
    kind: str
    """'module' or 'audience'."""
    old_id: str
    new_id: str
    old_name: str
    new_name: str


@dataclass(frozen=True)
class Vanished:
    """An address the previous publication served and this one does not."""

    address: str
    kind: str | None = None
    """'module' or 'audience' when the address was one's page, else None."""
    id: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class Moved:
    uid: str
    before: SittingEntry
    after: SittingEntry


@dataclass(frozen=True)
class Changes:
    """Everything staff would notice, in a stable order."""

    modules_added: tuple[tuple[str, ModuleEntry], ...] = ()
    renamed: tuple[Renamed, ...] = ()
    modules_retired: tuple[tuple[str, ModuleEntry], ...] = ()
    sittings_added: tuple[tuple[str, SittingEntry], ...] = ()
    sittings_moved: tuple[Moved, ...] = ()
    sittings_cancelled: tuple[tuple[str, SittingEntry], ...] = ()
    sittings_removed: tuple[tuple[str, SittingEntry], ...] = ()
    """Gone from the schedule without being cancelled: subscribers are not told."""
    vanished: tuple[Vanished, ...] = ()
    academy_renamed: tuple[str, str] | None = None
    """The academy's id (the end of every UID) before and now, when it changed."""

    @property
    def empty(self) -> bool:
        return not any(getattr(self, name) for name in self.__dataclass_fields__)


def compare(
    previous: Manifest,
    current: Manifest,
    counts: Callable[[str], bool] = lambda address: True,
) -> Changes:
    """What ``current`` changes for staff since ``previous``.

    ``counts`` says which of the previous addresses this comparison can judge: a check
    that knows only the generated pages (``qisite validate``) passes one that keeps
    the organiser's own pages out.
    """
    renamed: list[Renamed] = []
    renamed_ids: set[str] = set()
    for kind, before, after in (
        ("module", previous.modules, current.modules),
        ("audience", previous.audiences, current.audiences),
    ):
        for new_id, entry in after.items():
            for old_id in entry.former_ids:
                was = before.get(old_id)
                if was is not None and old_id not in after:
                    renamed.append(Renamed(kind, old_id, new_id, _name(was), _name(entry)))
                    renamed_ids.add(new_id)
    modules_added = tuple(
        (key, entry)
        for key, entry in current.modules.items()
        if key not in previous.modules and entry.retired is None and key not in renamed_ids
    )
    modules_retired = tuple(
        (key, entry)
        for key, entry in current.modules.items()
        if entry.retired is not None
        and (key not in previous.modules or previous.modules[key].retired is None)
    )
    added: list[tuple[str, SittingEntry]] = []
    moved: list[Moved] = []
    cancelled: list[tuple[str, SittingEntry]] = []
    for uid, now in current.sittings.items():
        earlier = previous.sittings.get(uid)
        if earlier is None:
            added.append((uid, now))
        elif now.status == "cancelled" and earlier.status != "cancelled":
            cancelled.append((uid, now))
        elif not now.same_time_place_and_status(earlier):
            moved.append(Moved(uid, earlier, now))
    removed = tuple(
        (uid, was) for uid, was in previous.sittings.items() if uid not in current.sittings
    )
    return Changes(
        modules_added=modules_added,
        renamed=tuple(sorted(renamed, key=lambda r: (r.kind, r.old_id))),
        modules_retired=modules_retired,
        sittings_added=tuple(added),
        sittings_moved=tuple(moved),
        sittings_cancelled=tuple(cancelled),
        sittings_removed=removed,
        vanished=_vanished(previous, current, counts),
        academy_renamed=(
            (previous.academy, current.academy) if previous.academy != current.academy else None
        ),
    )


def _name(entry: object) -> str:
    return str(getattr(entry, "title", None) or getattr(entry, "name", ""))


def _vanished(
    previous: Manifest, current: Manifest, counts: Callable[[str], bool]
) -> tuple[Vanished, ...]:
    pages = {e.address: ("module", key, e.title) for key, e in previous.modules.items()}
    pages.update({e.address: ("audience", key, e.name) for key, e in previous.audiences.items()})
    served = set(current.addresses)
    found = []
    for address in previous.addresses:
        if address in served or address.startswith(EXPECTED_TO_GO) or not counts(address):
            continue
        kind, key, name = pages.get(address, (None, None, None))
        found.append(Vanished(address, kind, key, name))
    return tuple(found)


def _when(sitting: SittingEntry) -> str:
    return f"{sitting.start:%Y-%m-%d %H:%M}"


def _where(sitting: SittingEntry) -> str:
    places = [p for p in (sitting.venue, sitting.online) if p]
    return " / ".join(places) if places else "no place given"


def vanished_message(item: Vanished) -> tuple[str, str]:
    """The warning for an address that would vanish, and what to do about it."""
    if item.kind is not None:
        return (
            f"{item.kind} '{item.id}' ({item.name}) was published at {item.address} and "
            "this build has nothing there: bookmarks, printed links and learners' "
            "records of it would break",
            f"if it was renamed, add '{item.id}' to the former_ids of the {item.kind} "
            "that replaces it"
            + ("; if it was taken out, list it under retired:" if item.kind == "module" else ""),
        )
    return (
        f"{item.address} was published last time and this build has nothing there",
        "links to it will break: keep the page, or leave a page there that links onwards",
    )


def report(changes: Changes) -> list[str]:
    """What changes for staff, as lines for an organiser's terminal."""
    lines: list[str] = []

    def section(title: str, items: list[str]) -> None:
        if items:
            lines.append(f"{title} ({len(items)}):")
            lines.extend(f"  {item}" for item in items)

    section("Modules added", [f"{key}: {e.title}" for key, e in changes.modules_added])
    section(
        "Renamed",
        [
            f"{r.kind} {r.old_id} -> {r.new_id}"
            + (f" ({r.old_name} -> {r.new_name})" if r.old_name != r.new_name else "")
            for r in changes.renamed
        ],
    )
    section(
        "Modules retired",
        [
            f"{key}: {e.title}, retired on {e.retired}"
            + (f", replaced by {e.replacement}" if e.replacement else "")
            for key, e in changes.modules_retired
        ],
    )
    section(
        "Sittings added",
        [f"{_when(s)} {s.title} ({_where(s)})" for _, s in changes.sittings_added],
    )
    section(
        "Sittings moved",
        [
            f"{m.after.title}: {_when(m.before)} ({_where(m.before)}) -> "
            f"{_when(m.after)} ({_where(m.after)})"
            for m in changes.sittings_moved
        ],
    )
    section(
        "Sittings cancelled",
        [f"{_when(s)} {s.title}" for _, s in changes.sittings_cancelled],
    )
    section(
        "Sittings removed without being cancelled (subscribers' calendars keep them)",
        [f"{_when(s)} {s.title}" for _, s in changes.sittings_removed],
    )
    section("Addresses that would vanish", [v.address for v in changes.vanished])
    return lines or ["Nothing changes for staff."]


GENERATED = ("modules/", "pathways/", "feeds/")
"""Addresses made from the curriculum's ids: all that a check without the site's own
pages (``qisite validate``) can judge."""


def generated_only(address: str) -> bool:
    return address.startswith(GENERATED)


def problems(changes: Changes, where: Position) -> list[Problem]:
    """Warnings for what the organiser should settle before publishing: an academy id
    that changed, addresses that would vanish, and sittings taken out without being
    cancelled."""
    found = []
    if changes.academy_renamed is not None:
        before, now = changes.academy_renamed
        found.append(
            Problem.warning(
                where,
                (),
                f"the last publication's academy id was '{before}' and this build's is "
                f"'{now}': every sitting's calendar UID ends with it, so subscribers' "
                "calendars would show each session twice",
                f"if the academy was renamed, set 'feed_id: {before}' under academy:; if "
                "this is another academy's publication.json, name the right one",
            )
        )
    for item in changes.vanished:
        message, hint = vanished_message(item)
        found.append(Problem.warning(where, (), message, hint))
    for uid, sitting in changes.sittings_removed:
        found.append(
            Problem.warning(
                where,
                (),
                f"the sitting {uid} ({sitting.title}, {_when(sitting)}) was published last "
                "time and is gone from the schedule: calendars that subscribed keep it",
                "keep it with status: cancelled, so that their calendars strike it out",
            )
        )
    return found
