"""The qisite command: validate's exit status and output, and the schema it writes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from qisite.cli import main
from tests.clirun import run_cli
from tests.sitebuild import REPO

BROKEN = REPO / "tests" / "broken"


def test_validate_shipped_curriculum_exits_0() -> None:
    run = run_cli("validate", "curriculum.yaml")
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "curriculum.yaml: valid (0 warnings)"
    assert run.stderr == ""


def test_validate_looks_for_curriculum_yaml_in_the_current_folder(tmp_path: Path) -> None:
    shutil.copy(REPO / "tests" / "minimal_valid.yaml", tmp_path / "curriculum.yaml")
    run = run_cli("validate", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "curriculum.yaml: valid" in run.stdout


def test_validate_with_errors_exits_1_and_counts_them(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(BROKEN / "unknown-prerequisite.yaml")
    assert main(["validate", path]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "unknown module 'qi-basic' (did you mean 'qi-basics'?)" in err
    assert err.strip().endswith("1 error, 0 warnings")


def test_validate_with_only_warnings_exits_0_and_prints_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = str(BROKEN / "dose-gap.yaml")
    assert main(["validate", path]) == 0
    out, err = capsys.readouterr()
    assert "valid (1 warning)" in out
    assert ": warning: audiences[0].dose.variation: gap in the plan" in err


def test_validate_missing_file_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["validate", str(tmp_path / "nowhere.yaml")]) == 1
    _, err = capsys.readouterr()
    assert "nowhere.yaml: error: file not found" in err


def test_validate_a_folder_exits_1_without_traceback(tmp_path: Path) -> None:
    run = run_cli("validate", str(tmp_path))
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert "cannot read the file" in run.stderr


def test_schema_to_stdout_is_a_valid_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(schema["required"]) == {"academy", "dose_levels", "domains", "audiences"}
    assert schema["additionalProperties"] is False
    # Editors show these on hover: every key an organiser writes in a module is explained.
    module = schema["$defs"]["Module"]["properties"]
    assert all(field.get("description") for field in module.values())
    assert "1h30m" in module["duration"]["description"]


def test_schema_output_option_writes_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "curriculum.schema.json"
    assert main(["schema", "--output", str(target)]) == 0
    assert capsys.readouterr().out == ""
    written = json.loads(target.read_text(encoding="utf-8"))
    assert main(["schema", "-o", str(tmp_path / "again.json")]) == 0
    assert json.loads((tmp_path / "again.json").read_text(encoding="utf-8")) == written
    jsonschema.Draft202012Validator.check_schema(written)


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["validte"])
    assert stopped.value.code == 2
    assert "invalid choice: 'validte'" in capsys.readouterr().err


def test_an_internal_fault_is_one_line_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(args: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr("qisite.commands.validate.run", broken)
    monkeypatch.delenv("QISITE_DEBUG", raising=False)
    assert main(["validate"]) == 2
    err = capsys.readouterr().err
    assert "internal error (RuntimeError: boom)" in err
    assert "Traceback" not in err
    monkeypatch.setenv("QISITE_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main(["validate"])
