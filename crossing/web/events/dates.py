"""A broadcast's date as the page says it: with its time where the source gives one (a
`<time>` the reader's script can put in their zone), else as precise as known, and saying
what is not recorded ("2009 (day not recorded)")."""

from __future__ import annotations

import datetime

from babel.dates import format_date, format_skeleton
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from crossing.content.broadcasts import Broadcast

from ..local_time import time_element
from ..locale_names import _locale


def period_start(broadcast: Broadcast) -> datetime.datetime:
    """Where a showing sorts: its instant, else the first moment of its day, month or year
    in the channel's zone (in UTC, so that it sorts among instants)."""
    if broadcast.instant is not None:
        return broadcast.instant
    year, month, day = [*broadcast.start.split("-"), "1", "1"][:3]
    local = datetime.datetime(int(year), int(month), int(day), tzinfo=broadcast.channel.zone)
    return local.astimezone(datetime.UTC)


def partial_text(broadcast: Broadcast) -> str:
    """'2009 (day not recorded)', 'June 2013 (day not recorded)', 'Monday, June 17, 2013
    (time not recorded)'."""
    locale = _locale()
    moment = period_start(broadcast).astimezone(broadcast.channel.zone)
    parts = broadcast.start.count("-")
    if parts == 0:
        return _("%(year)s (day not recorded)") % {
            "year": format_skeleton("y", moment, locale=locale)
        }
    if parts == 1:
        return _("%(month)s (day not recorded)") % {
            "month": format_skeleton("yMMMM", moment, locale=locale)
        }
    return _("%(day)s (time not recorded)") % {
        "day": format_date(moment.date(), "full", locale=locale)
    }


def broadcast_when(broadcast: Broadcast) -> SafeString:
    """The `<time>` of a showing with a time of day; else its date as precise as known."""
    if broadcast.instant is not None:
        return time_element(broadcast.instant, broadcast.channel.zone)
    # A date as precise as known is a valid `datetime` ("2009", "2013-06"); no `data-local`:
    # a day or a year is not moved into another zone.
    return format_html('<time datetime="{}">{}</time>', broadcast.start, partial_text(broadcast))
