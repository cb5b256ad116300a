"""qisite report: the capacity figures in the terminal, the same as the capacity page."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from fractions import Fraction

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
    yield from coaching_lines(report)
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


def _teams(value: Fraction) -> str:
    return f"{float(value):g}"


def coaching_lines(report: CapacityReport) -> Iterator[str]:
    """The coach rule of thumb applied to the listed coaches and projects."""
    coaching = report.coaching
    if not coaching.loads and not coaching.active:
        return
    yield (
        "Coaches and teams (rule of thumb: 3 to 4 teams a coach at 20-25% protected time, "
        "in proportion outside it; a team is a project not closed)"
    )
    for load in coaching.loads:
        verdict = "OVER" if load.over else ("room for more" if load.spare else "within")
        yield (
            f"  {load.coach.name} [{load.coach.id}]: {load.teams} team"
            f"{'s' * (load.teams != 1)} at {load.coach.protected_time:g}% protected time; "
            f"rule of thumb {_teams(load.supports.low)} to {_teams(load.supports.high)}: "
            f"{verdict}"
        )
    yield (
        f"  all coaches: {coaching.coached} teams; rule of thumb "
        f"{_teams(coaching.supports.low)} to {_teams(coaching.supports.high)}"
    )
    uncoached = ", ".join(p.id for p in coaching.uncoached) or "none"
    yield f"  projects under way: {coaching.active}; without a coach: {uncoached}"
    if report.stages.counts:
        latest = report.stages.counts[-1]
        stages = ", ".join(f"{stage.value} {count}" for stage, count in latest.counts.items())
        yield f"  projects by stage at {latest.day.isoformat()}: {stages}"
    yield ""
