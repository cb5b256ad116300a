"""The words the site, its feeds and its scripts show, in the academy's language.

Every such word is a message in one gettext catalogue (``qisite/locale``); an
academy in another language adds a translation file and sets
``academy.language``. Dates and numbers are formatted by Babel for the same
language. Nothing here is a global: a ``Words`` is made once per build and
handed to whatever renders. The translation files are read by the input step
(``qisite.inputs.translations``), which hands the build its ``Words`` in ``Inputs``.
"""

from qisite.i18n.catalogues import (
    ACADEMY_LOCALE_DIR,
    DOMAIN,
    PACKAGE_LOCALE_DIR,
    compile_translations,
    language_locale,
)
from qisite.i18n.words import DEFAULT_LANGUAGE, Words

__all__ = [
    "ACADEMY_LOCALE_DIR",
    "DEFAULT_LANGUAGE",
    "DOMAIN",
    "PACKAGE_LOCALE_DIR",
    "Words",
    "compile_translations",
    "language_locale",
]
