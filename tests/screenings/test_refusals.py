"""Every refusal a reader can meet, with the message they are shown and its code (the pages
answer 409 with it and `X-Crossing-Refused: <code>`), and nothing changed by it. The same
reservation sent again is answered with the one already made."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from crossing.web.outbox.models import Message
from crossing.web.screenings import services
from crossing.web.screenings.models import Change, Reservation, ReservationState, Screening

from .factories import on_sale, requested


def snapshot() -> tuple[Any, ...]:
    return (
        list(Screening.objects.values()),
        list(Reservation.objects.values()),
        Change.objects.count(),
        Message.objects.count(),
    )


def refused(screening_id: int, email: str, quantity: int) -> services.Refused:
    """Reserve, which must be refused without changing anything."""
    before = snapshot()
    with pytest.raises(services.Refused) as caught:
        services.reserve(screening_id=screening_id, name="Reader", email=email, quantity=quantity)
    assert snapshot() == before
    assert caught.value.code and caught.value.message
    return caught.value


def reserve(screening: Screening, email: str, quantity: int) -> Reservation:
    return services.reserve(
        screening_id=screening.pk, name="Reader", email=email, quantity=quantity
    ).reservation


def test_sold_out() -> None:
    screening = on_sale(capacity=2, threshold=1)
    reserve(screening, "ana@example.org", 2)
    refusal = refused(screening.pk, "ben@example.org", 1)
    assert refusal.code == "sold_out"
    assert refusal.message.startswith("All seats are reserved.")
    assert "24 hours" in refusal.message


def test_not_enough_seats_left() -> None:
    screening = on_sale(capacity=3, threshold=1)
    reserve(screening, "ana@example.org", 2)
    refusal = refused(screening.pk, "ben@example.org", 2)
    assert (refusal.code, refusal.field) == ("not_enough", "quantity")
    assert refusal.message == "Only 1 seat is left: reserve 1 or fewer."
    reserve(screening, "ben@example.org", 1)  # what it says works


def test_after_the_deadline() -> None:
    screening = on_sale(capacity=10, threshold=2)
    Screening.objects.filter(pk=screening.pk).update(
        deadline=timezone.now() - datetime.timedelta(minutes=1)
    )
    refusal = refused(screening.pk, "ana@example.org", 1)
    assert refusal.code == "after_deadline"
    assert refusal.message == "Reservations for this screening closed at its deadline."


def test_called_off() -> None:
    screening = on_sale(capacity=10, threshold=2)
    held = reserve(screening, "ana@example.org", 1)
    assert services.call_off(screening, by=services.staff("alice"), reason="The hall flooded.")
    refusal = refused(screening.pk, "ben@example.org", 1)
    assert refusal.code == "called_off"
    assert "called off" in refusal.message and "nobody is charged" in refusal.message
    # Following the link of a reservation made before: the same reason.
    with pytest.raises(services.Refused) as caught:
        services.confirm_reservation(held)
    assert caught.value.code == "called_off"
    held.refresh_from_db()
    assert held.state == ReservationState.HELD and held.confirmed_at is None


def test_already_reserved_with_another_quantity_and_the_same_sent_again() -> None:
    screening = on_sale(capacity=10, threshold=5)
    first = services.reserve(
        screening_id=screening.pk, name="Ana", email="ana@example.org", quantity=2
    )
    assert not first.repeated
    # The same address, written otherwise: the same person.
    refusal = refused(screening.pk, " ANA@Example.org ", 3)
    assert (refusal.code, refusal.field) == ("already", "quantity")
    assert "already has 2 tickets" in refusal.message
    before = snapshot()
    again = services.reserve(
        screening_id=screening.pk, name="Ana", email="Ana@example.org", quantity=2
    )
    assert again.repeated and again.reservation.pk == first.reservation.pk
    assert snapshot() == before
    # Once confirmed too; and after a cancellation, a new reservation.
    services.confirm_reservation(first.reservation)
    again = services.reserve(
        screening_id=screening.pk, name="Ana", email="ana@example.org", quantity=2
    )
    assert again.repeated and again.reservation.pk == first.reservation.pk
    assert services.cancel_reservation(first.reservation)
    third = reserve(screening, "ana@example.org", 3)
    assert third.pk != first.reservation.pk


@pytest.mark.parametrize("quantity", [0, -1, 11])
def test_a_quantity_out_of_range(quantity: int) -> None:
    screening = on_sale(capacity=20, threshold=2)
    refusal = refused(screening.pk, "ana@example.org", quantity)
    assert (refusal.code, refusal.field) == ("quantity", "quantity")
    assert refusal.message == "Reserve from 1 to 10 tickets."


def test_no_such_screening_or_not_on_sale() -> None:
    assert refused(0, "ana@example.org", 1).code == "missing"
    assert refused(requested().pk, "ana@example.org", 1).code == "missing"


def test_cancelling_after_the_deadline_is_for_staff_only() -> None:
    screening = on_sale(capacity=10, threshold=1)
    reservation = reserve(screening, "ana@example.org", 1)
    services.confirm_reservation(reservation)
    Screening.objects.filter(pk=screening.pk).update(
        deadline=timezone.now() - datetime.timedelta(minutes=1)
    )
    before = snapshot()
    with pytest.raises(services.Refused) as caught:
        services.cancel_reservation(reservation)
    assert caught.value.code == "after_deadline"
    assert "organiser" in caught.value.message
    assert snapshot() == before
    assert services.cancel_reservation(reservation, by=services.staff("alice"))
    assert services.cancel_reservation(reservation, by=services.staff("alice")) is False
