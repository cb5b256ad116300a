"""What every cross-reference check is given."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from qisite.capacity.progress import ProgressRow, load_progress
from qisite.model import Curriculum
from qisite.model.types import id_from
from qisite.problems import Position, Problem, suggest
from qisite.sessions.csv_source import SessionFiles, display_name, read_session_file
from qisite.yaml_source import KeyPath, SourceMap


@dataclass
class CheckContext:
    curriculum: Curriculum
    source: SourceMap
    base_dir: Path
    raw: dict[str, Any] = field(default_factory=dict)
    origin: dict[str, list[int]] = field(default_factory=dict)
    """Original index of each surviving item, when invalid items were pruned."""

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

    @cached_property
    def session_csvs(self) -> dict[str, SessionFiles]:
        """Each sessions CSV named under ``session_files:`` that exists, read once, by name.

        The build shows the rows read here, so the site holds exactly what was checked.
        """
        found: dict[str, SessionFiles] = {}
        for name in self.curriculum.session_files:
            path = self.base_dir / name
            if path.is_file() and name not in found:
                found[name] = read_session_file(path, display_name(self.source.file, name))
        return found

    @cached_property
    def progress(self) -> tuple[list[ProgressRow], list[Problem]]:
        """The rows of the progress files that exist, read once, and the problems in them."""
        c = self.curriculum
        present = [name for name in c.progress_files if (self.base_dir / name).is_file()]
        return load_progress(
            present, self.base_dir, self.source.file, c.audiences_by_id, c.modules_by_id
        )

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
