"""Small formatting rules shared by templates and the terminal."""

from __future__ import annotations


def format_minutes(minutes: int) -> str:
    """90 -> '1h 30m'; 60 -> '1h'; 45 -> '45m'."""
    hours, rest = divmod(int(minutes), 60)
    if hours and rest:
        return f"{hours}h {rest}m"
    if hours:
        return f"{hours}h"
    return f"{rest}m"


def format_hours(minutes: int) -> str:
    """Hours as a number a person reads: 150 -> '2.5', 120 -> '2'."""
    hours = minutes / 60
    return f"{hours:.1f}".rstrip("0").rstrip(".")
