"""Reads for the readers' pages: only screenings in a public state (lifecycle.PUBLIC) are ever
shown, whatever address is asked for."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from ..content import site_content
from . import links
from .lifecycle import PUBLIC
from .models import Reservation, Screening, State

# Shown in the calendar feed: what will happen, and what was going to and was called off.
IN_CALENDAR = (State.CONFIRMED, State.SOLD_OUT, State.PAST, State.CALLED_OFF)
CALENDAR_PAST_DAYS = 30


def public() -> QuerySet[Screening]:
    return Screening.objects.filter(state__in=PUBLIC)


def upcoming(*, country: str = "", town: str = "") -> list[Screening]:
    """Screenings still to come, soonest first (those called off too: readers who meant to
    go learn it here), optionally in one country and town."""
    rows = public().exclude(state=State.PAST).filter(starts__gt=timezone.now())
    if country:
        rows = rows.filter(country=country.upper())
    if town:
        rows = rows.filter(town__iexact=town.strip())
    return list(rows.order_by("starts", "id"))


def past() -> list[Screening]:
    """Screenings that have taken place (or whose time has come), latest first."""
    now = timezone.now()
    rows = public().filter(state=State.PAST) | public().filter(starts__lte=now)
    return list(rows.distinct().order_by("-starts", "-id"))


@dataclass(frozen=True)
class Place:
    country: str
    towns: tuple[str, ...]


def places() -> list[Place]:
    """The countries and towns of upcoming screenings, for the filter."""
    rows = (
        public()
        .exclude(state=State.PAST)
        .filter(starts__gt=timezone.now())
        .values_list("country", "town")
        .distinct()
    )
    towns: dict[str, set[str]] = {}
    for country, town in rows:
        towns.setdefault(country, set()).add(town)
    return [Place(c, tuple(sorted(t, key=str.casefold))) for c, t in sorted(towns.items())]


def public_addresses() -> list[str]:
    """The list, the archive and every public screening's page (the sitemap, the export)."""
    pages = [reverse("screenings-list"), reverse("screenings-past")]
    return pages + [s.path for s in public().order_by("starts", "id")]


def screening(pk: int) -> Screening | None:
    return public().filter(pk=pk).first()


def calendar_screenings(pk: int | None = None) -> list[Screening]:
    """The calendar's events: confirmed ones, and those called off after being confirmed (so
    a subscribed calendar strikes them out); one screening's own file as well."""
    rows = Screening.objects.filter(state__in=IN_CALENDAR).exclude(
        state=State.CALLED_OFF, confirmed_at__isnull=True
    )
    if pk is not None:
        return list(rows.filter(pk=pk))
    since = timezone.now() - datetime.timedelta(days=CALENDAR_PAST_DAYS)
    return list(rows.filter(starts__gte=since).order_by("starts", "id"))


def film_title(slug: str) -> str:
    work = site_content().work("film", slug)
    return work.title if work is not None else slug


def film_url(slug: str) -> str | None:
    work = site_content().work("film", slug)
    return work.url if work is not None else None


def film_titles() -> dict[str, str]:
    return {w.slug: w.title for w in site_content().works_of("film")}


def reservation(pk: int, code: str) -> Reservation | None:
    """The reservation a signed link is for (its random code must match too)."""
    return Reservation.objects.select_related("screening").filter(pk=pk, code=code).first()


def reservation_from(token: str, *, confirm: bool = False) -> Reservation | None:
    """The reservation of a ticket (or confirmation) link; None for a link that was changed,
    cut short, or is for no reservation."""
    try:
        pk, code = (links.reservation_from_confirm if confirm else links.reservation_from_ticket)(
            token
        )
    except links.BadLink:
        return None
    return reservation(pk, code)
