"""Reads for the events pages and calendars: the screenings readers can see (from the
screenings app's own selectors) and the films' broadcasts (from their front matter), as one
list of events in time order."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from django.utils import timezone

from crossing.content.broadcasts import Broadcast
from crossing.content.documents import Work

from ..content import site_content
from ..screenings import selectors as screenings
from ..screenings.models import Screening
from .dates import period_start

Kind = Literal["screening", "broadcast"]
KINDS: tuple[Kind, ...] = ("screening", "broadcast")


@dataclass(frozen=True)
class Event:
    kind: Kind
    moment: datetime.datetime  # where it sorts (a broadcast known only to the day: its start)
    country: str  # ISO 3166 code: the screening's country, the channel's territory
    film: Work | None  # None for a screening of a film no longer in the content
    film_slug: str
    screening: Screening | None = None
    broadcast: Broadcast | None = None


def films() -> list[Work]:
    return site_content().works_of("film")


def broadcasts(works: Iterable[Work] | None = None) -> list[tuple[Work, Broadcast]]:
    return [(w, b) for w in (films() if works is None else works) for b in w.broadcasts]


def film_broadcast(slug: str, broadcast_id: str) -> tuple[Work, Broadcast] | None:
    work = next((w for w in films() if w.slug == slug), None)
    if work is None:
        return None
    found = next((b for b in work.broadcasts if b.id == broadcast_id), None)
    return None if found is None else (work, found)


def _screening_event(screening: Screening, works: dict[str, Work]) -> Event:
    return Event(
        kind="screening",
        moment=screening.starts,
        country=screening.country,
        film=works.get(screening.film),
        film_slug=screening.film,
        screening=screening,
    )


def _broadcast_event(work: Work, broadcast: Broadcast) -> Event:
    return Event(
        kind="broadcast",
        moment=period_start(broadcast),
        country=broadcast.channel.territory,
        film=work,
        film_slug=work.slug,
        broadcast=broadcast,
    )


def _chosen(events: list[Event], country: str, kind: str) -> list[Event]:
    return [
        e for e in events if (not country or e.country == country) and (not kind or e.kind == kind)
    ]


def upcoming(
    *,
    country: str = "",
    kind: str = "",
    now: datetime.datetime | None = None,
    works: list[Work] | None = None,
) -> list[Event]:
    """Screenings still to come (those called off too, marked so: readers who meant to go
    learn it here) and broadcasts with a time of day not yet over, soonest first."""
    now = now or timezone.now()
    works = films() if works is None else works
    by_slug = {w.slug: w for w in works}
    events = [_screening_event(s, by_slug) for s in screenings.upcoming() if s.starts > now] + [
        _broadcast_event(w, b)
        for w, b in broadcasts(works)
        if b.instant is not None and not b.is_past(now)
    ]
    events.sort(key=lambda e: (e.moment, e.kind, e.film_slug))
    return _chosen(events, country, kind)


def past(*, now: datetime.datetime | None = None, works: list[Work] | None = None) -> list[Event]:
    """What has happened, newest first: screenings that took place or were called off, and
    every broadcast that is over, those known only to the year or month included."""
    now = now or timezone.now()
    works = films() if works is None else works
    by_slug = {w.slug: w for w in works}
    events = [_screening_event(s, by_slug) for s in screenings.past()] + [
        _broadcast_event(w, b) for w, b in broadcasts(works) if b.is_past(now)
    ]
    events.sort(key=lambda e: (e.moment, e.kind, e.film_slug), reverse=True)
    return events


def countries(events: Iterable[Event]) -> list[str]:
    """The countries these events are in, for the filter: only those actually present."""
    return sorted({e.country for e in events})


def calendar_broadcasts(works: Iterable[Work] | None = None) -> list[tuple[Work, Broadcast]]:
    """Showings a calendar can hold: those with a time of day (a day or a year is no
    appointment). Past ones stay: a subscribed calendar keeps its history."""
    return [(w, b) for w, b in broadcasts(works) if b.instant is not None]


def calendar_screenings(film: str | None = None) -> list[Screening]:
    rows = screenings.calendar_screenings()
    return [s for s in rows if film is None or s.film == film]


def public_addresses() -> list[str]:
    """The events' pages (the sitemap, the export)."""
    from django.urls import reverse

    return [reverse("events:list"), reverse("events:past")]


def calendar_addresses() -> list[str]:
    """Every .ics file the events pages and film pages link to: the whole feed, each film's,
    each showing's, and each screening's the events page offers."""
    from django.urls import reverse

    addresses = [reverse("events:calendar")]
    for work in films():
        addresses.append(reverse("events:film-calendar", kwargs={"slug": work.slug}))
        addresses += [
            reverse("events:broadcast-ics", kwargs={"slug": work.slug, "id": b.id})
            for b in work.broadcasts
            if b.instant is not None
        ]
    addresses += [reverse("screenings-ics", args=[s.pk]) for s in calendar_screenings()]
    return addresses
