"""The core flow, through the services: a screening tips once and sells out; another is
called off at its deadline."""

from __future__ import annotations

import datetime

from django.utils import timezone

from crossing.web.screenings import services
from crossing.web.screenings.models import ReservationState, State

from .factories import on_sale


def test_a_screening_tips_at_its_threshold_and_sells_out() -> None:
    screening = on_sale(capacity=5, threshold=3)
    made = [
        services.reserve(
            screening_id=screening.pk, name=f"R{i}", email=f"r{i}@example.org", quantity=1
        )
        for i in range(5)
    ]
    for number, item in enumerate(made, start=1):
        services.confirm_reservation(item.reservation)
        screening.refresh_from_db()
        assert screening.tickets_reserved == number
        # All five seats are held from the start, so it is full as soon as it is confirmed.
        expected = State.ON_SALE if number < 3 else State.SOLD_OUT
        assert screening.state == expected
    tipped = screening.changes.filter(after=State.CONFIRMED, reservation__isnull=True)
    assert tipped.count() == 1
    try:
        services.reserve(
            screening_id=screening.pk, name="Late", email="late@example.org", quantity=1
        )
    except services.Refused as refused:
        assert refused.code == "sold_out"
    else:
        raise AssertionError("a sixth seat was reserved")


def test_the_deadline_calls_off_a_screening_below_its_threshold() -> None:
    screening = on_sale(capacity=10, threshold=5)
    one = services.reserve(screening_id=screening.pk, name="A", email="a@example.org", quantity=2)
    services.confirm_reservation(one.reservation)
    services.reserve(screening_id=screening.pk, name="B", email="b@example.org", quantity=1)
    type(screening).objects.filter(pk=screening.pk).update(
        deadline=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert services.deadline_passed(screening.pk) == "called off"
    assert services.deadline_passed(screening.pk) == "nothing to do"
    screening.refresh_from_db()
    assert screening.state == State.CALLED_OFF
    assert screening.tickets_held == 0
    states = sorted(screening.reservations.values_list("state", flat=True))
    assert states == [ReservationState.RELEASED, ReservationState.RESERVED]
