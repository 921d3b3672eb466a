"""Every payload of the corpus (xss_payloads.txt, the comments' own list) in every field of a
screening request, of a reservation, and in staff's reasons and notes, each sent through the
real forms; then every page where they appear, opened in Chromium: the request form and the
reservation form that refused them (the payload typed back), the list, each screening's
page and its JSON-LD, the organiser's manage page and door list, each ticket page, and the
admin's list and change pages (signed in as staff). Nothing fires (no dialog, no marker
called, no markup that would run on a click), the text is shown as typed, and the .ics files
give it back as typed. The Content Security Policy is bypassed, so that what is tested is
the escaping, not the policy that backs it up."""

from __future__ import annotations

import datetime
import json
import re
import secrets
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

import icalendar
import pytest
from browser.conftest import ContextFactory
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Browser, Route
from pytest_django.fixtures import Settings

from crossing.web.page_cache import pages
from crossing.web.screenings import links, services
from crossing.web.screenings.models import Reservation, Screening, State

from .comment_posting import quoted_email
from .payloads import PAYLOADS, Payload, Trap
from .test_xss_comments import armed, routed, staff_cookie, visit

# The request form's fields that take any text: each gets the payload as typed.
TEXT = (
    "organiser_name",
    "organisation",
    "venue_name",
    "venue_address",
    "town",
    "accessibility",
    "extras",
    "note_to_staff",
)
# What the public screening page shows of them.
SHOWN = ("venue_name", "venue_address", "town", "accessibility", "extras")


def plain_request(number: int) -> dict[str, str]:
    starts = timezone.localtime() + datetime.timedelta(days=30 + number % 20)
    return {
        "film": "the-defector",
        "organiser_name": f"Organiser {number}",
        "organiser_email": f"organiser{number}@mail{number}.example",
        "organisation": "",
        "venue_name": f"Venue {number}",
        "venue_address": f"{number} Water Street",
        "town": "Toronto",
        "country": "CA",
        "capacity": "50",
        "accessibility": "",
        "starts": starts.strftime("%Y-%m-%dT19:30"),
        "time_zone": "America/Toronto",
        "duration_minutes": "120",
        "price": "0",
        "currency": "CAD",
        "threshold": "1",
        "deadline": "",
        "extras": "",
        "licence": "public",
        "note_to_staff": "",
    }


@dataclass
class Sent:
    """What one payload's posts came to: the stored rows, the refusals' pages."""

    payload: Payload
    screening: Screening | None = None
    typed: dict[str, str] = field(default_factory=dict)  # the request as finally accepted
    reservation: Reservation | None = None
    reservation_name: str = ""
    refusals: list[bytes] = field(default_factory=list)


def post_form(client: Client, path: str, values: dict[str, str], plain: dict[str, str]) -> Any:
    """Post the payload in every field; on a 400, each field that has an error message
    next to it gets its plain value, and the form is sent again. Returns the last answer and
    the pages of the refusals."""
    refusals = []
    for _ in range(len(values) + 1):
        response = client.post(path, values)
        if response.status_code != 400:
            return response, refusals
        refusals.append(response.content)
        text = response.content.decode()
        refused = [
            name for name in values if _has_error(text, name) and values[name] != plain[name]
        ]
        assert refused, f"{path}: 400 without an error next to a field: {values}"
        for name in refused:
            values[name] = plain[name]
    raise AssertionError(f"{path}: still refused with plain values")


def _has_error(page_html: str, name: str) -> bool:
    """The field's input is marked invalid, or an element whose id names its error."""
    own = re.search(rf'<(?:input|textarea|select)\b[^>]*\bname="{name}"[^>]*>', page_html)
    if own and 'aria-invalid="true"' in own.group(0):
        return True
    return bool(re.search(rf'id="(?:error-|id_)?{name}[-_]error|id="error-{name}"', page_html))


def request(client: Client, payload: Payload) -> Sent:
    n = payload.number
    plain = plain_request(n)
    values = dict.fromkeys(plain, payload.text)
    values["organiser_email"] = quoted_email(payload.text, n)
    values["key"] = plain["key"] = secrets.token_urlsafe(24)
    response, refusals = post_form(client, "/screenings/request/", values, plain)
    assert response.status_code == 303, (payload, response.status_code)
    screening = Screening.objects.get(key=values["key"])
    return Sent(payload, screening, values, refusals=refusals)


def reserve(client: Client, sent: Sent) -> None:
    """A reader reserves with the payload in every field, then follows the emailed link."""
    assert sent.screening is not None
    n = sent.payload.number
    plain = {"name": f"Reader {n}", "email": f"reader{n}@mail{n}.example", "quantity": "1"}
    values = {"name": sent.payload.text, "email": quoted_email(sent.payload.text, n)}
    values["quantity"] = sent.payload.text
    path = f"/screenings/{sent.screening.pk}/reserve/"
    response, refusals = post_form(client, path, values, plain)
    assert response.status_code == 303, (sent.payload, response.status_code)
    sent.refusals += refusals
    sent.reservation = Reservation.objects.get(screening=sent.screening)
    sent.reservation_name = values["name"]
    confirm = urlsplit(links.reservation_confirm_url(sent.reservation)).path
    assert client.post(confirm).status_code == 303


def decide(staff: Client, screening: Screening, decision: str, **values: str) -> None:
    """A decision taken on its page in the admin, as staff take it."""
    path = f"/admin/screenings/screening/{screening.pk}/decide/{decision}/"
    response = staff.post(path, values)
    assert response.status_code == 302, (decision, response.status_code, values)


def staff_decisions(sent: Sent, staff: Client) -> None:
    """Staff's words around each request, typed in the admin: a third are rejected with the
    payload as the reason, after another date was proposed with it as the note; the rest are
    approved (and put on sale by their organisers), and of those half are later called off
    with it as the reason."""
    assert sent.screening is not None
    screening, text = sent.screening, sent.payload.text
    services.confirm_organiser_address(screening)
    if sent.payload.number % 3 == 0:
        later = timezone.localtime() + datetime.timedelta(days=40)
        decide(staff, screening, "propose", starts=later.strftime("%Y-%m-%dT19:30"), note=text)
        decide(staff, screening, "reject", reason=text)
        return
    decide(staff, screening, "approve", fee_flat="100", fee_share="")
    assert services.open_sales(screening)


def strings(data: Any) -> list[str]:
    """Every string in parsed JSON."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        data = list(data.values())
    if isinstance(data, list):
        return [text for item in data for text in strings(item)]
    return []


def normal(text: str) -> str:
    return " ".join(text.replace("\0", "").split())


def shown_literally(main: str, values: list[str]) -> list[str]:
    """The values the page's main text (visit's read="main") does not show as typed."""
    text = normal(main)
    return [value for value in values if value and normal(value) not in text]


@pytest.fixture
def screening_site(site: str, settings: Settings) -> str:
    settings.CROSSING_SITE_URL = site
    settings.CROSSING_SCREENINGS_PAYMENTS = "venue"
    pages.clear()
    return site


@pytest.fixture
def staff_user(transactional_db: None) -> Any:
    return get_user_model().objects.create_superuser(
        username="programmer", email="programmer@crossing.example", password="a long phrase"
    )


def test_screening_payloads_fire_nowhere(
    screening_site: str, staff_user: Any, new_context: ContextFactory
) -> None:
    site = screening_site
    client = Client()
    sent = [request(client, payload) for payload in PAYLOADS]
    stored = dict.fromkeys(TEXT, 0)
    for one in sent:
        assert one.screening is not None
        for name in TEXT:
            stored[name] += getattr(one.screening, name) == one.payload.text.strip()
    assert min(stored.values()) >= 100, stored

    staff = Client()
    staff.force_login(staff_user)
    for one in sent:
        staff_decisions(one, staff)
    selling = [one for one in sent if one.payload.number % 3]
    for one in selling:
        reserve(client, one)
    reserved = sum(one.reservation_name == one.payload.text for one in selling)
    assert reserved >= 100 or reserved == len(selling), reserved
    for one in selling:
        assert one.screening is not None
        if one.payload.number % 3 == 2:
            decide(staff, one.screening, "call_off", reason=one.payload.text)
    pages.clear()

    context, trap, page = armed(new_context)

    # The refused forms, served at an address of the site as their own pages would be.
    refusals = [content for one in sent for content in one.refusals]
    assert len(refusals) >= len(PAYLOADS) + len(selling), "each form refused its payloads once"

    def answer(route: Route) -> None:
        number = int(route.request.url.rstrip("/").rsplit("/", 1)[1])
        route.fulfill(status=400, content_type="text/html; charset=utf-8", body=refusals[number])

    refused_page = routed(new_context, trap, f"{site}/refused/**", answer)
    for number in range(len(refusals)):
        visit(refused_page, f"{site}/refused/{number}/", trap, status=400)

    visit(page, f"{site}/screenings/", trap)
    for one in sent[:20]:
        town = quote(one.payload.text[:100], safe="")
        visit(page, f"{site}/screenings/?country={town}&town={town}", trap)

    missing: list[str] = []
    for one in sent:
        screening = one.screening
        assert screening is not None
        screening.refresh_from_db()
        manage = urlsplit(links.organiser_url(screening)).path
        said = {State.REJECTED: screening.rejection_reason, State.CALLED_OFF: one.payload.text}
        seen = visit(page, f"{site}{manage}", trap, read="main" if screening.state in said else "")
        if screening.state in said:
            # Staff's reason, as typed, for the organiser.
            missing += [
                f"manage {screening.pk}: {v!r}"
                for v in shown_literally(seen.shown, [said[screening.state]])
            ]
        if screening.state == State.REJECTED:
            continue
        seen = visit(page, f"{site}{screening.path}", trap, read="main")
        text = seen.response.text()
        missing += [
            f"page {screening.pk}: {v!r}"
            for v in shown_literally(seen.shown, [getattr(screening, name) for name in SHOWN])
        ]
        for block in re.findall(
            r'<script type="application/ld\+json"[^>]*>(.*?)</script>', text, re.DOTALL
        ):
            data = json.loads(block)
            assert any(screening.venue_name in text for text in strings(data)), data
        visit(page, f"{site}{manage}door/", trap)
        if one.reservation is not None:
            ticket = urlsplit(links.ticket_url(one.reservation)).path
            seen = visit(page, f"{site}{ticket}", trap, read="main")
            missing += [
                f"ticket {one.reservation.pk}: {v!r}"
                for v in shown_literally(seen.shown, [one.reservation.name])
            ]
    trap.check()
    assert not missing, "\n".join(missing[:20])

    # The calendars give the text back as typed.
    feed = icalendar.Calendar.from_ical(client.get("/screenings/calendar.ics").content)
    locations = [str(event.get("LOCATION", "")) for event in feed.walk("VEVENT")]
    for one in sent:
        assert one.screening is not None
        if one.screening.state == State.CONFIRMED or one.screening.state == State.SOLD_OUT:
            assert any(one.screening.venue_name in where for where in locations)
            calendar = client.get(f"/screenings/{one.screening.pk}.ics")
            assert calendar.status_code == 200
            event = icalendar.Calendar.from_ical(calendar.content).walk("VEVENT")[0]
            assert one.screening.venue_name in str(event.get("LOCATION", ""))

    # The admin, signed in as staff: the list, and every screening's page with its history
    # and reservations.
    context.add_cookies([staff_cookie(staff_user, site)])  # type: ignore[list-item]
    listing = f"{site}/admin/screenings/screening/"
    for number in range(len(PAYLOADS) // 100 + 1):
        visit(page, f"{listing}?p={number + 1}", trap)
    for one in sent:
        assert one.screening is not None
        visit(page, f"{listing}{one.screening.pk}/change/", trap)
    trap.check()


def test_the_trap_sees_screenings_shown_unescaped(
    screening_site: str, browser: Browser, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The control: were the templates to put the fields in the page as they came, the same
    visits would catch the payloads (so that finding none above means something)."""
    import django.template.base
    from screenings import factories  # tests/screenings: screenings in each state

    monkeypatch.setattr(django.template.base, "conditional_escape", str)
    sample = PAYLOADS[:40]
    made = []
    for payload in sample:
        screening = factories.on_sale(capacity=10, threshold=5)
        Screening.objects.filter(pk=screening.pk).update(venue_name=payload.text[:150])
        made.append(screening)
    pages.clear()
    # Its own context, outside the watch: here the page's errors are the point.
    context = browser.new_context(bypass_csp=True)
    trap = Trap()
    trap.arm(context)
    page = context.new_page()
    for screening in made:
        page.goto(f"{screening_site}{screening.path}")
        page.wait_for_timeout(20)
        trap.inspect(page)
    context.close()
    fired = " ".join(trap.fired)
    numbers = {int(a or b) for a, b in re.findall(r"XSS-(\d+)|xss-marker/(\d+)", fired)}
    assert len(numbers) >= len(sample) // 2, trap.fired
