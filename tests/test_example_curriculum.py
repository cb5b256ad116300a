"""The shipped example academy: valid, complete, and matching its JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from qisite.commands.schema import curriculum_schema
from qisite.inputs import load_inputs
from qisite.inputs.files import read_yaml
from tests.sitebuild import REPO

CURRICULUM = REPO / "curriculum.yaml"
SCHEMA = REPO / "curriculum.schema.json"


def test_shipped_curriculum_has_no_errors_and_no_warnings() -> None:
    result = load_inputs(CURRICULUM)
    assert [str(p) for p in result.problems] == []
    assert result.ok


def test_shipped_curriculum_points_editors_at_the_schema() -> None:
    first_line = CURRICULUM.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=./curriculum.schema.json"


def test_shipped_schema_is_the_generated_one() -> None:
    shipped = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert shipped == curriculum_schema(), (
        "run: python -m qisite.cli schema -o curriculum.schema.json"
    )


def test_shipped_curriculum_passes_its_json_schema() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    # Read as an editor does: dates stay text.
    data = read_yaml(CURRICULUM).data
    errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(data)]
    assert errors == []


def test_schema_rejects_what_the_validator_rejects() -> None:
    """The schema is not a rubber stamp: editors flag a bad duration and a javascript: link."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    data = read_yaml(CURRICULUM).data
    data["modules"][0]["duration"] = "an hour"
    data["academy"]["booking"] = "javascript:alert(1)"
    data["modules"][1]["colour"] = "red"
    paths = {tuple(e.path) for e in jsonschema.Draft202012Validator(schema).iter_errors(data)}
    assert ("modules", 0, "duration") in paths
    assert ("academy", "booking") in paths
    assert ("modules", 1) in paths


def test_example_academy_covers_every_group_level_and_domain() -> None:
    curriculum = load_inputs(CURRICULUM).require().curriculum
    audience_ids = {a.id for a in curriculum.audiences}
    assert {
        "all-staff",
        "board",
        "senior-leaders",
        "middle-managers",
        "quality-coaches",
        "internal-experts",
    } <= audience_ids
    assert [level.id for level in curriculum.dose_levels] == [
        "awareness",
        "foundation",
        "practitioner",
        "expert",
    ]
    assert len(curriculum.domains) >= 9
    assert len(curriculum.modules) >= 18
    assert {m.dose for m in curriculum.modules} == set(curriculum.levels_by_id)
    assert sum(1 for m in curriculum.modules if m.ihi_open_school) >= 10
    for audience in curriculum.audiences:
        assert set(audience.staff_groups) == {"clinical", "non-clinical"}
        assert audience.size is not None and audience.size <= curriculum.academy.headcount
        assert audience.examples and audience.dose


def test_module_bodies_belong_to_modules() -> None:
    curriculum = load_inputs(CURRICULUM).require().curriculum
    bodies = sorted(Path(REPO / "content" / "modules").glob("*.md"))
    assert len(bodies) >= 2
    for body in bodies:
        assert body.stem in curriculum.modules_by_id
