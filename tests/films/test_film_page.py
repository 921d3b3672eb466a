"""The film page's broadcasts and where to watch, as the server writes them: each showing's
`<time datetime="…Z">` and its text in the channel's zone (what a reader without
JavaScript reads), what is known of it, and each offer's standing (current, listed, ended)."""

from __future__ import annotations

import datetime
import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from crossing.content.documents import WatchOption
from crossing.web.content import site_content
from crossing.web.works.broadcasts import length_words, missing_words
from crossing.web.works.views import offer_status, where_to_watch
from films.conftest import Schedule
from films.schedules import DEFECTOR, DST, LATER, PREMIERE, REPEAT

PAGE = "/films/the-defector/"


class Times(HTMLParser):
    """Every <time data-local>: its datetime, title and text."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[dict[str, str]] = []
        self._open: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "time" and "data-local" in values:
            self._open = {"datetime": values["datetime"] or "", "title": values["title"] or ""}
            self._open["text"] = ""

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open["text"] += data.replace("\u202f", " ")  # Babel's narrow space

    def handle_endtag(self, tag: str) -> None:
        if tag == "time" and self._open is not None:
            self.found.append(self._open)
            self._open = None


def times(html: str) -> list[dict[str, str]]:
    parser = Times()
    parser.feed(html)
    return parser.found


def section(html: str, heading_id: str) -> str:
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</section>", start)]


def test_each_showing_is_its_instant_in_utc_written_in_the_channels_zone(
    client: Client, schedule: Schedule
) -> None:
    schedule(DEFECTOR)
    html = section(client.get(PAGE).content.decode(), "broadcasts")
    assert times(html) == [
        {
            "datetime": "2013-06-17T10:30:00Z",
            "title": "Australian Eastern Standard Time",
            "text": "Monday, June 17, 2013, 8:30 PM AEST",
        },
        {
            "datetime": "2013-06-18T13:35:00Z",
            "title": "Australian Eastern Standard Time",
            "text": "Tuesday, June 18, 2013, 11:35 PM AEST",
        },
        {
            "datetime": "2013-06-27T01:00:00Z",
            "title": "Eastern Daylight Time",
            "text": "Wednesday, June 26, 2013, 9:00 PM EDT",
        },
    ]
    # Territories by name, each with its channels.
    headings = re.findall(r'<h3 class="broadcast-territory">([^<]+)</h3>', html)
    assert headings == ["Australia", "Canada", "United States"]


def test_what_is_known_of_a_showing_is_said_and_what_is_not_too(
    client: Client, schedule: Schedule
) -> None:
    schedule(DEFECTOR)
    html = section(client.get(PAGE).content.decode(), "broadcasts")
    premiere = html[
        html.index('id="broadcast-abc1-premiere"') : html.index('id="broadcast-abc1-repeat"')
    ]
    assert "About 60 minutes (our estimate)" in premiere
    assert "Presented by Kerry O&#x27;Brien" in premiere
    assert "Afterwards on ABC iview" in premiere
    assert "Shown" in premiere and "Repeat" not in premiere
    repeat = html[html.index('id="broadcast-abc1-repeat"') :]
    assert '<span class="repeat">Repeat</span>' in repeat.split("</li>")[0]
    # The zone the editors assumed is said, with the channel's source.
    assert (
        "Times in the Australia/Sydney time zone. That is our reading of the source, which"
        " does not state it plainly." in html
    )
    # A showing known only to the year: its year, and that the rest is not recorded.
    pbs = html[html.index('id="broadcast-pbs-2009"') :].split("</li>")[0]
    assert '<span class="broadcast-date">2009</span>' in pbs
    assert "The day and time are not recorded." in pbs
    assert "<time" not in pbs
    # The TVO premiere's length comes from a source: no estimate is claimed.
    tvo = html[html.index('id="broadcast-tvo-premiere"') :].split("</li>")[0]
    assert "60 minutes" in tvo and "estimate" not in tvo


def test_a_daylight_saving_change_moves_the_utc_instant_not_the_local_hour(
    client: Client, schedule: Schedule
) -> None:
    schedule(DST)
    found = times(section(client.get(PAGE).content.decode(), "broadcasts"))
    assert [(t["datetime"], t["text"]) for t in found] == [
        ("2013-11-03T00:00:00Z", "Saturday, November 2, 2013, 8:00 PM EDT"),
        ("2013-11-05T01:00:00Z", "Monday, November 4, 2013, 8:00 PM EST"),
    ]


def test_upcoming_showings_say_so_and_past_ones_say_shown(
    client: Client, schedule: Schedule
) -> None:
    schedule(DEFECTOR + LATER)
    html = section(client.get(PAGE).content.decode(), "broadcasts")
    later = html[html.index('id="broadcast-tvo-later"') :].split("</li>")[0]
    assert 'class="broadcast upcoming"' in html and "Upcoming" in later
    assert html.count('class="broadcast past"') == len(DEFECTOR)
    assert html.count('<span class="status">Shown</span>') == len(DEFECTOR)


def test_a_film_without_broadcasts_has_no_broadcasts_section(
    client: Client, schedule: Schedule
) -> None:
    schedule(())
    assert 'id="broadcasts"' not in client.get(PAGE).content.decode()


def test_the_page_loads_the_local_time_script_with_its_sentence_translatable(
    client: Client, schedule: Schedule
) -> None:
    schedule(DEFECTOR)
    html = client.get(PAGE).content.decode()
    assert re.search(
        r'<script src="/static/crossing/local-time(\.[0-9a-f]+)?\.js"'
        r' data-pattern="\{when\} your time \(\{place\}\)" defer></script>',
        html,
    ), html[-600:]


def test_length_and_missing_words() -> None:
    with translation.override("en"):
        assert length_words(PREMIERE) == "About 60 minutes (our estimate)"
        assert length_words(replace(REPEAT, duration=1, duration_estimated=False)) == "1 minute"
        assert length_words(replace(REPEAT, duration=None)) == ""
        assert missing_words("2013-06-17") == "The time of day is not recorded."
        assert missing_words("2013-06") == "The day and time are not recorded."
        assert missing_words("2013-06-17T20:30") == ""


# -- where to watch ---------------------------------------------------------------------


def offer(**fields: object) -> WatchOption:
    base = WatchOption("AU", "ABC iview", "streaming", None, None, None, None, "defector-blog")
    return replace(base, **fields)  # type: ignore[arg-type]


def test_an_offer_is_current_only_when_checked_and_not_over() -> None:
    sources = site_content().sources
    today = datetime.date(2026, 12, 6)
    with translation.override("en"):
        checked = offer(checked=datetime.date(2026, 12, 1))
        assert offer_status(checked, sources["defector-blog"], today) == (
            "Current — checked December 1, 2026"
        )
        listed = offer()
        assert offer_status(listed, sources["defector-blog"], today) == (
            "Listed in The Defector: Escape from North Korea (film blog) (2012–2014);"
            " not checked since"
        )
        over = offer(end="2020-01", checked=datetime.date(2019, 5, 1))
        assert offer_status(over, sources["defector-blog"], today) == "Ended; kept as a record"
        stale = offer(checked=datetime.date(2019, 5, 1), end="2030-01")
        assert offer_status(stale, sources["defector-blog"], today).startswith("Current")


def test_where_to_watch_puts_current_offers_before_listed_and_ended_ones() -> None:
    film = site_content().work("film", "the-defector")
    assert film is not None
    today = datetime.date(2026, 12, 6)
    mine = replace(
        film,
        watch=(
            offer(service="Old", end="2014-01"),
            offer(service="Listed"),
            offer(service="Live", checked=datetime.date(2026, 12, 1)),
        ),
    )
    [australia] = where_to_watch(mine, today, site_content().sources)
    offers = australia["offers"]
    assert [o.option.service for o in offers] == ["Live", "Listed", "Old"]  # type: ignore[attr-defined]
    assert [(o.current, o.ended) for o in offers] == [(True, False), (False, False), (False, True)]  # type: ignore[attr-defined]


def test_the_real_film_pages_say_how_current_each_offer_is(client: Client) -> None:
    for film in site_content().works_of("film"):
        if not film.watch:
            continue
        html = section(client.get(film.url).content.decode(), "where-to-watch")
        statuses = re.findall(r'<span class="status">([^<]+)</span>', html)
        assert len(statuses) == len(film.watch)
        today = datetime.date.today()
        for option in film.watch:
            assert option.service in html
        expected = {
            "Current" if o.is_current(today) else "Ended" if o.is_past(today) else "Listed"
            for o in film.watch
        }
        assert {s.split(" ")[0].rstrip(";") for s in statuses} == expected


@pytest.mark.django_db  # the film's feed holds its screenings too
def test_only_upcoming_showings_offer_their_calendar_file(
    client: Client, schedule: Schedule
) -> None:
    schedule(DEFECTOR + LATER)
    html = section(client.get(PAGE).content.decode(), "broadcasts")
    later = html[html.index('id="broadcast-tvo-later"') :].split("</li>")[0]
    earlier = html[: html.index('id="broadcast-tvo-later"')]
    assert "Add to calendar" not in earlier  # nothing to add for a showing that is over
    ics = reverse("events:broadcast-ics", kwargs={"slug": "the-defector", "id": "tvo-later"})
    assert f'href="{ics}" class="add-to-calendar">Add to calendar' in later
    assert later.count("Add to calendar") == 1
    feed = reverse("events:film-calendar", kwargs={"slug": "the-defector"})
    assert f'<a href="{feed}" class="calendar-feed">' in html
    # Both answer, with this showing in them (the events app's own tests read them in full).
    assert b"UID:broadcast-the-defector-tvo-later@broadcasts.crossing" in client.get(ics).content
    assert b"broadcast-the-defector-tvo-later@" in client.get(feed).content


# -- the real films ---------------------------------------------------------------------


def test_the_defectors_real_schedule_in_the_channels_zones(client: Client) -> None:
    """The film blog's 2013 times, as the front matter gives them: ABC1's 8.30pm is 10:30
    UTC (Sydney, AEST), TVO's 9:00pm on 26 June is 01:00 UTC the next day (Toronto, EDT)."""
    film = site_content().work("film", "the-defector")
    assert film is not None
    html = section(client.get(film.url).content.decode(), "broadcasts")
    found = {t["datetime"]: t for t in times(html)}
    assert len(found) == len(film.broadcasts)
    assert found["2013-06-17T10:30:00Z"]["text"] == "Monday, June 17, 2013, 8:30 PM AEST"
    assert found["2013-06-17T10:30:00Z"]["title"] == "Australian Eastern Standard Time"
    assert found["2013-06-27T01:00:00Z"]["text"] == "Wednesday, June 26, 2013, 9:00 PM EDT"
    assert found["2013-06-27T01:00:00Z"]["title"] == "Eastern Daylight Time"
    assert html.count('<span class="status">Shown</span>') == len(film.broadcasts)
    assert html.count('<span class="repeat">Repeat</span>') == sum(
        b.is_repeat for b in film.broadcasts
    )
    assert "Presented by Kerry O&#x27;Brien" in html
    for channel in film.channels:  # how its times were read, said once
        alike = [c for c in film.channels if c.note == channel.note]
        assert channel.note and html.count(escape(channel.note)) == len(alike)
    assert "does not state it plainly" not in html  # the notes say it, in their own words
    assert re.findall(r'<h3 class="broadcast-territory">([^<]+)</h3>', html) == [
        "Australia",
        "Canada",
    ]


def test_a_broadcast_known_only_by_its_year_says_so(client: Client) -> None:
    film = site_content().work("film", "crossing-heavens-border")
    assert film is not None and film.broadcasts
    [pbs] = film.broadcasts
    html = section(client.get(film.url).content.decode(), "broadcasts")
    item = html[html.index(f'id="broadcast-{pbs.id}"') :].split("</li>")[0]
    assert f'<span class="broadcast-date">{pbs.start}</span>' in item
    assert "The day and time are not recorded." in item
    assert "<time" not in item
