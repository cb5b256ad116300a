"""Load ``curriculum.yaml`` into a validated model, collecting every problem on the way."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from qisite.capacity.progress import ProgressRow
from qisite.model import Curriculum
from qisite.problems import CurriculumError, Position, Problem, sort_problems
from qisite.sessions.csv_source import CsvRow
from qisite.validation import CHECKS, CheckContext
from qisite.validation.structure import (
    IndexMap,
    problems_from_validation_error,
    prune_invalid,
)
from qisite.yaml_source import SourceMap, read_yaml


@dataclass
class LoadResult:
    """A curriculum (None when it could not be built at all) and everything found wrong."""

    curriculum: Curriculum | None
    source: SourceMap
    base_dir: Path
    problems: list[Problem] = field(default_factory=list)
    session_rows: list[CsvRow] = field(default_factory=list)
    """The sessions read from CSV files and checked, in file order: the build shows these."""
    progress_rows: list[ProgressRow] | None = None
    """The progress counts read and checked (None if the checks did not run)."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def ok(self) -> bool:
        return self.curriculum is not None and not self.errors

    def require(self) -> Curriculum:
        """The curriculum, or CurriculumError carrying every problem."""
        if not self.ok or self.curriculum is None:
            raise CurriculumError(self.problems)
        return self.curriculum


def display_path(path: Path) -> str:
    """The path as the organiser would type it: relative to where they are, if inside."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _not_a_mapping(data: Any, source: SourceMap) -> Problem:
    start = source.locate(())
    if data == {} or data is None:
        message = "the file is empty: there is no curriculum in it"
    elif isinstance(data, list):
        message = "the file is a list (lines starting with '- '), not a curriculum"
    else:
        message = f"the file holds only the text {str(data)[:40]!r}, not a curriculum"
    hint = (
        "a curriculum is a block of 'key: value' lines starting with 'academy:', "
        "then dose_levels:, domains:, audiences: and modules:"
    )
    return Problem.error(Position(source.file, start.line, start.column), (), message, hint)


def _validate(data: Any, source: SourceMap) -> tuple[Curriculum | None, list[Problem], IndexMap]:
    if not isinstance(data, dict) or not data:
        return None, [_not_a_mapping(data, source)], {}
    try:
        return Curriculum.model_validate(data), [], {}
    except ValidationError as error:
        problems = problems_from_validation_error(error, Curriculum, source, data)
        pruned, origin = prune_invalid(data, error)
        try:
            return Curriculum.model_validate(pruned), problems, origin
        except ValidationError:
            return None, problems, origin


def load_curriculum(path: Path | str, display_name: str | None = None) -> LoadResult:
    """Read, validate and cross-check a curriculum file. Never raises for bad input."""
    path = Path(path)
    document = read_yaml(path, display_name or display_path(path))
    result = LoadResult(None, document.source, path.parent, list(document.problems))
    if document.data is None:
        return result
    curriculum, problems, origin = _validate(document.data, document.source)
    result.problems.extend(problems)
    if curriculum is not None:
        context = CheckContext(curriculum, document.source, path.parent, document.data, origin)
        for check in CHECKS:
            result.problems.extend(check(context))
        result.session_rows = [
            row
            for name in curriculum.session_files
            if name in context.session_csvs
            for row in context.session_csvs[name].rows
        ]
        result.progress_rows = context.progress[0]
        # With structural errors this is the pruned, partial model: ok stays False.
        result.curriculum = curriculum
    result.problems = sort_problems(result.problems)
    return result
