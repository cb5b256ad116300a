"""The capacity figures in words, in a language: verdicts, ranges, places, rules of thumb.

The capacity package computes numbers and states; the page and ``qisite report``
say them through these functions, so that both read the same in any language.
"""

from __future__ import annotations

from qisite.capacity.check import MilestoneLine, Places, Reckoning
from qisite.capacity.rules import (
    COACH_PROGRAMME_YEARS,
    COACH_PROTECTED_TIME_PERCENT,
    Range,
    Recommendation,
)
from qisite.capacity.targets import PlannedMilestone
from qisite.i18n import Words
from qisite.i18n.markers import N_

ROLES = {
    "internal-experts": N_("Internal quality experts"),
    "quality-coaches": N_("Quality coaches"),
    "quality-coaches-per-year": N_("Quality coaches each year"),
    "teams-supported": N_("Improvement teams the coaches can support"),
}
UNITS = {
    "internal-experts": N_("people"),
    "quality-coaches": N_("people over %(years)s years"),
    "quality-coaches-per-year": N_("people a year"),
    "teams-supported": N_("teams"),
}
RULES = {
    "internal-experts": N_(
        "About 15 to 20 for up to 4,000 staff; above that, 15 to 20 for every 4,000 staff."
    ),
    "quality-coaches": N_(
        "About 5%% of staff over about five years: 150 to 200 for 4,000 staff "
        "(3.75%% to 5%% of headcount)."
    ),
    "quality-coaches-per-year": N_("The quality coach figure spread evenly over five years."),
    "teams-supported": N_(
        "A coach with %(low)s%% to %(high)s%% protected time supports "
        "3 to 4 teams: coaches × 3 to coaches × 4."
    ),
}
"""The words of each rule of thumb (``rules.recommendations``), by its key."""


def _values() -> dict[str, int]:
    low, high = COACH_PROTECTED_TIME_PERCENT
    return {"years": COACH_PROGRAMME_YEARS, "low": low, "high": high}


def role(words: Words, recommendation: Recommendation) -> str:
    return words.gettext(ROLES[recommendation.key])


def unit(words: Words, recommendation: Recommendation) -> str:
    return words.gettext(UNITS[recommendation.key], **_values())


def rule(words: Words, recommendation: Recommendation) -> str:
    return words.gettext(RULES[recommendation.key], **_values())


def figure(words: Words, value: Range) -> str:
    """'45 to 60', or one number when both ends agree."""
    if value.low == value.high:
        return words.number(value.low)
    return words.gettext(
        "%(low)s to %(high)s", low=words.number(value.low), high=words.number(value.high)
    )


def places(words: Words, offered: Places) -> str:
    """'1,200', or 'no limit' when a session has no capacity."""
    return words.gettext("no limit") if offered.unlimited else words.number(offered.places)


def verdict(words: Words, reckoning: Reckoning) -> str:
    """'on track', 'short by 4 places', 'missed by 1 person', 'target reached'..."""
    if reckoning.still_needed == 0:
        return words.gettext("reached") if reckoning.passed else words.gettext("target reached")
    if reckoning.passed:
        count = reckoning.still_needed
        return words.ngettext(
            "missed by %(num)s person", "missed by %(num)s people", count, num=words.number(count)
        )
    if reckoning.on_track:
        return words.gettext("on track")
    count = reckoning.short_by
    return words.ngettext(
        "short by %(num)s place", "short by %(num)s places", count, num=words.number(count)
    )


def milestone_label(words: Words, milestone: PlannedMilestone | MilestoneLine) -> str:
    """The organiser's label, or 'Milestone 2027-03-31'."""
    return milestone.label or words.gettext("Milestone %(date)s", date=milestone.by.isoformat())
