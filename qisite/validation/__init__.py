"""Validation of a curriculum: structure (pydantic), then cross-references (checks).

Each feature adds its checks to ``CHECKS``; a check is a function that takes a
``CheckContext`` and yields ``Problem``s.
"""

from qisite.validation import capacity, ihi, language, references
from qisite.validation import sessions as session_checks
from qisite.validation.context import Check, CheckContext

CHECKS: list[Check] = [
    references.duplicate_ids,
    references.module_references,
    references.audience_references,
    references.prerequisite_cycles,
    references.prerequisite_depth,
    references.dose_gaps,
    references.ihi_codes,
    references.repeated_entries,
    session_checks.sessions,
    session_checks.feed_id_unset,
    ihi.duplicate_courses,
    capacity.check,
    language.language,
]

__all__ = ["CHECKS", "Check", "CheckContext"]
