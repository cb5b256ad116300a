"""What every cross-reference check is given."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from qisite.model import Catalogue, CsvFile, CsvRow, Curriculum, Inputs, ProgressRow
from qisite.model.types import id_from
from qisite.problems import Position, Problem, suggest
from qisite.yaml_source import KeyPath, SourceMap


@dataclass(frozen=True)
class CheckContext:
    """The inputs, with the curriculum as written (before invalid items were pruned)."""

    inputs: Inputs
    raw: dict[str, Any] = field(default_factory=dict)
    """The curriculum file's data as written, including items that failed validation."""
    origin: dict[str, list[int]] = field(default_factory=dict)
    """Original index of each surviving item, when invalid items were pruned."""

    @property
    def curriculum(self) -> Curriculum:
        return self.inputs.curriculum

    @property
    def source(self) -> SourceMap:
        return self.inputs.source

    @property
    def catalogue(self) -> Catalogue:
        return self.inputs.catalogue

    @property
    def session_files(self) -> tuple[CsvFile[CsvRow], ...]:
        return self.inputs.session_files

    @property
    def progress_files(self) -> tuple[CsvFile[ProgressRow], ...]:
        return self.inputs.progress_files

    def _original(self, path: KeyPath) -> KeyPath:
        if len(path) >= 2 and isinstance(path[0], str) and isinstance(path[1], int):
            indices = self.origin.get(path[0])
            if indices is not None and path[1] < len(indices):
                return (path[0], indices[path[1]], *path[2:])
        return path

    def locate(self, path: KeyPath) -> Position:
        return self.source.locate(self._original(path))

    def error(
        self, path: KeyPath, message: str, hint: str | None = None, at_key: bool = False
    ) -> Problem:
        """An error at ``path``'s value, or at its key when the key is what is wrong."""
        path = self._original(path)
        where = self.source.locate_key(path) if at_key else self.source.locate(path)
        return Problem.error(where, path, message, hint)

    def warning(self, path: KeyPath, message: str, hint: str | None = None) -> Problem:
        path = self._original(path)
        return Problem.warning(self.source.locate(path), path, message, hint)

    def info(self, path: KeyPath, message: str, hint: str | None = None) -> Problem:
        """A hint that is no fault of the site (``Severity.INFO``)."""
        path = self._original(path)
        return Problem.info(self.source.locate(path), path, message, hint)

    def declared_ids(self, section: str) -> set[str]:
        """Ids written in a section, including items that failed validation.

        References to an item that is itself broken are not reported again:
        the organiser sees one error, at the broken item. An unusable id counts
        under the usable form it is reported with too ('QI-Basics' as 'qi-basics').
        """
        items = self.raw.get(section)
        if not isinstance(items, list):
            return set()
        written = {str(i["id"]) for i in items if isinstance(i, dict) and "id" in i}
        return written | {meant for w in written if (meant := id_from(w))}

    def pruned_items(self, section: str) -> list[dict[str, Any]]:
        """Items of a section as written that failed validation and are not in the model."""
        items = self.raw.get(section)
        kept = self.origin.get(section)
        if not isinstance(items, list) or kept is None:
            return []
        return [
            item for i, item in enumerate(items) if i not in set(kept) and isinstance(item, dict)
        ]

    def unknown_reference(
        self,
        path: KeyPath,
        kind: str,
        value: str,
        section: str,
        known: Iterable[str],
        at_key: bool = False,
    ) -> Problem | None:
        """An error for a reference to an id that does not exist, or None if it does."""
        known = list(known)
        if value in known or value in self.declared_ids(section):
            return None
        hint = suggest(value, known) or (
            f"the {kind}s defined are: {', '.join(known)}" if 0 < len(known) <= 12 else None
        )
        return self.error(path, f"unknown {kind} '{value}'", hint, at_key=at_key)


Check = Callable[[CheckContext], Iterable[Problem]]
