"""Broadcast schedules for film-page tests, as the Channel and Broadcast records the content
reader makes (crossing.content.broadcasts), put on a film of a copy of content/.

`DEFECTOR` is the film blog's 2013 schedule as the film's front matter gives it; `DST` two
evening showings in Toronto on either side of the end of daylight saving (3 November 2013);
`LATER` a showing years ahead, so that a page has an upcoming one."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from crossing.content.broadcasts import Broadcast, Channel
from crossing.content.site import SiteContent

ROOT = Path(__file__).resolve().parents[2]
FILM = "the-defector"

ABC1 = Channel("abc1", "ABC1", "AU", "Australia/Sydney", True, None, "defector-blog")
TVO = Channel("tvo", "TVO", "CA", "America/Toronto", False, None, "defector-blog")
PBS = Channel("pbs", "PBS", "US", "America/New_York", True, None, "defector-blog")


def showing(channel: Channel, id: str, start: str, **more: object) -> Broadcast:
    fields: dict[str, object] = {
        "duration": None,
        "duration_estimated": False,
        "repeat_of": None,
        "presenter": None,
        "catch_up": None,
        "note": None,
    }
    fields.update(more)
    return Broadcast(
        film=FILM,
        id=id,
        channel=channel,
        start=start,
        source="defector-blog",
        **fields,  # type: ignore[arg-type]
    )


PREMIERE = showing(
    ABC1,
    "abc1-premiere",
    "2013-06-17T20:30",
    duration=60,
    duration_estimated=True,
    presenter="Kerry O'Brien",
    catch_up="ABC iview",
)
REPEAT = showing(
    ABC1,
    "abc1-repeat",
    "2013-06-18T23:35",
    duration=60,
    duration_estimated=True,
    repeat_of="abc1-premiere",
    presenter="Kerry O'Brien",
    catch_up="ABC iview",
)
TVO_FIRST = showing(TVO, "tvo-premiere", "2013-06-26T21:00", duration=60)
PBS_2009 = showing(PBS, "pbs-2009", "2009")
DEFECTOR = (PBS_2009, PREMIERE, REPEAT, TVO_FIRST)

DST = (
    showing(TVO, "tvo-before", "2013-11-02T20:00"),
    showing(TVO, "tvo-after", "2013-11-04T20:00"),
)
LATER = (showing(TVO, "tvo-later", "2040-03-01T21:00", duration=60),)


def copy_content(destination: Path) -> Path:
    shutil.copytree(ROOT / "content", destination)
    return destination


def put_on_film(content: SiteContent, broadcasts: tuple[Broadcast, ...]) -> None:
    """The film's broadcasts and channels become these (sorted by start, as read)."""
    index = next(i for i, w in enumerate(content.works) if w.kind == "film" and w.slug == FILM)
    ordered = tuple(sorted(broadcasts, key=lambda b: b.start))
    channels = tuple({b.channel.key: b.channel for b in ordered}.values())
    content.works[index] = replace(content.works[index], channels=channels, broadcasts=ordered)
