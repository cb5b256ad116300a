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
