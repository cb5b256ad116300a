"""Read .ics feeds with three independent parsers and list every event instance in UTC.

* ical.js, Mozilla's parser (inside Thunderbird), run under Node.js from the
  pinned project in ``tests/js`` (``npm ci --prefix tests/js``, as scripts/test does);
* ``recurring_ical_events`` (on top of the ``icalendar`` library), which takes
  an IANA TZID from its own zone database and ignores the VTIMEZONE: it checks
  the wall times and TZIDs of the events;
* ``dateutil.tz.tzical``, which reads the VTIMEZONE block and nothing else, so
  the event times are attached to the zone the feed itself describes (icalendar
  uses it too for a TZID it does not know).

Each gives ``{(uid, start, end)}`` with times as aware UTC datetimes.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import icalendar
import recurring_ical_events
from dateutil import tz

JS = Path(__file__).parent / "js"

Instance = tuple[str, datetime, datetime]
"""An event instance: UID, UTC start, UTC end."""


def _iso(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def icaljs_read(paths: Sequence[Path], window_end: date) -> dict[Path, dict[str, Any]]:
    """What ical.js reads in each file: ``{"calendar": {...}, "events": [...]}`` as
    tests/js/expand.mjs prints it, recurring events expanded to ``window_end``."""
    node = shutil.which("node")
    assert node, "Node.js is needed to read the feeds with ical.js"
    assert (JS / "node_modules" / "ical.js").is_dir(), "run: npm ci --prefix tests/js"
    found: dict[Path, dict[str, Any]] = {}
    for batch in (paths[i : i + 200] for i in range(0, len(paths), 200)):
        done = subprocess.run(
            [node, str(JS / "expand.mjs"), window_end.isoformat(), *map(str, batch)],
            capture_output=True,
            text=True,
            check=False,
            env={"TZ": "UTC", "PATH": ""},
        )
        assert done.returncode == 0, done.stderr
        found.update((Path(name), read) for name, read in json.loads(done.stdout).items())
    return found


def icaljs(paths: Sequence[Path], window_end: date) -> dict[Path, set[Instance]]:
    """Every instance ical.js finds in each file, recurring events expanded to ``window_end``."""
    return {
        path: {(i["uid"], _iso(i["start"]), _iso(i["end"])) for i in read["events"]}
        for path, read in icaljs_read(paths, window_end).items()
    }


def recurring(path: Path, window: tuple[date, date]) -> set[Instance]:
    """Every instance ``recurring_ical_events`` finds between the window's dates."""
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    events = recurring_ical_events.of(calendar).between(*window)
    return {
        (str(e["UID"]), e.decoded("DTSTART").astimezone(UTC), e.decoded("DTEND").astimezone(UTC))
        for e in events
    }


def _local(prop: icalendar.prop.vDDDTypes, zones: tz.tzical) -> datetime:
    """A DATE-TIME property as written (wall time and TZID) in the feed's own VTIMEZONE."""
    text = prop.to_ical().decode()
    wall = datetime.strptime(text.rstrip("Z"), "%Y%m%dT%H%M%S")
    if text.endswith("Z"):
        return wall.replace(tzinfo=UTC)
    return wall.replace(tzinfo=zones.get(prop.params["TZID"]))


def tzical(path: Path) -> set[Instance]:
    """Every VEVENT's start and end read in the feed's VTIMEZONE by ``dateutil.tz.tzical``.

    Only single events: the feeds do not use RRULE in events (yet), and
    ``tzical`` reads time zones, not events.
    """
    zones = tz.tzical(str(path))
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    found = set()
    for event in calendar.walk("VEVENT"):
        assert "RRULE" not in event, f"{path}: tzical reading does not expand RRULEs"
        start = _local(event["DTSTART"], zones).astimezone(UTC)
        end = _local(event["DTEND"], zones).astimezone(UTC)
        found.add((str(event["UID"]), start, end))
    return found


Expected = dict[str, tuple[datetime, datetime]]
"""UID to the UTC start and end worked out from the curriculum."""


def uids(path: Path) -> list[str]:
    """The UID of every VEVENT in the file, in order."""
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return [str(e["UID"]) for e in calendar.walk("VEVENT")]


def mismatches(found: Iterable[Instance], expected: Expected) -> list[tuple[str, object, object]]:
    """Each UID whose instances are not exactly its one expected (start, end), either way."""
    seen: dict[str, list[tuple[datetime, datetime]]] = {}
    for uid, start, end in found:
        seen.setdefault(uid, []).append((start, end))
    return [
        (uid, seen.get(uid), expected.get(uid))
        for uid in sorted(set(seen) | set(expected))
        if seen.get(uid) != [expected.get(uid)]
    ]


def window(expected: Expected) -> tuple[date, date]:
    """Dates that hold every expected instance, a day to spare each side."""
    starts = [s for s, _ in expected.values()]
    ends = [e for _, e in expected.values()]
    return (min(starts).date() - timedelta(days=1), max(ends).date() + timedelta(days=2))
