"""The academy's language must have a translation file: the site shows no word without one."""

from __future__ import annotations

from collections.abc import Iterator

from babel.messages.pofile import PoFileError

from qisite.i18n import ACADEMY_LOCALE_DIR, DOMAIN, catalogue_files, language_locale
from qisite.i18n.catalogues import PACKAGE_LOCALE_DIR, read_catalogue
from qisite.problems import Problem
from qisite.validation.context import CheckContext


def _shipped() -> list[str]:
    """The languages qisite itself has files for ('en', 'en_GB')."""
    found = PACKAGE_LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")
    return sorted(path.parent.parent.name.replace("_", "-") for path in found)


def language(ctx: CheckContext) -> Iterator[Problem]:
    tag = ctx.curriculum.academy.language
    path = ("academy", "language")
    locale = language_locale(tag)  # the model has checked that Babel knows it
    files = catalogue_files(locale, ctx.base_dir)
    if not files:
        yield ctx.error(
            path,
            f"there is no translation of the site's words into '{tag}'",
            f"add {ACADEMY_LOCALE_DIR}/{locale.language}/LC_MESSAGES/{DOMAIN}.po beside "
            f"the curriculum (start from qisite/locale/{DOMAIN}.pot), or use one of: "
            + ", ".join(_shipped()),
        )
        return
    try:
        read_catalogue(files)
    except (PoFileError, ValueError, UnicodeDecodeError) as error:
        yield ctx.error(path, f"the translation file {files[0]} cannot be read: {error}")
