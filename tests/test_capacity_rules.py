"""The guide's rules of thumb, against figures worked out by hand."""

from __future__ import annotations

from fractions import Fraction

import pytest

from qisite.capacity.rules import (
    Range,
    internal_experts,
    quality_coaches,
    quality_coaches_per_year,
    recommendations,
    teams_supported,
    whole,
)
from qisite.capacity.wording import figure, rule
from qisite.inputs.translations import words_for


def test_4000_staff() -> None:
    # 15-20 experts up to 4,000 staff; 150-200 coaches (3.75%-5%) over five years,
    # 30-40 a year; 150 coaches x 3 = 450 teams, 200 x 4 = 800 teams.
    assert internal_experts(4000) == Range(15, 20)
    assert quality_coaches(4000) == Range(150, 200)
    assert quality_coaches_per_year(4000) == Range(30, 40)
    assert teams_supported(quality_coaches(4000)) == Range(450, 800)


def test_12000_staff_scale_in_proportion() -> None:
    # Three times 4,000: 45-60 experts, 450-600 coaches, 90-120 a year, 1,350-2,400 teams.
    assert internal_experts(12000) == Range(45, 60)
    assert quality_coaches(12000) == Range(450, 600)
    assert quality_coaches_per_year(12000) == Range(90, 120)
    assert teams_supported(quality_coaches(12000)) == Range(1350, 2400)


def test_smaller_organisations_keep_the_4000_expert_figure() -> None:
    assert internal_experts(1500) == Range(15, 20)
    # Coaches stay a share: 3.75% of 1,500 = 56.25 -> 56; 5% = 75.
    assert quality_coaches(1500) == Range(56, 75)


def test_rounding_is_to_the_nearest_whole_person_halves_up() -> None:
    # 6,200 staff: 15 x 1.55 = 23.25 -> 23; 20 x 1.55 = 31; coaches 232.5 -> 233, 310;
    # a year 46.5 -> 47, 62.
    assert internal_experts(6200) == Range(23, 31)
    assert quality_coaches(6200) == Range(233, 310)
    assert quality_coaches_per_year(6200) == Range(47, 62)
    assert whole(Fraction(5, 2)) == 3
    assert whole(Fraction(7, 2)) == 4


def test_declared_coaches_give_teams_supported() -> None:
    assert teams_supported(25) == Range(75, 100)


@pytest.mark.parametrize("headcount", [4000, 12000])
def test_every_recommendation_states_its_rule(headcount: int) -> None:
    found = recommendations(headcount)
    assert [r.key for r in found] == [
        "internal-experts",
        "quality-coaches",
        "quality-coaches-per-year",
        "teams-supported",
    ]
    english = words_for()
    assert all(rule(english, r) and r.figure.low <= r.figure.high for r in found)
    assert figure(english, found[1].figure) == f"{headcount * 3 // 80:,} to {headcount // 20:,}"
