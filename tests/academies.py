"""Academies other than the shipped example, built for tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from benchmarks.synthetic import synthetic_curriculum
from tests.sitebuild import BuiltSite, build_project, make_project

FIXTURES = Path(__file__).parent / "fixtures"


def academy_with_gaps() -> str:
    """The second academy, with plans its modules do not meet (one shallow, one empty)."""
    data = yaml.safe_load((FIXTURES / "second-academy.yaml").read_text(encoding="utf-8"))
    admin = next(a for a in data["audiences"] if a["id"] == "admin-teams")
    admin["dose"] = {"measurement": "gold", "spread": "silver"}
    return yaml.safe_dump(data, sort_keys=False)


def second_academy_site(
    root: Path, config: dict | None = None, strict: bool = True, text: str | None = None
) -> BuiltSite:
    text = text or (FIXTURES / "second-academy.yaml").read_text(encoding="utf-8")
    project = make_project(root, curriculum=text, config=config)
    # Module bodies in content/modules/ belong to the shipped example academy.
    shutil.rmtree(project / "content" / "modules", ignore_errors=True)
    return build_project(project, strict=strict)


def wide_academy(groups: int, domains: int) -> str:
    """The benchmark's synthetic academy at 60 modules, widened to ``groups`` staff groups
    and ``domains`` domains: the dosing matrix of a large academy (the 1,000-module one has
    100 groups by 10 domains) at the cost of a small build. The added groups have no
    modules, so whatever they plan is a gap; the added domains are planned by a few."""
    data = synthetic_curriculum(60)
    levels = [level["id"] for level in data["dose_levels"]]
    for index in range(len(data["domains"]), domains):
        data["domains"].append({"id": f"area-{index}", "name": f"Area of practice {index + 1}"})
    domain_ids = [domain["id"] for domain in data["domains"]]
    for index in range(len(data["audiences"]), groups):
        planned = domain_ids[index % len(domain_ids)]
        data["audiences"].append(
            {
                "id": f"group-{index:03d}",
                "name": f"Wide group {index + 1}",
                "size": 30,
                "dose": {planned: levels[index % len(levels)]},
            }
        )
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
