"""A synthetic academy of any size, shaped like a real one, as curriculum.yaml text.

Everything grows in proportion to the number of modules, so that a build that is
linear in the curriculum shows up as linear here: one audience per ten modules,
each module taken by three audiences (a pathway keeps about thirty modules at
every size), prerequisite chains of five modules that deepen through the four
dose levels, and five dated sessions per module. The output is deterministic.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import yaml

DOSE_LEVELS = ["awareness", "foundation", "practitioner", "expert"]
DOMAINS = [
    ("system", "Seeing the whole system"),
    ("variation", "Variation in data over time"),
    ("knowledge", "How we know a change helps"),
    ("people", "People and the human side of change"),
    ("pdsa", "Testing changes in small cycles"),
    ("measures", "Choosing and plotting measures"),
    ("teams", "Running an improvement team"),
    ("coaching", "Coaching other teams"),
    ("spread", "Spreading what works"),
    ("direction", "Setting direction and big aims"),
]
FORMATS = ["e-learning", "reading", "workshop", "classroom", "learning-by-doing", "coaching"]
IHI_CODES = ["QI 101", "QI 102", "QI 103", "QI 104", "QI 105", "PS 101"]
BUILDINGS = ["Education centre", "Library", "Research hub", "Main outpatients"]
ROOMS = 40
"""Rooms across the site: enough that no two sittings clash (the check would warn)."""
CHAIN = 5
AUDIENCES_PER_MODULE = 3
SESSIONS_PER_MODULE = 5
FIRST_SESSION_DAY = date(2027, 1, 4)


def audience_count(modules: int) -> int:
    return max(AUDIENCES_PER_MODULE, modules // 10)


def _module_dose(index: int) -> str:
    """Along a chain of five, the dose deepens: 0, 0, 1, 2, 3."""
    return DOSE_LEVELS[max(0, index % CHAIN - 1)]


def _module_audiences(index: int, audiences: int) -> list[int]:
    """Three different audiences, spread round the list (linear probing on a clash)."""
    chosen: list[int] = []
    for share in range(AUDIENCES_PER_MODULE):
        candidate = (index + share * (audiences // AUDIENCES_PER_MODULE) + share) % audiences
        while candidate in chosen:
            candidate = (candidate + 1) % audiences
        chosen.append(candidate)
    return chosen


def _module(index: int, audiences: int) -> dict[str, Any]:
    domain_a = DOMAINS[index % len(DOMAINS)][0]
    domain_b = DOMAINS[(index * 3 + 1) % len(DOMAINS)][0]
    module: dict[str, Any] = {
        "id": f"module-{index:04d}",
        "title": f"{DOMAINS[index % len(DOMAINS)][1]}, part {index // len(DOMAINS) + 1}",
        "summary": (
            f"Practical session {index} on {DOMAINS[index % len(DOMAINS)][1].lower()}: "
            "participants bring a problem from their own service and leave with a "
            "measure, a change idea and a date for their first test."
        ),
        "dose": _module_dose(index),
        "domains": sorted({domain_a, domain_b}),
        "audiences": [f"audience-{a:03d}" for a in _module_audiences(index, audiences)],
        "formats": [FORMATS[index % len(FORMATS)], FORMATS[(index + 2) % len(FORMATS)]],
        "duration": f"{1 + index % 4}h{(index % 2) * 30}m" if index % 2 else f"{1 + index % 4}h",
        "outcomes": [
            "Describe the aim of an improvement project in one sentence",
            "Plot a run chart of a weekly measure and read it with the run rules",
            "Plan the next test of change with the team",
        ],
    }
    if index % CHAIN:
        module["prerequisites"] = [f"module-{index - 1:04d}"]
    if index % 4 == 0:
        module["ihi_open_school"] = [IHI_CODES[index % len(IHI_CODES)]]
    return module


def _venue(room: int) -> str:
    return f"{BUILDINGS[room % len(BUILDINGS)]}, room {room // len(BUILDINGS) + 1}"


def _sessions(index: int) -> list[dict[str, Any]]:
    sessions = []
    for number in range(SESSIONS_PER_MODULE):
        day = FIRST_SESSION_DAY + timedelta(days=(index * 3 + number * 61) % 700)
        sessions.append(
            {
                "id": f"module-{index:04d}-s{number + 1}",
                "module": f"module-{index:04d}",
                "start": f"{day.isoformat()} {9 + number % 4:02d}:30",
                "end": f"{12 + number % 4:02d}:30",
                "venue": _venue((index * 7 + number) % ROOMS),
                "capacity": 12 + (index + number) % 4 * 6,
                "booking": f"https://learning.example.nhs.uk/book/module-{index:04d}",
            }
        )
    return sessions


def _audience_doses(modules: list[dict[str, Any]], audience_id: str) -> dict[str, str]:
    """Targets each audience's own modules meet, so the plan has no gaps to warn about."""
    deepest: dict[str, int] = {}
    for module in modules:
        if audience_id in module["audiences"]:
            rank = DOSE_LEVELS.index(module["dose"])
            for domain in module["domains"]:
                deepest[domain] = max(deepest.get(domain, 0), rank)
    return {domain: DOSE_LEVELS[deepest[domain]] for domain in sorted(deepest)[:3]}


def synthetic_curriculum(modules: int) -> dict[str, Any]:
    audiences = audience_count(modules)
    module_list = [_module(i, audiences) for i in range(modules)]
    audience_list = []
    for a in range(audiences):
        audience_id = f"audience-{a:03d}"
        audience_list.append(
            {
                "id": audience_id,
                "name": f"Staff group {a + 1}",
                "description": "Colleagues who share a role and the depth of QI they need.",
                "size": 40 + a * 7 % 300,
                "dose": _audience_doses(module_list, audience_id),
            }
        )
    return {
        "academy": {
            "name": "Benchmark QI Academy",
            "organisation": "Benchmark Teaching Hospitals NHS Trust",
            "headcount": 12000,
            "timezone": "Europe/London",
            "contact": "qi@benchmark.example.nhs.uk",
            "feed_id": "benchmark-qi-academy",  # what its name gave: the same UIDs as before
        },
        "dose_levels": [{"id": level, "name": level.capitalize()} for level in DOSE_LEVELS],
        "domains": [{"id": d, "name": name} for d, name in DOMAINS],
        "audiences": audience_list,
        "modules": module_list,
        "sessions": [s for i in range(modules) for s in _sessions(i)],
    }


def synthetic_curriculum_yaml(modules: int) -> str:
    return yaml.safe_dump(synthetic_curriculum(modules), sort_keys=False, allow_unicode=True)
