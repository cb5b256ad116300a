"""Sessions as organisers declare them: single, repeating, or a cohort of dated parts."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field, PositiveInt

from qisite.model.types import EndTime, Id, LocalDateTime, Minutes, SafeUrl, Strict, Text


class SessionStatus(StrEnum):
    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"


class Frequency(StrEnum):
    WEEKLY = "weekly"
    MONTHLY = "monthly"


class Repeat(Strict):
    """A plain-language repeat: every week or month from the start, until a date or n times."""

    every: Frequency
    interval: PositiveInt = 1
    until: date | None = None
    count: PositiveInt | None = None
    weekday_of_month: bool = Field(
        default=False,
        description="Monthly: keep the weekday (e.g. 2nd Tuesday) rather than the day number",
    )
    exceptions: list[date] = Field(default_factory=list)


class SessionPart(Strict):
    """One dated part of a cohort or wave: launch day, a learning session, graduation."""

    name: Text
    start: LocalDateTime
    end: EndTime | None = None
    duration: Minutes | None = None
    venue: str | None = None
    online: SafeUrl | None = None
    status: SessionStatus = SessionStatus.SCHEDULED


class Session(Strict):
    id: Id
    module: Id
    title: str | None = None
    cohort: str | None = Field(default=None, description="Cohort or wave name, e.g. 'Wave 3'")
    start: LocalDateTime | None = None
    end: EndTime | None = None
    duration: Minutes | None = None
    repeat: Repeat | None = None
    rrule: str | None = Field(default=None, description="An RFC 5545 RRULE, instead of repeat")
    parts: list[SessionPart] = Field(default_factory=list)
    venue: str | None = None
    online: SafeUrl | None = None
    facilitator: str | None = None
    capacity: PositiveInt | None = None
    booking: SafeUrl | None = None
    audiences: list[Id] | None = None
    notes: str | None = None
    status: SessionStatus = SessionStatus.SCHEDULED
