"""A film's [[channels]] and [[broadcasts]]: read into instants in the channel's zone,
repeats completed from their first showing, and every mistake reported at its value."""

from __future__ import annotations

import datetime
import json
import zoneinfo
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from crossing.content import frontmatter, schema_org
from crossing.content.broadcast_tables import local_time_problem
from crossing.content.check import check_tree
from crossing.content.documents import WORK_SCHEMA, Body, Draft, Work, build_work
from crossing.story.diagnostics import Diagnostic
from crossing.story.source import SourceFile

ROOT = Path(__file__).resolve().parents[2]
PATH = "content/works/film-test.md"
SOURCES = {"blog", "paper"}
EMPTY = Body((), (), {}, (), (), 0)
UTC = datetime.UTC

FILM = """+++
kind = "film"
slug = "test-film"
title = "Test Film"
summary = "A film."

[[channels]]
key = "tvo"
name = "TVO"
territory = "CA"
timezone = "America/Toronto"
link = "https://www.tvo.org/"
source = "blog"

[[broadcasts]]
id = "first"
channel = "tvo"
start = 2013-11-02T20:00:00
duration = 60
presenter = "Someone"
catch_up = "TVO online"
source = "blog"

[[broadcasts]]
id = "again"
repeat_of = "first"
channel = "tvo"
start = 2013-11-04T20:00:00
source = "blog"
+++
Text.
"""


def load(text: str) -> tuple[Work | None, list[Diagnostic]]:
    diagnostics: list[Diagnostic] = []
    source = SourceFile(PATH, text)
    matter, problems = frontmatter.read(source, WORK_SCHEMA)
    diagnostics += problems
    assert matter is not None, problems
    work = build_work(Draft(source, matter), EMPTY, SOURCES, diagnostics)
    return work, diagnostics


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) >= 1, old
    return text.replace(old, new, 1)


def place(text: str, line_text: str, value: str) -> tuple[int, int]:
    """The line and column where `value` is written on the (first) line holding `line_text`."""
    for number, line in enumerate(text.split("\n"), 1):
        if line_text in line:
            return number, line.index(value, line.index("=") if "=" in line else 0) + 1
    raise AssertionError(line_text)


def only(diagnostics: list[Diagnostic], code: str = "E210") -> Diagnostic:
    found = [d for d in diagnostics if d.code == code]
    assert len(found) == 1, diagnostics
    return found[0]


def at(diagnostic: Diagnostic) -> tuple[int, int]:
    assert diagnostic.position is not None and diagnostic.position.path == PATH
    return diagnostic.position.line, diagnostic.position.col


# -- reading -----------------------------------------------------------------------------


def test_a_good_film_reads_without_a_word() -> None:
    work, diagnostics = load(FILM)
    assert diagnostics == []
    assert work is not None
    [channel] = work.channels
    assert (channel.key, channel.territory, channel.zone.key) == ("tvo", "CA", "America/Toronto")
    assert not channel.zone_assumed and channel.link == "https://www.tvo.org/"
    assert [b.id for b in work.broadcasts] == ["first", "again"]
    assert "blog" in work.sources


def test_a_repeat_takes_what_it_leaves_out_from_its_first_showing() -> None:
    work, _ = load(FILM)
    assert work is not None
    first, again = work.broadcasts
    assert again.is_repeat and not first.is_repeat
    assert (again.duration, again.presenter, again.catch_up) == (60, "Someone", "TVO online")
    assert again.duration_estimated is False
    assert again.uid == "broadcast-test-film-again@broadcasts.crossing"


def test_a_repeat_keeps_what_it_gives_itself() -> None:
    text = edit(
        FILM,
        'repeat_of = "first"',
        'repeat_of = "first"\npresenter = "Another"\nduration = 45\nduration_estimated = true',
    )
    text = edit(text, "duration = 60", "duration = 60\nduration_estimated = true")
    work, diagnostics = load(text)
    assert diagnostics == [] and work is not None
    first, again = work.broadcasts
    assert (again.presenter, again.duration, again.catch_up) == ("Another", 45, "TVO online")
    assert first.duration_estimated and again.duration_estimated


def test_an_estimated_length_is_inherited_with_the_length() -> None:
    work, _ = load(edit(FILM, "duration = 60", "duration = 60\nduration_estimated = true"))
    assert work is not None
    assert work.broadcasts[1].duration == 60 and work.broadcasts[1].duration_estimated


def test_broadcasts_are_sorted_by_start_whatever_their_order_in_the_file() -> None:
    text = edit(FILM, "start = 2013-11-04T20:00:00", "start = 2013-11-04T20:00:00")
    text = text.replace(
        "+++\nText.",
        '[[broadcasts]]\nid = "early"\nchannel = "tvo"\nstart = "2013-10"\nsource = "blog"\n\n'
        '[[broadcasts]]\nid = "late"\nchannel = "tvo"\nstart = "2014"\nsource = "blog"\n'
        "+++\nText.",
    )
    work, diagnostics = load(text)
    assert diagnostics == [] and work is not None
    assert [b.id for b in work.broadcasts] == ["early", "first", "again", "late"]
    early = work.broadcasts[0]
    assert early.instant is None and early.ends is None and early.local_start is None


def test_instants_across_a_daylight_saving_change() -> None:
    work, _ = load(FILM)
    assert work is not None
    first, again = work.broadcasts
    # Toronto leaves daylight time in the night of 3 November 2013: a day of 25 hours.
    assert first.instant == datetime.datetime(2013, 11, 3, 0, 0, tzinfo=UTC)
    assert again.instant == datetime.datetime(2013, 11, 5, 1, 0, tzinfo=UTC)
    assert again.instant - first.instant == datetime.timedelta(hours=49)
    assert first.ends == datetime.datetime(2013, 11, 3, 1, 0, tzinfo=UTC)


def test_a_toronto_repeat_two_days_later_is_twenty_five_hours_after_a_day_later() -> None:
    text = edit(FILM, "start = 2013-11-04T20:00:00", "start = 2013-11-03T20:00:00")
    work, _ = load(text)
    assert work is not None
    first, again = work.broadcasts
    assert again.instant is not None and first.instant is not None
    assert again.instant - first.instant == datetime.timedelta(hours=25)


def test_an_end_gives_the_elapsed_length_across_the_change() -> None:
    text = edit(FILM, "start = 2013-11-02T20:00:00", "start = 2013-11-03T00:30:00")
    text = edit(text, "duration = 60", "end = 2013-11-03T03:00:00")
    work, diagnostics = load(text)
    assert diagnostics == [] and work is not None
    first = work.broadcasts[0]
    assert first.duration == 210  # 3 h 30 by the clock on the wall would be wrong: it went back
    assert first.ends == datetime.datetime(2013, 11, 3, 8, 0, tzinfo=UTC)


def test_times_that_do_not_exist_or_happen_twice() -> None:
    toronto = zoneinfo.ZoneInfo("America/Toronto")
    gap = local_time_problem(datetime.datetime(2013, 3, 10, 2, 30), toronto)
    assert gap is not None and "does not exist" in gap
    twice = local_time_problem(datetime.datetime(2013, 11, 3, 1, 30), toronto)
    assert twice is not None and "05:30 UTC" in twice and "06:30 UTC" in twice
    assert local_time_problem(datetime.datetime(2013, 11, 3, 2, 30), toronto) is None


def test_is_past_for_instants_and_for_dates() -> None:
    work, _ = load(FILM)
    assert work is not None
    first = work.broadcasts[0]
    assert first.is_past(datetime.datetime(2013, 11, 3, 1, 0, tzinfo=UTC))
    assert not first.is_past(datetime.datetime(2013, 11, 3, 0, 59, tzinfo=UTC))


def test_watch_rows_carry_the_day_they_were_checked() -> None:
    row = (
        '[[watch]]\nterritory = "CA"\nservice = "TVO online"\nkind = "streaming"\n'
        'checked = 2013-11-01\nsource = "blog"\n\n[[channels]]'
    )
    work, diagnostics = load(FILM.replace("[[channels]]", row, 1))
    assert diagnostics == [] and work is not None
    [option] = work.watch
    assert option.checked == datetime.date(2013, 11, 1)
    assert option.is_current(datetime.date(2013, 11, 2))


# -- diagnostics, each at its value ------------------------------------------------------


def _channel(extra: str) -> str:
    return FILM.replace("[[broadcasts]]", extra + "\n[[broadcasts]]", 1)


CASES: list[tuple[str, str, str, str, str | None, str, str]] = [
    # (old, new, line to look on, value, hint fragment, message fragment, code)
    (
        'timezone = "America/Toronto"',
        'timezone = "America/Toront"',
        "timezone =",
        "America/Toront",
        "did you mean 'America/Toronto'?",
        "unknown time zone 'America/Toront'",
        "E210",
    ),
    (
        "start = 2013-11-02T20:00:00",
        'start = "2 November 2013"',
        "start = ",
        "2 November 2013",
        'a year "2009"',
        "start '2 November 2013' is not a local date and time",
        "E210",
    ),
    (
        "start = 2013-11-02T20:00:00",
        'start = "2013-02-30"',
        "start = ",
        "2013-02-30",
        None,
        "start '2013-02-30' is not a local date and time",
        "E210",
    ),
    (
        "start = 2013-11-02T20:00:00",
        "start = 2013-03-10T02:30:00",
        "start = 2013-03",
        "2013-03-10T02:30",
        "hour later",
        "02:30 on 2013-03-10 does not exist in America/Toronto",
        "E210",
    ),
    (
        "start = 2013-11-02T20:00:00",
        "start = 2013-11-03T01:30:00",
        "start = 2013-11-03",
        "2013-11-03T01:30",
        "the source must say which",
        "at 2013-11-03 05:30 UTC and at 2013-11-03 06:30 UTC",
        "E210",
    ),
    (
        "duration = 60",
        "end = 2013-11-02T19:00:00",
        "end = ",
        "2013-11-02T19:00",
        None,
        "end 2013-11-02T19:00 is not after start 2013-11-02T20:00",
        "E210",
    ),
    (
        "duration = 60",
        "end = 2013-11-02T20:00:00",
        "end = ",
        "2013-11-02T20:00",
        None,
        "is not after start",
        "E210",
    ),
    (
        "duration = 60",
        "duration = 0",
        "duration = ",
        "0",
        "minutes",
        "duration 0 is not positive",
        "E210",
    ),
    (
        "duration = 60",
        "duration = 60\nend = 2013-11-02T21:00:00",
        "end = ",
        "2013-11-02T21:00",
        "keep one",
        "both 'end' and 'duration'",
        "E210",
    ),
    (
        "start = 2013-11-04T20:00:00",
        "start = 2013-11-01T20:00:00",
        "start = 2013-11-01",
        "2013-11-01T20:00",
        None,
        "not after its first showing (2013-11-02T20:00)",
        "E210",
    ),
    (
        'repeat_of = "first"',
        'repeat_of = "firts"',
        "repeat_of =",
        "firts",
        "did you mean 'first'?",
        "repeat_of 'firts' names no broadcast of this film",
        "E210",
    ),
    (
        'channel = "tvo"\nstart = 2013-11-04',
        'channel = "tov"\nstart = 2013-11-04',
        'channel = "tov"',
        "tov",
        "did you mean 'tvo'?",
        "unknown channel 'tov'",
        "E210",
    ),
    (
        'id = "again"',
        'id = "first"',
        'id = "first"\nrepeat',  # the second one: found by the code below
        "first",
        None,
        "two broadcasts have the id 'first'",
        "E210",
    ),
    (
        'id = "again"',
        'id = "Again Later"',
        'id = "Again',
        "Again Later",
        "abc1-premiere",
        "id 'Again Later' must be lower-case words joined by hyphens",
        "E210",
    ),
    (
        'territory = "CA"',
        'territory = "Canada"',
        "territory =",
        "Canada",
        "ISO 3166",
        "territory 'Canada' is not a country code",
        "E210",
    ),
    (
        'territory = "CA"',
        'territory = "XX"',
        "territory =",
        "XX",
        "ISO 3166",
        "territory 'XX' is not a country code",
        "E210",
    ),
    (
        'link = "https://www.tvo.org/"',
        'link = "http://www.tvo.org/"',
        "link =",
        "http://www.tvo.org/",
        "https://",
        "link 'http://www.tvo.org/' is not an https address",
        "E210",
    ),
]


@pytest.mark.parametrize(("old", "new", "line", "value", "hint", "message", "code"), CASES)
def test_each_mistake_is_reported_at_its_value(
    old: str, new: str, line: str, value: str, hint: str | None, message: str, code: str
) -> None:
    text = edit(FILM, old, new)
    _, diagnostics = load(text)
    found = only(diagnostics, code)
    assert message in found.message
    if hint is not None:
        assert found.hint is not None and hint in found.hint
    if "\n" in line:  # a duplicate: the second place the value is written
        lines = text.split("\n")
        number = [n for n, row in enumerate(lines, 1) if row == new][1]
        assert at(found) == (number, lines[number - 1].index(value) + 1)
    else:
        assert at(found) == place(text, line, value)


def test_a_bad_entry_is_left_out_and_the_others_stay() -> None:
    text = FILM.replace(
        "+++\nText.",
        '[[broadcasts]]\nid = "broken"\nchannel = "tvo"\nstart = "soon"\nsource = "blog"\n'
        "+++\nText.",
    )
    work, diagnostics = load(text)
    assert work is not None
    assert [d.code for d in diagnostics] == ["E210"]
    assert [b.id for b in work.broadcasts] == ["first", "again"]
    assert work.title == "Test Film" and work.channels


def test_a_start_with_an_offset_is_refused_at_its_line() -> None:
    text = edit(FILM, "start = 2013-11-02T20:00:00", "start = 2013-11-02T20:00:00Z")
    _, diagnostics = load(text)
    found = only(diagnostics)
    assert "2013-11-02T20:00+00:00" in found.message and "channel's own time" in (found.hint or "")
    assert at(found) == (place(text, "start = 2013-11-02T20:00:00Z", "2013")[0], 1)  # its key


def test_a_repeat_of_a_repeat() -> None:
    third = (
        '[[broadcasts]]\nid = "third"\nrepeat_of = "again"\nchannel = "tvo"\n'
        'start = 2013-11-09T20:00:00\nsource = "blog"\n+++\nText.'
    )
    text = FILM.replace("+++\nText.", third)
    work, diagnostics = load(text)
    found = only(diagnostics)
    assert found.message == "repeat_of 'again' names a repeat"
    assert found.hint == "name the first showing, 'first'"
    assert at(found) == place(text, 'repeat_of = "again"', "again")
    assert work is not None and [b.id for b in work.broadcasts] == ["first", "again"]


def test_a_repeat_of_itself() -> None:
    text = edit(FILM, 'repeat_of = "first"', 'repeat_of = "again"')
    _, diagnostics = load(text)
    assert only(diagnostics).message == "'again' is a repeat of itself"


def test_two_channels_with_one_key() -> None:
    twin = '[[channels]]\nkey = "tvo"\nname = "TVO 2"\nterritory = "CA"\n'
    twin += 'timezone = "America/Toronto"\nsource = "blog"\n'
    text = _channel(twin)
    work, diagnostics = load(text)
    found = only(diagnostics)
    assert found.message == "two channels have the key 'tvo'"
    lines = text.split("\n")
    second = [n for n, row in enumerate(lines, 1) if row == 'key = "tvo"'][1]
    assert at(found) == (second, 8)
    assert work is not None and [c.name for c in work.channels] == ["TVO"]


def test_a_channel_nobody_uses_is_a_warning_at_its_key() -> None:
    unused = '[[channels]]\nkey = "pbs"\nname = "PBS"\nterritory = "US"\n'
    unused += 'timezone = "America/New_York"\nzone_assumed = true\nsource = "paper"\n'
    text = _channel(unused)
    work, diagnostics = load(text)
    found = only(diagnostics, "W204")
    assert found.message == "no broadcast is on the channel 'pbs'"
    assert at(found) == place(text, 'key = "pbs"', "pbs")
    assert work is not None and len(work.channels) == 2 and work.channels[1].zone_assumed


def test_a_missing_or_unknown_source() -> None:
    text = edit(FILM, 'start = 2013-11-04T20:00:00\nsource = "blog"', "start = 2013-11-04T20:00:00")
    _, diagnostics = load(text)
    found = only(diagnostics, "E201")
    assert found.message == "missing field 'source' in [[broadcasts]] entry 2"
    header = [n for n, row in enumerate(text.split("\n"), 1) if row == "[[broadcasts]]"][1]
    assert at(found) == (header, 1)
    text = edit(FILM, 'catch_up = "TVO online"\nsource = "blog"', 'catch_up = "x"\nsource = "blgo"')
    _, diagnostics = load(text)
    found = only(diagnostics, "E202")
    assert found.message == "unknown source 'blgo'" and found.hint == "did you mean 'blog'?"
    header = next(n for n, row in enumerate(text.split("\n"), 1) if row == "[[broadcasts]]")
    assert at(found) == (header, 1)


def test_a_broadcast_in_watch_points_to_broadcasts() -> None:
    row = (
        '[[watch]]\nterritory = "CA"\nservice = "TVO"\nkind = "broadcast"\n'
        'from = "2013-06-26T21:00"\nsource = "blog"\n\n[[channels]]'
    )
    text = FILM.replace("[[channels]]", row, 1)
    work, diagnostics = load(text)
    found = only(diagnostics, "E201")
    assert found.message == "a broadcast is no longer a [[watch]] row"
    assert found.hint is not None and "[[broadcasts]]" in found.hint
    assert at(found) == place(text, 'kind = "broadcast"', "broadcast")
    assert work is not None and work.watch == () and len(work.broadcasts) == 2


def test_a_watch_row_checked_in_the_future() -> None:
    row = (
        '[[watch]]\nterritory = "CA"\nservice = "TVO online"\nkind = "streaming"\n'
        'checked = 2999-01-01\nsource = "blog"\n\n[[channels]]'
    )
    text = FILM.replace("[[channels]]", row, 1)
    work, diagnostics = load(text)
    found = only(diagnostics, "E201")
    assert found.message == "checked 2999-01-01 is in the future"
    assert at(found) == place(text, "checked = 2999", "2999-01-01")
    assert work is not None and work.watch == ()


def test_a_book_has_no_broadcasts() -> None:
    text = edit(FILM, 'kind = "film"', 'kind = "book"')
    work, diagnostics = load(text)
    errors = [d for d in diagnostics if d.code == "E210"]
    assert [d.message for d in errors] == [
        "a book has no [[channels]]: only films are broadcast",
        "a book has no [[broadcasts]]: only films are broadcast",
    ]
    assert at(errors[0])[0] == place(text, "[[channels]]", "[")[0]
    assert work is not None and work.broadcasts == () and work.channels == ()


def test_crossing_check_shows_a_broadcast_mistake_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    shutil.copytree(ROOT / "content", tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    film = Path("content/works/film-the-defector.md")
    film.with_suffix(".ko.md").unlink()  # its translation would (rightly) differ: E211
    text = film.read_text(encoding="utf-8")
    text = text.replace('timezone = "America/Toronto"', 'timezone = "America/Torono"', 1)
    film.write_text(text, encoding="utf-8")
    [found] = check_tree(Path("content")).diagnostics
    assert found.code == "E210" and found.hint == "did you mean 'America/Toronto'?"
    line, col = place(text, 'timezone = "America/Torono"', "America/Torono")
    assert found.position is not None
    assert (found.position.path, found.position.line, found.position.col) == (
        str(film),
        line,
        col,
    )


# -- the real content ------------------------------------------------------------------


def _real(slug: str) -> Work:
    content = check_tree(ROOT / "content").content
    work = content.work("film", slug)
    assert work is not None
    return work


def test_the_real_content_loads_with_the_blogs_instants() -> None:
    assert check_tree(ROOT / "content").diagnostics == []
    defector = _real("the-defector")
    shown = {b.id: b for b in defector.broadcasts}
    # "Monday June 17th at 8.30pm on ABC1": Sydney keeps standard time (UTC+10) in June.
    assert shown["abc1-premiere"].instant == datetime.datetime(2013, 6, 17, 10, 30, tzinfo=UTC)
    assert shown["abc1-premiere"].presenter == "Kerry O'Brien"
    # "TVO Wednesday, June 26th at 9:00pm ... EST": Toronto's clocks read EDT (UTC-4) then.
    assert shown["tvo-premiere"].instant == datetime.datetime(2013, 6, 27, 1, 0, tzinfo=UTC)
    assert shown["tvo-midnight"].instant == datetime.datetime(2013, 6, 27, 4, 0, tzinfo=UTC)
    assert shown["abc1-repeat"].catch_up == "ABC iview"  # inherited from the premiere
    assert shown["abc-news-24"].catch_up == "ABC iview"
    assert all(b.duration is None for b in defector.broadcasts)  # no source gives one
    assert all(b.channel.zone_assumed for b in defector.broadcasts)
    assert {c.territory for c in defector.channels} == {"AU", "CA"}
    starts = [b.instant for b in defector.broadcasts]
    assert starts == sorted(s for s in starts if s is not None) and len(starts) == 8
    assert {o.service for o in defector.watch} == {
        "iTunes",
        "ABC iview",
        "Tugg",
        "The New York Times, Op-Docs",
    }
    assert all(o.checked is None for o in defector.watch)


def test_the_pbs_showing_is_known_only_by_its_year() -> None:
    [wide_angle] = _real("crossing-heavens-border").broadcasts
    assert wide_angle.start == "2009" and wide_angle.instant is None
    assert wide_angle.channel.timezone == "America/New_York" and wide_angle.channel.zone_assumed
    assert wide_angle.source == "pbs-2009"
    # Over once 2009 has passed in New York: five hours after it has in UTC.
    assert wide_angle.is_past(datetime.datetime(2010, 1, 1, 5, 0, tzinfo=UTC))
    assert not wide_angle.is_past(datetime.datetime(2010, 1, 1, 4, 59, tzinfo=UTC))


# -- JSON-LD ---------------------------------------------------------------------------


def test_a_broadcast_event_carries_the_channels_offset() -> None:
    defector = _real("the-defector")
    premiere = next(b for b in defector.broadcasts if b.id == "abc1-premiere")
    event = schema_org.broadcast_event(premiere, defector)
    assert event == {
        "@type": "BroadcastEvent",
        "name": "The Defector: Escape from North Korea (ABC1)",
        "startDate": "2013-06-17T20:30:00+10:00",
        "isLiveBroadcast": False,
        "publishedOn": {
            "@type": "BroadcastService",
            "name": "ABC1",
            "areaServed": {"@type": "Country", "identifier": "AU"},
        },
        "workPresented": {"@type": "Movie", "name": "The Defector: Escape from North Korea"},
    }
    movie = schema_org.work(defector)
    events = [e for e in movie["publication"] if e["@type"] == "BroadcastEvent"]
    assert len(events) == 8 and events[0] == event
    json.dumps(movie)


def test_a_broadcast_event_with_an_end_and_a_link() -> None:
    work, _ = load(FILM)
    assert work is not None
    event = schema_org.broadcast_event(work.broadcasts[1], work)
    assert event["startDate"] == "2013-11-04T20:00:00-05:00"
    assert event["endDate"] == "2013-11-04T21:00:00-05:00"
    assert event["publishedOn"]["url"] == "https://www.tvo.org/"


def test_a_broadcast_known_by_its_year_is_dated_by_it() -> None:
    work = _real("crossing-heavens-border")
    event = schema_org.broadcast_event(work.broadcasts[0], work)
    assert event["startDate"] == "2009" and "endDate" not in event


# -- any table ---------------------------------------------------------------------------

ZONES = ("America/Toronto", "Australia/Sydney", "Europe/London", "Asia/Seoul", "UTC")
moments = st.datetimes(
    min_value=datetime.datetime(1990, 1, 1), max_value=datetime.datetime(2040, 12, 31)
).map(lambda moment: moment.replace(second=0, microsecond=0))


def _toml(value: Any) -> str:
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        escaped = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in escaped)
        return f'"{escaped}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


@st.composite
def schedules(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Showings on any of the channels; later ones may repeat the first, on its channel,
    at least two hours after it by the clock (so after it in time too)."""
    first = {
        "start": draw(moments),
        "zone": draw(st.sampled_from(ZONES)),
        "duration": draw(st.none() | st.integers(1, 600)),
        "presenter": draw(st.none() | st.sampled_from(["Kerry O'Brien", "Aaron Brown"])),
        "repeat": False,
    }
    rows = [first]
    for _ in range(draw(st.integers(0, 5))):
        if draw(st.booleans()):
            later = datetime.timedelta(minutes=draw(st.integers(120, 60 * 24 * 60)))
            rows.append(
                {
                    "start": first["start"] + later,
                    "zone": first["zone"],
                    "duration": draw(st.none() | st.integers(1, 600)),
                    "presenter": None,
                    "repeat": True,
                }
            )
        else:
            rows.append(
                {
                    "start": draw(moments),
                    "zone": draw(st.sampled_from(ZONES)),
                    "duration": draw(st.none() | st.integers(1, 600)),
                    "presenter": None,
                    "repeat": False,
                }
            )
    return rows


def _film(rows: list[dict[str, Any]], start: Any = None) -> str:
    parts = ['+++\nkind = "film"\nslug = "f"\ntitle = "F"\nsummary = "S"\n']
    for index, zone in enumerate(ZONES):
        parts.append(
            f'[[channels]]\nkey = "c{index}"\nname = "C{index}"\nterritory = "CA"\n'
            f'timezone = "{zone}"\nsource = "blog"\n'
        )
    for index, row in enumerate(rows):
        written = row["start"] if start is None else start
        parts.append(
            f'[[broadcasts]]\nid = "b{index}"\nchannel = "c{ZONES.index(row["zone"])}"\n'
            f'start = {_toml(written)}\nsource = "blog"\n'
            + (f"duration = {row['duration']}\n" if row["duration"] else "")
            + (f"presenter = {_toml(row['presenter'])}\n" if row.get("presenter") else "")
            + ('repeat_of = "b0"\n' if row.get("repeat") else "")
        )
    return "\n".join(parts) + "+++\nText.\n"


def _unclear(row: dict[str, Any]) -> bool:
    return local_time_problem(row["start"], zoneinfo.ZoneInfo(row["zone"])) is not None


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(schedules())
def test_any_valid_schedule_reads_back(rows: list[dict[str, Any]]) -> None:
    work, diagnostics = load(_film(rows))
    assert work is not None
    first = rows[0]
    # A showing at a time that is not one instant is reported; its repeats are left out
    # with it, without a message of their own.
    reported = [row for row in rows if _unclear(row) and not (row["repeat"] and _unclear(first))]
    kept = [row for row in rows if not _unclear(row) and not (row["repeat"] and _unclear(first))]
    errors = [d for d in diagnostics if d.code != "W204"]  # not every channel is used
    assert len(errors) == len(reported), errors
    assert len(work.broadcasts) == len(kept)
    for broadcast in work.broadcasts:
        row = rows[int(broadcast.id[1:])]
        assert broadcast.channel.timezone == row["zone"]
        assert broadcast.local_start is not None
        assert broadcast.local_start.replace(tzinfo=None) == row["start"]
        own = row["duration"]
        assert broadcast.duration == (own or first["duration"] if row["repeat"] else own)
        assert broadcast.presenter == (first["presenter"] if row["repeat"] else row["presenter"])
        assert broadcast.is_repeat == row["repeat"]
    instants = [b.instant for b in work.broadcasts]
    assert instants == sorted(i for i in instants if i is not None)


mangled = st.one_of(
    st.text(max_size=30),
    st.from_regex(r"\A\d{1,5}(-\d{1,3}){0,2}(T\d{1,3}:\d{1,3})?\Z", fullmatch=True),
    st.integers(-10_000, 10_000),
    st.booleans(),
    st.dates(),
    st.times().map(lambda t: t.replace(microsecond=0)),
    st.datetimes(timezones=st.just(datetime.UTC)).map(lambda m: m.replace(microsecond=0)),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mangled)
@example("2013-13-01")
@example("2013-02-29T10:00")
@example("2013-06-17T24:00")
@example("")
@example("2013-03-10T02:30")
def test_a_mangled_start_is_a_diagnostic_never_an_exception(start: Any) -> None:
    row = {"start": None, "zone": "America/Toronto", "duration": 30}
    text = _film([row], start=start)
    source = SourceFile(PATH, text)
    matter, problems = frontmatter.read(source, WORK_SCHEMA)
    diagnostics = list(problems)
    work = None
    if matter is not None:
        work = build_work(Draft(source, matter), EMPTY, SOURCES, diagnostics)
    errors = [d for d in diagnostics if d.code != "W204"]
    if work is not None and work.broadcasts:
        [broadcast] = work.broadcasts
        assert errors == []
        assert broadcast.start[:4].isdigit()
        if broadcast.instant is not None:
            assert broadcast.local_start is not None
    else:
        assert errors, start
