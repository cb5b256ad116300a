"""Projects read from the CSV files named in ``project_files:``: the few fields the site
shows, as a project platform's export or a spreadsheet gives them.

One project a row. Lists (audiences, modules) are ids separated by ';'. A
stage's date has its own column (``testing_changes_from`` and so on). The
measure's points stay in ``curriculum.yaml``: a CSV row has no room for them.
Every cell is checked for personal data (an NHS number, a date of birth, an
email outside ``contact``), and a column whose name says it holds something
about a person is refused, as progress files are.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from qisite.csv_cells import CellError, cell_date, detect_separator, separator_info
from qisite.model import Project, Stage
from qisite.model.projects import ProjectRow, stage_column
from qisite.problems import Position, Problem, suggest
from qisite.validation.personal_data import column_looks_personal, describe, find_personal

STAGE_COLUMNS = {stage_column(s): s for s in Stage if s is not Stage.IDEA}
COLUMNS = (
    "id", "title", "aim", "area", "audiences", "modules", "coach", "stage", "start",
    *STAGE_COLUMNS, "pdsa_cycles", "progress_score", "progress_date", "link",
    "welcomes_members", "contact", "notes",
)  # fmt: skip
REQUIRED = ("id", "title", "aim", "area", "stage", "start")
PRIVACY = "the site publishes aggregate facts only, nothing that identifies a patient or learner"
_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0", ""}


def _problem(
    file: str, line: int, column: int, name: str, message: str, hint: str | None = None
) -> Problem:
    return Problem.error(
        Position(file, line, column), (), f"row {line}, column '{name}': {message}", hint
    )


def parse_projects_csv(text: str, file: str) -> tuple[list[ProjectRow], list[Problem]]:
    """Rows and problems of one projects CSV; ``file`` is the name used in messages."""
    separator = detect_separator(text, COLUMNS)
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=separator)
    header = next(reader, None)
    if not header or not any(h.strip() for h in header):
        hint = "the first line must name the columns: " + ", ".join(REQUIRED) + " and others"
        return [], [Problem.error(Position(file, 1, 1), (), "the file is empty", hint)]
    names = [h.strip().lower().replace(" ", "_") for h in header]
    problems: list[Problem] = []
    for number, (raw, name) in enumerate(zip(header, names, strict=True), start=1):
        where = Position(file, 1, number)
        if column_looks_personal(name):
            problems.append(Problem.error(
                where, (), f"column '{raw}' looks like personal data and is refused: {PRIVACY}",
                "keep only what describes the project as a whole",
            ))
        elif name and name not in COLUMNS:
            problems.append(Problem.error(
                where, (), f"unknown column '{raw}'",
                suggest(name, COLUMNS) or "the columns are: " + ", ".join(COLUMNS),
            ))
    for required in REQUIRED:
        if required not in names:
            problems.append(Problem.error(
                Position(file, 1, 1), (), f"the column '{required}' is missing"
            ))
    if problems:
        return [], problems
    if separator != ",":
        problems.append(separator_info(file, separator))
    at = {name: number for number, name in enumerate(names) if name}
    rows: list[ProjectRow] = []
    for line, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        row, found = _read_row(file, line, cells, names, at)
        problems.extend(found)
        if row is not None:
            rows.append(row)
    return rows, problems


def _read_row(
    file: str, line: int, cells: Sequence[str], names: Sequence[str], at: dict[str, int]
) -> tuple[ProjectRow | None, list[Problem]]:
    problems: list[Problem] = []
    for number, text in enumerate(cells):
        name = names[number] if number < len(names) else f"column {number + 1}"
        for finding in find_personal(text, allow_email=name == "contact"):
            problems.append(_problem(
                file, line, number + 1, name,
                f"this looks like {describe(finding)} and is refused: {PRIVACY}",
                "remove it; describe the project in aggregate terms",
            ))
    if problems:
        return None, problems

    def cell(name: str) -> str:
        number = at.get(name)
        return cells[number].strip() if number is not None and number < len(cells) else ""

    def bad(name: str, message: str, hint: str | None = None) -> None:
        problems.append(_problem(file, line, at.get(name, 0) + 1, name, message, hint))

    text_columns = ("id", "title", "aim", "area", "stage", "link", "contact", "notes")
    data: dict[str, Any] = {key: cell(key) for key in text_columns if cell(key)}
    for key in ("audiences", "modules"):
        data[key] = [part.strip() for part in cell(key).split(";") if part.strip()]
    if cell("coach"):
        data["coach"] = cell("coach")
    dates: dict[str, Any] = {}
    for name in ("start", *STAGE_COLUMNS, "progress_date"):
        if cell(name):
            try:
                dates[name] = cell_date(cell(name))
            except CellError as error:
                bad(name, error.message, error.hint)
    if "start" in dates:
        data["start"] = dates["start"]
    data["stage_dates"] = {
        stage.value: dates[name] for name, stage in STAGE_COLUMNS.items() if name in dates
    }
    if cell("pdsa_cycles"):
        data["pdsa_cycles"] = cell("pdsa_cycles")
    if cell("progress_score") or "progress_date" in dates:
        data["progress"] = {"score": cell("progress_score"), "on": dates.get("progress_date")}
    welcomes = cell("welcomes_members").lower()
    if welcomes in _YES:
        data["welcomes_members"] = True
    elif welcomes not in _NO:
        bad("welcomes_members", f"'{cell('welcomes_members')}' is not yes or no")
    if problems:
        return None, problems
    try:
        project = Project.model_validate(data)
    except ValidationError as error:
        for item in error.errors():
            key = str(item["loc"][0]) if item["loc"] else "id"
            column = {"progress": "progress_score"}.get(key, key)
            bad(column, item["msg"])
        return None, problems
    columns = {name: number + 1 for name, number in at.items()}
    return ProjectRow(project, file, line, columns), []
