"""Which events are upcoming and which are past, in what order, and the filters."""

from __future__ import annotations

import datetime

import pytest
from screenings_pages.helpers import called_off, confirmed, on_sale

from crossing.web.events import selectors
from crossing.web.events.dates import period_start

from .made import SYDNEY, TORONTO, film_with, showing

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def test_broadcasts_sort_by_their_instant_not_by_their_local_clock() -> None:
    # 20:00 in Sydney is hours before 09:00 the same day in Toronto.
    sydney = showing("sydney", "2030-06-17T20:00", channel=SYDNEY)
    toronto = showing("toronto", "2030-06-17T09:00")
    work = film_with(toronto, sydney)
    now = datetime.datetime(2030, 1, 1, tzinfo=UTC)
    found = selectors.upcoming(now=now, works=[work], kind="broadcast")
    assert [e.broadcast.id for e in found if e.broadcast] == ["sydney", "toronto"]
    assert found[0].moment == datetime.datetime(2030, 6, 17, 10, 0, tzinfo=UTC)


def test_upcoming_and_past_meet_at_the_end_of_a_showing() -> None:
    on_air = showing("on-air", "2030-06-17T20:00", duration=60)  # 00:00-01:00 UTC
    work = film_with(on_air)
    start = datetime.datetime(2030, 6, 18, 0, 0, tzinfo=UTC)
    during = start + datetime.timedelta(minutes=59, seconds=59)
    over = start + datetime.timedelta(hours=1)
    for now, upcoming in ((start, True), (during, True), (over, False)):
        ids = [e.broadcast.id for e in selectors.upcoming(now=now, works=[work]) if e.broadcast]
        past = [e.broadcast.id for e in selectors.past(now=now, works=[work]) if e.broadcast]
        assert (ids == ["on-air"]) is upcoming, now
        assert (past == ["on-air"]) is not upcoming, now


def test_a_broadcast_without_a_time_of_day_is_never_upcoming_and_is_in_the_archive() -> None:
    year = showing("pbs", "2009", duration=None)
    month = showing("month", "2013-06", duration=None)
    day = showing("day", "2030-06-17", duration=None)
    work = film_with(year, month, day)
    now = datetime.datetime(2026, 12, 6, tzinfo=UTC)
    assert selectors.upcoming(now=now, works=[work]) == []
    past = [e.broadcast.id for e in selectors.past(now=now, works=[work]) if e.broadcast]
    assert past == ["month", "pbs"]  # newest first; the one to come in 2030 is in neither
    assert period_start(year) == datetime.datetime(2009, 1, 1, 5, 0, tzinfo=UTC)


def test_the_filters_by_country_and_kind_and_the_countries_present() -> None:
    screening, _ = confirmed(country="CA")
    sydney = showing("sydney", "2099-06-17T20:00", channel=SYDNEY)
    toronto = showing("toronto", "2099-06-18T20:00", channel=TORONTO)
    work = film_with(sydney, toronto)
    every = selectors.upcoming(works=[work])
    assert [e.kind for e in every] == ["screening", "broadcast", "broadcast"]
    assert selectors.countries(every) == ["AU", "CA"]
    in_australia = selectors.upcoming(works=[work], country="AU")
    assert [e.broadcast.id for e in in_australia if e.broadcast] == ["sydney"]
    assert len(in_australia) == 1
    screenings = selectors.upcoming(works=[work], kind="screening")
    assert [e.screening.pk for e in screenings if e.screening] == [screening.pk]
    canada_broadcasts = selectors.upcoming(works=[work], country="CA", kind="broadcast")
    assert [e.broadcast.id for e in canada_broadcasts if e.broadcast] == ["toronto"]


def test_upcoming_screenings_are_those_readers_see_called_off_ones_included() -> None:
    selling = on_sale()
    going, _ = confirmed()
    off, _ = called_off()
    found = {e.screening.pk for e in selectors.upcoming(works=[]) if e.screening}
    assert found == {selling.pk, going.pk, off.pk}


def test_the_calendar_holds_only_showings_with_a_time_of_day() -> None:
    work = film_with(showing("timed", "2013-06-17T20:30"), showing("pbs", "2009", duration=None))
    assert [b.id for _, b in selectors.calendar_broadcasts([work])] == ["timed"]
