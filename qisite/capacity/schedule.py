"""Where the capacity check gets its session occurrences from.

``single_session_occurrences`` is a stop-gap adapter: it reads only sessions
in ``curriculum.sessions`` that happen once (a ``start``, no ``repeat``, no
``rrule``, no ``parts``). Repeating sessions, cohorts and session CSV files
are left out until the calendar's expansion (``qisite.sessions.expand``) is
merged; then ``scheduled_occurrences`` uses that instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from qisite.model import Curriculum, SessionStatus


@dataclass(frozen=True)
class SingleOccurrence:
    session_id: str
    module_id: str
    start: datetime
    audiences: tuple[str, ...]
    capacity: int | None
    cancelled: bool


def single_session_occurrences(curriculum: Curriculum) -> list[SingleOccurrence]:
    zone = ZoneInfo(curriculum.academy.timezone)
    found = []
    for session in curriculum.sessions:
        if session.start is None or session.repeat or session.rrule or session.parts:
            continue
        module = curriculum.modules_by_id.get(session.module)
        audiences = session.audiences or (module.audiences if module else [])
        found.append(
            SingleOccurrence(
                session.id,
                session.module,
                session.start.replace(tzinfo=zone),
                tuple(audiences),
                session.capacity,
                session.status is SessionStatus.CANCELLED,
            )
        )
    return found


def scheduled_occurrences(curriculum: Curriculum, base_dir: Path) -> list[SingleOccurrence]:
    """The occurrences the capacity check counts places in."""
    return single_session_occurrences(curriculum)
