"""Two builds of the same input give the same bytes in every file."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tests.sitebuild import build_site

EPOCH = "1798761600"  # 2027-01-01 00:00 UTC


def _files(site_dir: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site_dir).as_posix(): p.read_bytes()
        for p in sorted(site_dir.rglob("*"))
        if p.is_file()
    }


def test_two_builds_are_identical_file_by_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    first = _files(
        build_site(tmp_path / "one", config={"site_url": "https://qi.example.org/"}).site_dir
    )
    second = _files(
        build_site(tmp_path / "two", config={"site_url": "https://qi.example.org/"}).site_dir
    )

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
