"""A film's or a book's page, and the list of each kind."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from itertools import groupby

from babel.dates import format_date
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from crossing.content import schema_org
from crossing.content.documents import WatchOption, Work
from crossing.story.compiled import Source

from ..content import site_content
from ..locale_names import _locale, territory_name
from ..metadata import page_meta
from ..page_cache import rendered_once
from .broadcasts import broadcasts_by_territory, film_calendar

OG_TYPE = {"film": "video.movie", "book": "book"}


def _titles() -> dict[str, str]:
    return {"film": _("The films"), "book": _("The books")}


@require_safe
@rendered_once()
def index(request: HttpRequest, kind: str) -> HttpResponse:
    works = site_content().works_of(kind)
    title = _titles()[kind]
    description = " ".join(w.title for w in works)
    context = {
        "kind": kind,
        "works": works,
        "meta": page_meta(request, title=title, description=description, kind="website"),
    }
    return render(request, "works/index.html", context)


@dataclass(frozen=True)
class Offer:
    """One way to watch, and how sure the page is that it still exists."""

    option: WatchOption
    current: bool  # an editor saw it live on `option.checked` and it has not ended
    ended: bool
    status: str  # "Current — checked 1 December 2026", or what is known of its past


def listed_in(source: Source | None) -> str:
    """'the film's blog (2012–2014)': where an offer was read, with the source's dates."""
    if source is None:
        return ""
    if source.date:
        return _("%(title)s (%(date)s)") % {
            "title": source.title,
            "date": source.date.replace("/", "–"),
        }
    return source.title


def offer_status(option: WatchOption, source: Source | None, today: datetime.date) -> str:
    if option.is_current(today):
        assert option.checked is not None
        return _("Current — checked %(date)s") % {
            "date": format_date(option.checked, "long", locale=_locale())
        }
    if option.is_past(today):
        return _("Ended; kept as a record")
    if option.checked is not None:
        return _("Listed in %(source)s; last checked %(date)s") % {
            "source": listed_in(source),
            "date": format_date(option.checked, "long", locale=_locale()),
        }
    return _("Listed in %(source)s; not checked since") % {"source": listed_in(source)}


def where_to_watch(
    work: Work, today: datetime.date, sources: dict[str, Source] | None = None
) -> list[dict[str, object]]:
    """Where to watch by territory: in each, offers checked and current first, then those
    only listed by a source, then those that have ended."""
    known = sources or {}

    def order(option: WatchOption) -> tuple[bool, str]:
        return (option.territory == "worldwide", territory_name(option.territory))

    def standing(offer: Offer) -> tuple[int, str]:
        return (0 if offer.current else 2 if offer.ended else 1, offer.option.start or "")

    rows = []
    for territory, options in groupby(sorted(work.watch, key=order), key=lambda o: o.territory):
        offers = [
            Offer(
                option=o,
                current=o.is_current(today),
                ended=o.is_past(today),
                status=offer_status(o, known.get(o.source), today),
            )
            for o in options
        ]
        rows.append(
            {
                "territory": territory,
                "name": territory_name(territory),
                "offers": sorted(offers, key=standing),
            }
        )
    return rows


@require_safe
@rendered_once()
def work(request: HttpRequest, kind: str, slug: str) -> HttpResponse:
    content = site_content()
    now = datetime.datetime.now(datetime.UTC)
    found = content.work(kind, slug)
    if found is None:
        raise Http404("no such work")
    context = {
        "work": found,
        "content": content,
        "watch": where_to_watch(found, now.date(), content.sources),
        "broadcasts": broadcasts_by_territory(found, now),
        "film_calendar": film_calendar(found),
        "meta": page_meta(
            request,
            title=found.title,
            description=found.summary,
            kind=OG_TYPE[kind],
            schema=schema_org.work(found),
        ),
    }
    return render(request, "works/work.html", context)
