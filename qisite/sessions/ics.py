"""iCalendar (RFC 5545) feeds of occurrences, written by the ``icalendar`` library.

What subscribers' calendars rely on:

* METHOD:PUBLISH, and REFRESH-INTERVAL (RFC 7986) with X-PUBLISHED-TTL (what
  Outlook and Apple read) set to ``academy.feed_refresh``, a day by default.
* DTSTAMP is the build time: SOURCE_DATE_EPOCH when set, so that two builds of
  the same files at the same epoch give byte-identical feeds, else the clock;
  never a time still to come.
* UIDs come from session ids and dates, so an event is the same event in every
  build; SEQUENCE and LAST-MODIFIED say which copy is newer (see
  ``qisite.sessions.revisions`` for why they come from time).
* A cancelled sitting keeps its UID and says STATUS:CANCELLED, so calendars
  strike it out; because Google drops such events from subscribed feeds and
  others show them as ordinary ones, its SUMMARY also starts "Cancelled: ", its
  DESCRIPTION says so first, and it is TRANSP:TRANSPARENT (the time shows free).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

import icalendar
from icalendar.parser import Contentline

from qisite.i18n import Words
from qisite.model import Curriculum
from qisite.sessions.build_time import build_time
from qisite.sessions.expand import Occurrence
from qisite.sessions.revisions import revision
from qisite.sessions.vtimezone import vtimezone

PRODUCT = "-//qisite//QI Academy sessions//EN"


@dataclass(frozen=True)
class FeedSettings:
    """What every feed of one build shares: the academy, its zone, the build time, how
    often to refresh, the words of its language and what is known of past changes."""

    academy: str
    timezone: str
    stamp: datetime
    """The build time: every DTSTAMP, and the LAST-MODIFIED of sittings without history."""
    refresh: timedelta
    zone_from: date
    zone_to: date
    words: Words
    last_changed: Mapping[str, datetime] = field(default_factory=dict)
    """UID to when the sitting's time, place or status last changed, when a previous
    build's record says so (see ``qisite.sessions.revisions``)."""


def feed_settings(
    curriculum: Curriculum,
    everything: Sequence[Occurrence],
    words: Words,
    last_changed: Mapping[str, datetime] | None = None,
    built: datetime | None = None,
) -> FeedSettings:
    """Settings derived from the curriculum and all its occurrences, so every feed agrees.

    ``last_changed`` is the hook for a publication manifest: give it and unchanged
    sittings keep their SEQUENCE and LAST-MODIFIED; leave it out and every sitting
    is stamped with the build time. ``built`` is the build time when the caller has
    fixed it (so pages and feeds agree); else SOURCE_DATE_EPOCH, else the clock.
    """
    stamp = built.astimezone(UTC).replace(microsecond=0) if built else build_time()
    if everything:
        first_year = min(o.start for o in everything).year
        last_year = max(o.end for o in everything).year
    else:
        first_year = last_year = stamp.year
    return FeedSettings(
        academy=curriculum.academy.name,
        timezone=curriculum.academy.timezone,
        stamp=stamp,
        refresh=curriculum.academy.feed_refresh,
        zone_from=date(first_year, 1, 1),
        zone_to=date(last_year + 2, 1, 1),
        words=words,
        last_changed=last_changed or {},
    )


@lru_cache(maxsize=8)
def _vtimezone(name: str, first: date, last: date) -> icalendar.Timezone:
    """Computed once per build and shared by every feed (it is never changed after)."""
    return vtimezone(name, first, last)  # from the zone's rules, not icalendar's: see there


def summary(occurrence: Occurrence, words: Words) -> str:
    """'Title: part (cohort)', said to be cancelled when it is."""
    text = occurrence.title
    if occurrence.part:
        text = words.gettext("%(title)s: %(part)s", title=text, part=occurrence.part.name)
    if occurrence.cohort:
        text = words.gettext("%(title)s (%(cohort)s)", title=text, cohort=occurrence.cohort)
    if occurrence.cancelled:
        text = words.gettext("Cancelled: %(title)s", title=text)
    return text


def description(occurrence: Occurrence, words: Words) -> str:
    lines = []
    if occurrence.cancelled:
        lines.append(words.gettext("This session is cancelled."))
    if occurrence.facilitator:
        lines.append(words.gettext("Facilitator: %(name)s", name=occurrence.facilitator))
    if occurrence.online:
        lines.append(words.gettext("Join online: %(link)s", link=occurrence.online))
    if occurrence.capacity:
        lines.append(words.gettext("Places: %(places)s", places=occurrence.capacity))
    if occurrence.booking:
        lines.append(words.gettext("Book: %(link)s", link=occurrence.booking))
    if occurrence.notes:
        lines.append(occurrence.notes)
    return "\n".join(lines)


def event(occurrence: Occurrence, settings: FeedSettings) -> icalendar.Event:
    words = settings.words
    item = icalendar.Event()
    item.add("uid", occurrence.uid)
    item.add("dtstamp", settings.stamp)
    item.add("dtstart", occurrence.start)
    item.add("dtend", occurrence.end)
    item.add("summary", summary(occurrence, words))
    location = occurrence.venue or (words.gettext("Online") if occurrence.online else None)
    if location:
        item.add("location", location)
    if occurrence.booking:
        item.add("url", occurrence.booking)
    text = description(occurrence, words)
    if text:
        item.add("description", text)
    item.add("status", "CANCELLED" if occurrence.cancelled else "CONFIRMED")
    found = revision(occurrence.uid, settings.stamp, settings.last_changed)
    item.add("sequence", found.sequence)
    item.add("last-modified", found.last_modified)
    item.add("transp", "TRANSPARENT" if occurrence.cancelled else "OPAQUE")
    return item


def _head(name: str, settings: FeedSettings) -> icalendar.Calendar:
    """A VCALENDAR with its own properties and no components yet."""
    found = icalendar.Calendar()
    found.add("prodid", PRODUCT)
    found.add("version", "2.0")
    found.add("calscale", "GREGORIAN")
    found.add("method", "PUBLISH")
    found.add("x-wr-calname", _calendar_name(name, settings))
    found.add("x-wr-timezone", settings.timezone)
    # RFC 7986's property, and the older one that Outlook and Apple Calendar read.
    found.add("refresh-interval", settings.refresh, parameters={"VALUE": "DURATION"})
    found.add("x-published-ttl", icalendar.vDuration(settings.refresh))
    return found


def calendar(
    name: str, occurrences: Sequence[Occurrence], settings: FeedSettings
) -> icalendar.Calendar:
    """A whole VCALENDAR with its VTIMEZONE and one VEVENT per occurrence."""
    found = _head(name, settings)
    found.add_component(_vtimezone(settings.timezone, settings.zone_from, settings.zone_to))
    for occurrence in occurrences:
        found.add_component(event(occurrence, settings))
    return found


def feed(name: str, occurrences: Sequence[Occurrence], settings: FeedSettings) -> bytes:
    """One feed as bytes ready to publish."""
    serialised: bytes = calendar(name, occurrences, settings).to_ical()
    return serialised


_END = b"END:VCALENDAR\r\n"


_NAME_PLACEHOLDER = "qisite-feed-name-placeholder"


class FeedWriter:
    """Writes many feeds of one build, serialising each event and the VTIMEZONE once.

    A sitting appears in up to five feeds (all, its audiences, its module, its
    own), and icalendar's line folding dominates the build time of a large
    schedule. Every byte still comes from icalendar's serialiser: a feed is its
    calendar properties (serialised once, with only the name line per feed),
    then the VTIMEZONE, then the events, exactly as ``calendar(...).to_ical()``
    writes them (a test holds the two equal).
    """

    def __init__(self, settings: FeedSettings) -> None:
        self.settings = settings
        self._events: dict[str, bytes] = {}
        zone = _vtimezone(settings.timezone, settings.zone_from, settings.zone_to)
        self._zone: bytes = zone.to_ical()
        head: bytes = _head(_NAME_PLACEHOLDER, settings).to_ical()
        placeholder_line = _name_line(_NAME_PLACEHOLDER, settings)
        if not head.endswith(_END) or head.count(placeholder_line) != 1:  # pragma: no cover
            raise RuntimeError("icalendar wrote an unexpected VCALENDAR head")
        self._before_name, self._after_name = head[: -len(_END)].split(placeholder_line)

    def _event(self, occurrence: Occurrence) -> bytes:
        found = self._events.get(occurrence.uid)
        if found is None:
            found = self._events[occurrence.uid] = _serialised(event(occurrence, self.settings))
        return found

    def feed(self, name: str, occurrences: Sequence[Occurrence]) -> bytes:
        body = b"".join(self._event(o) for o in occurrences)
        name_line = _name_line(name, self.settings)
        return self._before_name + name_line + self._after_name + self._zone + body + _END


def _calendar_name(name: str, settings: FeedSettings) -> str:
    """'Riverside QI Academy: all sessions'."""
    return settings.words.gettext("%(academy)s: %(feed)s", academy=settings.academy, feed=name)


def _name_line(name: str, settings: FeedSettings) -> bytes:
    """The X-WR-CALNAME content line, folded, as icalendar writes it inside a calendar."""
    kind = icalendar.Calendar.types_factory.for_property("X-WR-CALNAME")
    value = kind(_calendar_name(name, settings))
    line = Contentline.from_parts("X-WR-CALNAME", value.params, value, sorted=True)
    folded: bytes = line.to_ical()
    return folded + b"\r\n"


_FOLD_AT = 75
"""icalendar folds a content line of 75 octets or more (RFC 5545: lines SHOULD NOT be longer)."""


def _serialised(component: icalendar.cal.component.Component) -> bytes:
    """``component.to_ical()``, byte for byte, sooner.

    icalendar folds every content line character by character, even the great
    majority that are too short to need it; at 5,000 sittings that was a third of
    the time spent on feeds. Here a line shorter than the fold is encoded as it
    is, and a longer one is folded by icalendar as always.
    """
    parts = []
    for line in component.content_lines():
        if not line:
            continue
        encoded = line.encode("utf-8")
        parts.append(encoded if len(encoded) < _FOLD_AT else line.to_ical())
    return b"\r\n".join(parts) + b"\r\n"
