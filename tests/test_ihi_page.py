"""The built IHI Open School and My learning pages, parsed from real HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from qisite.inputs import inputs_of, load_inputs
from qisite.views.pathways import all_pathways
from tests.ihi_fixtures import CURRICULUM, EXPECTED_COVERAGE
from tests.pagechecks import learning_data, learning_data_file
from tests.sitebuild import REPO, BuiltSite, build_site


@pytest.fixture(scope="module")
def test_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_site(tmp_path_factory.mktemp("ihi"), curriculum=CURRICULUM, strict=True)


def _every_code_is_a_link_with_its_title(site: BuiltSite, curriculum_path: Path) -> int:
    curriculum = load_inputs(curriculum_path).require().curriculum
    catalogue = inputs_of(curriculum).catalogue
    page = site.content("ihi-open-school/")
    codes = {code for module in curriculum.modules for code in module.ihi_open_school}
    for code in codes:
        links = page.select(f'a[data-qisite-ihi="{code}"]')
        assert links, f"no link for {code}"
        link = links[0]
        assert link["href"] == catalogue.url_for(code)
        text = " ".join(link.get_text(" ").split())
        assert code in text and catalogue.courses[code].title in text
    return len(codes)


def test_every_ihi_code_in_the_example_renders_as_a_link(example_site: BuiltSite) -> None:
    assert _every_code_is_a_link_with_its_title(example_site, REPO / "curriculum.yaml") >= 1


def test_every_ihi_code_in_a_larger_curriculum_renders_as_a_link(test_site: BuiltSite) -> None:
    assert _every_code_is_a_link_with_its_title(test_site, test_site.root / "curriculum.yaml") == 14


def test_override_shows_the_organisers_title_and_address(test_site: BuiltSite) -> None:
    link = test_site.content("ihi-open-school/").select_one('a[data-qisite-ihi="QI 101"]')
    assert link["href"] == "https://learning.test.example/qi-101"
    assert "Improvement from first principles" in link.get_text()


def test_course_rows_name_their_modules_and_pathways(test_site: BuiltSite) -> None:
    page = test_site.content("ihi-open-school/")
    row = page.select_one('tr[data-qisite-ihi-course="PS 101"]')
    cells = row.find_all("td")
    assert cells[1].get_text() == "Patient safety"
    assert cells[2].get_text() == "Yes"
    assert [a.get_text() for a in cells[3].find_all("a")] == ["Safety basics"]
    assert [a.get_text() for a in cells[4].find_all("a")] == ["Senior leaders", "Experts"]
    assert [a["href"] for a in cells[4].find_all("a")] == [
        "../pathways/leaders/",
        "../pathways/experts/",
    ]
    outside = page.select_one('tr[data-qisite-ihi-course="QI 201"]')
    assert outside.find_all("td")[2].get_text() == "No"


def test_page_states_certificate_coverage_per_pathway(test_site: BuiltSite) -> None:
    page = test_site.content("ihi-open-school/")
    rows = page.select("tr[data-qisite-coverage]")
    assert [r["data-qisite-coverage"] for r in rows] == list(EXPECTED_COVERAGE)
    for row in rows:
        covered = EXPECTED_COVERAGE[row["data-qisite-coverage"]]
        assert row.select_one(".qisite-coverage-count").get_text() == f"{len(covered)} of 13"
        listed = [li.get_text() for li in row.select(".qisite-coverage-covered li")]
        assert sorted(listed) == sorted(covered)
        missing = [li.get_text() for li in row.select(".qisite-coverage-missing li")]
        assert len(missing) == 13 - len(covered) and not set(missing) & set(covered)
    assert "the pathway includes them all" in rows[-1].get_text()


def test_yaml_text_is_escaped_on_the_ihi_page(tmp_path: Path) -> None:
    text = CURRICULUM.replace("A local course of our own", "'<script>alert(1)</script>'").replace(
        "ihi_open_school: [PS 101, QI 201]", "ihi_open_school: [LOC 101]"
    )
    site = build_site(tmp_path, curriculum=text)
    html = (site.site_dir / "ihi-open-school" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_nav_has_the_ihi_and_my_learning_pages(example_site: BuiltSite) -> None:
    nav = example_site.html("").select_one(".md-nav--primary")
    labels = [" ".join(a.get_text().split()) for a in nav.select("a.md-nav__link")]
    assert "IHI Open School" in labels and "My learning" in labels


def test_my_learning_names_a_catalogue_of_pathways_by_module_id(test_site: BuiltSite) -> None:
    """The pathways, modules and courses My learning lists a record against are in a
    script of their own, not in the page."""
    page = test_site.content("my-learning/")
    data = learning_data(test_site, "my-learning/")
    curriculum = load_inputs(test_site.root / "curriculum.yaml").require().curriculum
    html = str(page)
    for module in curriculum.modules:
        assert f"modules/{module.id}" not in html and module.title not in html, module.id
    assert "QI 101" not in html and "learning.test.example" not in html
    assert set(data["modules"]) == {m.id for m in curriculum.modules}
    # Under our assets (not a page, not in the search index), its address versioned by
    # its content so that no browser keeps an older curriculum's copy.
    address = page.select_one("[data-qisite-my-learning]")["data-qisite-my-learning"]
    assert re.fullmatch(r"\.\./assets/qisite/learning-data\.js\?v=[0-9a-f]{12}", address)
    index = (test_site.site_dir / "search" / "search_index.json").read_text("utf-8")
    assert "learning-data" not in index
    assert data["schema"] == 1
    assert [(p["id"], p["modules"]) for p in data["pathways"]] == [
        (p.audience.id, [m.id for m in p.modules]) for p in all_pathways(curriculum)
    ]
    assert data["pathways"][0]["url"] == "../pathways/everyone/"
    assert data["modules"]["intro"] == {"title": "Introduction to QI", "url": "../modules/intro/"}
    assert data["courses"]["QI 101"]["url"] == "https://learning.test.example/qi-101"
    assert page.select_one('a[href="../privacy/"]') is not None


def test_every_page_s_record_script_names_the_catalogue_and_carries_no_module_list(
    test_site: BuiltSite,
) -> None:
    """academy.js, in every record bundle, gives the catalogue's address from the
    bundles' folder (the one My learning names), not the academy's every module id."""
    bundle = next((test_site.site_dir / "assets" / "qisite" / "bundles").glob("record.js"))
    text = bundle.read_text("utf-8")
    start = text.index("window.qisiteAcademy=") + len("window.qisiteAcademy=")
    academy, _ = json.JSONDecoder().raw_decode(text[start:])
    assert set(academy) == {"id", "name", "renamed", "catalogue"}
    path, _, version = academy["catalogue"].partition("?v=")
    assert (bundle.parent / path).resolve() == learning_data_file(test_site, "my-learning/")
    named = test_site.content("my-learning/").select_one("[data-qisite-my-learning]")
    assert named["data-qisite-my-learning"].endswith(f"?v={version}")


def test_script_and_style_are_local_files_on_every_page(test_site: BuiltSite) -> None:
    record = re.compile(r"(^|/)assets/qisite/bundles/([\w-]+\.)*record(\.[\w-]+)*\.(js|css)$")
    for url in ("", "ihi-open-school/", "pathways/leaders/", "my-learning/", "privacy/"):
        html = test_site.html(url)
        scripts = [s["src"] for s in html.select("script[src]")]
        styles = [s["href"] for s in html.select('link[rel="stylesheet"]')]
        ours = [s for s in styles + scripts if "assets/qisite/" in s]
        # One stylesheet and at most one script of ours; the learning record's on every
        # page that has something to mark or list (the home and privacy pages have not).
        kinds = [s.rsplit(".", 1)[1] for s in ours]
        assert kinds == (["css"] if url == "privacy/" else ["css", "js"]), url
        assert all(record.search(s) for s in ours) == (url not in ("", "privacy/")), url
        for address in scripts + styles:
            assert not re.match(r"^(https?:)?//", address), address
            page = test_site.site_dir / url / address if url.endswith("/") else None
            assert page is None or page.resolve().is_file(), address


def test_privacy_page_names_the_storage_key(test_site: BuiltSite) -> None:
    text = test_site.content("privacy/").get_text()
    assert "qisite.learning-record.v1" in text
    assert "No cookies" in text and "Clear my data" in text


def test_the_record_script_has_no_way_to_send_data() -> None:
    script = (REPO / "qisite" / "assets" / "learning-record.js").read_text(encoding="utf-8")
    for sender in (
        "fetch(",
        "XMLHttpRequest",
        "sendBeacon",
        "WebSocket",
        "document.cookie",
        "EventSource",
        ".submit(",
        "innerHTML",
    ):
        assert sender not in script, sender
    assert script.count('"qisite.learning-record.v1"') == 1
    # The one request it makes: the catalogue My learning names, a script of the site's
    # own, with no part of the record in its address.
    assert script.count('el("script"') == 1
    assert 'el("script", { src: address })' in script
    assert "catalogueAddress(page)" in script


def test_links_work_without_directory_urls(tmp_path: Path) -> None:
    site = build_site(tmp_path, curriculum=CURRICULUM, config={"use_directory_urls": False})
    data = learning_data(site, "my-learning.html")
    assert data["pathways"][0]["url"] == "pathways/everyone.html"
    assert (site.site_dir / data["pathways"][0]["url"]).is_file()
    ihi = site.html("ihi-open-school.html")
    row = ihi.select_one('tr[data-qisite-coverage="leaders"] a')
    assert row["href"] == "pathways/leaders.html"
    script = ihi.select_one('script[src*="assets/qisite/bundles/"]')["src"]
    assert (site.site_dir / script).is_file()
