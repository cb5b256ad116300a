"""Dates and times as the pages show them, in the academy's language (through ``Words``).

Plain functions registered as Jinja filters: a large schedule formats tens of
thousands of dates, and a filter call costs a fraction of a template macro's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from markupsafe import Markup, escape

from qisite.i18n import Words


class TimeRange:
    """'<time>Thursday 1 July 2027, 10:30</time> to <time>13:30</time>', each with its
    datetime attribute, which calendar.js reads to hide sittings that have ended.
    The end's date is given only when it falls on another day.

    The two phrases are looked up once: a large schedule shows thousands of sittings.
    """

    def __init__(self, words: Words) -> None:
        self.words = words
        self.at = words.gettext("%(date)s, %(time)s")
        self.to = str(escape(words.gettext("%(start)s to %(end)s")))

    def __call__(self, start: datetime, end: datetime) -> Markup:
        start_words, end_words = self._words(start, end)
        return Markup(self.to % {"start": _time(start, start_words), "end": _time(end, end_words)})

    def text(self, start: datetime, end: datetime) -> str:
        """The same words without markup, for plain text and pasted snippets."""
        start_words, end_words = self._words(start, end)
        return self.words.gettext("%(start)s to %(end)s", start=start_words, end=end_words)

    def _words(self, start: datetime, end: datetime) -> tuple[str, str]:
        words = self.words
        start_words = self.at % {"date": words.long_date(start), "time": words.clock(start)}
        if end.date() == start.date():
            end_words = words.clock(end)
        else:
            end_words = self.at % {"date": words.long_date(end), "time": words.clock(end)}
        return start_words, end_words


def _time(moment: datetime, text: str) -> str:
    """A <time> element (f-strings: Markup.format costs ten times as much here)."""
    return f'<time datetime="{escape(moment.isoformat())}">{escape(text)}</time>'


def time_range(words: Words, start: datetime, end: datetime) -> Markup:
    return TimeRange(words)(start, end)


def filters(words: Words) -> dict[str, Callable[..., Any]]:
    """The date filters of the templates, in ``words``' language."""
    time_range_filter = TimeRange(words)
    return {
        "month_year": words.month_year,
        "day_date": words.day_date,
        "long_date": words.long_date,
        "clock": words.clock,
        "time_range": time_range_filter,
        "time_range_text": time_range_filter.text,
    }
