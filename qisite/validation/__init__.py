"""Cross-checks of an academy's inputs, once each file is read and its structure checked.

Each feature adds its checks to ``CHECKS``; a check is a function that takes a
``CheckContext`` (the ``Inputs`` and the curriculum as written) and yields
``Problem``s. The input step (``qisite.inputs``) runs them; none opens a file.
"""

from qisite.validation import addresses, capacity, ihi, references
from qisite.validation import projects as project_checks
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
    addresses.former_ids,
    addresses.retired_modules,
    session_checks.sessions,
    session_checks.feed_id_unset,
    ihi.duplicate_courses,
    capacity.check,
    project_checks.check,
]

__all__ = ["CHECKS", "Check", "CheckContext"]
