"""Day and month names in English, whatever the build machine's locale.

Shared by the pages (``site.dates``) and the run charts (``capacity.runchart``),
which must not depend on each other.
"""

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
SHORT_MONTHS = tuple(name[:3] for name in MONTHS)
"""'Jan' ... 'Dec'."""
