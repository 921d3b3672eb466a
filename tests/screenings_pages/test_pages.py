"""The readers' pages of screenings, through Django's test client: what each shows, every
refusal at its place with what was typed kept, no cookie, the JSON-LD and the iCal files."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from crossing.web.screenings import links, services
from crossing.web.screenings.models import ReservationState, Screening, State

from .helpers import (
    called_off,
    confirm_path,
    confirmed,
    json_ld,
    on_sale,
    past_deadline,
    reserved,
    ticket_path,
)

FORM = {"name": "Ana Lee", "email": "ana@example.org", "quantity": "2"}


def reserve(client: Client, screening: Screening, data: dict[str, str], **headers: str):  # type: ignore[no-untyped-def]
    return client.post(f"/screenings/{screening.pk}/reserve/", data, headers=headers)


def text(response) -> str:  # type: ignore[no-untyped-def]
    return response.content.decode()


# --- The list, the archive, the map ---------------------------------------------------------


def test_the_list_shows_public_upcoming_screenings_only(client: Client) -> None:
    shown = on_sale(town="Toronto", country="CA")
    from screenings.factories import approved, requested

    hidden = [requested(town="Hiddenville"), approved(town="Secrettown")]
    response = client.get("/screenings/")
    assert response.status_code == 200
    page = text(response)
    assert shown.path in page
    for screening in hidden:
        assert screening.path not in page
        assert screening.town not in page
        assert client.get(screening.path).status_code == 404
    assert not response.cookies


def test_the_filter_works_as_a_get_form(client: Client) -> None:
    toronto = on_sale(town="Toronto", country="CA")
    seoul = on_sale(town="Seoul", country="KR")
    page = text(client.get("/screenings/"))
    assert re.search(r'<form method="get" action="/screenings/"', page)
    assert '<option value="KR">South Korea</option>' in page
    only_korea = text(client.get("/screenings/?country=kr"))
    assert seoul.path in only_korea and toronto.path not in only_korea
    assert "Screenings in South Korea" in only_korea
    only_toronto = text(client.get("/screenings/?town=toronto"))
    assert toronto.path in only_toronto and seoul.path not in only_toronto
    nothing = text(client.get("/screenings/?country=FR"))
    assert "No screening is planned there yet." in nothing


def test_the_map_draws_screenings_with_coordinates_and_lists_the_others(client: Client) -> None:
    mapped = on_sale(town="Toronto", country="CA")
    Screening.objects.filter(pk=mapped.pk).update(
        latitude=Decimal("43.65"), longitude=Decimal("-79.38")
    )
    unmapped = on_sale(town="Busan", country="KR")
    page = text(client.get("/screenings/"))
    svg = re.search(r'<svg viewBox="[^"]+" role="group".*?</svg>', page, re.DOTALL)
    assert svg is not None
    assert f'<a href="{mapped.path}"' in svg.group(0)
    assert "<circle" in svg.group(0)
    assert unmapped.path not in svg.group(0)
    assert "/static/crossing/screenings-world" in svg.group(0)
    listed = page[page.index("Not on the map yet") :]
    assert "South Korea" in listed and unmapped.path in listed
    assert "http://" not in svg.group(0).replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_past_screenings_are_in_the_archive(client: Client) -> None:
    screening, _ = confirmed()
    Screening.objects.filter(pk=screening.pk).update(
        starts=timezone.now() - datetime.timedelta(hours=3)
    )
    assert services.ended(screening.pk)
    assert screening.path not in text(client.get("/screenings/"))
    archive = text(client.get("/screenings/past/"))
    assert screening.path in archive
    assert "Taken place" in archive


# --- A screening's page ---------------------------------------------------------------------


def test_a_screening_page_says_everything_a_reader_needs(client: Client) -> None:
    screening = on_sale(capacity=100, threshold=60, price_minor=1250)
    reserved(screening, quantity=3)
    response = client.get(screening.path)
    assert response.status_code == 200
    assert not response.cookies
    page = text(response)
    assert '<a href="/films/the-defector/">' in page or "the-defector" in page
    assert "Riverside Hall" in page and "12 Water Street" in page
    assert "Step-free entrance; hearing loop." in page
    assert "Q&amp;A with the director" in page
    assert "America/Toronto" in page and "Eastern" in page  # the zone, named
    assert "CA$12.50" in page
    assert '<progress id="progress" max="60" value="3"' in page
    assert "3 of the 60 tickets needed reserved so far: 57 more needed." in page
    assert "97 seats left, of 100." in page
    assert re.search(r"Reservations close in \d+ days", page)
    assert "nobody is charged" in page
    assert f'action="/screenings/{screening.pk}/reserve/#reserve"' in page
    for field in ("name", "email", "quantity"):
        assert f'name="{field}"' in page
    assert "screenings-ics" not in page and f"/screenings/{screening.pk}.ics" not in page


def test_json_ld_is_a_screening_event_with_its_status(client: Client) -> None:
    screening = on_sale()
    data = json_ld(text(client.get(screening.path)))
    assert data["@type"] == "ScreeningEvent"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"]["name"] == "Riverside Hall"
    assert data["workPresented"]["@type"] == "Movie"
    assert data["startDate"].endswith(("-05:00", "-04:00"))  # in the venue's zone
    assert data["offers"]["price"] == "0.00"
    off, _ = called_off()
    data = json_ld(text(client.get(off.path)))
    assert data["eventStatus"] == "https://schema.org/EventCancelled"


def test_json_ld_cannot_be_broken_out_of(client: Client) -> None:
    screening = on_sale()
    Screening.objects.filter(pk=screening.pk).update(
        extras="</script><script>alert(1)</script>", venue_name="<b>Hall</b>"
    )
    page = text(client.get(screening.path))
    assert "<script>alert(1)" not in page
    assert "<b>Hall</b>" not in page
    assert json_ld(page)["description"] == "</script><script>alert(1)</script>"


def test_states_in_words(client: Client) -> None:
    screening, _ = confirmed()
    page = text(client.get(screening.path))
    assert "Confirmed: enough tickets were reserved" in page
    assert f'href="/screenings/{screening.pk}.ics"' in page
    off, _ = called_off()
    page = text(client.get(off.path))
    assert "Called off" in page and "Nobody is charged." in page
    assert 'name="email"' not in page  # no form
    full = on_sale(capacity=2, threshold=2)
    reserved(full, quantity=2)
    page = text(client.get(full.path))
    assert "sold out" in page
    assert 'name="email"' not in page


def test_the_page_is_never_stale_after_a_reservation(client: Client) -> None:
    screening = on_sale(capacity=10, threshold=5)
    first = client.get(screening.path)
    assert "0 of the 5 tickets needed" in text(first)
    assert "no-store" in first["Cache-Control"] or "no-cache" in first["Cache-Control"]
    reserved(screening, quantity=2)
    assert "2 of the 5 tickets needed" in text(client.get(screening.path))
    # ... nor when only the clock moves: the time left is worked out at each request.
    Screening.objects.filter(pk=screening.pk).update(
        deadline=timezone.now() + datetime.timedelta(hours=5, minutes=30)
    )
    assert "Reservations close in 5 hours" in text(client.get(screening.path))


def test_unknown_screening_is_404(client: Client) -> None:
    assert client.get("/screenings/999999/").status_code == 404


# --- Reserving --------------------------------------------------------------------------------


def test_a_reservation_goes_to_check_your_email(client: Client) -> None:
    screening = on_sale()
    response = reserve(client, screening, FORM)
    assert response.status_code == 303
    assert re.fullmatch(r"/screenings/reservations/[^/]+/sent/", response["Location"])
    assert not response.cookies
    sent = client.get(response["Location"])
    assert sent.status_code == 200
    assert sent["Cache-Control"] == "no-store"
    assert "Check your email" in text(sent)
    assert "2 tickets" in text(sent)
    reservation = screening.reservations.get()
    assert reservation.state == ReservationState.HELD and reservation.quantity == 2
    # The same form again: the same answer, one reservation.
    again = reserve(client, screening, FORM)
    assert again.status_code == 303 and again["Location"] == response["Location"]
    assert screening.reservations.count() == 1


def test_the_sent_page_does_not_open_the_ticket(client: Client) -> None:
    """Anyone who knows an address can send the same reservation again: the page they are
    sent to must not hold the ticket's token (which opens the ticket and cancels it)."""
    screening = on_sale()
    location = reserve(client, screening, FORM)["Location"]
    reservation = screening.reservations.get()
    assert links.ticket_token(reservation) not in location
    assert links.ticket_token(reservation) not in text(client.get(location))
    token = location.split("/")[3]
    assert client.get(f"/screenings/tickets/{token}/").status_code == 404


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({**FORM, "name": ""}, "name", "Please give your name"),
        ({**FORM, "email": "not an address"}, "email", "Please give an email address such as"),
        ({**FORM, "email": ""}, "email", "Please give your email address"),
        ({**FORM, "quantity": "0"}, "quantity", "Reserve from 1 to 10 tickets."),
        ({**FORM, "quantity": "11"}, "quantity", "Reserve from 1 to 10 tickets."),
        ({**FORM, "quantity": "two"}, "quantity", "Reserve from 1 to 10 tickets."),
        ({**FORM, "name": "x" * 101}, "name", "at most 100 characters"),
    ],
)
def test_bad_fields_get_a_message_next_to_them_and_keep_what_was_typed(
    client: Client, data: dict[str, str], field: str, message: str
) -> None:
    screening = on_sale()
    response = reserve(client, screening, data)
    assert response.status_code == 400
    assert response["X-Crossing-Refused"] == "invalid"
    assert not response.cookies
    page = text(response)
    error = re.search(rf'<span class="field-error" id="error-{field}">(.*?)</span>', page)
    assert error is not None and message in error.group(1)
    assert f'id="id_{field}"' in page and f'aria-describedby="error-{field}' in page
    for name, value in data.items():
        if name != field or value:
            shown = value if len(value) < 100 else value[:101]
            assert f'name="{name}" id="id_{name}" value="{shown}"' in page
    assert screening.reservations.count() == 0


def _refused(response, code: str, message: str, *, field: str = "") -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == 409, text(response)
    assert response["X-Crossing-Refused"] == code
    page = text(response)
    if field:
        error = re.search(rf'<span class="field-error" id="error-{field}">(.*?)</span>', page)
        assert error is not None and message in error.group(1)
    else:
        refused = re.search(r'<p class="form-error" role="alert" id="refused">(.*?)</p>', page)
        assert refused is not None and message in refused.group(1)
    return page


def test_refused_after_the_deadline(client: Client) -> None:
    screening = on_sale()
    past_deadline(screening)
    page = _refused(reserve(client, screening, FORM), "after_deadline", "closed at its deadline")
    assert 'value="Ana Lee"' in page and 'value="ana@example.org"' in page


def test_refused_when_called_off(client: Client) -> None:
    screening, _ = called_off()
    _refused(reserve(client, screening, FORM), "called_off", "nobody is charged")


def test_refused_when_sold_out(client: Client) -> None:
    screening = on_sale(capacity=2, threshold=2)
    reserved(screening, quantity=2)
    _refused(reserve(client, screening, FORM), "sold_out", "All seats are reserved")


def test_refused_when_not_enough_seats_left(client: Client) -> None:
    screening = on_sale(capacity=5, threshold=2)
    reserved(screening, quantity=4)
    page = _refused(
        reserve(client, screening, FORM),
        "not_enough",
        "Only 1 seat is left",
        field="quantity",
    )
    assert 'value="2"' in page


def test_refused_when_the_address_already_reserved_another_number(client: Client) -> None:
    screening = on_sale()
    reserve(client, screening, FORM)
    _refused(
        reserve(client, screening, {**FORM, "quantity": "3"}),
        "already",
        "already has 2 tickets reserved",
        field="quantity",
    )


def test_refused_for_a_screening_that_does_not_exist(client: Client) -> None:
    response = client.post("/screenings/999999/reserve/", FORM)
    assert response.status_code == 404
    assert response["X-Crossing-Refused"] == "missing"
    assert "There is no such screening." in text(response)


def test_a_cross_site_post_is_refused(client: Client) -> None:
    screening = on_sale()
    response = reserve(client, screening, FORM, sec_fetch_site="cross-site")
    assert response.status_code == 403
    response = reserve(client, screening, FORM, origin="https://evil.example")
    assert response.status_code == 403
    assert screening.reservations.count() == 0
    same = reserve(client, screening, FORM, origin="http://testserver")
    assert same.status_code == 303


def test_no_csrf_cookie_is_needed(client: Client) -> None:
    strict = Client(enforce_csrf_checks=True)
    screening = on_sale()
    assert reserve(strict, screening, FORM).status_code == 303


# --- Confirm, ticket, cancel ----------------------------------------------------------------


def test_confirming_needs_a_post(client: Client) -> None:
    screening = on_sale(capacity=10, threshold=5)
    made = services.reserve(
        screening_id=screening.pk, name="Ana", email="a@example.org", quantity=2
    )
    path = confirm_path(made.reservation)
    page = client.get(path)
    assert page.status_code == 200 and page["Cache-Control"] == "no-store"
    assert "<button" in text(page) and not page.cookies
    made.reservation.refresh_from_db()
    assert made.reservation.state == ReservationState.HELD  # a mail scanner confirms nothing
    done = client.post(path)
    assert done.status_code == 303
    assert done["Location"] == ticket_path(made.reservation)
    made.reservation.refresh_from_db()
    assert made.reservation.state == ReservationState.RESERVED
    # The link again, later: straight to the ticket.
    assert client.get(path)["Location"] == ticket_path(made.reservation)
    assert client.post(path).status_code == 303


def test_confirming_after_the_deadline_says_so(client: Client) -> None:
    screening = on_sale()
    made = services.reserve(
        screening_id=screening.pk, name="Ana", email="a@example.org", quantity=1
    )
    past_deadline(screening)
    response = client.post(confirm_path(made.reservation))
    assert response.status_code == 409
    assert "closed at its deadline" in text(response)


def test_a_changed_link_is_refused_plainly(client: Client) -> None:
    screening = on_sale()
    made = services.reserve(
        screening_id=screening.pk, name="Ana", email="a@example.org", quantity=1
    )
    for path in (confirm_path(made.reservation), ticket_path(made.reservation)):
        bad = path.replace(":", ":x", 1)
        response = client.get(bad)
        assert response.status_code == 404
        assert "not complete or was changed" in text(response)
    assert client.get("/screenings/reservations/nonsense/sent/").status_code == 404


def test_the_ticket_before_the_screening_is_confirmed(client: Client) -> None:
    screening = on_sale(capacity=10, threshold=5)
    reservation = reserved(screening, quantity=2)
    response = client.get(ticket_path(reservation))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store" and not response.cookies
    page = text(response)
    assert "Reserved. The screening takes place if enough tickets" in page
    assert "ticket-qr" not in page  # no ticket for the door yet
    assert "Yes, cancel my reservation" in page


def test_the_ticket_with_its_qr_code_once_confirmed(client: Client) -> None:
    _, reservation = confirmed()
    page = text(client.get(ticket_path(reservation)))
    assert '<svg role="img" viewBox=' in page and 'class="ticket-qr"' in page
    assert f"<title>QR code of the ticket {reservation.code}</title>" in page
    assert reservation.code in page
    assert "show this page (or its code) at the door" in page


def test_the_qr_code_encodes_the_ticket_address() -> None:
    import segno

    from crossing.web.screenings.tickets import qr_svg

    address = "https://example.org/screenings/tickets/12:abc/"
    svg = qr_svg(address, title="t")
    # Drawn with segno from that address: the same matrix as segno's own for it.
    expected = segno.make(address, error="m", micro=False).svg_inline(
        scale=5,
        border=2,
        dark="#000",
        light="#fff",
        title="t",
        svgclass="ticket-qr",
        lineclass=None,
        omitsize=True,
    )
    assert svg == expected.replace("<svg ", '<svg role="img" ', 1)


def test_cancelling_from_the_ticket(client: Client) -> None:
    screening = on_sale(capacity=10, threshold=5)
    reservation = reserved(screening, quantity=2)
    path = ticket_path(reservation)
    cancel = path + "cancel/"
    assert client.post(cancel, headers={"sec_fetch_site": "cross-site"}).status_code == 403
    assert client.get(cancel).status_code == 405
    response = client.post(cancel)
    assert response.status_code == 303 and response["Location"] == path
    reservation.refresh_from_db()
    assert reservation.state == ReservationState.CANCELLED
    page = text(client.get(path))
    assert "You cancelled this reservation" in page
    assert "Yes, cancel" not in page
    screening.refresh_from_db()
    assert screening.tickets_reserved == 0


def test_no_cancel_button_after_the_deadline_and_a_late_post_is_refused(client: Client) -> None:
    screening = on_sale(capacity=10, threshold=5)
    reservation = reserved(screening)
    past_deadline(screening)
    path = ticket_path(reservation)
    assert "Yes, cancel" not in text(client.get(path))
    response = client.post(path + "cancel/")
    assert response.status_code == 409
    assert "only until the deadline" in text(response)


def test_a_called_off_ticket_says_nobody_is_charged(client: Client) -> None:
    _, reservation = called_off()
    page = text(client.get(ticket_path(reservation)))
    assert "called off. Nobody is charged." in page
    assert "ticket-qr" not in page


def test_a_failed_payment_links_to_the_payment_page(client: Client) -> None:
    from crossing.web.screenings.models import Payment, Reservation

    _, reservation = confirmed()
    Reservation.objects.filter(pk=reservation.pk).update(payment=Payment.FAILED)
    page = text(client.get(ticket_path(reservation)))
    assert f"/screenings/payments/pay/{links.ticket_token(reservation)}/" in page
    assert "ticket-qr" not in page


# --- iCalendar ----------------------------------------------------------------------------------


def test_the_ics_of_a_confirmed_screening_parses_back(client: Client) -> None:
    screening, _ = confirmed()
    response = client.get(f"/screenings/{screening.pk}.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    assert str(events[0]["status"]) == "CONFIRMED"
    assert events[0].decoded("dtstart") == screening.starts.astimezone(datetime.UTC).replace(
        microsecond=0
    ) or events[0].decoded("dtstart") == screening.starts.astimezone(datetime.UTC)
    assert "Riverside Hall" in str(events[0]["location"])


def test_no_ics_for_a_screening_not_confirmed(client: Client) -> None:
    screening = on_sale()
    assert client.get(f"/screenings/{screening.pk}.ics").status_code == 404


def test_the_calendar_feed_lists_confirmed_and_strikes_out_called_off(client: Client) -> None:
    going, _ = confirmed()
    maybe = on_sale()
    response = client.get("/screenings/calendar.ics")
    calendar = Calendar.from_ical(response.content)
    uids = {str(e["uid"]): str(e["status"]) for e in calendar.walk("VEVENT")}
    assert uids == {f"screening-{going.pk}@screenings.crossing": "CONFIRMED"}
    assert services.call_off(going, by="staff:alice", reason="The hall flooded.")
    calendar = Calendar.from_ical(client.get("/screenings/calendar.ics").content)
    statuses = [str(e["status"]) for e in calendar.walk("VEVENT")]
    assert statuses == ["CANCELLED"]
    assert maybe.pk != going.pk


# --- Navigation, sitemap ------------------------------------------------------------------------


def test_screenings_are_in_the_navigation_the_site_map_and_sitemap_xml(client: Client) -> None:
    screening = on_sale()
    hidden = on_sale()
    Screening.objects.filter(pk=hidden.pk).update(state=State.REJECTED)
    # The header's "Events" holds the screenings (and counts their pages as within it).
    assert '<a href="/events/">Events</a>' in text(client.get("/"))
    assert 'href="/screenings/"' in text(client.get("/events/"))
    assert 'href="/screenings/"' in text(client.get("/site-map/"))
    xml = text(client.get("/sitemap.xml"))
    assert f"/screenings/{screening.pk}/</loc>" in xml
    assert "/screenings/past/</loc>" in xml
    assert f"/screenings/{hidden.pk}/</loc>" not in xml


def test_the_film_page_links_to_screenings(client: Client) -> None:
    page = text(client.get("/films/the-defector/"))
    assert 'href="/screenings/"' in page
    assert 'href="/screenings/request/"' in page


def test_dates_and_prices_follow_the_language() -> None:
    from django.utils import translation

    from crossing.web.screenings import display

    screening = on_sale(price_minor=1250)
    with translation.override("ko"):
        when = display.when(screening.starts, screening.zone)
        price = display.price(screening)
        left = display.duration(datetime.timedelta(hours=30))
    assert "년" in when and "CA$" in price and "30" in left


def test_a_called_off_page_says_what_was_reached_not_what_is_needed(client: Client) -> None:
    screening, _ = called_off()
    page = client.get(screening.path).content.decode()
    assert "it was called off" in page
    assert "more needed" not in page
