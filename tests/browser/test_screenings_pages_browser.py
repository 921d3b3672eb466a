"""The screenings' reader pages in Chromium: the list, a screening and a ticket pass
axe-core and fit a phone and a desktop; a reader reserves with JavaScript off (and on),
is told to check the email, confirms from the link with the one button, and gets the
ticket with its QR code once the screening is confirmed. Screenshots go to the test's
temporary folder, or to CROSSING_SCREENSHOTS when set:

    CROSSING_SCREENSHOTS=/tmp/scr-shots .venv/bin/pytest tests/browser/test_screenings_pages_browser.py
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from screenings.factories import on_sale

from crossing.web.screenings import links, services
from crossing.web.screenings.models import Reservation, ReservationState, Screening

from .conftest import ContextFactory, assert_accessible, assert_fits


def _folder(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("CROSSING_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _screenings() -> tuple[Screening, Screening]:
    """One on sale in Toronto (on the map), one confirmed in Seoul (listed by country)."""
    toronto = on_sale(capacity=120, threshold=60, price_minor=1200, town="Toronto", country="CA")
    Screening.objects.filter(pk=toronto.pk).update(
        latitude=Decimal("43.65"), longitude=Decimal("-79.38")
    )
    for number in range(23):
        made = services.reserve(
            screening_id=toronto.pk, name=f"R{number}", email=f"r{number}@example.org", quantity=1
        )
        services.confirm_reservation(made.reservation)
    seoul = on_sale(capacity=40, threshold=2, town="Seoul", country="KR")
    for email in ("a@example.org", "b@example.org"):
        made = services.reserve(screening_id=seoul.pk, name="Min", email=email, quantity=1)
        services.confirm_reservation(made.reservation)
    toronto.refresh_from_db()
    seoul.refresh_from_db()
    return toronto, seoul


@pytest.mark.parametrize("width", [390, 1280])
def test_the_pages_fit_and_pass_axe(
    width: int, site: str, new_context: ContextFactory, tmp_path: Path
) -> None:
    folder = _folder(tmp_path)
    toronto, seoul = _screenings()
    ticket = Reservation.objects.filter(screening=seoul).first()
    assert ticket is not None
    page = new_context(viewport={"width": width, "height": 900}).new_page()
    shots = {
        "list": "/screenings/",
        "screening": toronto.path,
        "confirmed": seoul.path,
        "ticket": f"/screenings/tickets/{links.ticket_token(ticket)}/",
    }
    for name, path in shots.items():
        page.goto(f"{site}{path}")
        assert_fits(page, width)
        assert_accessible(page)
        page.screenshot(path=str(folder / f"screenings-{name}-{width}.png"), full_page=True)
    # The form with mistakes the browser's own checks let through (novalidate).
    page.goto(f"{site}{toronto.path}")
    page.fill("#id_name", "Kim Min-ji")
    page.fill("#id_email", "minji@reader")
    page.fill("#id_quantity", "40")
    page.click(".screening-form button[type=submit]")
    expect(page.locator(".field-error")).to_have_count(2)
    expect(page.locator("#id_name")).to_have_value("Kim Min-ji")
    expect(page.locator("#id_email")).to_have_value("minji@reader")
    page.wait_for_load_state("load")  # measured before its stylesheet, a page overflows
    assert_fits(page, width)
    assert_accessible(page)
    page.locator("#reserve").screenshot(path=str(folder / f"screenings-errors-{width}.png"))


@pytest.mark.parametrize("javascript", [False, True])
def test_a_reader_reserves_confirms_and_gets_a_ticket(
    javascript: bool, site: str, new_context: ContextFactory
) -> None:
    screening = on_sale(capacity=10, threshold=2, town="Toronto", country="CA")
    context = new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.goto(f"{site}/screenings/")
    page.get_by_role("link", name="The Defector", exact=False).first.click()
    page.wait_for_load_state()
    assert page.url.endswith(screening.path)
    page.fill("#id_name", "Ana Lee")
    page.fill("#id_email", "ana@example.org")
    page.fill("#id_quantity", "2")
    page.click(".screening-form button[type=submit]")
    expect(page.locator("h1")).to_have_text("Check your email")
    assert "/sent/" in page.url
    reservation = Reservation.objects.get(screening=screening)
    assert reservation.state == ReservationState.HELD

    # The link of the email: a page with one button; the screening tips on this one.
    page.goto(site + urlsplit(links.reservation_confirm_url(reservation)).path)
    reservation.refresh_from_db()
    assert reservation.state == ReservationState.HELD
    page.get_by_role("button", name="Confirm my reservation").click()
    expect(page.locator("#ticket-state")).to_contain_text("show this page")
    expect(page.locator("svg.ticket-qr")).to_be_visible()
    expect(page.locator(".ticket-text-code")).to_have_text(reservation.code)
    assert not context.cookies()

    # Cancelled from the ticket page, by its button.
    page.get_by_role("button", name="Yes, cancel my reservation").click()
    expect(page.locator("#ticket-state")).to_contain_text("You cancelled this reservation")
    reservation.refresh_from_db()
    assert reservation.state == ReservationState.CANCELLED
    assert not context.cookies()
