"""What spreadsheets do to the CSV files organisers save, undone by one set of rules.

Both CSV files a curriculum names (sessions and progress) are read through
these functions, so that a file and a date written one way are read the
same way in either:

- text: UTF-8, with or without the byte-order mark Excel writes, or UTF-16
  ("Unicode Text"); anything else is refused at the line and column of the
  first byte that cannot be read, naming the character it probably was;
- separator: ',' or the ';' (or tab) that Excel writes in regional settings
  where the comma is the decimal mark, recognised from the header row;
- dates: 2027-03-31 or 31/03/2027 (day first, as UK spreadsheets show them),
  with a time of 14:00 or 14:00:00 where a time belongs.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Collection
from datetime import date, datetime

from qisite.problems import Position, Problem

SEPARATORS = {",": "commas", ";": "semicolons", "\t": "tabs"}


class CellError(ValueError):
    """A cell that cannot be read; the message quotes the cell as the organiser typed it."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def decode_csv(data: bytes, file: str) -> tuple[str | None, Problem | None]:
    """The text of a CSV file, or the problem that stops it being read."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: reported below as bytes that cannot be read
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        before = error.object[: error.start]
        line = before.count(b"\n") + 1
        start_of_line = before[before.rfind(b"\n") + 1 :]
        column = len(start_of_line.decode("utf-8", errors="replace")) + 1
        byte = error.object[error.start : error.start + 1]
        guess = byte.decode("cp1252", errors="replace")
        probably = f" (probably '{guess}' in the Windows encoding)" if guess.isprintable() else ""
        return None, Problem.error(
            Position(file, line, column),
            (),
            f"the file is not UTF-8 text: byte 0x{byte[0]:02x}{probably} cannot be read",
            "save it again choosing 'CSV UTF-8 (Comma delimited)' as the type",
        )


def detect_separator(text: str, columns: Collection[str]) -> str:
    """The separator that splits the header row into the most known column names.

    A comma unless another character does better: a semicolon file read with
    commas has a single column named 'id;module;start'.
    """
    header = next((line for line in text.splitlines() if line.strip()), "")

    def known(separator: str) -> int:
        names = next(csv.reader([header], delimiter=separator), [])
        return sum(name.strip().lower() in columns for name in names)

    best = max(SEPARATORS, key=lambda s: (known(s), s == ","))
    return best if known(best) > 0 else ","


def separator_info(file: str, separator: str) -> Problem:
    """Said when a file is read with a separator other than ',': it works, so it is an
    info, not a warning (a strict build of a correct site does not fail on it)."""
    return Problem.info(
        Position(file, 1, 1),
        (),
        f"the columns of this file are separated by {SEPARATORS[separator]}, not commas; "
        f"it was read with {SEPARATORS[separator]}",
        "Excel saves CSV this way in regional settings that write decimals with a comma; "
        "to save it with commas, choose 'CSV UTF-8 (Comma delimited)'",
    )


_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})/(\d{1,2})/(\d{2,4})")
_TIME = re.compile(r"(\d{1,2})[:.](\d{2})(?::(\d{2}))?")
DATE_FORMS = "2027-03-31 or 31/03/2027"
DATETIME_FORMS = "2027-01-14 12:30 or 14/01/2027 12:30"


def _day(text: str, forms: str) -> date:
    match = _DATE.fullmatch(text)
    if match is None:
        raise CellError("'{typed}' is not a date I can read", f"write it like {forms}")
    if match[1]:
        year, month, day = int(match[1]), int(match[2]), int(match[3])
    else:
        if len(match[6]) != 4:
            raise CellError(
                "'{typed}' has a two-digit year", f"write the year in full, like {forms}"
            )
        year, month, day = int(match[6]), int(match[5]), int(match[4])
    try:
        return date(year, month, day)
    except ValueError as error:
        raise CellError(f"'{{typed}}' is not a real date ({error})") from None


def _typed(error: CellError, typed: str) -> CellError:
    return CellError(error.message.replace("{typed}", typed), error.hint)


def cell_date(text: str) -> date:
    """A date cell: 2027-03-31 or 31/03/2027; a time of midnight after it is ignored."""
    typed = text.strip()
    day, _, time_part = typed.partition(" ")
    try:
        if time_part.strip() and not re.fullmatch(r"0?0[:.]00(?::00)?", time_part.strip()):
            raise CellError("'{typed}' is not a date I can read", f"write it like {DATE_FORMS}")
        return _day(day, DATE_FORMS)
    except CellError as error:
        raise _typed(error, typed) from None


def cell_datetime(text: str) -> datetime:
    """A date-and-time cell: 2027-01-14 12:30, 14/01/2027 12:30, seconds allowed."""
    typed = text.strip()
    day, _, time_part = re.sub(r"(?<=\d)T(?=\d)", " ", typed).partition(" ")
    try:
        when = _TIME.fullmatch(time_part.strip())
        if when is None:
            raise CellError(
                "'{typed}' is not a date and time I can read", f"write it like {DATETIME_FORMS}"
            )
        on = _day(day, DATETIME_FORMS)
        hour, minute, second = int(when[1]), int(when[2]), int(when[3] or 0)
        try:
            return datetime(on.year, on.month, on.day, hour, minute, second)
        except ValueError as error:
            raise CellError(f"'{{typed}}' is not a real date and time ({error})") from None
    except CellError as error:
        raise _typed(error, typed) from None
