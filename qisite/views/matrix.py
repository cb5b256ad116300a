"""The dosing matrix: for each domain and audience, the depth planned beside the depth delivered.

Delivered depth is the deepest dose among the modules assigned to the audience
that cover the domain. A cell is a gap when something is planned and the
modules deliver less (or nothing).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from math import ceil

from qisite.model import Audience, Curriculum, Domain, DoseLevel


class CellStatus(StrEnum):
    MET = "met"  # the modules reach the planned depth exactly
    BEYOND = "beyond"  # the modules go deeper than planned
    GAP = "gap"  # planned, but the modules deliver less or nothing
    UNPLANNED = "unplanned"  # not planned, yet some module delivers something
    EMPTY = "empty"  # neither planned nor delivered


@dataclass(frozen=True)
class Cell:
    domain: Domain
    audience: Audience
    planned: DoseLevel | None
    delivered: DoseLevel | None
    planned_rank: int | None
    """Depth of the planned level (0 is the lightest), for a colour class."""
    status: CellStatus


@dataclass(frozen=True)
class Row:
    domain: Domain
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Column:
    """One audience's cells, domain by domain: the matrix as a phone can show it."""

    audience: Audience
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Matrix:
    levels: tuple[DoseLevel, ...]
    audiences: tuple[Audience, ...]
    rows: tuple[Row, ...]

    @property
    def gaps(self) -> list[Cell]:
        return [cell for row in self.rows for cell in row.cells if cell.status is CellStatus.GAP]

    @property
    def columns(self) -> tuple[Column, ...]:
        """The matrix read one staff group at a time, in the order of its columns."""
        return tuple(
            Column(audience, tuple(row.cells[index] for row in self.rows))
            for index, audience in enumerate(self.audiences)
        )


@dataclass(frozen=True)
class GridPart:
    """A run of the matrix's columns (staff groups), shown as one page of the grid."""

    number: int
    """1 for the first part (the matrix page itself), 2, 3... for the others."""
    first: int
    """The position of its first staff group among all of them, from 1."""
    audiences: tuple[Audience, ...]
    rows: tuple[Row, ...]
    """Every domain's row, holding only this part's cells."""

    @property
    def last(self) -> int:
        return self.first + len(self.audiences) - 1


CELL_BUDGET = 300
"""Most cells on one page of the grid. A matrix with more is cut into parts of whole
columns (staff groups), so that a page stays light on a phone on a slow link (a cell is
about 60 bytes of HTML): 100 staff groups by 10 domains make 4 pages of 25 groups."""


def grid_parts(matrix: Matrix, cell_budget: int = CELL_BUDGET) -> tuple[GridPart, ...]:
    """The matrix's columns in parts of about the same width, each within ``cell_budget``
    cells (a single column may be more, when there are more domains than that)."""
    count = len(matrix.audiences)  # at least one: the curriculum's schema asks for it
    per_part = max(1, cell_budget // max(1, len(matrix.rows)))
    part_count = ceil(count / per_part)
    width, wider = divmod(count, part_count)
    parts: list[GridPart] = []
    start = 0
    for number in range(1, part_count + 1):
        end = start + width + (number <= wider)  # the first parts take one more each
        rows = tuple(Row(row.domain, row.cells[start:end]) for row in matrix.rows)
        parts.append(GridPart(number, start + 1, matrix.audiences[start:end], rows))
        start = end
    return tuple(parts)


def delivered_ranks(curriculum: Curriculum) -> dict[tuple[str, str], int]:
    """(audience id, domain id) -> the deepest dose rank of the audience's modules in the domain.

    One pass over the modules, so the matrix costs modules + cells, not their product.
    """
    rank = curriculum.level_rank
    deepest: dict[tuple[str, str], int] = {}
    for module in curriculum.modules:
        if module.dose not in rank:
            continue
        for audience_id in module.audiences:
            for domain_id in module.domains:
                key = (audience_id, domain_id)
                deepest[key] = max(deepest.get(key, -1), rank[module.dose])
    return deepest


def status_of(planned: int | None, delivered: int | None) -> CellStatus:
    """Compare two depths (level ranks; None for nothing)."""
    if planned is None:
        return CellStatus.EMPTY if delivered is None else CellStatus.UNPLANNED
    if delivered is None or delivered < planned:
        return CellStatus.GAP
    return CellStatus.BEYOND if delivered > planned else CellStatus.MET


def _cell(
    curriculum: Curriculum, deepest: dict[tuple[str, str], int], domain: Domain, audience: Audience
) -> Cell:
    planned = curriculum.levels_by_id.get(audience.dose.get(domain.id, ""))
    planned_rank = curriculum.level_rank[planned.id] if planned else None
    delivered_rank = deepest.get((audience.id, domain.id))
    delivered = None if delivered_rank is None else curriculum.dose_levels[delivered_rank]
    status = status_of(planned_rank, delivered_rank)
    return Cell(domain, audience, planned, delivered, planned_rank, status)


def dosing_matrix(curriculum: Curriculum) -> Matrix:
    deepest = delivered_ranks(curriculum)
    rows = tuple(
        Row(domain, tuple(_cell(curriculum, deepest, domain, a) for a in curriculum.audiences))
        for domain in curriculum.domains
    )
    return Matrix(tuple(curriculum.dose_levels), tuple(curriculum.audiences), rows)
