"""The rules every CSV a curriculum names is read by: text, separator, dates."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from qisite.csv_cells import CellError, cell_date, cell_datetime, decode_csv, detect_separator
from qisite.inputs.files import read_session_csv
from qisite.inputs.sessions_csv import COLUMNS


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2027-03-31", date(2027, 3, 31)),
        ("31/03/2027", date(2027, 3, 31)),
        ("1/4/2027", date(2027, 4, 1)),
        (" 31/03/2027 00:00:00 ", date(2027, 3, 31)),
    ],
)
def test_date_cells(typed: str, expected: date) -> None:
    assert cell_date(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2027-01-14 12:30", datetime(2027, 1, 14, 12, 30)),
        ("14/01/2027 12:30", datetime(2027, 1, 14, 12, 30)),
        ("14/01/2027 12:30:00", datetime(2027, 1, 14, 12, 30)),
        ("2027-01-14T09.05", datetime(2027, 1, 14, 9, 5)),
    ],
)
def test_date_and_time_cells(typed: str, expected: datetime) -> None:
    assert cell_datetime(typed) == expected


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("31/02/2027 14:00", "'31/02/2027 14:00' is not a real date"),
        ("31/03/27 14:00", "'31/03/27 14:00' has a two-digit year"),
        ("next Tuesday", "'next Tuesday' is not a date and time I can read"),
        ("14/01/2027", "'14/01/2027' is not a date and time I can read"),
        ("14/01/2027 25:00", "'14/01/2027 25:00' is not a real date and time"),
    ],
)
def test_a_cell_that_cannot_be_read_is_quoted_as_typed(typed: str, words: str) -> None:
    with pytest.raises(CellError) as raised:
        cell_datetime(typed)
    assert words in raised.value.message


def test_the_separator_is_recognised_from_the_header() -> None:
    assert detect_separator("id,module,start\n", COLUMNS) == ","
    assert detect_separator("\nid;module;start\n", COLUMNS) == ";"
    assert detect_separator("id\tmodule\tstart\n", COLUMNS) == "\t"
    assert detect_separator("id,audiences\nx,\"a;b\"\n", COLUMNS) == ","
    assert detect_separator("nothing known here\n", COLUMNS) == ","


def test_text_encodings() -> None:
    assert decode_csv("\ufeffid,venue\r\n".encode(), "s.csv") == ("id,venue\r\n", None)
    assert decode_csv("id\tvenue\n".encode("utf-16"), "s.csv") == ("id\tvenue\n", None)
    text, problem = decode_csv("id,venue\nx,Caf\u00e9\n".encode("cp1252"), "s.csv")
    assert text is None and problem is not None
    assert str(problem.position) == "s.csv:2:6"
    assert "0xe9 (probably 'é' in the Windows encoding)" in problem.message


def test_a_sessions_file_saved_by_excel_on_windows_is_read(tmp_path: Path) -> None:
    """A byte-order mark, Windows line endings and a day-first date: all read as meant."""
    path = tmp_path / "s.csv"
    path.write_bytes(
        "\ufeffid;module;start;end\r\nb1;qi-basics;14/01/2027 12:30;13:30:00\r\n".encode()
    )
    found = read_session_csv(path, "s.csv", "s.csv")
    assert [p.message for p in found.problems if p.is_error] == []
    [row] = found.rows
    assert row.session.start == datetime(2027, 1, 14, 12, 30)
    assert row.columns["start"] == 3
