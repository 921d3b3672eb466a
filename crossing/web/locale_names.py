"""Names and dates as readers of the current language write them (Babel's locale data)."""

from __future__ import annotations

import datetime

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton, format_time
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
            return format_skeleton("yMMMM", datetime.date.fromisoformat(iso + "-01"), locale=locale)
        if len(iso) == 10:
            return format_date(datetime.date.fromisoformat(iso), "long", locale=locale)
        moment = datetime.datetime.fromisoformat(iso)
        # The day and the 24-hour time, joined as the language joins them.
        day = format_date(moment.date(), "long", locale=locale)
        time = format_time(moment.time(), "HH:mm", locale=locale)
        return str(locale.datetime_formats["long"]).format(time, day)
    except ValueError:
        return iso


def shown_date(value: datetime.date | datetime.datetime, english: str) -> str:
    """A date (or date and time) for the page: in English in the site's own style
    (`english`, a Django `date` format such as "j F Y"); in any other language as Babel's
    data for it writes one ("2014년 6월 20일")."""
    from django.conf import settings
    from django.utils import timezone
    from django.utils.dateformat import format as django_format

    if (get_language() or "en") == settings.LANGUAGE_CODE:
        return str(django_format(value, english))
    if isinstance(value, datetime.datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return when(local.replace(tzinfo=None).isoformat(timespec="minutes"))
    precision = {"Y": 4, "F Y": 7}.get(english, 10)  # as much of the date as is shown
    return when(value.isoformat()[:precision])
