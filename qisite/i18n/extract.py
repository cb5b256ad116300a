"""Gather the messages of the package into ``qisite/locale/qisite.pot`` and keep the
English catalogue complete.

Run ``python3 -m qisite.i18n.extract`` after changing a word in a template or in
Python: it rewrites the template catalogue and adds each new message to the
English file with its English text. Date patterns are left to CLDR in plain
English; British English (``en_GB``, the default) writes the NHS style by hand.
A test fails while either file is behind the code.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

from qisite.i18n.catalogues import DOMAIN, PACKAGE_LOCALE_DIR
from qisite.i18n.words import DATE_CONTEXT

PACKAGE_DIR = PACKAGE_LOCALE_DIR.parent
TEMPLATE_FILE = PACKAGE_LOCALE_DIR / f"{DOMAIN}.pot"
ENGLISH_FILE = PACKAGE_LOCALE_DIR / "en" / "LC_MESSAGES" / f"{DOMAIN}.po"

KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None, "NP_": ((1, "c"), 2), "NN_": (1, 2)}
METHODS = [("templates/**.j2", "jinja2.ext:babel_extract"), ("**.py", "python")]
JINJA_OPTIONS = {
    # As qisite.site.context.make_environment sets them, so the messages read the same.
    "extensions": "jinja2.ext.i18n",
    "newstyle_gettext": "true",
    "trim_blocks": "true",
    "lstrip_blocks": "true",
    "keep_trailing_newline": "true",
}
HEADER = "Words of the qisite QI Academy site, its calendar feeds and its scripts."
WIDTH = 100


def extract() -> Catalog:
    """Every message in the package's templates and Python, with where it is used."""
    catalogue = Catalog(project="qisite", domain=DOMAIN, header_comment=f"# {HEADER}")
    found = extract_from_dir(
        PACKAGE_DIR,
        method_map=METHODS,
        options_map={"templates/**.j2": JINJA_OPTIONS},
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
    )
    for filename, lineno, message, comments, context in found:
        catalogue.add(
            message,
            None,
            [(f"qisite/{Path(filename).as_posix()}", lineno)],
            auto_comments=comments,
            context=context,
        )
    return catalogue


def po_text(catalogue: Catalog) -> str:
    """A catalogue as it is kept in the repository: sorted, no line numbers."""
    out = io.BytesIO()
    write_po(
        out,
        catalogue,
        width=WIDTH,
        sort_output=True,
        include_lineno=False,
        ignore_obsolete=True,
    )
    return out.getvalue().decode("utf-8")


def without_dates(text: str) -> str:
    """The catalogue text without the lines that change on every run."""
    return "".join(
        line
        for line in text.splitlines(keepends=True)
        if not line.startswith(('"POT-Creation-Date:', '"PO-Revision-Date:'))
    )


def english(template: Catalog, current: Catalog | None) -> Catalog:
    """The English catalogue: every message of ``template``, its text its own msgid
    (date patterns stay empty: CLDR's English forms)."""
    catalogue = current or Catalog(locale="en", domain=DOMAIN)
    catalogue.update(template, no_fuzzy_matching=True, update_header_comment=True)
    catalogue.fuzzy = False  # the header: English is complete by construction
    for message in catalogue:
        if not message.id or message.context == DATE_CONTEXT:
            continue
        if isinstance(message.id, tuple):
            if not all(message.string or ()):
                message.string = tuple(message.id)
        elif not message.string:
            message.string = message.id
    return catalogue


def missing_english(catalogue: Catalog) -> Iterator[str]:
    """Messages that have no English text (date patterns need none)."""
    for message in catalogue:
        if not message.id or message.context == DATE_CONTEXT:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            yield str(message.id)


def _write(path: Path, text: str) -> None:
    """Write the file only when more than its dates changed (no churn in the history)."""
    if path.is_file() and without_dates(path.read_text(encoding="utf-8")) == without_dates(text):
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main() -> None:
    template = extract()
    _write(TEMPLATE_FILE, po_text(template))
    current = None
    if ENGLISH_FILE.is_file():
        with ENGLISH_FILE.open("rb") as source:
            current = read_po(source, domain=DOMAIN)
    updated = english(template, current)
    _write(ENGLISH_FILE, po_text(updated))
    for message in missing_english(updated):
        print(f"{ENGLISH_FILE}: no English text for {message!r}")


if __name__ == "__main__":
    main()
