"""Paying online with Stripe, against the fake Stripe (bench/_fake_stripe.py): the real
`stripe` library over real HTTP, the site's pages through Django's test client, the jobs
through the outbox's worker."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from screenings.factories import on_sale

from crossing.web.comments.links import absolute
from crossing.web.outbox.models import Message, Status
from crossing.web.screenings import jobs, links, services
from crossing.web.screenings.models import Payment, ReservationState, State
from crossing.web.screenings.payments import PaymentError, provider
from crossing.web.screenings.payments.stripe import StripeProvider

from .conftest import (
    ROOT,
    fake_stripe,
    make_due,
    reserve,
    return_path,
    run_due,
    save_card,
    submit_card,
)

GOOD = fake_stripe.SUCCEEDS
DECLINES = fake_stripe.DECLINES
NEEDS_YOU = fake_stripe.NEEDS_AUTHENTICATION
WEBHOOK = reverse("screenings-stripe-webhook")


def paid_screening(capacity: int = 10, threshold: int = 2) -> object:
    return on_sale(capacity=capacity, threshold=threshold, price_minor=1200)


def test_a_saved_card_counts_the_tickets_and_charges_nothing(client: Client, fake) -> None:
    screening = paid_screening(threshold=3)
    reservation = save_card(client, screening.pk, "ana@example.org", GOOD, quantity=2)
    assert reservation.state == ReservationState.RESERVED
    assert reservation.payment == Payment.SAVED
    assert reservation.provider_customer.startswith("cus_")
    assert reservation.provider_method.startswith("pm_")
    screening.refresh_from_db()
    assert (screening.tickets_reserved, screening.state) == (2, State.ON_SALE)
    run_due()
    assert fake.counters()["charges"] == 0  # below the threshold: no money moves
    change = reservation.changes.get(after=ReservationState.RESERVED)
    assert (change.by, change.cause) == ("payment service", "the card was saved")


def test_the_threshold_charges_each_reservation_once(client: Client, fake) -> None:
    screening = paid_screening(threshold=2)
    one = save_card(client, screening.pk, "one@example.org", GOOD, quantity=1)
    two = save_card(client, screening.pk, "two@example.org", GOOD, quantity=3)
    screening.refresh_from_db()
    assert screening.state == State.CONFIRMED
    run_due()  # the tickets job, then one charge job per reservation
    for reservation, amount in ((one, 1200), (two, 3600)):
        reservation.refresh_from_db()
        assert reservation.payment == Payment.CHARGED
        intent = fake.payment_intents[reservation.provider_payment]
        assert (intent["amount"], intent["currency"], intent["status"]) == (
            amount,
            "cad",
            "succeeded",
        )
    counters = fake.counters()
    assert counters["charges"] == 2
    assert counters["charges_by_reservation"] == {str(one.pk): 1, str(two.pk): 1}

    # The charge job run again (a retry, a second worker): it charges nothing.
    jobs._charge({"reservation": one.pk})
    # Even if the database had lost the charge (a kill -9 between Stripe's answer and the
    # commit), the idempotency key makes the second try the same charge at Stripe.
    paid = one.provider_payment
    type(one).objects.filter(pk=one.pk).update(payment=Payment.SAVED, provider_payment="")
    jobs._charge({"reservation": one.pk})
    one.refresh_from_db()
    assert (one.payment, one.provider_payment) == (Payment.CHARGED, paid)
    assert fake.counters()["charges"] == 2
    assert fake.counters()["payments_succeeded"] == 2


def test_a_declined_card_asks_the_person_to_pay_and_paying_counts(client: Client, fake) -> None:
    screening = paid_screening(threshold=1)
    reservation = save_card(client, screening.pk, "low@example.org", DECLINES)
    run_due()
    reservation.refresh_from_db()
    assert reservation.state == ReservationState.RESERVED
    assert reservation.payment == Payment.FAILED
    assert "not enough funds" in reservation.payment_error
    assert reservation.pay_by is not None and reservation.pay_by > timezone.now()
    assert Message.objects.filter(key=f"reservation-{reservation.pk}-pay-by").exists()

    token = links.ticket_token(reservation)
    pay = reverse("screenings-pay", args=[token])
    assert links.pay_url(reservation).endswith(pay)
    page = client.get(pay)
    assert page.status_code == 200
    text = page.content.decode()
    assert "12.00 CAD" in text and "not enough funds" in text and 'method="post"' in text
    assert not page.cookies

    started = client.post(pay)
    assert started.status_code == 303
    checkout = started["Location"]
    assert checkout.startswith(fake.base + "/checkout/cs_")
    refused = submit_card(checkout, DECLINES)  # declined present too: the page says so
    assert refused.status_code == 402 and "insufficient funds" in refused.text
    back = submit_card(checkout, GOOD)
    assert back.status_code == 303
    response = client.get(back.headers["location"].removeprefix("http://localhost:8000"))
    assert response.status_code == 303
    assert response["Location"] == reverse("screenings-ticket", args=[token])
    reservation.refresh_from_db()
    assert reservation.payment == Payment.CHARGED
    assert fake.payment_intents[reservation.provider_payment]["status"] == "succeeded"
    assert reservation.changes.filter(by="payment service", cause__startswith="paid").count() == 1

    # The 48 hours pass: paid, so the seats stay.
    make_due(f"reservation-{reservation.pk}-pay-by")
    run_due()
    reservation.refresh_from_db()
    assert reservation.state == ReservationState.RESERVED
    # And the pay page now says there is nothing to pay.
    again = client.post(pay)
    assert again.status_code == 409 and "is paid" in again.content.decode()


def test_a_bank_that_wants_the_person_present_gets_them_on_the_pay_page(
    client: Client, fake
) -> None:
    screening = paid_screening(threshold=1)
    reservation = save_card(client, screening.pk, "sca@example.org", NEEDS_YOU)
    run_due()
    reservation.refresh_from_db()
    assert reservation.payment == Payment.FAILED
    assert "approve this payment yourself" in reservation.payment_error
    started = client.post(reverse("screenings-pay", args=[links.ticket_token(reservation)]))
    assert submit_card(started["Location"], NEEDS_YOU).status_code == 303
    # The reader closes the tab: the webhook reports the payment.
    body, signature = fake.events[-1]
    answer = client.post(
        WEBHOOK, body, content_type="application/json", HTTP_STRIPE_SIGNATURE=signature
    )
    assert (answer.status_code, answer.content) == (200, b"paid\n")
    reservation.refresh_from_db()
    assert reservation.payment == Payment.CHARGED


def test_paid_without_coming_back_the_pay_page_knows(client: Client, fake) -> None:
    screening = paid_screening(threshold=1)
    reservation = save_card(client, screening.pk, "gone@example.org", DECLINES)
    run_due()
    pay = reverse("screenings-pay", args=[links.ticket_token(reservation)])
    first = client.post(pay)["Location"]
    # The page expired unpaid (Stripe's last 24 hours): the next click gets a new one. The
    # 24 hours pass here by moving its expiry time (also in the answer Stripe replays).
    fake.sessions[first.rsplit("/", 1)[-1]].update(status="expired", expires_at=0)
    fake.answers[f"crossing-reservation-{reservation.pk}-pay"][2]["expires_at"] = 0
    second = client.post(pay)["Location"]
    assert second != first
    assert client.post(pay)["Location"] == second  # and then that one again, not a third
    assert submit_card(second, GOOD).status_code == 303
    # Neither the webhook (lost) nor the reader (closed the tab) came back; a later visit
    # to the pay page asks Stripe, and finds it paid.
    page = client.get(pay)
    assert page.status_code == 303
    assert page["Location"] == reverse("screenings-ticket", args=[links.ticket_token(reservation)])
    reservation.refresh_from_db()
    assert reservation.payment == Payment.CHARGED


def test_unpaid_after_the_time_to_pay_gives_the_seats_back(client: Client, fake) -> None:
    screening = paid_screening(capacity=3, threshold=1)
    reservation = save_card(client, screening.pk, "late@example.org", DECLINES, quantity=3)
    screening.refresh_from_db()
    assert screening.state == State.SOLD_OUT
    run_due()
    make_due(f"reservation-{reservation.pk}-pay-by")
    run_due()
    reservation.refresh_from_db()
    screening.refresh_from_db()
    assert reservation.state == ReservationState.RELEASED
    assert (screening.tickets_reserved, screening.seats_left) == (0, 3)
    assert screening.state == State.CONFIRMED  # seats again, for others
    assert fake.counters()["charges"] == 1  # the one that failed; no second try
    page = client.post(reverse("screenings-pay", args=[links.ticket_token(reservation)]))
    assert page.status_code == 409 and "given back" in page.content.decode()


def test_staff_calling_off_a_confirmed_screening_refund_what_was_paid(client: Client, fake) -> None:
    screening = paid_screening(threshold=2)
    paid = [save_card(client, screening.pk, f"p{i}@example.org", GOOD) for i in range(2)]
    unpaid = save_card(client, screening.pk, "u@example.org", DECLINES)
    run_due()
    assert services.call_off(screening, by=services.staff("alice"), reason="The venue flooded.")
    run_due()
    run_due()  # a second pass finds nothing more to refund
    for reservation in paid:
        reservation.refresh_from_db()
        assert reservation.payment == Payment.REFUNDED
        refund = fake.refunds[reservation.provider_refund]
        assert refund["payment_intent"] == reservation.provider_payment
    unpaid.refresh_from_db()
    assert unpaid.payment == Payment.FAILED  # nothing was taken, nothing to give back
    assert fake.counters()["refunds"] == 2
    # A refund job run again refunds nothing twice.
    jobs._refund({"reservation": paid[0].pk})
    assert fake.counters()["refunds"] == 2
    # Paying for the called-off screening is no longer offered.
    page = client.get(reverse("screenings-pay", args=[links.ticket_token(unpaid)]))
    assert "called off" in page.content.decode()


def test_called_off_before_the_charge_job_runs_charges_nobody(client: Client, fake) -> None:
    screening = paid_screening(threshold=1)
    reservation = save_card(client, screening.pk, "early@example.org", GOOD)
    assert services.call_off(screening, by=services.staff("alice"), reason="No projector.")
    run_due()
    reservation.refresh_from_db()
    assert reservation.payment == Payment.SAVED
    assert fake.counters()["charges"] == 0


@pytest.mark.parametrize("meanwhile", ["cancelled", "called off"])
def test_what_is_charged_while_it_is_being_cancelled_is_refunded(
    client: Client, fake, monkeypatch: pytest.MonkeyPatch, meanwhile: str
) -> None:
    screening = paid_screening(threshold=1)
    reservation = save_card(client, screening.pk, "mind@example.org", GOOD)
    charge = StripeProvider.charge

    def charge_then_change_mind(self: StripeProvider, **request: Any) -> Any:
        """The real charge; then, before the job records it, the other change."""
        result = charge(self, **request)
        if meanwhile == "cancelled":
            assert services.cancel_reservation(reservation)
        else:
            assert services.call_off(screening, by=services.staff("alice"), reason="Storm.")
        return result

    monkeypatch.setattr(StripeProvider, "charge", charge_then_change_mind)
    run_due()
    reservation.refresh_from_db()
    assert reservation.payment == Payment.REFUNDED
    assert fake.counters()["charges"] == 1 and fake.counters()["refunds"] == 1


def test_a_webhook_with_a_bad_signature_is_refused(client: Client, fake) -> None:
    screening = paid_screening()
    reservation, checkout = reserve(screening.pk, "w@example.org")
    submit_card(checkout, GOOD)
    body, signature = fake.events[-1]
    forged = fake_stripe.sign(body, "whsec_someone_else")
    for header in (forged, "", "t=1,v1=00", signature.replace("v1=", "v1=0")):
        answer = client.post(
            WEBHOOK, body, content_type="application/json", HTTP_STRIPE_SIGNATURE=header
        )
        assert answer.status_code == 400
        assert b"Traceback" not in answer.content
    changed = body.replace(b'"complete"', b'"open"')
    answer = client.post(
        WEBHOOK, changed, content_type="application/json", HTTP_STRIPE_SIGNATURE=signature
    )
    assert answer.status_code == 400
    answer = client.post(WEBHOOK, b"not json", content_type="application/json")
    assert answer.status_code == 400
    reservation.refresh_from_db()
    assert reservation.payment == Payment.SETUP  # nothing believed


def test_a_replayed_webhook_changes_nothing_twice(client: Client, fake) -> None:
    screening = paid_screening(threshold=5)
    reservation, checkout = reserve(screening.pk, "r@example.org", quantity=2)
    submit_card(checkout, GOOD)  # the reader never comes back to the site
    body, signature = fake.events[-1]
    answers = [
        client.post(
            WEBHOOK, body, content_type="application/json", HTTP_STRIPE_SIGNATURE=signature
        ).content
        for _ in range(3)
    ]
    assert answers == [b"card saved, tickets counted\n"] + [b"the card was saved before\n"] * 2
    # Coming back late changes nothing either.
    client.get(reverse("screenings-payment-return", args=[links.ticket_token(reservation)]))
    screening.refresh_from_db()
    reservation.refresh_from_db()
    assert screening.tickets_reserved == 2
    assert reservation.payment == Payment.SAVED
    assert reservation.changes.filter(after=ReservationState.RESERVED).count() == 1
    # Events the site does not use are acknowledged.
    other = json.dumps(
        {
            "id": "evt_1",
            "object": "event",
            "type": "customer.created",
            "data": {"object": {"id": "cus_1", "object": "customer"}},
        }
    ).encode()
    answer = client.post(
        WEBHOOK,
        other,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=fake_stripe.sign(other, fake_stripe.WEBHOOK_SECRET),
    )
    assert answer.status_code == 200


def test_back_without_a_card_says_what_to_do(client: Client, fake) -> None:
    screening = paid_screening()
    reservation, checkout = reserve(screening.pk, "undecided@example.org")
    page = client.get(reverse("screenings-payment-return", args=[links.ticket_token(reservation)]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "not saved yet" in text and links.reservation_confirm_url(reservation) in text
    assert client.get("/screenings/payments/return/nonsense/").status_code == 404
    # Following the confirmation link again gives the same checkout page, not a second one.
    again = services.confirm_reservation(
        reservation, setup_return_url=absolute(return_path(reservation))
    )
    assert again.card_needed_at == checkout
    assert fake.counters()["sessions"] == 1 and fake.counters()["customers"] == 1


def test_a_payment_service_that_fails_is_tried_again_later(client: Client, fake) -> None:
    screening = paid_screening(threshold=1)
    reservation = save_card(client, screening.pk, "retry@example.org", GOOD)
    fake.failures = 1
    run_due()
    reservation.refresh_from_db()
    assert reservation.payment == Payment.SAVED
    job = Message.objects.get(key=f"reservation-{reservation.pk}-charge")
    assert job.status == Status.PENDING and "PaymentError" in job.last_error
    make_due(job.key)
    run_due()
    reservation.refresh_from_db()
    assert reservation.payment == Payment.CHARGED
    assert fake.counters()["charges"] == 1


def test_an_unreachable_payment_service_raises_payment_error(settings, fake) -> None:
    settings.CROSSING_STRIPE_API_BASE = "http://127.0.0.1:9"  # nothing listens there
    try:
        provider().refund(idempotency_key="k", payment_id="pi_test_x")
    except PaymentError as error:
        assert "APIConnectionError" in str(error)
    else:
        raise AssertionError("no PaymentError")


def test_stripe_without_its_keys_refuses_to_start(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CROSSING_", "DJANGO_"))}
    env |= {"CROSSING_DATA_DIR": str(tmp_path), "CROSSING_SCREENINGS_PAYMENTS": "stripe"}
    command = [sys.executable, "-c", "import crossing.web.settings"]
    result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert (
        "SettingError: CROSSING_SCREENINGS_PAYMENTS=stripe needs CROSSING_STRIPE_SECRET_KEY "
        "and CROSSING_STRIPE_WEBHOOK_SECRET" in result.stderr
    )
    env["CROSSING_STRIPE_SECRET_KEY"] = "sk_test_x"
    result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    assert "needs CROSSING_STRIPE_WEBHOOK_SECRET:" in result.stderr
    env["CROSSING_STRIPE_WEBHOOK_SECRET"] = "whsec_x"
    result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    # And the fake's counters answer over HTTP, for the load harness.
    with fake_stripe.running() as fake:
        assert httpx.get(fake.base + "/_fake/counters").json()["charges"] == 0
