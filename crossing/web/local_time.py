"""A moment as a page shows it: a `<time datetime="…Z">` whose text is written on the server
in the zone where it happens ("Monday 17 June 2013, 8:30 pm AEST"), so the page can be
cached, read without JavaScript and exported. `static/local-time.js` then rewrites each one
marked `data-local` into the reader's own zone, and says so."""

from __future__ import annotations

import datetime
import re

from babel.dates import format_date, format_time, get_timezone_name
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from .locale_names import _locale

_OFFSET_ONLY = re.compile(r"^(GMT|UTC)?[+-−]?\d")


def zone_label(local: datetime.datetime) -> str:
    """The zone's short name in the page's language ('AEST', 'EDT'); where the locale has
    none, the zone's own abbreviation, else its offset ('UTC+10:00')."""
    name = get_timezone_name(local, "short", locale=_locale())
    if name and not _OFFSET_ONLY.match(name):
        return str(name)
    abbreviation = local.tzname() or ""
    if abbreviation.isalpha():
        return abbreviation
    offset = local.utcoffset() or datetime.timedelta()
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def zoned_text(moment: datetime.datetime, zone: datetime.tzinfo) -> str:
    """'Monday, 17 June 2013, 8:30 pm AEST': the moment where it happens, with its zone."""
    locale = _locale()
    local = moment.astimezone(zone)
    return _("%(day)s, %(time)s %(zone)s") % {
        "day": format_date(local, "full", locale=locale),
        "time": format_time(local, "short", tzinfo=zone, locale=locale),
        "zone": zone_label(local),
    }


def utc_attribute(moment: datetime.datetime) -> str:
    """The `datetime` attribute: the instant in UTC, to the second ('2013-06-17T10:30:00Z')."""
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def time_element(moment: datetime.datetime, zone: datetime.tzinfo) -> SafeString:
    """The `<time>` for a moment: its text in `zone`, its zone's long name as a title, and
    `data-local` so that the script may say it in the reader's zone."""
    local = moment.astimezone(zone)
    return format_html(
        '<time datetime="{}" data-local title="{}">{}</time>',
        utc_attribute(moment),
        get_timezone_name(local, "long", locale=_locale()),
        zoned_text(moment, zone),
    )
