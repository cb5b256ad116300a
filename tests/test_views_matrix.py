"""The dosing matrix as a pure view: no build needed."""

from __future__ import annotations

from typing import Any

from qisite.model import Curriculum
from qisite.views.matrix import CellStatus, dosing_matrix, status_of


def curriculum(**changes: Any) -> Curriculum:
    data: dict[str, Any] = {
        "academy": {"name": "A", "organisation": "O", "headcount": 10, "contact": "a@b.nhs.uk"},
        "dose_levels": [{"id": "one", "name": "One"}, {"id": "two", "name": "Two"}],
        "domains": [{"id": "x", "name": "X"}, {"id": "y", "name": "Y"}],
        "audiences": [
            {"id": "p", "name": "P", "dose": {"x": "two", "y": "one"}},
            {"id": "q", "name": "Q", "dose": {"x": "one"}},
        ],
        "modules": [
            {
                "id": "m1",
                "title": "M1",
                "dose": "one",
                "domains": ["x"],
                "audiences": ["p", "q"],
                "formats": ["e-learning"],
                "duration": "1h",
            },
            {
                "id": "m2",
                "title": "M2",
                "dose": "two",
                "domains": ["x", "y"],
                "audiences": ["q"],
                "formats": ["workshop"],
                "duration": "2h",
            },
        ],
    }
    data.update(changes)
    return Curriculum.model_validate(data)


def cells(c: Curriculum) -> dict[tuple[str, str], tuple[str | None, str | None, CellStatus]]:
    return {
        (cell.domain.id, cell.audience.id): (
            cell.planned.id if cell.planned else None,
            cell.delivered.id if cell.delivered else None,
            cell.status,
        )
        for row in dosing_matrix(c).rows
        for cell in row.cells
    }


def test_cells_compare_planned_with_the_deepest_module_delivered() -> None:
    assert cells(curriculum()) == {
        ("x", "p"): ("two", "one", CellStatus.GAP),
        ("y", "p"): ("one", None, CellStatus.GAP),
        ("x", "q"): ("one", "two", CellStatus.BEYOND),
        ("y", "q"): (None, "two", CellStatus.UNPLANNED),
    }


def test_rows_follow_domains_and_cells_follow_audiences() -> None:
    matrix = dosing_matrix(curriculum())
    assert [row.domain.id for row in matrix.rows] == ["x", "y"]
    assert [[c.audience.id for c in row.cells] for row in matrix.rows] == [["p", "q"], ["p", "q"]]
    assert [level.id for level in matrix.levels] == ["one", "two"]


def test_columns_read_the_matrix_one_audience_at_a_time() -> None:
    matrix = dosing_matrix(curriculum())
    columns = matrix.columns
    assert [column.audience.id for column in columns] == ["p", "q"]
    for index, column in enumerate(columns):
        assert [c.domain.id for c in column.cells] == ["x", "y"]
        assert {c.audience.id for c in column.cells} == {column.audience.id}
        assert column.cells == tuple(row.cells[index] for row in matrix.rows)


def test_gaps_list_only_cells_short_of_the_plan() -> None:
    gaps = dosing_matrix(curriculum()).gaps
    assert [(g.domain.id, g.audience.id) for g in gaps] == [("x", "p"), ("y", "p")]


def test_a_met_plan_has_no_gaps_and_planned_rank_follows_level_order() -> None:
    c = curriculum(
        audiences=[{"id": "p", "name": "P", "dose": {"x": "two"}}],
        modules=[
            {
                "id": "m2",
                "title": "M2",
                "dose": "two",
                "domains": ["x"],
                "audiences": ["p"],
                "formats": ["workshop"],
                "duration": "2h",
            },
        ],
    )
    matrix = dosing_matrix(c)
    assert matrix.gaps == []
    cell = matrix.rows[0].cells[0]
    assert (cell.status, cell.planned_rank) == (CellStatus.MET, 1)
    assert matrix.rows[1].cells[0].status is CellStatus.EMPTY


def test_status_of_depths() -> None:
    assert status_of(None, None) is CellStatus.EMPTY
    assert status_of(None, 0) is CellStatus.UNPLANNED
    assert status_of(1, None) is CellStatus.GAP
    assert status_of(1, 0) is CellStatus.GAP
    assert status_of(1, 1) is CellStatus.MET
    assert status_of(0, 2) is CellStatus.BEYOND
