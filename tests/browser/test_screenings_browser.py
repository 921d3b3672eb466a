"""A screening's whole life in Chromium, with JavaScript on and off, its emails captured.

1. An organiser requests a screening through the form and confirms their address from the
   email; staff approve it in the admin; the organiser opens sales from the manage link;
   readers reserve through the screening page and confirm from their emails until it tips
   (confirmed) and then sells out; a late reader is refused; the tickets pages show QR
   codes, the door list lists every ticket.
2. Another is called off: its deadline passes below the threshold, the outbox worker's
   deadline job runs, the readers' and the organiser's pages and emails say it is called off
   and nobody is charged, and a reservation sent after it is refused with the message.

The worker runs in the test (outbox.worker.work_once) and the emails are read from Django's
mail.outbox; every link followed comes from an email or a page. No request leaves the site
(the conftest's watch), no console error, axe-core finds nothing on each page visited.
Runs on SQLite, and on PostgreSQL when DATABASE_URL names it.

Screenshots at 390 px and 1280 px go to the test's temporary folder; to refresh
docs/screenshots/screenings-*.png with them:

    CROSSING_SCREENSHOTS=docs/screenshots .venv/bin/pytest tests/browser/test_screenings_browser.py
"""

from __future__ import annotations

import datetime
import os
import re
import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import icalendar
import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, Response, expect
from pytest_django.fixtures import Settings

from crossing.web.outbox import worker
from crossing.web.outbox.models import Message
from crossing.web.page_cache import pages
from crossing.web.screenings.models import (
    Payment,
    Reservation,
    ReservationState,
    Screening,
    State,
)

from .conftest import (
    ROOT,
    ContextFactory,
    Watch,
    assert_accessible,
    assert_fits,
    axe_violations,
    describe_violations,
)

STAFF = ("programmer", "a long passphrase for the staff")
FAST_HASHER = "django.contrib.auth.hashers.MD5PasswordHasher"
POLICY = worker.Policy(max_tries=3, retry_seconds=60, lease_seconds=120, keep_days=30)
_LINK = re.compile(r"https?://\S+")
# Chromium logs a document answered with an error status (the refusals, 400 and 409) as a
# console error: that one is the answer the test expects, not a fault of the page.
_STATUS_LINE = re.compile(r"Failed to load resource: the server responded with a status of 4")


# Django's own admin chrome, which this project does not write: its breadcrumbs' links are
# told apart by colour alone, and its tabular inlines head their first and last columns
# (the row's name, the delete box) with empty cells. Everything else on an admin page is
# checked like any other page.
_DJANGO_ADMIN = {
    "link-in-text-block": r"\.breadcrumbs",
    "empty-table-header": r'<th( class="original")?></th>',
}

# Django's admin scripts set a style attribute, which the site's policy (no inline style)
# blocks, harmlessly: the admin is Django's, seen only by staff.
_ADMIN_INLINE_STYLE = re.compile(r"Applying inline style violates .*style-src")


def assert_admin_accessible(page: Page) -> None:
    found = []
    for violation in axe_violations(page):
        chrome = _DJANGO_ADMIN.get(violation["id"])
        nodes = [
            node
            for node in violation["nodes"]
            if not (chrome and re.search(chrome, " ".join(map(str, node["target"])) + node["html"]))
        ]
        if nodes:
            found.append({**violation, "nodes": nodes})
    assert not found, f"axe-core on {page.url}:\n{describe_violations(found)}"


# -- the site, the worker, the emails --


@pytest.fixture
def screening_site(site: str, settings: Settings) -> str:
    settings.CROSSING_SITE_URL = site  # the emails' links lead to this live site
    settings.CROSSING_SCREENINGS_PAYMENTS = "venue"
    settings.CROSSING_MODERATOR_EMAILS = ["staff@crossing.example"]
    pages.clear()
    return site


@pytest.fixture
def programmer(transactional_db: None, settings: Settings) -> Any:
    # Staff sign in with a password like any other; how it is hashed has tests of its own
    # (Django's), and the default hasher's hundreds of thousands of rounds cost seconds.
    settings.PASSWORD_HASHERS = [FAST_HASHER]
    username, password = STAFF
    return get_user_model().objects.create_superuser(
        username=username, email="programmer@crossing.example", password=password
    )


def run_worker() -> None:
    """Everything due: emails, the tickets job, the deadline's job once it is due."""
    while worker.work_once(POLICY):
        pass


def mails_to(address: str) -> list[Any]:
    return [m for m in mail.outbox if address in m.to]


def text_of(message: Any) -> str:
    """The plain text of an email, and its HTML alternative if it has one."""
    parts = [message.body]
    parts += [content for content, kind in getattr(message, "alternatives", []) if "html" in kind]
    return "\n".join(parts)


def link_in(message: Any, part: str) -> str:
    found = [link for link in _LINK.findall(message.body) if part in link]
    assert found, f"no {part} link in {message.subject!r}:\n{message.body}"
    return found[0].rstrip(".,)>")


def one_mail(address: str, about: str) -> Any:
    """The one email to `address` whose subject matches `about` (a regex)."""
    pattern = re.compile(about, re.IGNORECASE)
    found = [m for m in mails_to(address) if pattern.search(m.subject)]
    subjects = [(m.to, m.subject) for m in mail.outbox]
    assert len(found) == 1, f"{len(found)} emails to {address} about {about!r}: {subjects}"
    return found[0]


def assert_calendar_attached(message: Any, screening: Screening) -> None:
    """The email carries the screening as an .ics file, at the screening's instant."""
    files = [item for item in message.attachments if isinstance(item, tuple)]
    calendars = [content for name, content, _ in files if str(name).endswith(".ics")]
    assert len(calendars) == 1, [name for name, *_ in files]
    (event,) = icalendar.Calendar.from_ical(calendars[0]).walk("VEVENT")
    assert event.decoded("DTSTART") == screening.starts


# -- pages as a person sees them --


@dataclass
class Visitor:
    """One person's browser: every page it shows is checked (axe-core when scripts run,
    no console error), and it never gets a cookie unless signed in as staff."""

    context: BrowserContext
    page: Page
    javascript: bool
    watch: Watch
    cookies_allowed: bool = False
    seen: list[str] = field(default_factory=list)  # the paths of the pages checked

    def check(self, *, status: int | None = None) -> None:
        self.page.wait_for_load_state()
        self.seen.append(urlsplit(self.page.url).path)
        if self.javascript and "/admin/" in self.page.url:
            assert_admin_accessible(self.page)
        elif self.javascript:
            assert_accessible(self.page)
        admin = "/admin/" in self.page.url
        errors = [
            line
            for line in self.watch.console
            if line.startswith("error:")
            and not (status and _STATUS_LINE.search(line))
            and not (admin and _ADMIN_INLINE_STYLE.search(line))
        ]
        assert not errors, errors
        self.watch.console.clear()
        if not self.cookies_allowed:
            assert self.context.cookies() == [], f"{self.page.url} set a cookie"

    def open(self, url: str, *, status: int = 200) -> Response:
        response = self.page.goto(url)
        assert response is not None and response.status == status, (url, response)
        self.check(status=status if status >= 400 else None)
        return response

    def click(self, name: str | re.Pattern[str], *, status: int = 200) -> None:
        """Press a button (or follow a link) and wait for the page it leads to."""
        target = self.page.get_by_role("button", name=name)
        if not target.count():
            target = self.page.get_by_role("link", name=name)
        with self.page.expect_navigation() as navigation:
            target.first.click()
        response = navigation.value
        assert response is not None
        # A 303 is followed: the answer is the page it leads to.
        assert response.status == status, (self.page.url, response.status)
        self.check(status=status if status >= 400 else None)

    def says(self, pattern: str) -> None:
        expect(self.page.locator("main")).to_contain_text(re.compile(pattern, re.IGNORECASE))


# Every kind of page a screening's life shows, by its address.
KINDS = {
    "the request form": r"^/screenings/request/$",
    "request sent": r"^/screenings/request/sent/$",
    "the organiser's confirmation": r"^/screenings/organiser/confirm/[^/]+/$",
    "the admin's change page": r"^/admin/screenings/screening/\d+/change/$",
    "the admin's decision": r"^/admin/screenings/screening/\d+/decide/approve/$",
    "the manage page": r"^/screenings/manage/[^/]+/$",
    "the list": r"^/screenings/$",
    "a screening's page": r"^/screenings/\d+/$",
    "check your email": r"^/screenings/reservations/[^/]+/sent/$",
    "the reader's confirmation": r"^/screenings/reservations/confirm/[^/]+/$",
    "a ticket": r"^/screenings/tickets/[^/]+/$",
}


def assert_every_kind_checked(people: list[Visitor], *extra: tuple[str, str]) -> None:
    """Each kind of page was opened, and checked, by someone."""
    seen = [path for person in people for path in person.seen]
    kinds = {**KINDS, **dict(extra)}
    missing = [kind for kind, path in kinds.items() if not any(re.match(path, p) for p in seen)]
    assert not missing, f"never checked: {missing}"


def visitor(
    new_context: ContextFactory, watch: Watch, *, javascript: bool, width: int = 1280
) -> Visitor:
    context = new_context(java_script_enabled=javascript, viewport={"width": width, "height": 900})
    return Visitor(context, context.new_page(), javascript, watch)


# -- the organiser, staff and the readers --

FILM = "the-defector"


@dataclass
class Request:
    organiser_name: str
    organiser_email: str
    venue_name: str
    town: str
    capacity: int
    threshold: int
    days_ahead: int = 30


def request_screening(person: Visitor, site: str, asked: Request) -> Screening:
    """Fill the request form as an organiser would, and send it."""
    page = person.page
    person.open(f"{site}/screenings/request/?film={FILM}")
    starts = timezone.localtime() + datetime.timedelta(days=asked.days_ahead)
    values = {
        "organiser_name": asked.organiser_name,
        "organiser_email": asked.organiser_email,
        "organisation": "Riverside Film Society",
        "venue_name": asked.venue_name,
        "venue_address": "12 Water Street",
        "town": asked.town,
        "capacity": str(asked.capacity),
        "accessibility": "Step-free entrance; hearing loop.",
        "starts": starts.strftime("%Y-%m-%dT19:30"),
        "duration_minutes": "120",
        "price": "0",
        "threshold": str(asked.threshold),
        "extras": "A Q&A with the director after the film.",
    }
    for name, value in values.items():
        page.locator(f"[name={name}]").fill(value)
    page.locator("select[name=film]").select_option(FILM)
    page.locator("select[name=country]").select_option("CA")
    page.locator("select[name=time_zone]").select_option("America/Toronto")
    page.locator("select[name=currency]").select_option("CAD")
    person.click(re.compile("request", re.IGNORECASE))
    expect(page).to_have_url(re.compile(r"/screenings/request/sent/(#.*)?$"))
    return Screening.objects.get(organiser_email=asked.organiser_email, venue_name=asked.venue_name)


def confirm_address(person: Visitor, email: str) -> None:
    run_worker()
    message = one_mail(email, r"confirm")
    person.open(link_in(message, "/screenings/organiser/confirm/"))
    person.click("Confirm my address")
    person.says("confirmed")


def sign_in(staff: Visitor, site: str) -> None:
    staff.page.goto(f"{site}/admin/login/")
    username, password = STAFF
    staff.page.get_by_label("Username").fill(username)
    staff.page.get_by_label("Password").fill(password)
    staff.page.get_by_role("button", name="Log in").click()
    expect(staff.page.locator("#user-tools")).to_be_visible()


def approve_in_admin(staff: Visitor, site: str, screening: Screening) -> None:
    """Staff open the request's change page and approve it with a flat fee."""
    staff.open(f"{site}/admin/screenings/screening/{screening.pk}/change/")
    staff.click("Approve…")
    staff.page.get_by_label(re.compile("^Flat fee")).fill("250")
    staff.click("Approve")
    expect(staff.page.locator("ul.messagelist")).to_contain_text(
        re.compile("approved", re.IGNORECASE)
    )
    screening.refresh_from_db()
    assert screening.state == State.APPROVED
    assert screening.fee_flat_minor == 25000


def open_sales(person: Visitor, screening: Screening) -> str:
    """From the approval email's manage link; returns the manage page's address."""
    run_worker()
    message = one_mail(screening.organiser_email, r"approved")
    manage = link_in(message, "/screenings/manage/")
    person.open(manage)
    person.says("a flat fee of CA\\$250")
    person.page.get_by_label(re.compile("^I accept the rental terms")).check()
    person.click("Open sales")
    person.says("on sale")
    screening.refresh_from_db()
    assert screening.state == State.ON_SALE
    return manage


def reserve(person: Visitor, name: str, email: str, quantity: int, *, status: int = 200) -> None:
    """On the screening's page (already open): fill the form and send it."""
    page = person.page
    form = page.locator("form[action*='/reserve/']")
    form.locator("[name=name]").fill(name)
    form.locator("[name=email]").fill(email)
    form.locator("[name=quantity]").fill(str(quantity))
    with page.expect_navigation() as navigation:
        form.locator("button[type=submit]").click()
    response = navigation.value
    assert response is not None and response.status == status, (page.url, response)
    person.check(status=status if status >= 400 else None)


def reserve_and_confirm(person: Visitor, site: str, screening: Screening, name: str) -> str:
    """A reader finds the screening in the list, reserves a ticket, follows the link in
    the email and confirms; returns their ticket page's address."""
    email = f"{name.split()[0].lower()}@reader.example"
    person.open(f"{site}/screenings/")
    person.page.locator(f"a[href$='/screenings/{screening.pk}/']").first.click()
    person.check()
    reserve(person, name, email, 1)
    expect(person.page).to_have_url(re.compile(r"/screenings/reservations/[^/]+/sent/(#.*)?$"))
    person.says("check your email")
    run_worker()
    held = Reservation.objects.get(screening=screening, email=email)
    message = Message.objects.get(key=f"reservation-{held.pk}-held")
    assert message.status == "sent"
    (sent,) = mails_to(email)  # the one email so far: follow the link in it
    person.open(link_in(sent, "/screenings/reservations/confirm/"))
    person.click("Confirm my reservation")
    expect(person.page).to_have_url(re.compile(r"/screenings/tickets/[^/]+/(#.*)?$"))
    return person.page.url


def assert_ticket_with_qr(person: Visitor, url: str, reservation: Reservation) -> None:
    """The ticket page shows its QR code, large enough for a phone at the door, and the
    code in text beside it."""
    person.open(url)
    qr = person.page.locator("figure.ticket-code svg")
    expect(qr).to_be_visible()
    box = qr.bounding_box()
    assert box and box["width"] >= 100 and box["height"] >= 100, box
    expect(person.page.locator("figure.ticket-code figcaption")).to_contain_text(reservation.code)
    person.says("confirmed")


# -- 1. tipped, then sold out --


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_screening_requested_approved_tipped_and_sold_out(
    javascript: bool,
    screening_site: str,
    programmer: Any,
    new_context: ContextFactory,
    watch: Watch,
) -> None:
    site = screening_site
    organiser = visitor(new_context, watch, javascript=javascript)
    asked = Request("Mina Park", "mina@organiser.example", "Riverside Hall", "Toronto", 3, 2)
    screening = request_screening(organiser, site, asked)
    assert screening.state == State.REQUESTED and screening.email_confirmed is None
    confirm_address(organiser, asked.organiser_email)

    staff = visitor(new_context, watch, javascript=javascript)
    staff.cookies_allowed = True
    sign_in(staff, site)
    approve_in_admin(staff, site, screening)
    manage = open_sales(organiser, screening)

    # A reader who opened the page early will try once it is full.
    late = visitor(new_context, watch, javascript=javascript)
    late.open(f"{site}/screenings/{screening.pk}/")
    late.says("on sale|tickets needed|needed")

    readers = [visitor(new_context, watch, javascript=javascript) for _ in range(3)]
    names = ["Ji-woo Kim", "Sam Okafor", "Lena Fischer"]
    tickets = []
    for number, (reader, name) in enumerate(zip(readers, names, strict=True), start=1):
        tickets.append(reserve_and_confirm(reader, site, screening, name))
        screening.refresh_from_db()
        assert screening.tickets_reserved == number
        expected = {1: State.ON_SALE, 2: State.CONFIRMED, 3: State.SOLD_OUT}[number]
        assert screening.state == expected, (number, screening.state)
        reader.open(f"{site}/screenings/{screening.pk}/")
        reader.says({1: "1 of the 2 tickets", 2: "confirmed", 3: "sold out"}[number])
    tipped = screening.changes.filter(after=State.CONFIRMED, reservation__isnull=True)
    assert tipped.count() == 1, "the threshold tips once"

    # Each reader is told once that it will happen, and their ticket page shows its QR code.
    run_worker()
    for reader, name, ticket in zip(readers, names, tickets, strict=True):
        email = f"{name.split()[0].lower()}@reader.example"
        confirmed = one_mail(email, r"^it will happen")
        assert_calendar_attached(confirmed, screening)
        assert_ticket_with_qr(reader, ticket, Reservation.objects.get(email=email))
    one_mail(asked.organiser_email, r"will happen")

    # The late reader sends the form from the page they opened before it sold out.
    reserve(late, "Noor Haddad", "noor@reader.example", 1, status=409)
    late.says("all seats are reserved")
    expect(late.page.locator("[name=name]")).to_have_value("Noor Haddad")
    expect(late.page.locator("[name=email]")).to_have_value("noor@reader.example")
    assert not Reservation.objects.filter(email="noor@reader.example").exists()

    # The organiser's door list lists every ticket, and no email address.
    organiser.open(manage)
    organiser.says("sold out")
    organiser.click(re.compile("door list", re.IGNORECASE))
    door = organiser.page.locator("main")
    for reservation in Reservation.objects.filter(screening=screening):
        expect(door).to_contain_text(reservation.name)
        expect(door).to_contain_text(reservation.code)
        assert reservation.email not in door.inner_text()
    expect(door).to_contain_text(re.compile(r"3 reservations\s*3\s*tickets in all"))
    assert not Message.objects.filter(kind="screening-charge").exists(), "nothing charged"
    assert_every_kind_checked(
        [organiser, staff, late, *readers], ("the door list", r"^/screenings/manage/[^/]+/door/$")
    )


# -- 2. called off --


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_screening_called_off_at_its_deadline(
    javascript: bool,
    screening_site: str,
    programmer: Any,
    new_context: ContextFactory,
    watch: Watch,
) -> None:
    site = screening_site
    organiser = visitor(new_context, watch, javascript=javascript)
    asked = Request("Ana Souza", "ana@organiser.example", "Old Mill Cinema", "Halifax", 20, 10)
    screening = request_screening(organiser, site, asked)
    confirm_address(organiser, asked.organiser_email)
    staff = visitor(new_context, watch, javascript=javascript)
    staff.cookies_allowed = True
    sign_in(staff, site)
    approve_in_admin(staff, site, screening)
    manage = open_sales(organiser, screening)

    reader = visitor(new_context, watch, javascript=javascript)
    ticket = reserve_and_confirm(reader, site, screening, "Omar Aziz")
    # A second reader never follows their link: their seat is held, not counted.
    other = visitor(new_context, watch, javascript=javascript)
    other.open(f"{site}/screenings/{screening.pk}/")
    reserve(other, "Kai Tanaka", "kai@reader.example", 2)
    # A third opened the page and will send the form after the deadline.
    late = visitor(new_context, watch, javascript=javascript)
    late.open(f"{site}/screenings/{screening.pk}/")
    run_worker()

    # The deadline passes below the threshold: its job (enqueued when sales opened) is due.
    passed = timezone.now() - datetime.timedelta(seconds=1)
    Screening.objects.filter(pk=screening.pk).update(deadline=passed)
    deadline_job = Message.objects.get(key=f"screening-{screening.pk}-deadline")
    Message.objects.filter(pk=deadline_job.pk).update(not_before=passed)
    run_worker()
    deadline_job.refresh_from_db()
    assert deadline_job.status == "sent"
    screening.refresh_from_db()
    assert screening.state == State.CALLED_OFF
    assert screening.changes.filter(after=State.CALLED_OFF).count() == 1

    # Everyone is told, and nobody is charged.
    for email in ("omar@reader.example", "kai@reader.example", asked.organiser_email):
        told = one_mail(email, r"called off")
        assert re.search(r"nobody|not be charged|no one", text_of(told), re.IGNORECASE), told.body
    assert not Reservation.objects.filter(screening=screening).exclude(payment=Payment.NONE)
    assert not Message.objects.filter(kind__in=["screening-charge", "screening-tickets"]).exists()
    assert not Reservation.objects.filter(screening=screening, state=ReservationState.HELD)

    for person, address in (
        (reader, ticket),
        (organiser, manage),
        (reader, f"{site}/screenings/{screening.pk}/"),
    ):
        person.open(address)
        person.says("called off")
    reader.says("nobody is charged")

    # The form sent from the page opened before: refused, with the reason, nothing lost.
    reserve(late, "Leila Mansour", "leila@reader.example", 1, status=409)
    late.says("called off")
    expect(late.page.locator("[name=name]")).to_have_value("Leila Mansour")
    assert not Reservation.objects.filter(email="leila@reader.example").exists()
    assert_every_kind_checked([organiser, staff, reader, other, late])


# -- screenshots --


def _screenshot_folder(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("CROSSING_SCREENSHOTS") or tmp_path)
    folder = folder if folder.is_absolute() else ROOT / folder
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _path(url: str) -> str:
    return urlsplit(url).path


def _reserved(screening: Screening, names: list[str]) -> list[Reservation]:
    """Readers who reserved and followed their links (through the services: the flows above
    walk the pages)."""
    from crossing.web.screenings import services

    made = []
    for number, name in enumerate(names):
        email = f"{name.split()[0].lower()}{number}@reader.example"
        held = services.reserve(
            screening_id=screening.pk, name=name, email=email, quantity=1 + number % 3
        ).reservation
        services.confirm_reservation(held)
        made.append(held)
    screening.refresh_from_db()
    return made


def _place(screening: Screening, venue: str, zone: str, where: tuple[float, float] | None) -> None:
    """A venue of its own, at 19:30 in its own zone, and (set by staff) on the map."""
    local = screening.starts.astimezone(zoneinfo.ZoneInfo(zone))
    starts = local.replace(hour=19, minute=30, second=0, microsecond=0)
    latitude, longitude = where or (None, None)
    Screening.objects.filter(pk=screening.pk).update(
        venue_name=venue,
        time_zone=zone,
        starts=starts,
        deadline=starts - datetime.timedelta(days=7),
        latitude=latitude,
        longitude=longitude,
    )
    screening.refresh_from_db()


READERS = [
    "Ji-woo Kim",
    "Sam Okafor",
    "Lena Fischer",
    "Omar Aziz",
    "Ana Souza",
    "Kai Tanaka",
    "Noor Haddad",
    "Leila Mansour",
    "Park Min-seo",
    "Tomás Rivera",
]


@pytest.mark.parametrize("width", [390, 1280])
def test_screenshots_of_screenings(
    width: int, screening_site: str, new_context: ContextFactory, tmp_path: Path
) -> None:
    """The list, a screening on sale, the reservation form with errors, a ticket, a called
    off screening, the request form with errors, the manage page and the door list: each
    fits the width, passes axe-core, then is photographed."""
    from screenings import factories  # tests/screenings: screenings in each state

    from crossing.web.screenings import links, services

    site = screening_site
    folder = _screenshot_folder(tmp_path)
    selling = factories.on_sale(capacity=120, threshold=60, town="Toronto")
    _place(selling, "Riverside Hall", "America/Toronto", (43.65, -79.38))
    _reserved(selling, READERS[:8])  # 15 of 60
    confirmed = factories.on_sale(capacity=40, threshold=12, town="Seoul", country="KR")
    _place(confirmed, "Mapo Community Cinema", "Asia/Seoul", (37.57, 126.98))
    made = _reserved(confirmed, READERS)  # 19: confirmed
    later = factories.on_sale(
        capacity=80, threshold=30, town="Manchester", country="GB", days_ahead=45
    )
    _place(later, "Old Mill Library", "Europe/London", (53.48, -2.24))
    off = factories.on_sale(capacity=60, threshold=25, town="Lyon", country="FR", days_ahead=20)
    _place(off, "Salle des Fêtes", "Europe/Paris", None)  # not on the map yet
    _reserved(off, READERS[:3])
    Screening.objects.filter(pk=off.pk).update(deadline=timezone.now())
    assert services.deadline_passed(off.pk) == "called off"
    pages.clear()

    page = new_context(viewport={"width": width, "height": 900}).new_page()

    def shoot(name: str, part: str = "") -> None:
        """The whole page, only `part` of it (a form with its errors), or the window."""
        page.wait_for_load_state()
        assert_fits(page, width)
        assert_accessible(page)
        path = str(folder / f"screenings-{name}-{width}.png")
        if part == "window":
            page.screenshot(path=path)
        elif part:
            page.locator(part).first.screenshot(path=path)
        else:
            page.screenshot(path=path, full_page=True)

    page.goto(f"{site}/screenings/")
    shoot("list")
    page.goto(f"{site}{selling.path}")
    expect(page.locator("progress, [role=progressbar]").first).to_be_visible()
    shoot("on-sale")
    # Mistakes the browser's own checks let through, so that the site's message shows.
    form = page.locator("form[action*='/reserve/']")
    form.locator("[name=name]").fill("Ji-woo Kim")
    form.locator("[name=email]").fill("jiwoo@reader")
    form.locator("[name=quantity]").fill("2")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("[name=email]")).to_have_value("jiwoo@reader")
    shoot("reservation-errors", "#reserve")
    page.goto(f"{site}{_path(links.ticket_url(made[0]))}")
    shoot("ticket")
    page.goto(f"{site}{off.path}")
    expect(page.locator("main")).to_contain_text(re.compile("called off", re.IGNORECASE))
    shoot("called-off")
    page.goto(f"{site}/screenings/request/")
    page.locator("[name=organiser_name]").fill("Mina Park")
    page.locator("[name=organiser_email]").fill("mina@organiser")
    page.locator("[name=venue_name]").fill("Riverside Hall")
    page.locator("[name=capacity]").fill("80")
    page.locator("[name=threshold]").fill("100")
    page.locator("form[method=post] button[type=submit]").last.click()
    page.wait_for_load_state()
    expect(page.locator("[name=organiser_name]")).to_have_value("Mina Park")
    page.locator(".form-error-summary").evaluate("(e) => { e.scrollIntoView(); scrollBy(0, -160) }")
    shoot("request-errors", "window")
    page.goto(f"{site}{_path(links.organiser_url(selling))}")
    shoot("manage")
    page.goto(f"{site}{_path(links.organiser_url(confirmed))}door/")
    shoot("door")
    for shot in folder.glob(f"screenings-*-{width}.png"):
        assert shot.read_bytes().startswith(b"\x89PNG")
