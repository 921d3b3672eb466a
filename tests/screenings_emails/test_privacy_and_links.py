"""Whatever readers reserve and whatever becomes of the screening, a reader's email address
is only ever in the emails sent to that reader; and every link in every email opens."""

from __future__ import annotations

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.test import Client, override_settings
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from screenings.factories import on_sale

from crossing.web.comments.links import site_url
from crossing.web.screenings import notifications, services
from crossing.web.screenings.models import Payment, Reservation, Screening

from .helpers import due_now, links_in, work_all

pytestmark = pytest.mark.django_db

ADDRESS = st.from_regex(
    r"[a-z][a-z0-9]{0,8}(\+[a-z0-9]{1,4})?@[a-z]{1,8}\.(org|net)", fullmatch=True
)
NAME = st.text(st.characters(categories=["L", "Zs"]), min_size=1, max_size=20).filter(str.strip)
READER = st.tuples(NAME, ADDRESS, st.integers(1, 3), st.sampled_from(["confirm", "hold", "cancel"]))
ENDING = st.sampled_from(["tips", "deadline", "staff", "open"])


def everything_in(email: EmailMessage) -> str:
    """What a recipient can read: subject, body, headers, attachments."""
    parts = [email.subject, email.body, email.from_email, *email.extra_headers.values()]
    for attachment in email.attachments:
        content = attachment[1]
        parts.append(content.decode() if isinstance(content, bytes) else str(content))
    return "\n".join(parts).casefold()


def _live(screening: Screening, readers: list[tuple[str, str, int, str]], ending: str) -> None:
    for name, address, quantity, fate in readers:
        try:
            made = services.reserve(
                screening_id=screening.pk, name=name, email=address, quantity=quantity
            )
        except services.Refused:
            continue  # sold out, or the same address with another number
        if fate in ("confirm", "cancel"):
            services.confirm_reservation(made.reservation)
        if fate == "cancel":
            services.cancel_reservation(made.reservation)
    for reservation in Reservation.objects.filter(screening=screening, state="reserved")[:1]:
        # One reservation's payment story too (as the card payments would tell it).
        Reservation.objects.filter(pk=reservation.pk).update(
            payment=Payment.FAILED, pay_by=timezone.now() + datetime.timedelta(hours=48)
        )
        reservation.refresh_from_db()
        notifications.payment_failed(reservation)
        notifications.refunded(reservation)
    if ending == "deadline":
        Screening.objects.filter(pk=screening.pk).update(
            deadline=timezone.now() - datetime.timedelta(seconds=1)
        )
        services.deadline_passed(screening.pk)
    elif ending == "staff":
        services.call_off(screening, by="staff:alice", reason="The hall flooded.")
    due_now()  # the reminder and the progress report too
    work_all()


@override_settings(CROSSING_MODERATOR_EMAILS=["team@example.org"])
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(readers=st.lists(READER, min_size=1, max_size=5), ending=ENDING, threshold=st.integers(1, 6))
def test_no_email_shows_a_readers_address_to_anyone_else(
    readers: list[tuple[str, str, int, str]], ending: str, threshold: int
) -> None:
    mail.outbox.clear()
    screening = on_sale(capacity=8, threshold=threshold, price_minor=700)
    _live(screening, readers, ending)
    addresses = {address.casefold() for _, address, _, _ in readers}
    assert mail.outbox, "nothing was sent"
    for email in mail.outbox:
        recipients = {to.casefold() for to in email.to + email.cc + email.bcc}
        shown = everything_in(email)
        for address in addresses - recipients:
            assert address not in shown, (email.to, email.subject)


# Pages other parts of the screenings add (their addresses are fixed in contract.md): a link
# to one is checked against its address until the page exists, then opened like the rest.
COMING = {
    "screenings-list": re.compile(r"/screenings/"),
    "screenings-detail": re.compile(r"/screenings/\d+/"),
    "screenings-door": re.compile(r"/screenings/manage/[^/]+/door/"),
    "screenings-pay": re.compile(r"/screenings/payments/pay/[^/]+/"),
}


def _exists(name: str) -> bool:
    try:
        reverse(name, args=[] if name == "screenings-list" else ["1"])
    except NoReverseMatch:
        return False
    return True


def _check_link(client: Client, url: str) -> None:
    assert url.startswith(site_url() + "/"), url
    path = urlsplit(url).path
    try:
        resolve(path)
    except Resolver404:
        coming = [name for name, shape in COMING.items() if shape.fullmatch(path)]
        assert coming and not _exists(coming[0]), url
        return
    assert client.get(path).status_code != 404, url


@override_settings(CROSSING_MODERATOR_EMAILS=["team@example.org"])
def test_every_link_in_every_email_opens() -> None:
    one = on_sale(capacity=4, threshold=2, price_minor=700)
    other = on_sale(capacity=4, threshold=3)
    readers = [("Ann", "ann@example.org", 2, "confirm"), ("Bo", "bo@example.org", 1, "hold")]
    _live(one, readers, "tips")
    _live(other, [*readers, ("Cy", "cy@example.org", 1, "cancel")], "deadline")
    client = Client()
    checked = 0
    for email in mail.outbox:
        for url in links_in(email.body):
            _check_link(client, url)
            checked += 1
    assert checked > 20
