"""The catalogue holds every word the package shows, English is complete, and no word is
left outside it: in templates (outside gettext calls) or in the scripts."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

from qisite.i18n.extract import (
    ENGLISH_FILE,
    TEMPLATE_FILE,
    extract,
    missing_english,
    po_text,
    without_dates,
)
from qisite.i18n.words import DATE_CONTEXT, DATE_FORMATS
from qisite.site.script_words import SCRIPT_WORDS

PACKAGE = Path(__file__).resolve().parent.parent / "qisite"
FIX = "run 'python3 -m qisite.i18n.extract' and commit qisite/locale"


def _read(path: Path):  # type: ignore[no-untyped-def]
    with path.open("rb") as source:
        return read_po(source, domain="qisite")


def _keys(catalogue) -> set[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return {(str(m.id), m.context) for m in catalogue if m.id}


def test_the_checked_in_template_catalogue_is_what_the_package_says() -> None:
    fresh = extract()
    assert len(fresh) > 200, "the extractor found too few messages: is it reading templates?"
    checked_in = TEMPLATE_FILE.read_text(encoding="utf-8")
    assert without_dates(po_text(fresh)) == without_dates(checked_in), FIX


def test_every_message_has_its_english_text() -> None:
    english = _read(ENGLISH_FILE)
    assert _keys(english) == _keys(_read(TEMPLATE_FILE)), FIX
    assert list(missing_english(english)) == [], FIX
    for message in english:
        if message.id and message.context != DATE_CONTEXT:
            # English is the source language: each text is its own msgid.
            expected = message.id if isinstance(message.id, str) else tuple(message.id)
            assert message.string == expected, message.id


def test_british_english_writes_every_date_pattern() -> None:
    british = _read(ENGLISH_FILE.parent.parent.parent / "en_GB" / "LC_MESSAGES" / "qisite.po")
    patterns = {m.id: m.string for m in british if m.context == DATE_CONTEXT}
    wanted = {message for message, _ in DATE_FORMATS.values()} | {"hours and minutes"}
    assert set(patterns) == wanted and all(patterns.values())


def test_the_scripts_ask_only_for_words_the_catalogue_has() -> None:
    scripts = "".join(p.read_text(encoding="utf-8") for p in (PACKAGE / "assets").glob("*.js"))
    asked = set(re.findall(r"\b(?:say|count)\(\s*\"(\w+)\"", scripts))
    assert asked and asked <= set(SCRIPT_WORDS), asked - set(SCRIPT_WORDS)
    # Some keys are chosen at run time ("done" ? "markedDone" : ...): each is written somewhere.
    named = set(re.findall(r'"(\w+)"', scripts))
    assert set(SCRIPT_WORDS) <= named, f"words no script asks for: {set(SCRIPT_WORDS) - named}"


# --- the scan: no English sentence left outside the catalogue (a heuristic) -----------

_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_HTML = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)
_WORD = re.compile(r"[A-Za-z]{2,}")
_ALLOWED = {"search", "exclude", "true", "title"}
"""Front matter keys and values, which no reader sees."""


def _words_outside_gettext(template: str) -> list[str]:
    text = _HTML.sub(" ", _JINJA.sub(" ", template))
    return [w for w in _WORD.findall(text) if w not in _ALLOWED]


def test_templates_have_no_words_outside_gettext() -> None:
    found = {
        str(path.relative_to(PACKAGE)): words
        for path in sorted((PACKAGE / "templates").rglob("*.j2"))
        if path.suffix == ".j2" and not path.name.endswith(".js.j2")
        if (words := _words_outside_gettext(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def test_the_scan_finds_a_word_left_in_a_template() -> None:
    assert _words_outside_gettext('<p>{{ _("Done") }} Book now</p>') == ["Book", "now"]
    assert _words_outside_gettext('<a title="{{ x }}">{{ _("Book now") }}</a>') == []


_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_SENTENCE = re.compile(r"^[A-Za-z][a-z]+(?: [a-z]+)+[.!?]?$")


def _english_literals(script: str) -> list[str]:
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", script, flags=re.DOTALL)
    strings = [s for s in _STRING.findall(code) if s != "use strict"]
    return [s for s in strings if _SENTENCE.match(s) or (s[:1].isupper() and " " in s)]


def test_scripts_have_no_english_sentences() -> None:
    for script in sorted((PACKAGE / "assets").glob("*.js")):
        assert _english_literals(script.read_text(encoding="utf-8")) == [], script.name


def test_the_scan_finds_a_sentence_left_in_a_script() -> None:
    assert _english_literals('tell("Nothing was loaded"); q(".a b");') == ["Nothing was loaded"]
