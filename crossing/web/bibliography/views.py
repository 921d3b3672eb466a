"""/sources/: each source with its confidence, and links to every scene, chapter, page
and figure that cites it (each of which links back here)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ..content import site_content
from ..metadata import page_meta
from ..page_cache import rendered_once


@require_safe
@rendered_once()
def sources(request: HttpRequest) -> HttpResponse:
    content = site_content()
    entries = []
    for source in sorted(content.sources.values(), key=lambda s: (s.author.lower(), s.title)):
        citers = content.citers.get(source.key, [])
        entries.append(
            {
                "source": source,
                "pages": [c for c in citers if c.kind in ("chapter", "work", "news")],
                "figures": [c for c in citers if c.kind == "figure"],
                "scenes": [c for c in citers if c.kind == "scene"],
            }
        )
    counts = {
        level: sum(s.confidence == level for s in content.sources.values())
        for level in ("confirmed", "attributed", "estimate")
    }
    context = {
        "entries": entries,
        "counts": counts,
        "meta": page_meta(
            request,
            title=_("Sources"),
            description=_("Every source the story, the journey and the pages cite."),
            kind="website",
        ),
    }
    return render(request, "bibliography/sources.html", context)
