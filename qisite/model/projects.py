"""Learning by doing: improvement projects, the coaches who support them, and the network.

Everything here is aggregate. A project holds its aim and a measure's totals
by date, never anything about a patient or a learner; ``qisite.personal_data``
refuses text that looks otherwise. Coaches are published because the
organiser lists them, with a work contact only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, NonNegativeInt, WithJsonSchema
from pydantic_core import PydanticCustomError

from qisite.model.types import Id, SafeUrl, Strict, Text, check_url
from qisite.problems import Position


class Stage(StrEnum):
    """Where a project is, in the order projects move through (any may end in closed)."""

    IDEA = "idea"
    TESTING_CHANGES = "testing-changes"
    SPREADING = "spreading"
    SUSTAINING = "sustaining"
    CLOSED = "closed"


STAGE_ORDER = tuple(Stage)


def stage_column(stage: Stage) -> str:
    """The column of a projects CSV that holds the date a stage was reached."""
    return f"{stage.value.replace('-', '_')}_from"


def _check_web_link(value: Any) -> Any:
    """A link to where a team keeps its project: a web page, never a mailto: or script."""
    checked = check_url(value)
    if isinstance(checked, str) and not checked.lower().startswith(("http://", "https://")):
        raise PydanticCustomError(
            "qisite_url",
            "'{value}' is not a web page: a project's link must start with https:// or http://",
            {"value": value},
        )
    return checked


WebUrl = Annotated[
    str,
    BeforeValidator(_check_web_link),
    WithJsonSchema({"type": "string", "pattern": "^\\s*[Hh][Tt][Tt][Pp][Ss]?://"}),
]
"""An http or https link."""


def _check_score(value: float) -> float:
    if value * 2 != int(value * 2):
        raise PydanticCustomError(
            "qisite_score",
            "'{value}' is not a step of the progress scale: use 0.5, 1.0, 1.5 ... 5.0",
            {"value": value},
        )
    return value


ProgressScoreValue = Annotated[float, Field(ge=0.5, le=5.0), AfterValidator(_check_score)]


class ProgressScore(Strict):
    """The IHI progress score (0.5 intent to take part ... 5.0 outstanding, sustained
    results) with the date it was given: a score left unchanged for months says so."""

    score: ProgressScoreValue
    on: date = Field(description="The date the team gave this score")


class MeasurePoint(Strict):
    """One aggregate value of a measure: a count, a rate or a percentage for a period."""

    date: date
    value: float


class Measure(Strict):
    name: Text = Field(description="What is measured, e.g. 'Falls per 1,000 bed days'")
    unit: Text | None = Field(default=None, description="e.g. 'falls', '%', 'minutes'")
    points: list[MeasurePoint] = Field(
        default_factory=list, description="Aggregate values by date, in any order"
    )


class Project(Strict):
    """An improvement project staff can learn from or join."""

    id: Id
    title: Text
    aim: Text = Field(description="The aim statement: what will improve, by how much, by when")
    area: Text = Field(description="The area or directorate the project sits in")
    audiences: list[Id] = Field(
        default_factory=list, description="Ids of the staff groups (audiences) taking part"
    )
    modules: list[Id] = Field(
        default_factory=list, description="Ids of the modules whose methods the project uses"
    )
    coach: Id | None = Field(default=None, description="Id of the project's coach")
    stage: Stage
    start: date = Field(description="When the project began (its 'idea' stage)")
    stage_dates: dict[Stage, date] = Field(
        default_factory=dict,
        description="The date the project reached each later stage, e.g. "
        "'testing-changes: 2027-02-01'; the run chart of projects by stage reads them",
    )
    pdsa_cycles: NonNegativeInt = Field(default=0, description="PDSA cycles run so far")
    progress: ProgressScore | None = None
    measure: Measure | None = None
    link: WebUrl | None = Field(
        default=None, description="Where the team keeps the project (a platform, poster, paper)"
    )
    welcomes_members: bool = Field(default=False, description="Whether new members can join")
    contact: SafeUrl | None = Field(
        default=None, description="A work email (mailto:) or page to ask about joining"
    )
    notes: str | None = Field(default=None, description="Anything else, in aggregate terms only")

    def stage_on(self, day: date) -> Stage | None:
        """The stage the project was at on ``day`` by its own dates (None before it began)."""
        if day < self.start:
            return None
        reached = Stage.IDEA
        for stage in STAGE_ORDER[1:]:
            when = self.stage_dates.get(stage)
            if when is not None and when <= day:
                reached = stage
        return reached


ProtectedTime = Annotated[float, Field(gt=0, le=100)]


class Coach(Strict):
    """A coach the organiser lists; published for that reason only, with a work contact."""

    id: Id
    name: Text
    role: Text = Field(description="Job title, e.g. 'Improvement advisor'")
    area: Text | None = Field(default=None, description="Area or directorate they work in")
    contact: SafeUrl = Field(description="Work email (mailto:) or work web page")
    protected_time: ProtectedTime = Field(
        description="Percentage of their working time protected for coaching, e.g. 20"
    )
    audiences: list[Id] = Field(default_factory=list, description="Staff groups they coach")
    domains: list[Id] = Field(default_factory=list, description="Domains they coach in")


class Channel(Strict):
    name: Text = Field(description="e.g. 'Teams channel', 'Monthly newsletter'")
    url: SafeUrl
    description: str | None = None


class Network(Strict):
    """The academy's network of people keen on improvement."""

    name: Text = Field(default="QI network", description="The network's name")
    description: Text
    join: Text = Field(description="How to join, in a sentence or two")
    join_link: SafeUrl | None = Field(default=None, description="Where to sign up")
    channels: list[Channel] = Field(default_factory=list)
    modules: list[Id] = Field(
        default_factory=list,
        description="Modules whose sessions are the network's own (e.g. a monthly huddle)",
    )
    sessions: list[Id] = Field(
        default_factory=list, description="Ids of single sessions that are the network's own"
    )


@dataclass(frozen=True)
class ProjectRow:
    """A project read from one row of a projects CSV, and where each of its cells is."""

    project: Project
    file: str
    line: int
    columns: dict[str, int]
    """The column number of each cell, by the column's name."""

    def column_of(self, field_path: tuple[str | int, ...]) -> str:
        """The column a field of the model was read from: stage_dates.spreading is
        'spreading_from', progress is 'progress_score'."""
        if not field_path:
            return "id"
        if field_path[0] == "stage_dates" and len(field_path) > 1:
            return stage_column(Stage(str(field_path[1])))
        return {"progress": "progress_score"}.get(str(field_path[0]), str(field_path[0]))

    def position(self, column: str) -> Position:
        return Position(self.file, self.line, self.columns.get(column, 1))
