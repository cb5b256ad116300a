"""Capacity targets: how many of a group to train, by when.

A target names either ``train`` (a number of people) or ``share`` (a
percentage of the group), never both; ``qisite.validation.capacity`` says so
with the line, since the model alone cannot point at one.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field, PositiveInt

from qisite.model.types import Id, Strict, Text


class RuleOfThumb(StrEnum):
    """The guide's rules of thumb that a declared target can be set beside."""

    INTERNAL_EXPERTS = "internal-experts"
    QUALITY_COACHES = "quality-coaches"


class Milestone(Strict):
    """An interim step towards a target, such as the end of a six-month wave."""

    by: date
    label: Text | None = Field(default=None, description="e.g. 'End of wave 2'")
    train: PositiveInt | None = Field(default=None, description="People trained by this date")
    share: float | None = Field(
        default=None, gt=0, le=100, description="Or: the percentage of the group by this date"
    )


class Target(Strict):
    audience: Id
    label: Text | None = Field(
        default=None, description="A name for the tier, e.g. 'Tier 1: introducing improvement'"
    )
    group_size: PositiveInt | None = Field(
        default=None, description="People in the group; defaults to the audience's size"
    )
    train: PositiveInt | None = Field(default=None, description="How many people to train")
    share: float | None = Field(
        default=None, gt=0, le=100, description="Or: the percentage of the group to train"
    )
    by: date = Field(description="The deadline, e.g. 2028-03-31")
    module: Id | None = Field(
        default=None,
        description="The module whose completion counts as trained; "
        "defaults to the deepest module on the audience's pathway",
    )
    milestones: list[Milestone] = Field(
        default_factory=list,
        description="Interim steps before the deadline, e.g. one at the end of each wave",
    )
    rule_of_thumb: RuleOfThumb | None = Field(
        default=None,
        description="Show this target beside a rule of thumb: internal-experts or quality-coaches",
    )
