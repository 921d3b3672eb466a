"""Reading a film's `[[channels]]` and `[[broadcasts]]` tables (docs/content.md,
"Broadcasts") into `Channel` and `Broadcast` records, every problem reported at the value
that has it (E210, W204). A bad entry is left out; the others are read."""

from __future__ import annotations

import datetime
import re
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from babel import Locale

from crossing.story.diagnostics import Diagnostic, Position, did_you_mean

from .broadcasts import Broadcast, Channel
from .frontmatter import FrontMatter

CODE = "E210"
UNUSED = "W204"
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# What a start may be: a year, a month, a day, or a local date and time (TOML's local
# date-time reaches us as "2013-06-17T20:30": the front matter reader writes it so).
_START = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?$")
_LOCAL_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$")
START_FORMS = 'a year "2009", a month "2013-06", a day "2013-06-17" or 2013-06-17T20:30'


@cache
def known_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


@cache
def country_codes() -> frozenset[str]:
    """ISO 3166 two-letter codes, as Babel (CLDR) knows them."""
    codes = (str(code) for code in Locale("en").territories)
    return frozenset(code for code in codes if re.fullmatch("[A-Z]{2}", code))


@dataclass(frozen=True, slots=True)
class _Entry:
    """One table entry: its checked fields, and where the entry and each value are written."""

    values: dict[str, Any]
    at: Position
    fields: dict[str, Position]

    def where(self, name: str) -> Position:
        return self.fields.get(name, self.at)


def _entries(matter: FrontMatter, name: str) -> list[_Entry]:
    found = zip(
        matter.tables.get(name, []),
        matter.table_positions.get(name, []),
        matter.table_fields.get(name, []),
        strict=True,
    )
    return [_Entry(values, at, fields) for values, at, fields in found]


def _utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")


def local_time_problem(naive: datetime.datetime, zone: zoneinfo.ZoneInfo) -> str | None:
    """Why a wall-clock time names no single instant in `zone`, or None when it does."""
    first = naive.replace(tzinfo=zone, fold=0)
    second = naive.replace(tzinfo=zone, fold=1)
    if first.utcoffset() == second.utcoffset():
        return None
    back = first.astimezone(datetime.UTC).astimezone(zone).replace(tzinfo=None)
    if back != naive:  # in the gap: the clocks jumped over it
        return (
            f"{naive:%H:%M} on {naive:%Y-%m-%d} does not exist in {zone.key}: the clocks go"
            " forward that night"
        )
    return (
        f"{naive:%H:%M} on {naive:%Y-%m-%d} happens twice in {zone.key} (the clocks go back):"
        f" at {_utc(first)} and at {_utc(second)}"
    )


class _Reader:
    def __init__(self, film: str, diagnostics: list[Diagnostic]) -> None:
        self.film = film
        self.diagnostics = diagnostics

    def error(self, message: str, at: Position, hint: str | None = None) -> None:
        self.diagnostics.append(Diagnostic(CODE, message, at, hint))

    # -- channels ----------------------------------------------------------------------

    def channels(self, entries: list[_Entry]) -> tuple[dict[str, Channel], set[str]]:
        """The good channels by key, and every key written (a broadcast naming a bad
        channel is left out without a second message)."""
        good: dict[str, Channel] = {}
        written: set[str] = set()
        required = {"key", "name", "territory", "timezone", "source"}
        for entry in entries:
            values = entry.values
            key = values.get("key")
            if key is not None and key in written:
                self.error(
                    f"two channels have the key '{key}'",
                    entry.where("key"),
                    "each [[channels]] entry needs its own key",
                )
                continue
            if key is not None:
                written.add(key)
            ok = required <= values.keys()
            ok &= self._zone(entry)
            ok &= self._territory(entry)
            ok &= self._link(entry)
            if ok:
                good[values["key"]] = Channel(
                    values["key"],
                    values["name"],
                    values["territory"],
                    values["timezone"],
                    values.get("zone_assumed", False),
                    values.get("link"),
                    values["source"],
                    note=values.get("note"),
                )
        return good, written

    def _zone(self, entry: _Entry) -> bool:
        zone = entry.values.get("timezone")
        if zone is None or zone in known_zones():
            return True
        hint = did_you_mean(zone, known_zones()) or "use an IANA name such as America/Toronto"
        self.error(f"unknown time zone '{zone}'", entry.where("timezone"), hint)
        return False

    def _territory(self, entry: _Entry) -> bool:
        territory = entry.values.get("territory")
        if territory is None or territory in country_codes():
            return True
        self.error(
            f"territory '{territory}' is not a country code",
            entry.where("territory"),
            "use an ISO 3166 code such as US, AU or CA",
        )
        return False

    def _link(self, entry: _Entry) -> bool:
        link = entry.values.get("link")
        if link is None:
            return True
        parts = urlsplit(link)
        if parts.scheme == "https" and parts.netloc and " " not in link:
            return True
        self.error(
            f"link '{link}' is not an https address",
            entry.where("link"),
            "write the channel's address in full, such as https://www.abc.net.au/",
        )
        return False

    # -- broadcasts --------------------------------------------------------------------

    def start(self, entry: _Entry, zone: zoneinfo.ZoneInfo) -> str | None:
        start: str = entry.values["start"]
        at = entry.where("start")
        if not _START.match(start) or not _valid_date(start):
            self.error(
                f"start '{start}' is not a local date and time",
                at,
                f"write {START_FORMS}, in the channel's own time (its zone gives the offset)",
            )
            return None
        if _LOCAL_TIME.match(start):
            problem = local_time_problem(datetime.datetime.fromisoformat(start), zone)
            if problem:
                self.error(problem, at, _gap_hint(problem))
                return None
        return start

    def duration(
        self, entry: _Entry, start: str, zone: zoneinfo.ZoneInfo
    ) -> tuple[bool, int | None]:
        """(good, minutes): from `duration`, or from `end` counted in elapsed time."""
        values = entry.values
        if "duration" in values and "end" in values:
            self.error(
                "a broadcast gives both 'end' and 'duration'",
                entry.where("end"),
                "keep one of them: the other follows from it",
            )
            return False, None
        if "duration" in values:
            minutes = values["duration"]
            if minutes <= 0:
                self.error(
                    f"duration {minutes} is not positive",
                    entry.where("duration"),
                    "give the length in minutes, such as duration = 60",
                )
                return False, None
            return True, minutes
        if "end" not in values:
            return True, None
        end, at = values["end"], entry.where("end")
        if not _LOCAL_TIME.match(end) or not _valid_date(end) or not _LOCAL_TIME.match(start):
            self.error(
                f"end '{end}' is not a local date and time after a start with a time of day",
                at,
                "write end = 2013-06-17T21:25 (the start needs its time too), or use duration",
            )
            return False, None
        problem = local_time_problem(datetime.datetime.fromisoformat(end), zone)
        if problem:
            self.error(problem, at, _gap_hint(problem))
            return False, None
        begins = datetime.datetime.fromisoformat(start).replace(tzinfo=zone)
        ends = datetime.datetime.fromisoformat(end).replace(tzinfo=zone)
        elapsed = ends.astimezone(datetime.UTC) - begins.astimezone(datetime.UTC)
        if elapsed <= datetime.timedelta(0):
            self.error(
                f"end {end} is not after start {start}",
                at,
                "the end is the channel's local time the showing ended",
            )
            return False, None
        return True, int(elapsed.total_seconds() // 60)


def _valid_date(text: str) -> bool:
    """A date that exists (no 30 February, no month 13)."""
    day = text[:10]
    padded = {4: f"{day}-01-01", 7: f"{day}-01"}.get(len(day), day)
    try:
        datetime.date.fromisoformat(padded)
        if "T" in text:
            datetime.time.fromisoformat(text[11:])
    except ValueError:
        return False
    return True


def _gap_hint(problem: str) -> str:
    if "happens twice" in problem:
        return (
            "the source must say which; until it does, give only the day"
            ' (start = "YYYY-MM-DD") and say why in the note'
        )
    return "check the source's time: the clock read an hour later by then"


def _sort_key(broadcast: Broadcast) -> tuple[str, str]:
    """By start: instants in UTC; a start known only to the day, month or year by its text
    (which sorts before any time within it)."""
    instant = broadcast.instant
    shown = instant.strftime("%Y-%m-%dT%H:%M") if instant else broadcast.start
    return shown, broadcast.id


def _before_or_at(repeat: Broadcast, first: Broadcast) -> bool:
    if repeat.instant is not None and first.instant is not None:
        return repeat.instant <= first.instant
    common = min(len(repeat.start), len(first.start), 10)
    return repeat.start[:common] < first.start[:common]


def read_broadcasts(
    film: str, matter: FrontMatter, diagnostics: list[Diagnostic]
) -> tuple[tuple[Channel, ...], tuple[Broadcast, ...]]:
    """The film's channels and broadcasts (sorted by start, repeats completed from their
    first showing); every problem in `diagnostics`."""
    reader = _Reader(film, diagnostics)
    channel_entries = _entries(matter, "channels")
    channels, channel_keys = reader.channels(channel_entries)
    drafts: dict[str, tuple[_Entry, Broadcast]] = {}
    ids: set[str] = set()
    used: set[str] = set()
    for entry in _entries(matter, "broadcasts"):
        values = entry.values
        ident, channel_key = values.get("id"), values.get("channel")
        if channel_key is not None:
            used.add(channel_key)
        if ident is not None:
            if ident in ids:
                reader.error(
                    f"two broadcasts have the id '{ident}'",
                    entry.where("id"),
                    "each showing needs its own id: calendars know it by that",
                )
                continue
            ids.add(ident)
            if not _ID.match(ident):
                reader.error(
                    f"id '{ident}' must be lower-case words joined by hyphens",
                    entry.where("id"),
                    "for example abc1-premiere",
                )
                continue
        if channel_key is not None and channel_key not in channel_keys:
            hint = did_you_mean(channel_key, channel_keys) or (
                "add a [[channels]] entry with this key"
            )
            reader.error(f"unknown channel '{channel_key}'", entry.where("channel"), hint)
            continue
        if not {"id", "channel", "start", "source"} <= values.keys():
            continue  # the front matter reader said which field is missing
        if channel_key not in channels:
            continue  # the channel itself is reported
        channel = channels[channel_key]
        start = reader.start(entry, channel.zone)
        if start is None:
            continue
        good, minutes = reader.duration(entry, start, channel.zone)
        if not good:
            continue
        drafts[values["id"]] = (
            entry,
            Broadcast(
                film,
                values["id"],
                channel,
                start,
                minutes,
                values.get("duration_estimated", False),
                values.get("repeat_of"),
                values.get("presenter"),
                values.get("catch_up"),
                values.get("note"),
                values["source"],
            ),
        )
    broadcasts = [
        b for b in (_resolve(entry, b, drafts, ids, reader) for entry, b in drafts.values()) if b
    ]
    for entry in channel_entries:
        key = entry.values.get("key")
        if key in channels and key not in used:
            diagnostics.append(
                Diagnostic(
                    UNUSED,
                    f"no broadcast is on the channel '{key}'",
                    entry.where("key"),
                    "name it in a [[broadcasts]] entry's channel, or delete it",
                )
            )
    return tuple(channels.values()), tuple(sorted(broadcasts, key=_sort_key))


def _resolve(
    entry: _Entry,
    broadcast: Broadcast,
    drafts: dict[str, tuple[_Entry, Broadcast]],
    ids: set[str],
    reader: _Reader,
) -> Broadcast | None:
    """The broadcast with what a repeat leaves out taken from its first showing."""
    name = broadcast.repeat_of
    if name is None:
        return broadcast
    at = entry.where("repeat_of")
    if name not in ids:
        hint = did_you_mean(name, ids) or "name the id of the first showing"
        reader.error(f"repeat_of '{name}' names no broadcast of this film", at, hint)
        return None
    if name not in drafts:
        return None  # the first showing is reported, and left out
    if name == broadcast.id:
        reader.error(f"'{name}' is a repeat of itself", at, "delete repeat_of")
        return None
    first = drafts[name][1]
    if first.repeat_of is not None:
        reader.error(
            f"repeat_of '{name}' names a repeat",
            at,
            f"name the first showing, '{first.repeat_of}'",
        )
        return None
    if _before_or_at(broadcast, first):
        reader.error(
            f"the repeat starts {broadcast.start}, not after its first showing ({first.start})",
            entry.where("start"),
            "check both times against the source, in their channels' zones",
        )
        return None
    given: Callable[[str], bool] = entry.values.__contains__
    own_length = given("duration") or given("end")
    return Broadcast(
        broadcast.film,
        broadcast.id,
        broadcast.channel,
        broadcast.start,
        broadcast.duration if own_length else first.duration,
        broadcast.duration_estimated
        if given("duration_estimated") or own_length
        else first.duration_estimated,
        name,
        broadcast.presenter if given("presenter") else first.presenter,
        broadcast.catch_up if given("catch_up") else first.catch_up,
        broadcast.note,
        broadcast.source,
    )
