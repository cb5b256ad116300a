"""Pure views of the IHI page: course use and Basic Certificate coverage per pathway."""

from __future__ import annotations

from pathlib import Path

import pytest

from qisite.inputs import inputs_of, load_inputs
from qisite.model import Curriculum
from qisite.views.ihi import ihi_overview
from tests.ihi_fixtures import CURRICULUM, EXPECTED_COVERAGE


@pytest.fixture
def curriculum(tmp_path: Path) -> Curriculum:
    path = tmp_path / "curriculum.yaml"
    path.write_text(CURRICULUM, encoding="utf-8")
    return load_inputs(path).require().curriculum


def test_certificate_coverage_is_right_for_each_pathway(curriculum: Curriculum) -> None:
    catalogue = inputs_of(curriculum).catalogue
    overview = ihi_overview(curriculum, catalogue)
    assert [c.audience.id for c in overview.coverage] == ["everyone", "leaders", "experts"]
    for cover in overview.coverage:
        expected = EXPECTED_COVERAGE[cover.audience.id]
        assert [c.code for c in cover.covered] == [
            code for code in catalogue.basic_certificate if code in expected
        ]
        assert [c.code for c in cover.missing] == [
            code for code in catalogue.basic_certificate if code not in expected
        ]
        assert cover.total == 13
        assert cover.complete == (len(expected) == 13)


def test_courses_outside_the_certificate_do_not_count(curriculum: Curriculum) -> None:
    overview = ihi_overview(curriculum, inputs_of(curriculum).catalogue)
    leaders = next(c for c in overview.coverage if c.audience.id == "leaders")
    assert "QI 201" not in {c.code for c in leaders.covered + leaders.missing}


def test_course_uses_name_modules_and_pathways(curriculum: Curriculum) -> None:
    overview = ihi_overview(curriculum, inputs_of(curriculum).catalogue)
    uses = {u.course.code: u for u in overview.courses}
    assert list(uses)[:4] == ["QI 101", "QI 102", "PS 101", "QI 201"]
    assert [m.id for m in uses["QI 101"].modules] == ["intro"]
    assert [a.id for a in uses["QI 101"].audiences] == ["everyone", "leaders", "experts"]
    assert [a.id for a in uses["PS 101"].audiences] == ["leaders", "experts"]
    assert uses["QI 201"].in_certificate is False
    assert uses["QI 101"].in_certificate is True
    assert uses["QI 101"].url == "https://learning.test.example/qi-101"
    assert "QI 301" not in uses  # in the catalogue, used by no module
