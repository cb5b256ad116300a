"""The guide's rules of thumb for how many improvers an organisation needs.

They are starting points for a conversation, not a formula: the guide is
clear that size, service mix, history, resources, leadership commitment and
staff turnover all change the answer. Each function returns a range with the
rule written out, so that pages and the terminal can show where a figure
comes from.

The rules as coded here:
- Internal quality experts: about 15 to 20 for an organisation of up to
  4,000 staff. Larger organisations scale in proportion, 15 to 20 for every
  4,000 staff (12,000 staff: 45 to 60). Smaller ones keep 15 to 20: the
  guide gives no figure below that size.
- Quality coaches: about 5% of staff developed over about five years. The
  guide puts that at 150 to 200 for 4,000 staff, so the range is 3.75% to 5%
  of headcount in total, and a fifth of that each year.
- Coaching capacity: a coach with 20% to 25% protected time supports three to
  four improvement teams, so the teams a group of coaches can support is the
  number of coaches times 3 to 4.

Figures are rounded to the nearest whole person (halves round up).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

EXPERTS_REFERENCE_HEADCOUNT = 4000
EXPERTS_PER_REFERENCE = (15, 20)
COACH_SHARE_PERCENT = (Fraction(15, 4), Fraction(5))  # 150..200 of 4,000 is 3.75%..5%
COACH_PROGRAMME_YEARS = 5
TEAMS_PER_COACH = (3, 4)
COACH_PROTECTED_TIME_PERCENT = (20, 25)


@dataclass(frozen=True)
class Range:
    low: int
    high: int


@dataclass(frozen=True)
class Recommendation:
    """One rule of thumb applied to one organisation; ``capacity.wording`` says it in
    words (its role, unit and rule, by ``key``)."""

    key: str
    figure: Range


def whole(value: Fraction | int) -> int:
    """Round to the nearest whole number, halves up (never banker's rounding)."""
    exact = Fraction(value)
    return int(
        (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(
            Decimal(1), rounding=ROUND_HALF_UP
        )
    )


def internal_experts(headcount: int) -> Range:
    """15-20 up to 4,000 staff; 15-20 per 4,000 staff above that."""
    scale = max(Fraction(headcount, EXPERTS_REFERENCE_HEADCOUNT), Fraction(1))
    low, high = EXPERTS_PER_REFERENCE
    return Range(whole(low * scale), whole(high * scale))


def quality_coaches(headcount: int) -> Range:
    """Coaches to develop in total over the five-year programme."""
    low, high = COACH_SHARE_PERCENT
    return Range(whole(headcount * low / 100), whole(headcount * high / 100))


def quality_coaches_per_year(headcount: int) -> Range:
    low, high = COACH_SHARE_PERCENT
    years = COACH_PROGRAMME_YEARS
    return Range(whole(headcount * low / 100 / years), whole(headcount * high / 100 / years))


def teams_supported(coaches: Range | int) -> Range:
    """Improvement teams that coaches with 20-25% protected time can support."""
    if isinstance(coaches, int):
        coaches = Range(coaches, coaches)
    low, high = TEAMS_PER_COACH
    return Range(coaches.low * low, coaches.high * high)


def recommendations(headcount: int) -> list[Recommendation]:
    """Every rule of thumb applied to an organisation of ``headcount`` staff."""
    coaches = quality_coaches(headcount)
    return [
        Recommendation("internal-experts", internal_experts(headcount)),
        Recommendation("quality-coaches", coaches),
        Recommendation("quality-coaches-per-year", quality_coaches_per_year(headcount)),
        Recommendation("teams-supported", teams_supported(coaches)),
    ]
