"""Every .ics parses back with icalendar, with the right UTC instants, stable UIDs, a DTSTAMP,
and called-off screenings as STATUS:CANCELLED."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from icalendar import Calendar
from screenings_pages.helpers import confirmed, on_sale

from crossing.web.screenings import services

from .made import SYDNEY, film_with, serve, showing

pytestmark = pytest.mark.django_db
UTC = datetime.UTC

# Toronto leaves daylight time on 2013-11-03: the same 20:00 is 00:00 UTC before, 01:00 after.
BEFORE = showing("before", "2013-11-02T20:00", duration=60)
AFTER = showing("after", "2013-11-04T20:00", repeat_of="before", duration=60)
PREMIERE = showing(
    "abc1-premiere",
    "2013-06-17T20:30",
    channel=SYDNEY,
    duration=60,
    estimated=True,
    presenter="Kerry O'Brien",
    note="Followed by a studio discussion.",
)
UNDATED = showing("pbs", "2009", duration=None)


def events(ics: bytes) -> dict[str, dict[str, object]]:
    calendar = Calendar.from_ical(ics)
    return {
        str(e["uid"]): {
            "start": e.decoded("dtstart"),
            "end": e.decoded("dtend") if "dtend" in e else None,
            "status": str(e["status"]),
            "stamp": e.decoded("dtstamp"),
            "summary": str(e["summary"]),
            "description": str(e.get("description", "")),
            "location": str(e.get("location", "")),
            "url": str(e.get("url", "")),
            "sequence": int(e["sequence"]),
        }
        for e in calendar.walk("VEVENT")
    }


@pytest.fixture
def films(monkeypatch: pytest.MonkeyPatch) -> None:
    serve(monkeypatch, film_with(BEFORE, AFTER, PREMIERE, UNDATED))


def test_one_showing_across_a_daylight_saving_change(client: Client, films: None) -> None:
    before = client.get("/films/the-defector/broadcasts/before.ics")
    after = client.get("/films/the-defector/broadcasts/after.ics")
    assert before.status_code == after.status_code == 200
    assert before["Content-Type"].startswith("text/calendar")
    (first,) = events(before.content).values()
    (second,) = events(after.content).values()
    assert first["start"] == datetime.datetime(2013, 11, 3, 0, 0, tzinfo=UTC)
    assert second["start"] == datetime.datetime(2013, 11, 5, 1, 0, tzinfo=UTC)
    assert second["end"] == datetime.datetime(2013, 11, 5, 2, 0, tzinfo=UTC)
    assert b"DTSTART:20131105T010000Z" in after.content  # a UTC instant, no zone to resolve


def test_a_showing_says_channel_presenter_note_and_that_its_length_is_estimated(
    client: Client, films: None
) -> None:
    response = client.get("/films/the-defector/broadcasts/abc1-premiere.ics")
    ((uid, event),) = events(response.content).items()
    assert uid == "broadcast-the-defector-abc1-premiere@broadcasts.crossing"
    assert event["start"] == datetime.datetime(2013, 6, 17, 10, 30, tzinfo=UTC)
    assert event["location"] == "ABC1 (Australia)"
    description = str(event["description"])
    assert "Kerry O'Brien" in description
    assert "Followed by a studio discussion." in description
    assert "our estimate" in description
    assert "Times in the Australia/Sydney time zone. That is our reading" in description
    assert str(event["url"]).endswith("/films/the-defector/#broadcast-abc1-premiere")
    assert event["sequence"] == 0
    assert isinstance(event["stamp"], datetime.datetime)


def test_no_file_for_an_unknown_showing_or_one_without_a_time_of_day(
    client: Client, films: None
) -> None:
    assert client.get("/films/the-defector/broadcasts/nothing.ics").status_code == 404
    assert client.get("/films/the-defector/broadcasts/pbs.ics").status_code == 404
    assert client.get("/films/no-such-film/broadcasts/before.ics").status_code == 404
    assert client.get("/films/no-such-film/calendar.ics").status_code == 404


def test_uids_are_stable_between_two_renders(client: Client, films: None) -> None:
    first = events(client.get("/events/calendar.ics").content)
    second = events(client.get("/events/calendar.ics").content)
    assert set(first) == set(second)
    assert {uid: e["start"] for uid, e in first.items()} == {
        uid: e["start"] for uid, e in second.items()
    }


def test_the_film_feed_has_its_broadcasts_and_screenings_and_a_called_off_one_is_cancelled(
    client: Client, films: None
) -> None:
    going, _ = confirmed()
    other, _ = confirmed()
    maybe = on_sale()  # not confirmed: no calendar entry
    assert services.call_off(other, by="staff:alice", reason="The hall flooded.")
    found = events(client.get("/films/the-defector/calendar.ics").content)
    broadcasts = {uid for uid in found if uid.startswith("broadcast-")}
    assert broadcasts == {
        "broadcast-the-defector-before@broadcasts.crossing",
        "broadcast-the-defector-after@broadcasts.crossing",
        "broadcast-the-defector-abc1-premiere@broadcasts.crossing",
    }
    assert found[f"screening-{going.pk}@screenings.crossing"]["status"] == "CONFIRMED"
    cancelled = found[f"screening-{other.pk}@screenings.crossing"]
    assert cancelled["status"] == "CANCELLED"
    assert cancelled["sequence"] == 1
    assert f"screening-{maybe.pk}@screenings.crossing" not in found
    assert all(isinstance(e["stamp"], datetime.datetime) for e in found.values())
    # The other film's feed has none of these.
    other_film = events(client.get("/films/crossing-heavens-border/calendar.ics").content)
    assert not set(other_film) & set(found)


def test_the_whole_feed_has_every_event(client: Client, films: None) -> None:
    going, _ = confirmed()
    found = events(client.get("/events/calendar.ics").content)
    assert f"screening-{going.pk}@screenings.crossing" in found
    assert "broadcast-the-defector-before@broadcasts.crossing" in found
    assert not any("pbs" in uid for uid in found)
