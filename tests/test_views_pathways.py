"""Pathway views without a build: order, totals by kind of learning, reverse prerequisites."""

from __future__ import annotations

from qisite.model import StaffGroup
from qisite.views.pathways import (
    FormatGroup,
    all_pathways,
    audiences_for_group,
    depth_for_module,
    minutes_by_format_group,
    pathway_for,
    unlocked_by,
)
from tests.test_views_matrix import curriculum


def test_totals_by_format_group_add_up_to_the_pathway_total() -> None:
    c = curriculum(
        modules=[
            {
                "id": "a",
                "title": "A",
                "dose": "one",
                "domains": ["x"],
                "audiences": ["p"],
                "formats": ["e-learning", "workshop", "learning-at-lunch"],
                "duration": 61,
            },
            {
                "id": "b",
                "title": "B",
                "dose": "two",
                "domains": ["x"],
                "audiences": ["p"],
                "formats": ["coaching"],
                "duration": "1h",
                "prerequisites": ["a"],
            },
        ]
    )
    pathway = pathway_for(c, c.audiences_by_id["p"])
    assert minutes_by_format_group(c.modules_by_id["a"]) == {
        FormatGroup.E_LEARNING: 31,
        FormatGroup.CLASSROOM: 30,
    }
    assert pathway.minutes_by_group == {
        FormatGroup.E_LEARNING: 31,
        FormatGroup.CLASSROOM: 30,
        FormatGroup.LEARNING_BY_DOING: 60,
        FormatGroup.READING: 0,
    }
    assert sum(pathway.minutes_by_group.values()) == pathway.total_minutes == 121


def test_prerequisites_come_first_then_lighter_dose() -> None:
    c = curriculum(
        modules=[
            {
                "id": "deep",
                "title": "Deep",
                "dose": "two",
                "domains": ["x"],
                "audiences": ["p"],
                "formats": ["workshop"],
                "duration": "1h",
            },
            {
                "id": "light",
                "title": "Light",
                "dose": "one",
                "domains": ["x"],
                "audiences": ["p"],
                "formats": ["reading"],
                "duration": "1h",
                "prerequisites": ["deep"],
            },
            {
                "id": "intro",
                "title": "Intro",
                "dose": "one",
                "domains": ["x"],
                "audiences": ["p"],
                "formats": ["reading"],
                "duration": "1h",
            },
        ]
    )
    order = [m.id for m in pathway_for(c, c.audiences_by_id["p"]).modules]
    assert order == ["intro", "deep", "light"]


def test_unlocked_by_reverses_prerequisites() -> None:
    c = curriculum()
    c2 = curriculum(
        modules=[
            *[m.model_dump() for m in c.modules],
            {
                "id": "m3",
                "title": "M3",
                "dose": "two",
                "domains": ["y"],
                "audiences": ["p"],
                "formats": ["reading"],
                "duration": "1h",
                "prerequisites": ["m1", "m2"],
            },
        ]
    )
    followers = unlocked_by(c2)
    assert [m.id for m in followers["m1"]] == ["m3"]
    assert [m.id for m in followers["m2"]] == ["m3"]
    assert followers["m3"] == []


def test_depth_for_module_gives_each_audience_target_per_domain() -> None:
    c = curriculum()
    depths = depth_for_module(c, c.modules_by_id["m2"])
    assert [
        (d.audience.id, [(t.domain_id, t.planned, t.reach) for t in d.targets]) for d in depths
    ] == [("q", [("x", "one", "beyond"), ("y", None, "unplanned")])]
    m1 = depth_for_module(c, c.modules_by_id["m1"])
    assert [[(t.planned, t.reach) for t in d.targets] for d in m1] == [
        [("two", "step")],
        [("one", "reaches")],
    ]


def test_audiences_for_group_and_all_pathways() -> None:
    c = curriculum(
        audiences=[
            {"id": "p", "name": "P", "staff_groups": ["clinical"]},
            {"id": "q", "name": "Q", "staff_groups": ["non-clinical"]},
            {"id": "r", "name": "R"},
        ],
        modules=[],
    )
    assert [a.id for a in audiences_for_group(c, StaffGroup.CLINICAL)] == ["p", "r"]
    assert [a.id for a in audiences_for_group(c, StaffGroup.NON_CLINICAL)] == ["q", "r"]
    assert [p.audience.id for p in all_pathways(c)] == ["p", "q", "r"]
