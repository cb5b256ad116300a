"""Feeds for academies in time zones unlike London's, read by three calendar readers.

Half- and quarter-hour offsets (Kathmandu +05:45, Chatham +12:45/+13:45), a summer
time that moves by half an hour (Lord Howe), Ireland's summer time written in tzdata as
'standard' with a negative saving in winter, a zone with no summer time now but one in
its past (Sao Paulo), and Morocco's clock that stops for Ramadan: a weekly sitting all
year must be at its local wall time in every reader, worked out here with zoneinfo.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from qisite.engines.step import EngineSettings, generate
from qisite.inputs import load_inputs
from tests.feed_readers import Expected, icaljs, mismatches, recurring, tzical, window
from tests.session_fixtures import curriculum_text

ZONES = (
    "Asia/Kathmandu",
    "Pacific/Chatham",
    "Australia/Lord_Howe",
    "Europe/Dublin",
    "America/Sao_Paulo",
    "Africa/Casablanca",
    "America/St_Johns",
)
WEEKS = 53


def _feed(tmp_path: Path, zone: str) -> Path:
    sessions = f"""\
    - id: weekly
      module: mod-intro
      start: 2027-01-06 23:30
      duration: 1h
      repeat: {{every: weekly, count: {WEEKS}}}
    """
    text = curriculum_text(sessions).replace("Europe/London", zone)
    text = text.replace("  contact:", "  feed_id: zones\n  contact:")
    (tmp_path / "curriculum.yaml").write_text(text, encoding="utf-8")
    loaded = load_inputs(tmp_path / "curriculum.yaml", "curriculum.yaml")
    assert loaded.ok, [str(p) for p in loaded.problems]
    generated = generate(loaded.require(), {}, EngineSettings())
    feed = next(o for o in generated.outputs if o.src_uri == "feeds/all.ics")
    path = tmp_path / "all.ics"
    path.write_bytes(feed.content if isinstance(feed.content, bytes) else feed.content.encode())
    return path


def _expected(zone: str) -> Expected:
    first = datetime(2027, 1, 6, 23, 30)
    expected: Expected = {}
    for week in range(WEEKS):
        wall = first + timedelta(weeks=week)
        start = wall.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)
        expected[f"weekly-{wall:%Y%m%dT%H%M}@zones"] = (start, start + timedelta(hours=1))
    return expected


@pytest.mark.parametrize("zone", ZONES)
def test_a_weekly_sitting_is_at_its_wall_time_all_year_in_every_reader(
    tmp_path: Path, zone: str
) -> None:
    feed = _feed(tmp_path, zone)
    expected = _expected(zone)
    assert mismatches(recurring(feed, window(expected)), expected) == []
    assert mismatches(tzical(feed), expected) == []
    read = icaljs([feed], window(expected)[1])
    assert mismatches(read[feed], expected) == []
