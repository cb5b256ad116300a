"""Another language is a translation file and a setting: a Welsh file beside the curriculum
changes the words of the pages, the feeds and the scripts, and the dates follow Welsh."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path
from typing import Any

import pytest

from qisite.inputs import load_inputs
from tests.browser import serve
from tests.session_fixtures import curriculum_text
from tests.sitebuild import BuiltSite, build_site

WELSH_PO = textwrap.dedent(
    """\
    msgid ""
    msgstr ""
    "Language: cy\\n"
    "Content-Type: text/plain; charset=utf-8\\n"
    "Plural-Forms: nplurals=2; plural=(n != 1);\\n"

    msgid "Calendar"
    msgstr "Calendr"

    msgid "Subscribe"
    msgstr "Tanysgrifio"

    msgid "all sessions"
    msgstr "pob sesiwn"

    msgid "%(academy)s: %(feed)s"
    msgstr "%(academy)s — %(feed)s"

    msgid "Cancelled: %(title)s"
    msgstr "Wedi'i ganslo: %(title)s"

    msgid "%(num)s session"
    msgid_plural "%(num)s sessions"
    msgstr[0] "%(num)s sesiwn"
    msgstr[1] "%(num)s o sesiynau"

    msgid "Done"
    msgstr "Wedi gorffen"

    msgid "Sessions in %(month)s"
    msgstr "Sesiynau ym mis %(month)s"

    msgid "In progress"
    msgstr "Ar y gweill"
    """
)
SESSIONS = """\
- {id: winter, module: mod-intro, start: 2027-01-14 12:30, duration: 1h, venue: Room 1}
- {id: spring, module: mod-intro, start: 2027-03-11 12:30, duration: 1h, status: cancelled}
"""


def _welsh_curriculum(language: str = "cy") -> str:
    text = curriculum_text(SESSIONS)
    zone = "  timezone: Europe/London\n"
    return text.replace(zone, f"{zone}  language: {language}\n")


@pytest.fixture(scope="module")
def welsh_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    root = tmp_path_factory.mktemp("welsh")
    return build_site(
        root,
        curriculum=_welsh_curriculum(),
        extra_files={"locale/cy/LC_MESSAGES/qisite.po": WELSH_PO},
    )


def test_pages_speak_welsh_where_the_file_translates(welsh_site: BuiltSite) -> None:
    # The page titles in the navigation are mkdocs.yml's, which the organiser translates;
    # a page outside it takes its title from the catalogue.
    month = welsh_site.content("calendar/2027-01/")
    assert month.select_one("h1").get_text(strip=True) == "Sesiynau ym mis Ionawr 2027"
    calendar = welsh_site.content("calendar/")
    assert "Tanysgrifio" in [h.get_text(strip=True).rstrip("¶") for h in calendar.select("h2")]
    assert "2 o sesiynau" in calendar.get_text()  # a plural from the file
    # A word the file leaves out stays English rather than disappearing.
    module = welsh_site.content("modules/mod-intro/")
    assert "Add to calendar" in module.get_text()


def test_dates_follow_the_language(welsh_site: BuiltSite) -> None:
    module = welsh_site.content("modules/mod-intro/")
    when = module.select_one(".qisite-session-when time").get_text()
    assert when == "Dydd Iau, 14 Ionawr 2027, 12:30"  # CLDR's Welsh form: no pattern in the file
    links = welsh_site.content("calendar/").select("[data-qisite-month-link] a")
    months = [a.get_text() for a in links]
    assert months == ["Ionawr 2027", "Mawrth 2027"]


def test_feeds_speak_welsh(welsh_site: BuiltSite) -> None:
    raw = (welsh_site.site_dir / "feeds" / "all.ics").read_bytes().decode("utf-8")
    unfolded = re.sub(r"\r\n[ \t]", "", raw)
    assert "X-WR-CALNAME:Testshire QI Academy — pob sesiwn\r\n" in unfolded
    assert "SUMMARY:Wedi'i ganslo: Introduction module\r\n" in unfolded


def test_the_scripts_words_are_welsh(welsh_site: BuiltSite) -> None:
    bundle = welsh_site.site_dir / "assets" / "qisite" / "bundles" / "record.js"
    script = bundle.read_text(encoding="utf-8")
    start = re.search(r"var data\s*=\s*", script).end()  # type: ignore[union-attr]
    data, _ = json.JSONDecoder().raw_decode(script, start)
    assert data["locale"] == "cy"
    assert data["words"]["done"] == "Wedi gorffen"
    # Welsh has six plural categories; each has its form.
    assert set(data["words"]["sessionsShown"]) == {"zero", "one", "two", "few", "many", "other"}


@pytest.mark.browser
def test_the_learning_record_buttons_speak_welsh(welsh_site: BuiltSite, page: Any) -> None:
    with serve(welsh_site.site_dir) as base:
        page.goto(f"{base}pathways/aud-ward/")
        card = page.locator('[data-qisite-module="mod-intro"]')
        buttons = card.locator('button[data-qisite-kind="modules"]')
        buttons.first.wait_for()
        labels = [text.split(":")[0].strip() for text in buttons.all_inner_texts()]
        assert labels == ["Wedi gorffen", "Ar y gweill"]
        buttons.first.click()
        status = card.locator("[data-qisite-status]")
        assert status.inner_text().startswith("Wedi gorffen on ")  # "on" is not in the file


# --- the setting is checked before anything is built ---------------------------------


def _validate(tmp_path: Path, language: str, po: str | None = None) -> list[str]:
    if po is not None:
        target = tmp_path / "locale" / "cy" / "LC_MESSAGES" / "qisite.po"
        target.parent.mkdir(parents=True)
        target.write_text(po, encoding="utf-8")
    path = tmp_path / "curriculum.yaml"
    path.write_text(_welsh_curriculum(language), encoding="utf-8")
    return [str(p) for p in load_inputs(path, "curriculum.yaml").errors]


def test_a_language_with_no_translation_file_is_an_error_at_its_line(tmp_path: Path) -> None:
    (error,) = _validate(tmp_path, "cy")
    assert error.startswith("curriculum.yaml:6:13: error: academy.language:")
    assert "no translation of the site's words into 'cy'" in error
    assert "locale/cy/LC_MESSAGES/qisite.po" in error and "en, en-GB" in error


def test_an_unknown_language_is_an_error_at_its_line(tmp_path: Path) -> None:
    (error,) = _validate(tmp_path, "klingon-x")
    assert error.startswith("curriculum.yaml:6:13: error: academy.language:")
    assert "'klingon-x' is not a language tag" in error


def test_a_broken_translation_file_is_an_error(tmp_path: Path) -> None:
    broken = 'msgid "Done"\nmsgstr "Wedi gorffen"\nthis is not po\n'
    (error,) = _validate(tmp_path, "cy", broken)
    assert "academy.language" in error and "cannot be read" in error


def test_the_welsh_file_is_valid(tmp_path: Path) -> None:
    assert _validate(tmp_path, "cy", WELSH_PO) == []
