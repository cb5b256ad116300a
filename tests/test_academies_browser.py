"""Learning records in Chromium when academies share one web address, and across a rename.

Two academies served under two sub-paths of one local server (as GitHub Pages project
sites share <owner>.github.io) keep their records apart; a held-back rename keeps a
learner's progress and the old addresses; a record kept by an earlier version under
the shared key moves to each academy without losing an entry.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import serve
from tests.sitebuild import build_project, make_project

pytestmark = pytest.mark.browser

FIXTURES = Path(__file__).parent / "fixtures" / "renames"
SHARED_KEY = "qisite.learning-record.v1"
BEFORE = (FIXTURES / "before.yaml").read_text(encoding="utf-8")
AFTER = (FIXTURES / "after.yaml").read_text(encoding="utf-8")


def _built(root: Path, curriculum: str) -> Path:
    project = make_project(root, curriculum=curriculum)
    shutil.rmtree(project / "content" / "modules", ignore_errors=True)
    site = build_project(project)
    assert not [w for w in site.warnings() if "qisite" in w], site.warnings()
    return site.site_dir


def _other_academy(feed_id: str, prefix: str = "") -> str:
    """The same curriculum (as two academies started from one scaffold) under another id;
    with ``prefix``, its module ids are its own."""
    text = BEFORE.replace("feed_id: rename-academy", f"feed_id: {feed_id}")
    text = text.replace("name: Rename Academy", f"name: Academy {feed_id}")
    for module_id in ("qi-basics", "reading-data", "old-course", "gone-module"):
        text = text.replace(module_id, prefix + module_id)
    return text


@pytest.fixture(scope="module")
def origin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """One server: /a/ and /b/ (one scaffold, two academies), /c/ (its own module ids),
    /portal/ (the rename academy, before; tests swap in the build after)."""
    root = tmp_path_factory.mktemp("origin")
    served = root / "served"
    served.mkdir()
    for name, text in (
        ("a", _other_academy("academy-a")),
        ("b", _other_academy("academy-b")),
        ("c", _other_academy("academy-c", prefix="c-")),
        ("before", BEFORE),
        ("after", AFTER),
    ):
        shutil.copytree(_built(root / name, text), root / f"{name}-site")
    with serve(served) as url:
        yield url, root


def _publish(root: Path, name: str, at: str) -> None:
    target = root / "served" / at
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(root / f"{name}-site", target)


def _stored(page: Any, key: str) -> dict[str, Any] | None:
    text = page.evaluate(f"() => window.localStorage.getItem({key!r})")
    return json.loads(text) if text else None


def _open(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("[data-qisite-progress-text]")


def _mark(page: Any, module_id: str, state: str = "done") -> None:
    page.locator(
        f'[data-qisite-module="{module_id}"] button[data-qisite-kind="modules"]'
        f'[data-qisite-mark="{state}"]'
    ).first.click()


def _moved(page: Any, academy: str) -> None:
    """Waits for the move out of the shared record: it needs the academy's catalogue,
    which the record loads after the page's first paint."""
    page.wait_for_function(
        "(key) => window.localStorage.getItem(key) !== null", arg=f"{SHARED_KEY}:{academy}"
    )
    page.wait_for_function(
        "() => document.querySelectorAll('[data-qisite-filled]').length > 0"
    )


def _pressed(page: Any, module_id: str) -> bool:
    button = page.locator(
        f'[data-qisite-module="{module_id}"] button[data-qisite-mark="done"]'
    ).first
    return button.get_attribute("aria-pressed") == "true"


def test_two_academies_on_one_origin_keep_their_records_apart(
    page: Any, origin: tuple[str, Path], tmp_path: Path
) -> None:
    base, root = origin
    for name in ("a", "b"):
        _publish(root, name, name)
    _open(page, f"{base}a/pathways/managers/")
    _mark(page, "qi-basics")
    assert _pressed(page, "qi-basics")

    _open(page, f"{base}b/pathways/managers/")
    assert not _pressed(page, "qi-basics")  # the same id on B is B's own
    assert page.locator("[data-qisite-progress-text]").first.inner_text().startswith("0 of")
    _mark(page, "reading-data", "in-progress")
    assert _stored(page, f"{SHARED_KEY}:academy-a")["modules"].keys() == {"qi-basics"}
    assert _stored(page, f"{SHARED_KEY}:academy-b")["modules"].keys() == {"reading-data"}
    assert _stored(page, SHARED_KEY) is None

    # A file saved on A names A; loading it on B asks first.
    page.goto(f"{base}a/my-learning/")
    with page.expect_download() as download:
        page.get_by_role("button", name="Save my record to a file").click()
    assert download.value.suggested_filename.startswith("learning-record-academy-a-")
    saved = tmp_path / "a.json"
    download.value.save_as(saved)
    assert json.loads(saved.read_text(encoding="utf-8"))["academy"] == "academy-a"
    page.goto(f"{base}b/my-learning/")
    asked: list[str] = []

    def refuse(dialog: Any) -> None:
        asked.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", refuse)
    page.get_by_label("Load a record file (.json)").set_input_files(str(saved))
    page.wait_for_function(
        "() => document.querySelector('[data-qisite-learning-message]').textContent"
        ".includes('another academy')"
    )
    assert "from Academy academy-a, not from Academy academy-b" in asked[0]
    assert _stored(page, f"{SHARED_KEY}:academy-b")["modules"].keys() == {"reading-data"}

    # Clearing on B leaves A's record alone.
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear my data").click()
    assert not (_stored(page, f"{SHARED_KEY}:academy-b") or {}).get("modules")
    _open(page, f"{base}a/pathways/managers/")
    assert _pressed(page, "qi-basics")
    assert _stored(page, f"{SHARED_KEY}:academy-a")["modules"].keys() == {"qi-basics"}


def test_a_rename_keeps_progress_and_the_old_address(
    page: Any, origin: tuple[str, Path]
) -> None:
    base, root = origin
    _publish(root, "before", "portal")
    _open(page, f"{base}portal/pathways/managers/")
    _mark(page, "reading-data")
    _mark(page, "old-course", "in-progress")
    assert _stored(page, f"{SHARED_KEY}:rename-academy")["modules"].keys() == {
        "reading-data",
        "old-course",
    }

    _publish(root, "after", "portal")  # the next publication, at the same address
    page.goto(f"{base}portal/modules/reading-data/")  # an old bookmark
    page.wait_for_url(f"{base}portal/modules/reading-charts/")
    page.wait_for_selector('[data-qisite-module-page="reading-charts"] [data-qisite-status]')
    done = page.locator('[data-qisite-module-page] button[data-qisite-mark="done"]')
    assert done.get_attribute("aria-pressed") == "true"
    modules = _stored(page, f"{SHARED_KEY}:rename-academy")["modules"]
    assert modules.keys() == {"reading-charts", "old-course"}

    page.goto(f"{base}portal/pathways/managers/")
    page.wait_for_url(f"{base}portal/pathways/middle-managers/")
    page.wait_for_selector("[data-qisite-progress-text]")
    assert _pressed(page, "reading-charts")

    page.goto(f"{base}portal/my-learning/")
    listed = page.locator("[data-qisite-learning-modules] table").inner_text()
    assert "Reading charts" in listed
    assert "The old PDSA course (retired on 1 February 2027)" in listed
    assert "no longer in the curriculum" not in listed and "old-course" not in listed
    assert page.outside_requests == []


def test_the_move_of_an_old_shared_record_loses_nothing(
    page: Any, origin: tuple[str, Path]
) -> None:
    base, root = origin
    for name in ("a", "c"):
        _publish(root, name, name)
    shared = {
        "schema": 1,
        "modules": {
            "qi-basics": {"state": "done", "date": "2026-11-02"},
            "reading-data": {"state": "in-progress", "date": "2026-11-03"},
            "c-reading-data": {"state": "done", "date": "2026-11-04"},
            "elsewhere": {"state": "done", "date": "2026-11-05"},
            "<unreadable>": {"state": "done", "date": "2026-11-06"},
        },
        "courses": {"QI 101": {"state": "done", "date": "2026-10-01"}},
    }
    page.goto(f"{base}a/")
    page.evaluate(
        "([key, value]) => { localStorage.clear(); localStorage.setItem(key, value) }",
        [SHARED_KEY, json.dumps(shared)],
    )
    _open(page, f"{base}a/pathways/managers/")
    _moved(page, "academy-a")
    assert _pressed(page, "qi-basics")
    mine = _stored(page, f"{SHARED_KEY}:academy-a")
    assert mine["modules"] == {k: shared["modules"][k] for k in ("qi-basics", "reading-data")}
    assert mine["courses"] == shared["courses"]
    left = _stored(page, SHARED_KEY)
    assert left["modules"] == {
        k: shared["modules"][k] for k in ("c-reading-data", "elsewhere", "<unreadable>")
    }
    assert left["courses"] == shared["courses"]

    _open(page, f"{base}c/pathways/managers/")
    _moved(page, "academy-c")
    assert _pressed(page, "c-reading-data")
    theirs = _stored(page, f"{SHARED_KEY}:academy-c")
    assert theirs["modules"] == {"c-reading-data": shared["modules"]["c-reading-data"]}
    assert _stored(page, SHARED_KEY)["modules"].keys() == {"elsewhere", "<unreadable>"}
    # Every entry is somewhere, once.
    everywhere = {
        **_stored(page, f"{SHARED_KEY}:academy-a")["modules"],
        **theirs["modules"],
        **_stored(page, SHARED_KEY)["modules"],
    }
    assert everywhere == shared["modules"]
    # A second visit moves nothing more, and clearing A does not bring the move back.
    page.goto(f"{base}a/my-learning/")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear my data").click()
    _open(page, f"{base}a/pathways/managers/")
    assert not _pressed(page, "qi-basics")
    assert _stored(page, SHARED_KEY)["modules"].keys() == {"elsewhere", "<unreadable>"}


def test_a_mark_made_while_the_move_waits_for_the_catalogue_is_kept(
    page: Any, origin: tuple[str, Path]
) -> None:
    """The move needs the academy's catalogue; a mark made before it arrives stands (it
    is later than the shared record's), and the move still happens."""
    base, root = origin
    _publish(root, "a", "a")
    shared = {
        "schema": 1,
        "modules": {
            "qi-basics": {"state": "done", "date": "2026-11-02"},
            "reading-data": {"state": "in-progress", "date": "2026-11-03"},
        },
        "courses": {},
    }
    page.goto(f"{base}a/")
    page.evaluate(
        "([key, value]) => { localStorage.clear(); localStorage.setItem(key, value) }",
        [SHARED_KEY, json.dumps(shared)],
    )
    held: list[Any] = []
    page.route("**/learning-data.js*", lambda route: held.append(route))
    _open(page, f"{base}a/pathways/managers/")
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(50)
    assert len(held) == 1, "the move did not ask for the catalogue"
    _mark(page, "reading-data")
    assert _stored(page, f"{SHARED_KEY}:academy-a")["modules"].keys() == {"reading-data"}
    held[0].continue_()
    page.wait_for_function(
        "(key) => !JSON.parse(window.localStorage.getItem(key)).modules['qi-basics']",
        arg=SHARED_KEY,
    )
    mine = _stored(page, f"{SHARED_KEY}:academy-a")["modules"]
    assert mine["qi-basics"] == shared["modules"]["qi-basics"]
    assert mine["reading-data"]["state"] == "done"  # the later mark, made on this page
    assert mine["reading-data"]["date"] > "2026-11-03"
    assert _pressed(page, "qi-basics") and _pressed(page, "reading-data")
