"""The films' real broadcasts (content/works/): The Defector's ABC and TVO showings of June
2013 and the PBS Wide Angle showing of 2009, in the archive and the calendars."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from icalendar import Calendar

pytestmark = pytest.mark.django_db
UTC = datetime.UTC
DEFECTOR = "/films/the-defector"


def starts(ics: bytes) -> dict[str, datetime.datetime]:
    return {str(e["uid"]): e.decoded("dtstart") for e in Calendar.from_ical(ics).walk("VEVENT")}


def test_the_premieres_as_calendar_files_at_the_instants_the_blog_meant(client: Client) -> None:
    abc1 = client.get(f"{DEFECTOR}/broadcasts/abc1-premiere.ics")
    tvo = client.get(f"{DEFECTOR}/broadcasts/tvo-premiere.ics")
    assert abc1.status_code == tvo.status_code == 200
    assert starts(abc1.content) == {
        "broadcast-the-defector-abc1-premiere@broadcasts.crossing": datetime.datetime(
            2013, 6, 17, 10, 30, tzinfo=UTC
        )
    }
    assert starts(tvo.content) == {
        "broadcast-the-defector-tvo-premiere@broadcasts.crossing": datetime.datetime(
            2013, 6, 27, 1, 0, tzinfo=UTC
        )
    }
    (event,) = Calendar.from_ical(abc1.content).walk("VEVENT")
    assert "Kerry O'Brien" in str(event["description"])
    # How the times were read is the channel's own note: TVO's blog did name a zone, "EST".
    (event,) = Calendar.from_ical(tvo.content).walk("VEVENT")
    description = str(event["description"])
    assert 'Times in the America/Toronto time zone. The blog writes "EST"' in description
    assert "does not state it plainly" not in description


def test_the_film_feed_holds_every_timed_showing_and_pbs_2009_has_no_file(client: Client) -> None:
    found = starts(client.get(f"{DEFECTOR}/calendar.ics").content)
    assert len(found) == 8
    assert found["broadcast-the-defector-tvo-midnight@broadcasts.crossing"] == datetime.datetime(
        2013, 6, 27, 4, 0, tzinfo=UTC
    )
    heavens = "/films/crossing-heavens-border"
    assert starts(client.get(f"{heavens}/calendar.ics").content) == {}
    assert client.get(f"{heavens}/broadcasts/wide-angle-2009.ics").status_code == 404
    everything = starts(client.get("/events/calendar.ics").content)
    assert set(found) <= set(everything)


def test_the_archive_shows_2013_and_2009_none_of_it_upcoming(client: Client) -> None:
    past = client.get("/events/past/").content.decode()
    main = past[past.index("<main") :]
    assert '<time datetime="2013-06-17T10:30:00Z" data-local' in main
    assert "ABC1 (Australia)" in main and "TVO (Canada)" in main
    assert '<time datetime="2009">2009 (day not recorded)</time>' in main
    assert "PBS (United States)" in main
    assert (
        main.index("2013-07-01T02:00:00Z")
        < main.index("2013-06-17T10:30")
        < main.index("2009 (day")
    )
    upcoming = client.get("/events/").content.decode()
    assert "ABC1" not in upcoming and "data-local" not in upcoming


def test_the_archive_offers_no_calendar_file_for_what_is_over(client: Client) -> None:
    past = client.get("/events/past/").content.decode()
    assert ".ics" not in past[past.index("<main") :]
