"""Helpers of the readers' pages' tests: screenings in each state, made through the services."""

from __future__ import annotations

import datetime
import json
import re
from typing import Any

from django.test import Client
from django.utils import timezone
from screenings.factories import on_sale

from crossing.web.screenings import links, services
from crossing.web.screenings.models import Reservation, Screening

__all__ = ["called_off", "confirmed", "json_ld", "on_sale", "past_deadline", "reserved"]


def reserved(
    screening: Screening, *, email: str = "early@example.org", quantity: int = 1
) -> Reservation:
    made = services.reserve(screening_id=screening.pk, name="Ana", email=email, quantity=quantity)
    services.confirm_reservation(made.reservation)
    made.reservation.refresh_from_db()
    return made.reservation


def confirmed(**options: Any) -> tuple[Screening, Reservation]:
    """A screening whose threshold was reached, and the reservation that tipped it."""
    screening = on_sale(capacity=10, threshold=2, **options)
    reserved(screening, email="first@example.org")
    reservation = reserved(screening, email="second@example.org")
    screening.refresh_from_db()
    return screening, reservation


def past_deadline(screening: Screening) -> None:
    Screening.objects.filter(pk=screening.pk).update(
        deadline=timezone.now() - datetime.timedelta(seconds=1)
    )


def called_off() -> tuple[Screening, Reservation]:
    screening = on_sale(capacity=10, threshold=5)
    reservation = reserved(screening)
    past_deadline(screening)
    assert services.deadline_passed(screening.pk) == "called off"
    screening.refresh_from_db()
    reservation.refresh_from_db()
    return screening, reservation


_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def json_ld(html: str) -> dict[str, Any]:
    found = _LD.findall(html)
    assert len(found) == 1, found
    data: dict[str, Any] = json.loads(found[0])
    return data


def ticket_path(reservation: Reservation) -> str:
    return f"/screenings/tickets/{links.ticket_token(reservation)}/"


def confirm_path(reservation: Reservation) -> str:
    return f"/screenings/reservations/confirm/{links.reservation_confirm_token(reservation)}/"


def post(client: Client, path: str, data: dict[str, Any] | None = None, **headers: str) -> Any:
    return client.post(path, data or {}, headers=headers)
