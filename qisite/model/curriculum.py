"""The curriculum as organisers write it: academy, dose levels, domains, audiences, modules."""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum
from functools import cached_property

from pydantic import Field, PositiveInt

from qisite.model.catalogue import IhiCode, IhiCourse
from qisite.model.projects import Coach, Network, Project
from qisite.model.sessions import Session
from qisite.model.targets import Target
from qisite.model.types import (
    FormerIds,
    Id,
    LanguageTag,
    Minutes,
    RefreshInterval,
    SafeUrl,
    Strict,
    Text,
    TimeZoneName,
)


class StaffGroup(StrEnum):
    CLINICAL = "clinical"
    NON_CLINICAL = "non-clinical"


class Format(StrEnum):
    """How a module is delivered. The first three are what pathway totals are grouped by."""

    E_LEARNING = "e-learning"
    READING = "reading"
    WORKSHOP = "workshop"
    CLASSROOM = "classroom"
    LEARNING_AT_LUNCH = "learning-at-lunch"
    LEARNING_BY_DOING = "learning-by-doing"
    COACHING = "coaching"


class Academy(Strict):
    name: Text
    organisation: Text
    headcount: PositiveInt = Field(description="Number of staff employed by the organisation")
    timezone: TimeZoneName = "Europe/London"
    language: LanguageTag = Field(
        default="en-GB",
        description="Language of the site's own words, dates and numbers, e.g. en-GB, cy, fr. "
        "Other than English, it needs a translation file (see the README).",
    )
    contact: Text = Field(description="Email address or web page for questions about the academy")
    description: str | None = None
    booking: SafeUrl | None = Field(
        default=None, description="Default booking page for sessions without a booking link"
    )
    feed_id: Id | None = Field(
        default=None,
        description="Fixed name that calendar events are known by (the end of every UID). "
        "Set it once and never change it: renaming the academy then leaves subscribers' "
        "calendars as they are. Defaults to the academy's name in lower case with dashes.",
    )
    whats_on_weeks: int = Field(
        default=8,
        ge=1,
        le=26,
        description="How many weeks ahead the What's on page, the bulletin snippet and "
        "posters look. Eight by default: rotas are published about six weeks ahead, so "
        "staff need to hear of a session before then to ask for the time.",
    )
    feed_refresh: RefreshInterval = Field(
        default=timedelta(days=1),
        description="How often subscribed calendars should fetch the feeds again: hours "
        "(such as 12) or an ISO 8601 duration (P1D, PT12H); between an hour and 7 days",
    )


class DoseLevel(Strict):
    id: Id
    name: Text
    description: str | None = None


class Domain(Strict):
    id: Id
    name: Text
    description: str | None = None


class Audience(Strict):
    id: Id
    former_ids: FormerIds = Field(default_factory=list)
    name: Text
    description: str | None = None
    staff_groups: list[StaffGroup] = Field(
        default_factory=lambda: [StaffGroup.CLINICAL, StaffGroup.NON_CLINICAL], min_length=1
    )
    examples: list[Text] = Field(
        default_factory=list, description="Example roles, e.g. 'Ward manager (band 7)'"
    )
    size: PositiveInt | None = Field(default=None, description="How many staff are in this group")
    dose: dict[Id, Id] = Field(
        default_factory=dict, description="Target dose level for each domain id"
    )


class Module(Strict):
    id: Id
    former_ids: FormerIds = Field(default_factory=list)
    title: Text
    summary: str | None = None
    dose: Id
    domains: list[Id] = Field(min_length=1)
    audiences: list[Id] = Field(min_length=1)
    formats: list[Format] = Field(min_length=1)
    duration: Minutes
    prerequisites: list[Id] = Field(default_factory=list)
    ihi_open_school: list[IhiCode] = Field(default_factory=list)
    outcomes: list[Text] = Field(default_factory=list)


class RetiredModule(Strict):
    """A module taken out of the curriculum: its old address says so, and learners'
    records show its title and when it was retired."""

    id: Id = Field(description="The id the module was published under")
    title: Text = Field(description="Its title, as learners knew it")
    retired_on: date = Field(description="The date it was retired, e.g. 2027-03-31")
    replacement: Id | None = Field(
        default=None, description="The id of the module that replaces it, if one does"
    )


class Curriculum(Strict):
    """The whole of ``curriculum.yaml``."""

    academy: Academy
    dose_levels: list[DoseLevel] = Field(min_length=1)
    domains: list[Domain] = Field(min_length=1)
    audiences: list[Audience] = Field(min_length=1)
    modules: list[Module] = Field(default_factory=list)
    sessions: list[Session] = Field(default_factory=list)
    session_files: list[Text] = Field(
        default_factory=list, description="CSV files of sessions, relative to curriculum.yaml"
    )
    targets: list[Target] = Field(default_factory=list)
    progress_files: list[Text] = Field(
        default_factory=list,
        description="CSV files of aggregate completion counts, relative to curriculum.yaml",
    )
    ihi_open_school: list[IhiCourse] = Field(
        default_factory=list,
        description="Courses that add to or replace entries of the built-in IHI Open School list",
    )
    projects: list[Project] = Field(
        default_factory=list, description="Improvement projects staff can learn from or join"
    )
    project_files: list[Text] = Field(
        default_factory=list,
        description="CSV files of improvement projects, relative to curriculum.yaml",
    )
    coaches: list[Coach] = Field(
        default_factory=list, description="Improvement coaches, listed by the organiser"
    )
    network: Network | None = Field(
        default=None, description="The academy's network: how to join, its channels and sessions"
    )
    retired: list[RetiredModule] = Field(
        default_factory=list, description="Modules taken out of the curriculum"
    )

    # Lookups. The model is frozen, so these are computed once and stay right.
    @cached_property
    def levels_by_id(self) -> dict[str, DoseLevel]:
        return {level.id: level for level in self.dose_levels}

    @cached_property
    def level_rank(self) -> dict[str, int]:
        """Depth of each dose level: 0 is the lightest."""
        return {level.id: rank for rank, level in enumerate(self.dose_levels)}

    @cached_property
    def domains_by_id(self) -> dict[str, Domain]:
        return {domain.id: domain for domain in self.domains}

    @cached_property
    def audiences_by_id(self) -> dict[str, Audience]:
        return {audience.id: audience for audience in self.audiences}

    @cached_property
    def modules_by_id(self) -> dict[str, Module]:
        return {module.id: module for module in self.modules}

    @cached_property
    def coaches_by_id(self) -> dict[str, Coach]:
        return {coach.id: coach for coach in self.coaches}

    @cached_property
    def module_renames(self) -> dict[str, str]:
        """The current id of each module's former ids: {former id: id}."""
        return {former: m.id for m in self.modules for former in m.former_ids}

    @cached_property
    def audience_renames(self) -> dict[str, str]:
        """The current id of each audience's former ids: {former id: id}."""
        return {former: a.id for a in self.audiences for former in a.former_ids}

    @cached_property
    def retired_by_id(self) -> dict[str, RetiredModule]:
        return {retired.id: retired for retired in self.retired}
