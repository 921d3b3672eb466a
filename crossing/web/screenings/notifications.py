"""The emails screenings cause, all through the outbox, each enqueued in the transaction of
its cause with a key made of ids (so each is sent once, and a retried job sends nothing
twice). FILLED IN BY THE EMAILS WORK (see the brief): each function's docstring says what
it sends."""

from __future__ import annotations

from .models import Reservation, Screening


def organiser_confirm_address(screening: Screening) -> None:
    """To the organiser: confirm your address (links.organiser_confirm_url)."""


def staff_new_request(screening: Screening) -> None:
    """To staff: a confirmed request waits for review (links.admin_url)."""


def staff_proposal_accepted(screening: Screening) -> None:
    """To staff: the organiser accepted the proposed date."""


def organiser_approved(screening: Screening) -> None:
    """To the organiser: approved, the terms, and the link to open sales (links.organiser_url)."""


def organiser_rejected(screening: Screening) -> None:
    """To the organiser: not approved, with staff's reason."""


def organiser_proposal(screening: Screening) -> None:
    """To the organiser: staff propose another date; accept it from the manage link."""


def organiser_on_sale(screening: Screening) -> None:
    """To the organiser: on sale, the public page, the manage link, the deadline."""


def organiser_confirmed(screening: Screening) -> None:
    """To the organiser: the threshold is reached, it will happen; the door list link."""


def organiser_called_off(screening: Screening, *, reason: str) -> None:
    """To the organiser: called off (reason, or the deadline passed below the threshold)."""


def reservation_held(reservation: Reservation) -> None:
    """To the reader: confirm your reservation (links.reservation_confirm_url) before
    reservation.hold_until, or the seats go back."""


def reservation_confirmed(reservation: Reservation) -> None:
    """To the reader: your N tickets are reserved; nobody is charged unless the screening is
    confirmed; the ticket page (links.ticket_url), from which to cancel."""


def screening_confirmed(reservation: Reservation) -> None:
    """To the reader: the screening will happen, your tickets (ticket page), with an iCal
    file. Key reservation-<id>-screening-confirmed: exactly one per reservation."""


def reservation_cancelled(reservation: Reservation) -> None:
    """To the reader: your reservation is cancelled (refunded if paid)."""


def reservation_released(reservation: Reservation, *, cause: str) -> None:
    """To the reader: your held or unpaid seats were given back, and why."""


def screening_called_off(reservation: Reservation, *, reason: str) -> None:
    """To the reader: called off, nobody is charged (or: refunded)."""


def payment_received(reservation: Reservation) -> None:
    """To the reader: paid, the amount, the ticket page."""


def payment_failed(reservation: Reservation) -> None:
    """To the reader: the charge failed (reason); pay within 48 h from the link, or the
    seats go back at reservation.pay_by."""


def refunded(reservation: Reservation) -> None:
    """To the reader: refunded, the amount."""


def schedule(screening: Screening) -> None:
    """When on sale: the reminder the day before (to each reserved reader) and the
    organiser's daily progress, as outbox jobs."""
