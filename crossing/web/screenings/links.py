"""The signed links of screenings: nobody has a password, the link in their email is the proof.

- the organiser's confirmation of their address (a week), and their page to manage the
  screening (for as long as the screening exists);
- a reservation's confirmation (until its seats are released) and its ticket page, from
  which it can be cancelled (for as long as it exists).

The tokens sign the row's id (and a reservation's random code), so a changed or cut-short
link is refused, and a link for one screening never opens another."""

from __future__ import annotations

from django.core import signing
from django.urls import reverse

from ..comments.links import absolute
from .models import Reservation, Screening

WEEK = 7 * 24 * 3600
_ORGANISER_CONFIRM = "crossing.screenings.organiser-confirm"
_ORGANISER = "crossing.screenings.organiser"
_RESERVATION_CONFIRM = "crossing.screenings.reservation-confirm"
_TICKET = "crossing.screenings.ticket"


class BadLink(ValueError):
    """A link that was changed, cut short or (for confirmations) is too old."""

    def __init__(self, message: str, *, expired: bool = False):
        super().__init__(message)
        self.expired = expired


def _unsign(salt: str, token: str, *, max_age: int | None = None) -> str:
    try:
        if max_age is None:
            return signing.Signer(salt=salt).unsign(token)
        return signing.TimestampSigner(salt=salt).unsign(token, max_age=max_age)
    except signing.SignatureExpired:
        raise BadLink("the link is too old", expired=True) from None
    except signing.BadSignature:
        raise BadLink("the link is not complete or was changed") from None


def _number(value: str) -> int:
    if not (value.isascii() and value.isdigit()):
        raise BadLink("the link is not complete or was changed")
    return int(value)


def organiser_confirm_token(screening: Screening) -> str:
    return signing.TimestampSigner(salt=_ORGANISER_CONFIRM).sign(str(screening.pk))


def screening_from_organiser_confirm(token: str) -> int:
    return _number(_unsign(_ORGANISER_CONFIRM, token, max_age=WEEK))


def organiser_token(screening: Screening) -> str:
    return signing.Signer(salt=_ORGANISER).sign(str(screening.pk))


def screening_from_organiser(token: str) -> int:
    return _number(_unsign(_ORGANISER, token))


def reservation_confirm_token(reservation: Reservation) -> str:
    return signing.Signer(salt=_RESERVATION_CONFIRM).sign(f"{reservation.pk}.{reservation.code}")


def ticket_token(reservation: Reservation) -> str:
    return signing.Signer(salt=_TICKET).sign(f"{reservation.pk}.{reservation.code}")


def _reservation(salt: str, token: str) -> tuple[int, str]:
    pk, _, code = _unsign(salt, token).partition(".")
    if not code:
        raise BadLink("the link is not complete or was changed")
    return _number(pk), code


def reservation_from_confirm(token: str) -> tuple[int, str]:
    """(id, code) of the reservation the confirmation link is for."""
    return _reservation(_RESERVATION_CONFIRM, token)


def reservation_from_ticket(token: str) -> tuple[int, str]:
    return _reservation(_TICKET, token)


def organiser_confirm_url(screening: Screening) -> str:
    return absolute(
        reverse("screenings-organiser-confirm", args=[organiser_confirm_token(screening)])
    )


def organiser_url(screening: Screening) -> str:
    return absolute(reverse("screenings-manage", args=[organiser_token(screening)]))


def reservation_confirm_url(reservation: Reservation) -> str:
    return absolute(
        reverse("screenings-reservation-confirm", args=[reservation_confirm_token(reservation)])
    )


def ticket_url(reservation: Reservation) -> str:
    return absolute(reverse("screenings-ticket", args=[ticket_token(reservation)]))


def payment_return_url(reservation: Reservation) -> str:
    """Where the payment service sends the reader back to (and where its cancel button
    goes) after saving a card: what the confirmation page passes to confirm_reservation."""
    return absolute(reverse("screenings-payment-return", args=[ticket_token(reservation)]))


def pay_url(reservation: Reservation) -> str:
    """The page to pay from after a failed charge (the payment-failed email links to it)."""
    return absolute(reverse("screenings-pay", args=[ticket_token(reservation)]))


def screening_url(screening: Screening) -> str:
    return absolute(screening.path)


def admin_url(screening: Screening) -> str:
    return absolute(reverse("admin:screenings_screening_change", args=[screening.pk]))
