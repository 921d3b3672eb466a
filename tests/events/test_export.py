"""The static export: the events pages as of the day it was made, saying so, and every
calendar file they and the film pages link to."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from icalendar import Calendar
from screenings_pages.helpers import confirmed

from crossing.web.export import build_site, file_for

from .made import SYDNEY, film_with, serve, showing

pytestmark = pytest.mark.django_db


def test_the_export_writes_the_events_pages_and_calendars(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    soon = showing("abc1-future", "2099-06-17T20:30", channel=SYDNEY)
    serve(monkeypatch, film_with(soon, showing("pbs", "2009", duration=None)))
    going, _ = confirmed()
    out = tmp_path / "site"
    build_site(out, base_url="https://crossing.example.org")
    listing = (out / file_for("/events/")).read_text(encoding="utf-8")
    archive = (out / file_for("/events/past/")).read_text(encoding="utf-8")
    today = datetime.date.today()
    for html in (listing, archive):
        assert f"As of {today:%B} {today.day}, {today.year}" in html
        assert "Check the live site, https://crossing.example.org." in html
        assert "<form" not in html
    # The page's calendar links lead to files in the copy.
    assert 'href="../films/the-defector/broadcasts/abc1-future.ics"' in listing
    assert f'href="../screenings/{going.pk}.ics"' in listing
    one = Calendar.from_ical((out / "films/the-defector/broadcasts/abc1-future.ics").read_bytes())
    (event,) = one.walk("VEVENT")
    assert event.decoded("dtstart") == datetime.datetime(2099, 6, 17, 10, 30, tzinfo=datetime.UTC)
    assert str(event["url"]) == (
        "https://crossing.example.org/films/the-defector/#broadcast-abc1-future"
    )
    whole = Calendar.from_ical((out / "events/calendar.ics").read_bytes())
    assert len(whole.walk("VEVENT")) == 2
    assert (out / "films/the-defector/calendar.ics").is_file()
    assert (out / "films/crossing-heavens-border/calendar.ics").is_file()
    assert (out / f"screenings/{going.pk}.ics").is_file()
    assert not (out / "films/the-defector/broadcasts/pbs.ics").exists()
    xml = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://crossing.example.org/events/</loc>" in xml
