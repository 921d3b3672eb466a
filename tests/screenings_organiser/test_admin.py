"""The staff's admin: the list with its filters, a screening's page with its history and
reservations (read-only), and the decisions, each through the services and recorded as
made by "staff:<username>", with the reason a refusal gives next to its field."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from screenings.factories import approved, on_sale, requested

from crossing.web.screenings import services
from crossing.web.screenings.models import Change, Screening, State


@pytest.fixture
def staff_client() -> Client:
    user: Any = get_user_model().objects.create_superuser(
        username="alice", email="alice@crossing.example", password="a long passphrase"
    )
    client = Client()
    client.force_login(user)
    return client


def change_url(screening: Screening) -> str:
    return f"/admin/screenings/screening/{screening.pk}/change/"


def decide(screening: Screening, decision: str) -> str:
    return f"/admin/screenings/screening/{screening.pk}/decide/{decision}/"


def confirmed_request() -> Screening:
    screening = requested()
    services.confirm_organiser_address(screening)
    return screening


def test_the_list_shows_state_progress_and_filters(staff_client: Client) -> None:
    on_sale(town="Lyon", country="FR")
    requested(town="Seoul", country="KR")
    page = staff_client.get("/admin/screenings/screening/").content.decode()
    assert "Lyon" in page and "Seoul" in page
    assert "0 / 60 · 100" in page
    assert "The Defector: Escape from North Korea" in page
    # The queue first: the request waiting for review is listed before the one on sale.
    assert page.index("Seoul") < page.index("Lyon")
    filtered = staff_client.get("/admin/screenings/screening/?state=on_sale").content.decode()
    assert "Lyon" in filtered and "Seoul" not in filtered
    by_country = staff_client.get("/admin/screenings/screening/?country=KR").content.decode()
    assert "Seoul" in by_country and "Lyon" not in by_country
    assert staff_client.get("/admin/screenings/screening/?licence=school").status_code == 200


def test_the_change_page_shows_history_and_reservations_read_only(staff_client: Client) -> None:
    screening = on_sale()
    services.reserve(screening_id=screening.pk, name="Ana", email="ana@example.org", quantity=2)
    page = staff_client.get(change_url(screening)).content.decode()
    assert "ana@example.org" in page  # staff see readers' addresses
    assert "the organiser opened sales" in page
    assert "This screening is on sale." in page
    assert decide(screening, "call_off") in page
    assert decide(screening, "approve") not in page
    assert 'name="tickets_reserved"' not in page and 'name="state"' not in page
    assert 'name="latitude"' in page


def test_staff_cannot_edit_state_or_counts_but_can_place_it_on_the_map(
    staff_client: Client,
) -> None:
    screening = on_sale()
    answer = staff_client.post(
        change_url(screening),
        {
            "state": "confirmed",
            "tickets_reserved": "99",
            "latitude": "43.65",
            "longitude": "-79.38",
            "reservations-TOTAL_FORMS": "0",
            "reservations-INITIAL_FORMS": "0",
            "changes-TOTAL_FORMS": "0",
            "changes-INITIAL_FORMS": "0",
        },
    )
    assert answer.status_code == 302, answer.content.decode()[:2000]
    screening.refresh_from_db()
    assert screening.state == State.ON_SALE and screening.tickets_reserved == 0
    assert str(screening.latitude) == "43.65000"


def test_no_adding_or_deleting(staff_client: Client) -> None:
    screening = on_sale()
    assert staff_client.get("/admin/screenings/screening/add/").status_code == 403
    assert staff_client.get(change_url(screening).replace("change", "delete")).status_code == 403


def test_approving_with_terms(staff_client: Client) -> None:
    screening = confirmed_request()
    form = staff_client.get(decide(screening, "approve"))
    assert form.status_code == 200 and "Amounts are in CAD" in form.content.decode()
    answer = staff_client.post(decide(screening, "approve"), {"fee_flat": "150", "fee_share": "30"})
    assert answer.status_code == 302
    screening.refresh_from_db()
    assert screening.state == State.APPROVED
    assert (screening.fee_flat_minor, screening.fee_share_percent) == (15000, 30)
    change = Change.objects.get(screening=screening, after=State.APPROVED)
    assert change.by == "staff:alice"
    assert change.cause == "approved (flat fee 150.00 CAD, 30% of ticket sales)"
    page = staff_client.get(answer["Location"]).content.decode()
    assert "is approved" in page


def test_approving_before_the_address_is_confirmed_is_refused(staff_client: Client) -> None:
    screening = requested()
    assert (
        "has not confirmed their email address yet"
        in staff_client.get(change_url(screening)).content.decode()
    )
    answer = staff_client.post(decide(screening, "approve"), {"fee_flat": "", "fee_share": ""})
    assert answer.status_code == 409
    assert "has not confirmed their email address yet" in answer.content.decode()
    screening.refresh_from_db()
    assert screening.state == State.REQUESTED


def test_bad_terms_are_named_next_to_their_field(staff_client: Client) -> None:
    screening = confirmed_request()
    answer = staff_client.post(
        decide(screening, "approve"), {"fee_flat": "1.234", "fee_share": "101"}
    )
    page = answer.content.decode()
    assert answer.status_code == 400
    assert 'value="1.234"' in page and 'value="101"' in page
    assert "less than or equal to 100" in page
    screening.refresh_from_db()
    assert screening.state == State.REQUESTED


def test_rejecting_needs_a_reason(staff_client: Client) -> None:
    screening = confirmed_request()
    empty = staff_client.post(decide(screening, "reject"), {"reason": ""})
    assert empty.status_code == 400 and "Give a reason" in empty.content.decode()
    staff_client.post(decide(screening, "reject"), {"reason": "The film is not licensed there."})
    screening.refresh_from_db()
    assert screening.state == State.REJECTED
    assert screening.rejection_reason == "The film is not licensed there."
    assert Change.objects.get(screening=screening, after=State.REJECTED).by == "staff:alice"


def test_proposing_another_date(staff_client: Client) -> None:
    screening = confirmed_request()
    soon = staff_client.post(decide(screening, "propose"), {"starts": "2020-01-01T19:00"})
    assert soon.status_code == 409
    assert "more than a week ahead" in soon.content.decode()
    assert 'value="2020-01-01T19:00"' in soon.content.decode()
    gap = staff_client.post(decide(screening, "propose"), {"starts": "2030-03-10T02:15"})
    assert gap.status_code == 400 and "does not exist there" in gap.content.decode()
    answer = staff_client.post(
        decide(screening, "propose"), {"starts": "2030-05-14T20:00", "note": "A bigger hall."}
    )
    assert answer.status_code == 302
    screening.refresh_from_db()
    assert screening.proposed_starts is not None
    local = screening.proposed_starts.astimezone(screening.zone)
    assert local.replace(tzinfo=None) == datetime.datetime(2030, 5, 14, 20, 0)
    assert screening.proposal_note == "A bigger hall."
    assert Change.objects.filter(screening=screening, cause__startswith="proposed another").exists()


def test_calling_off(staff_client: Client) -> None:
    screening = on_sale()
    empty = staff_client.post(decide(screening, "call_off"), {"reason": " "})
    assert empty.status_code == 400
    answer = staff_client.post(decide(screening, "call_off"), {"reason": "The venue closed."})
    assert answer.status_code == 302
    screening.refresh_from_db()
    assert screening.state == State.CALLED_OFF
    change = Change.objects.get(screening=screening, after=State.CALLED_OFF)
    assert (change.by, change.cause) == ("staff:alice", "called off: The venue closed.")


def test_a_decision_the_state_no_longer_allows_changes_nothing(staff_client: Client) -> None:
    screening = approved()
    answer = staff_client.post(decide(screening, "call_off"), {"reason": "Why not."})
    assert answer.status_code == 302
    page = staff_client.get(answer["Location"]).content.decode()
    assert "Nothing changed" in page
    screening.refresh_from_db()
    assert screening.state == State.APPROVED
    assert staff_client.get(decide(screening, "explode")).status_code == 302


def test_readers_cannot_reach_the_admin() -> None:
    screening = on_sale()
    response = Client().post(decide(screening, "call_off"), {"reason": "x"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    screening.refresh_from_db()
    assert screening.state == State.ON_SALE
