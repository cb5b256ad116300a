"""`mkdocs serve` rebuilds when the curriculum or a CSV it names changes."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config

from qisite.plugin import QisitePlugin
from tests.sitebuild import REPO, make_project


class RecordingServer:
    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str, *args: object, **kwargs: object) -> None:
        self.watched.append(path)


def _with_files(text: str) -> str:
    return text + (
        "\nsession_files: [data/sessions-2027.csv, sessions-extra.csv]\n"
        "progress_files: [data/progress.csv]\n"
    )


def test_on_serve_watches_the_curriculum_and_every_named_csv(tmp_path: Path) -> None:
    curriculum = _with_files((REPO / "curriculum.yaml").read_text(encoding="utf-8"))
    root = make_project(tmp_path / "academy", curriculum=curriculum)
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
