"""The publication manifest: what one build of an academy's portal published.

Every build writes one to the site as ``publication.json``. Given the manifest of
the previous publication, ``build_manifest`` carries each sitting's history forward,
so that what learners and calendars were told can be compared with what they will
be told:

- ``first_published``: the build time of the first manifest that listed the sitting;
- ``last_changed``: the build time at which its time, place or status last changed
  (equal to ``first_published`` until the first change);
- ``sequence``: how many times they changed (0 when first published), ready to be
  an event's iCalendar SEQUENCE.

"Time, place or status" is ``start``, ``end``, ``venue``, ``online`` and ``status``:
a new title or address is not a change learners must act on. A sitting is known
across builds by its UID, which its session keeps when renamed (``former_ids``).
A sitting that leaves the schedule and later comes back starts again at 0.

The JSON is deterministic: keys sorted, two-space indent, a final newline, build
times in UTC, sittings' times with the academy's offset. ``format`` goes up only
when an older qisite could not read the file; ``from_json`` refuses a newer one.
Pure: nothing here opens a file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Literal

from pydantic import TypeAdapter, ValidationError

FORMAT = 1
"""The manifest format this qisite writes and reads."""

Status = Literal["scheduled", "cancelled"]


class ManifestError(ValueError):
    """A previous manifest that cannot be read; the message says why, in plain words."""


@dataclass(frozen=True)
class ModuleEntry:
    """A module as published: its page, the ids it was published under before, and,
    for a retired module, the date it was retired and the module that replaces it."""

    title: str
    address: str
    former_ids: tuple[str, ...] = ()
    retired: date | None = None
    replacement: str | None = None


@dataclass(frozen=True)
class AudienceEntry:
    """An audience (pathway) as published."""

    name: str
    address: str
    former_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sitting:
    """What this build publishes about one sitting, before its history is known."""

    module: str
    title: str
    start: datetime
    end: datetime
    venue: str | None
    online: str | None
    status: Status
    address: str
    """Its place on its module's page (``modules/<id>/#session-<slug>``)."""

    def same_time_place_and_status(self, other: Sitting) -> bool:
        """True if a learner need not act: same start and end (as instants), venue,
        online link and status."""
        return (self.start, self.end, self.venue, self.online, self.status) == (
            other.start,
            other.end,
            other.venue,
            other.online,
            other.status,
        )


@dataclass(frozen=True)
class SittingEntry(Sitting):
    """A sitting with its history across publications."""

    first_published: datetime
    last_changed: datetime
    sequence: int = 0


@dataclass(frozen=True)
class Published:
    """What one build publishes, without history: the input of ``build_manifest``."""

    academy: str
    """The academy's stable id (its ``feed_id``, the end of every event UID)."""
    modules: Mapping[str, ModuleEntry]
    audiences: Mapping[str, AudienceEntry]
    addresses: Iterable[str]
    """Every page and feed address the build serves, relative to the site's root."""
    sittings: Mapping[str, Sitting]
    """By UID."""


@dataclass(frozen=True)
class Manifest:
    """What one build published. Build it with ``build_manifest``; read one with
    ``from_json``; write it with ``to_json``."""

    academy: str
    built_at: datetime
    modules: Mapping[str, ModuleEntry] = field(default_factory=dict)
    audiences: Mapping[str, AudienceEntry] = field(default_factory=dict)
    addresses: tuple[str, ...] = ()
    sittings: Mapping[str, SittingEntry] = field(default_factory=dict)
    format: int = FORMAT

    def to_json(self) -> str:
        """The manifest as deterministic JSON text."""
        data = _ADAPTER.dump_python(self, mode="json")
        return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str | bytes) -> Manifest:
        """A manifest from JSON text; ``ManifestError`` saying why it is not one."""
        try:
            data = json.loads(text)
        except (ValueError, UnicodeDecodeError) as error:
            raise ManifestError(f"it is not JSON ({error})") from None
        if not isinstance(data, dict):
            raise ManifestError("it is not a publication manifest (no keys at its top)")
        found = data.get("format")
        if isinstance(found, int) and found > FORMAT:
            raise ManifestError(
                f"it was written by a newer qisite (format {found}; this one reads {FORMAT})"
            )
        if found != FORMAT:
            raise ManifestError("it is not a publication manifest (no 'format': 1)")
        try:
            manifest = _ADAPTER.validate_python(data)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            raise ManifestError(f"{where}: {first['msg']}") from None
        return manifest


_ADAPTER: TypeAdapter[Manifest] = TypeAdapter(Manifest)


def carry_forward(
    sittings: Mapping[str, Sitting], built_at: datetime, previous: Manifest | None
) -> dict[str, SittingEntry]:
    """Each of ``sittings`` (by UID, in UID order) with its history carried on from
    ``previous``, as ``build_manifest`` records it."""
    stamp = _stamp(built_at)
    before = previous.sittings if previous is not None else {}
    carried: dict[str, SittingEntry] = {}
    for uid in sorted(sittings):
        now = sittings[uid]
        was = before.get(uid)
        if was is None:
            carried[uid] = _entry(now, stamp, stamp, 0)
        elif now.same_time_place_and_status(was):
            carried[uid] = _entry(now, was.first_published, was.last_changed, was.sequence)
        else:
            carried[uid] = _entry(now, was.first_published, stamp, was.sequence + 1)
    return carried


def build_manifest(
    published: Published,
    built_at: datetime,
    previous: Manifest | None,
    carried: Mapping[str, SittingEntry] | None = None,
) -> Manifest:
    """The manifest of this build, each sitting's history carried on from ``previous``.

    ``built_at`` is the build's time (SOURCE_DATE_EPOCH when set), stored in UTC.
    A sitting of ``previous`` with the same UID and the same time, place and status
    keeps its history; one whose time, place or status changed gets
    ``last_changed = built_at`` and ``sequence + 1``; a new one gets both dates
    ``built_at`` and sequence 0. ``carried`` is what ``carry_forward`` made of
    ``published.sittings`` with the same ``built_at`` and ``previous``, for a build
    that needed the history before its manifest (its feeds do): it is not made again.
    """
    if carried is None:
        carried = carry_forward(published.sittings, built_at, previous)
    return Manifest(
        academy=published.academy,
        built_at=_stamp(built_at),
        modules={
            key: replace(entry, former_ids=tuple(entry.former_ids))
            for key, entry in sorted(published.modules.items())
        },
        audiences={
            key: replace(entry, former_ids=tuple(entry.former_ids))
            for key, entry in sorted(published.audiences.items())
        },
        addresses=tuple(sorted(set(published.addresses))),
        sittings={uid: carried[uid] for uid in sorted(carried)},
    )


def _stamp(built_at: datetime) -> datetime:
    return built_at.astimezone(UTC).replace(microsecond=0)


def _entry(now: Sitting, first: datetime, changed: datetime, sequence: int) -> SittingEntry:
    return SittingEntry(
        module=now.module,
        title=now.title,
        start=now.start,
        end=now.end,
        venue=now.venue,
        online=now.online,
        status=now.status,
        address=now.address,
        first_published=first,
        last_changed=changed,
        sequence=sequence,
    )
