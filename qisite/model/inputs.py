"""The one object the input step hands on: an academy's files, read once and checked.

``qisite.inputs.load_inputs`` builds it from ``curriculum.yaml``, the CSV files
the curriculum names, the IHI Open School catalogue and the translation files of
the academy's language. Validation, the
capacity figures, the sessions, the site and every command take it (or, where
the curriculum is all they need, its ``curriculum``); none of them opens a file.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Generic, TypeVar

from qisite.i18n import Words
from qisite.model.catalogue import Catalogue
from qisite.model.curriculum import Curriculum
from qisite.model.projects import Project, ProjectRow
from qisite.model.rows import CsvRow, ProgressRow
from qisite.problems import Problem
from qisite.publication import Manifest
from qisite.yaml_source import SourceMap

RowT = TypeVar("RowT")


@dataclass(frozen=True)
class CsvFile(Generic[RowT]):
    """One CSV file named in the curriculum, as read: the rows that passed, and what did not."""

    name: str
    """As written in the curriculum: relative to the curriculum's folder."""
    display: str
    """As messages show it."""
    found: bool
    rows: tuple[RowT, ...] = ()
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Inputs:
    """Everything a build is made from. Frozen: each step derives from it, none changes it."""

    curriculum: Curriculum
    catalogue: Catalogue
    """The built-in IHI Open School courses with the curriculum's own entries merged in."""
    words: Words
    """The site's words, dates and numbers in the academy's language (``academy.language``):
    its own translation file beside the curriculum first, then the package's."""
    source: SourceMap
    """Where each key of the curriculum file is written, for messages (file, line, column).
    Large (25 MB at 1,000 modules): a build keeps ``without_positions()`` once the
    problems are reported."""
    session_files: tuple[CsvFile[CsvRow], ...] = ()
    """One per entry of ``session_files:``, in the curriculum's order."""
    progress_files: tuple[CsvFile[ProgressRow], ...] = ()
    """One per entry of ``progress_files:``, in the curriculum's order."""
    project_files: tuple[CsvFile[ProjectRow], ...] = ()
    """One per entry of ``project_files:``, in the curriculum's order."""
    files: tuple[Path, ...] = ()
    """The curriculum file, then every CSV file it names (found or not): what
    ``mkdocs serve`` watches."""
    previous_publication: Manifest | None = None
    """The manifest of the last publication (``publication.json``), when the build or
    the command names one: sittings keep their history, vanishing addresses are told."""

    @property
    def session_rows(self) -> tuple[CsvRow, ...]:
        """The sessions read from CSV files that passed their checks, in file order."""
        return tuple(row for file in self.session_files for row in file.rows)

    @property
    def project_rows(self) -> tuple[ProjectRow, ...]:
        """The projects read from CSV files that passed their checks, in file order."""
        return tuple(row for file in self.project_files for row in file.rows)

    @property
    def projects(self) -> tuple[Project, ...]:
        """Every project: the curriculum's own, then those of its CSV files."""
        return (*self.curriculum.projects, *(row.project for row in self.project_rows))

    @property
    def progress_rows(self) -> tuple[ProgressRow, ...]:
        """The progress counts that passed their checks, in file order."""
        return tuple(row for file in self.progress_files for row in file.rows)

    def without_positions(self) -> Inputs:
        """The same inputs without the position of every key (messages are told by then)."""
        return replace(self, source=SourceMap(self.source.file))
