"""Markers that put a message in the catalogue where it is written, and look it up later.

Babel's extractor reads ``N_("...")`` and ``NP_("context", "...")`` like the
gettext calls they stand for; at run time they return their text unchanged,
to be translated where it is shown (a table of labels is built once, read in
many languages).
"""

from __future__ import annotations


def N_(message: str) -> str:  # noqa: N802 - the gettext convention, which the extractor looks for
    return message


def NP_(context: str, message: str) -> str:  # noqa: N802
    return message


def NN_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802
    """A message with a plural form, looked up later with ``ngettext``."""
    return singular, plural
