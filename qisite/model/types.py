"""Value types shared by the curriculum model, each with an organiser's error message."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, time, timedelta
from typing import Annotated, Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from qisite.i18n.catalogues import language_locale

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Strict(BaseModel):
    """Base for every curriculum record: unknown keys are errors (they are usually typos)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


_PLAIN_LETTERS = str.maketrans({"æ": "ae", "œ": "oe", "ß": "ss", "ø": "o", "ł": "l", "đ": "d"})
"""Letters that Unicode does not decompose into a plain letter and a mark."""


def id_from(text: str) -> str | None:
    """The usable id ``text`` makes: 'QI Basics' -> 'qi-basics', "Académie d'amélioration"
    -> 'academie-d-amelioration' (accented letters kept as their plain forms)."""
    plain = unicodedata.normalize("NFKD", text.lower().translate(_PLAIN_LETTERS))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    meant = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    return meant if _ID.match(meant) else None


def _check_id(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str) and not _ID.match(value):
        # With a usable form of the value to suggest, an example id would only mislead.
        example = "" if id_from(value) else ", like 'pdsa-in-practice'"
        raise PydanticCustomError(
            "qisite_id",
            "'{value}' is not a usable id: use lower-case letters, digits and single hyphens"
            + example,
            {"value": value},
        )
    return value


Id = Annotated[
    str,
    BeforeValidator(_check_id),
    WithJsonSchema({"type": "string", "pattern": _ID.pattern}),
]
"""A stable identifier: it becomes part of page addresses and calendar UIDs."""

FormerIds = Annotated[
    list[Id],
    Field(
        description="Ids this was published under before, oldest first. Their old "
        "addresses send readers on, and learners' records move to the new id. For a "
        "session, the first one stays in its calendar events' UIDs."
    ),
]
"""The ids a module, audience or session was published under before it was renamed."""

Text = Annotated[str, Field(min_length=1)]

_DURATION = re.compile(
    r"^\s*(?:(?P<days>\d+)\s*d(?:ays?)?)?\s*(?:(?P<hours>\d+(?:\.\d+)?)\s*h(?:ours?|rs?)?)?"
    r"\s*(?:(?P<minutes>\d+)\s*m(?:in(?:ute)?s?)?)?\s*$",
    re.IGNORECASE,
)
_DURATION_HINT = r"^\s*(\d+\s*d[a-z]*)?\s*(\d+(\.\d+)?\s*h[a-z]*)?\s*(\d+\s*m[a-z]*)?\s*$"
"""The JSON Schema's looser view of a duration, for editors; the model checks it exactly."""
WORKING_DAY_MINUTES = 7 * 60 + 30
"""A 'day' of training counts as an NHS working day of 7.5 hours."""
LONGEST_MINUTES = 366 * 24 * 60
"""The longest duration taken: a year. Beyond it the value is a slip (an extra digit), and
sittings ending thousands of years ahead overflow the calendar's dates."""


def parse_duration(value: Any) -> int:
    """Minutes in '3h30m', '90m', '1.5h', '2d' (working days) or a bare number of minutes."""
    if isinstance(value, bool):
        raise PydanticCustomError("qisite_duration", "expected a duration such as 1h30m", {})
    if isinstance(value, int):
        minutes = value
    else:
        match = _DURATION.match(str(value)) if isinstance(value, str) and value.strip() else None
        if not match or not any(match.groupdict().values()):
            raise PydanticCustomError(
                "qisite_duration",
                "'{value}' is not a duration I can read: write it like 45m, 1h30m, 1.5h or 2d",
                {"value": value},
            )
        days = int(match["days"] or 0)
        hours = float(match["hours"] or 0)
        minutes = days * WORKING_DAY_MINUTES + round(hours * 60) + int(match["minutes"] or 0)
    if minutes <= 0:
        raise PydanticCustomError(
            "qisite_duration",
            "a duration must be longer than zero, got '{value}'",
            {"value": value},
        )
    if minutes > LONGEST_MINUTES:
        raise PydanticCustomError(
            "qisite_duration",
            "'{value}' is longer than a year, which no module or session lasts: "
            "write it like 45m, 1h30m or 2d",
            {"value": value},
        )
    return minutes


Minutes = Annotated[
    int,
    BeforeValidator(parse_duration),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "exclusiveMinimum": 0},
                {"type": "string", "pattern": _DURATION_HINT},
            ],
            "description": "A duration such as 45m, 1h30m, 1.5h or 2d (a day is 7.5 hours)",
        }
    ),
]

_ISO_DURATION = re.compile(
    r"^P(?:(?P<weeks>\d+)W|(?:(?P<days>\d+)D)?"
    r"(?:T(?=\d)(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?(?:(?P<seconds>\d+)S)?)?)$"
)
"""An RFC 5545 duration (ISO 8601 without years and months, which have no fixed length)."""
_ISO_DURATION_HINT = r"^[Pp](\d+[Ww]|(\d+[Dd])?([Tt](\d+[Hh])?(\d+[Mm])?(\d+[Ss])?)?)$"
"""The same for editors (JSON Schema patterns have no named groups); the model checks it."""
SHORTEST_REFRESH = timedelta(hours=1)
LONGEST_REFRESH = timedelta(days=7)


def parse_refresh_interval(value: Any) -> Any:
    """How often calendars should fetch a feed: 'P1D', 'PT12H' (ISO 8601) or hours (12)."""
    if isinstance(value, timedelta):
        interval = value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        interval = timedelta(hours=value)
    else:
        match = _ISO_DURATION.match(value.strip().upper()) if isinstance(value, str) else None
        if not match or not any(match.groupdict().values()):
            raise PydanticCustomError(
                "qisite_refresh",
                "'{value}' is not a refresh interval I can read: write a number of hours "
                "such as 12, or an ISO 8601 duration such as P1D or PT12H",
                {"value": value},
            )
        parts = {name: int(number or 0) for name, number in match.groupdict().items()}
        interval = timedelta(**parts)
    if not SHORTEST_REFRESH <= interval <= LONGEST_REFRESH:
        # Asking for more than hourly only loads the web server (calendar services fetch
        # every few hours at most); less than weekly leaves cancelled sessions in place.
        raise PydanticCustomError(
            "qisite_refresh",
            "'{value}' is {what}: give between 1 hour (PT1H) and 7 days (P7D)",
            {
                "value": value,
                "what": "less than an hour" if interval < SHORTEST_REFRESH else "more than 7 days",
            },
        )
    return interval


RefreshInterval = Annotated[
    timedelta,
    BeforeValidator(parse_refresh_interval),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 1, "maximum": 168},
                {"type": "string", "pattern": _ISO_DURATION_HINT},
            ],
            "description": "Hours (such as 12), or an ISO 8601 duration such as P1D or PT12H",
        }
    ),
]
"""How often subscribed calendars are asked to fetch the feeds again."""

ALLOWED_URL_SCHEMES = ("http", "https", "mailto")


def check_url(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    text = value.strip()
    parts = urlsplit(text)
    if parts.scheme.lower() not in ALLOWED_URL_SCHEMES:
        raise PydanticCustomError(
            "qisite_url",
            "'{value}' is not an allowed link: links must start with https://, http:// or mailto:",
            {"value": value},
        )
    if parts.scheme.lower() in ("http", "https") and not parts.netloc:
        raise PydanticCustomError(
            "qisite_url", "'{value}' has no host name after '//'", {"value": value}
        )
    if parts.scheme.lower() == "mailto" and "@" not in parts.path:
        raise PydanticCustomError(
            "qisite_url", "'{value}' is not an email address after 'mailto:'", {"value": value}
        )
    if any(ch.isspace() for ch in text):
        raise PydanticCustomError(
            "qisite_url", "'{value}' contains spaces; links cannot", {"value": value}
        )
    return text


SafeUrl = Annotated[
    str,
    BeforeValidator(check_url),
    WithJsonSchema(
        {"type": "string", "pattern": "^\\s*([Hh][Tt][Tt][Pp][Ss]?://|[Mm][Aa][Ii][Ll][Tt][Oo]:)"}
    ),
]
"""A link that is safe to put in an href: http, https or mailto only."""


def _check_timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise PydanticCustomError(
            "qisite_timezone",
            "'{value}' is not a time zone name; use one like 'Europe/London'",
            {"value": value},
        ) from None
    return value


TimeZoneName = Annotated[str, AfterValidator(_check_timezone)]


def _check_language(value: str) -> str:
    try:
        language_locale(value)
    except ValueError:
        raise PydanticCustomError(
            "qisite_language",
            "'{value}' is not a language tag I know; use one like 'en-GB', 'cy' or 'fr'",
            {"value": value},
        ) from None
    return value


LanguageTag = Annotated[
    str,
    AfterValidator(_check_language),
    WithJsonSchema({"type": "string", "pattern": r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$"}),
]
"""A language such as 'en-GB' or 'cy': the site's words, dates and numbers."""

FIRST_YEAR, LAST_YEAR = 1900, 2999
"""The years a session's date may hold: anything else is a typing slip, and a sitting
near year 9999 cannot be given its end (datetime overflows)."""
_DATETIME = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})[ T]+(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*$")
_TIME = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")


def _check_year(year: int, value: object) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PydanticCustomError(
            "qisite_datetime",
            "'{value}' is not a year sessions are planned for: write a year from "
            f"{FIRST_YEAR} to {LAST_YEAR}",
            {"value": value},
        )


def parse_local_datetime(value: Any) -> Any:
    """'2027-01-14 12:30' in the academy's own time zone (no offset allowed)."""
    if isinstance(value, datetime):  # read already (a CSV cell, a YAML timestamp)
        _check_year(value.year, f"{value:%Y-%m-%d %H:%M}")
        return value
    if not isinstance(value, str):
        return value
    match = _DATETIME.match(value)
    if not match:
        raise PydanticCustomError(
            "qisite_datetime",
            "'{value}' is not a date and time I can read: write it like 2027-01-14 12:30",
            {"value": value},
        )
    year, month, day, hour, minute, second = (int(g or 0) for g in match.groups())
    _check_year(year, value)
    if hour == 24 and minute == second == 0:  # midnight at the end of a day, as some write it
        raise PydanticCustomError(
            "qisite_datetime",
            "'{value}' is not a time on a clock: midnight is 00:00 of the next day",
            {"value": value},
        )
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError as error:
        raise PydanticCustomError(
            "qisite_datetime",
            "'{value}' is not a real date and time ({reason})",
            {"value": value, "reason": str(error)},
        ) from None


def parse_local_time(value: Any) -> Any:
    if isinstance(value, time | datetime):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        # YAML 1.1 reads 12:30 as a sexagesimal number; ours does not, but be kind.
        value = str(value)
    if isinstance(value, str) and _TIME.match(value):
        hour, minute = (int(g) for g in _TIME.match(value).groups())  # type: ignore[union-attr]
        if hour < 24 and minute < 60:
            return time(hour, minute)
        if hour == 24 and minute == 0:
            raise PydanticCustomError(
                "qisite_datetime",
                "'{value}' is not a time on a clock: for midnight write the next day's "
                "date and 00:00 (2027-01-15 00:00), or 23:59",
                {"value": value},
            )
    if isinstance(value, str) and not _DATETIME.match(value):
        raise PydanticCustomError(
            "qisite_datetime",
            "'{value}' is not a time I can read: write it like 16:30, or 2027-01-14 16:30",
            {"value": value},
        )
    return parse_local_datetime(value)


LocalDateTime = Annotated[
    datetime,
    BeforeValidator(parse_local_datetime),
    WithJsonSchema(
        {"type": "string", "description": "A local date and time such as 2027-01-14 12:30"}
    ),
]
EndTime = Annotated[
    datetime | time,
    BeforeValidator(parse_local_time),
    WithJsonSchema({"type": "string", "description": "A time such as 16:30, or a date and time"}),
]
