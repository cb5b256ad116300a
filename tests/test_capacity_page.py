"""The capacity and progress page, built from a fixture academy with hand-worked figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from qisite.inputs import inputs_of
from qisite.model import Curriculum
from qisite.site import capacity, paths
from qisite.site.context import SiteContext
from qisite.yaml_source import parse_yaml
from tests.browser import axe_violations, describe, serve
from tests.capacity_fixture import CURRICULUM, PROGRESS
from tests.pagechecks import chart_points, url_of
from tests.sitebuild import BuiltSite, build_site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_site(
        tmp_path_factory.mktemp("capacity"),
        curriculum=CURRICULUM,
        extra_files={"progress.csv": PROGRESS},
        strict=True,
    )


def cells(row) -> list[str]:
    return [c.get_text(" ", strip=True) for c in row.find_all(["th", "td"])]


def progress_page(site: BuiltSite, audience_id: str):
    return site.content(url_of(paths.target_progress(audience_id)))


def test_each_group_with_counts_has_a_chart_page_followed_by_its_data_table(
    site: BuiltSite,
) -> None:
    listed = site.content("capacity/").select("[data-qisite-target]")
    assert [item["data-qisite-target"] for item in listed] == ["all-staff", "coaches", "board"]
    for item in listed[:2]:
        audience = str(item["data-qisite-target"])
        link = item.find("a")
        assert link["href"] == f"progress/{audience}/"
        chart = progress_page(site, audience).select_one(f'[data-qisite-chart="{audience}"]')
        svg = chart.find("svg")
        assert svg["role"] == "img"
        ids = svg["aria-labelledby"].split()
        assert svg.find("title")["id"] == ids[0] and svg.find("desc")["id"] == ids[1]
        table = svg.find_next("table")
        assert table is not None and table.find_parent("section") is chart
        assert table is not None and table.caption.get_text(strip=True)
        assert table.select("thead th[scope=col]") and table.select("tbody th[scope=row]")
        rows = table.select("tbody tr")
        assert len(chart_points(svg)) == len(rows)
        # The capacity page names how many counts there are and the latest of them.
        latest = rows[-1].find_all(["th", "td"])
        said = item.get_text()
        assert f"{len(rows)} count" in said
        assert f"{latest[1].get_text()} trained by {latest[0].get_text()}" in said
        assert svg.select_one(".qisite-chart-target")["stroke-dasharray"]
        assert svg.select_one(".qisite-chart-median")["stroke-dasharray"]
    # The board has no counts yet: no page to link, a sentence instead.
    assert listed[2].find("a") is None
    assert "no progress has been counted" in listed[2].get_text()
    assert not (site.site_dir / "capacity" / "progress" / "board").exists()


def test_all_staff_run_chart_points_and_median(site: BuiltSite) -> None:
    chart = progress_page(site, "all-staff").select_one('[data-qisite-chart="all-staff"]')
    # 100; 100 + 50; + 150; + 25 (a module-only row for 'intro', the module that counts)
    rows = [cells(r) for r in chart.select("table tbody tr")]
    assert rows == [
        ["30 April 2026", "100"],
        ["31 May 2026", "150"],
        ["30 June 2026", "300"],
        ["31 July 2026", "325"],
    ]
    # Each point stands as high above the axis as its count: heights in the counts' ratio.
    axis = float(chart.select(".qisite-chart-axes line")[1]["y1"])  # the second axis is the x axis
    points = chart_points(chart.find("svg"))
    heights = [axis - y for _, y in points]
    counts = [100, 150, 300, 325]
    # (coordinates are written to a tenth of a pixel)
    assert [h / heights[0] for h in heights] == pytest.approx([c / 100 for c in counts], abs=0.02)
    xs = [x for x, _ in points]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    labels = [t.get_text(strip=True) for t in chart.select("svg text")]
    assert "Median 225" in labels  # (150 + 300) / 2
    assert "Target 1,200" in labels  # 30% of 4,000


def test_capacity_check_table(site: BuiltSite) -> None:
    table = site.content("capacity/").select_one("table[data-qisite-table=capacity-check]")
    rows = {
        r["data-qisite-capacity-target"]: r for r in table.select("tr[data-qisite-capacity-target]")
    }
    coaches = cells(rows["coaches"])
    # 40 to train; 10 trained by 31 Oct 2026; 30 needed; Feb and Sep sessions give 24 places
    # (the March repeat and May are cancelled, June 2028 is after the deadline, Sep 2026 is
    # before the last count, the March 2027 session is for the board only).
    assert coaches[3:] == ["10 by 31 October 2026", "30", "24 in 2 sessions", "Short by 6 places"]
    assert rows["coaches"].select_one("[data-qisite-verdict]")["data-qisite-verdict"] == "short"
    wave_1, wave_2 = (
        cells(r) for r in table.select('tr[data-qisite-capacity-milestone="coaches"]')
    )
    # Wave 1 (5 by 30 Sep 2026) is behind the last count: 4 were trained by then.
    assert wave_1 == [
        "Quality coaches: End of wave 1",
        "5 by 30 September 2026",
        "Coaching improvement teams",
        "4 by 30 September 2026",
        "1",
        "date passed",
        "Missed by 1 person",
    ]
    # Wave 2 (25 by 30 Jun 2027): 10 trained, 15 needed, only February's 12 places in time.
    assert wave_2[3:] == ["10 by 31 October 2026", "15", "12 in 1 session", "Short by 3 places"]
    # The board's cohort has three dated parts but offers its 15 places once.
    board = cells(rows["board"])
    assert board[1] == "12 (100% of 12) by 30 June 2027"
    assert board[4:] == ["12", "15 in 1 session", "On track"]
    everyone = cells(rows["all-staff"])
    assert everyone[4:] == ["875", "no limit in 1 session", "On track"]


def test_rules_of_thumb_beside_declared_targets(site: BuiltSite) -> None:
    page = site.content("capacity/")
    assert "rules of thumb, not targets" in page.get_text()
    assert "no single formula" in page.get_text()
    rows = {
        r["data-qisite-rule"]: cells(r)
        for r in page.select("table[data-qisite-table=rules] tbody tr")
    }
    assert rows["internal-experts"][1:3] == ["15 to 20 people", "no target set"]
    assert rows["quality-coaches"][1:3] == [
        "150 to 200 people over 5 years",
        "40 (Quality coaches)",
    ]
    assert rows["quality-coaches-per-year"][1:3] == ["30 to 40 people a year", "not compared"]
    # 40 declared coaches x 3 to x 4.
    assert rows["teams-supported"][1:3] == ["450 to 800 teams", "120 to 160 (Quality coaches)"]
    assert all(row[3] for row in rows.values())


def test_organiser_text_is_escaped(tmp_path: Path) -> None:
    text = CURRICULUM.replace('label: "Tier 1: introduction"', 'label: "<b>Tier 1</b>"')
    built = build_site(tmp_path, curriculum=text, extra_files={"progress.csv": PROGRESS})
    page = built.content("capacity/")
    assert page.find("b", string="Tier 1") is None
    assert "<b>Tier 1</b>" in page.select_one("[data-qisite-target=all-staff] a").get_text()
    chart_page = built.html(url_of(paths.target_progress("all-staff")))
    assert chart_page.find("b", string="Tier 1") is None
    assert "<b>Tier 1</b>" in chart_page.select_one("article h1").get_text()
    assert "<b>Tier 1</b>" in chart_page.title.get_text()


def test_the_page_is_in_the_navigation(site: BuiltSite) -> None:
    nav = site.html("").select("nav a")
    assert "Capacity and progress" in {a.get_text(strip=True) for a in nav}


@pytest.mark.browser
def test_capacity_page_in_a_browser(site: BuiltSite, page) -> None:
    with serve(site.site_dir) as url:
        page.goto(url + "capacity/")
        violations = axe_violations(page)
        assert violations == [], describe(violations)
        assert page.outside_requests == []
        for audience in ("all-staff", "coaches"):
            page.goto(url + "capacity/")
            with page.expect_navigation():
                page.locator(f"[data-qisite-target={audience}] a").click()
            assert page.url == f"{url}capacity/progress/{audience}/"
            chart = page.locator("[data-qisite-chart] svg[role=img]")
            assert chart.count() == 1 and chart.is_visible()
            box = chart.bounding_box()
            assert box is not None and box["width"] > 200 and box["height"] > 80
            assert chart.locator("xpath=following::table[1]/caption").count() == 1
            violations = axe_violations(page)
            assert violations == [], describe(violations)
            assert page.outside_requests == []


@pytest.mark.browser
def test_shipped_example_capacity_page_in_a_browser(
    page, example_site: BuiltSite, example_url
) -> None:
    listed = example_site.content("capacity/").select("[data-qisite-target] a")
    assert listed, "the example academy ships progress counts, so it has charts"
    for link in listed:
        content = example_site.content("capacity/" + str(link["href"]))
        (svg,) = content.select("[data-qisite-chart] svg[role=img]")
        table = svg.find_next("table")
        assert table.caption and table.find_parent("section") is svg.find_parent("section")
    page.goto(example_url + "capacity/")
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    assert page.outside_requests == []


def test_without_targets_the_page_still_gives_the_rules_of_thumb(tmp_path: Path) -> None:
    data = parse_yaml(CURRICULUM, "curriculum.yaml").data
    del data["targets"], data["progress_files"]
    data["academy"]["headcount"] = 12000
    (output,) = capacity.produce(SiteContext(inputs_of(Curriculum.model_validate(data))))
    page = BeautifulSoup(output.content, "html.parser")
    rules = {r["data-qisite-rule"]: cells(r) for r in page.select("[data-qisite-rule]")}
    assert rules["internal-experts"][1:3] == ["45 to 60 people", "no target set"]
    assert rules["quality-coaches"][1] == "450 to 600 people over 5 years"
    assert page.select("[data-qisite-chart]") == []
    assert "sets no targets yet" in page.get_text()


def test_a_build_reads_the_progress_files_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page shows the counts validation checked, not a second reading of the files."""
    from tests.session_fixtures import count_reads

    reads = count_reads(monkeypatch)
    built = build_site(tmp_path, curriculum=CURRICULUM, extra_files={"progress.csv": PROGRESS})

    assert reads.count("progress.csv") == 1
    page = built.html(url_of(paths.target_progress("all-staff")))
    assert page.select("[data-qisite-chart]")  # the counts still reach the run charts
