"""A film's broadcasts: the channels that showed it and each showing, as the editors write
them in the film's front matter (docs/content.md, "Broadcasts").

A showing's start is written in the channel's own local time, as precisely as the source
gives it ("2009", "2013-06", "2013-06-17" or "2013-06-17T20:30"). Only a showing with a
time of day is an instant: that one gets a `<time datetime>` in the reader's zone, a
calendar entry and a place among upcoming events. The others are shown as dated history.
"""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass

UID_DOMAIN = "broadcasts.crossing"


@dataclass(frozen=True, slots=True)
class Channel:
    key: str  # how broadcasts name it, within one film's front matter
    name: str  # "ABC1"
    territory: str  # ISO 3166 code
    timezone: str  # IANA name: the zone its schedule is written in
    zone_assumed: bool  # the source names no zone: the zone is the editors' reading, said so
    link: str | None  # the channel's own site
    source: str
    note: str | None = None  # how its times were read: said once, for all its showings

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)


@dataclass(frozen=True, slots=True)
class Broadcast:
    """One showing. A repeat names its first showing; what it does not say (duration,
    presenter, catch-up service) it takes from that one when read."""

    film: str  # the film's slug
    id: str  # stable within the film: the calendars' UID is made of it
    channel: Channel
    start: str  # the channel's local time, as precise as known (see the module's text)
    duration: int | None  # minutes
    duration_estimated: bool  # no source gives the length: an estimate, and said so
    repeat_of: str | None  # the id of the first showing
    presenter: str | None
    catch_up: str | None  # the service that offered it afterwards ("ABC iview")
    note: str | None
    source: str

    @property
    def local_start(self) -> datetime.datetime | None:
        """The start in the channel's zone (aware); None when the source gives no time."""
        if "T" not in self.start:
            return None
        return datetime.datetime.fromisoformat(self.start).replace(tzinfo=self.channel.zone)

    @property
    def instant(self) -> datetime.datetime | None:
        """The start in UTC; None when the source gives no time of day."""
        local = self.local_start
        return None if local is None else local.astimezone(datetime.UTC)

    @property
    def ends(self) -> datetime.datetime | None:
        start = self.instant
        if start is None or self.duration is None:
            return None
        return start + datetime.timedelta(minutes=self.duration)

    @property
    def uid(self) -> str:
        """The iCalendar UID: the same for this showing in every file and feed, for life."""
        return f"broadcast-{self.film}-{self.id}@{UID_DOMAIN}"

    @property
    def is_repeat(self) -> bool:
        return self.repeat_of is not None

    def is_past(self, now: datetime.datetime) -> bool:
        """Over: it has ended (or begun, when its length is unknown); a showing known only
        to the day, month or year is over once that has passed in the channel's zone."""
        if self.instant is not None:
            return (self.ends or self.instant) <= now
        today = now.astimezone(self.channel.zone).date().isoformat()
        return self.start < today[: len(self.start)]
