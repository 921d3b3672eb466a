"""Writes the online payment adds to services.py: a payment made present, on the payment
service's page, after the charge of a saved card failed. Recorded as a Change by the
"payment service"; safe to call twice (its return and its webhook both report it)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_noop

from . import jobs, notifications
from .lifecycle import record
from .models import Payment, Reservation, ReservationState, Screening, State
from .services import PAYMENTS


def paid_present(reservation: Reservation, *, payment_id: str) -> bool:
    """The person paid after a failed charge. False if this was known before. Paid after
    the seats went back (the 48 hours had passed, or it was cancelled) or after the
    screening was called off: refunded."""
    with transaction.atomic():
        changed = Reservation.objects.filter(pk=reservation.pk, payment=Payment.FAILED).update(
            payment=Payment.CHARGED, provider_payment=payment_id, payment_error="", pay_by=None
        )
        if not changed:
            return False
        # Then the screening's row, so that a call-off in progress is seen (see jobs._charge).
        list(Screening.objects.select_for_update().filter(pk=reservation.screening_id).values("pk"))
        reservation = Reservation.objects.select_related("screening").get(pk=reservation.pk)
        kept = (
            reservation.state == ReservationState.RESERVED
            and reservation.screening.state != State.CALLED_OFF
        )
        record(
            reservation.screening,
            reservation=reservation,
            before=reservation.state,
            after=reservation.state,
            by=PAYMENTS,
            cause=gettext_noop("paid on the payment page after the charge of the saved card failed")
            + ("" if kept else "; the seats had gone back or it was called off: refunded"),
        )
        if kept:
            notifications.payment_received(reservation)
        else:
            jobs.refund(reservation)
    return True
