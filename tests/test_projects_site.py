"""Projects, coaching and network pages in real builds: every project reaches its page and
the pages of its modules and coach; filters are pages; loads match a hand count; an NHS
number in a project stops the build at its line; axe finds nothing on the new pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.exceptions import Abort, PluginError

from qisite.model import Curriculum, Stage
from qisite.site import paths
from tests.browser import axe_violations, describe
from tests.pagechecks import chart_points, curriculum_of, url_of
from tests.sitebuild import REPO, BuiltSite, build_site

VALID = (REPO / "tests" / "minimal_valid.yaml").read_text(encoding="utf-8")

SMALL = VALID + """coaches:
  - id: ana
    name: Ana Silva
    role: Improvement advisor
    contact: mailto:ana.silva@test.example.nhs.uk
    protected_time: 20
  - id: ben
    name: Ben Cole
    role: Ward manager
    contact: https://test.example.nhs.uk/staff/ben-cole
    protected_time: 10
projects:
""" + "".join(
    f"""  - id: {pid}
    title: Project {pid}
    aim: Improve {pid} by a quarter
    area: {area}
    modules: [qi-basics]
    stage: {stage}
    start: 2026-01-05{coach}
"""
    for pid, area, stage, coach in [
        ("a1", "Medicine", "idea", "\n    coach: ana"),
        ("a2", "Medicine", "idea", "\n    coach: ana"),
        ("a3", "Surgery", "idea", "\n    coach: ana"),
        ("a-old", "Surgery", "closed", "\n    coach: ana\n    stage_dates: {closed: 2026-06-30}"),
        ("b1", "Surgery", "idea", "\n    coach: ben"),
        ("b2", "Surgery", "idea", "\n    coach: ben"),
        ("b3", "Medicine", "idea", "\n    coach: ben"),
        ("nobody", "Medicine", "idea", ""),
    ]
)
"""Hand count: ana 3 teams (a-old is closed) at 20%: 3 to 4, within; ben 3 teams at 10%:
1.5 to 2, over; one project under way without a coach; 7 coached of 8 under way."""


def hrefs(article: Any) -> set[str]:
    return {str(a["href"]) for a in article.select("a[href]")}


def resolve(page_url: str, href: str) -> str:
    """A relative link from a page (directory URLs) as a site path."""
    parts = [p for p in page_url.split("/") if p]
    for piece in href.split("#")[0].split("/"):
        if piece == "..":
            parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts) + ("/" if href.split("#")[0].endswith("/") else "")


def links_from(site: BuiltSite, src_uri: str) -> set[str]:
    page = url_of(src_uri)
    return {resolve(page, h) for h in hrefs(site.content(page)) if "://" not in h and ":" not in h}


def test_example_has_a_dozen_projects_and_a_few_coaches(example_site: BuiltSite) -> None:
    curriculum = curriculum_of(example_site)
    assert len(curriculum.projects) >= 12
    assert 3 <= len(curriculum.coaches) <= 6
    assert curriculum.network is not None and curriculum.network.channels


def test_every_project_reaches_its_page_modules_and_coach(example_site: BuiltSite) -> None:
    curriculum = curriculum_of(example_site)
    from_index = links_from(example_site, paths.PROJECTS_INDEX)
    for project in curriculum.projects:
        page = url_of(paths.project(project.id))
        assert page in from_index, f"{project.id} is not linked from the projects index"
        article = example_site.content(page)
        assert article.select_one(f'[data-qisite-project-page="{project.id}"]')
        assert project.aim in article.get_text()
        links = links_from(example_site, paths.project(project.id))
        for module_id in project.modules:
            assert url_of(paths.module(module_id)) in links
            module_page = links_from(example_site, paths.module(module_id))
            assert page in module_page, f"module {module_id} does not show {project.id} in use"
        if project.coach:
            coach_page = url_of(paths.coach(project.coach))
            assert coach_page in links
            listed = links_from(example_site, paths.coach(project.coach))
            assert (page in listed) == (project.stage is not Stage.CLOSED)


def _expected_filters(curriculum: Curriculum) -> dict[str, dict[str, set[str]]]:
    """Each filter page's projects, worked out from the curriculum without qisite's views."""
    expected: dict[str, dict[str, set[str]]] = {"stage": {}, "audience": {}, "module": {}}
    for p in curriculum.projects:
        expected["stage"].setdefault(p.stage.value, set()).add(p.id)
        for a in p.audiences:
            expected["audience"].setdefault(a, set()).add(p.id)
        for m in p.modules:
            expected["module"].setdefault(m, set()).add(p.id)
    return expected


def test_filter_pages_work_without_scripts(example_site: BuiltSite) -> None:
    curriculum = curriculum_of(example_site)
    index = example_site.content(url_of(paths.PROJECTS_INDEX))
    assert index.select_one("script") is None
    for facet, values in _expected_filters(curriculum).items():
        for key, project_ids in values.items():
            article = example_site.content(url_of(paths.project_filter(facet, key)))
            cards = article.select("[data-qisite-project]")
            shown = {str(li["data-qisite-project"]) for li in cards}
            assert shown == project_ids, f"{facet}={key}"
            current = article.select('a[aria-current="page"]')
            assert len(current) == 1
    medicine = example_site.content(url_of(paths.project_filter("area", "medicine")))
    shown = {str(li["data-qisite-project"]) for li in medicine.select("[data-qisite-project]")}
    assert shown == {p.id for p in curriculum.projects if p.area == "Medicine"}


def test_pathways_with_learning_by_doing_offer_projects(example_site: BuiltSite) -> None:
    curriculum = curriculum_of(example_site)
    for audience in curriculum.audiences:
        mine = [m for m in curriculum.modules if audience.id in m.audiences]
        doing = any("learning-by-doing" in m.formats for m in mine)
        article = example_site.content(url_of(paths.pathway(audience.id)))
        section = article.select_one("#qisite-join-a-project")
        assert (section is not None) == doing, audience.id
        if doing:
            open_to = {
                p.id for p in curriculum.projects
                if p.welcomes_members and p.stage is not Stage.CLOSED
                and (not p.audiences or audience.id in p.audiences)
            }
            cards = article.select("[data-qisite-project]")
            listed = {str(li["data-qisite-project"]) for li in cards}
            assert listed == open_to


def test_network_page_lists_its_sessions_and_channels(example_site: BuiltSite) -> None:
    curriculum = curriculum_of(example_site)
    assert curriculum.network is not None
    article = example_site.content(url_of(paths.NETWORK))
    sittings = article.select("[data-qisite-occurrence]")
    assert sittings
    assert all("qi-network-meetup" in str(s["data-qisite-occurrence"]) for s in sittings)
    for channel in curriculum.network.channels:
        assert article.select_one(f'a[href="{channel.url}"]') is not None
    nav = {a.get_text(strip=True) for a in example_site.html("").select("nav a")}
    assert {"Improvement projects", "Coaching", "Network"} <= nav
    assert not any(p.title in nav for p in curriculum.projects)


def test_privacy_page_says_why_coaches_are_listed(example_site: BuiltSite) -> None:
    text = example_site.content("privacy/").get_text(" ")
    assert "only because the academy's organisers list them" in text


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_site(tmp_path_factory.mktemp("small"), curriculum=SMALL)


def test_coach_loads_match_a_hand_count(small: BuiltSite) -> None:
    article = small.content(url_of(paths.COACHING))
    rows = {
        str(r["data-qisite-coach-load"]): r for r in article.select("[data-qisite-coach-load]")
    }
    assert {k: int(r["data-qisite-teams"]) for k, r in rows.items()} == {"ana": 3, "ben": 3}
    assert rows["ben"].has_attr("data-qisite-over") and not rows["ana"].has_attr(
        "data-qisite-over"
    )
    assert "3 to 4 teams" in rows["ana"].get_text(" ")
    assert "1.5 to 2 teams" in rows["ben"].get_text(" ")
    for page in (article, small.content("capacity/")):
        assert page.select_one("[data-qisite-coached]")["data-qisite-coached"] == "6"
        assert page.select_one("[data-qisite-uncoached]")["data-qisite-uncoached"] == "1"
    # The capacity page gives the figures for all the coaches and links to each one's load.
    summary = small.content("capacity/").select_one("[data-qisite-coaching-summary]")
    facts = [d.get_text(strip=True) for d in summary.find_all("dd")]
    assert facts == ["2", "6", "4.5 to 6 teams", "1", "7", "1"]  # 3 to 4 + 1.5 to 2
    assert not small.content("capacity/").select("[data-qisite-coach-load]")
    assert url_of(paths.COACHING) in links_from(small, paths.CAPACITY)
    warnings = " ".join(small.warnings())
    assert "coach 'ben' supports 3 teams" in warnings
    assert "project 'nobody' is 'idea' and has no coach" in warnings
    assert "coach 'ana'" not in warnings


def stage_rows(table: Any) -> list[list[str]]:
    return [[c.get_text(strip=True) for c in r.select("th, td")] for r in table.select("tbody tr")]


def test_projects_by_stage_on_the_capacity_page_and_its_own(small: BuiltSite) -> None:
    capacity = small.content("capacity/")
    assert capacity.select_one('[data-qisite-table="projects-by-stage"]') is None
    assert url_of(paths.PROJECTS_BY_STAGE) in links_from(small, paths.CAPACITY)
    # January to June 2026: all eight at idea; a-old closes on 30 June. Six months do not
    # reach back a year, so the capacity page gives the latest month alone.
    summary = capacity.select_one('[data-qisite-table="stage-summary"]')
    assert stage_rows(summary) == [["30 June 2026", "7", "0", "0", "0", "1"]]
    page = small.content(url_of(paths.PROJECTS_BY_STAGE))
    rows = stage_rows(page.select_one('[data-qisite-table="projects-by-stage"]'))
    assert rows[0] == ["31 January 2026", "8", "0", "0", "0", "0"]
    assert rows[-1] == ["30 June 2026", "7", "0", "0", "0", "1"]
    assert len(rows) == 6
    # A run chart for each stage any project was at: a point a month.
    charts = page.select("[data-qisite-chart]")
    assert [c["data-qisite-chart"] for c in charts] == ["stage-chart-idea", "stage-chart-closed"]
    for chart in charts:
        assert len(chart_points(chart.find("svg"))) == 6
    assert url_of(paths.CAPACITY) in links_from(small, paths.PROJECTS_BY_STAGE)


def test_example_capacity_page_sets_a_month_beside_the_year_before(
    example_site: BuiltSite,
) -> None:
    everything = stage_rows(
        example_site.content(url_of(paths.PROJECTS_BY_STAGE)).select_one(
            '[data-qisite-table="projects-by-stage"]'
        )
    )
    assert len(everything) > 13  # the example's projects go back more than a year
    summary = example_site.content("capacity/").select_one('[data-qisite-table="stage-summary"]')
    assert stage_rows(summary) == [everything[-13], everything[-1]]


def test_qisite_report_gives_the_same_loads(small: BuiltSite) -> None:
    from tests.clirun import run_cli

    done = run_cli("report", str(small.root / "curriculum.yaml"))
    assert "Ben Cole [ben]: 3 teams at 10% protected time; rule of thumb 1.5 to 2: OVER" in (
        done.stdout
    )
    assert "Ana Silva [ana]: 3 teams at 20% protected time; rule of thumb 3 to 4: within" in (
        done.stdout
    )
    assert "without a coach: nobody" in done.stdout


def test_nhs_number_in_a_project_note_stops_the_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    text = SMALL.replace(
        "    aim: Improve b2 by a quarter\n",
        "    aim: Improve b2 by a quarter\n    notes: Patient 943 476 5919 fell twice\n",
    )
    line = text.splitlines().index("    notes: Patient 943 476 5919 fell twice") + 1
    with pytest.raises((PluginError, Abort)) as stopped:
        build_site(tmp_path, curriculum=text)
    message = str(stopped.value) + caplog.text
    assert f"curriculum.yaml:{line}:12: error: projects[5].notes" in message
    assert "NHS number" in message and "5919" not in message
    assert not (tmp_path / "site" / "projects").exists()


def test_a_project_from_a_csv_gets_its_page(tmp_path: Path) -> None:
    text = SMALL + "project_files: [projects.csv]\n"
    csv_text = (
        "id;title;aim;area;modules;coach;stage;start;testing_changes_from\n"
        "letters;Clinic letters in a week;Send 95% of letters in 7 days;Outpatients;qi-basics;"
        "ana;testing-changes;01/09/2026;05/10/2026\n"
    )
    site = build_site(tmp_path, curriculum=text, extra_files={"projects.csv": csv_text})
    article = site.content(url_of(paths.project("letters")))
    assert "Send 95% of letters in 7 days" in article.get_text()
    assert url_of(paths.project("letters")) in links_from(site, paths.coach("ana"))
    assert url_of(paths.project("letters")) in links_from(site, paths.module("qi-basics"))
    rows = site.content(url_of(paths.COACHING)).select("[data-qisite-coach-load]")
    assert {str(r["data-qisite-coach-load"]): str(r["data-qisite-teams"]) for r in rows} == {
        "ana": "4", "ben": "3"
    }


def test_example_measure_chart_has_its_table(example_site: BuiltSite) -> None:
    curriculum = curriculum_of(example_site)
    measured = [p for p in curriculum.projects if p.measure and p.measure.points]
    assert measured
    for project in measured:
        article = example_site.content(url_of(paths.project(project.id)))
        svg = article.select_one("svg[role=img]")
        assert svg is not None
        assert len(chart_points(svg)) == len(project.measure.points)
        table = svg.find_next("table")
        assert table is not None and len(table.select("tbody tr")) == len(project.measure.points)


@pytest.mark.browser
@pytest.mark.parametrize(
    "src_uri",
    [
        paths.PROJECTS_INDEX,
        paths.project_filter("stage", "spreading"),
        paths.project("sepsis-screening-ed"),
        paths.COACHING,
        paths.coach("tom-reilly"),
        paths.NETWORK,
        paths.CAPACITY,
        paths.PROJECTS_BY_STAGE,
    ],
)
def test_new_pages_in_a_browser(page: Any, example_url: str, src_uri: str) -> None:
    page.goto(example_url + url_of(src_uri))
    assert page.locator("article h1").count() == 1
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    assert page.outside_requests == []


def test_yaml_of_small_fixture_is_what_the_hand_count_says() -> None:
    data = yaml.safe_load(SMALL)
    coaches = [p.get("coach") for p in data["projects"] if p["stage"] != "closed"]
    assert coaches.count("ana") == 3 and coaches.count("ben") == 3 and coaches.count(None) == 1
