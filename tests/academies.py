"""Academies other than the shipped example, built for tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

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
