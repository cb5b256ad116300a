"""libyaml parses like the pure-Python parser: same data, same positions, same errors."""

from __future__ import annotations

import pytest

from qisite import yaml_source
from tests.sitebuild import REPO

TRICKY = """\
x: "ü é ñ"
y: [ä, {z: "€"}]
w: |
  several
  lines
k: &anchor {p: 1}
m:
  <<: *anchor
  q: 2
n: no
d: 2027-01-14
t: 12:30
"""


def _parse_with(monkeypatch: pytest.MonkeyPatch, loader: type, text: str):
    monkeypatch.setattr(yaml_source, "_Loader", loader)
    return yaml_source.parse_yaml(text, "curriculum.yaml")


@pytest.mark.skipif(not hasattr(yaml_source, "_FastLoader"), reason="PyYAML without libyaml")
@pytest.mark.parametrize("text", [TRICKY, (REPO / "curriculum.yaml").read_text("utf-8")])
def test_fast_and_pure_loaders_agree(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    fast = _parse_with(monkeypatch, yaml_source._FastLoader, text)
    pure = _parse_with(monkeypatch, yaml_source._PureLoader, text)
    assert fast.data == pure.data
    assert fast.source.positions == pure.source.positions
    assert fast.data is not None


@pytest.mark.parametrize("text", ["a: b: c\n", "a:\n  - x\n b: [1\n", "a: 'open\n"])
def test_syntax_errors_read_as_with_the_pure_loader(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    assert yaml_source._Loader is getattr(yaml_source, "_FastLoader", yaml_source._PureLoader)
    fast = yaml_source.parse_yaml(text, "curriculum.yaml")
    pure = _parse_with(monkeypatch, yaml_source._PureLoader, text)
    assert fast.problems == pure.problems
    assert len(fast.problems) == 1
    assert "the YAML cannot be read" in fast.problems[0].message
