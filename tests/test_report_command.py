"""qisite report prints the capacity figures; a broken curriculum gives its problems and exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from qisite.cli import main
from tests.capacity_fixture import CURRICULUM, PROGRESS


def write(tmp_path: Path, curriculum: str, progress: str = PROGRESS) -> Path:
    (tmp_path / "curriculum.yaml").write_text(curriculum, encoding="utf-8")
    (tmp_path / "progress.csv").write_text(progress, encoding="utf-8")
    return tmp_path / "curriculum.yaml"


def test_report_prints_the_same_figures_as_the_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(write(tmp_path, CURRICULUM))]) == 0
    out = capsys.readouterr().out
    assert "Rules of thumb for 4,000 staff" in out and "no single formula" in out
    assert "Internal quality experts: 15 to 20 people; plan: no target set" in out
    assert "Quality coaches: 150 to 200 people over 5 years; plan: 40" in out
    assert "Improvement teams the coaches can support: 450 to 800 teams; plan: 120 to 160" in out
    coaches = out[out.index("Quality coaches [coaches]") :]
    assert "trained so far: 10 by 2026-10-31 (module coach-programme)" in coaches
    assert "still needed: 30; places offered: 24 in 2 sessions" in coaches
    assert "result: short by 6 places" in coaches
    assert (
        "milestone End of wave 2: 25 by 2027-06-30; still needed 15; places offered: 12; "
        "short by 3 places"
    ) in coaches
    assert "Tier 1: introduction: median 225, target 1,200" in out
    assert "2026-07-31       325" in out


def test_report_on_an_invalid_curriculum_lists_problems_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, CURRICULUM, "date,audience,Email,completed\n")
    assert main(["report", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "column 'Email' looks like personal data" in captured.err
    assert "not valid, so no report" in captured.err
