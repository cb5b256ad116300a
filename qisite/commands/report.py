"""qisite report: the capacity figures in the terminal, the same as the capacity page."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator

from qisite.capacity import wording
from qisite.capacity.report import CapacityReport, report_for
from qisite.i18n import Words
from qisite.inputs import load_inputs
from qisite.inputs.translations import words_for

NAME = "report"
HELP = "print rules of thumb, targets, places offered against needed, and progress to date"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", default="curriculum.yaml", help="curriculum file")


def run(args: argparse.Namespace) -> int:
    result = load_inputs(args.path)
    if not result.ok:
        for problem in result.errors:
            print(problem, file=sys.stderr)
        print(f"{args.path}: not valid, so no report", file=sys.stderr)
        return 1
    report = report_for(result.require())
    # The terminal speaks English, as every command does for now; the figures' words
    # (verdicts, rules) are the catalogue's, the same as on the capacity page.
    print("\n".join(report_lines(report, words_for())))
    return 0


def report_lines(report: CapacityReport, words: Words) -> Iterator[str]:
    yield f"Rules of thumb for {report.headcount:,} staff (a first estimate: no single formula)"
    for row in report.rules:
        r = row.recommendation
        plan = "plan: no target set" if row.comparable else "plan: not compared"
        if row.declared_figure:
            plan = f"plan: {wording.figure(words, row.declared_figure)}"
        yield (
            f"  {wording.role(words, r)}: {wording.figure(words, r.figure)} "
            f"{wording.unit(words, r)}; {plan}"
        )
        yield f"    rule: {wording.rule(words, r)}"
    yield ""
    if not report.lines:
        yield "No targets are set: add a 'targets:' section to curriculum.yaml."
        return
    yield "Targets and places"
    for line in report.lines:
        t = line.planned
        module = t.module.id if t.module else "no module"
        share = f" ({t.target.share:g}% of {t.group_size:,})" if t.target.share else ""
        since = f" by {line.as_of.isoformat()}" if line.as_of else ""
        yield f"  {t.title} [{t.audience.id}]: {t.people:,}{share} by {t.by.isoformat()}"
        yield f"    trained so far: {line.trained:,}{since} (module {module})"
        shared = f" ({line.offered.shared:,} shared)" if line.offered.shared else ""
        yield (
            f"    still needed: {line.still_needed:,}; "
            f"places offered: {wording.places(words, line.offered)} "
            f"in {line.offered.sessions} session{'s' * (line.offered.sessions != 1)}{shared}"
        )
        yield f"    result: {wording.verdict(words, line)}"
        for m in line.milestones:
            offered = wording.places(words, m.offered)
            places = "date passed" if m.passed else f"places offered: {offered}"
            yield (
                f"    milestone {wording.milestone_label(words, m)}: {m.people:,} by "
                f"{m.by.isoformat()}; still needed {m.still_needed:,}; {places}; "
                f"{wording.verdict(words, m)}"
            )
    yield ""
    yield "Progress to date (people trained so far)"
    for progress in report.progress:
        t = progress.planned
        if not progress.series:
            yield f"  {t.title}: no counts yet"
            continue
        centre = progress.chart.median
        median = words.decimal(centre.value, grouped=True) if centre else "-"
        yield f"  {t.title}: median {median}, target {t.people:,}"
        for day, total in progress.series:
            yield f"    {day.isoformat()}  {total:>8,}"
