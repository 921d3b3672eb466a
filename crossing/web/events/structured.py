"""The events page as schema.org JSON-LD: an ItemList whose items are the screenings'
ScreeningEvent (from the screenings app) and each broadcast's BroadcastEvent, published on
a BroadcastService (the one the film pages give, crossing.content.schema_org)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from crossing.content.schema_org import broadcast_event

from ..screenings import structured as screening_structured
from .calendar import film_entry
from .selectors import Event


def item_list(events: list[Event], *, page_url: str | None) -> dict[str, Any]:
    """The events in page order, each with its page as an absolute address when the page's
    own is known."""

    def address(path: str | None) -> str | None:
        return urljoin(page_url, path) if page_url and path else None

    items = []
    for position, event in enumerate(events, start=1):
        film_url = address(event.film.url) if event.film else None
        if event.screening is not None:
            title = event.film.title if event.film else event.film_slug
            item = screening_structured.screening_event(
                event.screening,
                film_title=title,
                film_url=film_url,
                page_url=address(event.screening.path),
            )
        else:
            assert event.broadcast is not None and event.film is not None
            item = broadcast_event(event.broadcast, event.film)
            if film_url:
                item["workPresented"]["url"] = film_url
                item["url"] = address(film_entry(event.film, event.broadcast))
        item.pop("@context", None)
        items.append({"@type": "ListItem", "position": position, "item": item})
    return {"@context": "https://schema.org", "@type": "ItemList", "itemListElement": items}
