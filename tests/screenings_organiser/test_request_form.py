"""The request form: each field's messages next to it with everything typed kept, the rules
that tie fields together (services._check_request) shown at their field, local times
against their zone at a change of the clocks, one screening for a form sent twice, posts
from other sites refused, and no cookie."""

from __future__ import annotations

import datetime
import html as html_lib

import pytest
from django.test import Client

from crossing.web.screenings.models import Change, Licence, Screening, State

from .helpers import REQUEST, field_error, fresh_key, local, valid


@pytest.fixture
def client() -> Client:
    return Client()


def post(client: Client, **changes: str) -> tuple[int, str]:
    response = client.post(REQUEST, valid(fresh_key(client), **changes))
    return response.status_code, response.content.decode()


def test_the_form_offers_the_films_countries_zones_and_currencies(client: Client) -> None:
    response = client.get(REQUEST + "?film=the-defector")
    page = response.content.decode()
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert '<option value="the-defector" selected>' in page
    assert '<option value="CA">Canada</option>' in page
    assert '<optgroup label="Common time zones">' in page
    assert '<option value="Europe/London">Europe/London</option>' in page
    assert "US/Eastern" not in page  # old aliases are not offered
    assert '<option value="JPY">' in page
    assert 'type="datetime-local"' in page
    # The educational rules are next to the kind of screening.
    assert "free to attend, held on site, for audiences under 250" in page
    assert not response.cookies


def test_an_unknown_film_in_the_address_is_not_chosen(client: Client) -> None:
    page = client.get(REQUEST + "?film=<script>").content.decode()
    assert 'value="" selected>Choose a film' in page
    assert "<script>" not in page.split("<main")[1].split("</main>")[0]


def test_a_request_is_stored_and_answered_with_see_other(client: Client) -> None:
    response = client.post(REQUEST, valid(fresh_key(client)))
    assert response.status_code == 303
    assert response["Location"] == "/screenings/request/sent/"
    screening = Screening.objects.get()
    assert screening.state == State.REQUESTED
    assert screening.price_minor == 850 and screening.currency == "CAD"
    assert screening.country == "CA" and screening.capacity == 120
    assert screening.local_starts.strftime("%H:%M") == "19:30"
    assert screening.time_zone == "America/Toronto"
    # No deadline given: a week before.
    assert screening.starts - screening.deadline == datetime.timedelta(days=7)
    assert Change.objects.filter(screening=screening, after=State.REQUESTED).count() == 1
    sent = client.get(response["Location"])
    assert sent.status_code == 200 and "Check your email" in sent.content.decode()
    assert not client.cookies


def test_the_same_form_sent_twice_stores_one_request(client: Client) -> None:
    data = valid(fresh_key(client))
    first = client.post(REQUEST, data)
    second = client.post(REQUEST, data)
    assert first.status_code == second.status_code == 303
    assert Screening.objects.count() == 1
    assert Change.objects.count() == 1
    # Another rendering of the form is another request.
    client.post(REQUEST, valid(fresh_key(client)))
    assert Screening.objects.count() == 2


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("film", "Choose the film to show."),
        ("organiser_name", "Give your name"),
        ("organiser_email", "Give your email address"),
        ("venue_name", "Give the venue's name."),
        ("venue_address", "Give the venue's street address."),
        ("town", "Give the town or city."),
        ("country", "Choose the country."),
        ("capacity", "Give the number of seats."),
        ("starts", "Give the date and time of the screening."),
        ("time_zone", "Choose the venue's time zone."),
        ("duration_minutes", "Give how long the screening lasts"),
        ("threshold", "Give the number of tickets needed."),
        ("licence", "Choose the kind of screening."),
    ],
)
def test_each_required_field_says_so_next_to_it(client: Client, field: str, message: str) -> None:
    status, page = post(client, **{field: ""})
    assert status == 400
    assert message in field_error(page, field)
    # Everything else typed is kept.
    kept = "12 Water Street" if field == "venue_name" else "Riverside Hall"
    assert f'value="{kept}"' in page
    assert "Q&amp;A with the director</textarea>" in page
    assert Screening.objects.count() == 0


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"organiser_email": "mina@"}, "organiser_email", "such as name@example.org"),
        ({"country": "XX"}, "country", "Choose a country in the list."),
        ({"country": "EU"}, "country", "Choose a country in the list."),
        ({"time_zone": "Mars/Olympus"}, "time_zone", "Choose a time zone in the list."),
        ({"time_zone": "US/Eastern"}, "time_zone", "Choose a time zone in the list."),
        ({"capacity": "many"}, "capacity", "whole number"),
        ({"capacity": "0"}, "capacity", "at least one seat"),
        ({"threshold": "-3"}, "threshold", "At least one ticket"),
        ({"starts": "next friday"}, "starts", "such as 2027-05-14 19:30"),
        ({"starts": "2027-02-30T19:00"}, "starts", "such as 2027-05-14 19:30"),
        ({"deadline": "soon"}, "deadline", "such as 2027-05-14 19:30"),
        ({"duration_minutes": "5"}, "duration_minutes", "at least 30"),
        ({"price": "eight"}, "price", "as a number"),
        ({"price": "-1"}, "price", "cannot be below 0"),
        ({"price": "8.505"}, "price", "at most 2 digits"),
        ({"price": "800.5", "currency": "JPY"}, "price", "JPY have no smaller unit"),
        ({"currency": "XYZ"}, "currency", "Choose a currency in the list."),
        ({"licence": "pirate"}, "licence", "Choose one of the kinds listed."),
        ({"film": "not-a-film"}, "film", "Choose one of the films"),
        ({"organiser_name": "x" * 101}, "organiser_name", "at most 100"),
    ],
)
def test_bad_input_is_named_next_to_its_field(
    client: Client, changes: dict[str, str], field: str, message: str
) -> None:
    status, page = post(client, **changes)
    assert status == 400
    assert message in field_error(page, field)
    assert Screening.objects.count() == 0
    # What was typed is shown again, even when it was wrong.
    typed = changes[field]
    if field not in ("country", "time_zone", "currency", "licence", "film"):
        assert f'value="{html_lib.escape(typed)}"' in page


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"starts": local(-2)}, "starts", "must be in the future"),
        ({"starts": local(3)}, "deadline", "already passed"),
        ({"deadline": local(41)}, "deadline", "before the screening"),
        ({"threshold": "121"}, "threshold", "between 1 and the venue's 120 seats"),
    ],
)
def test_rules_across_fields_are_named_at_their_field(
    client: Client, changes: dict[str, str], field: str, message: str
) -> None:
    status, page = post(client, **changes)
    assert status == 400
    assert message in field_error(page, field)
    assert Screening.objects.count() == 0


@pytest.mark.parametrize("licence", [Licence.SCHOOL, Licence.UNIVERSITY])
def test_the_educational_rules_are_named_at_their_field(client: Client, licence: str) -> None:
    status, page = post(client, licence=licence)  # priced at 8.50
    assert status == 400
    assert "educational screening is free to attend" in field_error(page, "price")
    status, page = post(client, licence=licence, price="0", capacity="300", threshold="50")
    assert status == 400
    assert "audiences under 250" in field_error(page, "capacity")
    status, _ = post(client, licence=licence, price="", capacity="249", threshold="50")
    assert status == 303
    assert Screening.objects.get().licence == licence


def test_a_time_the_clocks_skip_is_refused_precisely(client: Client) -> None:
    status, page = post(client, starts="2030-03-10T02:30", time_zone="America/Toronto")
    assert status == 400
    message = field_error(page, "starts")
    assert "On 2030-03-10 the clocks in America/Toronto go forward one hour" in message
    assert "02:30 does not exist there" in message and "03:30" in message


def test_a_time_that_happens_twice_is_refused_precisely(client: Client) -> None:
    status, page = post(client, starts="2030-10-27T02:30", time_zone="Europe/Berlin", deadline="")
    assert status == 400
    message = field_error(page, "starts")
    assert "go back one hour, so 02:30 happens twice" in message
    assert "UTC+02:00, then at UTC+01:00" in message


def test_the_deadline_is_checked_against_the_zone_too(client: Client) -> None:
    status, page = post(client, starts="2030-11-10T19:00", deadline="2030-11-03T01:30")
    assert status == 400
    assert "happens twice" in field_error(page, "deadline")


def test_a_time_next_to_the_change_is_taken_in_the_right_offset(client: Client) -> None:
    status, _ = post(client, starts="2030-03-10T03:30", time_zone="America/Toronto")
    assert status == 303
    starts = Screening.objects.get().starts
    assert starts.astimezone(datetime.UTC).strftime("%H:%M") == "07:30"  # UTC−04:00


def test_a_missing_or_changed_key_asks_to_send_again_with_a_new_one(client: Client) -> None:
    data = valid("short")
    response = client.post(REQUEST, data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "The form was incomplete" in page
    assert 'name="key" value="short"' not in page
    assert Screening.objects.count() == 0


def test_a_post_from_another_site_is_refused(client: Client) -> None:
    data = valid(fresh_key(client))
    response = client.post(REQUEST, data, headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403
    response = client.post(REQUEST, data, headers={"Origin": "https://elsewhere.example"})
    assert response.status_code == 403
    assert Screening.objects.count() == 0
    same = client.post(REQUEST, data, headers={"Origin": "http://testserver"})
    assert same.status_code == 303


XSS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "'><svg/onload=alert(1)>",
    "</textarea><script>alert(1)</script>",
]


@pytest.mark.parametrize("payload", XSS)
def test_typed_markup_comes_back_as_text(client: Client, payload: str) -> None:
    fields = dict.fromkeys(
        (
            "organiser_name",
            "organisation",
            "venue_name",
            "venue_address",
            "town",
            "accessibility",
            "extras",
            "note_to_staff",
        ),
        payload,
    )
    status, page = post(client, capacity=payload, **fields)
    assert status == 400
    main = page.split("<main")[1].split("</main>")[0]
    assert "<script>alert" not in main and "<img src=x" not in main and "<svg/onload" not in main
    assert html_lib.escape(payload) in main


def test_a_nul_character_is_refused_at_its_field_not_stored(client: Client) -> None:
    status, page = post(client, extras="Q&A\x00", town="Tor\x00onto")
    assert status == 400
    assert "Null characters are not allowed" in field_error(page, "town")
    assert "Null characters are not allowed" in field_error(page, "extras")
    assert Screening.objects.count() == 0
