"""The calendar page, a page per month, the .ics feeds (all, audience, module, sitting)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from qisite.sessions import Occurrence
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


def produce(site: SiteContext) -> Iterator[Output]:
    curriculum = site.curriculum
    everything = site.occurrences
    feeds = FeedWriter(feed_settings(curriculum, everything))
    used_audiences = {a for o in everything for a in o.audiences}
    months = by_month(everything)
    yield Output(
        paths.CALENDAR,
        site.render(
            "calendar/calendar.md.j2",
            paths.CALENDAR,
            months=months,
            occurrence_count=len(everything),
            audiences=[a for a in curriculum.audiences if a.id in used_audiences],
        ),
    )
    for index, month in enumerate(months):
        yield Output(
            paths.calendar_month(month.key),
            _month_page(
                site,
                month,
                months[index - 1] if index else None,
                months[index + 1] if index + 1 < len(months) else None,
            ),
        )
    yield Output(paths.FEED_ALL, feeds.feed("all sessions", everything))
    # Every audience and module gets a feed, even an empty one, so links never break.
    for audience in curriculum.audiences:
        chosen = site.occurrences_by_audience.get(audience.id, [])
        yield Output(paths.audience_feed(audience.id), feeds.feed(audience.name, chosen))
    for module in curriculum.modules:
        chosen = site.occurrences_by_module.get(module.id, [])
        yield Output(paths.module_feed(module.id), feeds.feed(module.title, chosen))
    for occurrence in everything:
        yield Output(
            paths.session_feed(occurrence.slug), feeds.feed(summary(occurrence), [occurrence])
        )


def _month_page(site: SiteContext, month: Month, before: Month | None, after: Month | None) -> str:
    """One month's sittings with the filters, offering only what occurs that month."""
    src_uri = paths.calendar_month(month.key)
    used_modules = {o.module_id for o in month.occurrences}
    used_audiences = {a for o in month.occurrences for a in o.audiences}
    curriculum = site.curriculum
    return site.render(
        "calendar/month.md.j2",
        src_uri,
        month=month,
        before=before,
        after=after,
        occurrence_count=len(month.occurrences),
        audiences=[a for a in curriculum.audiences if a.id in used_audiences],
        modules=[m for m in curriculum.modules if m.id in used_modules],
        formats=FORMATS,
    )
