"""Work done later, by the outbox's worker: acting on the deadline, releasing seats whose
hold ran out, issuing tickets when a screening is confirmed, charging and refunding, and
marking a screening past. Each job is enqueued in the transaction that causes it, due at its
time (`not_before`), with a key made of ids so that it is enqueued once. A worker that was
down does overdue jobs when it starts again (the outbox takes every job whose time has come),
and each handler checks the row's state first, so a job run twice does its work once."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_noop

from ..outbox.handlers import handler
from ..outbox.services import enqueue
from .models import Payment, Reservation, ReservationState, Screening, State

log = logging.getLogger(__name__)

DEADLINE = "screening-deadline"
HOLD = "screening-hold"
ENDED = "screening-ended"
TICKETS = "screening-tickets"
CHARGE = "screening-charge"
PAY_BY = "screening-pay-by"
REFUND = "screening-refund"


def schedule(screening: Screening) -> None:
    """When a screening goes on sale: its deadline and its end (the emails add the reminder
    and the organiser's daily progress, notifications.schedule)."""
    from . import notifications

    enqueue(
        kind=DEADLINE,
        payload={"screening": screening.pk},
        key=f"screening-{screening.pk}-deadline",
        not_before=screening.deadline,
    )
    enqueue(
        kind=ENDED,
        payload={"screening": screening.pk},
        key=f"screening-{screening.pk}-ended",
        not_before=screening.ends,
    )
    notifications.schedule(screening)


def release_hold_at(reservation: Reservation) -> None:
    enqueue(
        kind=HOLD,
        payload={"reservation": reservation.pk},
        key=f"reservation-{reservation.pk}-hold",
        not_before=reservation.hold_until,
    )


def issue_tickets(screening: Screening) -> None:
    """One job, not one per reservation: the tipping transaction stays short."""
    enqueue(
        kind=TICKETS, payload={"screening": screening.pk}, key=f"screening-{screening.pk}-tickets"
    )


def charge(reservation: Reservation) -> None:
    enqueue(
        kind=CHARGE,
        payload={"reservation": reservation.pk},
        key=f"reservation-{reservation.pk}-charge",
    )


def refund(reservation: Reservation) -> None:
    enqueue(
        kind=REFUND,
        payload={"reservation": reservation.pk},
        key=f"reservation-{reservation.pk}-refund",
    )


@handler(DEADLINE)
def _deadline(payload: dict[str, Any]) -> None:
    from . import services

    done = services.deadline_passed(payload["screening"])
    log.info("screening %s: deadline: %s", payload["screening"], done)


@handler(HOLD)
def _hold(payload: dict[str, Any]) -> None:
    from . import services

    services.hold_expired(payload["reservation"])


@handler(ENDED)
def _ended(payload: dict[str, Any]) -> None:
    from . import services

    services.ended(payload["screening"])


@handler(TICKETS)
def _tickets(payload: dict[str, Any]) -> None:
    """Every reservation counted before the threshold was reached gets its tickets (and,
    online, its charge); keys made of ids make a second run enqueue nothing new."""
    from . import services

    screening = Screening.objects.get(pk=payload["screening"])
    if screening.state not in (State.CONFIRMED, State.SOLD_OUT, State.PAST):
        return
    reserved = screening.reservations.filter(state=ReservationState.RESERVED)
    for reservation in reserved.iterator():
        reservation.screening = screening
        with transaction.atomic():
            services.tickets_due(reservation)


@handler(CHARGE)
def _charge(payload: dict[str, Any]) -> None:
    """Charge a saved card, off-session, with the reservation's key as the idempotency key
    (a second try after a kill -9 is the same charge at the payment service)."""
    from . import notifications
    from .payments import provider

    reservation = Reservation.objects.select_related("screening").get(pk=payload["reservation"])
    if reservation.payment != Payment.SAVED or reservation.state != ReservationState.RESERVED:
        return
    screening = reservation.screening
    if screening.state == State.CALLED_OFF:
        return  # called off before this job ran: nobody pays
    result = provider().charge(
        idempotency_key=f"crossing-reservation-{reservation.pk}-charge",
        customer_id=reservation.provider_customer,
        method_id=reservation.provider_method,
        amount_minor=reservation.amount_minor,
        currency=screening.currency,
        description=f"{reservation.quantity} ticket(s): {screening.venue_name}, "
        f"{screening.local_starts:%Y-%m-%d %H:%M}",
    )
    with transaction.atomic():
        # The reservation's row, then the screening's (the order a cancellation takes them
        # in): a cancellation or a call-off made while the charge was on its way is either
        # finished by now, and seen here, or waits, and then sees the charge (and refunds it).
        if result.paid:
            changed = Reservation.objects.filter(pk=reservation.pk, payment=Payment.SAVED).update(
                payment=Payment.CHARGED, provider_payment=result.payment_id, payment_error=""
            )
        else:
            pay_by = timezone.now() + datetime.timedelta(
                hours=settings.CROSSING_SCREENINGS_PAY_HOURS
            )
            changed = Reservation.objects.filter(pk=reservation.pk, payment=Payment.SAVED).update(
                payment=Payment.FAILED,
                provider_payment=result.payment_id,
                payment_error=result.reason[:500],
                pay_by=pay_by,
            )
        if not changed:
            return  # recorded by an earlier run of this job
        screening = Screening.objects.select_for_update().get(pk=screening.pk)
        reservation = Reservation.objects.get(pk=reservation.pk)
        reservation.screening = screening
        still_on = (
            reservation.state == ReservationState.RESERVED and screening.state != State.CALLED_OFF
        )
        if result.paid and still_on:
            notifications.payment_received(reservation)
        elif result.paid:
            refund(reservation)  # cancelled or called off while the charge was being made
        elif still_on:
            notifications.payment_failed(reservation)
            enqueue(
                kind=PAY_BY,
                payload={"reservation": reservation.pk},
                key=f"reservation-{reservation.pk}-pay-by",
                not_before=reservation.pay_by,
            )


@handler(PAY_BY)
def _pay_by(payload: dict[str, Any]) -> None:
    """48 hours after a failed charge: still unpaid, the seats go back."""
    from . import services

    reservation = Reservation.objects.filter(pk=payload["reservation"]).first()
    if reservation is None or reservation.payment != Payment.FAILED:
        return
    services.release(
        reservation,
        cause=gettext_noop("the payment was not made in time"),
        only_if={"payment": Payment.FAILED},
    )


@handler(REFUND)
def _refund(payload: dict[str, Any]) -> None:
    from . import notifications
    from .payments import provider

    reservation = Reservation.objects.select_related("screening").get(pk=payload["reservation"])
    if reservation.payment != Payment.CHARGED:
        return
    refund_id = provider().refund(
        idempotency_key=f"crossing-reservation-{reservation.pk}-refund",
        payment_id=reservation.provider_payment,
    )
    with transaction.atomic():
        changed = Reservation.objects.filter(pk=reservation.pk, payment=Payment.CHARGED).update(
            payment=Payment.REFUNDED, provider_refund=refund_id
        )
        if changed:
            reservation.payment = Payment.REFUNDED
            notifications.refunded(reservation)


@dataclass(frozen=True)
class Overdue:
    """What `act_on_overdue` did."""

    deadlines: int  # screenings whose deadline was acted on
    called_off: int  # of them, called off below their threshold
    holds_released: int
    past: int


def act_on_overdue() -> Overdue:
    """Do now whatever is overdue, without waiting for the jobs: the deadlines that passed
    (held seats released, screenings below their threshold called off), holds that ran out,
    screenings that have ended. The worker does each at its time, and on starting again
    after downtime; this is for operators (`crossing screenings deadlines`), when a worker
    stayed stopped or its jobs failed for good. Each step checks the row, so running it
    with the worker, or twice, does everything once."""
    from . import services

    now = timezone.now()
    pending = Q(state=State.ON_SALE) | Q(reservations__state=ReservationState.HELD)
    deadlines = called_off = 0
    overdue = Screening.objects.filter(pending, deadline__lte=now).distinct()
    for pk in overdue.values_list("pk", flat=True):
        deadlines += 1
        called_off += services.deadline_passed(pk) == "called off"
    held = Reservation.objects.filter(state=ReservationState.HELD, hold_until__lte=now)
    holds = sum(services.hold_expired(pk) for pk in held.values_list("pk", flat=True))
    running = Screening.objects.filter(state__in=(State.CONFIRMED, State.SOLD_OUT), starts__lte=now)
    past = sum(services.ended(pk) for pk in running.values_list("pk", flat=True))
    return Overdue(deadlines=deadlines, called_off=called_off, holds_released=holds, past=past)
