"""The names of the translation catalogue and its folders, a language's Babel locale, and
compiling a catalogue that was read. Reading the files is the input step's job
(``qisite.inputs.translations``): nothing here opens a file.
"""

from __future__ import annotations

import io
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.support import Translations

DOMAIN = "qisite"
PACKAGE_LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
ACADEMY_LOCALE_DIR = "locale"
"""The folder, beside curriculum.yaml, where an academy may keep its own translation."""


def language_locale(tag: str) -> Locale:
    """The Babel locale of a language tag such as 'en-GB', 'cy' or 'fr_CA'.

    Raises ``ValueError`` (Babel's ``UnknownLocaleError`` is one) for a tag
    Babel does not know.
    """
    try:
        return Locale.parse(tag.strip().replace("-", "_"))
    except UnknownLocaleError as error:
        raise ValueError(str(error)) from None


def compile_translations(catalogue: Catalog) -> Translations:
    """gettext translations of a catalogue, compiled in memory."""
    compiled = io.BytesIO()
    write_mo(compiled, catalogue)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)
