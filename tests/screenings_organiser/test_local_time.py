"""Local times made into moments: every wall-clock time in any zone is either one moment
(which shows that time again at the venue) or refused as skipped or doubled, and then it
truly is."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from crossing.web.screenings.organiser_time import (
    COMMON_ZONES,
    all_zones,
    aware,
    parse_local,
    zone_choices,
)

ZONES = [*COMMON_ZONES, "Australia/Lord_Howe", "America/St_Johns", "Asia/Kathmandu"]
UTC = datetime.UTC


@settings(max_examples=400, deadline=None)
@given(
    local=st.datetimes(
        min_value=datetime.datetime(2000, 1, 1), max_value=datetime.datetime(2040, 12, 31)
    ),
    zone=st.sampled_from(ZONES),
)
def test_a_local_time_is_one_moment_or_refused_for_a_reason(
    local: datetime.datetime, zone: str
) -> None:
    local = local.replace(second=0, microsecond=0)
    tz = zoneinfo.ZoneInfo(zone)
    try:
        moment = aware(local, zone)
    except ValidationError as refused:
        assert refused.code in ("ambiguous", "nonexistent")
        first = local.replace(tzinfo=tz, fold=0)
        second = local.replace(tzinfo=tz, fold=1)
        assert first.utcoffset() != second.utcoffset()
        shown = {
            m.astimezone(UTC).astimezone(tz).replace(tzinfo=None) == local for m in (first, second)
        }
        # Doubled: both readings show the time; skipped: at most one of them does.
        assert (shown == {True}) == (refused.code == "ambiguous")
    else:
        assert moment.astimezone(UTC).astimezone(tz).replace(tzinfo=None) == local


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027-05-14T19:30", datetime.datetime(2027, 5, 14, 19, 30)),
        ("2027-05-14 19:30", datetime.datetime(2027, 5, 14, 19, 30)),
        (" 2027-05-14T19:30:00 ", datetime.datetime(2027, 5, 14, 19, 30)),
    ],
)
def test_the_formats_browsers_and_people_send(text: str, expected: datetime.datetime) -> None:
    assert parse_local(text) == expected


@given(st.text(max_size=40))
def test_anything_else_is_refused_not_crashed(text: str) -> None:
    try:
        parse_local(text)
    except ValidationError as refused:
        assert refused.code == "invalid"


def test_the_zones_offered() -> None:
    zones = all_zones()
    assert "America/Toronto" in zones and "UTC" in zones
    assert not {"US/Eastern", "EST5EDT", "Etc/GMT+5"} & zones
    groups = zone_choices()
    assert groups[0][0] == "Common time zones"
    assert [value for value, _ in groups[0][1]] == [z for z in COMMON_ZONES if z in zones]
    listed = {value for _, group in groups[1:] for value, _ in group}
    assert listed == zones
