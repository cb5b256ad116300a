"""A small curriculum with three pathways that cover the Basic Certificate differently."""

from __future__ import annotations

CURRICULUM = """\
academy:
  name: Test QI Academy
  organisation: Test NHS Trust
  headcount: 1000
  contact: qi@test.example.nhs.uk
  feed_id: test-qi-academy
  booking: https://booking.test.example/academy
dose_levels:
  - {id: awareness, name: Awareness}
  - {id: practitioner, name: Practitioner}
domains:
  - {id: pdsa, name: Model for Improvement and PDSA}
audiences:
  - {id: everyone, name: Everyone}
  - {id: leaders, name: Senior leaders}
  - {id: experts, name: Experts}
modules:
  - id: intro
    title: Introduction to QI
    dose: awareness
    domains: [pdsa]
    audiences: [everyone, leaders, experts]
    formats: [e-learning]
    duration: 1h
    ihi_open_school: [QI 101, qi102]
  - id: safety
    title: Safety basics
    dose: awareness
    domains: [pdsa]
    audiences: [leaders, experts]
    formats: [e-learning]
    duration: 1h
    ihi_open_school: [PS 101, QI 201]
  - id: everything
    title: The whole certificate
    dose: practitioner
    domains: [pdsa]
    audiences: [experts]
    formats: [e-learning]
    duration: 10h
    ihi_open_school:
      [QI 103, QI 104, QI 105, PS 102, PS 103, PS 104, PS 105, TA 101, PFC 101, L 101]
sessions:
  - id: intro-may
    module: intro
    start: 2027-05-04 10:00
    duration: 1h
    booking: https://booking.test.example/intro-may
    online: https://meet.test.example/intro
ihi_open_school:
  - code: QI 101
    title: Improvement from first principles
    topic: Quality improvement
    url: https://learning.test.example/qi-101
  - code: LOC 101
    title: A local course of our own
    topic: Local
"""

EXPECTED_COVERAGE = {
    "everyone": ["QI 101", "QI 102"],
    "leaders": ["QI 101", "QI 102", "PS 101"],
    "experts": [
        "QI 101",
        "QI 102",
        "QI 103",
        "QI 104",
        "QI 105",
        "PS 101",
        "PS 102",
        "PS 103",
        "PS 104",
        "PS 105",
        "TA 101",
        "PFC 101",
        "L 101",
    ],
}
