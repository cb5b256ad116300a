"""The calendar page, a page per month (or part of a busy month), and the .ics feeds
(all, audience, module, sitting)."""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from qisite.i18n import Words
from qisite.model import Audience
from qisite.sessions import Occurrence
from qisite.sessions.expand import grouped
from qisite.sessions.ics import FeedWriter, feed_settings, summary
from qisite.site import paths
from qisite.site.context import SiteContext
from qisite.site.labels import ATTENDANCE_LABELS
from qisite.site.output import Output
from qisite.site.publication import sitting_changes

PAGE_LIMIT = 20
"""Most sittings on one calendar page (unless one day has more). A busier month is split
into runs of whole days, so that a page's HTML reaches a phone on a slow link in two
round trips (about 42 kB: issue 14). A sitting is 0.85 to 1.15 kB (more with a venue,
facilitator, notes and a join link, as the example academy's), its module in the filter
70 bytes, and the rest of the page about 17 kB (the theme, the filters, the feed): twenty
keep a page near 36 kB at 1,000 modules and under 40 kB with the example's sittings."""


@dataclass(frozen=True)
class CalendarPage:
    """A month, or part of a busy month, of sittings: one page of the calendar."""

    key: str
    """'2027-07' for a whole month or its first part, '2027-07-16' for a later part:
    the page's address and its heading's anchor."""
    label: str
    """'July 2027', or '16 to 31 July 2027' for part of a month."""
    occurrences: list[Occurrence]

    @property
    def month(self) -> str:
        """'2027-07': the month this page is (part of)."""
        return self.key[:7]


def calendar_pages(
    occurrences: Sequence[Occurrence], words: Words, limit: int = PAGE_LIMIT
) -> list[CalendarPage]:
    """The sittings (in time order) a page per month, busy months split by days; the
    labels in ``words``' language."""
    pages: list[CalendarPage] = []
    for month_key, in_month in grouped(occurrences, lambda o: f"{o.start:%Y-%m}").items():
        first = in_month[0].start
        if len(in_month) <= limit:
            pages.append(CalendarPage(month_key, words.month_year(first), in_month))
            continue
        parts = _runs_of_days(in_month, limit)
        last_day = monthrange(first.year, first.month)[1]
        for index, part in enumerate(parts):
            start_day = 1 if index == 0 else part[0].start.day
            end_day = parts[index + 1][0].start.day - 1 if index + 1 < len(parts) else last_day
            key = month_key if index == 0 else f"{month_key}-{start_day:02d}"
            if start_day == end_day:
                label = words.day_date(first.replace(day=start_day))
            else:
                label = words.gettext(
                    "%(first)s to %(last)s %(month)s",
                    first=start_day,
                    last=end_day,
                    month=words.month_year(first),
                )
            pages.append(CalendarPage(key, label, part))
    return pages


def _runs_of_days(in_month: list[Occurrence], limit: int) -> list[list[Occurrence]]:
    """Whole days gathered into as few parts of at most ``limit`` sittings as will do (a
    busier day stays whole), as even in size as whole days allow: a month of 220 sittings
    at 40 a page gives six parts of 35 to 40, not five full ones and a stub of 20."""
    days = list(grouped(in_month, lambda o: f"{o.start:%d}").values())
    fewest = len(_fill(days, limit))
    smallest = max(max(len(day) for day in days), -(-len(in_month) // fewest))
    # The smallest cap that still needs no more parts than filling up to ``limit`` does.
    low, high = smallest, max(smallest, limit)
    while low < high:
        middle = (low + high) // 2
        if len(_fill(days, middle)) <= fewest:
            high = middle
        else:
            low = middle + 1
    return _fill(days, low)


def _fill(days: list[list[Occurrence]], cap: int) -> list[list[Occurrence]]:
    """Days, in order, into parts: a part takes the next day while it stays within ``cap``."""
    parts: list[list[Occurrence]] = [[]]
    for on_day in days:
        if parts[-1] and len(parts[-1]) + len(on_day) > cap:
            parts.append([])
        parts[-1].extend(on_day)
    return parts


def produce(site: SiteContext) -> Iterator[Output]:
    curriculum = site.curriculum
    everything = site.occurrences
    words = site.words
    changes = sitting_changes(site)  # from the previous publication.json, if named
    settings = feed_settings(curriculum, everything, words, changes, built=site.build_moment)
    feeds = FeedWriter(settings)
    pages = calendar_pages(everything, words)
    yield Output(
        paths.CALENDAR,
        site.render(
            "calendar/calendar.md.j2",
            paths.CALENDAR,
            pages=pages,
            page_limit=PAGE_LIMIT,
            month_count=len({page.month for page in pages}),
            occurrence_count=len(everything),
            audiences=audiences_with_sittings(site),
        ),
    )
    for index, page in enumerate(pages):
        yield Output(
            paths.calendar_page(page.key),
            _calendar_page(
                site,
                page,
                pages[index - 1] if index else None,
                pages[index + 1] if index + 1 < len(pages) else None,
            ),
            in_nav=False,
        )
    yield Output(paths.FEED_ALL, feeds.feed(words.gettext("all sessions"), everything))
    # Every audience and module gets a feed, even an empty one, so links never break;
    # a renamed one's feed is also at each former address, the same bytes (the same
    # UIDs), so old subscriptions keep working; a retired module's old feed is empty.
    for audience in curriculum.audiences:
        chosen = site.occurrences_by_audience.get(audience.id, [])
        content = feeds.feed(audience.name, chosen)
        for known_as in (audience.id, *audience.former_ids):
            yield Output(paths.audience_feed(known_as), content)
    for module in curriculum.modules:
        chosen = site.occurrences_by_module.get(module.id, [])
        content = feeds.feed(module.title, chosen)
        for known_as in (module.id, *module.former_ids):
            yield Output(paths.module_feed(known_as), content)
    for retired in curriculum.retired:
        yield Output(paths.module_feed(retired.id), feeds.feed(retired.title, []))
    for occurrence in everything:
        yield Output(
            paths.session_feed(occurrence.slug),
            feeds.feed(summary(occurrence, words), [occurrence]),
        )


def filter_choices(site: SiteContext) -> dict[str, list[list[str]]]:
    """The audience filter's choices, for every calendar page at once (calendar.js reads
    them from calendar-choices.js, written with the scripts): every audience that has a
    sitting, so that an audience named in a page's address (a pathway's link) is chosen
    even on a page with none of its sittings. Carried by each page they would grow it
    with the academy (a hundred audiences: 5.5 kB of a month's page)."""
    return {"audiences": [[a.id, a.name] for a in audiences_with_sittings(site)]}


def audiences_with_sittings(site: SiteContext) -> list[Audience]:
    """The audiences some sitting is open to, in the curriculum's order: what the
    calendar's audience filter offers, on the calendar page and on every month page."""
    used = {a for o in site.occurrences for a in o.audiences}
    return [a for a in site.curriculum.audiences if a.id in used]


def _calendar_page(
    site: SiteContext,
    page: CalendarPage,
    before: CalendarPage | None,
    after: CalendarPage | None,
) -> str:
    """One page's sittings with the filters: the modules that occur on that page (at most
    a page's sittings), and the formats; the audiences come from ``filter_choices``."""
    src_uri = paths.calendar_page(page.key)
    used_modules = {o.module_id for o in page.occurrences}
    return site.render(
        "calendar/month.md.j2",
        src_uri,
        period=page,
        before=before,
        after=after,
        occurrence_count=len(page.occurrences),
        modules=[m for m in site.curriculum.modules if m.id in used_modules],
        formats=ATTENDANCE_LABELS,
    )
