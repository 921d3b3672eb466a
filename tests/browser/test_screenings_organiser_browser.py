"""The organiser's pages in Chromium, at a phone's width and a desktop's, with JavaScript on
and off: the request form filled in, sent with a time the clocks skip (the message next to
the field, everything typed kept), then sent right; the manage page of a screening on sale
and its door list, on screen and as printed. axe-core finds nothing on any of them, nothing
scrolls sideways, and no cookie is set. A hundred XSS payloads in each text field (of the
form, sent back with its messages; and stored, on the manage page, the door list and the
admin's pages) run nothing (tests/security/payloads.py). Screenshots go to CROSSING_SCREENSHOTS (default: the
test's temporary folder)."""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.fixtures import Settings
from screenings.factories import on_sale

from crossing.web.screenings import links, services
from crossing.web.screenings.models import Screening, State

from .conftest import ContextFactory, arrive, assert_accessible, assert_fits

WIDTHS = (390, 1280)


@pytest.fixture
def organiser_site(site: str, settings: Settings) -> str:
    settings.CROSSING_SITE_URL = site
    return site


def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("CROSSING_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def open_at(new_context: ContextFactory, width: int, *, javascript: bool = True) -> Page:
    context = new_context(viewport={"width": width, "height": 900}, java_script_enabled=javascript)
    return context.new_page()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_request_form(
    organiser_site: str, new_context: ContextFactory, tmp_path: Path, javascript: bool
) -> None:
    for width in WIDTHS:
        page = open_at(new_context, width, javascript=javascript)
        page.goto(f"{organiser_site}/screenings/request/?film=the-defector")
        assert_fits(page, width)
        if javascript:
            assert_accessible(page)
        page.screenshot(path=shots(tmp_path) / f"request-{width}.png", full_page=True)
        assert not page.context.cookies()
    page.get_by_label("Your name").fill("Mina Park")
    page.get_by_label("Your email address").fill("mina@example.org")
    page.get_by_label("Venue", exact=True).fill("Riverside Hall")
    page.get_by_label("Street address").fill("12 Water Street")
    page.get_by_label("Town or city").fill("Toronto")
    page.get_by_label("Country").select_option("CA")
    page.get_by_label("Seats").fill("120")
    page.get_by_label("Date and time", exact=True).fill("2030-03-10T02:30")
    page.get_by_label("Time zone of the venue").select_option("America/Toronto")
    page.get_by_label("Ticket price").fill("8.50")
    page.get_by_label("Currency").select_option("CAD")
    page.get_by_label("Tickets needed").fill("60")
    page.get_by_label("Extras (optional)").fill("Q&A with the director")
    page.get_by_role("button", name="Send the request").click()
    starts = page.get_by_label("Date and time", exact=True)
    expect(starts).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_starts_error")).to_contain_text("02:30 does not exist there")
    expect(page.get_by_label("Venue", exact=True)).to_have_value("Riverside Hall")
    expect(page.get_by_label("Extras (optional)")).to_have_value("Q&A with the director")
    expect(page.get_by_label("Country")).to_have_value("CA")
    expect(page.locator(".form-error-summary")).to_be_visible()
    assert_fits(page, WIDTHS[-1])
    if javascript:
        assert_accessible(page)
    page.screenshot(path=shots(tmp_path) / "request-error.png", full_page=True)
    starts.fill("2030-03-10T19:30")
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    screening = Screening.objects.get()
    assert screening.local_starts.strftime("%Y-%m-%d %H:%M") == "2030-03-10 19:30"
    assert not page.context.cookies()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_manage_page_and_the_door_list(
    organiser_site: str, new_context: ContextFactory, tmp_path: Path, javascript: bool
) -> None:
    screening = on_sale(capacity=40, threshold=10, price_minor=850)
    for number, name in enumerate(["Zoë Han", "Adam Kim", "Bea Lee", "Chul Park"], start=1):
        made = services.reserve(
            screening_id=screening.pk, name=name, email=f"r{number}@example.org", quantity=number
        )
        services.confirm_reservation(made.reservation)
    manage = f"{organiser_site}/screenings/manage/{links.organiser_token(screening)}/"
    for width in WIDTHS:
        page = open_at(new_context, width, javascript=javascript)
        page.goto(manage)
        expect(page.get_by_role("heading", name="State: confirmed")).to_be_visible()
        assert_fits(page, width)
        if javascript:
            assert_accessible(page)
        page.screenshot(path=shots(tmp_path) / f"manage-{width}.png", full_page=True)
        page.get_by_role("link", name="The door list").click()
        arrive(page, re.compile(r"/door/$"))
        expect(page.get_by_role("heading", name="Door list: The Defector")).to_be_visible()
        assert_fits(page, width)
        if javascript:
            assert_accessible(page)
        page.screenshot(path=shots(tmp_path) / f"door-{width}.png", full_page=True)
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    page.screenshot(path=shots(tmp_path) / "door-print.png", full_page=True)
    page.emulate_media(media="screen")
    # Calling off from the page, with the reason typed in.
    page.goto(manage)
    page.get_by_role("button", name="Call it off").click()
    expect(page.locator("#id_reason_error")).to_contain_text("Say why")
    page.get_by_label("Why is it called off?").fill("The hall flooded.")
    page.get_by_role("button", name="Call it off").click()
    expect(page.get_by_role("heading", name="State: called off")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("nobody pays")
    screening.refresh_from_db()
    assert screening.state == State.CALLED_OFF
    assert not page.context.cookies()


# --- Script typed into the organiser's forms never runs ----------------------------------

TEXT_FIELDS = "input:not([type=hidden]):not([type=radio]):not([type=checkbox]), textarea"
FILL = """([selector, values]) => {
  [...document.querySelectorAll(selector)].forEach((el, i) => { el.value = values[i % values.length] });
  document.querySelector('.organiser-form').submit();
}"""
ROUNDS = 100  # each field gets this many payloads, a different one in each round
STRIDE = 37  # field i of round k holds payload k + 37 i: every field sees other payloads


def rotated(payloads: list[str], round_: int, fields: int) -> list[str]:
    return [payloads[(round_ + STRIDE * i) % len(payloads)] for i in range(fields)]


def _stored_with(texts: list[str], number: int) -> Screening:
    """A screening on sale whose texts hold the payloads, with a reservation named by one."""
    screening, _ = services.request_screening(
        key=f"xss-{number:04}-{'x' * 16}",
        film="the-defector",
        organiser_name=texts[0][:100],
        organiser_email=f"organiser{number}@organiser.example",
        organisation=texts[1][:150],
        venue=services.Venue(
            name=texts[2][:150],
            address=texts[3][:300],
            town=texts[4][:100],
            country="CA",
            capacity=50,
            accessibility=texts[5],
        ),
        starts=timezone.now() + datetime.timedelta(days=30),
        time_zone="America/Toronto",
        duration_minutes=120,
        deadline=None,
        price_minor=500,
        currency="CAD",
        threshold=10,
        extras=texts[6],
        licence="public",
        note_to_staff=texts[7],
    )
    services.confirm_organiser_address(screening)
    services.approve(screening, by=services.staff("alice"), fee_flat_minor=1000)
    services.open_sales(screening)
    made = services.reserve(
        screening_id=screening.pk,
        name=texts[8][:100],
        email=f"reader{number}@reader.example",
        quantity=2,
    )
    services.confirm_reservation(made.reservation)
    return screening


def test_no_payload_runs_in_the_organiser_pages_or_the_admin(
    organiser_site: str, new_context: ContextFactory, transactional_db: None
) -> None:
    from django.contrib.auth import get_user_model
    from django.test import Client
    from security.payloads import PAYLOADS, Trap

    assert len(PAYLOADS) >= ROUNDS
    texts = [p.text for p in PAYLOADS]
    context = new_context(bypass_csp=True)  # the escaping is tested, not the policy
    trap = Trap()
    trap.arm(context)
    page = context.new_page()

    # Typed into every text field of the request form, sent back with the messages.
    page.goto(f"{organiser_site}/screenings/request/")
    for round_ in range(ROUNDS):
        with page.expect_navigation():
            page.evaluate(FILL, [TEXT_FIELDS, rotated(texts, round_, 16)])
        trap.inspect(page)
        expect(page.locator(".form-error-summary")).to_be_visible()
    assert Screening.objects.count() == 0

    # Stored, and shown on the organiser's page, the door list and the admin's pages.
    # Stored as the forms would let them through: they refuse NUL (which PostgreSQL cannot
    # store), so it is left out here.
    storable = [text.replace("\0", "") for text in texts]
    screenings = [_stored_with(rotated(storable, k, 9), k) for k in range(ROUNDS)]
    for screening in screenings:
        for address in (
            f"/screenings/manage/{links.organiser_token(screening)}/",
            f"/screenings/manage/{links.organiser_token(screening)}/door/",
        ):
            response = page.goto(organiser_site + address)
            assert response is not None and response.status == 200
            html = response.text()
            assert "@reader.example" not in html and "@organiser.example" not in html
            trap.inspect(page)
    staff = get_user_model().objects.create_superuser(
        username="alice", email="alice@crossing.example", password="a long staff phrase"
    )
    client = Client()
    client.force_login(staff)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": organiser_site}]
    )
    page.goto(f"{organiser_site}/admin/screenings/screening/?all=")
    trap.inspect(page)
    for screening in screenings[:: len(screenings) // 10]:
        page.goto(f"{organiser_site}/admin/screenings/screening/{screening.pk}/change/")
        trap.inspect(page)
    page.goto(f"{organiser_site}/admin/screenings/screening/{screenings[0].pk}/decide/call_off/")
    trap.inspect(page)
    page.wait_for_timeout(200)
    trap.check()
