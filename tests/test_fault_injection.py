"""Faults injected into the SHIPPED curriculum are reported at the line where they were made.

Lines are found by their text, not by number, so the test keeps working as the
example academy grows (other features append sections to it).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from qisite.inputs import load_inputs
from tests.clirun import run_cli
from tests.sitebuild import REPO

SHIPPED = (REPO / "curriculum.yaml").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Injection:
    name: str
    find: str
    """The exact text of a line of the shipped curriculum (stripped)."""
    replace: str
    """What that line becomes (same indentation); may hold several lines."""
    texts: tuple[str, ...]
    occurrence: int = 1
    """Which line with that text, counting from 1."""
    severity: str = "error"


INJECTIONS = [
    Injection(
        "duplicate module id",
        "- id: improvement-at-induction",
        "- id: qi-basics",
        ("duplicate id 'qi-basics'",),
    ),
    Injection(
        "duplicate module id, late in the file",
        "- id: teaching-improvement",
        "- id: model-for-improvement",
        ("duplicate id 'model-for-improvement'",),
    ),
    Injection(
        "duplicate module id, the earlier module renamed",
        "- id: seeing-the-system",
        "- id: spreading-change",
        ("duplicate id 'spreading-change'", "used again on line"),
    ),
    Injection(
        "unknown prerequisite",
        "prerequisites: [model-for-improvement]",
        "prerequisites: [model-for-improvment]",
        ("unknown module 'model-for-improvment'", "did you mean 'model-for-improvement'?"),
    ),
    Injection(
        "unknown prerequisite in a longer list",
        "prerequisites: [pdsa-in-practice, understanding-variation, human-side-of-change]",
        "prerequisites: [pdsa-in-practice, understanding-variaton, human-side-of-change]",
        ("unknown module 'understanding-variaton'", "'understanding-variation'?"),
    ),
    Injection(
        "a long cycle: the first module needs one of the last",
        "ihi_open_school: [QI 101]",
        "ihi_open_school: [QI 101]\nprerequisites: [teaching-improvement]",
        ("circle: qi-basics → teaching-improvement → quality-coach-programme", "→ qi-basics"),
    ),
    Injection(
        "a short cycle between neighbours",
        "prerequisites: [understanding-variation]",
        "prerequisites: [understanding-variation, advanced-spc]",
        ("circle: measurement-for-improvement → advanced-spc → measurement-for-improvement",),
    ),
    Injection(
        "a typo'd key in a module",
        "title: The Model for Improvement",
        "titel: The Model for Improvement",
        ("unknown key 'titel'", "did you mean 'title'?", "module 'model-for-improvement'"),
    ),
    Injection(
        "a typo'd key in an audience",
        "staff_groups: [clinical, non-clinical]",
        "staff_group: [clinical, non-clinical]",
        ("unknown key 'staff_group'", "did you mean 'staff_groups'?", "audience 'board'"),
        occurrence=2,
    ),
    Injection(
        "a typo'd top-level section",
        "audiences:",
        "audience:",
        ("unknown key 'audience'", "did you mean 'audiences'?"),
    ),
    Injection(
        "a wrong type: headcount in words",
        "headcount: 6200",
        "headcount: six thousand",
        ("whole number", "'six thousand'"),
    ),
    Injection(
        "a wrong type: a list written as one word",
        "domains: [variation, measurement]",
        "domains: variation",
        ("expected a list", "module 'learning-at-lunch'"),
    ),
    Injection(
        "a wrong type: a duration in words",
        "duration: 1h30m",
        "duration: ninety minutes",
        ("'ninety minutes'", "module 'model-for-improvement'"),
    ),
    Injection(
        "an unknown dose level",
        "dose: practitioner",
        "dose: practioner",
        ("unknown dose level 'practioner'", "did you mean 'practitioner'?"),
    ),
    Injection(
        "an unknown audience",
        "audiences: [internal-experts]",
        "audiences: [internal-expert]",
        ("unknown audience 'internal-expert'", "did you mean 'internal-experts'?"),
    ),
    Injection(
        "an unknown IHI course",
        "ihi_open_school: [QI 201]",
        "ihi_open_school: [QI 2O1]",
        ("'QI 2O1'",),
    ),
    Injection(
        "a duplicated YAML key",
        "duration: 3h",
        "duration: 3h\nduration: 4h",
        ("the key 'duration' appears twice",),
    ),
    Injection(
        "a javascript: link",
        "booking: https://riverside.example.nhs.uk/qi-academy/book",
        "booking: javascript:alert(document.cookie)",
        ("'javascript:alert(document.cookie)'",),
    ),
    Injection(
        "a tab in the indentation",
        "dose: expert",
        "\tdose: expert",
        ("cannot be read", "tab"),
    ),
]


def inject(injection: Injection) -> tuple[str, int]:
    """The shipped text with the fault made, and the line where the fault now sits."""
    lines = SHIPPED.splitlines()
    matches = [n for n, line in enumerate(lines) if line.strip() == injection.find]
    assert len(matches) >= injection.occurrence, f"no line {injection.find!r} in curriculum.yaml"
    index = matches[injection.occurrence - 1]
    indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
    replacement = [indent + part for part in injection.replace.split("\n")]
    lines[index : index + 1] = replacement
    # A fault on an added line (a second key, a new prerequisite) sits on that line.
    fault_line = index + len(replacement)
    if injection.replace.split("\n")[0].strip() != injection.find:
        fault_line = index + 1
    return "\n".join(lines) + "\n", fault_line


def write_curriculum(folder: Path, text: str) -> Path:
    """The edited curriculum with the data files it names (session and progress CSVs) beside it."""
    for data_file in REPO.glob("*.csv"):
        shutil.copy(data_file, folder / data_file.name)
    path = folder / "curriculum.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("injection", INJECTIONS, ids=[i.name for i in INJECTIONS])
def test_injected_fault_is_reported_at_its_line(injection: Injection, tmp_path: Path) -> None:
    text, line = inject(injection)
    path = write_curriculum(tmp_path, text)
    result = load_inputs(path, "curriculum.yaml")
    assert not result.ok
    at_line = [str(p) for p in result.errors if p.position.line == line]
    assert at_line, f"nothing at line {line}:\n" + "\n".join(str(p) for p in result.problems)
    message = "\n".join(at_line)
    assert message.startswith(f"curriculum.yaml:{line}:")
    for expected in injection.texts:
        assert expected in message


def test_one_fault_gives_one_error(tmp_path: Path) -> None:
    """The organiser fixes one thing, not a cascade: each injection yields a single error."""
    several = {i.name for i in INJECTIONS if i.name.startswith("duplicate module id")}
    for injection in INJECTIONS:
        if injection.name in several:
            continue
        text, _ = inject(injection)
        path = write_curriculum(tmp_path, text)
        errors = load_inputs(path).errors
        assert len(errors) == 1, injection.name + ":\n" + "\n".join(map(str, errors))


def test_injected_fault_through_the_command_line(tmp_path: Path) -> None:
    text, line = inject(next(i for i in INJECTIONS if i.name == "unknown prerequisite"))
    run = run_cli("validate", str(write_curriculum(tmp_path, text)))
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert f"curriculum.yaml:{line}:" in run.stderr
    assert "unknown module 'model-for-improvment'" in run.stderr
