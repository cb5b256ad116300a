"""IHI Open School course codes, catalogue entries and the catalogue a build uses."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

from qisite.model.types import SafeUrl, Strict, Text

_CODE = re.compile(r"^\s*([A-Za-z]{1,4})\s*-?\s*(\d{3})\s*$")


def normalise_code(value: Any) -> Any:
    """'qi102', 'QI-102' and 'QI 102' are the same course: store 'QI 102'."""
    if not isinstance(value, str):
        return value
    match = _CODE.match(value)
    if not match:
        raise PydanticCustomError(
            "qisite_ihi_code",
            "'{value}' is not an IHI Open School course code; codes look like 'QI 102'",
            {"value": value},
        )
    return f"{match[1].upper()} {match[2]}"


IhiCode = Annotated[str, BeforeValidator(normalise_code)]


class IhiCourse(Strict):
    code: IhiCode
    title: Text
    url: SafeUrl | None = None
    topic: str | None = None


@dataclass(frozen=True)
class Catalogue:
    """The IHI Open School courses a build knows: the built-in list and the curriculum's own."""

    catalogue_url: str
    """IHI's own list of Open School courses: where a course without an address links to."""
    basic_certificate: tuple[str, ...]
    """Codes of the 13 courses of the Basic Certificate in Quality and Safety."""
    courses: dict[str, IhiCourse]

    def url_for(self, code: str) -> str:
        course = self.courses.get(code)
        return (course.url if course and course.url else None) or self.catalogue_url

    def certificate_courses(self) -> list[IhiCourse]:
        """The Basic Certificate's courses, in IHI's order (unknown codes left out)."""
        return [self.courses[c] for c in self.basic_certificate if c in self.courses]

    def with_courses(self, own: Iterable[IhiCourse]) -> Catalogue:
        """This catalogue with ``own`` added; an entry replaces the course with its code."""
        courses = dict(self.courses)
        for course in own:
            courses[course.code] = course
        return Catalogue(self.catalogue_url, self.basic_certificate, courses)
