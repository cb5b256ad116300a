"""Dates in words, in English whatever the build machine's locale.

Plain functions registered as Jinja filters: a large schedule formats tens of
thousands of dates, and a filter call costs a fraction of a template macro's.
"""

from __future__ import annotations

from datetime import date, datetime

from markupsafe import Markup, escape

from qisite.names import DAYS, MONTHS


def month_year(day: date) -> str:
    """'July 2027'."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def day_date(day: date) -> str:
    """'7 July 2027'."""
    return f"{day.day} {month_year(day)}"


def long_date(day: date) -> str:
    """'Wednesday 7 July 2027'."""
    return f"{DAYS[day.weekday()]} {day_date(day)}"


def clock(moment: datetime) -> str:
    """'09:30', on the 24-hour clock used across the NHS."""
    return f"{moment.hour:02d}:{moment.minute:02d}"


def time_range(start: datetime, end: datetime) -> Markup:
    """'<time>Thursday 1 July 2027, 10:30</time> to <time>13:30</time>', each with its
    datetime attribute, which calendar.js reads to hide sittings that have ended.
    The end's date is given only when it falls on another day."""
    end_words = clock(end) if end.date() == start.date() else f"{long_date(end)}, {clock(end)}"
    return Markup(
        f'<time datetime="{escape(start.isoformat())}">{escape(long_date(start))}, '
        f'{escape(clock(start))}</time> to <time datetime="{escape(end.isoformat())}">'
        f"{escape(end_words)}</time>"
    )


FILTERS = {
    "month_year": month_year,
    "day_date": day_date,
    "long_date": long_date,
    "clock": clock,
    "time_range": time_range,
}
