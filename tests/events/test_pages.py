"""The events page and its archive: what they list, the filters, bad values, JSON-LD, and
their place in the navigation, the site map and sitemap.xml."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client, override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from screenings_pages.helpers import called_off, confirmed, json_ld

from .made import SYDNEY, film_with, serve, showing

pytestmark = pytest.mark.django_db

SOON = showing(
    "abc1-future", "2099-06-17T20:30", channel=SYDNEY, duration=60, presenter="Kerry O'Brien"
)
LATER = showing("tvo-future", "2099-06-26T21:00", duration=60)
PBS = showing("pbs-2009", "2009", duration=None)
SHOWN = showing("tvo-2013", "2013-06-26T21:00", duration=60)


@pytest.fixture
def films(monkeypatch: pytest.MonkeyPatch) -> None:
    serve(monkeypatch, film_with(SOON, LATER, PBS, SHOWN))


def page(client: Client, address: str) -> str:
    response = client.get(address)
    assert response.status_code == 200, address
    assert response["Cache-Control"] == "no-cache"
    return response.content.decode()


def main(html: str) -> str:
    """The page's main content (the JSON-LD in the head names the same events)."""
    return html[html.index("<main") :]


def test_upcoming_screenings_and_broadcasts_together_by_date(client: Client, films: None) -> None:
    going, _ = confirmed()
    off, _ = called_off()
    html = main(page(client, "/events/"))
    # The screening is in 30 days; the broadcasts in 2099; each a <time> in its own zone.
    assert (
        html.index(going.venue_name) < html.index("ABC1 (Australia)") < html.index("TVO (Canada)")
    )
    assert '<time datetime="2099-06-17T10:30:00Z" data-local' in html
    assert "June 2099" in html
    assert "Called off: nobody is charged" in html  # still to happen, marked so
    assert f'href="/screenings/{off.pk}/"' in html
    assert 'href="/films/the-defector/broadcasts/abc1-future.ics"' in html
    assert 'href="/films/the-defector/#broadcast-abc1-future"' in html
    assert f'href="/screenings/{going.pk}.ics"' in html
    assert "tvo-2013" not in html and "(day not recorded)" not in html


def test_the_filters(client: Client, films: None) -> None:
    going, _ = confirmed(country="CA")
    html = page(client, "/events/?country=AU")
    assert "ABC1 (Australia)" in html and going.venue_name not in html
    assert '<option value="AU" selected>Australia</option>' in html
    assert '<option value="CA">Canada</option>' in html
    assert 'value="US"' not in html  # only the countries present
    html = page(client, "/events/?kind=screening")
    assert going.venue_name in html and "ABC1 (Australia)" not in html
    html = page(client, "/events/?kind=broadcast&country=ca")
    assert "TVO (Canada)" in html and going.venue_name not in html and "ABC1" not in html


@pytest.mark.parametrize(
    "query", ["?country=ZZ", "?kind=concert", "?country=%00", "?country=" + "A" * 500, "?kind="]
)
def test_a_value_not_among_the_choices_is_ignored(client: Client, films: None, query: str) -> None:
    html = page(client, "/events/" + query)
    assert "ABC1 (Australia)" in html and "TVO (Canada)" in html


def test_the_empty_states_say_what_to_do(client: Client) -> None:
    html = page(client, "/events/")
    assert "No screening or broadcast is coming up yet." in html
    assert 'href="/screenings/request/"' in html
    assert 'href="/events/past/"' in html


def test_json_ld_lists_broadcast_and_screening_events(client: Client, films: None) -> None:
    going, _ = confirmed()
    data = json_ld(page(client, "/events/"))
    assert data["@type"] == "ItemList"
    items = [entry["item"] for entry in data["itemListElement"]]
    assert [entry["position"] for entry in data["itemListElement"]] == [1, 2, 3]
    assert [i["@type"] for i in items] == ["ScreeningEvent", "BroadcastEvent", "BroadcastEvent"]
    screening, abc1 = items[0], items[1]
    assert screening["location"]["name"] == going.venue_name
    assert abc1["startDate"] == "2099-06-17T20:30:00+10:00"
    assert abc1["endDate"] == "2099-06-17T21:30:00+10:00"
    assert abc1["publishedOn"] == {
        "@type": "BroadcastService",
        "name": "ABC1",
        "areaServed": {"@type": "Country", "identifier": "AU"},
    }
    assert abc1["workPresented"]["name"] == "The Defector: Escape from North Korea"
    assert abc1["isLiveBroadcast"] is False


def test_the_archive_newest_first_with_undated_broadcasts_said_so(
    client: Client, films: None
) -> None:
    html = main(page(client, "/events/past/"))
    assert html.index("TVO (Canada)") < html.index("2009 (day not recorded)")
    assert '<time datetime="2009">2009 (day not recorded)</time>' in html
    assert '<time datetime="2013-06-27T01:00:00Z" data-local' in html
    assert "abc1-future" not in html


def test_other_methods_are_refused(client: Client) -> None:
    assert client.post("/events/").status_code == 405
    assert client.post("/events/calendar.ics").status_code == 405


def test_events_in_the_navigation_the_site_map_and_sitemap_xml(client: Client) -> None:
    home = client.get("/").content.decode()
    assert '<a href="/events/">Events</a>' in home
    screenings = client.get("/screenings/").content.decode()
    assert '<a href="/events/" class="within">Events</a>' in screenings
    assert '<a href="/events/" aria-current="page">Events</a>' in page(client, "/events/")
    site_map = client.get("/site-map/").content.decode()
    assert 'href="/events/"' in site_map and 'href="/events/past/"' in site_map
    assert 'href="/events/calendar.ics"' in site_map
    xml = client.get("/sitemap.xml").content.decode()
    assert "/events/</loc>" in xml and "/events/past/</loc>" in xml


def test_the_export_note_says_when_the_copy_was_made(client: Client) -> None:
    with override_settings(CROSSING_STATIC_EXPORT=True):
        html = page(client, "/events/")
    today = datetime.date.today()
    assert f"As of {today:%B} {today.day}, {today.year}" in html
    assert "Check the live site" in html
    assert '<form method="get"' not in html


def test_a_filter_that_finds_nothing_says_so_and_offers_everything(
    client: Client, films: None
) -> None:
    html = main(page(client, "/events/?country=AU&kind=screening"))
    assert "Nothing of this kind is coming up there." in html
    assert '<a href="/events/">Show every event</a>' in html
    assert "event-card" not in html


@given(country=st.text(max_size=40), kind=st.text(max_size=40))
@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_filter_value_answers_the_page(client: Client, country: str, kind: str) -> None:
    response = client.get("/events/", {"country": country, "kind": kind})
    assert response.status_code == 200
