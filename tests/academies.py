"""Academies other than the shipped example, built for tests."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
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


STAGE_STEPS = (("testing-changes", 1), ("spreading", 4), ("sustaining", 8), ("closed", 14))
"""Months after its start that each project of the busy academy reaches each stage."""


def _add_months(day: date, months: int) -> date:
    year, month = divmod(day.month - 1 + months, 12)
    return date(day.year + year, month + 1, 1)


def busy_academy(
    years: int = 10, coaches: int = 8, counts: int = 36, last: date = date(2026, 11, 1)
) -> tuple[str, str]:
    """The benchmark's synthetic academy at 60 modules with what a long-running academy
    adds: a project started every month for ``years`` years up to the month before
    ``last`` (each moving through the stages by ``STAGE_STEPS``), ``coaches`` coaches, a
    target with two milestones for every staff group and ``counts`` monthly progress
    counts for each, the latest at the end of that month. Returns the curriculum and its
    progress.csv."""
    data = synthetic_curriculum(60)
    groups = [audience["id"] for audience in data["audiences"]]
    data["coaches"] = [
        {
            "id": f"coach-{c:02d}",
            "name": f"Coach number {c + 1}",
            "role": "Quality coach",
            "contact": f"mailto:coach{c + 1}@benchmark.example.nhs.uk",
            "protected_time": 25,
        }
        for c in range(coaches)
    ]
    months = 12 * years
    first = _add_months(last, -months)  # no stage date from ``last`` on: the chart ends there
    projects = []
    for index in range(months):
        start = _add_months(first, index)
        reached = {stage: _add_months(start, after) for stage, after in STAGE_STEPS}
        reached = {stage: day for stage, day in reached.items() if day < last}
        projects.append(
            {
                "id": f"project-{index:03d}",
                "title": f"Improvement project {index + 1}",
                "aim": f"Cut waits in service {index + 1} by a third within a year.",
                "area": f"Directorate {index % 7 + 1}",
                "modules": ["module-0000"],
                "coach": f"coach-{index % coaches:02d}",
                "stage": list(reached)[-1] if reached else "idea",
                "start": start.isoformat(),
                "stage_dates": {stage: day.isoformat() for stage, day in reached.items()},
            }
        )
    data["projects"] = projects
    count_start = _add_months(first, months - counts)
    data["targets"] = [
        {
            "audience": group,
            "label": f"Tier {index + 1}: the depth of improvement this group needs",
            "share": 40,
            "by": _add_months(last, 24).isoformat(),
            "milestones": [
                {"by": _add_months(last, 6).isoformat(), "label": "End of wave 1", "share": 15},
                {"by": _add_months(last, 12).isoformat(), "label": "End of wave 2", "share": 25},
            ],
        }
        for index, group in enumerate(groups)
    ]
    data["progress_files"] = ["progress.csv"]
    rows = ["date,audience,module,completed"]
    for group in groups:
        for month in range(counts):
            day = _add_months(count_start, month + 1) - timedelta(days=1)
            rows.append(f"{day.isoformat()},{group},,{1 + month % 3}")
    progress = "\n".join(rows) + "\n"
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True), progress
