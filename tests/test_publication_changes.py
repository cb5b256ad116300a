"""Two real builds of one academy, before and after renames, a retirement and schedule
changes: old addresses keep working, UIDs stay, and `qisite changes` tells staff's news."""

from __future__ import annotations

import shutil
from pathlib import Path

import icalendar
import pytest
from bs4 import BeautifulSoup

from qisite.engines import EngineSettings, generate
from qisite.inputs import load_inputs
from qisite.publication import Manifest, Sitting
from qisite.site import paths
from tests.clirun import run_cli
from tests.pagechecks import learning_data
from tests.sitebuild import BuiltSite, build_project, make_project

FIXTURES = Path(__file__).parent / "fixtures" / "renames"
FIRST_EPOCH = "1798761600"  # 2027-01-01 00:00 UTC
SECOND_EPOCH = "1801440000"  # 2027-02-01 00:00 UTC


def _build(root: Path, name: str, epoch: str, monkeypatch: pytest.MonkeyPatch) -> BuiltSite:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    text = (FIXTURES / name).read_text(encoding="utf-8")
    project = make_project(root, curriculum=text)
    shutil.rmtree(project / "content" / "modules", ignore_errors=True)
    return build_project(project)


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltSite, BuiltSite]:
    with pytest.MonkeyPatch.context() as monkeypatch:
        before = _build(tmp_path_factory.mktemp("before"), "before.yaml", FIRST_EPOCH, monkeypatch)
        after = _build(tmp_path_factory.mktemp("after"), "after.yaml", SECOND_EPOCH, monkeypatch)
    return before, after


def _manifest(site: BuiltSite) -> Manifest:
    return Manifest.from_json((site.site_dir / "publication.json").read_bytes())


def _uids(site: BuiltSite, feed: str) -> set[str]:
    calendar = icalendar.Calendar.from_ical((site.site_dir / feed).read_bytes())
    return {str(event["UID"]) for event in calendar.walk("VEVENT")}


def test_every_build_writes_its_manifest(builds: tuple[BuiltSite, BuiltSite]) -> None:
    before, after = builds
    first = _manifest(before)
    assert first.academy == "rename-academy"
    assert first.built_at.isoformat() == "2027-01-01T00:00:00+00:00"
    assert "modules/reading-data/" in first.addresses
    assert "feeds/modules/reading-data.ics" in first.addresses
    assert "about/" in first.addresses  # the organiser's own pages count too
    assert not any(a.startswith("assets/") for a in first.addresses)
    assert first.modules["reading-data"].address == "modules/reading-data/"
    sitting = first.sittings["data-day@rename-academy"]
    assert (sitting.venue, sitting.status, sitting.sequence) == ("Room 2", "scheduled", 0)
    assert sitting.start.isoformat() == "2027-04-08T10:00:00+01:00"
    assert sitting.address == "modules/reading-data/#session-data-day"
    second = _manifest(after)
    assert second.modules["old-course"].retired is not None
    assert second.modules["reading-charts"].former_ids == ("reading-data",)
    # Still served, now as pages that send readers on.
    assert {"modules/reading-data/", "pathways/managers/"} <= set(second.addresses)


def test_a_former_address_sends_the_reader_on_without_javascript(
    builds: tuple[BuiltSite, BuiltSite],
) -> None:
    _, after = builds
    page = after.html("modules/reading-data/")
    refresh = page.select_one('meta[http-equiv="refresh"]')
    assert refresh is not None and refresh["content"] == "0; url=../reading-charts/"
    assert page.select_one('link[rel="canonical"]')["href"] == "../reading-charts/"
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"
    link = page.select_one("main a")
    assert link is not None and link["href"] == "../reading-charts/"
    assert page.select_one("h1").get_text() == "Reading charts"
    assert page.select("script") == [] and page.select("link[rel=stylesheet]") == []
    assert (after.site_dir / "modules" / "reading-charts" / "index.html").is_file()
    pathway = after.html("pathways/managers/")
    assert pathway.select_one('meta[http-equiv="refresh"]')["content"] == (
        "0; url=../middle-managers/"
    )
    # The renamed audience's page of the dosing matrix too.
    column = after.html("dosing-matrix/managers/")
    assert column.select_one('meta[http-equiv="refresh"]')["content"] == (
        "0; url=../middle-managers/"
    )
    assert (after.site_dir / "dosing-matrix" / "middle-managers" / "index.html").is_file()


@pytest.mark.parametrize(
    ("settings", "canonical", "link"),
    [
        (EngineSettings(), "../reading-charts/", "../reading-charts/"),
        (
            EngineSettings(site_url="https://intranet.example.nhs.uk/qi"),
            "https://intranet.example.nhs.uk/qi/modules/reading-charts/",
            "../reading-charts/",
        ),
        (
            EngineSettings(use_directory_urls=False, site_url="https://intranet.example.nhs.uk/"),
            "https://intranet.example.nhs.uk/modules/reading-charts.html",
            "reading-charts.html",
        ),
    ],
)
def test_a_former_address_names_the_new_one_whole_when_site_url_is_known(
    tmp_path: Path, settings: EngineSettings, canonical: str, link: str
) -> None:
    """rel=canonical is absolute where the published address is known; the refresh and
    the visible link stay relative, so the page works from a folder too."""
    shutil.copy(FIXTURES / "after.yaml", tmp_path / "curriculum.yaml")
    inputs = load_inputs(tmp_path / "curriculum.yaml").require()
    outputs = {o.src_uri: o.content for o in generate(inputs, {}, settings).outputs}
    moved = paths.redirect(paths.module("reading-data"), settings.use_directory_urls)
    page = BeautifulSoup(str(outputs[moved]), "html.parser")
    assert page.select_one('link[rel="canonical"]')["href"] == canonical
    assert page.select_one('meta[http-equiv="refresh"]')["content"] == f"0; url={link}"
    assert page.select_one("main a")["href"] == link


def test_feeds_stay_at_old_addresses_with_the_same_uids(
    builds: tuple[BuiltSite, BuiltSite],
) -> None:
    before, after = builds
    old = after.site_dir / "feeds" / "modules" / "reading-data.ics"
    new = after.site_dir / "feeds" / "modules" / "reading-charts.ics"
    assert old.read_bytes() == new.read_bytes()
    assert (after.site_dir / "feeds/audiences/managers.ics").read_bytes() == (
        after.site_dir / "feeds/audiences/middle-managers.ics"
    ).read_bytes()
    # The renamed session's sitting keeps the UID subscribers already have.
    assert "data-workshop@rename-academy" in _uids(before, "feeds/modules/reading-data.ics")
    assert "data-workshop@rename-academy" in _uids(after, "feeds/modules/reading-data.ics")
    assert (after.site_dir / "feeds/sessions/data-workshop.ics").is_file()
    # A retired module's old feed is still there, and empty.
    assert _uids(after, "feeds/modules/old-course.ics") == set()


def test_a_retired_module_says_so_and_links_onwards(builds: tuple[BuiltSite, BuiltSite]) -> None:
    _, after = builds
    article = after.content("modules/old-course/")
    assert article.select_one("h1").get_text(strip=True) == "The old PDSA course"
    text = " ".join(article.get_text(" ").split())
    assert "retired on Monday 1 February 2027" in text
    assert article.select_one("time")["datetime"] == "2027-02-01"
    onwards = [a["href"] for a in article.select("a")]
    assert "../reading-charts/" in onwards and "../../my-learning/" in onwards
    data = learning_data(after, "my-learning/")
    assert data["retired"]["old-course"] == {
        "title": "The old PDSA course",
        "date": "2027-02-01",
        "url": "../modules/old-course/",
    }


def test_the_history_of_sittings_is_carried_by_the_build(
    tmp_path: Path, builds: tuple[BuiltSite, BuiltSite], monkeypatch: pytest.MonkeyPatch
) -> None:
    before, _ = builds
    previous = tmp_path / "last-publication.json"
    shutil.copy(before.site_dir / "publication.json", previous)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SECOND_EPOCH)
    project = make_project(
        tmp_path / "next",
        curriculum=(FIXTURES / "after.yaml").read_text(encoding="utf-8"),
        config={"plugins": [{"search": {}}, {"qisite": {"previous_manifest": str(previous)}}]},
    )
    shutil.rmtree(project / "content" / "modules", ignore_errors=True)
    site = build_project(project)
    manifest = _manifest(site)
    moved = manifest.sittings["data-day@rename-academy"]
    assert (moved.sequence, moved.last_changed.isoformat()) == (1, "2027-02-01T00:00:00+00:00")
    assert moved.first_published.isoformat() == "2027-01-01T00:00:00+00:00"
    kept = manifest.sittings["data-workshop@rename-academy"]
    assert (kept.sequence, kept.first_published.isoformat()) == (0, "2027-01-01T00:00:00+00:00")
    assert manifest.sittings["basics-lunch-20270512T1230@rename-academy"].sequence == 1
    new = manifest.sittings["basics-evening@rename-academy"]
    assert new.first_published.isoformat() == "2027-02-01T00:00:00+00:00"
    warnings = "\n".join(site.warnings())
    assert "module 'gone-module' (A module dropped without a trace)" in warnings
    assert "modules/gone-module/" in warnings and "former_ids" in warnings
    assert "drop-in@rename-academy" in warnings and "status: cancelled" in warnings
    assert "reading-data" not in warnings  # renamed with a former id: nothing vanishes


def test_changes_command_tells_what_changes_for_staff(
    builds: tuple[BuiltSite, BuiltSite],
) -> None:
    before, after = builds
    previous = str(before.site_dir / "publication.json")
    # The curriculum as it is now, before publishing, or the new build's manifest.
    for target in ("curriculum.yaml", str(after.site_dir / "publication.json")):
        result = run_cli("changes", "--previous", previous, target, cwd=after.root)
        assert result.returncode == 0, result.stderr
        out = result.stdout
        assert "Renamed (2):" in out
        assert "module reading-data -> reading-charts (Reading data -> Reading charts)" in out
        assert "audience managers -> middle-managers" in out
        assert "Modules retired (1):" in out and "old-course: The old PDSA course" in out
        assert "replaced by reading-charts" in out
        assert "Modules added" not in out  # a renamed module is not new
        assert "Sittings moved (1):" in out
        assert "2027-04-08 10:00 (Room 2) -> 2027-04-08 14:00 (Room 2)" in out
        assert "Sittings cancelled (1):\n  2027-05-12 12:30 Quality improvement basics" in out
        assert "Sittings added (1):\n  2027-07-01 18:00 Quality improvement basics (Room 3)" in out
        assert "removed without being cancelled" in out and "2027-06-01 14:00" in out
        assert "modules/gone-module/" in out
        assert "warning" in result.stderr and "gone-module" in result.stderr
        assert "reading-data/" not in result.stderr


def test_a_file_that_is_no_manifest_is_refused_naming_it(
    tmp_path: Path, builds: tuple[BuiltSite, BuiltSite]
) -> None:
    _, after = builds
    bad = tmp_path / "old.json"
    bad.write_text('{"format": 7, "academy": "x"}', encoding="utf-8")
    result = run_cli("changes", "--previous", str(bad), str(bad), cwd=tmp_path)
    assert result.returncode == 1
    assert "old.json: not a publication manifest: it was written by a newer qisite" in (
        result.stderr
    )
    for command in ("changes", "validate"):
        result = run_cli(command, "--previous", str(bad), "curriculum.yaml", cwd=after.root)
        assert result.returncode == 1
        assert "old.json: error: not a publication manifest: it was written by a newer" in (
            result.stderr
        )


def test_validate_warns_about_what_would_vanish(builds: tuple[BuiltSite, BuiltSite]) -> None:
    before, after = builds
    previous = str(before.site_dir / "publication.json")
    result = run_cli("validate", "--previous", previous, "curriculum.yaml", cwd=after.root)
    assert result.returncode == 0, result.stderr
    assert "publication.json: warning: module 'gone-module'" in result.stderr
    assert "drop-in@rename-academy" in result.stderr
    assert "about/" not in result.stderr  # the site's own pages are the build's to check
    assert "reading-data" not in result.stderr and "managers" not in result.stderr
    unchanged = run_cli("validate", "--previous", previous, "curriculum.yaml", cwd=before.root)
    assert unchanged.returncode == 0 and "warning" not in unchanged.stderr


def test_a_build_carries_each_sittings_history_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The feeds (SEQUENCE, LAST-MODIFIED) and publication.json share one mapping of the
    sittings and one carrying forward from the previous publication."""
    for name in ("before", "after"):
        (tmp_path / name).mkdir()
        shutil.copy(FIXTURES / f"{name}.yaml", tmp_path / name / "curriculum.yaml")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIRST_EPOCH)
    first = load_inputs(tmp_path / "before" / "curriculum.yaml").require()
    written = {o.src_uri: o.content for o in generate(first, {}, EngineSettings()).outputs}
    previous = tmp_path / "publication.json"
    previous.write_text(str(written[paths.PUBLICATION]), encoding="utf-8")

    compared: list[str] = []
    same = Sitting.same_time_place_and_status

    def counted(self: Sitting, other: Sitting) -> bool:
        compared.append(self.address)
        return same(self, other)

    monkeypatch.setattr(Sitting, "same_time_place_and_status", counted)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SECOND_EPOCH)
    loaded = load_inputs(tmp_path / "after" / "curriculum.yaml", previous_manifest=previous)
    outputs = generate(loaded.require(), {}, EngineSettings()).outputs
    written = {o.src_uri: o.content for o in outputs}
    manifest = Manifest.from_json(written[paths.PUBLICATION])
    kept = set(manifest.sittings) & set(Manifest.from_json(previous.read_bytes()).sittings)
    assert len(kept) >= 4
    assert len(compared) == len(kept)  # once per sitting known before, not once per use
    assert manifest.sittings["data-day@rename-academy"].sequence == 1
    feed = icalendar.Calendar.from_ical(written[paths.FEED_ALL])
    modified = {str(e["UID"]): e.decoded("LAST-MODIFIED") for e in feed.walk("VEVENT")}
    for uid, entry in manifest.sittings.items():
        assert modified[uid] == entry.last_changed


def test_an_academy_id_that_changed_since_publication_is_warned_about(
    tmp_path: Path, builds: tuple[BuiltSite, BuiltSite]
) -> None:
    """feed_id unset is only a hint; the fault it foretells, the academy renamed without
    one, is a warning when the build names the last publication, on every route."""
    before, _ = builds
    previous = str(before.site_dir / "publication.json")
    renamed = (FIXTURES / "before.yaml").read_text(encoding="utf-8")
    renamed = renamed.replace("  feed_id: rename-academy\n", "").replace(
        "name: Rename Academy", "name: Renamed Academy"
    )
    root = make_project(tmp_path / "renamed", curriculum=renamed)
    shutil.rmtree(root / "content" / "modules", ignore_errors=True)
    expected = (
        "publication.json: warning: the last publication's academy id was 'rename-academy' "
        "and this build's is 'renamed-academy'"
    )
    for command in ("validate", "generate"):
        done = run_cli(command, "--previous", previous, cwd=root)
        assert done.returncode == 0, done.stderr
        assert expected in done.stderr and "set 'feed_id: rename-academy'" in done.stderr
    strict = run_cli("build", "--engine", "zensical", "--strict", "--previous", previous, cwd=root)
    assert strict.returncode == 1 and expected in strict.stderr
