"""Broadcasts made in the test, on a copy of a real film (before the films' front matter
carries them, and for cases the real content has not: a showing to come, one across a
daylight-saving change)."""

from __future__ import annotations

import dataclasses

import pytest

from crossing.content.broadcasts import Broadcast, Channel
from crossing.content.documents import Work
from crossing.web.content import site_content
from crossing.web.events import selectors

TORONTO = Channel(
    key="tvo",
    name="TVO",
    territory="CA",
    timezone="America/Toronto",
    zone_assumed=False,
    link="https://www.tvo.org/",
    source="defector-blog",
)
SYDNEY = Channel(
    key="abc1",
    name="ABC1",
    territory="AU",
    timezone="Australia/Sydney",
    zone_assumed=True,
    link=None,
    source="defector-blog",
)


def showing(
    id: str,
    start: str,
    *,
    channel: Channel = TORONTO,
    film: str = "the-defector",
    duration: int | None = 60,
    estimated: bool = False,
    repeat_of: str | None = None,
    presenter: str | None = None,
    note: str | None = None,
) -> Broadcast:
    return Broadcast(
        film=film,
        id=id,
        channel=channel,
        start=start,
        duration=duration,
        duration_estimated=estimated,
        repeat_of=repeat_of,
        presenter=presenter,
        catch_up=None,
        note=note,
        source="defector-blog",
    )


def film_with(*broadcasts: Broadcast, slug: str = "the-defector") -> Work:
    work = site_content().work("film", slug)
    assert work is not None
    channels = tuple(dict.fromkeys(b.channel for b in broadcasts))
    ordered = tuple(sorted(broadcasts, key=lambda b: b.start))
    return dataclasses.replace(work, channels=channels, broadcasts=ordered)


def serve(monkeypatch: pytest.MonkeyPatch, *works: Work) -> None:
    """The site's films, these ones in place of their content's versions."""
    replaced = {w.slug: w for w in works}
    real = site_content().works_of("film")
    films = [replaced.get(w.slug, w) for w in real]
    monkeypatch.setattr(selectors, "films", lambda: films)
