"""A small academy of 4,000 staff whose capacity figures are worked out by hand in the tests."""

from __future__ import annotations

CURRICULUM = """\
academy:
  name: Test QI Academy
  organisation: Test Hospitals NHS Trust
  headcount: 4000
  contact: qi@test.example.nhs.uk
  feed_id: test-qi-academy

dose_levels:
  - {id: awareness, name: Awareness}
  - {id: foundation, name: Foundation}
  - {id: practitioner, name: Practitioner}

domains:
  - {id: pdsa, name: Model for Improvement}
  - {id: variation, name: Understanding variation}

audiences:
  - {id: all-staff, name: All staff, size: 4000}
  - {id: coaches, name: Quality coaches}
  - {id: board, name: Board members}

modules:
  - id: intro
    title: Introduction to improvement
    dose: awareness
    domains: [pdsa]
    audiences: [all-staff, coaches, board]
    formats: [e-learning]
    duration: 1h
  - id: coach-programme
    title: Coaching improvement teams
    dose: practitioner
    domains: [pdsa, variation]
    audiences: [coaches]
    formats: [workshop]
    duration: 2d
    prerequisites: [intro]
  - id: board-data
    title: Reading data as a board
    dose: foundation
    domains: [variation]
    audiences: [board]
    formats: [workshop]
    duration: 2h

sessions:
  - id: coach-feb
    module: coach-programme
    start: 2027-02-01 09:00
    duration: 7h
    capacity: 12
    repeat: {every: monthly, count: 2, cancelled: [2027-03-01]}
  - {id: coach-may, module: coach-programme, start: 2027-05-03 09:00, duration: 7h,
     capacity: 12, status: cancelled}
  - {id: coach-sep, module: coach-programme, start: 2027-09-06 09:00, duration: 7h, capacity: 12}
  - {id: coach-late, module: coach-programme, start: 2028-06-05 09:00, duration: 7h, capacity: 12}
  - {id: coach-past, module: coach-programme, start: 2026-09-07 09:00, duration: 7h, capacity: 12}
  - {id: coach-board, module: coach-programme, start: 2027-03-01 09:00, duration: 7h,
     capacity: 30, audiences: [board]}
  - id: board-cohort
    module: board-data
    cohort: Board 2027
    capacity: 15
    parts:
      - {name: Launch, start: 2027-01-11 14:00, duration: 2h}
      - {name: Middle, start: 2027-02-08 14:00, duration: 2h, status: cancelled}
      - {name: Close, start: 2027-03-08 14:00, duration: 2h}
  - {id: intro-online, module: intro, start: 2027-01-04 12:00, duration: 1h}

targets:
  - audience: all-staff
    label: "Tier 1: introduction"
    share: 30
    by: 2028-03-31
  - audience: coaches
    group_size: 60
    train: 40
    by: 2028-03-31
    rule_of_thumb: quality-coaches
    milestones:
      - {by: 2026-09-30, train: 5, label: End of wave 1}
      - {by: 2027-06-30, train: 25, label: End of wave 2}
  - audience: board
    group_size: 12
    share: 100
    by: 2027-06-30

progress_files:
  - progress.csv
"""

PROGRESS = """\
date,audience,module,completed
2026-06-30,coaches,,4
2026-10-31,coaches,,6
2026-04-30,all-staff,,100
2026-05-31,all-staff,,50
2026-06-30,all-staff,,150
2026-07-31,,intro,25
"""
