"""mkdocs build stops on a broken curriculum with the same words as qisite validate."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from qisite.inputs import load_inputs
from tests.clirun import run_cli
from tests.sitebuild import REPO, build_site, make_project

BROKEN = REPO / "tests" / "broken"
VALID = (REPO / "tests" / "minimal_valid.yaml").read_text(encoding="utf-8")


def cli_lines(case: str, tmp_path: Path) -> list[str]:
    """What `qisite validate curriculum.yaml` prints for this case, run beside mkdocs.yml."""
    copy = tmp_path / "check" / "curriculum.yaml"
    copy.parent.mkdir()
    copy.write_bytes((BROKEN / f"{case}.yaml").read_bytes())
    return [str(p) for p in load_inputs(copy, "curriculum.yaml").errors]


def plugin_error(root: Path, curriculum: str) -> str:
    """The PluginError the qisite plugin raises when MkDocs loads the project."""
    make_project(root, curriculum=curriculum)
    config = load_config(config_file=str(root / "mkdocs.yml"))
    with pytest.raises(PluginError) as stopped:
        config.plugins.on_config(config)
    return str(stopped.value)


@pytest.mark.parametrize(
    ("case", "where"),
    [
        ("unknown-prerequisite", "curriculum.yaml:48:21: error: modules[1].prerequisites[0]"),
        ("missing-module-title", "curriculum.yaml:41:5: error: modules[1].title"),
        ("yaml-tab", "curriculum.yaml:43:1: error: the YAML cannot be read"),
        ("prerequisite-cycle", "curriculum.yaml:41:21: error: modules[0].prerequisites[0]"),
    ],
)
def test_invalid_curriculum_raises_plugin_error(case: str, where: str, tmp_path: Path) -> None:
    message = plugin_error(tmp_path / "project", (BROKEN / f"{case}.yaml").read_text("utf-8"))
    assert where in message
    expected = cli_lines(case, tmp_path)
    assert expected
    for line in expected:
        assert line in message.splitlines()


def test_build_stops_and_shows_every_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    text = VALID.replace("headcount: 1000", "headcount: many").replace(
        "prerequisites: [qi-basics]", "prerequisites: [qi-basic]"
    )
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        build_site(tmp_path, curriculum=text)
    logged = "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)
    assert "curriculum.yaml has 2 error(s); nothing was built" in logged
    assert "curriculum.yaml:5:14: error: academy.headcount" in logged
    assert "curriculum.yaml:48:21: error: modules[1].prerequisites[0]: unknown module" in logged
    assert not (tmp_path / "site" / "index.html").exists()


def test_warnings_build_but_fail_strict(tmp_path: Path) -> None:
    text = (BROKEN / "dose-gap.yaml").read_text(encoding="utf-8")
    built = build_site(tmp_path / "lenient", curriculum=text)
    assert (built.site_dir / "index.html").is_file()
    gaps = [w for w in built.warnings() if "gap in the plan" in w]
    assert len(gaps) == 1
    assert "curriculum.yaml:27:18: warning: audiences[0].dose.variation" in gaps[0]
    with pytest.raises(Abort):
        build_site(tmp_path / "strict", curriculum=text, strict=True)


def test_valid_minimal_curriculum_builds_strict(tmp_path: Path) -> None:
    built = build_site(tmp_path, curriculum=VALID, strict=True)
    assert (built.site_dir / "index.html").is_file()
    assert built.warnings() == []


def test_hints_are_told_at_info_and_a_strict_build_passes(tmp_path: Path) -> None:
    """A brand-new academy with no feed_id, its sessions in a CSV saved with ';': the site
    is right, so --strict builds it; both hints are logged at MkDocs' INFO level."""
    text = (BROKEN / "csv-semicolon.yaml").read_text(encoding="utf-8")
    text = text.replace("  feed_id: test-academy\n", "")
    csv = (BROKEN / "csv-semicolon.csv").read_text(encoding="utf-8")
    built = build_site(
        tmp_path, curriculum=text, extra_files={"csv-semicolon.csv": csv}, strict=True
    )
    assert (built.site_dir / "feeds" / "sessions" / "basics-march.ics").is_file()
    assert built.warnings() == []
    hints = [
        r.getMessage()
        for r in built.logs
        if r.name == "mkdocs.plugins.qisite" and r.levelno == logging.INFO
    ]
    assert any("info: academy.feed_id: not set" in m for m in hints), hints
    assert any("csv-semicolon.csv:1:1: info: " in m and "semicolons" in m for m in hints)
    # The same on the route for engines that run no plugin.
    zensical = run_cli("build", "--engine", "zensical", "--strict", cwd=built.root)
    assert zensical.returncode == 0, zensical.stderr
    assert "curriculum.yaml:" in zensical.stderr and "info: academy.feed_id: not set" in (
        zensical.stderr
    )
