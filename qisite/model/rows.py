"""Rows read from the CSV files a curriculum names, each with where it was written."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from qisite.model.sessions import Session
from qisite.problems import Position


@dataclass(frozen=True)
class CsvRow:
    """A session read from one row of a sessions CSV, and where each of its cells is."""

    session: Session
    file: str
    line: int
    columns: dict[str, int]

    def position(self, column: str) -> Position:
        return Position(self.file, self.line, self.columns.get(column, 1))


@dataclass(frozen=True)
class ProgressRow:
    """One row of a progress CSV: how many people completed, by a date, in a group."""

    file: str
    line: int
    date: date
    audience: str | None
    module: str | None
    completed: int
