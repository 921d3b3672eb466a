"""The events pages and calendars (addresses: urls.py; what readers see: docs/events.md).

Like the screenings' pages, these are read at each request (screenings change by the minute)
and sent with Cache-Control: no-cache; readers get no cookie."""

from __future__ import annotations

import datetime
from itertools import groupby
from typing import Any

from babel.dates import format_date, format_skeleton
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ..local_time import time_element
from ..locale_names import _locale, territory_name
from ..metadata import absolute_url, page_meta
from ..screenings import display as screening_display
from ..screenings.models import Screening, State
from ..screenings.selectors import IN_CALENDAR
from . import calendar, selectors, structured
from .dates import broadcast_when
from .selectors import KINDS, Event

# --- Rows ------------------------------------------------------------------------------------


def _kind_label(kind: str) -> str:
    return _("Screening") if kind == "screening" else _("Broadcast")


def _row(event: Event, now: datetime.datetime, *, to_come: bool = True) -> dict[str, Any]:
    """One event as the list shows it; "add to calendar" only for what is still to come."""
    film_title = event.film.title if event.film else event.film_slug
    if event.screening is not None:
        screening = event.screening
        return {
            "event": event,
            "kind_label": _kind_label(event.kind),
            "film": film_title,
            "film_url": event.film.url if event.film else None,
            "when": time_element(screening.starts, screening.zone),
            "where": _("%(venue)s, %(place)s")
            % {"venue": screening.venue_name, "place": screening_display.place(screening)},
            "state": screening_display.state_label(screening, now),
            "called_off": screening.state == State.CALLED_OFF,
            "page": screening.path,
            "page_label": _("The screening's page"),
            "ics": reverse("screenings-ics", args=[screening.pk])
            if to_come and _in_calendar(screening)
            else None,
        }
    broadcast = event.broadcast
    assert broadcast is not None and event.film is not None
    return {
        "event": event,
        "kind_label": _kind_label(event.kind),
        "film": film_title,
        "film_url": event.film.url,
        "when": broadcast_when(broadcast),
        "where": calendar.where(broadcast),
        "state": _("Repeat") if broadcast.is_repeat else "",
        "called_off": False,
        "page": calendar.film_entry(event.film, broadcast),
        "page_label": _("On the film's page"),
        "ics": calendar.broadcast_ics_path(event.film, broadcast)
        if to_come and broadcast.instant is not None
        else None,
    }


def _in_calendar(screening: Screening) -> bool:
    """A screening has an .ics once it is confirmed (or called off after it was), as the
    screenings' calendar has it."""
    return screening.state in IN_CALENDAR and not (
        screening.state == State.CALLED_OFF and screening.confirmed_at is None
    )


def _local(event: Event) -> datetime.datetime:
    """The event's moment where it happens."""
    if event.screening is not None:
        return event.moment.astimezone(event.screening.zone)
    assert event.broadcast is not None
    return event.moment.astimezone(event.broadcast.channel.zone)


def _months(rows: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Rows grouped by month ('June 2013'), in the zone where each event happens."""
    locale = _locale()

    def month(row: dict[str, Any]) -> str:
        return str(format_skeleton("yMMMM", _local(row["event"]), locale=locale))

    return [(label, list(group)) for label, group in groupby(rows, key=month)]


def _export_note() -> dict[str, Any]:
    """In a static export: the day the copy was made, so "upcoming" is read as of then."""
    today = timezone.localdate()
    return {
        "exported_on": format_date(today, "long", locale=_locale()),
        "site_url": settings.CROSSING_SITE_URL,
    }


def _fresh(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-cache"
    return response


# --- Pages ------------------------------------------------------------------------------------


@require_safe
def event_list(request: HttpRequest) -> HttpResponse:
    """GET /events/?country=AU&kind=broadcast: what is coming up, soonest first. A value
    that is not among the choices is ignored (all events are shown)."""
    now = timezone.now()
    every = selectors.upcoming(now=now)
    codes = selectors.countries(every)
    country = request.GET.get("country", "").upper()
    country = country if country in codes else ""
    kind = request.GET.get("kind", "")
    kind = kind if kind in KINDS else ""
    chosen = selectors.upcoming(country=country, kind=kind, now=now)
    rows = [_row(e, now) for e in chosen]
    page_url = absolute_url(request)
    heading = _("Events")
    context = {
        "heading": heading,
        "months": _months(rows),
        "count": len(rows),
        "countries": [(code, territory_name(code)) for code in codes],
        "kinds": [(k, _("Screenings") if k == "screening" else _("Broadcasts")) for k in KINDS],
        "country": country,
        "kind": kind,
        "filtered": bool(country or kind),
        "meta": page_meta(
            request,
            title=heading,
            description=_(
                "Screenings and television broadcasts of the films, together by date, each "
                "in its own time zone and ready to add to a calendar."
            ),
            kind="website",
            schema=structured.item_list(chosen, page_url=page_url),
        ),
        **_export_note(),
    }
    return _fresh(render(request, "events/list.html", context))


@require_safe
def past(request: HttpRequest) -> HttpResponse:
    """GET /events/past/: what has happened, newest first."""
    now = timezone.now()
    rows = [_row(e, now, to_come=False) for e in selectors.past(now=now)]
    context = {
        "months": _past_groups(rows),
        "count": len(rows),
        "meta": page_meta(
            request,
            title=_("Past events"),
            description=_("Screenings and broadcasts of the films that have taken place."),
            kind="website",
        ),
        **_export_note(),
    }
    return _fresh(render(request, "events/past.html", context))


def _past_groups(rows: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """The archive by year: a showing known only to its year has no month to sit in."""

    def year(row: dict[str, Any]) -> str:
        return str(_local(row["event"]).year)

    return [(label, list(group)) for label, group in groupby(rows, key=year)]


# --- Calendars --------------------------------------------------------------------------------


def _ics(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return _fresh(response)


def _titles() -> dict[str, str]:
    return {w.slug: w.title for w in selectors.films()}


@require_safe
def calendar_feed(request: HttpRequest) -> HttpResponse:
    """GET /events/calendar.ics: every broadcast with a time of day, and the screenings'
    calendar (confirmed, sold out, called off after confirmation)."""
    body = calendar.calendar(
        selectors.calendar_broadcasts(),
        selectors.calendar_screenings(),
        film_titles=_titles(),
        name=_("Crossing: events"),
    )
    return _ics(body, "events.ics")


@require_safe
def film_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    """GET /films/<slug>/calendar.ics: one film's broadcasts and screenings."""
    work = next((w for w in selectors.films() if w.slug == slug), None)
    if work is None:
        raise Http404("no such film")
    body = calendar.calendar(
        selectors.calendar_broadcasts([work]),
        selectors.calendar_screenings(slug),
        film_titles={work.slug: work.title},
        name=_("Crossing: %(film)s") % {"film": work.title},
    )
    return _ics(body, f"{slug}.ics")


@require_safe
def broadcast_ics(request: HttpRequest, slug: str, id: str) -> HttpResponse:
    """GET /films/<slug>/broadcasts/<id>.ics: one showing; 404 for an unknown one or one
    without a time of day (no appointment to keep)."""
    found = selectors.film_broadcast(slug, id)
    if found is None or found[1].instant is None:
        raise Http404("no calendar entry for this showing")
    work, broadcast = found
    body = calendar.calendar([found], film_titles={}, name=work.title)
    return _ics(body, f"{slug}-{broadcast.id}.ics")
