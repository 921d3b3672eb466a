"""What a reader is told: hold and confirm, reserved, the screening confirmed (with its
.ics), called off, cancelled, released; each once, to them only, with links that work."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar
from screenings.factories import on_sale

from crossing.web.outbox import handlers
from crossing.web.screenings import jobs, links, notifications, services
from crossing.web.screenings.models import Payment, Reservation, Screening

from .helpers import follow, one, sent, work_all

pytestmark = pytest.mark.django_db


def reserve(screening: Screening, who: str, quantity: int = 1) -> Reservation:
    made = services.reserve(
        screening_id=screening.pk, name=who.title(), email=f"{who}@example.org", quantity=quantity
    )
    return made.reservation


def test_the_hold_email_gives_the_confirmation_link_on_its_own_line_and_the_time_held() -> None:
    screening = on_sale(capacity=10, threshold=5)
    ann = reserve(screening, "ann", 2)
    work_all()
    email = one(f"reservation-{ann.pk}-held")
    assert email.to == ["ann@example.org"]
    assert email.subject == "Confirm your reservation: The Defector: Escape from North Korea"
    url = links.reservation_confirm_url(ann)
    assert url in email.body.splitlines()  # a line of its own: mail programs can open it
    token = follow(url, "screenings-reservation-confirm")["token"]
    assert links.reservation_from_confirm(token) == (ann.pk, ann.code)
    # The time held, in the venue's zone (Toronto), named.
    local = ann.hold_until.astimezone(screening.zone)
    assert "Eastern" in email.body and local.strftime("%B") in email.body
    assert f"{local.day}, {local.year}" in email.body
    assert "2 tickets" in email.body
    # The same reservation sent again sends nothing more.
    again = services.reserve(
        screening_id=screening.pk, name="Ann", email="ANN@example.org", quantity=2
    )
    assert again.repeated
    work_all()
    assert len(sent(f"reservation-{ann.pk}-held")) == 1


def test_a_confirmed_reservation_is_told_nobody_is_charged_and_gets_its_ticket_page() -> None:
    screening = on_sale(capacity=10, threshold=5, price_minor=1250)
    ann = reserve(screening, "ann", 2)
    services.confirm_reservation(ann)
    services.confirm_reservation(ann)  # the button pressed twice
    work_all()
    email = one(f"reservation-{ann.pk}-reserved")
    assert email.to == ["ann@example.org"]
    assert "Nobody is charged unless the screening is confirmed" in email.body
    assert "CA$25.00" in email.body  # two tickets at 12.50, paid at the venue
    ticket = links.ticket_url(ann)
    assert ticket in email.body.splitlines()
    token = follow(ticket, "screenings-ticket")["token"]
    assert links.reservation_from_ticket(token) == (ann.pk, ann.code)
    assert sent(f"reservation-{ann.pk}-screening-confirmed") == []  # not yet: 2 of 5


def test_the_screening_confirmed_email_carries_the_screening_as_ics_at_its_instant() -> None:
    screening = on_sale(capacity=10, threshold=3)
    ann, bob = reserve(screening, "ann", 2), reserve(screening, "bob", 1)
    services.confirm_reservation(ann)
    services.confirm_reservation(bob)
    work_all()
    for reservation in (ann, bob):
        email = one(f"reservation-{reservation.pk}-screening-confirmed")
        assert email.to == [reservation.email]
        assert email.subject == "It will happen: The Defector: Escape from North Korea"
        assert links.ticket_url(reservation) in email.body.splitlines()
        follow(links.ticket_url(reservation), "screenings-ticket")
        [(filename, content, mimetype)] = email.attachments
        assert filename == f"screening-{screening.pk}.ics"
        assert mimetype == "text/calendar"
        [event] = Calendar.from_ical(content).walk("VEVENT")
        assert event.decoded("dtstart") == screening.starts.replace(microsecond=0)
        assert event.decoded("dtend") == screening.ends.replace(microsecond=0)
        assert str(event["status"]) == "CONFIRMED"
        assert "Riverside Hall" in str(event["location"])


def test_exactly_one_screening_confirmed_email_per_reservation_however_often_tickets_run() -> None:
    screening = on_sale(capacity=10, threshold=2)
    ann, bob = reserve(screening, "ann"), reserve(screening, "bob")
    services.confirm_reservation(ann)
    services.confirm_reservation(bob)  # tips: the tickets job is enqueued
    # Confirmed after the tip, before the tickets job ran: told at once, and by the job.
    cai = reserve(screening, "cai")
    services.confirm_reservation(cai)
    work_all()
    payload = {"screening": screening.pk}
    handlers.run(jobs.TICKETS, payload)  # the job again, as after a kill -9
    handlers.run(jobs.TICKETS, payload)
    for reservation in (ann, bob, cai):
        reservation.refresh_from_db()
        services.tickets_due(reservation)
        notifications.screening_confirmed(reservation)
    work_all()
    for reservation in (ann, bob, cai):
        assert len(sent(f"reservation-{reservation.pk}-screening-confirmed")) == 1
    confirmed = [e for e in mail.outbox if e.subject.startswith("It will happen")]
    assert sorted(e.to[0] for e in confirmed) == [
        "ann@example.org",
        "bob@example.org",
        "cai@example.org",
    ]


def test_called_off_at_the_deadline_everyone_active_is_told_nobody_is_charged() -> None:
    screening = on_sale(capacity=10, threshold=5, price_minor=800)
    ann, bob = reserve(screening, "ann", 2), reserve(screening, "bob")
    services.confirm_reservation(ann)  # bob never follows his link
    Screening.objects.filter(pk=screening.pk).update(
        deadline=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert services.deadline_passed(screening.pk) == "called off"
    work_all()
    for reservation in (ann, bob):
        email = one(f"reservation-{reservation.pk}-called-off")
        assert email.to == [reservation.email]
        assert "nobody is charged" in email.body.casefold()
        assert "refund" not in email.body
        assert "Fewer than the 5 tickets needed were reserved by the deadline" in email.body
    # Bob's held seats went back with the rest: he is told it is called off, not released.
    assert sent(f"reservation-{bob.pk}-released") == []
    organiser = one(f"screening-{screening.pk}-called-off")
    assert organiser.to == ["mina@example.org"]
    assert "with 2 of the 5 tickets needed" in organiser.body


def test_called_off_by_staff_after_a_charge_says_it_is_refunded() -> None:
    screening = on_sale(capacity=10, threshold=1, price_minor=800)
    ann = reserve(screening, "ann", 2)
    services.confirm_reservation(ann)
    # As if the card had been charged when the threshold was reached.
    Reservation.objects.filter(pk=ann.pk).update(payment=Payment.CHARGED, amount_minor=1600)
    ann.refresh_from_db()
    ann.screening = screening
    notifications.screening_called_off(ann, reason="The hall flooded.")
    work_all()
    email = one(f"reservation-{ann.pk}-called-off")
    assert "The reason: The hall flooded." in email.body
    assert "CA$16.00, is refunded" in email.body
    assert "Nobody is charged" not in email.body


def test_a_reader_who_cancels_is_told_and_one_whose_hold_ran_out_is_told_why() -> None:
    screening = on_sale(capacity=10, threshold=5)
    ann, bob = reserve(screening, "ann"), reserve(screening, "bob")
    services.confirm_reservation(ann)
    assert services.cancel_reservation(ann)
    Reservation.objects.filter(pk=bob.pk).update(
        hold_until=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert services.hold_expired(bob.pk)
    work_all()
    cancelled = one(f"reservation-{ann.pk}-cancelled")
    assert cancelled.to == ["ann@example.org"] and "Nobody is charged." in cancelled.body
    released = one(f"reservation-{bob.pk}-released")
    assert released.to == ["bob@example.org"]
    assert "not confirmed in time" in released.body


def test_the_payment_emails_name_the_amount_and_the_link_to_pay() -> None:
    screening = on_sale(capacity=10, threshold=1, price_minor=1000)
    ann = reserve(screening, "ann", 3)
    pay_by = timezone.now() + datetime.timedelta(hours=48)
    Reservation.objects.filter(pk=ann.pk).update(
        payment=Payment.FAILED, pay_by=pay_by, payment_error="Your card was declined."
    )
    ann.refresh_from_db()
    notifications.payment_failed(ann)
    notifications.payment_received(ann)
    notifications.refunded(ann)
    work_all()
    failed = one(f"reservation-{ann.pk}-payment-failed")
    assert "CA$30.00" in failed.body and "Your card was declined." in failed.body
    pay = notifications.pay_url(ann)
    assert pay in failed.body.splitlines()
    assert pay.endswith(f"/screenings/payments/pay/{links.ticket_token(ann)}/")
    assert pay_by.astimezone(screening.zone).strftime("%B") in failed.body
    assert "CA$30.00 is received" in one(f"reservation-{ann.pk}-paid").body
    assert "CA$30.00 is refunded" in one(f"reservation-{ann.pk}-refunded").body


def test_an_address_the_outbox_refuses_is_logged_and_the_reservation_stands(
    caplog: pytest.LogCaptureFixture,
) -> None:
    screening = on_sale(capacity=10, threshold=5)
    made = services.reserve(
        screening_id=screening.pk, name="Ann", email="ann at example", quantity=1
    )
    assert Reservation.objects.filter(pk=made.reservation.pk).exists()
    assert sent(f"reservation-{made.reservation.pk}-held") == []
    assert f"email reservation-{made.reservation.pk}-held not sent" in caplog.text


def test_each_reader_is_written_to_in_the_language_they_reserved_in() -> None:
    """A reader who reserved on the Korean site reads the screening's confirmation in
    Korean, with Korean addresses, although an English reader's reservation tipped it and
    the worker wrote it; the English reader reads English."""
    from django.utils import translation

    screening = on_sale(capacity=10, threshold=2)
    with translation.override("ko"):
        ann = reserve(screening, "ann", 1)
    bob = reserve(screening, "bob", 1)
    assert (ann.language, bob.language) == ("ko", "en")
    services.confirm_reservation(ann)
    services.confirm_reservation(bob)  # in English: the one that reaches the threshold
    work_all()
    korean = one(f"reservation-{ann.pk}-screening-confirmed")
    english = one(f"reservation-{bob.pk}-screening-confirmed")
    assert not korean.subject.isascii() and english.subject.isascii()
    assert "/ko/screenings/tickets/" in korean.body
    assert "/ko/" not in english.body
    held = one(f"reservation-{ann.pk}-held")
    assert not held.subject.isascii()
