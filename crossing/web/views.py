"""Pages that belong to no content area: home, the site map, the error pages, and the
content-change signal behind `crossing serve --watch`."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from crossing.content import addresses

from .content import site_content
from .journey.people import journey_people
from .journey.publish import ContentError, journey
from .metadata import page_meta
from .page_cache import rendered_once
from .reload import newest_change


@require_safe
@rendered_once()
def home(request: HttpRequest) -> HttpResponse:
    content = site_content()
    try:
        people = journey_people(journey())  # the invitation shows whom the journey follows
    except ContentError:
        people = ()  # the journey's own page says what is wrong
    context = {
        "people": people,
        "gamebook_url": reverse("journey:gamebook-all"),
        "introduction": content.introduction,
        "chapters": content.chapters,
        "films": content.works_of("film"),
        "books": content.works_of("book"),
        "latest_news": content.news.posts[:3],
        "feeds": {"atom": addresses.NEWS_FEED_ATOM, "rss": addresses.NEWS_FEED_RSS},
        "meta": page_meta(
            request,
            title="Crossing",
            description=_(
                "How North Koreans escape: an interactive documentary, sourced line by line."
            ),
            kind="website",
        ),
    }
    return render(request, "home.html", context)


@require_safe
@rendered_once()
def site_map(request: HttpRequest) -> HttpResponse:
    content = site_content()
    news = content.news
    context = {
        "content": content,
        "news_pages": [(n, addresses.news_page(n)) for n in range(2, news.page_count() + 1)],
        "news_months": [(f"{y}-{m:02d}", addresses.news_month(y, m)) for y, m in news.months()],
        "meta": page_meta(
            request,
            title=_("Site map"),
            description=_("Every page of this site."),
            kind="website",
        ),
    }
    return render(request, "site_map.html", context)


@require_safe
def watch(request: HttpRequest) -> HttpResponse:
    """When the content folder last changed: `crossing serve --watch` pages poll it."""
    if not settings.CROSSING_WATCH:
        raise Http404("not watching")
    response = JsonResponse({"changed": newest_change(settings.CONTENT_DIR)})
    response["Cache-Control"] = "no-store"
    return response


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors may run here: whatever failed might fail again.
    return render(request, "500.html", {"site_name": "Crossing", "navigation": []}, status=500)
