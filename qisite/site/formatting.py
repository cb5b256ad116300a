"""Durations as the pages show them, in the academy's language."""

from __future__ import annotations

from qisite.i18n import Words


def format_minutes(words: Words, minutes: int) -> str:
    """90 -> '1h 30m'; 60 -> '1h'; 45 -> '45m'."""
    hours, rest = divmod(int(minutes), 60)
    if hours and rest:
        return words.gettext("%(hours)sh %(minutes)sm", hours=hours, minutes=rest)
    if hours:
        return words.gettext("%(hours)sh", hours=hours)
    return words.gettext("%(minutes)sm", minutes=rest)


def format_hours(words: Words, minutes: int) -> str:
    """Hours as a number a person reads: 150 -> '2.5', 120 -> '2'."""
    return words.decimal(minutes / 60)
