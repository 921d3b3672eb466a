"""In Chromium, with and without JavaScript: a card saved on the (fake) Stripe page, a charge
that fails, the pay page (checked by axe-core), paying on Stripe's page and coming back. The
site's own pages make no request beyond the site; the reader goes to Stripe by a button."""

from __future__ import annotations

import pytest
from browser.conftest import ContextFactory, assert_accessible
from django.urls import reverse
from playwright.sync_api import Page
from pytest_django.fixtures import Settings
from pytest_django.live_server_helper import LiveServer
from screenings.factories import on_sale

from crossing.web.screenings import links
from crossing.web.screenings.models import Payment, ReservationState

from .conftest import reserve, run_due


def submit_and_land_on_the_ticket(page: Page, token: str) -> None:
    """Submit Stripe's page: back through the return page to the ticket page (the pages'
    work; what it shows is their tests' business, where it is is this one's)."""
    path = reverse("screenings-ticket", args=[token])
    with page.expect_response(lambda response: response.url.endswith(path)) as ticket:
        page.get_by_role("button", name="Submit").click()
    assert ticket.value.request.method == "GET"


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_failed_charge_paid_in_the_browser(
    javascript: bool,
    live_server: LiveServer,
    transactional_db: None,
    settings: Settings,
    fake,
    new_context: ContextFactory,
) -> None:
    settings.CROSSING_SITE_URL = live_server.url
    fake.webhook_url = live_server.url + reverse("screenings-stripe-webhook")
    page = new_context(java_script_enabled=javascript).new_page()
    screening = on_sale(capacity=5, threshold=1, price_minor=1500)
    reservation, checkout = reserve(screening.pk, "browser@example.org", quantity=2)
    token = links.ticket_token(reservation)

    # Back without a card: the page says so, and how to try again.
    page.goto(live_server.url + reverse("screenings-payment-return", args=[token]))
    assert page.get_by_role("heading", level=1).inner_text() == "Your card is not saved yet"
    if javascript:
        assert_accessible(page)

    # On Stripe's page: a card the bank will later decline.
    page.goto(checkout)
    page.get_by_label("Visa ending 9995", exact=False).check()
    submit_and_land_on_the_ticket(page, token)
    reservation.refresh_from_db()
    assert reservation.state == ReservationState.RESERVED
    run_due()  # tipped at the threshold: the charge, declined
    reservation.refresh_from_db()
    assert reservation.payment == Payment.FAILED

    # (A new tab: the ticket page is the pages' work, and may still be loading in that one.)
    page = page.context.new_page()
    page.goto(live_server.url + reverse("screenings-pay", args=[token]))
    assert "30.00 CAD" in page.inner_text("main")
    if javascript:
        assert_accessible(page)
    page.get_by_role("button", name="Pay 30.00 CAD").click()
    page.wait_for_url(f"{fake.base}/checkout/**")
    page.get_by_label("Visa ending 4242", exact=False).check()
    submit_and_land_on_the_ticket(page, token)
    reservation.refresh_from_db()
    assert reservation.payment == Payment.CHARGED
    assert fake.counters()["payments_succeeded"] == 1
    assert not page.context.cookies()
    assert all(status == 200 for status in fake.webhook_answers)
