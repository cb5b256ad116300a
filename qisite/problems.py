"""Problems found in an organiser's files, and how they are told.

One shape for every message so that the command line, ``mkdocs build`` and
the tests all see the same words: ``file:line:column: severity: key.path:
message (hint)``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Position:
    file: str
    line: int
    column: int

    def __str__(self) -> str:
        if self.line <= 0:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


def format_key_path(path: Sequence[str | int]) -> str:
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


@dataclass(frozen=True)
class Problem:
    severity: Severity
    position: Position
    path: tuple[str | int, ...]
    message: str
    hint: str | None = field(default=None)
    subject: str | None = field(default=None)
    """The record the path is inside, named by its id, e.g. "module 'pdsa-in-practice'"."""

    @classmethod
    def error(
        cls,
        position: Position,
        path: Sequence[str | int],
        message: str,
        hint: str | None = None,
        subject: str | None = None,
    ) -> Problem:
        return cls(Severity.ERROR, position, tuple(path), message, hint, subject)

    @classmethod
    def warning(
        cls,
        position: Position,
        path: Sequence[str | int],
        message: str,
        hint: str | None = None,
        subject: str | None = None,
    ) -> Problem:
        return cls(Severity.WARNING, position, tuple(path), message, hint, subject)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        where = format_key_path(self.path)
        text = f"{self.position}: {self.severity}: "
        if where and self.subject:
            text += f"{where} ({self.subject}): "
        elif where:
            text += f"{where}: "
        text += self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """File order, then line: the order an organiser reads and fixes them."""
    return sorted(problems, key=lambda p: (p.position, p.severity != Severity.ERROR, p.message))


def suggest(wrong: str, known: Iterable[str]) -> str | None:
    """A 'did you mean' hint for a mistyped id or key, or None."""
    candidates = [str(k) for k in known]
    close = difflib.get_close_matches(str(wrong), candidates, n=1, cutoff=0.6)
    if not close:
        lowered = {c.lower(): c for c in candidates}
        match = lowered.get(str(wrong).lower())
        close = [match] if match else []
    return f"did you mean '{close[0]}'?" if close else None


class CurriculumError(Exception):
    """Raised when a curriculum has errors; carries every problem found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        errors = [p for p in self.problems if p.is_error]
        super().__init__(
            f"{len(errors)} error(s) in the curriculum:\n" + "\n".join(str(p) for p in errors)
        )
