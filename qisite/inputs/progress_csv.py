"""Progress as aggregate counts, read from the CSV files named in ``progress_files:``.

Each row says how many people completed on or before a date since the
previous row for the same group: ``date``, then ``audience`` and/or
``module``, then ``completed``. The run chart adds the rows up.

The site never publishes learners' personal data, so a column whose name
looks personal (a name, an email address, a staff or NHS number...) stops
the build, and so does any cell that holds an email address. Only counts go
in; nothing about a person can come out.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path

from qisite.csv_cells import CellError, cell_date, detect_separator, separator_info
from qisite.model import ProgressRow
from qisite.problems import Position, Problem, suggest

COLUMNS = ("date", "audience", "module", "completed")
PRIVACY = "the site never publishes learners' personal data"

_PERSONAL_WHOLE = re.compile(
    r"(?:first|last|full|given|family|middle|preferred|learner|staff|employee|person|user"
    r"|participant|attendee|delegate|known)?names?|surname|forenames?|initials?|dob|esr"
    r"|(?:user|login)(?:id)?|id"
)
_PERSONAL_PART = re.compile(
    r"e?mail|staff(?:number|no|id|ref)|employee(?:number|no|id|ref)|nhs(?:number|no)"
    r"|assignment(?:number|no)|payroll|dateofbirth|birth|nationalinsurance|ninumber"
    r"|phone|mobile|address|postcode|gmc|nmc|pinnumber|learner|participant|attendee"
)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def looks_personal(column: str) -> bool:
    """Whether a column name looks like it holds something about a person."""
    key = re.sub(r"[^a-z]", "", column.lower())
    return bool(_PERSONAL_WHOLE.fullmatch(key) or _PERSONAL_PART.search(key))


def _cell_problem(
    file: str, line: int, column: int, name: str, message: str, hint: str | None = None
) -> Problem:
    return Problem.error(
        Position(file, line, column), (), f"row {line}, column '{name}': {message}", hint
    )


def parse_progress_csv(
    text: str, file: str, audiences: Collection[str], modules: Collection[str]
) -> tuple[list[ProgressRow], list[Problem]]:
    """Rows and problems of one progress CSV; ``file`` is the name used in messages."""
    separator = detect_separator(text, COLUMNS)
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=separator)
    header = next(reader, None)
    if not header or not any(h.strip() for h in header):
        return [], [Problem.error(Position(file, 1, 1), (), "the file is empty", _header_hint())]
    names = [h.strip().lower() for h in header]
    problems = list(_header_problems(file, header, names))
    if problems:
        return [], problems
    if separator != ",":
        problems.append(separator_info(file, separator))
    at = {name: number for number, name in enumerate(names)}
    rows: list[ProgressRow] = []
    # Numbered as a spreadsheet numbers its rows: the header is row 1.
    for line, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        row, found = _read_row(file, line, cells, names, at, audiences, modules)
        problems.extend(found)
        if row is not None:
            rows.append(row)
    return rows, problems


def _header_hint() -> str:
    return "the first line must name the columns: date, audience (or module), completed"


def _header_problems(file: str, header: Sequence[str], names: Sequence[str]) -> Iterable[Problem]:
    for number, (raw, name) in enumerate(zip(header, names, strict=True), start=1):
        where = Position(file, 1, number)
        if not name:
            continue  # spreadsheets often save empty columns at the end; their cells are checked
        if name in COLUMNS:
            if names.index(name) != number - 1:
                yield Problem.error(where, (), f"column '{raw}' appears twice")
        elif looks_personal(name):
            yield Problem.error(
                where,
                (),
                f"column '{raw}' looks like personal data and is refused: {PRIVACY}",
                "keep only aggregate counts: date, audience or module, completed",
            )
        else:
            yield Problem.error(
                where,
                (),
                f"unknown column '{raw}'",
                suggest(name, COLUMNS) or "the columns are: " + ", ".join(COLUMNS),
            )
    for required in ("date", "completed"):
        if required not in names:
            yield Problem.error(
                Position(file, 1, 1), (), f"the column '{required}' is missing", _header_hint()
            )
    if "audience" not in names and "module" not in names:
        yield Problem.error(
            Position(file, 1, 1),
            (),
            "there is neither an 'audience' nor a 'module' column",
            "say whose completions each row counts",
        )


def _read_row(
    file: str,
    line: int,
    cells: Sequence[str],
    names: Sequence[str],
    at: dict[str, int],
    audiences: Collection[str],
    modules: Collection[str],
) -> tuple[ProgressRow | None, list[Problem]]:
    problems: list[Problem] = []

    def problem(name: str, message: str, hint: str | None = None) -> None:
        column = at.get(name, 0) + 1
        problems.append(_cell_problem(file, line, column, name, message, hint))

    for number, text in enumerate(cells):
        if _EMAIL.search(text):
            name = names[number] if number < len(names) else f"column {number + 1}"
            problems.append(
                _cell_problem(
                    file,
                    line,
                    number + 1,
                    name,
                    f"this looks like an email address and is refused: {PRIVACY}",
                    "remove it; progress files hold counts only",
                )
            )
    for number, text in enumerate(cells[: len(names)]):
        if not names[number] and text.strip() and not problems:
            problems.append(
                Problem.error(
                    Position(file, line, number + 1),
                    (),
                    f"row {line}, column {number + 1} has a value but the column has no name",
                    "progress files hold only: " + ", ".join(COLUMNS),
                )
            )
    if len(cells) > len(names):
        problems.append(
            Problem.error(
                Position(file, line, len(names) + 1),
                (),
                f"row {line} has {len(cells)} cells but the header names {len(names)} columns",
            )
        )
    if problems:
        return None, problems

    def cell(name: str) -> str:
        number = at.get(name)
        return cells[number].strip() if number is not None and number < len(cells) else ""

    when = None
    try:
        when = cell_date(cell("date"))
    except CellError as error:
        problem("date", error.message, error.hint)
    completed = None
    if re.fullmatch(r"\d+|\d{1,3}(?:,\d{3})+", cell("completed")):  # 1200 or 1,200
        completed = int(cell("completed").replace(",", ""))
    else:
        problem("completed", f"'{cell('completed')}' is not a whole number of people (0 or more)")
    audience, module = cell("audience") or None, cell("module") or None
    if audience is None and module is None:
        problem("audience" if "audience" in at else "module", "say which audience or module")
    for name, value, known in (("audience", audience, audiences), ("module", module, modules)):
        if value is not None and value not in known:
            problem(name, f"unknown {name} '{value}'", suggest(value, known))
    if problems or when is None or completed is None:
        return None, problems
    return ProgressRow(file, line, when, audience, module, completed), []


def progress_file_display(curriculum_display: str, name: str) -> str:
    """A progress file's name as messages show it: beside the curriculum's displayed path."""
    return str(Path(curriculum_display).parent / name)
