"""The IHI Open School catalogue: built-in data, curriculum overrides, unknown codes."""

from __future__ import annotations

from pathlib import Path

from qisite.inputs import load_inputs
from qisite.inputs.files import read_builtin_catalogue
from tests.ihi_fixtures import CURRICULUM


def _load(tmp_path: Path, text: str):
    path = tmp_path / "curriculum.yaml"
    path.write_text(text, encoding="utf-8")
    return load_inputs(path, "curriculum.yaml")


def test_builtin_catalogue_holds_the_thirteen_certificate_courses() -> None:
    catalogue = read_builtin_catalogue()
    assert len(catalogue.basic_certificate) == 13
    assert len(set(catalogue.basic_certificate)) == 13
    assert [c.code for c in catalogue.certificate_courses()] == list(catalogue.basic_certificate)
    assert catalogue.courses["PS 103"].title == "Human Factors and Safety"
    assert catalogue.courses["QI 301"].code == "QI 301"


def test_builtin_urls_are_catalogue_pages_not_guid_links() -> None:
    catalogue = read_builtin_catalogue()
    for code, course in catalogue.courses.items():
        assert course.url, f"{code} has no address"
        assert course.url.startswith("https://www.ihi.org/"), course.url
        assert "guid" not in course.url.lower() and ".aspx" not in course.url.lower()
        assert course.topic and course.title


def test_curriculum_entries_replace_and_add_courses(tmp_path: Path) -> None:
    catalogue = _load(tmp_path, CURRICULUM).require().catalogue
    assert catalogue.courses["QI 101"].title == "Improvement from first principles"
    assert catalogue.url_for("QI 101") == "https://learning.test.example/qi-101"
    assert catalogue.courses["LOC 101"].title == "A local course of our own"
    # No address given: the course links to IHI's catalogue page.
    assert catalogue.url_for("LOC 101") == catalogue.catalogue_url
    # The built-in catalogue itself is untouched.
    builtin = read_builtin_catalogue()
    assert builtin.courses["QI 101"].title == "Introduction to Health Care Improvement"


def test_module_may_use_a_course_the_curriculum_adds(tmp_path: Path) -> None:
    text = CURRICULUM.replace("ihi_open_school: [PS 101, QI 201]", "ihi_open_school: [LOC 101]")
    assert _load(tmp_path, text).ok


def test_unknown_code_is_an_error_with_a_suggestion_and_line(tmp_path: Path) -> None:
    text = CURRICULUM.replace("[PS 101, QI 201]", "[PS 101, QI 210]")
    result = _load(tmp_path, text)
    assert not result.ok
    [error] = result.errors
    message = str(error)
    line = text.splitlines().index("    ihi_open_school: [PS 101, QI 210]") + 1
    assert message.startswith(f"curriculum.yaml:{line}:")
    assert "modules[1].ihi_open_school[1]" in message
    assert "unknown IHI Open School course 'QI 210' in module 'safety'" in message
    assert "did you mean 'QI 201'?" in message


def test_code_that_is_not_a_code_is_an_error(tmp_path: Path) -> None:
    result = _load(tmp_path, CURRICULUM.replace("[PS 101, QI 201]", "[PS 101, Patient safety]"))
    assert not result.ok
    assert any("is not an IHI Open School course code" in str(e) for e in result.errors)


def test_a_course_given_twice_in_the_curriculum_is_an_error(tmp_path: Path) -> None:
    text = CURRICULUM + "  - {code: qi-101, title: Again, topic: Quality improvement}\n"
    result = _load(tmp_path, text)
    assert not result.ok
    [error] = result.errors
    first = CURRICULUM.splitlines().index("  - code: QI 101") + 1
    assert f"IHI Open School course 'QI 101' is already given on line {first}" in str(error)
    assert "ihi_open_school[2].code" in str(error)
