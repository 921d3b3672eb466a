"""schema.org descriptions (JSON-LD) of the story, its chapters and the works, so that
search engines and libraries can read what each page is about: built from the same
front matter the page shows, never written by hand."""

from __future__ import annotations

from typing import Any

from .broadcasts import Broadcast
from .documents import Chapter, Work
from .site import SiteContent

CONTEXT = "https://schema.org"  # the vocabulary's name; nothing is fetched from it
PUBLISHER = {"@type": "Organization", "name": "Crossing"}
DIRECTING_ROLES = ("director", "filmmaker")
AUTHOR_ROLES = ("author",)


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    """Without empty values: absent facts are left out, never guessed."""
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


def story(content: SiteContent) -> dict[str, Any]:
    introduction = content.introduction
    return _compact(
        {
            "@context": CONTEXT,
            "@type": "CreativeWork",
            "name": introduction.title if introduction else None,
            "description": introduction.summary if introduction else None,
            "inLanguage": "en",
            "publisher": PUBLISHER,
            "hasPart": [
                {"@type": "Article", "headline": c.title, "position": c.number}
                for c in content.chapters
            ],
        }
    )


def chapter(content: SiteContent, found: Chapter) -> dict[str, Any]:
    introduction = content.introduction
    return _compact(
        {
            "@context": CONTEXT,
            "@type": "Article",
            "headline": found.title,
            "description": found.summary,
            "position": found.number,
            "wordCount": found.body.words,
            "inLanguage": "en",
            "publisher": PUBLISHER,
            "isPartOf": _compact(
                {"@type": "CreativeWork", "name": introduction.title if introduction else None}
            ),
            "citation": [_source(content, key) for key in found.body.citations],
        }
    )


def _source(content: SiteContent, key: str) -> dict[str, Any]:
    source = content.sources[key]
    return _compact(
        {
            "@type": "CreativeWork",
            "name": source.title,
            "author": source.author,
            "datePublished": source.date,
            "url": source.url,
        }
    )


def _people(work: Work, roles: tuple[str, ...], *, matching: bool) -> list[dict[str, Any]]:
    return [
        {"@type": "Person", "name": c.name, **({} if matching else {"roleName": c.role})}
        for c in work.credits
        if any(r in c.role.lower() for r in roles) == matching
    ]


def _watch(work: Work) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Where to watch, as offers (to buy or stream) and publication events (shown in a
    cinema); the broadcasts are their own events (`broadcast_event`)."""
    offers, events = [], []
    for option in work.watch:
        region = (
            None
            if option.territory == "worldwide"
            else {"@type": "Country", "identifier": option.territory}
        )
        if option.kind in ("purchase", "streaming"):
            offers.append(
                _compact(
                    {
                        "@type": "Offer",
                        "category": option.kind,
                        "seller": {"@type": "Organization", "name": option.service},
                        "eligibleRegion": region,
                        "availabilityStarts": option.start,
                        "availabilityEnds": option.end,
                    }
                )
            )
        else:
            events.append(
                _compact(
                    {
                        "@type": "PublicationEvent",
                        "name": f"{work.title} ({option.service})",
                        "startDate": option.start,
                        "endDate": option.end,
                        "location": region,
                    }
                )
            )
    return offers, events


def broadcast_event(broadcast: Broadcast, work: Work) -> dict[str, Any]:
    """One showing as a schema.org BroadcastEvent (without "@context": it is nested in the
    film's description, or the events page adds it). The start carries the channel's offset
    when the time of day is known, else it is the date as precisely as the source gives it."""
    channel = broadcast.channel
    local = broadcast.local_start
    ends = broadcast.ends
    return _compact(
        {
            "@type": "BroadcastEvent",
            "name": f"{work.title} ({channel.name})",
            "startDate": local.isoformat() if local else broadcast.start,
            "endDate": ends.astimezone(channel.zone).isoformat() if ends else None,
            "isLiveBroadcast": False,
            "publishedOn": _compact(
                {
                    "@type": "BroadcastService",
                    "name": channel.name,
                    "areaServed": {"@type": "Country", "identifier": channel.territory},
                    "url": channel.link,
                }
            ),
            "workPresented": {"@type": "Movie", "name": work.title},
        }
    )


def work(found: Work) -> dict[str, Any]:
    common = {
        "@context": CONTEXT,
        "name": found.title,
        "alternativeHeadline": found.subtitle,
        "description": found.summary,
        "inLanguage": found.language,
        "award": [
            f"{a.name}, {a.by}" + (f" {a.year}" if a.year else "")
            for a in found.awards
            if a.result == "won"
        ],
    }
    if found.kind == "book":
        english = next((e for e in found.editions if e.language == "en"), None)
        return _compact(
            {
                **common,
                "@type": "Book",
                "author": _people(found, AUTHOR_ROLES, matching=True),
                "contributor": _people(found, AUTHOR_ROLES, matching=False),
                "datePublished": str(found.year) if found.year else None,
                "publisher": {"@type": "Organization", "name": english.publisher}
                if english and english.publisher
                else None,
                "workExample": [
                    _compact(
                        {
                            "@type": "Book",
                            "inLanguage": e.language,
                            "bookEdition": e.note,
                            "publisher": {"@type": "Organization", "name": e.publisher}
                            if e.publisher
                            else None,
                            "datePublished": str(e.year) if e.year else None,
                        }
                    )
                    for e in found.editions
                ],
            }
        )
    offers, events = _watch(found)
    return _compact(
        {
            **common,
            "@type": "Movie",
            "dateCreated": str(found.year) if found.year else None,
            "director": _people(found, DIRECTING_ROLES, matching=True),
            "contributor": _people(found, DIRECTING_ROLES, matching=False),
            "review": [
                _compact(
                    {
                        "@type": "Review",
                        "author": {"@type": "Organization", "name": p.outlet},
                        "reviewBody": p.quote,
                        "datePublished": p.date,
                    }
                )
                for p in found.press
                if not p.paraphrase
            ],
            "offers": offers,
            "publication": [broadcast_event(b, found) for b in found.broadcasts] + events,
        }
    )
