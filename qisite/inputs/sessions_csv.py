"""Sessions kept in a spreadsheet: CSV files named under ``session_files:``.

One row is one single session. Rows are checked with the same ``Session``
model as the YAML, and every problem points at the file, the row's line and
the column, so an organiser can find the cell in their spreadsheet.
"""

from __future__ import annotations

import csv
import difflib
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from qisite.csv_cells import (
    CellError,
    cell_datetime,
    detect_separator,
    separator_info,
)
from qisite.inputs.structure import problems_from_validation_error
from qisite.model import CsvRow, Session
from qisite.problems import Position, Problem, suggest
from qisite.yaml_source import SourceMap

COLUMNS: dict[str, str] = {
    "id": "a unique id for the session, like intro-2027-01 (required)",
    "former_ids": "ids the session was published under before, oldest first, separated by "
    "';' (its calendar events keep the first one's UIDs)",
    "module": "the id of the module the session teaches (required)",
    "title": "shown instead of the module's title",
    "start": "date and local time, like 2027-01-14 12:30 or 14/01/2027 12:30 (required)",
    "end": "end time (13:30) or date and time",
    "duration": "instead of end: 1h30m, 90m, 1.5h",
    "venue": "room and site",
    "online": "link to join online (https://...)",
    "facilitator": "who runs it",
    "capacity": "number of places",
    "booking": "booking link (https://... or mailto:...)",
    "audiences": "audience ids separated by ';' (default: the module's)",
    "cohort": "cohort or wave name",
    "status": "scheduled or cancelled",
    "notes": "anything else readers should know",
}
"""The columns a sessions CSV may have, with what each holds (also shown in hints)."""

REQUIRED_COLUMNS = ("id", "module", "start")
_LIST_COLUMNS = ("audiences", "former_ids")


@dataclass
class SessionFiles:
    rows: list[CsvRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


_SECONDS = re.compile(r"^(\d{1,2}[:.]\d{2}):00$")
_TIME_OF_DAY = re.compile(r"^\d{1,2}[:.]\d{2}(?::\d{2})?$")


def _cell_value(column: str, text: str) -> Any:
    """A cell as the model reads it, forgiving what spreadsheets do to dates and words.

    Dates are read here, by the rules every CSV shares, so that a message
    quotes the cell as it was typed; raises CellError for one that cannot be read.
    """
    if column in _LIST_COLUMNS:
        return [part.strip() for part in text.split(";") if part.strip()]
    if column == "end" and _TIME_OF_DAY.match(text):
        return _SECONDS.sub(r"\1", text)  # a time alone (15:00:00 as spreadsheets save it)
    if column in ("start", "end"):
        return cell_datetime(text)
    if column == "status":
        return text.lower()
    return text


def _read_cell(data: dict[str, Any], column: str, text: str) -> list[CellError]:
    """Put the cell's value in ``data``; the error that stopped it, if any."""
    try:
        data[column] = _cell_value(column, text)
    except CellError as error:
        return [error]
    return []


def _header_problems(display: str, header: list[str]) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    meant: set[str] = set()
    for number, name in enumerate(header, start=1):
        if not name:
            continue
        if name not in COLUMNS:
            close = difflib.get_close_matches(name, COLUMNS, n=1, cutoff=0.6)
            meant.update(close)
            yield Problem.error(
                Position(display, 1, number),
                (name,),
                f"unknown column '{name}'",
                suggest(name, COLUMNS) or "the columns are: " + ", ".join(COLUMNS),
            )
        elif name in seen:
            yield Problem.error(
                Position(display, 1, number),
                (name,),
                f"the column '{name}' appears twice (first as column {seen[name]})",
            )
        else:
            seen[name] = number
    for name in REQUIRED_COLUMNS:
        if name not in seen and name not in meant:  # a misspelt column is reported once, above
            yield Problem.error(
                Position(display, 1, 1),
                (name,),
                f"the required column '{name}' is missing",
                f"add a column headed '{name}': {COLUMNS[name]}",
            )


def parse_session_csv(text: str, display: str) -> SessionFiles:
    """The rows of one sessions CSV's text and the problems in it; never raises for bad input."""
    found = SessionFiles()
    if not text.strip():
        found.problems.append(
            Problem.error(
                Position(display, 1, 1),
                (),
                "the file is empty",
                "the first row names the columns: " + ", ".join(REQUIRED_COLUMNS) + ", ...",
            )
        )
        return found
    separator = detect_separator(text, COLUMNS)
    if separator != ",":
        found.problems.append(separator_info(display, separator))
    reader = csv.reader(text.splitlines(keepends=True), delimiter=separator)
    header = [name.strip().lower() for name in next(reader, [])]
    header_problems = list(_header_problems(display, header))
    found.problems.extend(header_problems)
    if not set(REQUIRED_COLUMNS) <= set(header):
        return found
    columns = {name: number for number, name in enumerate(header, start=1) if name in COLUMNS}
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            found.problems.append(
                Problem.error(Position(display, line, 1), (), f"the row cannot be read: {error}")
            )
            break
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header):
            found.problems.append(
                Problem.error(
                    Position(display, line, len(header) + 1),
                    (),
                    f"this row has {len(cells)} cells but the header has {len(header)} columns",
                    "a comma inside a value needs the value in double quotes",
                )
            )
            continue
        data: dict[str, Any] = {}
        unreadable = [
            Problem.error(
                Position(display, line, columns[name]),
                (name,),
                f"row {line}: {error.message}",
                error.hint,
            )
            for name, cell in zip(header, cells, strict=False)
            if name in columns and cell.strip()
            for error in _read_cell(data, name, cell.strip())
        ]
        if unreadable:
            found.problems.extend(unreadable)
            continue
        empty = [name for name in REQUIRED_COLUMNS if name not in data]
        for name in empty:
            found.problems.append(
                Problem.error(
                    Position(display, line, columns[name]),
                    (name,),
                    f"row {line}: the '{name}' cell is empty",
                    COLUMNS[name],
                )
            )
        if empty:
            continue
        source = SourceMap(
            display,
            {(): Position(display, line, 1)}
            | {(name,): Position(display, line, number) for name, number in columns.items()},
        )
        try:
            session = Session.model_validate(data)
        except ValidationError as error:
            for problem in problems_from_validation_error(error, Session, source, data):
                found.problems.append(_with_row(problem, line))
            continue
        found.rows.append(CsvRow(session, display, line, columns))
    return found


def _with_row(problem: Problem, line: int) -> Problem:
    """Say 'row' in words: organisers look for the row in a spreadsheet, not a line."""
    return Problem(
        problem.severity,
        problem.position,
        problem.path,
        f"row {line}: {problem.message}",
        problem.hint,
    )


def display_name(curriculum_display: str, name: str) -> str:
    """The CSV's name as the organiser sees it, next to the curriculum file."""
    folder = posixpath.dirname(curriculum_display.replace("\\", "/"))
    return posixpath.normpath(posixpath.join(folder, name)) if folder else name
