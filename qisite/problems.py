"""Problems found in an organiser's files, and how they are told.

One shape for every message so that the command line, ``mkdocs build`` and
the tests all see the same words: ``file:line:column: severity: key.path:
message (hint)``.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum


class Severity(StrEnum):
    """How much a problem matters. An error stops the build; a warning lets it finish
    but fails ``mkdocs build --strict`` (the site may mislead or break for someone);
    an info is a hint about what could go wrong later, told at MkDocs' INFO level, so
    that a strict build of a correct site does not fail on it."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


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

    @classmethod
    def info(
        cls,
        position: Position,
        path: Sequence[str | int],
        message: str,
        hint: str | None = None,
        subject: str | None = None,
    ) -> Problem:
        return cls(Severity.INFO, position, tuple(path), message, hint, subject)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def is_warning(self) -> bool:
        return self.severity is Severity.WARNING

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
    return sorted(problems, key=lambda p: (p.position, _RANK[p.severity], p.message))


def suggest(wrong: str, known: Iterable[str]) -> str | None:
    """A 'did you mean' hint for a mistyped id or key, or None.

    Compared without regard to case, so that 'QI-Basics' finds 'qi-basics'
    rather than whichever other id happens to share more lower-case letters.
    """
    by_lowered: dict[str, str] = {}
    for candidate in map(str, known):
        by_lowered.setdefault(candidate.lower(), candidate)
    lowered = str(wrong).lower()
    if lowered in by_lowered:
        return f"did you mean '{by_lowered[lowered]}'?"
    close = difflib.get_close_matches(lowered, list(by_lowered), n=1, cutoff=0.6)
    return f"did you mean '{by_lowered[close[0]]}'?" if close else None


SHOWN = 50
"""Problems printed in full; beyond this an organiser fixes the cause and runs again."""


def report_lines(problems: Sequence[Problem], limit: int = SHOWN) -> list[str]:
    """The lines that tell ``problems``: at most ``limit`` of them, then a count of the rest.

    Errors, then warnings, come first when some must be left out. A hint shared by several
    problems is given once, at the first of them, and when some are left out,
    the commonest is repeated at the end with its count: 62,000 outcomes with
    the same mistake are one cause to fix, not 62,000.
    """
    shown = list(problems)
    if len(shown) > limit:
        chosen = sorted(range(len(shown)), key=lambda i: (_RANK[shown[i].severity], i))[:limit]
        shown = [shown[i] for i in sorted(chosen)]
    hint_counts = Counter(p.hint for p in problems if p.hint)
    lines: list[str] = []
    hinted: set[str] = set()
    for problem in shown:
        hint = problem.hint
        if hint and hint_counts[hint] > 1:
            if hint in hinted:
                problem = replace(problem, hint=None)
            hinted.add(hint)
        lines.append(str(problem))
    left_out = len(problems) - len(shown)
    if left_out:
        lines.append(f"... and {left_out:,} more problem{'s' * (left_out != 1)} not shown")
    common = [(hint, n) for hint, n in hint_counts.most_common() if n > 1]
    if common and left_out:  # the hint may be on none of the lines shown: say it here
        hint, count = common[0]
        lines.append(f"{count:,} of these problems have one likely cause: {hint}")
    return lines


class CurriculumError(Exception):
    """Raised when a curriculum has errors; carries every problem found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        errors = [p for p in self.problems if p.is_error]
        super().__init__(
            f"{len(errors)} error(s) in the curriculum:\n" + "\n".join(report_lines(errors))
        )
