"""Benchmark: Lighthouse (mobile preset) on each kind of qisite page, beside a bare Material page.

Usage (from the repository root):

    python benchmarks/lighthouse_bench.py                    # the example academy, 3 runs
    python benchmarks/lighthouse_bench.py --academies example,100,1000 --runs 5
    python benchmarks/lighthouse_bench.py --details          # also name what lost points
    python benchmarks/lighthouse_bench.py --width 320 --compress   # a 320 px phone, gzipped

In one run it builds the academies asked for (``example`` is the repository's
own curriculum; a number builds a synthetic academy of that many modules, see
synthetic.py) and a bare Material site with the same theme settings
(``font: false``, same palette, the search plugin, no qisite and no theme
overrides: see baseline.py). Each site is served from this machine under a
sub-path (``/<academy>/portal/`` and ``/bare/portal/``), as on a project site or
an intranet folder, by a plain static file server: with no compression by
default (the worst case: the simplest server), or with ``--compress`` gzipped
as GitHub Pages, IIS, and Debian's Apache and nginx serve HTML.

Lighthouse runs in its default mobile preset (a mid-range phone on a slow 4G
link, simulated throttling) in Debian's Chromium (``--headless=new
--no-sandbox``) on: home, a pathway, a module, a calendar month, the dosing
matrix, capacity and My learning, and on the bare site's home page. Every page
is measured ``--runs`` times, in rounds (each round visits every page once, so
a slow spell of a shared machine falls on all of them), and the table shows
the median of each figure. The FCP and bytes ratios are against the bare page
measured in the same rounds.

Lighthouse is an npm package pinned to LIGHTHOUSE_VERSION, the version issue 14
was measured with. Its 13.x line needs Node 22 or later; when the machine's own
``node`` is older (Debian 13 has 20), the script also installs Node from the npm
registry (the ``node-linux-<arch>`` package, pinned to NODE_VERSION: the registry
is reachable where nodejs.org may not be). Both go with npm into
``~/.cache/qisite/lighthouse-<version>`` when they are not there yet (``--cache``
to choose another folder).

The last line of output is always

    worst: performance=<min> accessibility=<min> best-practices=<min> cls=<max>
    fcp-ratio=<max> bytes-ratio=<max>

(on one line) over the qisite pages of every academy measured.
Goals (issue 14): performance >= 0.95, accessibility and best practices 1.0,
cumulative layout shift < 0.02 on every page type.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml

from benchmarks.baseline import write_baseline
from benchmarks.build_bench import build_once, write_project
from qisite.inputs import load_inputs
from qisite.site import paths
from qisite.site.urls import page_url

REPO = Path(__file__).resolve().parent.parent
LIGHTHOUSE_VERSION = "13.5.0"
NODE_VERSION = "22.23.5"
"""Node from the npm registry, used when the machine's own node is older than 22."""
NODE_MAJOR_NEEDED = 22
CHROME = "/usr/bin/chromium"
CHROME_FLAGS = "--headless=new --no-sandbox"
SUB_PATH = "portal"
CATEGORIES = ("performance", "accessibility", "best-practices")
BARE_TEXT_CHARACTERS = 1500
"""Visible text on the bare page: about as much as a short qisite page."""


@dataclass(frozen=True)
class Target:
    academy: str
    kind: str
    url: str


@dataclass
class Measure:
    scores: dict[str, float]
    fcp_ms: float
    lcp_ms: float
    tbt_ms: float
    cls: float
    bytes: float
    lost: list[str]


# ---------- Lighthouse itself ----------


def lighthouse_command(cache: Path) -> list[str]:
    """The pinned Lighthouse CLI run by a Node new enough for it, installed with npm into
    ``cache`` if missing: the start of the command line."""
    folder = cache / f"lighthouse-{LIGHTHOUSE_VERSION}"
    packages = [f"lighthouse@{LIGHTHOUSE_VERSION}"]
    node = shutil.which("node")
    if node is None or node_major(node) < NODE_MAJOR_NEEDED:
        packages.append(f"node-{node_platform()}@{NODE_VERSION}")
        node = str(folder / "node_modules" / f"node-{node_platform()}" / "bin" / "node")
    cli = folder / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not (cli.exists() and Path(node).exists()):
        npm = shutil.which("npm")
        if npm is None:
            raise SystemExit("npm is missing: Lighthouse is an npm package (apt-get install npm)")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "package.json").write_text('{"private": true}\n', encoding="utf-8")
        print(f"installing {' and '.join(packages)} into {folder}", flush=True)
        install = [npm, "install", "--save-exact", "--no-audit", "--no-fund", *packages]
        subprocess.run(install, cwd=folder, check=True)
    return [node, str(cli)]


def node_major(node: str) -> int:
    version = subprocess.run([node, "--version"], capture_output=True, text=True, check=True)
    return int(version.stdout.strip().lstrip("v").split(".")[0])


def node_platform() -> str:
    """The npm registry's name for this machine's Node build (linux-x64, linux-arm64...)."""
    machine = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64"}.get(
        platform.machine().lower(), platform.machine().lower()
    )
    return f"{sys.platform}-{machine}"


def screen_flags(width: int | None) -> list[str]:
    """Lighthouse's mobile preset at its own 412 px (None), or the page drawn ``width``
    pixels wide: a phone's width with the mobile preset's slow network and CPU, and from
    1,000 px the desktop preset (an office PC on a wired network)."""
    if width is None:
        return []
    if width >= 1000:
        return ["--preset=desktop", f"--screenEmulation.width={width}"]
    return [
        f"--screenEmulation.width={width}",
        f"--screenEmulation.height={round(width * 16 / 9)}",
        "--screenEmulation.deviceScaleFactor=2",
    ]


def run_lighthouse(
    lighthouse: Sequence[str], url: str, out: Path, width: int | None = None
) -> Measure:
    env = dict(os.environ, CHROME_PATH=CHROME)
    command = [
        *lighthouse,
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        *screen_flags(width),
    ]
    subprocess.run(command, env=env, check=True, timeout=300)
    return read_report(json.loads(out.read_text(encoding="utf-8")))


def read_report(report: dict[str, Any]) -> Measure:
    audits = report["audits"]
    if report.get("runtimeError"):
        where = report.get("finalDisplayedUrl", "a page")
        raise SystemExit(f"Lighthouse failed on {where}: {report['runtimeError']}")
    lost = []
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            score = audits[ref["id"]]["score"]
            if ref["weight"] and score is not None and score < 1:
                lost.append(f"{name}:{ref['id']}={score:.2f}")
    return Measure(
        scores={name: report["categories"][name]["score"] for name in CATEGORIES},
        fcp_ms=audits["first-contentful-paint"]["numericValue"],
        lcp_ms=audits["largest-contentful-paint"]["numericValue"],
        tbt_ms=audits["total-blocking-time"]["numericValue"],
        cls=audits["cumulative-layout-shift"]["numericValue"],
        bytes=audits["total-byte-weight"]["numericValue"],
        lost=lost,
    )


def median(measures: Sequence[Measure]) -> Measure:
    """The median of each figure; an audit counts as lost when its median score is below 1."""
    scores: dict[str, list[float]] = {}
    for m in measures:
        for item in m.lost:
            name, score = item.rsplit("=", 1)
            scores.setdefault(name, []).append(float(score))
    lost = []
    for name, found in sorted(scores.items()):
        middle = statistics.median(found + [1.0] * (len(measures) - len(found)))
        if middle < 1:
            lost.append(f"{name}={middle:.2f}")
    return Measure(
        scores={n: statistics.median(m.scores[n] for m in measures) for n in CATEGORIES},
        fcp_ms=statistics.median(m.fcp_ms for m in measures),
        lcp_ms=statistics.median(m.lcp_ms for m in measures),
        tbt_ms=statistics.median(m.tbt_ms for m in measures),
        cls=statistics.median(m.cls for m in measures),
        bytes=statistics.median(m.bytes for m in measures),
        lost=lost,
    )


# ---------- the sites ----------


def write_example_project(root: Path) -> Path:
    """The repository's own project: content, overrides, mkdocs.yml and its data files."""
    root.mkdir(parents=True, exist_ok=True)
    for folder in ("content", "overrides"):
        shutil.rmtree(root / folder, ignore_errors=True)
        shutil.copytree(REPO / folder, root / folder)
    for item in REPO.iterdir():
        if item.suffix in (".yaml", ".yml", ".csv"):
            shutil.copy(item, root / item.name)
    return root


def build_academy(name: str, work: Path) -> Path:
    project = work / f"academy-{name}"
    if name == "example":
        write_example_project(project)
    else:
        write_project(project, int(name))
    site = project / "site"
    run = build_once(project, site)
    print(f"built {name}: {run.seconds:.1f} s", flush=True)
    return project


def build_bare(work: Path) -> Path:
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    project = write_baseline(work / "bare", config, pages=2, characters=BARE_TEXT_CHARACTERS)
    build_once(project, project / "site")
    return project


def url_of(src_uri: str) -> str:
    url = page_url(src_uri, True)
    return "" if url == "./" else url


def first_calendar_month(site: Path) -> str:
    """The month page with the most sittings listed (the heaviest calendar page)."""
    months = sorted(p.parent for p in (site / "calendar").glob("*/index.html"))
    if not months:
        raise SystemExit(f"{site} has no calendar month page")

    def sittings(month: Path) -> int:
        return (month / "index.html").read_text("utf-8").count("data-qisite-occurrence=")

    heaviest = max(months, key=sittings)
    return f"calendar/{heaviest.name}/"


def page_targets(name: str, project: Path) -> list[Target]:
    curriculum = load_inputs(project / "curriculum.yaml").require().curriculum
    audience = max(
        curriculum.audiences,
        key=lambda a: sum(a.id in m.audiences for m in curriculum.modules),
    )
    module = curriculum.modules[0]
    kinds = {
        "home": url_of(paths.HOME),
        "pathway": url_of(paths.pathway(audience.id)),
        "module": url_of(paths.module(module.id)),
        "month": first_calendar_month(project / "site"),
        "matrix": url_of(paths.MATRIX),
        "capacity": url_of(paths.CAPACITY),
        "my-learning": url_of(paths.MY_LEARNING),
    }
    return [Target(name, kind, f"{name}/{SUB_PATH}/{url}") for kind, url in kinds.items()]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")


class _GzipHandler(_QuietHandler):
    """Text sent gzipped to a browser that accepts it, as GitHub Pages, IIS (static
    compression is on by default) and Debian's Apache and nginx send HTML."""

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        kind = self.guess_type(str(path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and accepts and kind.startswith(COMPRESSED_TYPES)):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve(root: Path, compress: bool = False) -> Iterator[str]:
    handler_class = _GzipHandler if compress else _QuietHandler
    handler = functools.partial(handler_class, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def publish(root: Path, name: str, site: Path) -> None:
    """Put a built site at ``root/<name>/portal/`` (a symbolic link: nothing copied)."""
    (root / name).mkdir(parents=True, exist_ok=True)
    (root / name / SUB_PATH).symlink_to(site, target_is_directory=True)


# ---------- the table ----------


def table(results: dict[Target, Measure], bare: Measure) -> list[str]:
    lines = [
        f"{'academy':<8} {'page':<12} {'perf':>5} {'a11y':>5} {'bp':>5} {'FCP ms':>7} "
        f"{'LCP ms':>7} {'TBT ms':>7} {'CLS':>6} {'KiB':>6} {'FCP x':>6} {'bytes x':>7}"
    ]

    def row(academy: str, kind: str, m: Measure) -> str:
        return (
            f"{academy:<8} {kind:<12} {m.scores['performance']:>5.2f} "
            f"{m.scores['accessibility']:>5.2f} {m.scores['best-practices']:>5.2f} "
            f"{m.fcp_ms:>7.0f} {m.lcp_ms:>7.0f} {m.tbt_ms:>7.0f} {m.cls:>6.3f} "
            f"{m.bytes / 1024:>6.0f} {m.fcp_ms / bare.fcp_ms:>6.2f} {m.bytes / bare.bytes:>7.2f}"
        )

    for target, measure in results.items():
        lines.append(row(target.academy, target.kind, measure))
    lines.append(row("bare", "home", bare))
    return lines


def worst_line(results: dict[Target, Measure], bare: Measure) -> str:
    measures = list(results.values())
    return (
        "worst: "
        + " ".join(f"{n}={min(m.scores[n] for m in measures):.2f}" for n in CATEGORIES)
        + f" cls={max(m.cls for m in measures):.3f}"
        + f" fcp-ratio={max(m.fcp_ms for m in measures) / bare.fcp_ms:.2f}"
        + f" bytes-ratio={max(m.bytes for m in measures) / bare.bytes:.2f}"
    )


def parse_academies(text: str) -> list[str]:
    names = [part.strip() for part in text.split(",") if part.strip()]
    for name in names:
        if name != "example" and not (name.isdigit() and int(name) > 0):
            raise argparse.ArgumentTypeError(f"{name!r}: give 'example' or a number of modules")
    if not names:
        raise argparse.ArgumentTypeError("name at least one academy")
    return names


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--academies",
        type=parse_academies,
        default=["example"],
        help="'example' and/or numbers of modules for synthetic academies, comma-separated"
        " (default: example)",
    )
    parser.add_argument(
        "--runs", type=int, default=3, help="Lighthouse runs per page (median; default 3)"
    )
    parser.add_argument("--details", action="store_true", help="list the audits that lost points")
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path.home() / ".cache" / "qisite",
        help="where Lighthouse is installed (default ~/.cache/qisite)",
    )
    parser.add_argument("--keep", type=Path, default=None, help="keep the sites and reports here")
    parser.add_argument(
        "--width",
        type=int,
        default=None,
        help="draw pages this many pixels wide (e.g. 320, 375; 1280 uses the desktop "
        "preset); default: the mobile preset's own width",
    )
    parser.add_argument(
        "--compress",
        action="store_true",
        help="serve text gzipped, as GitHub Pages, IIS, Apache and nginx do (default: plain)",
    )
    args = parser.parse_args(argv)
    if not Path(CHROME).exists():
        raise SystemExit(f"{CHROME} is missing: apt-get install chromium")
    lighthouse = lighthouse_command(args.cache)
    work = args.keep or Path(tempfile.mkdtemp(prefix="qisite-lighthouse-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        served = work / "served"
        shutil.rmtree(served, ignore_errors=True)
        targets: list[Target] = []
        for name in args.academies:
            project = build_academy(name, work)
            publish(served, name, project / "site")
            targets.extend(page_targets(name, project))
        publish(served, "bare", build_bare(work) / "site")
        bare_target = Target("bare", "home", f"bare/{SUB_PATH}/")
        runs: dict[Target, list[Measure]] = {t: [] for t in [*targets, bare_target]}
        reports = work / "reports"
        reports.mkdir(exist_ok=True)
        with serve(served, compress=args.compress) as base:
            for round_ in range(max(1, args.runs)):
                for target in runs:
                    out = reports / f"{target.academy}-{target.kind}-{round_}.json"
                    measure = run_lighthouse(lighthouse, base + target.url, out, args.width)
                    runs[target].append(measure)
                print(f"round {round_ + 1} of {args.runs}: {len(runs)} pages measured", flush=True)
        medians = {t: median(m) for t, m in runs.items()}
        bare = medians.pop(bare_target)
        served_as = "gzipped" if args.compress else "plain (no compression)"
        preset = "mobile preset" if args.width is None or args.width < 1000 else "desktop preset"
        drawn = f", {args.width} px wide" if args.width else ""
        print(
            f"Lighthouse {LIGHTHOUSE_VERSION}, {preset}{drawn}, median of {args.runs} run(s), "
            f"served {served_as}"
        )
        for line in table(medians, bare):
            print(line)
        if args.details:
            for target, measure in [*medians.items(), (bare_target, bare)]:
                if measure.lost:
                    print(f"{target.academy} {target.kind}: {' '.join(measure.lost)}")
        print(worst_line(medians, bare))
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
