"""SEQUENCE and LAST-MODIFIED of a sitting, in feeds that are rebuilt from scratch.

A calendar that already holds an event decides from these whether a newer copy
replaces it. Subscriptions (Outlook, outlook.com, Google, Apple, Thunderbird)
fetch the whole feed again and mostly take it as it is, but a one-off import
of a sitting's own .ics (the "Add to calendar" link) is matched by UID, and
Google's import, like iTIP (RFC 5546) clients, keeps the copy it has unless the
new one has a higher SEQUENCE. So a sitting whose time, place or status changed
must come with a higher SEQUENCE than any copy published before, and a lower
one must never be written.

The build keeps no history of its own, so SEQUENCE is derived from time:
the whole minutes from 2000-01-01 00:00 UTC to the sitting's last change
(about 14 million in 2027, far below the 2**31 that clients store). It never
goes down while builds move forward in time, whatever state was lost between
them.

* Without history (the default): the last change is taken to be the build time
  (SOURCE_DATE_EPOCH when set). Every sitting gets a higher SEQUENCE and a new
  LAST-MODIFIED at each build, changed or not: an unchanged event then only
  looks revised, which clients take quietly, whereas a moved sitting that kept
  its SEQUENCE would stay at its old time in an imported copy.
* With history: ``last_changed`` maps a sitting's UID to when its time, place
  or status last changed, as the publication manifest (``qisite.publication``)
  carries it on from the previous build's ``publication.json`` (named as
  ``previous_manifest`` in mkdocs.yml; ``qisite.site.publication.sitting_changes``).
  Unchanged sittings then keep their SEQUENCE and LAST-MODIFIED from build to
  build. The manifest's own change counter (``SittingEntry.sequence``) is not
  written as SEQUENCE: a counter starts again at 0 when the previous manifest
  is lost or first used, below the time-sized SEQUENCE that builds without
  history had already published; a time does not go back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

SEQUENCE_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
"""SEQUENCE counts whole minutes from here."""


def sequence_at(moment: datetime) -> int:
    """The SEQUENCE of a sitting last changed at ``moment``: it grows with time."""
    return max(0, (moment - SEQUENCE_EPOCH) // timedelta(minutes=1))


@dataclass(frozen=True)
class Revision:
    """What a feed says about how recent its copy of a sitting is."""

    sequence: int
    last_modified: datetime


def revision(uid: str, built: datetime, last_changed: Mapping[str, datetime]) -> Revision:
    """The revision of the sitting ``uid`` in a build made at ``built``.

    A recorded change later than the build (a clock that went back) counts as
    the build time, so that LAST-MODIFIED is never in the future.
    """
    changed = min(last_changed.get(uid, built), built).astimezone(UTC)
    return Revision(sequence_at(changed), changed)
