"""Where the translation files of a language are, and how they are read.

A language's messages come from ``<lang>/LC_MESSAGES/qisite.po`` (the usual
gettext layout), looked for first in a ``locale`` folder beside the
curriculum (an academy's own translation, or its changes to ours), then in the
package. A regional tag looks for the region's file, then the language's:
``en-GB`` reads ``en_GB`` and then ``en``, the first found winning for each
message. The .po files are read directly with Babel at build time: there is
no compiled .mo to go stale.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
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


def compile_translations(catalogue: Catalog) -> Translations:
    """gettext translations of a catalogue, compiled in memory."""
    compiled = io.BytesIO()
    write_mo(compiled, catalogue)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)
