"""The calendar page, the .ics feeds (all, per audience, per module, per sitting) and the script."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib.resources import files

from qisite.sessions import Occurrence, occurrences_for_audience, occurrences_for_modules
from qisite.sessions.ics import FeedWriter, feed_settings, summary
from qisite.site import paths
from qisite.site.context import SiteContext
from qisite.site.output import Output

FORMATS = {"in-person": "In person", "online": "Online"}
"""How a reader can attend; a hybrid sitting matches both."""


@dataclass(frozen=True)
class Month:
    key: str
    """'2027-01': also the heading's anchor."""
    first: Occurrence
    occurrences: list[Occurrence]


def by_month(occurrences: Sequence[Occurrence]) -> list[Month]:
    months: dict[str, Month] = {}
    for occurrence in occurrences:
        key = f"{occurrence.start:%Y-%m}"
        if key not in months:
            months[key] = Month(key, occurrence, [])
        months[key].occurrences.append(occurrence)
    return list(months.values())


def asset(name: str) -> str:
    return files("qisite").joinpath("assets", name).read_text(encoding="utf-8")


def produce(site: SiteContext) -> Iterator[Output]:
    curriculum = site.curriculum
    everything = site.occurrences
    feeds = FeedWriter(feed_settings(curriculum, everything))
    used_modules = {o.module_id for o in everything}
    used_audiences = {a for o in everything for a in o.audiences}
    yield Output(
        paths.CALENDAR,
        site.render(
            "calendar/calendar.md.j2",
            paths.CALENDAR,
            months=by_month(everything),
            occurrence_count=len(everything),
            audiences=[a for a in curriculum.audiences if a.id in used_audiences],
            modules=[m for m in curriculum.modules if m.id in used_modules],
            formats=FORMATS,
        ),
    )
    yield Output(paths.CALENDAR_SCRIPT, asset("calendar.js"))
    yield Output(paths.CALENDAR_STYLE, asset("calendar.css"))
    yield Output(paths.FEED_ALL, feeds.feed("all sessions", everything))
    # Every audience and module gets a feed, even an empty one, so links never break.
    for audience in curriculum.audiences:
        chosen = occurrences_for_audience(everything, audience.id)
        yield Output(paths.audience_feed(audience.id), feeds.feed(audience.name, chosen))
    for module in curriculum.modules:
        chosen = occurrences_for_modules(everything, [module.id])
        yield Output(paths.module_feed(module.id), feeds.feed(module.title, chosen))
    for occurrence in everything:
        yield Output(
            paths.session_feed(occurrence.slug), feeds.feed(summary(occurrence), [occurrence])
        )
