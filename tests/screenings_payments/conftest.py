"""The fake Stripe (bench/_fake_stripe.py) serving for a test, the site's settings pointed at
it, and the steps a reader takes: reserve, confirm, save a card on the checkout page."""

from __future__ import annotations

import datetime
import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import httpx
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.fixtures import Settings

from crossing.web.comments.links import absolute
from crossing.web.outbox.models import Message
from crossing.web.outbox.worker import Policy, work_once
from crossing.web.screenings import links, services
from crossing.web.screenings.links import payment_return_url
from crossing.web.screenings.models import Reservation

ROOT = Path(__file__).resolve().parents[2]
API_KEY = "sk_test_crossing"


def _load_fake() -> ModuleType:
    """bench/ is scripts, not a package: the fake is loaded from its file."""
    if "_fake_stripe" in sys.modules:
        return sys.modules["_fake_stripe"]
    spec = importlib.util.spec_from_file_location("_fake_stripe", ROOT / "bench/_fake_stripe.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["_fake_stripe"] = module
    spec.loader.exec_module(module)
    return module


fake_stripe = _load_fake()


@pytest.fixture
def fake(settings: Settings) -> Iterator[object]:
    with fake_stripe.running() as state:
        settings.CROSSING_SCREENINGS_PAYMENTS = "stripe"
        settings.CROSSING_STRIPE_SECRET_KEY = API_KEY
        settings.CROSSING_STRIPE_WEBHOOK_SECRET = fake_stripe.WEBHOOK_SECRET
        settings.CROSSING_STRIPE_API_BASE = state.base
        settings.CROSSING_STRIPE_RETRIES = 0
        settings.CROSSING_STRIPE_TIMEOUT = 5
        yield state


def run_due() -> int:
    """The worker does every job that is due now; how many it did."""
    done = 0
    while work_once(Policy.from_settings()):
        done += 1
    return done


def make_due(key: str) -> None:
    """A job scheduled for later becomes due now (as if its time had come)."""
    changed = Message.objects.filter(key=key).update(
        not_before=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert changed == 1, key


def return_path(reservation: Reservation) -> str:
    return reverse("screenings-payment-return", args=[links.ticket_token(reservation)])


def ticket_path(reservation: Reservation) -> str:
    return reverse("screenings-ticket", args=[links.ticket_token(reservation)])


def reserve(screening_id: int, email: str, quantity: int = 1) -> tuple[Reservation, str]:
    """Reserve and follow the link in the email: the reservation, and the checkout page's
    address the reader is sent to."""
    made = services.reserve(
        screening_id=screening_id, name=email.split("@")[0], email=email, quantity=quantity
    )
    confirmed = services.confirm_reservation(
        made.reservation, setup_return_url=payment_return_url(made.reservation)
    )
    assert confirmed.card_needed_at
    made.reservation.refresh_from_db()
    return made.reservation, confirmed.card_needed_at


def submit_card(checkout_url: str, card: str) -> httpx.Response:
    """The reader on Stripe's page: picks a card and submits it."""
    page = httpx.get(checkout_url)
    assert page.status_code == 200 and card in page.text
    return httpx.post(checkout_url, data={"card": card})


def save_card(
    client: Client, screening_id: int, email: str, card: str, quantity: int = 1
) -> Reservation:
    """Reserve, save a card on the checkout page, come back to the site."""
    reservation, checkout = reserve(screening_id, email, quantity)
    answer = submit_card(checkout, card)
    assert answer.status_code == 303
    back = answer.headers["location"]
    assert back == absolute(return_path(reservation))
    response = client.get(return_path(reservation))
    assert response.status_code == 303
    assert response["Location"] == ticket_path(reservation)
    reservation.refresh_from_db()
    return reservation


# The browser tests' fixtures (tests/browser/conftest.py): one Chromium, contexts whose every
# request is watched (and stopped if it would leave the machine), axe-core.
from browser.conftest import (  # noqa: E402, F401
    browser,
    new_context,
    pytest_runtest_call,
    watch,
)
