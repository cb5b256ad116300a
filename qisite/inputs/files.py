"""Opening the files an academy is made of: the one place below the commands that does.

Each function reads one file and hands its text to the parser for its kind
(``qisite.yaml_source``, ``sessions_csv``, ``progress_csv``), turning a file
that cannot be read into a problem with its name, never an exception.
"""

from __future__ import annotations

from collections.abc import Collection
from importlib import resources
from pathlib import Path

import yaml

from qisite.csv_cells import decode_csv
from qisite.inputs.progress_csv import parse_progress_csv
from qisite.inputs.projects_csv import parse_projects_csv
from qisite.inputs.sessions_csv import parse_session_csv
from qisite.model import Catalogue, CsvFile, CsvRow, IhiCourse, ProgressRow
from qisite.model.projects import ProjectRow
from qisite.problems import Position, Problem
from qisite.yaml_source import SourceMap, YamlDocument, parse_yaml


def read_yaml(path: Path, display_name: str | None = None) -> YamlDocument:
    name = display_name or str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return YamlDocument(
            None,
            SourceMap(name),
            [
                Problem.error(
                    Position(name, 0, 0),
                    (),
                    "file not found",
                    hint="check the name and the folder; by default qisite looks for "
                    "curriculum.yaml in the current folder",
                )
            ],
        )
    except (IsADirectoryError, PermissionError) as error:
        return YamlDocument(
            None,
            SourceMap(name),
            [Problem.error(Position(name, 0, 0), (), f"cannot read the file: {error.strerror}")],
        )
    except UnicodeDecodeError as error:
        before = error.object[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        return YamlDocument(
            None,
            SourceMap(name),
            [
                Problem.error(
                    Position(name, line, column),
                    (),
                    f"the file is not UTF-8 text: byte 0x{error.object[error.start]:02x} "
                    "cannot be read (it is probably an accented letter or a symbol "
                    "saved in another encoding)",
                    hint="save the file as UTF-8 from your editor",
                )
            ],
        )
    return parse_yaml(text, name)


def read_session_csv(path: Path, name: str, display: str) -> CsvFile[CsvRow]:
    """One sessions CSV named ``name`` in the curriculum; ``found`` is False when it is absent."""
    if not path.is_file():
        return CsvFile(name, display, found=False)
    try:
        text, refusal = decode_csv(path.read_bytes(), display)
    except FileNotFoundError:
        problem = Problem.error(Position(display, 0, 0), (), "file not found")
        return CsvFile(name, display, found=True, problems=(problem,))
    if text is None:
        return CsvFile(name, display, found=True, problems=(refusal,) if refusal else ())
    parsed = parse_session_csv(text, display)
    return CsvFile(name, display, True, tuple(parsed.rows), tuple(parsed.problems))


def read_progress_csv(
    path: Path, name: str, display: str, audiences: Collection[str], modules: Collection[str]
) -> CsvFile[ProgressRow]:
    """One progress CSV named ``name``; audiences and modules are the ids its rows may name."""
    if not path.is_file():
        return CsvFile(name, display, found=False)
    try:
        text, unreadable = decode_csv(path.read_bytes(), display)
    except FileNotFoundError:
        problem = Problem.error(Position(display, 0, 0), (), "file not found")
        return CsvFile(name, display, found=True, problems=(problem,))
    except OSError as error:
        problem = Problem.error(Position(display, 0, 0), (), f"cannot read it: {error}")
        return CsvFile(name, display, found=True, problems=(problem,))
    if text is None:
        return CsvFile(name, display, found=True, problems=(unreadable,) if unreadable else ())
    rows, problems = parse_progress_csv(text, display, audiences, modules)
    return CsvFile(name, display, True, tuple(rows), tuple(problems))


def read_projects_csv(path: Path, name: str, display: str) -> CsvFile[ProjectRow]:
    """One projects CSV named ``name`` in the curriculum; ``found`` is False when it is absent."""
    if not path.is_file():
        return CsvFile(name, display, found=False)
    try:
        text, unreadable = decode_csv(path.read_bytes(), display)
    except OSError as error:
        problem = Problem.error(Position(display, 0, 0), (), f"cannot read it: {error}")
        return CsvFile(name, display, found=True, problems=(problem,))
    if text is None:
        return CsvFile(name, display, found=True, problems=(unreadable,) if unreadable else ())
    rows, problems = parse_projects_csv(text, display)
    return CsvFile(name, display, True, tuple(rows), tuple(problems))


def read_builtin_catalogue() -> Catalogue:
    """The IHI Open School courses shipped in the package (``qisite/data/ihi_open_school.yaml``)."""
    text = resources.files("qisite").joinpath("data/ihi_open_school.yaml").read_text("utf-8")
    raw = yaml.safe_load(text)
    courses = {c.code: c for c in (IhiCourse.model_validate(item) for item in raw["courses"])}
    return Catalogue(raw["catalogue_url"], tuple(raw["basic_certificate"]), courses)
