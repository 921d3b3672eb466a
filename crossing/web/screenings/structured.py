"""A screening as schema.org ScreeningEvent (JSON-LD), for search engines and calendars."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from babel.numbers import get_currency_precision

from .models import Screening, State

SCHEMA = "https://schema.org/"


def screening_event(
    screening: Screening, *, film_title: str, film_url: str | None, page_url: str | None
) -> dict[str, Any]:
    cancelled = screening.state == State.CALLED_OFF
    address = {
        "@type": "PostalAddress",
        "streetAddress": screening.venue_address,
        "addressLocality": screening.town,
        "addressCountry": screening.country,
    }
    location: dict[str, Any] = {
        "@type": "Place",
        "name": screening.venue_name,
        "address": address,
    }
    if screening.latitude is not None and screening.longitude is not None:
        location["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(screening.latitude),
            "longitude": float(screening.longitude),
        }
    movie: dict[str, Any] = {"@type": "Movie", "name": film_title}
    if film_url:
        movie["url"] = film_url
    digits = get_currency_precision(screening.currency)
    offer: dict[str, Any] = {
        "@type": "Offer",
        "price": str(Decimal(screening.price_minor).scaleb(-digits)),
        "priceCurrency": screening.currency,
        "availability": SCHEMA + ("SoldOut" if screening.seats_left == 0 else "InStock"),
        "validThrough": screening.deadline.isoformat(),
    }
    if page_url:
        offer["url"] = page_url
    event: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ScreeningEvent",
        "name": f"{film_title}: {screening.venue_name}, {screening.town}",
        "startDate": screening.local_starts.isoformat(),
        "endDate": screening.ends.astimezone(screening.zone).isoformat(),
        "eventStatus": SCHEMA + ("EventCancelled" if cancelled else "EventScheduled"),
        "eventAttendanceMode": SCHEMA + "OfflineEventAttendanceMode",
        "location": location,
        "workPresented": movie,
        "offers": offer,
        "maximumAttendeeCapacity": screening.capacity,
    }
    if screening.organisation:
        event["organizer"] = {"@type": "Organization", "name": screening.organisation}
    if screening.extras:
        event["description"] = screening.extras
    return event
