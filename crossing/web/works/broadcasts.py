"""A film's broadcasts as its page shows them: by territory, then channel, each showing with
its moment in the channel's zone (a `<time>` the reader's browser may restate in their own),
or its date as precisely as the source gives it, and what else is known of it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from itertools import groupby

from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from crossing.content.broadcasts import Broadcast, Channel
from crossing.content.documents import Work

from ..local_time import time_element, zoned_text
from ..locale_names import territory_name, when


@dataclass(frozen=True)
class Showing:
    broadcast: Broadcast
    moment: SafeString | None  # the <time> element, for a showing with a time of day
    date: str  # otherwise: its date as precise as known ("June 2013")
    said: str  # the moment or date as plain text (for a link's accessible name)
    undated_words: str  # what is missing ("The day and time are not recorded.")
    length: str  # "60 minutes", "About 60 minutes (our estimate)", or ""
    past: bool
    calendar: str | None  # this showing's .ics (the events app's), when upcoming


@dataclass(frozen=True)
class ChannelShowings:
    channel: Channel
    showings: list[Showing]


@dataclass(frozen=True)
class Territory:
    code: str
    name: str
    channels: list[ChannelShowings]


def length_words(broadcast: Broadcast) -> str:
    if broadcast.duration is None:
        return ""
    if broadcast.duration_estimated:
        return ngettext(
            "About %(minutes)d minute (our estimate)",
            "About %(minutes)d minutes (our estimate)",
            broadcast.duration,
        ) % {"minutes": broadcast.duration}
    return ngettext("%(minutes)d minute", "%(minutes)d minutes", broadcast.duration) % {
        "minutes": broadcast.duration
    }


def missing_words(start: str) -> str:
    """What the source leaves out of a showing's start: said, never guessed."""
    if "T" in start:
        return ""
    if len(start) == 10:
        return _("The time of day is not recorded.")
    return _("The day and time are not recorded.")


def film_calendar(work: Work) -> str | None:
    """The events app's iCal feed of the film's broadcasts and screenings."""
    return reverse("events:film-calendar", kwargs={"slug": work.slug}) if work.broadcasts else None


def showing(broadcast: Broadcast, now: datetime.datetime) -> Showing:
    instant = broadcast.instant
    past = broadcast.is_past(now)
    calendar = None
    if instant is not None and not past:
        calendar = reverse(
            "events:broadcast-ics", kwargs={"slug": broadcast.film, "id": broadcast.id}
        )
    return Showing(
        broadcast=broadcast,
        moment=None if instant is None else time_element(instant, broadcast.channel.zone),
        date=when(broadcast.start) if instant is None else "",
        said=when(broadcast.start)
        if instant is None
        else zoned_text(instant, broadcast.channel.zone),
        undated_words=missing_words(broadcast.start),
        length=length_words(broadcast),
        past=past,
        calendar=calendar,
    )


def broadcasts_by_territory(work: Work, now: datetime.datetime) -> list[Territory]:
    """Territories by name; in each, channels in the order they first showed the film; each
    channel's showings in order."""
    channels = sorted(
        {b.channel.key: b.channel for b in work.broadcasts}.values(),
        key=lambda c: territory_name(c.territory),
    )
    territories = []
    for code, group in groupby(channels, key=lambda c: c.territory):
        territories.append(
            Territory(
                code=code,
                name=territory_name(code),
                channels=[
                    ChannelShowings(
                        channel=channel,
                        showings=[
                            showing(b, now) for b in work.broadcasts if b.channel.key == channel.key
                        ],
                    )
                    for channel in group
                ],
            )
        )
    return territories
