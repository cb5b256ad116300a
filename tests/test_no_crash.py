"""Whatever an organiser types, qisite answers with problems, never with a crash.

Seeded random edits of the shipped curriculum and of the minimal base (the
kind a slipping hand makes: a stray bracket, a lost indent, a pasted control
character) must each load into a list of problems that all name a line.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from qisite.inputs import load_inputs
from tests.sitebuild import REPO

STRAYS = [
    *"[]{}:-,#&*!|>'\"%@`?<=~ \t\n0aé",
    "\x00",
    "\x1b",
    "\u2028",
    "\ufeff",
    "  ",
    "\n  - ",
    ": ",
    "- ",
    "null",
    "true",
    "<<: *a",
    "&a ",
]


def slips(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(text))
        kind = rng.randrange(3)
        if kind == 0:
            text = text[:at] + rng.choice(STRAYS) + text[at:]
        elif kind == 1:
            text = text[:at] + text[at + rng.randint(1, 5) :]
        else:
            text = text[:at] + rng.choice(STRAYS) + text[at + 1 :]
    return text


@pytest.mark.parametrize("base", ["curriculum.yaml", "tests/minimal_valid.yaml"])
def test_random_slips_give_problems_not_crashes(base: str, tmp_path: Path) -> None:
    rng = random.Random(base)
    original = (REPO / base).read_text(encoding="utf-8")
    target = tmp_path / "curriculum.yaml"
    broken_runs = 0
    for _ in range(150):
        target.write_text(slips(original, rng), encoding="utf-8")
        result = load_inputs(target, "curriculum.yaml")
        for problem in result.problems:
            assert str(problem).startswith("curriculum.yaml:")
            assert problem.position.line >= 1
        broken_runs += not result.ok
    assert broken_runs > 30  # the edits really do break things


def test_keys_with_brackets_are_reported_as_unknown(tmp_path: Path) -> None:
    text = (REPO / "tests" / "minimal_valid.yaml").read_text(encoding="utf-8")
    target = tmp_path / "curriculum.yaml"
    target.write_text(text.replace("domains:\n", "doma[ins:\n", 1), encoding="utf-8")
    messages = [str(p) for p in load_inputs(target, "c.yaml").errors]
    assert messages == [
        "c.yaml:16:1: error: doma[ins: unknown key 'doma[ins' (did you mean 'domains'?)"
    ]
