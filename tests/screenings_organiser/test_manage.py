"""The organiser's links: confirming the address (a changed or too old link refused), the
manage page (state in words, progress, history, terms) and its actions, each recorded, and
the door list."""

from __future__ import annotations

import datetime
import time

import pytest
from django.core import signing
from django.test import Client
from django.utils import timezone
from screenings.factories import approved, on_sale, requested

from crossing.web.screenings import links, services
from crossing.web.screenings.models import Change, Payment, Reservation, Screening, State

STAFF = services.staff("alice")


@pytest.fixture
def client() -> Client:
    return Client()


def manage_path(screening: Screening, action: str = "") -> str:
    token = links.organiser_token(screening)
    return f"/screenings/manage/{token}/" + (f"{action}/" if action else "")


def confirm_path(token: str) -> str:
    return f"/screenings/organiser/confirm/{token}/"


class _Old(signing.TimestampSigner):
    def timestamp(self) -> str:
        return signing.b62_encode(int(time.time()) - 8 * 24 * 3600)


# --- Confirming the address ----------------------------------------------------------------


def test_the_confirm_link_shows_a_button_then_confirms_once(client: Client) -> None:
    screening = requested()
    path = confirm_path(links.organiser_confirm_token(screening))
    page = client.get(path)
    assert page.status_code == 200
    assert "Confirm my address" in page.content.decode()
    screening.refresh_from_db()
    assert screening.email_confirmed is None  # a GET (a mail scanner) changes nothing
    answer = client.post(path)
    assert answer.status_code == 303
    assert answer["Location"] == manage_path(screening) + "?done=confirmed"
    assert "your email address is confirmed" in client.get(answer["Location"]).content.decode()
    client.post(path)  # again: nothing recorded twice
    confirmations = Change.objects.filter(screening=screening, cause__contains="confirmed their")
    assert confirmations.count() == 1
    assert "confirmed already" in client.get(path).content.decode()
    assert not client.cookies


def test_a_changed_confirm_link_is_refused(client: Client) -> None:
    screening = requested()
    token = links.organiser_confirm_token(screening)
    for bad in (token[:-2] + "xx", token.replace(str(screening.pk), "9999", 1), "nonsense"):
        response = client.get(confirm_path(bad))
        assert response.status_code == 404
        assert "not complete, or was changed" in response.content.decode()
        assert client.post(confirm_path(bad)).status_code == 404
    screening.refresh_from_db()
    assert screening.email_confirmed is None


def test_a_confirm_link_older_than_a_week_is_refused_as_such(client: Client) -> None:
    screening = requested()
    token = _Old(salt=links._ORGANISER_CONFIRM).sign(str(screening.pk))
    response = client.post(confirm_path(token))
    assert response.status_code == 410
    assert "valid for a week" in response.content.decode()
    screening.refresh_from_db()
    assert screening.email_confirmed is None


def test_a_manage_link_is_not_a_confirm_link(client: Client) -> None:
    screening = requested()
    assert client.post(confirm_path(links.organiser_token(screening))).status_code == 404
    bad = manage_path(screening).replace(links.organiser_token(screening), "1:abc")
    assert client.get(bad).status_code == 404


# --- The manage page -----------------------------------------------------------------------


def test_the_manage_page_of_a_screening_on_sale(client: Client) -> None:
    screening = on_sale(capacity=100, threshold=60, price_minor=850)
    made = services.reserve(
        screening_id=screening.pk, name="Ana", email="ana@example.org", quantity=3
    )
    services.confirm_reservation(made.reservation)
    services.reserve(screening_id=screening.pk, name="Bo", email="bo@example.org", quantity=2)
    response = client.get(manage_path(screening))
    page = response.content.decode()
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert response["Referrer-Policy"] == "same-origin"
    assert "State: on sale" in page
    assert "57 more tickets are needed by the deadline" in page
    assert "3 of the 60 tickets needed are reserved" in page
    assert '<progress id="progress" max="60" value="3">' in page
    assert "95 seats of 100 left" in page
    assert "2 tickets held" in page
    assert "a flat fee of CA$250.00" in page
    assert "CA$8.50" in page
    # The history: every change, with who made it.
    for cause in ("requested", "the organiser opened sales", "approved (flat fee 250.00 CAD)"):
        assert cause in page
    assert "the team" in page and "alice" not in page
    # The readers' reservations' changes are there too, folded away.
    assert "3 changes to reservations</summary>" in page
    assert "ana@example.org" not in page  # readers' addresses are not shown here
    assert 'action="' + manage_path(screening, "call-off") + '#call-off"' in page
    assert not client.cookies


def test_accepting_the_proposed_date(client: Client) -> None:
    screening = requested()
    services.confirm_organiser_address(screening)
    later = screening.starts + datetime.timedelta(days=14)
    assert services.propose_date(screening, by=STAFF, starts=later, note="The hall is booked.")
    page = client.get(manage_path(screening)).content.decode()
    assert "The team proposes another date" in page and "The hall is booked." in page
    answer = client.post(manage_path(screening, "accept"))
    assert answer.status_code == 303 and answer["Location"].endswith("?done=accepted")
    screening.refresh_from_db()
    assert screening.starts == later and screening.proposed_starts is None
    assert screening.state == State.REQUESTED
    assert Change.objects.filter(screening=screening, cause__contains="accepted the date").exists()
    again = client.post(manage_path(screening, "accept"))
    assert again["Location"].endswith("?done=unchanged")


def test_opening_sales_needs_the_terms_accepted(client: Client) -> None:
    screening = approved()
    page = client.get(manage_path(screening)).content.decode()
    assert "I accept the rental terms: a flat fee of CA$250.00." in page
    terms = f"{screening.fee_flat_minor}:{screening.fee_share_percent}"
    refused = client.post(manage_path(screening, "open"), {"terms": terms})
    assert refused.status_code == 400
    assert "tick the box to accept the rental terms" in refused.content.decode()
    # Terms changed since the page was shown: refused too.
    stale = client.post(manage_path(screening, "open"), {"terms": "1:2", "accept_terms": "yes"})
    assert stale.status_code == 400
    screening.refresh_from_db()
    assert screening.state == State.APPROVED
    opened = client.post(manage_path(screening, "open"), {"terms": terms, "accept_terms": "yes"})
    assert opened.status_code == 303 and opened["Location"].endswith("?done=on-sale")
    screening.refresh_from_db()
    assert screening.state == State.ON_SALE
    assert Change.objects.filter(screening=screening, after=State.ON_SALE, by="organiser").exists()


def test_opening_sales_after_the_deadline_is_refused_with_the_reason(client: Client) -> None:
    screening = approved()
    Screening.objects.filter(pk=screening.pk).update(deadline=timezone.now())
    terms = f"{screening.fee_flat_minor}:{screening.fee_share_percent}"
    answer = client.post(manage_path(screening, "open"), {"terms": terms, "accept_terms": "yes"})
    assert answer.status_code == 409
    assert "The reservation deadline has passed" in answer.content.decode()


def test_withdrawing_a_request(client: Client) -> None:
    screening = approved()
    answer = client.post(manage_path(screening, "withdraw"))
    assert answer["Location"].endswith("?done=withdrawn")
    screening.refresh_from_db()
    assert screening.state == State.REJECTED
    page = client.get(manage_path(screening)).content.decode()
    assert "Withdrawn by the organiser." in page
    assert "Withdraw the request" not in page and "Open sales" not in page
    korean = client.get("/ko" + manage_path(screening)).content.decode()
    assert "Withdrawn by the organiser." not in korean and "주최자가 철회" in korean


def test_calling_off_needs_a_reason_next_to_its_field(client: Client) -> None:
    screening = on_sale()
    answer = client.post(manage_path(screening, "call-off"), {"reason": "  "})
    page = answer.content.decode()
    assert answer.status_code == 400
    assert 'id="id_reason_error">Say why it is called off' in page
    answer = client.post(manage_path(screening, "call-off"), {"reason": "The hall flooded."})
    assert answer["Location"].endswith("?done=called-off")
    screening.refresh_from_db()
    assert screening.state == State.CALLED_OFF
    change = Change.objects.get(screening=screening, after=State.CALLED_OFF)
    assert change.by == "organiser" and change.cause == "called off: The hall flooded."


def test_the_history_reads_in_the_pages_language(client: Client) -> None:
    """Each change's cause is kept as a message with its values: the English sentence as it
    happened, and the organiser's Korean page says it in Korean (the reason as typed)."""
    screening = on_sale()
    services.call_off(screening, by="organiser", reason="The hall flooded.")
    change = Change.objects.get(screening=screening, after=State.CALLED_OFF)
    assert change.cause == "called off: The hall flooded."
    assert (change.cause_message, change.cause_values) == (
        "called off: %(reason)s",
        {"reason": "The hall flooded."},
    )
    english = client.get(manage_path(screening)).content.decode()
    korean = client.get("/ko" + manage_path(screening)).content.decode()
    assert "called off: The hall flooded." in english
    assert "취소됨: The hall flooded." in korean and "called off:" not in korean


def test_an_unknown_action_or_a_cross_site_post_changes_nothing(client: Client) -> None:
    screening = on_sale()
    assert client.post(manage_path(screening, "explode")).status_code == 400
    cross = client.post(
        manage_path(screening, "call-off"),
        {"reason": "x"},
        headers={"Sec-Fetch-Site": "cross-site"},
    )
    assert cross.status_code == 403
    assert client.get(manage_path(screening, "withdraw")).status_code == 405
    screening.refresh_from_db()
    assert screening.state == State.ON_SALE


# --- The door list -------------------------------------------------------------------------


def _reserved(
    screening: Screening, name: str, quantity: int, *, confirm: bool = True
) -> Reservation:
    made = services.reserve(
        screening_id=screening.pk, name=name, email=f"{name.lower()}@example.org", quantity=quantity
    ).reservation
    if confirm:
        services.confirm_reservation(made)
    made.refresh_from_db()
    return made


def test_the_door_list_shows_the_reserved_by_name_with_totals(client: Client) -> None:
    screening = on_sale(capacity=20, threshold=5, price_minor=1000)
    zoe = _reserved(screening, "Zoë", 2)
    _reserved(screening, "adam", 1)
    paid = _reserved(screening, "Bea", 3)
    Reservation.objects.filter(pk=paid.pk).update(payment=Payment.CHARGED)
    _reserved(screening, "Held", 4, confirm=False)
    response = client.get(manage_path(screening, "door"))
    page = response.content.decode()
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    rows = page.split("<tbody>")[1].split("</tbody>")[0]
    assert rows.index("adam") < rows.index("Bea") < rows.index("Zoë")
    assert "Held" not in rows  # not confirmed: not on the list
    assert zoe.code in rows
    assert "paid online" in rows and "pay at the door: CA$20.00" in rows
    assert "3 reservations" in page
    assert ">6</td>" in page  # tickets in all
    assert "To pay at the door" in page and "CA$30.00" in page
    assert "@example.org" not in page
    assert 'media="print"' in page


def test_the_door_list_of_a_free_screening(client: Client) -> None:
    screening = on_sale(capacity=10, threshold=2)
    _reserved(screening, "Ana", 2)
    page = client.get(manage_path(screening, "door")).content.decode()
    assert ">free<" in page
    assert "To pay at the door" not in page


def test_the_door_list_needs_the_signed_link(client: Client) -> None:
    screening = on_sale()
    assert client.get(f"/screenings/manage/{screening.pk}/door/").status_code == 404
