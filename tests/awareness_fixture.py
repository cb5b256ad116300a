"""A held-back academy for the awareness pages: another time zone (Sydney, where the
clocks go back in April), other level names, six weeks ahead, published under a sub-path."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.sitebuild import BuiltSite, build_site

SITE_URL = "https://learning.harbour.example.org/qi-hub/"

CURRICULUM = """\
academy:
  name: Harbour Improvement Hub
  organisation: Harbour Health District
  headcount: 2400
  timezone: Australia/Sydney
  contact: improvement@harbour.example.org
  feed_id: harbour-hub
  whats_on_weeks: 6
dose_levels:
  - {id: bronze, name: Bronze}
  - {id: silver, name: Silver}
domains:
  - {id: variation, name: Understanding variation}
audiences:
  - {id: ward-teams, name: Ward teams}
  - {id: executives, name: Executive team}
modules:
  - id: pdsa-starter
    title: PDSA starter
    dose: bronze
    domains: [variation]
    audiences: [ward-teams, executives]
    formats: [workshop]
    duration: 2h
  - id: spc-for-boards
    title: SPC for boards & executives
    dose: silver
    domains: [variation]
    audiences: [executives]
    formats: [classroom]
    duration: 3h
sessions:
  - {id: pdsa-jan, module: pdsa-starter, start: 2027-01-12 10:00, duration: 2h,
     venue: Harbour Room, booking: "https://book.harbour.example.org/pdsa?when=jan&x=1"}
  - {id: pdsa-feb, module: pdsa-starter, start: 2027-02-09 10:00, duration: 2h,
     venue: Harbour Room, booking: "https://book.harbour.example.org/pdsa?when=feb&x=1"}
  - {id: spc-feb, module: spc-for-boards, start: 2027-02-23 14:00, duration: 3h,
     online: https://meet.harbour.example.org/spc}
  - {id: pdsa-may, module: pdsa-starter, start: 2027-05-11 10:00, duration: 2h,
     venue: Harbour Room}
  - id: exec-wave
    module: spc-for-boards
    cohort: Wave 2
    end: "16:00"
    venue: Boardroom
    parts:
      - {name: Launch, start: 2027-03-02 13:00}
      - {name: Review, start: 2027-04-06 13:00, status: cancelled}
      - {name: Close, start: 2027-06-01 13:00}
"""

BUILT_AT = "1798761600"
"""2027-01-01 00:00 UTC (SOURCE_DATE_EPOCH): the build holds every sitting above."""


@contextmanager
def _epoch(value: str) -> Iterator[None]:
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = value
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def build_awareness_site(
    root: Path, site_url: str | None = SITE_URL, curriculum: str = CURRICULUM
) -> BuiltSite:
    config = {"site_url": site_url} if site_url else {}
    with _epoch(BUILT_AT):
        return build_site(root, curriculum=curriculum, config=config)
