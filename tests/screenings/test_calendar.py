"""The iCal file parses back with the screening's instants, UID and status."""

from __future__ import annotations

from icalendar import Calendar

from crossing.web.screenings import calendar, services
from crossing.web.screenings.models import State

from .factories import on_sale


def test_a_screening_as_ical_parses_back_with_its_instant_and_status() -> None:
    screening = on_sale(capacity=5, threshold=1)
    ics = calendar.calendar([screening], film_titles={"the-defector": "The Defector"}, name="x")
    (event,) = Calendar.from_ical(ics).walk("VEVENT")
    assert event.decoded("dtstart") == screening.starts.replace(microsecond=0)
    assert str(event["uid"]) == f"screening-{screening.pk}@screenings.crossing"
    assert str(event["status"]) == "CONFIRMED"
    assert services.call_off(screening, by="staff:alice", reason="The hall flooded.")
    screening.refresh_from_db()
    assert screening.state == State.CALLED_OFF
    ics = calendar.calendar([screening], film_titles={}, name="x")
    (event,) = Calendar.from_ical(ics).walk("VEVENT")
    assert str(event["status"]) == "CANCELLED"
