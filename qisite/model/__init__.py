"""The validated curriculum model, and the inputs of a build that hold it.

Pure data: nothing here reads a file or knows about MkDocs.
"""

from qisite.model.catalogue import Catalogue, IhiCourse
from qisite.model.curriculum import (
    Academy,
    Audience,
    Curriculum,
    Domain,
    DoseLevel,
    Format,
    Module,
    RetiredModule,
    StaffGroup,
)
from qisite.model.inputs import CsvFile, Inputs
from qisite.model.projects import (
    Channel,
    Coach,
    Measure,
    MeasurePoint,
    Network,
    ProgressScore,
    Project,
    Stage,
)
from qisite.model.rows import CsvRow, ProgressRow
from qisite.model.sessions import Repeat, Session, SessionPart, SessionStatus
from qisite.model.targets import Target

__all__ = [
    "Academy",
    "Audience",
    "Catalogue",
    "Channel",
    "Coach",
    "CsvFile",
    "CsvRow",
    "Curriculum",
    "Domain",
    "DoseLevel",
    "Format",
    "IhiCourse",
    "Inputs",
    "Measure",
    "MeasurePoint",
    "Module",
    "Network",
    "ProgressRow",
    "ProgressScore",
    "Project",
    "Repeat",
    "RetiredModule",
    "Session",
    "SessionPart",
    "SessionStatus",
    "StaffGroup",
    "Stage",
    "Target",
]
