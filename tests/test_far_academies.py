"""Academies unlike the example, built whole: Arabic read right to left in New Zealand time
(tests/fixtures/far-academy), and a one-audience clinic in Newfoundland time whose 23:30
sitting is the next day in UTC (tests/fixtures/small-academy).

Each is checked the way an outside tester would: a strict build with no warnings, every
link resolving, no placeholder or raw id on a page, the academy's own words where its
translation has them, feeds read by icalendar, dateutil and ical.js at the right local
times, month pages holding sittings by their local date, and axe on the main page kinds.
"""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from qisite.site import paths
from tests.academies import FIXTURES
from tests.browser import axe_violations, describe, serve
from tests.clirun import run_cli
from tests.engines import build_with
from tests.feed_readers import Expected, icaljs, mismatches, recurring, tzical, window
from tests.linkcheck import broken_links, html_pages
from tests.pagechecks import check_site, curriculum_of, url_of
from tests.sitebuild import REPO, BuiltSite, build_project, make_project

FAR, SMALL = "far-academy", "small-academy"
THEME_LANGUAGE = {FAR: "ar", SMALL: "en"}


def _project(root: Path, name: str) -> Path:
    """The fixture's curriculum (and its translation) in a copy of the example project,
    with Material's language set to the academy's, as the README tells organisers."""
    folder = FIXTURES / name
    theme = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["theme"]
    project = make_project(
        root,
        curriculum=(folder / "curriculum.yaml").read_text(encoding="utf-8"),
        config={"theme": {**theme, "language": THEME_LANGUAGE[name]}},
    )
    if (folder / "locale").is_dir():
        shutil.copytree(folder / "locale", project / "locale")
    return project


@pytest.fixture(scope="module", params=[FAR, SMALL])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    name = str(request.param)
    return build_project(_project(tmp_path_factory.mktemp(name), name), strict=True)


def _name(site: BuiltSite) -> str:
    return site.root.name.rstrip("0123456789")


def test_builds_strict_with_no_warning_and_every_structural_check(site: BuiltSite) -> None:
    assert site.warnings() == []
    check_site(site)


PLACEHOLDERS = ("undefined", "{{", "{%", "NaN", "[object Object]")


def _catalogue_words_with(text: str) -> list[str]:
    """English messages of the catalogue that hold ``text`` (the word 'None' is one)."""
    with (REPO / "qisite" / "locale" / "qisite.pot").open("rb") as source:
        catalogue = read_po(source)
    return [str(m.id) for m in catalogue if isinstance(m.id, str) and text in m.id]


def test_no_page_shows_a_placeholder_or_a_python_none(site: BuiltSite) -> None:
    none_words = [w.split("%")[0] for w in _catalogue_words_with("None")]
    for page in html_pages(site.site_dir):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for script in soup(["script", "style"]):
            script.decompose()
        text = soup.get_text(" ")
        for placeholder in PLACEHOLDERS:
            assert placeholder not in text, f"{page}: {placeholder!r}"
        for word in none_words:
            text = text.replace(word, "")
        assert not re.search(r"\bNone\b", text), f"{page}: 'None' shown"
        for tag in soup.find_all(True):
            for attribute, value in tag.attrs.items():
                shown = " ".join(value) if isinstance(value, list) else str(value)
                assert shown not in ("None", "undefined"), f"{page}: {tag.name} {attribute}"


def test_names_not_ids_are_shown_for_levels_domains_and_audiences(site: BuiltSite) -> None:
    """The fixtures' ids (l0, d-2, tamariki-ora...) are unlike their names: an id in a
    page's visible text is a name that went missing."""
    curriculum = curriculum_of(site)
    ids = [x.id for x in (*curriculum.dose_levels, *curriculum.domains, *curriculum.audiences)]
    pages = [paths.pathway(a.id) for a in curriculum.audiences]
    pages += [paths.module(m.id) for m in curriculum.modules]
    pages += [paths.MATRIX, paths.MODULES_INDEX]
    texts = {src: site.content(url_of(src)).get_text(" ") for src in pages}
    if _name(site) == FAR:  # its ids are no words of any language: every page, every file
        ids += [m.id for m in curriculum.modules] + [s.id for s in curriculum.sessions]
        for file in html_pages(site.site_dir):
            soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
            for hidden in soup(["script", "style"]):
                hidden.decompose()
            texts[str(file.relative_to(site.site_dir))] = soup.get_text(" ")
    for src, text in texts.items():
        for shown_id in ids:
            assert not re.search(rf"(?<![\w-]){re.escape(shown_id)}(?![\w-])", text), (
                f"{src}: id {shown_id!r} shown"
            )


def test_every_page_carries_the_academy_language_and_direction(site: BuiltSite) -> None:
    rtl = _name(site) == FAR
    for page in html_pages(site.site_dir):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        html = soup.find("html")
        assert html is not None and str(html.get("lang", "")).startswith(
            THEME_LANGUAGE[_name(site)]
        ), page
        body = soup.find("body")
        if body is not None and body.get("dir"):  # Material's pages; posters are plain
            assert body["dir"] == ("rtl" if rtl else "ltr"), page


def test_translated_words_replace_the_english_ones(site: BuiltSite) -> None:
    """The Arabic academy's headings are its file's words; en-CA reads the English file."""
    po = FIXTURES / FAR / "locale" / "ar" / "LC_MESSAGES" / "qisite.po"
    with po.open("rb") as source:
        translated = {str(m.id): str(m.string) for m in read_po(source) if m.id and m.string}
    if _name(site) == SMALL:
        translated = {english: english for english in translated}
    curriculum = curriculum_of(site)
    articles = [site.content(url_of(paths.module(m.id))) for m in curriculum.modules]
    articles += [site.content(url_of(paths.pathway(a.id))) for a in curriculum.audiences]
    headings = {
        h.get_text(" ", strip=True).rstrip("¶").strip()
        for article in articles
        for h in article.select("h2, h3, dt, th")
    }
    for english, shown in translated.items():
        if english != shown:
            assert english not in headings, f"{english!r} shown untranslated"
    assert {translated["Before you start"], translated["Sessions"]} <= headings


def _expected(site: BuiltSite) -> Expected:
    """Each sitting's UTC start and end, worked out here from local wall times."""
    local = {
        FAR: (
            "Pacific/Auckland",
            "akadimiya-auckland",
            {
                "intro-dawn": ("2027-03-01 07:30", 45),
                **{
                    f"charts-weekly-202704{d:02}T0900": (f"2027-04-{d:02} 09:00", 120)
                    for d in (1, 8, 15)
                },
                "charts-weekly-20270325T0900": ("2027-03-25 09:00", 120),
            },
        ),
        SMALL: (
            "America/St_Johns",
            "isle-circle",
            {
                "late-january": ("2027-01-31 23:30", 60),
                **{
                    f"weekly-march-202703{d:02}T2330": (f"2027-03-{d:02} 23:30", 30)
                    for d in (4, 11, 18)
                },
            },
        ),
    }[_name(site)]
    zone, feed_id, sittings = local
    expected: Expected = {}
    for slug, (wall, minutes) in sittings.items():
        start = datetime.strptime(wall, "%Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo(zone))
        end = start.timestamp() + minutes * 60
        expected[f"{slug}@{feed_id}"] = (
            start.astimezone(UTC),
            datetime.fromtimestamp(end, UTC),
        )
    return expected


def test_feeds_give_local_times_across_summer_time_in_three_readers(site: BuiltSite) -> None:
    expected = _expected(site)
    feed = site.site_dir / "feeds" / "all.ics"
    assert mismatches(recurring(feed, window(expected)), expected) == []
    assert mismatches(tzical(feed), expected) == []
    read = icaljs([feed], window(expected)[1])
    assert mismatches(read[feed], expected) == []


def test_a_sitting_is_on_the_month_page_of_its_local_date(site: BuiltSite) -> None:
    zone = curriculum_of(site).academy.timezone
    for uid, (start, _) in _expected(site).items():
        local = start.astimezone(ZoneInfo(zone))
        month = f"{local:%Y-%m}"
        page = site.html(url_of(paths.calendar_page(month)))
        item = page.select_one(f'[data-qisite-occurrence="{uid}"]')
        assert item is not None, f"{uid} not on {month}"
        assert item.select_one("time")["datetime"].startswith(f"{local:%Y-%m-%dT%H:%M}")
    # 23:30 on 31 January in St John's is February in UTC: it must not move there.
    if _name(site) == SMALL:
        february = site.site_dir / "calendar" / "2027-02"
        assert not february.exists() or "late-january@" not in (
            february / "index.html"
        ).read_text(encoding="utf-8")


def test_axe_passes_and_scripts_show_no_slip_on_the_main_pages(site: BuiltSite, page: Any) -> None:
    curriculum = curriculum_of(site)
    first = min(_expected(site).values())[0].astimezone(ZoneInfo(curriculum.academy.timezone))
    urls = [
        "",
        url_of(paths.pathway(curriculum.audiences[-1].id)),
        url_of(paths.module(curriculum.modules[-1].id)),
        url_of(paths.calendar_page(f"{first:%Y-%m}")),
        url_of(paths.WHATS_ON),
        url_of(paths.MY_LEARNING),
        url_of(paths.CALENDAR),
    ]
    with serve(site.site_dir) as root:
        for url in urls:
            page.goto(root + url)
            shown = page.evaluate("document.body.innerText")
            for slip in ("undefined", "NaN", "Invalid Date", "[object", "null"):
                assert slip not in shown, f"{url}: the page's scripts show {slip!r}"
            violations = axe_violations(page)
            assert not violations, f"{url}:\n{describe(violations)}"
            assert page.evaluate("document.documentElement.lang").startswith(
                THEME_LANGUAGE[_name(site)]
            )
    assert page.outside_requests == []


def test_the_small_academy_builds_with_zensical_too(tmp_path: Path) -> None:
    project = _project(tmp_path / "z", SMALL)
    build = build_with("zensical", project, through_qisite=True)
    assert build.ok, build.output
    assert build.warnings() == [], build.output
    assert broken_links(build.site_dir) == []
    month = (build.site_dir / "calendar" / "2027-01" / "index.html").read_text(encoding="utf-8")
    assert 'data-qisite-occurrence="late-january@isle-circle"' in month


def test_the_example_built_with_zensical_has_no_broken_link(tmp_path: Path) -> None:
    """Zensical rewrites a page's hrefs from its .md file: links made from the page's
    address climbed a level too many (1,790 broken in the example before)."""
    build = build_with("zensical", make_project(tmp_path / "example"), through_qisite=True)
    assert build.ok, build.output
    assert broken_links(build.site_dir) == []


def test_a_theme_language_unlike_the_academy_is_warned_on_every_route(tmp_path: Path) -> None:
    """Left at Material's 'en', the Arabic academy's pages said lang="en", left to right,
    and nothing told the organiser (the README asks for theme.language, nothing checked)."""
    project = _project(tmp_path / "far", FAR)
    settings = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    settings["theme"]["language"] = "en"
    (project / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    told = [w for w in build_project(project).warnings() if "theme.language" in w]
    assert len(told) == 1 and "'en'" in told[0] and "language: ar" in told[0], told
    generated = run_cli("generate", cwd=project)
    assert "theme.language is 'en'" in generated.stderr and "language: ar" in generated.stderr


@pytest.mark.parametrize("name", [FAR, SMALL])
def test_plain_folder_builds_link_right_on_mkdocs_and_zensical(tmp_path: Path, name: str) -> None:
    """use_directory_urls: false (a shared drive, an intranet folder): pages are name.html,
    and Zensical's link rewriting must still land (it has no directory address to climb)."""
    project = _project(tmp_path / name, name)
    settings = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    settings["use_directory_urls"] = False
    (project / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    site = build_project(project, strict=True)
    assert site.warnings() == []
    assert broken_links(site.site_dir) == []
    build = build_with("zensical", project, through_qisite=True, site_dir=project / "z")
    assert build.ok, build.output
    assert broken_links(build.site_dir) == []
