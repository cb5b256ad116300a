"""The build's notion of 'now', reproducible when SOURCE_DATE_EPOCH is set.

Only validation (is a session long past?) and the feeds (DTSTAMP, LAST-MODIFIED)
use it; pages never decide what is past at build time, because a site is read for
months after.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime


def source_date_epoch() -> datetime | None:
    """The time given by SOURCE_DATE_EPOCH (reproducible builds), if set and valid."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value.isdigit():
        return None
    return datetime.fromtimestamp(int(value), tz=UTC)


def build_date() -> date:
    """SOURCE_DATE_EPOCH's date if set, else today (UTC)."""
    fixed = source_date_epoch()
    return fixed.date() if fixed else datetime.now(UTC).date()


def build_time() -> datetime:
    """When this build happens, to the second: SOURCE_DATE_EPOCH if set, else the clock."""
    moment = source_date_epoch() or datetime.now(UTC)
    return moment.replace(microsecond=0)
