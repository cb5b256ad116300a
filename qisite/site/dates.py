"""Dates in words, in English whatever the build machine's locale.

Plain functions registered as Jinja filters: a large schedule formats tens of
thousands of dates, and a filter call costs a fraction of a template macro's.
"""

from __future__ import annotations

from datetime import date, datetime

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


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


FILTERS = {"month_year": month_year, "day_date": day_date, "long_date": long_date, "clock": clock}
