"""The input step: read an academy's files once into one ``Inputs``, then check it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from qisite.inputs.files import (
    read_builtin_catalogue,
    read_progress_csv,
    read_projects_csv,
    read_session_csv,
    read_yaml,
)
from qisite.inputs.progress_csv import progress_file_display
from qisite.inputs.publication import read_previous_manifest
from qisite.inputs.sessions_csv import display_name as session_file_display
from qisite.inputs.structure import IndexMap, problems_from_validation_error, prune_invalid
from qisite.inputs.translations import read_words, words_for
from qisite.model import CsvFile, CsvRow, Curriculum, Inputs, ProgressRow
from qisite.model.projects import ProjectRow
from qisite.problems import CurriculumError, Position, Problem, Severity, sort_problems
from qisite.validation import CHECKS, CheckContext
from qisite.yaml_source import SourceMap


@dataclass(frozen=True)
class Loaded:
    """The inputs (None when the curriculum could not be built at all) and every problem found.

    With errors, ``inputs`` may hold a partial curriculum (its broken items left out)
    and ``ok`` is False: ``require()`` is the way to the inputs of a build.
    """

    inputs: Inputs | None
    problems: tuple[Problem, ...] = ()

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.is_warning]

    @property
    def infos(self) -> list[Problem]:
        """Hints that are no fault (``Severity.INFO``): told, never counted as warnings."""
        return [p for p in self.problems if p.severity is Severity.INFO]

    @property
    def ok(self) -> bool:
        return self.inputs is not None and not self.errors

    def require(self) -> Inputs:
        """The inputs, or CurriculumError carrying every problem."""
        if not self.ok or self.inputs is None:
            raise CurriculumError(self.problems)
        return self.inputs


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


def _session_files(
    curriculum: Curriculum, folder: Path, display: str
) -> tuple[CsvFile[CsvRow], ...]:
    """Each file under ``session_files:`` read once, however often it is listed."""
    read: dict[str, CsvFile[CsvRow]] = {}
    for name in curriculum.session_files:
        if name not in read:
            read[name] = read_session_csv(folder / name, name, session_file_display(display, name))
    return tuple(read[name] for name in curriculum.session_files)


def _progress_files(
    curriculum: Curriculum, folder: Path, display: str
) -> tuple[CsvFile[ProgressRow], ...]:
    """Each file under ``progress_files:`` read once; its rows may name the curriculum's ids."""
    read: dict[str, CsvFile[ProgressRow]] = {}
    for name in curriculum.progress_files:
        if name not in read:
            read[name] = read_progress_csv(
                folder / name,
                name,
                progress_file_display(display, name),
                curriculum.audiences_by_id,
                curriculum.modules_by_id,
            )
    return tuple(read[name] for name in curriculum.progress_files)


def _project_files(
    curriculum: Curriculum, folder: Path, display: str
) -> tuple[CsvFile[ProjectRow], ...]:
    """Each file under ``project_files:`` read once, however often it is listed."""
    read: dict[str, CsvFile[ProjectRow]] = {}
    for name in curriculum.project_files:
        if name not in read:
            shown = progress_file_display(display, name)
            read[name] = read_projects_csv(folder / name, name, shown)
    return tuple(read[name] for name in curriculum.project_files)


def load_inputs(
    path: Path | str,
    display_name: str | None = None,
    previous_manifest: Path | str | None = None,
    previous_display: str | None = None,
) -> Loaded:
    """Read the curriculum, the CSV files it names and the IHI catalogue, each once; check
    them all. Never raises for bad input: every problem is in the result.

    ``display_name`` is the curriculum's name in messages (default: as the organiser
    would type it from the current folder); the CSV files are named beside it.
    ``previous_manifest`` is the last publication's ``publication.json``, if the build
    or the command names one (``previous_display``: its name in messages).
    """
    path = Path(path)
    display = display_name or display_path(path)
    document = read_yaml(path, display)
    problems = list(document.problems)
    if document.data is None:
        return Loaded(None, tuple(sort_problems(problems)))
    curriculum, found, origin = _validate(document.data, document.source)
    problems.extend(found)
    if curriculum is None:
        return Loaded(None, tuple(sort_problems(problems)))
    folder = path.parent
    previous = None
    if previous_manifest is not None:
        previous_path = Path(previous_manifest)
        previous, found_there = read_previous_manifest(
            previous_path, previous_display or display_path(previous_path)
        )
        problems.extend(found_there)
    words, _, found = read_words(
        curriculum.academy.language, folder, document.source
    )
    problems.extend(found)
    inputs = Inputs(
        curriculum=curriculum,
        catalogue=read_builtin_catalogue().with_courses(curriculum.ihi_open_school),
        words=words,
        source=document.source,
        session_files=_session_files(curriculum, folder, document.source.file),
        progress_files=_progress_files(curriculum, folder, document.source.file),
        project_files=_project_files(curriculum, folder, document.source.file),
        files=(
            path,
            *(folder / name for name in (
                    *curriculum.session_files,
                    *curriculum.progress_files,
                    *curriculum.project_files,
                )),
        ),
        previous_publication=previous,
    )
    context = CheckContext(inputs, document.data, origin)
    for check in CHECKS:
        problems.extend(check(context))
    # With structural errors the curriculum is the pruned, partial model: ok stays False.
    return Loaded(inputs, tuple(sort_problems(problems)))


def inputs_of(curriculum: Curriculum, curriculum_file: str = "curriculum.yaml") -> Inputs:
    """The inputs of a curriculum built in memory, with no CSV files read and the package's
    translations only (tests, tools).

    It is not checked: ``load_inputs`` is the way from files.
    """
    return Inputs(
        curriculum=curriculum,
        catalogue=read_builtin_catalogue().with_courses(curriculum.ihi_open_school),
        words=words_for(curriculum.academy.language),
        source=SourceMap(curriculum_file),
    )
