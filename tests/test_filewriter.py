"""Calendar files and assets are written by a helper process once there are many."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import Abort

from qisite import filewriter
from qisite.filewriter import BackgroundWriter
from tests.sitebuild import build_site


def _tree(site_dir: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site_dir).as_posix(): p.read_bytes()
        for p in sorted(site_dir.rglob("*"))
        if p.is_file()
    }


def test_a_few_files_are_written_without_a_helper(tmp_path: Path) -> None:
    writer = BackgroundWriter(batch=10)
    for n in range(3):
        writer.add(str(tmp_path / "feeds" / f"{n}.ics"), f"event {n}".encode())

    assert writer.finish() == 3
    assert not writer.helper_started
    assert (tmp_path / "feeds" / "2.ics").read_bytes() == b"event 2"


def _write_here_forbidden(items: object) -> int:
    raise AssertionError("the build process wrote files the helper should have")


def test_many_files_go_to_the_helper_in_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(filewriter, "write_files", _write_here_forbidden)
    writer = BackgroundWriter(batch=4)
    expected = {f"deep/{n % 3}/{n}.ics": f"BEGIN:VCALENDAR {n}\r\n".encode() for n in range(11)}
    for name, content in expected.items():
        writer.add(str(tmp_path / name), content)
    assert writer.helper_started  # started when the first four were waiting

    assert writer.finish() == 11
    assert not writer.helper_started  # stopped by finish
    assert _tree(tmp_path) == expected


@pytest.mark.parametrize("batch", [1, 100], ids=["helper", "inline"])
def test_a_file_that_cannot_be_written_is_named(tmp_path: Path, batch: int) -> None:
    (tmp_path / "feeds").write_text("a file where a folder should be", encoding="utf-8")
    writer = BackgroundWriter(batch=batch)
    writer.add(str(tmp_path / "feeds" / "all.ics"), b"x")

    with pytest.raises(OSError) as raised:
        writer.finish()
    assert str(tmp_path / "feeds") in str(raised.value)


def test_a_site_written_by_the_helper_is_the_same_as_one_written_inline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")
    inline = build_site(tmp_path / "inline")

    started: list[bool] = []
    close = BackgroundWriter.close

    def remember_helper(self: BackgroundWriter) -> None:
        started.append(self.helper_started)
        close(self)

    monkeypatch.setattr(filewriter, "BATCH", 7)
    monkeypatch.setattr(BackgroundWriter, "close", remember_helper)
    helped = build_site(tmp_path / "helped")

    assert True in started
    inline_files, helped_files = _tree(inline.site_dir), _tree(helped.site_dir)
    assert sum(name.endswith(".ics") for name in helped_files) > 7 * 3
    assert sorted(helped_files) == sorted(inline_files)
    assert [n for n in inline_files if inline_files[n] != helped_files[n]] == []


def test_a_feed_that_cannot_be_written_stops_the_build_with_its_name(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # A hand-written page at feeds/all.ics/ leaves a folder where the feed must go.
    with pytest.raises(Abort):
        build_site(tmp_path, extra_files={"content/feeds/all.ics/index.md": "# In the way\n"})
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert any(
        re.fullmatch(r"could not write .*/feeds/all\.ics: Is a directory", e) for e in errors
    ), errors


@pytest.mark.parametrize(
    "helper", ["/bin/true", "/no/such/python"], ids=["dies-silently", "cannot-start"]
)
def test_without_a_working_helper_the_build_writes_the_files_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, helper: str
) -> None:
    monkeypatch.setattr(filewriter.sys, "executable", helper)
    writer = BackgroundWriter(batch=2)
    expected = {f"feeds/{n}.ics": f"event {n}".encode() for n in range(5)}
    for name, content in expected.items():
        writer.add(str(tmp_path / name), content)

    assert writer.finish() == 5
    assert _tree(tmp_path) == expected


def test_the_helper_imports_qisite_from_where_this_process_found_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build script may put qisite on sys.path itself; the helper must find the same."""
    seen: list[str] = []
    popen = filewriter.subprocess.Popen

    def spying_popen(*args: object, **kwargs: Any) -> Any:
        seen.append(kwargs["env"]["PYTHONPATH"])
        return popen(*args, **kwargs)

    monkeypatch.setattr(filewriter.sys, "path", [str(tmp_path / "somewhere"), *sys.path])
    monkeypatch.setattr(filewriter.subprocess, "Popen", spying_popen)
    monkeypatch.setattr(filewriter, "write_files", _write_here_forbidden)
    writer = BackgroundWriter(batch=1)
    writer.add(str(tmp_path / "a.ics"), b"x")

    assert writer.finish() == 1
    assert seen and seen[0].split(os.pathsep)[0] == str(tmp_path / "somewhere")
    assert (tmp_path / "a.ics").read_bytes() == b"x"
