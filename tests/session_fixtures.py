"""A small fixture academy for session tests (ids unrelated to the shipped example)."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from qisite.inputs import Loaded, load_inputs
from qisite.model import Curriculum, Inputs

BASE = textwrap.dedent(
    """\
    academy:
      name: Testshire QI Academy
      organisation: Testshire NHS Trust
      headcount: 1000
      timezone: Europe/London
      contact: qi@testshire.example.nhs.uk
    dose_levels:
      - {id: lvl-one, name: Level one}
    domains:
      - {id: dom-a, name: Domain A}
    audiences:
      - {id: aud-ward, name: Ward staff}
      - {id: aud-board, name: Board}
    modules:
      - id: mod-intro
        title: Introduction module
        dose: lvl-one
        domains: [dom-a]
        audiences: [aud-ward, aud-board]
        formats: [workshop]
        duration: 1h
      - id: mod-data
        title: Data module
        dose: lvl-one
        domains: [dom-a]
        audiences: [aud-board]
        formats: [classroom]
        duration: 3h
    """
)

FIRST_SESSION_LINE = BASE.count("\n") + 2
"""Where the first item of ``sessions:`` sits when no ``extra`` text is given."""


def curriculum_text(sessions: str = "", extra: str = "") -> str:
    """The fixture academy with a ``sessions:`` block (indented YAML list) appended."""
    text = BASE + extra
    if sessions:
        text += "sessions:\n" + textwrap.indent(textwrap.dedent(sessions), "  ")
    return text


def load(
    tmp_path: Path, sessions: str = "", extra: str = "", files: dict[str, str] | None = None
) -> Loaded:
    for name, content in (files or {}).items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    path = tmp_path / "curriculum.yaml"
    path.write_text(curriculum_text(sessions, extra), encoding="utf-8")
    return load_inputs(path, "curriculum.yaml")


def inputs(tmp_path: Path, sessions: str = "", **kwargs: Any) -> Inputs:
    """The fixture academy's inputs, read from files written into ``tmp_path``; valid."""
    result = load(tmp_path, sessions, **kwargs)
    assert result.ok, "\n".join(str(p) for p in result.problems)
    return result.require()


def curriculum(tmp_path: Path, sessions: str = "", **kwargs: Any) -> Curriculum:
    return inputs(tmp_path, sessions, **kwargs).curriculum


def count_reads(monkeypatch: Any) -> list[str]:
    """Names of the files read with ``Path.read_text`` or ``Path.read_bytes`` from now on
    (the input step's ways)."""
    names: list[str] = []
    read_text, read_bytes = Path.read_text, Path.read_bytes

    def counting_text(path: Path, *args: Any, **kwargs: Any) -> str:
        names.append(path.name)
        return read_text(path, *args, **kwargs)

    def counting_bytes(path: Path) -> bytes:
        names.append(path.name)
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_text", counting_text)
    monkeypatch.setattr(Path, "read_bytes", counting_bytes)
    return names
