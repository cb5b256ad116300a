"""The site's words in the academy's language: translation files read once, by the input step.

A language's messages come from ``<lang>/LC_MESSAGES/qisite.po`` (the usual
gettext layout), looked for first in a ``locale`` folder beside the
curriculum (an academy's own translation, or its changes to ours), then in the
package. A regional tag looks for the region's file, then the language's:
``en-GB`` reads ``en_GB`` and then ``en``, the first found winning for each
message. The .po files are read directly with Babel at build time: there is
no compiled .mo to go stale.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po

from qisite.i18n import (
    ACADEMY_LOCALE_DIR,
    DEFAULT_LANGUAGE,
    DOMAIN,
    PACKAGE_LOCALE_DIR,
    Words,
    compile_translations,
    language_locale,
)
from qisite.problems import Problem
from qisite.yaml_source import SourceMap


def _names(locale: Locale) -> list[str]:
    """Folder names to try, most specific first: 'en_GB', then 'en'."""
    parts = [locale.language, locale.script, locale.territory, locale.variant]
    given = [p for p in parts if p]
    return ["_".join(given[:size]) for size in range(len(given), 0, -1)]


def catalogue_files(locale: Locale, base_dir: Path | None = None) -> list[Path]:
    """The translation files for ``locale`` that exist, the one that wins first."""
    folders = [base_dir / ACADEMY_LOCALE_DIR] if base_dir is not None else []
    folders.append(PACKAGE_LOCALE_DIR)
    found = []
    for name in _names(locale):
        for folder in folders:
            path = folder / name / "LC_MESSAGES" / f"{DOMAIN}.po"
            if path.is_file():
                found.append(path)
    return found


@lru_cache(maxsize=16)
def _read(path: Path, modified: int) -> Catalog:
    """One .po file (cached while the file is unchanged; never changed by the caller)."""
    with path.open("rb") as source:
        return read_po(source, domain=DOMAIN, abort_invalid=True)


def read_catalogue(paths: list[Path]) -> Catalog:
    """The files' messages as one catalogue, each message from the first file that
    translates it; the plural rule is the first file's."""
    files = [_read(path, path.stat().st_mtime_ns) for path in paths]
    merged = Catalog(domain=DOMAIN)
    if files:
        merged.locale = files[0].locale
        merged.mime_headers = files[0].mime_headers
    for catalogue in reversed(files):
        for message in catalogue:
            if message.id and message.string and not message.fuzzy:
                merged[message.id] = message
    return merged



def words_for(language: str = DEFAULT_LANGUAGE, base_dir: Path | None = None) -> Words:
    """The words of ``language`` (a tag such as 'en-GB'), from the academy's folder
    ``base_dir`` and the package. Raises ``ValueError`` for a language Babel does not know;
    a language with no translation file shows the English messages."""
    locale = language_locale(language)
    translations = compile_translations(read_catalogue(catalogue_files(locale, base_dir)))
    return Words(translations, locale)


def shipped_languages() -> list[str]:
    """The languages qisite itself has files for ('en', 'en-GB')."""
    found = PACKAGE_LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")
    return sorted(path.parent.parent.name.replace("_", "-") for path in found)


def read_words(
    language: str, folder: Path, source: SourceMap
) -> tuple[Words, tuple[Path, ...], list[Problem]]:
    """The academy's words, the files they were read from, and why they could not be.

    The academy's language must have a translation file: the site shows no word
    without one. ``source`` places the problem at ``academy.language``.
    """
    where = ("academy", "language")
    locale = language_locale(language)  # the model has checked that Babel knows it
    files = catalogue_files(locale, folder)
    untranslated = Words(compile_translations(Catalog(domain=DOMAIN)), locale)
    if not files:
        problem = Problem.error(
            source.locate(where),
            where,
            f"there is no translation of the site's words into '{language}'",
            f"add {ACADEMY_LOCALE_DIR}/{locale.language}/LC_MESSAGES/{DOMAIN}.po beside "
            f"the curriculum (start from qisite/locale/{DOMAIN}.pot), or use one of: "
            + ", ".join(shipped_languages()),
        )
        return untranslated, (), [problem]
    try:
        catalogue = read_catalogue(files)
    except (PoFileError, ValueError, UnicodeDecodeError) as error:
        problem = Problem.error(
            source.locate(where), where, f"the translation file {files[0]} cannot be read: {error}"
        )
        return untranslated, tuple(files), [problem]
    return Words(compile_translations(catalogue), locale), tuple(files), []
