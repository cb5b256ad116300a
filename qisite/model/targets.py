"""Capacity targets: how many of a group to train, by when."""

from __future__ import annotations

from datetime import date

from pydantic import Field, PositiveInt

from qisite.model.types import Id, Strict


class Target(Strict):
    audience: Id
    group_size: PositiveInt | None = Field(
        default=None, description="People in the group; defaults to the audience's size"
    )
    train: PositiveInt | None = Field(default=None, description="How many people to train")
    share: float | None = Field(
        default=None, gt=0, le=100, description="Or: the percentage of the group to train"
    )
    by: date
    module: Id | None = Field(
        default=None,
        description="The module whose completion counts as trained; "
        "defaults to the deepest module on the audience's pathway",
    )
