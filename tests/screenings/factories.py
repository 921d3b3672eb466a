"""Screenings in each state, made through the services as an organiser and staff would."""

from __future__ import annotations

import datetime
import itertools

from django.utils import timezone

from crossing.web.screenings import services
from crossing.web.screenings.models import Licence, Screening

_keys = itertools.count(1)


def requested(
    *,
    capacity: int = 100,
    threshold: int = 60,
    price_minor: int = 0,
    days_ahead: int = 30,
    deadline: datetime.datetime | None = None,
    licence: str = Licence.PUBLIC,
    town: str = "Toronto",
    country: str = "CA",
) -> Screening:
    screening, _ = services.request_screening(
        key=f"test-request-{next(_keys)}-{timezone.now().timestamp()}",
        film="the-defector",
        organiser_name="Mina Park",
        organiser_email="mina@example.org",
        organisation="Riverside Film Society",
        venue=services.Venue(
            name="Riverside Hall",
            address="12 Water Street",
            town=town,
            country=country,
            capacity=capacity,
            accessibility="Step-free entrance; hearing loop.",
        ),
        starts=timezone.now() + datetime.timedelta(days=days_ahead),
        time_zone="America/Toronto",
        duration_minutes=120,
        deadline=deadline,
        price_minor=price_minor,
        currency="CAD",
        threshold=threshold,
        extras="Q&A with the director",
        licence=licence,
    )
    return screening


def approved(**options: object) -> Screening:
    screening = requested(**options)  # type: ignore[arg-type]
    services.confirm_organiser_address(screening)
    assert services.approve(screening, by=services.staff("alice"), fee_flat_minor=25000)
    screening.refresh_from_db()
    return screening


def on_sale(**options: object) -> Screening:
    screening = approved(**options)
    assert services.open_sales(screening)
    screening.refresh_from_db()
    return screening
