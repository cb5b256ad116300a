"""Two builds of the same input give the same bytes in every file."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sitebuild import REPO, build_site, make_project

EPOCH = "1798761600"  # 2027-01-01 00:00 UTC


def _files(site_dir: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site_dir).as_posix(): p.read_bytes()
        for p in sorted(site_dir.rglob("*"))
        if p.is_file()
    }


def _build_in_new_process(root: Path, hash_seed: str) -> Path:
    """Build as `mkdocs build` does, in a fresh interpreter with its own hash seed.

    A different PYTHONHASHSEED changes the iteration order of sets of strings,
    so output that depends on set order differs between the two builds.
    """
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, PYTHONHASHSEED=hash_seed)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    site_dir = root / "site"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site_dir)],
        cwd=root,
        env=env,
        check=True,
    )
    return site_dir


def test_two_builds_are_identical_file_by_file(tmp_path: Path) -> None:
    config = {"site_url": "https://qi.example.org/"}
    first = _files(_build_in_new_process(make_project(tmp_path / "one", config=config), "1"))
    second = _files(_build_in_new_process(make_project(tmp_path / "two", config=config), "2"))

    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
    for name in ("sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "index.html"):
        assert name in first
    assert any(name.endswith(".html") and name.startswith("pathways/") for name in first)


def test_build_date_comes_from_source_date_epoch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    site = build_site(tmp_path / "one", config={"site_url": "https://qi.example.org/"})
    sitemap = (site.site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2027-01-01</lastmod>" in sitemap
    with gzip.open(site.site_dir / "sitemap.xml.gz") as compressed:
        assert compressed.read().decode("utf-8") == sitemap
    header_mtime = int.from_bytes((site.site_dir / "sitemap.xml.gz").read_bytes()[4:8], "little")
    assert header_mtime == int(EPOCH)
