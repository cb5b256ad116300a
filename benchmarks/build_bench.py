"""Benchmark: build synthetic academies of growing size, and a bare Material baseline.

Usage (from the repository root):

    python benchmarks/build_bench.py                 # 250, 500 and 1,000 modules
    python benchmarks/build_bench.py --quick         # the smallest size only
    python benchmarks/build_bench.py --sizes 100,200 --repeat 5
    python benchmarks/build_bench.py --engine all    # MkDocs, ProperDocs and Zensical

For each size it writes a project into a temporary folder (the repository's
content/, overrides/ and mkdocs.yml with a synthetic curriculum.yaml: see
synthetic.py), builds it with ``python -m mkdocs build -q`` in a subprocess, then
builds a baseline of the same number of pages with similar text (see
baseline.py). The two take turns, ``--repeat`` times each (default 3), so that a
slow spell of a shared machine slows both. Times are wall clock, the median of
the runs; peak memory is the build process's maximum resident set size. The
"cpu s" column (user + system time of the build and of any process it waited
for) is printed too: on a busy machine it is a steadier guide than wall clock
time, which the summary line uses. qisite creates a large academy's calendar
files in a helper process on a second core (see qisite/filewriter.py), so its
CPU time exceeds its wall time; a "cpu ratio=" line before the summary shows
the CPU comparison at the largest size.

The last line of output is always

    ratio=<qisite/baseline time at the largest size> scaling=<growth>

where growth = (t_largest / t_smallest) / (size_largest / size_smallest):
1.00 means the build time grows in proportion to the curriculum. With a single
size (``--quick``) there is nothing to compare, and scaling is printed as 1.00.
Goals: ratio <= 1.3, scaling <= 1.1, largest HTML page < 200 KB.

``--engine`` builds with ProperDocs or Zensical instead (or ``all`` three in
turn), each beside a bare site of that same engine: ProperDocs runs the plugin
(``properdocs build``), Zensical is given the generated folder (``qisite build
--engine zensical``: the generate step and the engine, timed together). With an
engine other than MkDocs, each engine's table is headed ``engine=<name>`` and its
summary line is followed by ``engine=<name> ratio=... scaling=...``; with more
than one, a last line compares each engine's qisite build time with MkDocs'.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml

from benchmarks.baseline import average_text_length, html_pages, write_baseline
from benchmarks.synthetic import synthetic_curriculum_yaml
from qisite.commands.new import name_the_site

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SIZES = (250, 500, 1000)
SOURCE_DATE_EPOCH = "1798761600"  # 2027-01-01: builds are reproducible, the date is fixed


@dataclass
class Run:
    seconds: float
    cpu_seconds: float
    peak_mb: float


@dataclass
class Result:
    size: int
    kind: str
    pages: int
    seconds: float
    peak_mb: float
    cpu_seconds: float = 0.0


def write_project(root: Path, modules: int) -> Path:
    """The repository's project with a synthetic curriculum of ``modules`` modules."""
    root.mkdir(parents=True, exist_ok=True)
    for folder in ("content", "overrides"):
        shutil.rmtree(root / folder, ignore_errors=True)  # left by an earlier run (--keep)
        shutil.copytree(REPO / folder, root / folder)
    # The example academy's module texts name modules the synthetic one does not have.
    for body in (root / "content" / "modules").glob("*.md"):
        if body.name != "index.md":
            body.unlink()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "curriculum.yaml").write_text(synthetic_curriculum_yaml(modules), encoding="utf-8")
    name_the_site(root / "mkdocs.yml", root / "curriculum.yaml")  # as `qisite new` does
    return root


ENGINES = ("mkdocs", "properdocs", "zensical")


def build_command(engine: str, site_dir: Path, bare: bool) -> list[str]:
    """The build of a project (``bare``: a baseline, which has no qisite) with ``engine``."""
    if engine == "zensical":
        if bare:  # the baseline's site folder is the default, site/ inside it
            return [sys.executable, "-m", "zensical", "build", "--clean", "-f", "mkdocs.yml"]
        command = ["-m", "qisite.cli", "build", "--engine", "zensical", "-d", str(site_dir)]
        return [sys.executable, *command]
    return [sys.executable, "-m", engine, "build", "-q", "-f", "mkdocs.yml", "-d", str(site_dir)]


def build_once(project: Path, site_dir: Path, engine: str = "mkdocs") -> Run:
    """Build in a fresh process; measure its wall clock time and peak memory."""
    shutil.rmtree(site_dir, ignore_errors=True)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    env.setdefault("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
    env.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    bare = project.name.startswith("baseline")
    command = build_command(engine, site_dir, bare)
    quiet = subprocess.DEVNULL if engine == "zensical" else None  # it has no -q
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=project, env=env, stdout=quiet)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"build of {project} failed with exit code {process.returncode}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, usage.ru_maxrss / 1024)  # ru_maxrss is in KiB on Linux


def _median(runs: Sequence[Run]) -> Run:
    return Run(
        statistics.median(r.seconds for r in runs),
        statistics.median(r.cpu_seconds for r in runs),
        max(r.peak_mb for r in runs),
    )


def measure(
    size: int, work: Path, repeat: int, engine: str = "mkdocs"
) -> tuple[Result, Result, Path]:
    """Build the synthetic academy and its baseline ``repeat`` times each, taking turns.

    Taking turns (qisite, baseline, qisite, baseline...) means that a slow spell of a
    shared machine falls on both sides rather than on one, which steadies the ratio.
    """
    suffix = "" if engine == "mkdocs" else f"-{engine}"
    project = write_project(work / f"qisite-{size}{suffix}", size)
    site = project / "site"
    qisite_runs = [build_once(project, site, engine)]
    pages = len(html_pages(site))
    characters = average_text_length(site)
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    baseline = write_baseline(work / f"baseline-{size}{suffix}", config, pages, characters)
    baseline_site = baseline / "site"
    baseline_runs = [build_once(baseline, baseline_site, engine)]
    for _ in range(repeat - 1):
        qisite_runs.append(build_once(project, site, engine))
        baseline_runs.append(build_once(baseline, baseline_site, engine))
    baseline_pages = len(html_pages(baseline_site))
    return (
        Result(size, "qisite", pages, *_figures(_median(qisite_runs))),
        Result(size, "baseline", baseline_pages, *_figures(_median(baseline_runs))),
        site,
    )


def _figures(run: Run) -> tuple[float, float, float]:
    return run.seconds, run.peak_mb, run.cpu_seconds


def largest_page(site_dir: Path) -> tuple[Path, int]:
    sizes = [(page, page.stat().st_size) for page in html_pages(site_dir)]
    return max(sizes, key=lambda item: item[1])


def summary_line(results: Sequence[Result]) -> str:
    qisite = [r for r in results if r.kind == "qisite"]
    baseline = {r.size: r for r in results if r.kind == "baseline"}
    smallest, largest = qisite[0], qisite[-1]
    ratio = largest.seconds / baseline[largest.size].seconds
    if largest.size == smallest.size:
        scaling = 1.0
    else:
        scaling = (largest.seconds / smallest.seconds) / (largest.size / smallest.size)
    return f"ratio={ratio:.2f} scaling={scaling:.2f}"


def cpu_line(results: Sequence[Result]) -> str:
    """CPU time at the largest size against the baseline's, for a reader of the wall-clock ratio.

    qisite writes a large academy's calendar files from a helper process on a second
    core, so its wall-clock time and its CPU time part company; both are shown.
    """
    largest = [r for r in results if r.kind == "qisite"][-1]
    baseline = next(r for r in results if r.kind == "baseline" and r.size == largest.size)
    return (
        f"cpu ratio={largest.cpu_seconds / baseline.cpu_seconds:.2f} at {largest.size} modules "
        "(user + system time, any helper process included)"
    )


def parse_sizes(text: str) -> list[int]:
    sizes = sorted({int(part) for part in text.split(",") if part.strip()})
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("sizes are positive numbers of modules, like 100,200")
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        default=list(DEFAULT_SIZES),
        help="numbers of modules, comma-separated (default 250,500,1000)",
    )
    parser.add_argument("--quick", action="store_true", help="build the smallest size only")
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="build each site N times, taking turns with its baseline, and take the median"
        " time (default 3)",
    )
    parser.add_argument(
        "--engine",
        choices=[*ENGINES, "all"],
        default="mkdocs",
        help="the engine to build with, beside a bare site of the same engine (default mkdocs)",
    )
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="write the projects here and keep them (default: a temp folder)",
    )
    args = parser.parse_args(argv)
    sizes = args.sizes[:1] if args.quick else args.sizes
    engines = list(ENGINES) if args.engine == "all" else [args.engine]
    work = args.keep or Path(tempfile.mkdtemp(prefix="qisite-bench-"))
    largest: dict[str, float] = {}
    try:
        for engine in engines:
            results = run_engine(engine, sizes, work, max(1, args.repeat), engines != ["mkdocs"])
            largest[engine] = results[-2].seconds
        if len(engines) > 1 and "mkdocs" in largest:
            print(
                "engines: qisite build time at the largest size against MkDocs' "
                + " ".join(f"{e}={largest[e] / largest['mkdocs']:.2f}" for e in engines)
            )
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def run_engine(
    engine: str, sizes: Sequence[int], work: Path, repeat: int, labelled: bool
) -> list[Result]:
    """Measure every size with ``engine`` and print its table and summary lines."""
    results: list[Result] = []
    if labelled:
        print(f"engine={engine}")
    print(f"{'modules':>8} {'site':<9} {'pages':>6} {'seconds':>8} {'cpu s':>7} {'peak MB':>8}")
    last_site = work
    for size in sizes:
        qisite, baseline, last_site = measure(size, work, repeat, engine)
        for result in (qisite, baseline):
            results.append(result)
            print(
                f"{result.size:>8} {result.kind:<9} {result.pages:>6} "
                f"{result.seconds:>8.2f} {result.cpu_seconds:>7.2f} {result.peak_mb:>8.1f}",
                flush=True,
            )
    print(cpu_line(results))
    page, size = largest_page(last_site)
    print(
        f"largest HTML page at {sizes[-1]} modules: "
        f"{page.relative_to(last_site)} {size / 1024:.1f} KB"
    )
    print(summary_line(results))
    if labelled:
        print(f"engine={engine} {summary_line(results)}", flush=True)
    return results

if __name__ == "__main__":
    sys.exit(main())
