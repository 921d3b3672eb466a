"""Dates, times and amounts in the emails (and every screenings page: display.py): in the venue's zone with the zone named, and as
the reader's language writes them (Babel)."""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import Any

from django.utils import translation

from crossing.web.screenings.display import money, when_zoned
from crossing.web.screenings.models import Screening
from crossing.web.screenings.notifications import film_title, time_left

INSTANT = datetime.datetime(2027, 7, 3, 18, 30, tzinfo=datetime.UTC)


def venue(zone: str, currency: str = "GBP") -> Screening:
    return Screening(time_zone=zone, currency=currency, deadline=INSTANT)


def test_a_moment_is_written_in_the_venues_zone_with_the_zone_named() -> None:
    with translation.override("en"):
        london = when_zoned(INSTANT, venue("Europe/London"))
        toronto = when_zoned(INSTANT, venue("America/Toronto"))
        seoul = when_zoned(INSTANT, venue("Asia/Seoul"))
    assert london.startswith("Saturday, July 3, 2027, 7:30") and "British Summer Time" in london
    assert toronto.startswith("Saturday, July 3, 2027, 2:30") and "Eastern Daylight Time" in toronto
    assert seoul.startswith("Sunday, July 4, 2027, 3:30") and "Korean Standard Time" in seoul
    winter = when_zoned(INSTANT.replace(month=1), venue("America/Toronto"))
    assert "Eastern Standard Time" in winter


def test_a_korean_reader_reads_the_date_as_korean_writes_it() -> None:
    with translation.override("ko"):
        text = when_zoned(INSTANT, venue("Asia/Seoul"))
        amount = money(15000, "KRW")
    assert "2027년 7월 4일 일요일" in text
    assert amount == "₩15,000"  # the won has no minor unit


def test_amounts_are_in_the_currencys_minor_unit() -> None:
    with translation.override("en"):
        assert money(1250, "CAD") == "CA$12.50"
        assert money(1500, "JPY") == "¥1,500"
        assert money(5, "GBP") == "£0.05"


def test_the_time_left_is_in_words_and_never_negative() -> None:
    with translation.override("en"):
        assert time_left(venue("UTC"), INSTANT - datetime.timedelta(days=3)) == "3 days"
        assert time_left(venue("UTC"), INSTANT - datetime.timedelta(hours=5)) == "5 hours"
        assert time_left(venue("UTC"), INSTANT + datetime.timedelta(hours=5)) == "0 seconds"


def test_the_films_title_is_read_from_its_file_and_again_when_it_changes(
    tmp_path: Path, settings: Any
) -> None:
    works = tmp_path / "works"
    works.mkdir()
    original = settings.CONTENT_DIR / "works" / "film-the-defector.md"
    copy = works / "film-the-defector.md"
    copy.write_text(original.read_text())
    settings.CONTENT_DIR = tmp_path
    assert film_title("the-defector") == "The Defector: Escape from North Korea"
    assert film_title("no-such-film") == "no-such-film"
    copy.write_text(original.read_text().replace("Escape from North Korea", "Escape"))
    os.utime(copy, (1, 1))  # a different modification time, however fast the test runs
    assert film_title("the-defector") == "The Defector: Escape"
