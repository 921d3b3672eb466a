"""The reminder the day before and the organiser's daily progress: enqueued when sales open
at their time, idempotent, and silent for a screening they no longer apply to."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from screenings.factories import on_sale

from crossing.web.outbox import handlers
from crossing.web.outbox.models import Message
from crossing.web.screenings import notifications, services
from crossing.web.screenings.models import Reservation, Screening

from .helpers import due_now, one, sent, work_all

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def reserve(
    screening: Screening, who: str, quantity: int = 1, *, confirm: bool = True
) -> Reservation:
    made = services.reserve(
        screening_id=screening.pk, name=who.title(), email=f"{who}@example.org", quantity=quantity
    )
    if confirm:
        services.confirm_reservation(made.reservation)
    return made.reservation


def progress_key(screening: Screening, at: datetime.datetime) -> str:
    return f"screening-{screening.pk}-progress-{at.astimezone(screening.zone).date()}"


def test_opening_sales_enqueues_the_reminder_the_day_before_and_tomorrows_progress() -> None:
    before = timezone.now()
    screening = on_sale(capacity=10, threshold=3)
    reminder = Message.objects.get(key=f"screening-{screening.pk}-reminder")
    assert reminder.kind == notifications.REMINDER
    assert reminder.not_before == screening.starts - DAY
    [progress] = Message.objects.filter(kind=notifications.PROGRESS)
    assert before + DAY <= progress.not_before <= timezone.now() + DAY
    assert progress.key == progress_key(screening, progress.not_before)
    # Not due yet: the worker leaves them.
    work_all()
    assert sent(f"screening-{screening.pk}-progress-{progress.not_before.date()}-email") == []
    assert not [e for e in mail.outbox if e.subject.startswith("Reminder")]


def test_the_reminder_goes_once_to_each_reserved_reader_of_a_screening_that_will_happen() -> None:
    screening = on_sale(capacity=10, threshold=3, price_minor=500)
    ann, bob = reserve(screening, "ann", 2), reserve(screening, "bob")
    held = reserve(screening, "cai", confirm=False)
    gone = reserve(screening, "dee")
    services.cancel_reservation(gone)
    key = f"screening-{screening.pk}-reminder"
    due_now(key)
    work_all()
    payload = Message.objects.get(key=key).payload
    handlers.run(notifications.REMINDER, payload)  # run twice, as after a kill -9
    work_all()
    for reservation in (ann, bob):
        email = one(f"reservation-{reservation.pk}-reminder")
        assert email.to == [reservation.email]
        local = screening.local_starts
        assert email.subject.startswith(
            f"Reminder: The Defector: Escape from North Korea, {local:%b} {local.day}, {local.year}"
        )
        assert "You pay CA$" in email.body and "at the venue" in email.body
    for reservation in (held, gone):
        assert sent(f"reservation-{reservation.pk}-reminder") == []


def test_no_reminder_for_a_screening_called_off() -> None:
    screening = on_sale(capacity=10, threshold=3)
    ann = reserve(screening, "ann")
    assert services.call_off(screening, by="staff:alice", reason="The hall flooded.")
    due_now()
    work_all()
    assert sent(f"reservation-{ann.pk}-reminder") == []
    assert not Message.objects.filter(key__contains="reminder-after-deadline").exists()


def test_a_screening_still_on_sale_the_day_before_is_reminded_of_after_its_deadline() -> None:
    starts_in = datetime.timedelta(days=30)
    deadline = timezone.now() + starts_in - datetime.timedelta(hours=12)
    screening = on_sale(capacity=10, threshold=2, deadline=deadline)
    ann = reserve(screening, "ann")
    due_now(f"screening-{screening.pk}-reminder")
    work_all()  # on sale, 1 of 2: too early to remind
    assert sent(f"reservation-{ann.pk}-reminder") == []
    late = Message.objects.get(key=f"screening-{screening.pk}-reminder-after-deadline")
    assert late.not_before == screening.deadline + datetime.timedelta(minutes=1)
    bob = reserve(screening, "bob")  # tips
    due_now(late.key)
    work_all()
    assert one(f"reservation-{ann.pk}-reminder").to == ["ann@example.org"]
    assert one(f"reservation-{bob.pk}-reminder").to == ["bob@example.org"]


def test_the_daily_progress_tells_the_organiser_the_counts_and_what_changed() -> None:
    screening = on_sale(capacity=20, threshold=5)
    reserve(screening, "ann", 2)
    reserve(screening, "bob", confirm=False)
    gone = reserve(screening, "cai")
    services.cancel_reservation(gone)
    [job] = Message.objects.filter(kind=notifications.PROGRESS)
    due_now(job.key)
    work_all()
    handlers.run(notifications.PROGRESS, job.payload)  # twice: one email
    work_all()
    email = one(f"{job.key}-email")
    assert email.to == ["mina@example.org"]
    assert email.subject == "Your screening today: 2 of 5 tickets"
    body = email.body
    assert "Tickets reserved: 2 of the 5 needed." in body
    assert "Awaiting confirmation by email: 1." in body
    assert "tickets confirmed: 3" in body  # ann's 2 and cai's 1 (since cancelled)
    assert "tickets cancelled: 1" in body
    assert "change in tickets reserved: 2" in body
    assert "Still needed: 3 tickets." in body
    assert "Reservations close in 3 weeks" in body
    for address in ("ann@", "bob@", "cai@"):
        assert address not in body  # counts only
    # The next day's job, once.
    following = datetime.datetime.fromisoformat(job.payload["at"]) + DAY
    [next_job] = Message.objects.filter(kind=notifications.PROGRESS, status="pending")
    assert next_job.key == progress_key(screening, following)
    assert next_job.not_before == following
    assert next_job.payload["reserved"] == 2


def test_progress_after_downtime_reports_once_and_schedules_the_next_in_the_future() -> None:
    screening = on_sale(capacity=20, threshold=5)
    [job] = Message.objects.filter(kind=notifications.PROGRESS)
    # As if the worker had been down for four days.
    three_days_ago = timezone.now() - 3 * DAY
    Message.objects.filter(pk=job.pk).update(
        key=progress_key(screening, three_days_ago),
        not_before=three_days_ago,
        payload={**job.payload, "at": three_days_ago.isoformat()},
    )
    work_all()
    emails = [e for e in mail.outbox if e.subject.startswith("Your screening today")]
    assert len(emails) == 1
    [next_job] = Message.objects.filter(kind=notifications.PROGRESS, status="pending")
    assert timezone.now() < next_job.not_before <= timezone.now() + DAY


def test_progress_stops_for_a_screening_called_off_and_at_the_deadline() -> None:
    screening = on_sale(capacity=20, threshold=5)
    [job] = Message.objects.filter(kind=notifications.PROGRESS)
    assert services.call_off(screening, by="staff:alice", reason="The hall flooded.")
    due_now(job.key)
    work_all()
    assert sent(f"{job.key}-email") == []
    assert Message.objects.filter(kind=notifications.PROGRESS).count() == 1
    # A deadline less than a day after a report: no report after it.
    other = on_sale(capacity=20, threshold=5, deadline=timezone.now() + DAY + DAY / 2)
    [first] = Message.objects.filter(kind=notifications.PROGRESS, payload__screening=other.pk)
    due_now(first.key)
    work_all()
    assert len(sent(f"{first.key}-email")) == 1
    assert (
        Message.objects.filter(kind=notifications.PROGRESS, payload__screening=other.pk).count()
        == 1
    )
