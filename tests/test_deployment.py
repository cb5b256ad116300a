"""The GitHub Pages workflow builds the way the README tells people to build."""

from __future__ import annotations

import re

import yaml

from tests.sitebuild import REPO

WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"


def _readme_build_commands() -> set[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = set()
    for line in readme.splitlines():
        if line.startswith("    "):  # an indented code line
            for part in line.strip().split("&&"):
                if re.match(r"mkdocs build\b", part.strip()):
                    commands.add(part.strip())
    return commands


def _workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def test_workflow_runs_the_readme_build_command_with_strict() -> None:
    steps = _workflow()["jobs"]["build"]["steps"]
    runs = [step["run"].strip() for step in steps if "run" in step]
    builds = [run for run in runs if run.startswith("mkdocs build")]
    assert builds == ["mkdocs build --strict"]
    assert builds[0] in _readme_build_commands()
    install = runs.index("pip install -e .")
    assert install < runs.index(builds[0])


def test_workflow_publishes_to_github_pages() -> None:
    workflow = _workflow()
    triggers = workflow.get("on", workflow.get(True))  # PyYAML reads a bare `on` as true
    assert "main" in triggers["push"]["branches"]
    assert workflow["permissions"]["pages"] == "write"
    assert workflow["permissions"]["id-token"] == "write"
    uses = [
        step["uses"].split("@")[0]
        for job in workflow["jobs"].values()
        for step in job["steps"]
        if "uses" in step
    ]
    for action in (
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ):
        assert action in uses
    upload = next(
        step
        for step in workflow["jobs"]["build"]["steps"]
        if step.get("uses", "").startswith("actions/upload-pages-artifact")
    )
    assert upload["with"]["path"] == "site"
    assert workflow["jobs"]["deploy"]["needs"] == "build"
