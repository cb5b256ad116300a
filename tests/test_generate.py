"""qisite generate and qisite build: the route for engines that run no MkDocs plugin."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import icalendar
import pytest
import yaml
from bs4 import BeautifulSoup

from qisite import markdown_extension
from qisite.engines import EngineSettings, generate
from qisite.inputs import load_inputs
from qisite.site import assets, paths
from qisite.site.rawhtml import UNINDEXED_END, UNINDEXED_START
from tests.clirun import run_cli
from tests.engines import build_with
from tests.sitebuild import REPO, make_project

RENAMES = Path(__file__).parent / "fixtures" / "renames"
FIRST_EPOCH, SECOND_EPOCH = 1798761600, 1801440000  # 2027-01-01, 2027-02-01 (UTC)
_HELD_BACK = re.compile(re.escape(UNINDEXED_START) + "(.*?)" + re.escape(UNINDEXED_END), re.S)


def test_generate_writes_the_merged_folder_and_a_config_that_inherits(tmp_path: Path) -> None:
    root = make_project(tmp_path / "academy")
    done = run_cli("generate", cwd=root)
    assert done.returncode == 0, done.stderr
    docs = root / "build" / "docs"
    assert str(docs) in done.stdout
    # Hand-written pages, their markers expanded.
    home = (docs / "index.md").read_text("utf-8")
    assert "qisite:pathway-chooser" not in home and "data-qisite-chooser" in home
    assert (docs / "about.md").read_text("utf-8") != (root / "content/about.md").read_text("utf-8")
    # Generated pages, feeds and assets; the organiser's module text inside its page.
    body = (root / "content/modules/pdsa-in-practice.md").read_text("utf-8")
    module_page = (docs / paths.module("pdsa-in-practice")).read_text("utf-8")
    assert body.strip().splitlines()[0] in module_page and module_page != body
    assert (docs / paths.MODULES_INDEX).is_file() and (docs / paths.FEED_ALL).is_file()
    assert (docs / assets.script_path(assets.EVERY_FEATURE)).is_file()
    assert not list(docs.parent.glob(".docs.*"))  # no temporary folder left behind
    config_file = root / "mkdocs.generated.yml"
    config = yaml.safe_load(config_file.read_text("utf-8"))
    assert config["INHERIT"] == "mkdocs.yml" and config["docs_dir"] == "build/docs"
    # The project's overrides pick each page's bundle: nothing is added to every page.
    assert config["extra"] == {"qisite_assets": assets.theme_settings(every_page=False)}
    assert "extra_css" not in config and "extra_javascript" not in config
    assert config["markdown_extensions"] == [markdown_extension.NAME]
    assert config["theme"] == {"variant": "classic"}


def test_generate_follows_the_configs_page_addresses(tmp_path: Path) -> None:
    root = make_project(tmp_path / "academy")
    (root / "mkdocs.offline.yml").write_text(
        "INHERIT: mkdocs.yml\nuse_directory_urls: false\n", encoding="utf-8"
    )
    done = run_cli("generate", "-f", "mkdocs.offline.yml", "--out", "build/offline", cwd=root)
    assert done.returncode == 0, done.stderr
    index = (root / "build/offline" / paths.MODULES_INDEX).read_text("utf-8")
    assert 'href="pdsa-in-practice.html"' in index
    config = yaml.safe_load((root / "mkdocs.offline.generated.yml").read_text("utf-8"))
    assert config["INHERIT"] == "mkdocs.offline.yml" and config["docs_dir"] == "build/offline"


def test_an_academy_with_errors_writes_nothing_and_keeps_the_last_folder(tmp_path: Path) -> None:
    root = make_project(tmp_path / "academy")
    assert run_cli("generate", cwd=root).returncode == 0
    before = sorted(p.relative_to(root) for p in (root / "build").rglob("*"))
    curriculum = root / "curriculum.yaml"
    curriculum.write_text(curriculum.read_text("utf-8").replace("modules:", "modules: 3\nx:", 1))
    done = run_cli("generate", cwd=root)
    assert done.returncode == 1
    assert "curriculum.yaml:" in done.stderr and "nothing was generated" in done.stderr
    assert sorted(p.relative_to(root) for p in (root / "build").rglob("*")) == before


def test_a_stray_module_text_is_warned_about_and_strict_stops(tmp_path: Path) -> None:
    root = make_project(tmp_path / "academy", extra_files={"content/modules/gone.md": "# Gone\n"})
    done = run_cli("generate", cwd=root)
    assert done.returncode == 0
    assert "modules/gone.md: there is no module 'gone' in the curriculum" in done.stderr
    strict = run_cli("build", "--engine", "zensical", "--strict", cwd=root)
    assert strict.returncode == 1 and "stopped by --strict" in strict.stderr


def test_zensical_site_folder_must_lie_in_the_project(tmp_path: Path) -> None:
    root = make_project(tmp_path / "academy")
    done = run_cli("build", "--engine", "zensical", "-d", str(tmp_path / "elsewhere"), cwd=root)
    assert done.returncode == 1
    assert "outside the project folder" in done.stderr
    assert not (root / "build").exists()  # refused before anything was written


def test_every_held_back_block_is_left_out_of_search_on_every_engine() -> None:
    """The plugin holds the dated lists back from MkDocs' search; other engines rely on
    data-search-exclude on each element of those blocks, so every one must carry it."""
    inputs = load_inputs(REPO / "curriculum.yaml").require()
    blocks = 0
    for output in generate(inputs, {}, EngineSettings()).outputs:
        if not isinstance(output.content, str):
            continue
        for block in _HELD_BACK.findall(output.content):
            blocks += 1
            soup = BeautifulSoup(block, "html.parser")
            for element in soup.find_all(recursive=False):
                assert element.has_attr("data-search-exclude"), (output.src_uri, str(element)[:120])
    assert blocks > 50


def _renames_project(root: Path, name: str, config: dict[str, object] | None = None) -> Path:
    text = (RENAMES / name).read_text(encoding="utf-8")
    project = make_project(root, curriculum=text, config=config)
    shutil.rmtree(project / "content" / "modules", ignore_errors=True)
    return project


def _sequences(feed: Path) -> dict[str, int]:
    """SEQUENCE of each event in a feed, by UID."""
    calendar = icalendar.Calendar.from_ical(feed.read_bytes())
    return {str(e["UID"]): int(e["SEQUENCE"]) for e in calendar.walk("VEVENT")}


def _minutes_from_2000(epoch: int) -> int:
    return (epoch - 946684800) // 60


def test_zensical_builds_read_the_previous_publication_where_the_plugin_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """previous_manifest under the qisite plugin in mkdocs.yml reaches the feeds and the
    warnings of a Zensical build too; --previous names it on the command line."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(FIRST_EPOCH))
    one = _renames_project(tmp_path / "one", "before.yaml")
    first = build_with("zensical", one, through_qisite=True)
    assert first.ok, first.output
    published = (first.site_dir / "publication.json").read_text(encoding="utf-8")

    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(SECOND_EPOCH))
    plugins = {"plugins": ["search", {"qisite": {"previous_manifest": "last/publication.json"}}]}
    root = _renames_project(tmp_path / "two", "after.yaml", plugins)
    (root / "last").mkdir()
    (root / "last" / "publication.json").write_text(published, encoding="utf-8")
    second = build_with("zensical", root, through_qisite=True)
    assert second.ok, second.output
    sequences = _sequences(second.site_dir / "feeds" / "all.ics")
    # Moved: its SEQUENCE rises to the second build's; unchanged (renamed session, same
    # time and place): it keeps the first build's, which only the manifest can tell.
    assert sequences["data-day@rename-academy"] == _minutes_from_2000(SECOND_EPOCH)
    assert sequences["data-workshop@rename-academy"] == _minutes_from_2000(FIRST_EPOCH)
    recorded = (second.site_dir / "publication.json").read_text(encoding="utf-8")
    assert '"sequence": 1' in recorded
    # The same warning as the plugin's: the removed module's address, at the manifest.
    assert "last/publication.json: warning: module 'gone-module'" in second.output
    assert "modules/gone-module/" in second.output
    assert "drop-in@rename-academy" in second.output and "reading-data" not in second.output

    # --previous wins over the config: here the config names none.
    plain = _renames_project(tmp_path / "three", "after.yaml")
    done = run_cli("generate", "--previous", str(root / "last" / "publication.json"), cwd=plain)
    assert done.returncode == 0, done.stderr
    assert "publication.json: warning: module 'gone-module'" in done.stderr
    feed = plain / "build" / "docs" / "feeds" / "all.ics"
    assert _sequences(feed)["data-workshop@rename-academy"] == _minutes_from_2000(FIRST_EPOCH)
    strict = run_cli(
        "build", "--engine", "zensical", "--strict", "--previous", "nowhere.json", cwd=plain
    )
    assert strict.returncode == 1
    assert "nowhere.json: warning: there is no previous publication's manifest here" in (
        strict.stderr
    )


def test_qisite_build_hands_previous_to_the_plugin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MkDocs takes no plugin setting on its command line: --previous reaches the plugin
    through QISITE_PREVIOUS_MANIFEST."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(FIRST_EPOCH))
    first = build_with("mkdocs", _renames_project(tmp_path / "one", "before.yaml"))
    assert first.ok, first.output
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(SECOND_EPOCH))
    root = _renames_project(tmp_path / "two", "after.yaml")
    done = run_cli("build", "--previous", str(first.site_dir / "publication.json"), cwd=root)
    assert done.returncode == 0, done.stderr
    assert "publication.json: warning: module 'gone-module'" in done.stderr
    sequences = _sequences(root / "site" / "feeds" / "all.ics")
    assert sequences["data-workshop@rename-academy"] == _minutes_from_2000(FIRST_EPOCH)
