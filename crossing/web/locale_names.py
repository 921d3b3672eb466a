"""Names and dates as readers of the current language write them (Babel's locale data)."""

from __future__ import annotations

import datetime

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_datetime
from django.utils.translation import get_language
from django.utils.translation import gettext as _


def _locale() -> Locale:
    try:
        return Locale.parse((get_language() or "en").replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale("en")


def territory_name(code: str) -> str:
    """'AU' -> 'Australia'; 'worldwide' -> 'Worldwide'."""
    if code == "worldwide":
        return _("Worldwide")
    return str(_locale().territories.get(code, code))


def language_name(code: str) -> str:
    """'ja' -> 'Japanese'."""
    return str(_locale().languages.get(code, code)).capitalize()


def when(iso: str) -> str:
    """An ISO date as precise as it is known: '2013', 'June 2013', '17 June 2013' or
    '26 June 2013, 21:00'."""
    locale = _locale()
    try:
        if len(iso) == 4:
            return iso
        if len(iso) == 7:
            return format_date(datetime.date.fromisoformat(iso + "-01"), "LLLL y", locale=locale)
        if len(iso) == 10:
            return format_date(datetime.date.fromisoformat(iso), "long", locale=locale)
        moment = datetime.datetime.fromisoformat(iso)
        return format_datetime(moment, "d MMMM y, HH:mm", locale=locale)
    except ValueError:
        return iso
