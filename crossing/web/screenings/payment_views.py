"""The payment pages (payment_urls.py): back from the payment service's card page, paying
after a failed charge, and the payment service's webhook.

The reservation is found by its ticket token (links.py), so these pages need no session and
set no cookie. The return page and the webhook report the same events (whichever comes
first does the work; the services are conditional, so the other changes nothing): the
reader who closes the tab before coming back still has their card saved by the webhook."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .. import security
from ..comments.links import absolute
from ..comments.views import cross_site
from . import links, payment_services, services
from .models import Payment, Reservation, ReservationState, State
from .payments import PaymentError, provider

log = logging.getLogger(__name__)


def allow_checkout(response: HttpResponse) -> HttpResponse:
    """Let this page's form lead to the payment service's page. The site's policy allows
    forms to post to the site only (form-action 'self'), and browsers hold the redirect
    that follows a post to it too: a page whose button ends on Stripe Checkout (this pay
    page, the reservation's confirmation page) widens form-action by that one origin."""
    origins = checkout_origins()
    own = "form-action " + " ".join(security.DIRECTIVES["form-action"])
    if origins and own in security.POLICY:
        widened = security.POLICY.replace(own, f"{own} {' '.join(origins)}")
        response["Content-Security-Policy"] = widened
    return response


def checkout_origins() -> tuple[str, ...]:
    """Where the payment service's pages are: Stripe Checkout's, or the address of the
    API's stand-in (a local fake serves both)."""
    if settings.CROSSING_SCREENINGS_PAYMENTS != "stripe":
        return ()
    base = urlsplit(settings.CROSSING_STRIPE_API_BASE)
    if base.netloc == "api.stripe.com":
        return ("https://checkout.stripe.com",)
    return (f"{base.scheme}://{base.netloc}",)


def _reservation(token: str) -> Reservation | None:
    try:
        pk, code = links.reservation_from_ticket(token)
    except links.BadLink:
        return None
    return Reservation.objects.select_related("screening").filter(pk=pk, code=code).first()


def _page(
    request: HttpRequest, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    response = render(request, f"screenings/payment/{template}", context, status=status)
    response["Cache-Control"] = "no-store"  # about one person's payment: never shared
    return response


def _plain(message: str, status: int) -> HttpResponse:
    response = HttpResponse(message + "\n", status=status, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response


def _bad_link(request: HttpRequest) -> HttpResponse:
    return _page(request, "bad_link.html", {}, status=404)


def _unreachable(request: HttpRequest, reservation: Reservation, error: Exception) -> HttpResponse:
    log.warning("reservation %s: the payment service: %s", reservation.pk, error)
    context = {"reservation": reservation, "screening": reservation.screening}
    response = _page(request, "unreachable.html", context, status=503)
    response["Retry-After"] = "60"
    return response


def _ticket(token: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("screenings-ticket", args=[token]), status=303)


@require_GET
def payment_return(request: HttpRequest, token: str) -> HttpResponse:
    """Back from the payment service: a card saved (the tickets now count), or a payment
    made after a failed charge; otherwise a page that says what is left to do."""
    reservation = _reservation(token)
    if reservation is None:
        return _bad_link(request)
    context: dict[str, Any] = {
        "reservation": reservation,
        "screening": reservation.screening,
        "ticket_url": reverse("screenings-ticket", args=[token]),
    }
    try:
        if reservation.payment == Payment.SETUP and reservation.provider_setup:
            card = provider().setup_result(setup_id=reservation.provider_setup)
            if card is None:
                context["confirm_url"] = links.reservation_confirm_url(reservation)
                return _page(request, "card_not_saved.html", context)
            try:
                services.card_saved(
                    reservation, customer_id=card.customer_id, method_id=card.method_id
                )
            except services.Refused as refused:
                context["refused"] = refused.message
                return _page(request, "refused.html", context, status=409)
        elif reservation.payment == Payment.FAILED and reservation.provider_setup:
            payment_id = provider().payment_result(setup_id=reservation.provider_setup)
            if payment_id is None:
                return HttpResponseRedirect(reverse("screenings-pay", args=[token]), status=303)
            payment_services.paid_present(reservation, payment_id=payment_id)
    except PaymentError as error:
        return _unreachable(request, reservation, error)
    return _ticket(token)


def _why_not_payable(reservation: Reservation) -> str:
    """Why there is nothing to pay online for this reservation now ("" if there is)."""
    if reservation.payment == Payment.CHARGED:
        return _("This reservation is paid. Thank you.")
    if reservation.state != ReservationState.RESERVED:
        return _("These seats have been given back, so there is nothing to pay.")
    if reservation.screening.state == State.CALLED_OFF:
        return _("The screening has been called off: nobody pays.")
    if reservation.payment != Payment.FAILED:
        return _("There is nothing to pay online for this reservation.")
    if reservation.pay_by is not None and reservation.pay_by <= timezone.now():
        return _("The time to pay has passed; the seats are being given back.")
    return ""


@csrf_exempt
@require_http_methods(["GET", "POST"])
def pay(request: HttpRequest, token: str) -> HttpResponse:
    """After a failed charge: what happened and one button to pay on the payment service's
    page (GET), which the button's POST goes to (303)."""
    reservation = _reservation(token)
    if reservation is None:
        return _bad_link(request)
    if reservation.payment == Payment.FAILED and reservation.provider_setup:
        # Paid on the service's page, but neither its webhook nor the reader came back yet.
        try:
            payment_id = provider().payment_result(setup_id=reservation.provider_setup)
        except PaymentError as error:
            return _unreachable(request, reservation, error)
        if payment_id is not None:
            payment_services.paid_present(reservation, payment_id=payment_id)
            return _ticket(token)
    screening = reservation.screening
    context: dict[str, Any] = {
        "reservation": reservation,
        "screening": screening,
        "amount": f"{reservation.amount_minor / 100:.2f} {screening.currency}",
        "pay_by": reservation.pay_by.astimezone(screening.zone) if reservation.pay_by else None,
        "ticket_url": reverse("screenings-ticket", args=[token]),
        "nothing_to_pay": _why_not_payable(reservation),
    }
    if request.method == "GET":
        return allow_checkout(_page(request, "pay.html", context))
    if cross_site(request):
        return _plain(_("Payments can only be started from this site's own pages."), 403)
    if context["nothing_to_pay"]:
        return allow_checkout(_page(request, "pay.html", context, status=409))
    try:
        started = provider().start_payment(
            reservation_id=reservation.pk,
            email=reservation.email,
            amount_minor=reservation.amount_minor,
            currency=screening.currency,
            # Translators: what the payment page and the card statement say is bought.
            description=ngettext(
                "%(count)s ticket: %(venue)s, %(when)s",
                "%(count)s tickets: %(venue)s, %(when)s",
                reservation.quantity,
            )
            % {
                "count": reservation.quantity,
                "venue": screening.venue_name,
                "when": f"{screening.local_starts:%Y-%m-%d %H:%M}",
            },
            return_url=absolute(reverse("screenings-payment-return", args=[token])),
            cancel_url=absolute(reverse("screenings-pay", args=[token])),
        )
    except PaymentError as error:
        return _unreachable(request, reservation, error)
    Reservation.objects.filter(pk=reservation.pk, payment=Payment.FAILED).update(
        provider_setup=started.setup_id
    )
    return HttpResponseRedirect(started.redirect_url, status=303)


@csrf_exempt
@require_POST
def stripe_webhook(request: HttpRequest) -> HttpResponse:
    """Stripe's events, signed with the endpoint's secret. Stripe sends an event again
    until it gets a 2xx, so each is handled idempotently, and an unknown one gets 200."""
    if settings.CROSSING_SCREENINGS_PAYMENTS != "stripe":
        return _plain("Online payment is not set up on this site.", 404)
    import stripe

    from .payments.stripe import client

    try:
        event = client().construct_event(
            request.body,
            request.headers.get("Stripe-Signature"),
            settings.CROSSING_STRIPE_WEBHOOK_SECRET,
        )
    except (ValueError, stripe.SignatureVerificationError):
        return _plain("The signature does not match this endpoint's secret.", 400)
    if event.type != "checkout.session.completed":
        return _plain(f"{event.type}: not used here.", 200)
    session = event.data.object.to_dict()
    try:
        done = _session_completed(session)
    except PaymentError as error:
        # Stripe sends the event again later: the card is saved then.
        log.warning("webhook %s: the payment service: %s", event.id, error)
        return _plain("The payment service could not be reached: send it again later.", 503)
    return _plain(done, 200)


def _session_completed(session: dict[str, Any]) -> str:
    metadata = session.get("metadata") or {}
    number = str(metadata.get("reservation") or session.get("client_reference_id") or "")
    if not number.isdigit():
        return "not a reservation's session"
    reservation = (
        Reservation.objects.select_related("screening")
        .filter(pk=int(number), provider_setup=session.get("id"))
        .first()
    )
    if reservation is None:
        return "no reservation has this session"
    if session.get("mode") == "setup":
        if reservation.payment != Payment.SETUP:
            return "the card was saved before"
        card = provider().setup_result(setup_id=session["id"])
        if card is None:
            return "the setup is not complete"
        try:
            counted = services.card_saved(
                reservation, customer_id=card.customer_id, method_id=card.method_id
            )
        except services.Refused as refused:
            return f"card saved; not counted: {refused.code or refused.message}"
        return "card saved, tickets counted" if counted else "card saved"
    if session.get("mode") == "payment" and session.get("payment_status") == "paid":
        payment = session.get("payment_intent")
        payment_id = payment if isinstance(payment, str) else (payment or {}).get("id", "")
        if payment_services.paid_present(reservation, payment_id=payment_id):
            return "paid"
        return "the payment was recorded before"
    return "nothing to do"
