"""Broadcasts and screenings as iCalendar (RFC 5545), with the `icalendar` library. As in the
screenings' calendar, instants are in UTC (no VTIMEZONE needed: every calendar program shows
them in its own zone) and each showing keeps one UID for life (Broadcast.uid), so a
subscribed calendar updates an entry instead of adding a second one. Screenings come from
the screenings' own `calendar.event`, called off ones as STATUS:CANCELLED."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from crossing.content.broadcasts import Broadcast
from crossing.content.documents import Work

from ..comments.links import absolute
from ..locale_names import territory_name
from ..screenings import calendar as screening_calendar
from ..screenings.models import Screening
from ..works.broadcasts import length_words

PRODUCT = "-//Crossing//Events//EN"


def film_entry(work: Work, broadcast: Broadcast) -> str:
    """The showing's entry on its film's page."""
    return f"{work.url}#broadcast-{broadcast.id}"


def where(broadcast: Broadcast) -> str:
    """'ABC1 (Australia)'."""
    channel = broadcast.channel
    return _("%(channel)s (%(territory)s)") % {
        "channel": channel.name,
        "territory": territory_name(channel.territory),
    }


def description(work: Work, broadcast: Broadcast) -> str:
    lines = [
        _("%(film)s on %(channel)s.") % {"film": work.title, "channel": where(broadcast)},
    ]
    if broadcast.is_repeat:
        lines.append(_("A repeat."))
    if broadcast.presenter:
        lines.append(_("Presented by %(name)s.") % {"name": broadcast.presenter})
    length = length_words(broadcast)  # as the film page says it, estimate and all
    if length:
        lines.append(_("%(length)s.") % {"length": length})
    if broadcast.catch_up:
        lines.append(_("Afterwards on %(service)s.") % {"service": broadcast.catch_up})
    channel = broadcast.channel
    if channel.zone_assumed or channel.note:
        # As the film page says it: the channel's own note on how its times were read.
        zone = _("Times in the %(zone)s time zone.") % {"zone": channel.timezone}
        reading = channel.note or _(
            "That is our reading of the source, which does not state it plainly."
        )
        lines.append(f"{zone} {reading}")
    if broadcast.note:
        lines.append(broadcast.note)
    return "\n\n".join(lines)


def broadcast_event(work: Work, broadcast: Broadcast, *, stamp: datetime.datetime) -> Event:
    """One showing with a time of day (the caller leaves out the others)."""
    start = broadcast.instant
    if start is None:
        raise ValueError(f"{broadcast.uid} has no time of day: it is not a calendar entry")
    item = Event()
    item.add("uid", broadcast.uid)
    item.add("dtstamp", stamp)
    item.add("dtstart", start)
    if broadcast.ends is not None:
        item.add("dtend", broadcast.ends)
    item.add(
        "summary", _("%(film)s on %(channel)s") % {"film": work.title, "channel": where(broadcast)}
    )
    item.add("location", where(broadcast))
    item.add("description", description(work, broadcast))
    item.add("url", absolute(film_entry(work, broadcast)))
    item.add("status", "CONFIRMED")
    item.add("sequence", 0)
    return item


def stamp_now() -> datetime.datetime:
    return timezone.now().astimezone(datetime.UTC).replace(microsecond=0)


def calendar(
    broadcasts: Iterable[tuple[Work, Broadcast]],
    screenings: Iterable[Screening] = (),
    *,
    film_titles: dict[str, str],
    name: str,
) -> bytes:
    """A calendar of these showings and screenings, as the bytes of an .ics file."""
    cal = Calendar()
    cal.add("prodid", PRODUCT)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    stamp = stamp_now()
    for work, broadcast in broadcasts:
        cal.add_component(broadcast_event(work, broadcast, stamp=stamp))
    for screening in screenings:
        title = film_titles.get(screening.film, screening.film)
        cal.add_component(screening_calendar.event(screening, film_title=title, stamp=stamp))
    ics: bytes = cal.to_ical()
    return ics


def broadcast_ics_path(work: Work, broadcast: Broadcast) -> str:
    return reverse("events:broadcast-ics", kwargs={"slug": work.slug, "id": broadcast.id})
