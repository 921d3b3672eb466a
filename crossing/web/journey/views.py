"""The journey's pages: the player (over the gamebook's first page, for readers without
JavaScript), the gamebook by chapter and whole, and the compiled story."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from crossing.content.maps import base_map_svg
from crossing.editions.gamebook import Gamebook, build_gamebook
from crossing.story import compiled as c

from ..bundle import STATIC, inline_script
from ..content import site_content
from ..metadata import page_meta
from ..page_cache import coding_for, rendered_once
from ..policy_meta import inline_hashes
from ..security import served_policy
from .ending_pages import (
    afterword,
    chapter_link,
    ending_data,
    goal_words,
    honesty_overall,
    renumbered,
    scenario_rows,
)
from .ending_screen import likelihood
from .people import journey_people
from .player import player_context
from .publish import Encoded, Published, journey

# Inline in the journey page (below): what the first scene needs besides the page itself,
# so that it shows without a second request (on a slow phone network, seconds each).
INLINE_STYLES = ("site.css", "gamebook.css", "player.css")


def _gamebook(published: Published) -> Gamebook:
    """The gamebook with its own words (conditions, notes, odds) in the reader's language."""
    return _gamebook_in(published, translation.get_language() or settings.LANGUAGE_CODE)


# The current story, and the one before it while a request ends, in each language.
@lru_cache(maxsize=2 * len(settings.LANGUAGES))
def _gamebook_in(published: Published, language: str) -> Gamebook:
    return build_gamebook(published.story, locale=language)


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
        "map_url": map_url(),
        "sources_url": reverse("bibliography:sources"),
    }
    if settings.CROSSING_STATIC_EXPORT:
        # Opened from a folder (file://), the page can fetch nothing and load no module:
        # the story, the map and the player travel inside it, as in the single-file edition,
        # and so does the ending screen, its links made relative to this page.
        from ..export import relative_link  # (the export's module loads Django's test client)

        chapters = site_content().chapters
        context |= {
            "story_data": published.data,
            "map_svg": base_map_svg(translation.get_language() or settings.LANGUAGE_CODE),
            "player_js": inline_script((STATIC / "player.js").read_text(encoding="utf-8")),
            "ending_js": inline_script((STATIC / "ending.js").read_text(encoding="utf-8")),
            "ending_data": ending_data(
                published, chapters, lambda address: relative_link(request.path, address)
            ),
        }
    else:
        language = translation.get_language() or settings.LANGUAGE_CODE
        context |= {
            "story_opening": published.opening,
            "rest_url": reverse("journey:story-rest", args=[published.hash]),
            "player_js": inline_script((STATIC / "player.js").read_text(encoding="utf-8")),
            "inline_styles": "\n".join(
                (STATIC / name).read_text(encoding="utf-8") for name in INLINE_STYLES
            ),
            "ending_module": static("crossing/ending.js"),
            "ending_style": static("crossing/ending.css"),
            "ending_data_url": reverse(
                "journey:ending-data", args=[language, _ending_json(published, language)[1]]
            ),
        }
    response = render(request, "journey/play.html", context)
    if not settings.CROSSING_STATIC_EXPORT:  # (the export's page carries its own, in <meta>)
        scripts, styles = inline_hashes(response.content.decode())
        response["Content-Security-Policy"] = served_policy(
            script_hashes=scripts, style_hashes=styles
        )
    return response


@lru_cache(maxsize=8)  # per story version (any content edit publishes anew) and language
def _ending_json(published: Published, language: str) -> tuple[bytes, str]:
    """The ending screen's data as JSON, and a digest of it for its address."""
    with translation.override(language):
        data = ending_data(published, site_content().chapters, lambda address: address)
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    return body, hashlib.sha256(body).hexdigest()[:16]


def map_url() -> str:
    """The journey's map in the page's language: the static file in English, the map
    with its words translated (map_svg below) in any other."""
    if (translation.get_language() or settings.LANGUAGE_CODE) == settings.LANGUAGE_CODE:
        return static("crossing/map.svg")
    return reverse("journey:map")


@require_safe
def map_svg(request: HttpRequest) -> HttpResponse:
    """map.svg with its title, credit and country names in the page's language."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    response = HttpResponse(base_map_svg(language), content_type="image/svg+xml; charset=utf-8")
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_safe
def ending_data_json(request: HttpRequest, language: str, version_hash: str) -> HttpResponse:
    """What the ending screen shows beside the story, in one language. Its address names a
    digest of it, so a browser or a CDN may keep it for a year; an old address still
    answers, with the current data, briefly cached."""
    if language not in dict(settings.LANGUAGES):
        raise Http404("no such language")
    body, digest = _ending_json(journey(language), language)
    response = HttpResponse(body, content_type="application/json")
    current = version_hash == digest
    response["Cache-Control"] = "public, max-age=31536000, immutable" if current else "no-cache"
    return response


@require_safe
@rendered_once()
def ending_page(request: HttpRequest, scene_id: str) -> HttpResponse:
    """One ending's own page, to share: the ending, its odds for each person and year, the
    real story behind it, and an invitation to play. Nothing about any reader."""
    published = journey()
    story = published.story
    scene = next((s for s in story.scenes if s.id == scene_id and s.ending), None)
    if scene is None or scene.ending is None:
        raise Http404("no such ending")
    epilogue, keys = renumbered(afterword(published, scene_id))
    sources = {source.key: source for source in story.sources}
    kinds = published.notes.kinds
    kind = kinds.get(scene.ending.kind)
    title = scene.title or story.title
    kind_name = kind.name if kind else scene.ending.kind.replace("_", " ").capitalize()
    description = _ending_description(title, kind_name, story.title)
    places = {place.key: place.name for place in story.places}

    def about(other: c.Scene) -> str:
        """What tells two endings apart in a list: their kind (unless the title says it)
        and their place ("Sent back" is the title of two)."""
        assert other.ending is not None
        kind = kinds[other.ending.kind].name if other.ending.kind in kinds else ""
        words = [kind] if kind and kind != other.title else []
        return ", ".join(words + ([places[other.place]] if other.place in places else []))

    others = [
        (s.id, s.title or s.id, about(s))
        for s in story.scenes
        if s.ending is not None and s.id != scene_id
    ]
    context = {
        "story": story,
        "scene": scene,
        "title": title,
        "kind_name": kind_name,
        "kind_words": kind.words if kind else "",
        "epilogue": epilogue,
        "sources": [sources[key] for key in keys if key in sources],
        "rows": scenario_rows(published, scene_id),
        "goal": goal_words(published),
        "honesty": honesty_overall(published),
        "chapter": chapter_link(published, scene_id, site_content().chapters, lambda a: a),
        "others": others,
        "scenarios": [odds.scenario.label for odds in published.scenarios],
        "meta": page_meta(request, title=title, description=description, kind="article"),
        "sources_url": reverse("bibliography:sources"),
        "random_odds": likelihood((published.odds or {}).get(scene_id, 0.0)),
    }
    return render(request, "journey/ending.html", context)


def _ending_description(title: str, kind: str, story: str) -> str:
    # Said of the ending, not to a reader: a link preview speaks to whoever sees it.
    return _(
        "“{title}” ({kind}) is one of the endings of {story}, an interactive documentary: "
        "how likely it is for each person and year, and the real story behind it."
    ).format(title=title, kind=kind, story=story)


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
    return _json(request, published.whole, current=version_hash == published.hash)


@require_safe
def story_rest_json(request: HttpRequest, version_hash: str) -> HttpResponse:
    """What the journey page's inline opening leaves out (opening.py). Only the current
    version's: an old page's opening would not fit another version's rest, so an old
    address is not found, and that page's player says it could not load."""
    published = journey()
    if version_hash != published.hash:
        raise Http404("no such version of the story")
    return _json(request, published.rest, current=True)


def _json(request: HttpRequest, body: Encoded, *, current: bool) -> HttpResponse:
    """JSON compressed once per story version, in the coding the reader prefers."""
    coding = coding_for(request)
    response = HttpResponse(body.body(coding), content_type="application/json")
    if coding != "identity":
        response["Content-Encoding"] = coding
    patch_vary_headers(response, ["Accept-Encoding"])
    response["Cache-Control"] = "public, max-age=31536000, immutable" if current else "no-cache"
    return response
