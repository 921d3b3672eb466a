"""Payments, behind one small interface (as Warehouse does for its external services).

A reservation is a promise: no money moves before the screening's threshold is reached.

- `venue` (the default): nothing is paid online; tickets are issued when the screening is
  confirmed and paid for at the door (or free).
- `stripe`: a card is saved when reserving (Stripe Checkout in setup mode, on Stripe's own
  page, so the site's pages make no request to a third party), charged off-session when the
  threshold is reached, refunded when staff call a confirmed screening off
  (payments/stripe.py, with the official `stripe` library).

CROSSING_SCREENINGS_PAYMENTS chooses one; docs/screenings.md says how to set Stripe up."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from django.conf import settings


@dataclass(frozen=True)
class SetupStarted:
    """Where to send the reader to save a card, and the service's id for that step."""

    redirect_url: str
    setup_id: str
    customer_id: str


@dataclass(frozen=True)
class SavedCard:
    customer_id: str
    method_id: str


@dataclass(frozen=True)
class Charged:
    """How a charge went: `paid`, or `failed` with the reason to show the person (a
    declined card, or a bank that wants them present to approve it)."""

    paid: bool
    payment_id: str
    reason: str = ""


class PaymentError(Exception):
    """The payment service could not be reached or answered with an error (retried)."""


class Provider(Protocol):
    name: str
    # False for `venue`: nothing to save when reserving, nothing to charge.
    online: bool

    def start_setup(
        self,
        *,
        reservation_id: int,
        name: str,
        email: str,
        currency: str,
        return_url: str,
        cancel_url: str,
    ) -> SetupStarted: ...

    def setup_result(self, *, setup_id: str) -> SavedCard | None:
        """The card saved in this setup step, or None while it is not complete."""
        ...

    def charge(
        self,
        *,
        idempotency_key: str,
        customer_id: str,
        method_id: str,
        amount_minor: int,
        currency: str,
        description: str,
    ) -> Charged: ...

    def refund(self, *, idempotency_key: str, payment_id: str) -> str:
        """Refund the whole payment; the refund's id."""
        ...

    def start_payment(
        self,
        *,
        reservation_id: int,
        email: str,
        amount_minor: int,
        currency: str,
        description: str,
        return_url: str,
        cancel_url: str,
    ) -> SetupStarted:
        """After a failed charge: a page of the service where the person pays, present."""
        ...

    def payment_result(self, *, setup_id: str) -> str | None:
        """The payment made on that page (its id), or None while it is not complete."""
        ...


class AtTheVenue:
    """No online payment: tickets are paid for at the door, or the screening is free."""

    name = "venue"
    online = False

    def start_setup(self, **_: object) -> SetupStarted:
        raise PaymentError("payment at the venue saves no card")

    def setup_result(self, *, setup_id: str) -> SavedCard | None:
        return None

    def charge(self, **_: object) -> Charged:
        raise PaymentError("payment at the venue charges nothing online")

    def refund(self, *, idempotency_key: str, payment_id: str) -> str:
        raise PaymentError("payment at the venue refunds nothing online")

    def start_payment(self, **_: object) -> SetupStarted:
        raise PaymentError("payment at the venue takes no payment online")

    def payment_result(self, *, setup_id: str) -> str | None:
        return None


def provider() -> Provider:
    """The provider the settings choose."""
    if settings.CROSSING_SCREENINGS_PAYMENTS == "stripe":
        from .stripe import StripeProvider

        return StripeProvider.from_settings()
    return AtTheVenue()
