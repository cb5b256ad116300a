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


def _parse_with(monkeypatch: pytest.MonkeyPatch, loaders: tuple[type, ...], text: str):
    monkeypatch.setattr(yaml_source, "_LOADERS", loaders)
    return yaml_source.parse_yaml(text, "curriculum.yaml")


@pytest.mark.skipif(not hasattr(yaml_source, "_FastLoader"), reason="PyYAML without libyaml")
@pytest.mark.parametrize("text", [TRICKY, (REPO / "curriculum.yaml").read_text("utf-8")])
def test_fast_and_pure_loaders_agree(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    fast = _parse_with(monkeypatch, (yaml_source._FastLoader,), text)
    pure = _parse_with(monkeypatch, (yaml_source._Loader,), text)
    assert fast.data == pure.data
    assert fast.source.positions == pure.source.positions
    assert fast.data is not None


def test_syntax_errors_keep_the_pure_loaders_words() -> None:
    document = yaml_source.parse_yaml("a: b: c\n", "curriculum.yaml")
    [problem] = document.problems
    assert "mapping values are not allowed here" in problem.message
    assert problem.position.line == 1
