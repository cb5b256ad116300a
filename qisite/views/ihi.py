"""Which IHI Open School courses the academy uses, and how each pathway covers the certificate.

Pure: takes the curriculum and catalogue, returns plain records for the IHI page.
"""

from __future__ import annotations

from dataclasses import dataclass

from qisite.model import Audience, Catalogue, Curriculum, IhiCourse, Module
from qisite.views.pathways import Pathway, all_pathways


@dataclass(frozen=True)
class CourseUse:
    """One course the academy points staff to, and where it does so."""

    course: IhiCourse
    url: str
    modules: tuple[Module, ...]
    audiences: tuple[Audience, ...]
    in_certificate: bool


@dataclass(frozen=True)
class CertificateCoverage:
    """Which of the Basic Certificate's courses one pathway's modules cover."""

    audience: Audience
    covered: tuple[IhiCourse, ...]
    missing: tuple[IhiCourse, ...]

    @property
    def total(self) -> int:
        return len(self.covered) + len(self.missing)

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class IhiOverview:
    courses: tuple[CourseUse, ...]
    certificate: tuple[IhiCourse, ...]
    coverage: tuple[CertificateCoverage, ...]


def codes_used_by(modules: tuple[Module, ...] | list[Module]) -> set[str]:
    return {code for module in modules for code in module.ihi_open_school}


def course_uses(
    curriculum: Curriculum, catalogue: Catalogue, pathways: list[Pathway]
) -> list[CourseUse]:
    """Courses referenced by at least one module, in the order they are first referenced."""
    certificate = set(catalogue.basic_certificate)
    modules_for: dict[str, list[Module]] = {}
    for module in curriculum.modules:
        for code in module.ihi_open_school:
            if code in catalogue.courses:
                modules_for.setdefault(code, []).append(module)
    codes_of = [(p.audience, codes_used_by(p.modules)) for p in pathways]
    uses = []
    for code, modules in modules_for.items():
        audiences = tuple(audience for audience, codes in codes_of if code in codes)
        uses.append(
            CourseUse(
                catalogue.courses[code],
                catalogue.url_for(code),
                tuple(modules),
                audiences,
                code in certificate,
            )
        )
    return uses


def certificate_coverage(pathway: Pathway, catalogue: Catalogue) -> CertificateCoverage:
    used = codes_used_by(pathway.modules)
    courses = catalogue.certificate_courses()
    return CertificateCoverage(
        pathway.audience,
        tuple(c for c in courses if c.code in used),
        tuple(c for c in courses if c.code not in used),
    )


def ihi_overview(curriculum: Curriculum, catalogue: Catalogue) -> IhiOverview:
    pathways = all_pathways(curriculum)
    return IhiOverview(
        tuple(course_uses(curriculum, catalogue, pathways)),
        tuple(catalogue.certificate_courses()),
        tuple(certificate_coverage(p, catalogue) for p in pathways),
    )
