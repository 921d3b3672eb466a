"""Stripe, with the official `stripe` library (docs/screenings-stripe.md).

- Saving a card: a Customer and a Checkout Session in mode "setup". The reader goes to
  Stripe's own page and comes back: the site's pages load nothing from Stripe (no Stripe.js),
  so a reader who only browses meets no third party.
- Charging, when the threshold is reached: a PaymentIntent confirmed off-session with the
  saved card, with the reservation's idempotency key (a job run twice is one charge).
  A card the bank refuses is an answer (Charged(paid=False, reason=…)); a network or API
  failure raises PaymentError, and the outbox tries the job again later.
- Paying present, after a failed charge: a Checkout Session in mode "payment".
- Refunding: a Refund of the whole PaymentIntent, with an idempotency key.

The client takes its API address from settings (tests and the load harness point it at
bench/_fake_stripe.py), tries a failed request again (with the same idempotency key) a few
times, and gives up after a timeout."""

from __future__ import annotations

import threading
import time
from typing import Any

import stripe
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import Charged, PaymentError, SavedCard, SetupStarted

_clients: dict[tuple[str, str, int, int], stripe.StripeClient] = {}
_clients_lock = threading.Lock()


def client() -> stripe.StripeClient:
    """One client per configuration (the library keeps one HTTP session per thread)."""
    key = (
        settings.CROSSING_STRIPE_SECRET_KEY,
        settings.CROSSING_STRIPE_API_BASE,
        settings.CROSSING_STRIPE_TIMEOUT,
        settings.CROSSING_STRIPE_RETRIES,
    )
    with _clients_lock:
        made = _clients.get(key)
        if made is None:
            made = stripe.StripeClient(
                key[0],
                base_addresses={"api": key[1]},
                max_network_retries=key[3],
                http_client=stripe.RequestsClient(timeout=key[2]),
            )
            _clients[key] = made
        return made


_AGREEMENT = gettext_lazy(
    "Nothing is charged now. Your card is charged for your tickets once, only if the "
    "screening reaches the number of tickets it needs before its deadline. If it is called "
    "off, nothing is charged; if staff call it off later, you are refunded."
)


def _failed(error: stripe.StripeError) -> PaymentError:
    """A failure to try again later, said plainly for the log."""
    return PaymentError(f"Stripe: {type(error).__name__}: {error.user_message or error}")


def _reason(error: stripe.CardError) -> str:
    """Why a card was refused, in plain words for the person (never the bank's jargon)."""
    code = error.code or ""
    if code == "authentication_required":
        return _(
            "Your bank wants you to approve this payment yourself, so it could not be taken "
            "while you were away."
        )
    if code == "expired_card":
        return _("The card has expired.")
    details = error.error.decline_code if error.error is not None else None
    if details == "insufficient_funds":
        return _("The card was declined: the bank says there are not enough funds.")
    return _("The card was declined by the bank.")


def _id(value: Any) -> str:
    """An id whether the library expanded the object or not."""
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value.id)


class StripeProvider:
    name = "stripe"
    online = True

    def __init__(self, api: stripe.StripeClient):
        self.api = api

    @classmethod
    def from_settings(cls) -> StripeProvider:
        return cls(client())

    def start_setup(
        self,
        *,
        reservation_id: int,
        name: str,
        email: str,
        currency: str,
        return_url: str,
        cancel_url: str,
    ) -> SetupStarted:
        # Idempotency keys: confirming twice (a double click, the back button) gives the
        # same customer and the same page, not a second of each.
        metadata = {"reservation": str(reservation_id), "purpose": "setup"}
        try:
            customer = self.api.v1.customers.create(
                params={"name": name, "email": email, "metadata": metadata},
                options={"idempotency_key": f"crossing-reservation-{reservation_id}-customer"},
            )
            session = self.api.v1.checkout.sessions.create(
                params={
                    "mode": "setup",
                    "customer": customer.id,
                    "currency": currency.lower(),
                    "success_url": return_url,
                    "cancel_url": cancel_url,
                    "client_reference_id": str(reservation_id),
                    "metadata": metadata,
                    "setup_intent_data": {"metadata": metadata},
                    # The agreement to charge later, where the card is given (as Stripe
                    # asks of off-session charges).
                    "custom_text": {"submit": {"message": str(_AGREEMENT)}},
                },
                options={"idempotency_key": f"crossing-reservation-{reservation_id}-setup"},
            )
        except stripe.StripeError as error:
            raise _failed(error) from error
        return SetupStarted(
            redirect_url=session.url or "", setup_id=session.id, customer_id=customer.id
        )

    def setup_result(self, *, setup_id: str) -> SavedCard | None:
        try:
            session = self.api.v1.checkout.sessions.retrieve(
                setup_id, params={"expand": ["setup_intent"]}
            )
        except stripe.StripeError as error:
            raise _failed(error) from error
        intent = session.setup_intent
        if session.mode != "setup" or session.status != "complete" or intent is None:
            return None
        if isinstance(intent, str) or intent.status != "succeeded":
            return None
        method = _id(intent.payment_method)
        customer = _id(session.customer) or _id(intent.customer)
        if not method or not customer:
            return None
        return SavedCard(customer_id=customer, method_id=method)

    def charge(
        self,
        *,
        idempotency_key: str,
        customer_id: str,
        method_id: str,
        amount_minor: int,
        currency: str,
        description: str,
    ) -> Charged:
        try:
            intent = self.api.v1.payment_intents.create(
                params={
                    "amount": amount_minor,
                    "currency": currency.lower(),
                    "customer": customer_id,
                    "payment_method": method_id,
                    "off_session": True,
                    "confirm": True,
                    "description": description,
                    "metadata": {"crossing": idempotency_key, **_reservation(idempotency_key)},
                },
                options={"idempotency_key": idempotency_key},
            )
        except stripe.CardError as error:
            refused = error.error.payment_intent if error.error is not None else None
            return Charged(paid=False, payment_id=_id(refused), reason=_reason(error))
        except stripe.StripeError as error:
            raise _failed(error) from error
        if intent.status in ("succeeded", "processing"):
            return Charged(paid=True, payment_id=intent.id)
        if intent.status == "requires_action":
            reason = _(
                "Your bank wants you to approve this payment yourself, so it could not be "
                "taken while you were away."
            )
        else:
            reason = _("The card was declined by the bank.")
        return Charged(paid=False, payment_id=intent.id, reason=reason)

    def refund(self, *, idempotency_key: str, payment_id: str) -> str:
        try:
            refund = self.api.v1.refunds.create(
                params={"payment_intent": payment_id},
                options={"idempotency_key": idempotency_key},
            )
        except stripe.StripeError as error:
            raise _failed(error) from error
        return refund.id

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
        metadata = {"reservation": str(reservation_id), "purpose": "payment"}
        # One payment page per reservation, so that nobody pays twice from two pages: a
        # second click gets the same page back; only once it has expired, a new one.
        key = f"crossing-reservation-{reservation_id}-pay"
        for _attempt in range(3):
            try:
                session = self._payment_session(
                    key=key,
                    metadata=metadata,
                    email=email,
                    amount_minor=amount_minor,
                    currency=currency,
                    description=description,
                    return_url=return_url,
                    cancel_url=cancel_url,
                )
            except stripe.StripeError as error:
                raise _failed(error) from error
            # A replayed answer is the session as it was created: its expiry time tells.
            if session.status != "expired" and session.expires_at > time.time():
                break
            key = f"crossing-reservation-{reservation_id}-pay-after-{session.id}"
        return SetupStarted(redirect_url=session.url or "", setup_id=session.id, customer_id="")

    def _payment_session(
        self,
        *,
        key: str,
        metadata: dict[str, str],
        email: str,
        amount_minor: int,
        currency: str,
        description: str,
        return_url: str,
        cancel_url: str,
    ) -> stripe.checkout.Session:
        return self.api.v1.checkout.sessions.create(
            params={
                "mode": "payment",
                "customer_email": email,
                "line_items": [
                    {
                        "quantity": 1,
                        "price_data": {
                            "currency": currency.lower(),
                            "unit_amount": amount_minor,
                            "product_data": {"name": description[:250]},
                        },
                    }
                ],
                "success_url": return_url,
                "cancel_url": cancel_url,
                "client_reference_id": metadata["reservation"],
                "metadata": metadata,
                "payment_intent_data": {"metadata": metadata},
            },
            options={"idempotency_key": key},
        )

    def payment_result(self, *, setup_id: str) -> str | None:
        try:
            session = self.api.v1.checkout.sessions.retrieve(setup_id)
        except stripe.StripeError as error:
            raise _failed(error) from error
        if session.mode != "payment" or session.status != "complete":
            return None
        if session.payment_status != "paid":
            return None
        return _id(session.payment_intent) or None


def _reservation(idempotency_key: str) -> dict[str, str]:
    """The reservation's id from the jobs' key (crossing-reservation-<id>-charge), so that
    Stripe's dashboard (and the fake's counters) can tell the charges apart."""
    parts = idempotency_key.split("-")
    if len(parts) >= 3 and parts[1] == "reservation" and parts[2].isdigit():
        return {"reservation": parts[2]}
    return {}
