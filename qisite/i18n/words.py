"""``Words``: the messages, dates and numbers of one language, for one build."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from babel import Locale
from babel.dates import format_date, format_skeleton, format_time
from babel.numbers import format_decimal
from babel.support import Translations

from qisite.i18n.markers import NP_

DEFAULT_LANGUAGE = "en-GB"

DATE_CONTEXT = "date format"
"""Context of the messages whose translation is a date pattern, not words."""

DATE_FORMATS: dict[str, tuple[str, str]] = {
    # A translation is a Babel (CLDR) date pattern; a language that leaves one
    # untranslated gets its usual form from CLDR (the named format or skeleton beside it).
    # English follows the NHS style: "Thursday 7 January 2027", no comma.
    # Translators: the date patterns are CLDR patterns (e.g. "EEEE d MMMM y"); leave one
    # empty for the language's usual form.
    "month_year": (NP_("date format", "month and year"), "yMMMM"),
    "day_date": (NP_("date format", "day, month and year"), "long"),
    "long_date": (NP_("date format", "weekday, day, month and year"), "full"),
    "short_month_year": (NP_("date format", "short month and year"), "yMMM"),
}
_NAMED_FORMATS = ("full", "long", "medium", "short")
CLOCK_FORMAT = NP_("date format", "hours and minutes")
"""A time of day; untranslated, the language's short time (CLDR)."""


class Words:
    """Translations and Babel formats for one language.

    Dates are formatted once per distinct value: a large schedule shows the
    same few hundred days and times tens of thousands of times.
    """

    def __init__(self, translations: Translations, locale: Locale) -> None:
        self.translations = translations
        self.locale = locale
        self._patterns = {
            name: self._pattern(message) for name, (message, _) in DATE_FORMATS.items()
        }
        self._clock = self._pattern(CLOCK_FORMAT)
        self._formatted: dict[tuple[str, Any], str] = {}

    @property
    def tag(self) -> str:
        """The language as a BCP 47 tag ('en-GB'), for HTML and the browser's Intl."""
        parts = [self.locale.language, self.locale.script, self.locale.territory]
        return "-".join(p for p in parts if p)

    # --- messages ---------------------------------------------------------------------

    def gettext(self, message: str, **values: Any) -> str:
        """The message in this language, with ``%(name)s`` filled from ``values``."""
        text = self.translations.gettext(message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, count: int, **values: Any) -> str:
        """The form for ``count``; ``%(num)s`` is filled with it unless ``values`` say."""
        text = self.translations.ngettext(singular, plural, count)
        return text % {"num": count, **values}

    def pgettext(self, context: str, message: str) -> str:
        return str(self.translations.pgettext(context, message))

    def _pattern(self, message: str) -> str | None:
        """A date pattern from the catalogue, or None for the language's usual one."""
        found = self.pgettext(DATE_CONTEXT, message)
        return None if found == message else found

    # --- dates --------------------------------------------------------------------------

    def _date(self, name: str, day: date) -> str:
        key = (name, day.date() if isinstance(day, datetime) else day)
        found = self._formatted.get(key)
        if found is None:
            pattern = self._patterns[name]
            usual = DATE_FORMATS[name][1]
            if pattern or usual in _NAMED_FORMATS:
                found = format_date(key[1], pattern or usual, locale=self.locale)
            else:
                found = format_skeleton(usual, key[1], locale=self.locale)
            self._formatted[key] = found
        return found

    def month_year(self, day: date) -> str:
        """'July 2027'."""
        return self._date("month_year", day)

    def day_date(self, day: date) -> str:
        """'7 July 2027'."""
        return self._date("day_date", day)

    def long_date(self, day: date) -> str:
        """'Wednesday 7 July 2027'."""
        return self._date("long_date", day)

    def short_month_year(self, day: date) -> str:
        """'Jul 2027', for the axis of a chart."""
        return self._date("short_month_year", day)

    def clock(self, moment: datetime) -> str:
        """'09:30': the time on the clock where the sitting is (24-hour in English)."""
        key = ("clock", (moment.hour, moment.minute))
        found = self._formatted.get(key)
        if found is None:
            found = self._formatted[key] = format_time(
                moment.replace(tzinfo=None), self._clock or "short", locale=self.locale
            )
        return found

    # --- numbers ------------------------------------------------------------------------

    def number(self, value: int | float | Decimal) -> str:
        """6200 -> '6,200' in English: whole numbers with the language's grouping."""
        return format_decimal(value, locale=self.locale)

    def decimal(self, value: float, places: int = 1, grouped: bool = False) -> str:
        """2.5 -> '2.5', 2.0 -> '2': at most ``places`` decimals (grouped: '1,200.5')."""
        rounded = Decimal(f"{value:.{places}f}")  # rounded half-even on the float, as before
        pattern = ("#,##0." if grouped else "0.") + "#" * places
        return format_decimal(rounded, format=pattern, locale=self.locale)
