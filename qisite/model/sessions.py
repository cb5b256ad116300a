"""Sessions as organisers declare them: single, repeating, or a cohort of dated parts.

Dates and times are written in the academy's own time zone, without an offset
(``2027-01-14 12:30``); ``qisite.sessions.expand`` turns them into
timezone-aware occurrences.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

from dateutil.rrule import rrulestr
from pydantic import BeforeValidator, Field, PositiveInt, field_validator, model_validator
from pydantic_core import PydanticCustomError

from qisite.model.types import EndTime, FormerIds, Id, LocalDateTime, Minutes, SafeUrl, Strict, Text


class SessionStatus(StrEnum):
    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"


class Frequency(StrEnum):
    WEEKLY = "weekly"
    MONTHLY = "monthly"


_WORDS = {"canceled": "cancelled", "week": "weekly", "month": "monthly"}


def _kind_word(value: object) -> object:
    """Accept 'Cancelled', 'canceled', 'Month' for the fixed words organisers type."""
    if isinstance(value, str):
        word = value.strip().lower()
        return _WORDS.get(word, word)
    return value


Status = Annotated[SessionStatus, BeforeValidator(_kind_word)]


class Repeat(Strict):
    """A plain-language repeat: every week or month from the start, until a date or n times."""

    every: Annotated[Frequency, BeforeValidator(_kind_word)]
    interval: PositiveInt = Field(default=1, description="2 means every other week or month")
    until: date | None = Field(default=None, description="Last date a session may fall on")
    count: PositiveInt | None = Field(default=None, description="How many sessions in all")
    weekday_of_month: bool = Field(
        default=False,
        description="Monthly: keep the weekday (e.g. 2nd Tuesday) rather than the day number",
    )
    exceptions: list[date] = Field(
        default_factory=list, description="Dates on which there is no session (not shown)"
    )
    cancelled: list[date] = Field(
        default_factory=list, description="Dates whose session is cancelled (shown as cancelled)"
    )

    @model_validator(mode="after")
    def _one_bound(self) -> Repeat:
        if self.until is not None and self.count is not None:
            raise PydanticCustomError(
                "qisite_repeat_bound",
                "give the repeat 'until:' or 'count:', not both",
                {},
            )
        return self


class SessionPart(Strict):
    """One dated part of a cohort or wave: launch day, a learning session, graduation."""

    name: Text
    start: LocalDateTime
    end: EndTime | None = None
    duration: Minutes | None = None
    venue: str | None = None
    online: SafeUrl | None = None
    facilitator: str | None = None
    notes: str | None = None
    status: Status = SessionStatus.SCHEDULED


def _check_rrule(value: str | None) -> str | None:
    if value is None:
        return None
    text = value.strip()
    if "DTSTART" in text.upper():
        raise PydanticCustomError(
            "qisite_rrule",
            "write the first date in 'start:', not as DTSTART inside the rrule",
            {},
        )
    try:
        rrulestr(text, forceset=True)
    except (ValueError, TypeError) as error:
        raise PydanticCustomError(
            "qisite_rrule",
            "'{value}' is not a repeat rule I can read ({reason}); write it like "
            "FREQ=MONTHLY;BYDAY=2TU;COUNT=10",
            {"value": value, "reason": str(error)},
        ) from None
    return text


class Session(Strict):
    """A session: one date (``start``), a repeat (``repeat`` or ``rrule``) or dated ``parts``."""

    id: Id
    former_ids: FormerIds = Field(default_factory=list)
    module: Id
    title: str | None = Field(default=None, description="Defaults to the module's title")
    cohort: str | None = Field(default=None, description="Cohort or wave name, e.g. 'Wave 3'")
    start: LocalDateTime | None = None
    end: EndTime | None = Field(
        default=None, description="An end time (12:30) or date and time; or give duration"
    )
    duration: Minutes | None = None
    repeat: Repeat | None = None
    rrule: str | None = Field(
        default=None, description="An RFC 5545 RRULE such as FREQ=MONTHLY;BYDAY=2TU;COUNT=10"
    )
    exceptions: list[date] = Field(
        default_factory=list, description="With rrule: dates on which there is no session"
    )
    cancelled: list[date] = Field(
        default_factory=list, description="With rrule: dates shown as cancelled"
    )
    parts: list[SessionPart] = Field(default_factory=list)
    venue: str | None = None
    online: SafeUrl | None = None
    facilitator: str | None = None
    capacity: PositiveInt | None = None
    booking: SafeUrl | None = None
    audiences: list[Id] | None = Field(default=None, description="Defaults to the module's")
    notes: str | None = None
    status: Status = SessionStatus.SCHEDULED

    _normalise_rrule = field_validator("rrule")(_check_rrule)

    @model_validator(mode="after")
    def _one_schedule(self) -> Session:
        if self.start is None and not self.parts:
            raise PydanticCustomError(
                "qisite_session_start",
                "session '{id}' has neither 'start:' nor 'parts:': give it a date and time",
                {"id": self.id},
            )
        if self.repeat is not None and self.rrule is not None:
            raise PydanticCustomError(
                "qisite_session_repeat",
                "session '{id}' has both 'repeat:' and 'rrule:': keep one of them",
                {"id": self.id},
            )
        if self.parts and (self.repeat is not None or self.rrule is not None):
            raise PydanticCustomError(
                "qisite_session_repeat",
                "session '{id}' has 'parts:' and a repeat: list every part instead",
                {"id": self.id},
            )
        return self

    @property
    def calendar_id(self) -> str:
        """The id its sittings' UIDs are made from: the first id it was published under
        (the first of ``former_ids``), so that a rename changes no subscriber's events."""
        return self.former_ids[0] if self.former_ids else self.id

    @property
    def repeats(self) -> bool:
        return self.repeat is not None or self.rrule is not None
