"""The validated curriculum model. Pure data: nothing here knows about MkDocs."""

from qisite.model.catalogue import IhiCourse
from qisite.model.curriculum import (
    Academy,
    Audience,
    Curriculum,
    Domain,
    DoseLevel,
    Format,
    Module,
    StaffGroup,
)
from qisite.model.sessions import Repeat, Session, SessionPart, SessionStatus
from qisite.model.targets import Target

__all__ = [
    "Academy",
    "Audience",
    "Curriculum",
    "Domain",
    "DoseLevel",
    "Format",
    "IhiCourse",
    "Module",
    "Repeat",
    "Session",
    "SessionPart",
    "SessionStatus",
    "StaffGroup",
    "Target",
]
