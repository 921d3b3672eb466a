"""What the organiser and staff are told, from the request to the screening confirmed or
called off: to whom, about what, with which links, each once."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from screenings.factories import approved, on_sale, requested

from crossing.web.screenings import links, notifications, services
from crossing.web.screenings.models import Screening

from .helpers import follow, links_in, one, sent, work_all

pytestmark = pytest.mark.django_db


def test_the_organiser_is_asked_to_confirm_their_address_once() -> None:
    screening = requested()
    notifications.organiser_confirm_address(screening)  # called twice: sent once
    work_all()
    email = one(f"screening-{screening.pk}-confirm-address")
    assert email.to == ["mina@example.org"]
    assert email.subject == "Confirm your screening request"
    # A timestamped link: the one in the email, on a line of its own.
    [url] = [line for line in email.body.splitlines() if "/organiser/confirm/" in line]
    assert url == links_in(url)[0]
    token = follow(url, "screenings-organiser-confirm")["token"]
    assert links.screening_from_organiser_confirm(token) == screening.pk


@override_settings(CROSSING_MODERATOR_EMAILS=["team@example.org", "lead@example.org"])
def test_staff_are_told_of_a_confirmed_request_at_the_moderators_addresses() -> None:
    screening = requested(price_minor=900)
    assert services.confirm_organiser_address(screening)
    assert not services.confirm_organiser_address(screening)
    work_all()
    email = one(f"screening-{screening.pk}-staff-request")
    assert email.to == ["team@example.org", "lead@example.org"]
    assert email.subject == "A screening request to review: Riverside Hall, Toronto"
    # Staff see who asked (the organiser's address) and the terms asked for.
    assert "Mina Park <mina@example.org>" in email.body
    assert "CA$9.00" in email.body and "tickets needed: 60" in email.body
    assert any(line.startswith("http://") and "/admin/" in line for line in email.body.split())


@override_settings(CROSSING_MODERATOR_EMAILS=[])
def test_without_moderator_addresses_staff_accounts_are_told() -> None:
    users = get_user_model().objects
    users.create_user("alice", "alice@example.org", "x", is_staff=True)
    users.create_user("reader", "reader@example.org", "x")
    screening = requested()
    services.confirm_organiser_address(screening)
    work_all()
    assert one(f"screening-{screening.pk}-staff-request").to == ["alice@example.org"]


def test_approval_gives_the_terms_and_the_organisers_own_link() -> None:
    screening = approved()
    work_all()
    email = one(f"screening-{screening.pk}-approved")
    assert email.to == ["mina@example.org"]
    assert "a flat fee of CA$250.00" in email.body
    url = links.organiser_url(screening)
    assert url in email.body.splitlines()
    token = follow(url, "screenings-manage")["token"]
    assert links.screening_from_organiser(token) == screening.pk


def test_a_rejection_gives_staffs_reason() -> None:
    screening = requested()
    services.confirm_organiser_address(screening)
    assert services.reject(screening, by="staff:alice", reason="The licence is not available.")
    work_all()
    email = one(f"screening-{screening.pk}-rejected")
    assert email.to == ["mina@example.org"]
    assert "The licence is not available." in email.body


@override_settings(CROSSING_MODERATOR_EMAILS=["team@example.org"])
def test_each_proposed_date_and_each_acceptance_is_told_once() -> None:
    screening = requested(days_ahead=30)
    services.confirm_organiser_address(screening)
    first = timezone.now() + datetime.timedelta(days=40)
    assert services.propose_date(screening, by="staff:alice", starts=first, note="Sunday?")
    screening.refresh_from_db()
    notifications.organiser_proposal(screening)  # twice: once
    assert services.accept_proposal(screening)
    second = timezone.now() + datetime.timedelta(days=50)
    screening.refresh_from_db()
    assert services.propose_date(screening, by="staff:alice", starts=second, note="")
    work_all()
    proposals = [e for e in mail.outbox if e.subject == "Another date for your screening"]
    assert len(proposals) == 2
    assert "Sunday?" in proposals[0].body
    local = first.astimezone(screening.zone)
    assert f"{local:%B} {local.day}, {local.year}" in proposals[0].body
    assert links.organiser_url(screening) in proposals[0].body.splitlines()
    accepted = [e for e in mail.outbox if e.subject.startswith("The organiser accepted")]
    assert [e.to for e in accepted] == [["team@example.org"]]


def test_on_sale_then_confirmed_the_organiser_gets_the_public_page_and_the_door_list() -> None:
    screening = on_sale(capacity=5, threshold=1)
    made = services.reserve(
        screening_id=screening.pk, name="Ann", email="ann@example.org", quantity=1
    )
    services.confirm_reservation(made.reservation)
    work_all()
    opened = one(f"screening-{screening.pk}-on-sale")
    assert links.screening_url(screening) in opened.body.splitlines()
    assert links.organiser_url(screening) in opened.body.splitlines()
    assert "It happens if 1 ticket is reserved by" in opened.body
    confirmed = one(f"screening-{screening.pk}-confirmed")
    assert confirmed.to == ["mina@example.org"]
    assert confirmed.subject == "Your screening will happen: 1 ticket reserved"
    door = notifications.door_url(screening)
    assert door in confirmed.body.splitlines()
    assert door == links.organiser_url(screening) + "door/"
    # The organiser is never told a reader's address (the door list is behind their link).
    assert all(
        "ann@example.org" not in e.body for e in mail.outbox if e.to != [made.reservation.email]
    )


def test_called_off_by_staff_the_organiser_is_told_the_reason() -> None:
    screening = on_sale()
    assert services.call_off(screening, by="staff:alice", reason="The hall flooded.")
    work_all()
    email = one(f"screening-{screening.pk}-called-off")
    assert "The reason: The hall flooded." in email.body
    assert "Nobody is charged" in email.body
    assert len(sent(f"screening-{screening.pk}-called-off")) == 1
    assert Screening.objects.get(pk=screening.pk).state == "called_off"


def test_the_organiser_is_written_to_in_the_language_they_asked_in() -> None:
    """Staff approve in the admin, in English; the organiser, who asked on the Korean
    site, reads the approval in Korean; staff's own email stays in the site's language."""
    from django.utils import translation
    from screenings.factories import requested

    from crossing.web.screenings import services
    from crossing.web.screenings.models import Screening

    from .helpers import one, work_all

    screening = requested()
    Screening.objects.filter(pk=screening.pk).update(language="ko")
    screening.refresh_from_db()
    services.confirm_organiser_address(screening)
    with translation.override("en"):
        assert services.approve(screening, by="staff:alice", fee_flat_minor=None)
    work_all()
    email = one(f"screening-{screening.pk}-approved")
    assert not email.subject.isascii()
    assert "/ko/screenings/" in email.body
