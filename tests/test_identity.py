"""The academy's name in the header and titles: mkdocs.yml's site_name, checked against
the curriculum; `qisite new` writes it there."""

from __future__ import annotations

from pathlib import Path

import yaml

from qisite.commands.new import scaffold
from qisite.site.identity import site_name_warning
from tests.clirun import run_cli
from tests.pagechecks import curriculum_of
from tests.sitebuild import REPO, BuiltSite, build_project, make_project


def test_no_warning_when_the_names_agree() -> None:
    assert site_name_warning("Riverside QI Academy", " Riverside QI Academy", "mkdocs.yml") is None


def test_a_different_name_is_reported_with_the_file_both_names_and_the_fix() -> None:
    message = site_name_warning("QI Academy", "Riverside QI Academy", "site/mkdocs.yml")
    assert message is not None
    assert message.startswith("site/mkdocs.yml: site_name is 'QI Academy'")
    assert "'Riverside QI Academy'" in message
    assert "set site_name: Riverside QI Academy in site/mkdocs.yml" in message


def test_a_site_name_with_markup_is_reported_even_when_it_matches() -> None:
    name = "Riverside <script>alert(1)</script>"
    message = site_name_warning(name, name, "mkdocs.yml")
    assert message is not None and "contains < or >" in message


def test_example_header_and_titles_name_the_academy(example_site: BuiltSite) -> None:
    academy = curriculum_of(example_site).academy.name
    assert not [w for w in example_site.warnings() if "site_name" in w]
    for url in ("", "dosing-matrix/", "my-learning/"):
        page = example_site.html(url)
        assert page.title is not None and page.title.get_text().endswith(academy)
        topic = page.select_one(".md-header__topic .md-ellipsis")
        assert topic is not None and topic.get_text(strip=True) == academy


def test_a_site_name_left_at_another_name_warns(tmp_path: Path) -> None:
    project = make_project(tmp_path, config={"site_name": "QI Academy"})
    site = build_project(project)
    warned = [w for w in site.warnings() if "site_name is 'QI Academy'" in w]
    assert len(warned) == 1 and "mkdocs.yml" in warned[0]


def test_generate_gives_the_plugins_warning_and_strict_stops(tmp_path: Path) -> None:
    """The route for engines that run no plugin checks the name with the same words."""
    project = make_project(tmp_path / "academy", config={"site_name": "QI Academy"})
    plugin = [w for w in build_project(project).warnings() if "site_name" in w]
    done = run_cli("generate", cwd=project)
    assert done.returncode == 0, done.stderr
    told = [line for line in done.stderr.splitlines() if "site_name" in line]
    assert len(plugin) == len(told) == 1
    assert told[0] == "WARNING - " + plugin[0].removeprefix("qisite: ")
    assert "mkdocs.yml: site_name is 'QI Academy'" in told[0]
    strict = run_cli("build", "--engine", "zensical", "--strict", cwd=project)
    assert strict.returncode == 1 and "stopped by --strict after 1 warning" in strict.stderr


def test_new_academy_names_its_site_after_its_curriculum(tmp_path: Path) -> None:
    scaffold(tmp_path / "academy")
    config = (tmp_path / "academy" / "mkdocs.yml").read_text(encoding="utf-8")
    curriculum = yaml.safe_load((tmp_path / "academy" / "curriculum.yaml").read_text("utf-8"))
    site_name = next(line for line in config.splitlines() if line.startswith("site_name:"))
    assert yaml.safe_load(site_name)["site_name"] == curriculum["academy"]["name"]
    assert curriculum["academy"]["name"] != "Riverside QI Academy"


def test_a_logo_and_colours_from_mkdocs_yml_reach_every_page_from_this_site(
    tmp_path: Path,
) -> None:
    """The academy's logo and colours are mkdocs.yml's theme settings (README, "The
    academy's name, logo and colours"): served from the site, never from another host."""
    logo = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8"/></svg>'
    theme = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))["theme"]
    theme.update(logo="assets/trust-logo.svg", favicon="assets/trust-logo.svg")
    theme["palette"] = {"scheme": "default", "primary": "indigo", "accent": "indigo"}
    project = make_project(
        tmp_path, config={"theme": theme}, extra_files={"content/assets/trust-logo.svg": logo}
    )
    site = build_project(project)
    assert site.warnings() == []
    for url in ("", "dosing-matrix/", "calendar/"):
        page = site.html(url)
        image = page.select_one(".md-header .md-logo img")
        assert image is not None and not image["src"].startswith(("http:", "https:", "//"))
        assert (site.site_dir / url / image["src"]).resolve().is_file(), url
        icon = page.select_one('link[rel="icon"]')
        assert icon is not None and (site.site_dir / url / icon["href"]).resolve().is_file()
        assert page.body["data-md-color-primary"] == "indigo"
