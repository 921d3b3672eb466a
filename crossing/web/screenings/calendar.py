"""Screenings as iCalendar (RFC 5545), with the `icalendar` library: one event per
screening, its instants in UTC (so no VTIMEZONE is needed and every calendar program shows
them in its own zone), a UID that stays the same for the screening's life, and STATUS
CONFIRMED or CANCELLED, so a calendar subscribed to the feed strikes out a screening called
off instead of silently dropping it."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.utils import timezone
from icalendar import Calendar, Event

from .links import screening_url
from .models import Screening, State

PRODUCT = "-//Crossing//Screenings//EN"
UID_DOMAIN = "screenings.crossing"


def uid(screening: Screening) -> str:
    return f"screening-{screening.pk}@{UID_DOMAIN}"


def event(screening: Screening, *, film_title: str, stamp: datetime.datetime) -> Event:
    item = Event()
    item.add("uid", uid(screening))
    item.add("dtstamp", stamp)
    item.add("dtstart", screening.starts.astimezone(datetime.UTC))
    item.add("dtend", screening.ends.astimezone(datetime.UTC))
    item.add("summary", f"{film_title}: {screening.venue_name}, {screening.town}")
    item.add("location", f"{screening.venue_name}, {screening.venue_address}, {screening.town}")
    item.add("url", screening_url(screening))
    lines = [film_title]
    if screening.extras:
        lines.append(screening.extras)
    if screening.accessibility:
        lines.append(screening.accessibility)
    item.add("description", "\n\n".join(lines))
    cancelled = screening.state == State.CALLED_OFF
    item.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    # Each change a subscriber must see raises the sequence (RFC 5545 3.8.7.4).
    item.add("sequence", 1 if cancelled else 0)
    return item


def calendar(screenings: Iterable[Screening], *, film_titles: dict[str, str], name: str) -> bytes:
    """A calendar of these screenings, as the bytes of an .ics file."""
    cal = Calendar()
    cal.add("prodid", PRODUCT)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    for screening in screenings:
        title = film_titles.get(screening.film, screening.film)
        cal.add_component(event(screening, film_title=title, stamp=stamp))
    ics: bytes = cal.to_ical()
    return ics
