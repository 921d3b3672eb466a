"""The journey's pages: the player (over the gamebook's first page, for readers without
JavaScript), the gamebook by chapter and whole, and the compiled story."""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe

from crossing.editions.gamebook import Gamebook, build_gamebook

from ..bundle import STATIC, inline_script
from ..page_cache import accepts_gzip, rendered_once
from .people import journey_people
from .player import player_context
from .publish import Published, journey


@lru_cache(maxsize=2)  # the current story, and the one before it while a request ends
def _gamebook(published: Published) -> Gamebook:
    return build_gamebook(published.story)


def _gamebook_base() -> str:
    """Chapter pages live under the whole book's address: /journey/gamebook/<chapter>/."""
    return reverse("journey:gamebook-all")


@require_safe
@rendered_once(reads_content=False)
def play(request: HttpRequest) -> HttpResponse:
    published = journey()
    gamebook = _gamebook(published)
    start = gamebook.pages[0].id
    context = {
        **player_context(published),
        "people": journey_people(published),
        "gamebook": gamebook,
        "view": gamebook.view(start, base=_gamebook_base()),
        "story_url": reverse("journey:story", args=[published.hash]),
        "endings_url": reverse("journey:endings"),
        "map_url": static("crossing/map.svg"),
        "sources_url": reverse("bibliography:sources"),
    }
    if settings.CROSSING_STATIC_EXPORT:
        # Opened from a folder (file://), the page can fetch nothing and load no module:
        # the story, the map and the player travel inside it, as in the single-file edition.
        context |= {
            "story_data": published.data,
            "map_svg": (STATIC / "map.svg").read_text(encoding="utf-8"),
            "player_js": inline_script((STATIC / "player.js").read_text(encoding="utf-8")),
        }
    return render(request, "journey/play.html", context)


@require_safe
@rendered_once(reads_content=False)
def gamebook_page(request: HttpRequest, page_id: str) -> HttpResponse:
    gamebook = _gamebook(journey())
    if page_id not in {page.id for page in gamebook.pages}:
        raise Http404("no such chapter")
    view = gamebook.view(page_id, base=_gamebook_base())
    context = {"gamebook": gamebook, "view": view, "sources_url": reverse("bibliography:sources")}
    return render(request, "journey/gamebook.html", context)


@require_safe
@rendered_once(reads_content=False)
def gamebook_all(request: HttpRequest) -> HttpResponse:
    gamebook = _gamebook(journey())
    context = {
        "gamebook": gamebook,
        "view": gamebook.view(None, base=None),
        "whole": True,
        "sources_url": reverse("bibliography:sources"),
    }
    return render(request, "journey/gamebook.html", context)


@require_safe
def story_json(request: HttpRequest, version_hash: str) -> HttpResponse:
    """The compiled story. Its address names its hash, so a browser or a CDN may keep it
    for a year; an old address still answers, with the current story, briefly cached."""
    published = journey()
    if accepts_gzip(request):
        response = HttpResponse(published.gzipped, content_type="application/json")
        response["Content-Encoding"] = "gzip"  # compressed once per story version
    else:
        response = HttpResponse(published.text, content_type="application/json")
    patch_vary_headers(response, ["Accept-Encoding"])
    current = version_hash == published.hash
    response["Cache-Control"] = "public, max-age=31536000, immutable" if current else "no-cache"
    return response
