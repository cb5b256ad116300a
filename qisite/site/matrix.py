"""The dosing matrix: its page (legend, gaps, the grid's first part and a link to each
staff group), the later parts of a grid too wide for one page, and a page per staff group,
the matrix as a phone shows it, one group at a time."""

from __future__ import annotations

from collections.abc import Iterator

from qisite.site import paths
from qisite.site.context import SiteContext
from qisite.site.output import Output
from qisite.views.matrix import CellStatus, Column, dosing_matrix, grid_parts


def produce(site: SiteContext) -> Iterator[Output]:
    matrix = dosing_matrix(site.curriculum)
    parts = grid_parts(matrix)
    columns = matrix.columns
    gap_counts = {column.audience.id: _gap_count(column) for column in columns}
    for part in parts:
        src = paths.matrix_part(part.number)
        yield Output(
            src,
            site.render(
                "matrix/matrix.md.j2" if part.number == 1 else "matrix/part.md.j2",
                src,
                matrix=matrix,
                parts=parts,
                part=part,
                group_count=len(columns),
                gap_counts=gap_counts,
            ),
            in_nav=part.number == 1,
        )
    part_of = {audience.id: part for part in parts for audience in part.audiences}
    for index, column in enumerate(columns):
        src = paths.matrix_group(column.audience.id)
        yield Output(
            src,
            site.render(
                "matrix/group.md.j2",
                src,
                column=column,
                part=part_of[column.audience.id],
                before=columns[index - 1] if index else None,
                after=columns[index + 1] if index + 1 < len(columns) else None,
                gap_count=gap_counts[column.audience.id],
            ),
            in_nav=False,
        )


def _gap_count(column: Column) -> int:
    return sum(cell.status is CellStatus.GAP for cell in column.cells)
