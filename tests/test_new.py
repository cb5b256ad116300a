"""qisite new: a fresh academy that builds with --strict; a folder with files is left alone."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from qisite.cli import main
from qisite.inputs import load_inputs
from tests.clirun import run_cli
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


def _git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_new_keeps_what_builds_write_out_of_git(tmp_path: Path) -> None:
    target = tmp_path / "academy"
    assert main(["new", str(target)]) == 0
    _git(target, "init", "-q")
    _git(target, "add", "-A")
    _git(target, "commit", "-qm", "new academy")
    assert ".gitignore" in _git(target, "ls-files")
    # What each build writes: MkDocs' site, qisite generate's folder and config, and
    # Zensical's shared-folder copy and its cache.
    build_project(target)
    assert run_cli("generate", cwd=target).returncode == 0
    offline = ("-f", "mkdocs.offline.yml", "-d", "site-offline")
    done = run_cli("build", "--engine", "zensical", *offline, cwd=target)
    assert done.returncode == 0, done.stderr
    written = ("site", "build", "mkdocs.generated.yml", "mkdocs.offline.generated.yml")
    for name in (*written, "site-offline/index.html", ".cache"):
        assert (target / name).exists(), name
    assert _git(target, "status", "--porcelain", "--untracked-files=all") == ""


def test_new_leaves_an_organisers_gitignore_as_it_is(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("notes/\n", encoding="utf-8")
    assert main(["new", str(tmp_path), "--force"]) == 0
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "notes/\n"
