"""The whole round trip over real HTTP, as a reader's browser and Stripe make it: the site
served by a live server, the fake Stripe posting its signed webhook to it."""

from __future__ import annotations

import httpx
from django.urls import reverse
from pytest_django.fixtures import Settings
from pytest_django.live_server_helper import LiveServer
from screenings.factories import on_sale

from crossing.web.screenings.models import Payment, Reservation, ReservationState, State

from .conftest import fake_stripe, reserve, run_due


def test_the_webhook_arrives_signed_and_the_reader_comes_back(
    live_server: LiveServer, transactional_db: None, settings: Settings, fake
) -> None:
    settings.CROSSING_SITE_URL = live_server.url
    fake.webhook_url = live_server.url + reverse("screenings-stripe-webhook")
    screening = on_sale(capacity=4, threshold=2, price_minor=900)
    reservation, checkout = reserve(screening.pk, "live@example.org", quantity=2)
    assert checkout.startswith(fake.base)

    with httpx.Client(follow_redirects=False) as browser:
        page = browser.get(checkout)
        assert fake_stripe.SUCCEEDS in page.text
        done = browser.post(checkout, data={"card": fake_stripe.SUCCEEDS})
        assert done.status_code == 303
        # Stripe's webhook reached the site (before the reader is back) and was believed.
        assert fake.webhook_answers == [200]
        back = browser.get(done.headers["location"])
        assert back.status_code == 303
        assert back.headers["location"].startswith("/screenings/tickets/")
        assert "set-cookie" not in back.headers

    reservation.refresh_from_db()
    screening.refresh_from_db()
    assert reservation.state == ReservationState.RESERVED
    assert screening.state == State.CONFIRMED
    assert Reservation.objects.filter(pk=reservation.pk, payment=Payment.SAVED).exists()
    run_due()
    reservation.refresh_from_db()
    assert reservation.payment == Payment.CHARGED
    assert fake.counters()["charges_by_reservation"] == {str(reservation.pk): 1}
