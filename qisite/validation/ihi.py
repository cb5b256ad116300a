"""Checks of the curriculum's own IHI Open School entries (module codes are checked in
``references.ihi_codes``)."""

from __future__ import annotations

from collections.abc import Iterator

from qisite.problems import Problem
from qisite.validation.context import CheckContext


def duplicate_courses(ctx: CheckContext) -> Iterator[Problem]:
    """Two entries for one code: only the last would count, so say which line wins."""
    first_seen: dict[str, int] = {}
    for index, course in enumerate(ctx.curriculum.ihi_open_school):
        if course.code in first_seen:
            first = ctx.locate(("ihi_open_school", first_seen[course.code], "code"))
            yield ctx.error(
                ("ihi_open_school", index, "code"),
                f"IHI Open School course '{course.code}' is already given on line {first.line}",
                "keep one entry per course code",
            )
        else:
            first_seen[course.code] = index
