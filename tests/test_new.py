"""qisite new: a fresh academy that builds with --strict; a folder with files is left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from qisite.cli import main
from qisite.inputs import load_inputs
from tests.sitebuild import REPO, build_project


def test_new_academy_builds_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "academy"
    assert main(["new", str(target)]) == 0
    assert "mkdocs serve" in capsys.readouterr().out

    for name in ("curriculum.yaml", "curriculum.schema.json", "mkdocs.yml", "overrides/main.html"):
        assert (target / name).is_file(), name
    assert (target / "content" / "index.md").is_file()
    text = (target / "curriculum.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=./curriculum.schema.json")
    assert text != (REPO / "curriculum.yaml").read_text(encoding="utf-8")

    loaded = load_inputs(target / "curriculum.yaml")
    assert loaded.problems == ()
    curriculum = loaded.require().curriculum

    site = build_project(target, strict=True)
    assert site.warnings() == []
    for audience in curriculum.audiences:
        page = site.content(f"pathways/{audience.id}/")
        assert page.select_one(f'[data-qisite-pathway="{audience.id}"]') is not None


def test_new_refuses_a_folder_with_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    assert main(["new", str(tmp_path)]) == 1
    assert "not empty" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]

    assert main(["new", str(tmp_path), "--force"]) == 0
    assert (tmp_path / "curriculum.yaml").is_file()
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_new_leaves_out_the_example_module_texts(tmp_path: Path) -> None:
    assert main(["new", str(tmp_path / "a")]) == 0
    assert list((tmp_path / "a").glob("content/modules/*.md")) == []
