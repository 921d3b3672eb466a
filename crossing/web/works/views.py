"""A film's or a book's page, and the list of each kind."""

from __future__ import annotations

import datetime
from itertools import groupby

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from crossing.content import schema_org
from crossing.content.documents import WatchOption, Work

from ..content import site_content
from ..locale_names import territory_name
from ..metadata import page_meta
from ..page_cache import rendered_once

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


def where_to_watch(work: Work, today: datetime.date) -> list[dict[str, object]]:
    """The watch table by territory: current options first, then past ones."""

    def order(option: WatchOption) -> tuple[bool, str, str]:
        return (
            option.territory == "worldwide",
            territory_name(option.territory),
            option.start or "",
        )

    rows = []
    for territory, options in groupby(sorted(work.watch, key=order), key=lambda o: o.territory):
        listed = list(options)
        rows.append(
            {
                "territory": territory,
                "name": territory_name(territory),
                "current": [o for o in listed if not o.is_past(today)],
                "past": [o for o in listed if o.is_past(today)],
            }
        )
    return rows


@require_safe
@rendered_once()
def work(request: HttpRequest, kind: str, slug: str) -> HttpResponse:
    content = site_content()
    found = content.work(kind, slug)
    if found is None:
        raise Http404("no such work")
    context = {
        "work": found,
        "content": content,
        "watch": where_to_watch(found, datetime.date.today()),
        "meta": page_meta(
            request,
            title=found.title,
            description=found.summary,
            kind=OG_TYPE[kind],
            schema=schema_org.work(found),
        ),
    }
    return render(request, "works/work.html", context)
