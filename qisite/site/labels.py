"""Names the pages give to the curriculum's fixed choices (formats, staff groups...).

The texts are messages of the catalogue, marked here and translated where they
are shown (``_(labels[key])`` in a template).
"""

from __future__ import annotations

from qisite.i18n.markers import N_
from qisite.model import Format, StaffGroup, Stage
from qisite.views.pathways import FormatGroup

FORMAT_LABELS: dict[Format, str] = {
    Format.E_LEARNING: N_("E-learning"),
    Format.READING: N_("Reading"),
    Format.WORKSHOP: N_("Workshop"),
    Format.CLASSROOM: N_("Classroom"),
    Format.LEARNING_AT_LUNCH: N_("Learning at lunch"),
    Format.LEARNING_BY_DOING: N_("Learning by doing"),
    Format.COACHING: N_("Coaching"),
}

FORMAT_GROUP_LABELS: dict[FormatGroup, str] = {
    FormatGroup.E_LEARNING: N_("E-learning"),
    FormatGroup.CLASSROOM: N_("Classroom"),
    FormatGroup.LEARNING_BY_DOING: N_("Learning by doing"),
    FormatGroup.READING: N_("Reading"),
}

STAFF_GROUP_LABELS: dict[StaffGroup, str] = {
    StaffGroup.CLINICAL: N_("Clinical staff"),
    StaffGroup.NON_CLINICAL: N_("Non-clinical staff"),
}

REACH_LABELS = {
    "reaches": N_("this module reaches it"),
    "step": N_("this module is a step towards it"),
    "beyond": N_("this module goes further"),
    "unplanned": "",
}
"""How a module's dose compares with the depth a group should reach (see ``views.pathways``)."""

ATTENDANCE_LABELS = {"in-person": N_("In person"), "online": N_("Online")}
"""How a reader can attend, for the calendar's filter; a hybrid sitting matches both."""

STAGE_LABELS: dict[Stage, str] = {
    Stage.IDEA: N_("Idea"),
    Stage.TESTING_CHANGES: N_("Testing changes"),
    Stage.SPREADING: N_("Spreading"),
    Stage.SUSTAINING: N_("Sustaining"),
    Stage.CLOSED: N_("Closed"),
}
"""A project's stage, as the pages name it."""

FACET_LABELS = {
    "stage": N_("Stage"),
    "area": N_("Area"),
    "audience": N_("Staff group"),
    "module": N_("Module"),
}
"""The ways to filter the projects page."""
