"""The benchmark's synthetic academy is valid and shaped as documented; its summary is right."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.baseline import average_text_length, write_baseline
from benchmarks.build_bench import Result, cpu_line, parse_sizes, summary_line, write_project
from benchmarks.synthetic import SESSIONS_PER_MODULE, audience_count, synthetic_curriculum
from qisite.inputs import load_inputs
from qisite.views.pathways import all_pathways


@pytest.mark.parametrize("size", [60, 1000])
def test_synthetic_academy_validates_without_problems(tmp_path: Path, size: int) -> None:
    """No warnings either: a clash of rooms would flood the build log and skew timings."""
    project = write_project(tmp_path / "p", size)
    result = load_inputs(project / "curriculum.yaml")
    assert result.problems == ()
    curriculum = result.require().curriculum
    assert len(curriculum.modules) == size
    assert len(curriculum.audiences) == audience_count(size)
    assert len(curriculum.dose_levels) == 4
    assert len(curriculum.sessions) == size * SESSIONS_PER_MODULE
    assert any(m.prerequisites for m in curriculum.modules)
    # Every module text left in the project belongs to a module the academy has.
    ids = {m.id for m in curriculum.modules}
    texts = {p.stem for p in (project / "content" / "modules").glob("*.md")} - {"index"}
    assert texts <= ids


def test_pathways_stay_the_same_length_as_the_academy_grows() -> None:
    from qisite.model import Curriculum

    lengths = []
    for size in (100, 400):
        curriculum = Curriculum.model_validate(synthetic_curriculum(size))
        longest = max(len(p.modules) for p in all_pathways(curriculum))
        lengths.append(longest)
    assert lengths[1] <= lengths[0] * 1.2


def test_baseline_has_the_pages_and_text_asked_for(tmp_path: Path) -> None:
    root = write_baseline(tmp_path / "b", {"theme": {"name": "material"}}, 5, 400)
    pages = sorted((root / "content").rglob("*.md"))
    assert len(pages) == 5
    assert all(len(p.read_text()) >= 400 for p in pages if p.name != "index.md")
    # Written again into the same folder with fewer pages, it holds only those.
    write_baseline(tmp_path / "b", {"theme": {"name": "material"}}, 3, 400)
    assert len(list((root / "content").rglob("*.md"))) == 3
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text("<nav>menu</nav><article><p>abcd efgh</p></article>")
    assert average_text_length(site) == len("abcd efgh")


def test_summary_line_compares_largest_with_baseline_and_smallest() -> None:
    results = [
        Result(100, "qisite", 10, 2.0, 1),
        Result(100, "baseline", 10, 1.0, 1),
        Result(400, "qisite", 40, 6.0, 1),
        Result(400, "baseline", 40, 5.0, 1),
    ]
    assert summary_line(results) == "ratio=1.20 scaling=0.75"
    assert summary_line(results[:2]) == "ratio=2.00 scaling=1.00"


def test_cpu_line_compares_cpu_time_at_the_largest_size() -> None:
    results = [
        Result(100, "qisite", 10, 2.0, 1, cpu_seconds=3.0),
        Result(100, "baseline", 10, 1.0, 1, cpu_seconds=1.0),
        Result(400, "qisite", 40, 6.0, 1, cpu_seconds=7.5),
        Result(400, "baseline", 40, 5.0, 1, cpu_seconds=5.0),
    ]
    assert cpu_line(results).startswith("cpu ratio=1.50 at 400 modules ")


def test_sizes_option_is_sorted_and_checked() -> None:
    assert parse_sizes("200,100") == [100, 200]
    with pytest.raises(Exception, match="positive"):
        parse_sizes("0")


def test_quick_run_builds_both_sites_and_ends_with_the_summary(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from benchmarks.build_bench import main

    assert main(["--sizes", "30,60", "--quick", "--repeat", "1"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    rows = [line.split() for line in lines[1:3]]
    assert [row[:2] for row in rows] == [["30", "qisite"], ["30", "baseline"]]
    assert rows[0][2] == rows[1][2]  # the baseline has as many pages as the qisite site
    assert int(rows[0][2]) >= 2 + 3  # home, pathways index and one page per audience
    assert lines[-3].startswith("cpu ratio=")
    assert "largest HTML page at 30 modules" in lines[-2]
    ratio, scaling = lines[-1].split()
    assert ratio.startswith("ratio=") and float(ratio[6:]) > 0
    assert scaling == "scaling=1.00"


def test_repeated_builds_take_turns_with_the_baseline_and_report_medians(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import benchmarks.build_bench as bench

    order: list[str] = []
    seconds = {"qisite": iter([9.0, 1.0, 2.0]), "baseline": iter([4.0, 8.0, 5.0])}
    real_build = bench.build_once

    def build_once(project: Path, site_dir: Path, engine: str = "mkdocs") -> bench.Run:
        kind = project.name.split("-")[0]
        order.append(kind)
        real = real_build(project, site_dir, engine) if not site_dir.exists() else None
        return bench.Run(next(seconds[kind]), real.cpu_seconds if real else 1.0, 10.0)

    monkeypatch.setattr(bench, "build_once", build_once)
    qisite, baseline, _ = bench.measure(30, tmp_path, repeat=3)
    assert order == ["qisite", "baseline"] * 3
    assert (qisite.seconds, baseline.seconds) == (2.0, 5.0)  # the medians


def test_each_engine_builds_beside_a_bare_site_of_its_own() -> None:
    from benchmarks.build_bench import build_command

    site = Path("/tmp/site")
    assert build_command("properdocs", site, bare=False)[1:4] == ["-m", "properdocs", "build"]
    assert build_command("properdocs", site, bare=True)[1:4] == ["-m", "properdocs", "build"]
    zensical = build_command("zensical", site, bare=False)
    assert zensical[1:6] == ["-m", "qisite.cli", "build", "--engine", "zensical"]
    assert build_command("zensical", site, bare=True)[1:4] == ["-m", "zensical", "build"]


def test_an_engine_run_is_labelled_and_ends_with_its_ratio(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from benchmarks.build_bench import main

    assert main(["--sizes", "30", "--repeat", "1", "--engine", "zensical"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == "engine=zensical"
    rows = [line.split() for line in lines[2:4]]
    assert [row[:2] for row in rows] == [["30", "qisite"], ["30", "baseline"]]
    assert rows[0][2] == rows[1][2]  # Zensical's bare site has as many pages
    engine, ratio, scaling = lines[-1].split()
    assert engine == "engine=zensical" and float(ratio.removeprefix("ratio=")) > 0
    assert lines[-2] == f"{ratio} {scaling}"
