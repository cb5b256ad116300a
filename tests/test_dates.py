"""Dates in words, and the time range every sitting shows, whatever the machine's locale."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup

from qisite.inputs.translations import words_for
from qisite.site.dates import time_range

LONDON = ZoneInfo("Europe/London")
ENGLISH = words_for("en-GB")


def test_words_for_a_date() -> None:
    day = datetime(2027, 7, 1, 9, 5, tzinfo=LONDON)
    assert (ENGLISH.month_year(day), ENGLISH.day_date(day), ENGLISH.long_date(day)) == (
        "July 2027",
        "1 July 2027",
        "Thursday 1 July 2027",
    )
    assert (ENGLISH.short_month_year(day), ENGLISH.clock(day)) == ("Jul 2027", "09:05")


def test_a_range_within_one_day_names_the_date_once() -> None:
    start = datetime(2027, 7, 1, 9, 5, tzinfo=LONDON)
    end = start.replace(hour=13, minute=30)
    html = BeautifulSoup(time_range(ENGLISH, start, end), "html.parser")
    assert html.get_text() == "Thursday 1 July 2027, 09:05 to 13:30"
    assert [t["datetime"] for t in html.select("time")] == [
        "2027-07-01T09:05:00+01:00",
        "2027-07-01T13:30:00+01:00",
    ]


def test_a_range_over_two_days_names_both_dates() -> None:
    start = datetime(2027, 3, 27, 22, 0, tzinfo=LONDON)  # the clocks go forward that night
    end = datetime(2027, 3, 28, 6, 0, tzinfo=LONDON)
    html = BeautifulSoup(time_range(ENGLISH, start, end), "html.parser")
    assert html.get_text() == "Saturday 27 March 2027, 22:00 to Sunday 28 March 2027, 06:00"
    assert html.select("time")[1]["datetime"] == "2027-03-28T06:00:00+01:00"


def test_another_language_without_its_own_patterns_gets_its_usual_forms() -> None:
    """French has no translation file here: the words stay English, the dates are French
    in CLDR's usual form, the clock is the local time where the sitting is."""
    french = words_for("fr")
    day = datetime(2027, 7, 1, 18, 30, tzinfo=LONDON)
    assert french.long_date(day) == "jeudi 1 juillet 2027"
    assert french.month_year(day) == "juillet 2027"
    assert french.clock(day) == "18:30"
    assert french.number(6200) == "6\u202f200"
    assert words_for("en-US").clock(day) == "6:30\u202fPM"
