"""Sessions as dated occurrences: expansion of repeats and cohorts, .ics feeds.

Sessions from CSV files arrive already read, in ``Inputs.session_rows``.

Pure Python: nothing here knows about MkDocs or HTML.
"""

from qisite.sessions.expand import Occurrence, occurrences, occurrences_for_modules

__all__ = ["Occurrence", "occurrences", "occurrences_for_modules"]
