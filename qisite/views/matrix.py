"""The dosing matrix: for each domain and audience, the depth planned beside the depth delivered.

Delivered depth is the deepest dose among the modules assigned to the audience
that cover the domain. A cell is a gap when something is planned and the
modules deliver less (or nothing).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

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
