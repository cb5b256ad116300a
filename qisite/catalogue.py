"""The IHI Open School catalogue: built-in data merged with the curriculum's own entries."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from qisite.model import Curriculum, IhiCourse


@dataclass(frozen=True)
class Catalogue:
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


@cache
def builtin_catalogue() -> Catalogue:
    text = resources.files("qisite").joinpath("data/ihi_open_school.yaml").read_text("utf-8")
    raw = yaml.safe_load(text)
    courses = {c.code: c for c in (IhiCourse.model_validate(item) for item in raw["courses"])}
    return Catalogue(raw["catalogue_url"], tuple(raw["basic_certificate"]), courses)


def catalogue_for(curriculum: Curriculum) -> Catalogue:
    """The built-in catalogue; an entry of the curriculum replaces the course with its code."""
    base = builtin_catalogue()
    courses = dict(base.courses)
    for course in curriculum.ihi_open_school:
        courses[course.code] = course
    return Catalogue(base.catalogue_url, base.basic_certificate, courses)
