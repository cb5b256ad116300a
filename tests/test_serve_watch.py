"""`mkdocs serve` rebuilds when the curriculum or a CSV it names changes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from mkdocs.config import load_config

from benchmarks.build_bench import write_project
from qisite.plugin import QisitePlugin
from tests.sitebuild import REPO, make_project


class RecordingServer:
    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str, *args: object, **kwargs: object) -> None:
        self.watched.append(path)


SCAFFOLD_CURRICULUM = REPO / "qisite" / "scaffold" / "curriculum.yaml"
MODULE = "improvement-in-an-hour"
CSV_FILES = {
    "data/sessions-2027.csv": f"id,module,start\nhour-march,{MODULE},2027-03-01 10:00\n",
    "sessions-extra.csv": f"id,module,start\nhour-april,{MODULE},2027-04-05 10:00\n",
    "data/progress.csv": f"date,audience,module,completed\n2027-01-31,everyone,{MODULE},4\n",
}


def test_on_serve_watches_the_curriculum_and_every_named_csv(tmp_path: Path) -> None:
    curriculum = SCAFFOLD_CURRICULUM.read_text(encoding="utf-8") + (
        "\nsession_files: [data/sessions-2027.csv, sessions-extra.csv]\n"
        "progress_files: [data/progress.csv]\n"
    )
    root = make_project(tmp_path / "academy", curriculum=curriculum, extra_files=CSV_FILES)
    config = load_config(config_file=str(root / "mkdocs.yml"))
    plugin = config.plugins["qisite"]
    assert isinstance(plugin, QisitePlugin)
    plugin.on_config(config)
    server = RecordingServer()

    assert plugin.on_serve(server, config=config, builder=None) is server

    expected = {
        root / "curriculum.yaml",
        root / "data" / "sessions-2027.csv",
        root / "sessions-extra.csv",
        root / "data" / "progress.csv",
    }
    assert {Path(p) for p in server.watched} == {p.resolve() for p in expected}
    assert all(Path(p).is_absolute() for p in server.watched)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read()
    except OSError:
        return None


def _wait_for(check: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.5)
    return False


def _helpers_running() -> list[str]:
    """Command lines of running `python -m qisite.filewriter` processes (Linux's /proc)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            words = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        if b"qisite.filewriter" in words:
            found.append(" ".join(w.decode(errors="replace") for w in words))
    return found


def test_serve_rebuilds_a_large_academy_whose_feeds_a_helper_writes(tmp_path: Path) -> None:
    """100 modules give over 500 calendar files, so each build starts the file helper."""
    root = write_project(tmp_path / "large", 100)
    before = set(_helpers_running())
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    serve = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    feed_url = f"http://127.0.0.1:{port}/feeds/modules/module-0001.ics"
    try:
        assert _wait_for(lambda: b"Benchmark QI Academy" in (_get(feed_url) or b""), 90)
        curriculum = root / "curriculum.yaml"
        renamed = curriculum.read_text(encoding="utf-8").replace(
            "Benchmark QI Academy", "Renamed QI Academy"
        )
        # Saved whole, as editors do, so the watcher never sees a half-written file.
        (root / "curriculum.yaml.new").write_text(renamed, encoding="utf-8")
        (root / "curriculum.yaml.new").replace(curriculum)
        # A rebuild may be under way when we look: wait for a whole feed with the new name.
        whole: list[bytes] = []

        def renamed_feed_served() -> bool:
            body = _get(feed_url) or b""
            if b"X-WR-CALNAME:Renamed QI Academy: " in body and body.endswith(b"END:VCALENDAR\r\n"):
                whole.append(body)
            return bool(whole)

        assert _wait_for(renamed_feed_served, 90)
        assert whole[0].count(b"BEGIN:VEVENT") == 5
    finally:
        serve.terminate()
        serve.wait(timeout=30)
    assert _wait_for(lambda: set(_helpers_running()) <= before, 10)
