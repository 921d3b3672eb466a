"""The news's pages: the index in pages of ten, each post, and the archives of a tag, an
author and a month; every one rendered once per version of the content."""

from __future__ import annotations

import datetime
from typing import Any
from urllib.parse import urljoin

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from crossing.content import addresses, news_schema
from crossing.content.news import Post

from ..comments.webmention_discovery import webmention_endpoint
from ..content import site_content
from ..metadata import absolute_url, page_meta
from ..page_cache import rendered_once


def _feeds(slug: str | None = None) -> dict[str, str]:
    """The feeds a page offers (<link rel="alternate"> and links on the page)."""
    if slug is None:
        return {"atom": addresses.NEWS_FEED_ATOM, "rss": addresses.NEWS_FEED_RSS}
    return {kind: addresses.news_tag_feed(slug, kind) for kind in ("atom", "rss")}


def _listing(
    request: HttpRequest,
    *,
    posts: list[Post],
    heading: str,
    description: str,
    schema: dict[str, Any],
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    context = {
        "posts": posts,
        "heading": heading,
        "feeds": _feeds(),
        "meta": page_meta(
            request, title=heading, description=description, kind="website", schema=schema
        ),
        **(extra or {}),
    }
    return render(request, "news/list.html", context)


@require_safe
@rendered_once()
def index(request: HttpRequest) -> HttpResponse:
    return _index_page(request, 1)


@require_safe
@rendered_once()
def page(request: HttpRequest, number: int) -> HttpResponse:
    """/news/page/2/ on: the first page is /news/ alone, so that each has one address."""
    if number < 2:
        raise Http404("the first page of news is /news/")
    return _index_page(request, number)


def _index_page(request: HttpRequest, number: int) -> HttpResponse:
    news = site_content().news
    if number > news.page_count():
        raise Http404("no such page of news")
    posts = news.page(number)
    pager = {
        "number": number,
        "count": news.page_count(),
        "previous": addresses.news_page(number - 1) if number > 1 else None,
        "next": addresses.news_page(number + 1) if number < news.page_count() else None,
    }
    heading = _("News") if number == 1 else _("News, page %(number)s") % {"number": number}
    return _listing(
        request,
        posts=posts,
        heading=heading,
        description=_("News of the Crossing project, its films and its book."),
        schema=news_schema.blog(posts),
        extra={
            "pager": pager,
            "is_index": True,
            "months": [(f"{y}-{m:02d}", addresses.news_month(y, m)) for y, m in news.months()],
            "tags": news.tags(),
        },
    )


@require_safe
@rendered_once(comments=True)
def post(request: HttpRequest, slug: str) -> HttpResponse:
    content = site_content()
    news = content.news
    found = news.post(slug)
    if found is None:
        raise Http404("no such post")
    at = news.posts.index(found)
    page_url = absolute_url(request)
    # The image's public address, where the page's own is known (not in a bare export).
    image = urljoin(page_url, found.image.src) if found.image and page_url else None
    schema = news_schema.post(found)
    schema.pop("image", None)
    if image:
        schema["image"] = image
    context = {
        "post": found,
        "content": content,
        "newer": news.posts[at - 1] if at > 0 else None,
        "older": news.posts[at + 1] if at + 1 < len(news.posts) else None,
        "feeds": _feeds(),
        "meta": page_meta(
            request,
            title=found.title,
            description=found.summary,
            kind="article",
            schema=schema,
            article={
                "published_time": found.iso_date,
                "tags": [t.name for t in found.tags],
                "image": image,
                "image_alt": found.image.alt if found.image else None,
            },
        ),
    }
    context["webmention"] = webmention_endpoint()
    response = render(request, "news/post.html", context)
    if context["webmention"]:
        response["Link"] = f'<{context["webmention"]}>; rel="webmention"'
    return response


@require_safe
@rendered_once()
def tag(request: HttpRequest, slug: str) -> HttpResponse:
    news = site_content().news
    found = news.tag(slug)
    if found is None:
        raise Http404("no such tag")
    posts = news.tagged(slug)
    heading = _("Tag: %(tag)s") % {"tag": found.name}
    return _listing(
        request,
        posts=posts,
        heading=heading,
        description=_("News tagged %(tag)s.") % {"tag": found.name},
        schema=news_schema.collection(heading, posts),
        extra={"tag_feeds": _feeds(slug), "tag": found},
    )


@require_safe
@rendered_once()
def tags(request: HttpRequest) -> HttpResponse:
    news = site_content().news
    context = {
        "tags": news.tags(),
        "feeds": _feeds(),
        "meta": page_meta(
            request,
            title=_("News by tag"),
            description=_("Every tag of the news, with its posts."),
            kind="website",
        ),
    }
    return render(request, "news/tags.html", context)


@require_safe
@rendered_once()
def author(request: HttpRequest, key: str) -> HttpResponse:
    news = site_content().news
    found = news.authors.get(key)
    if found is None:
        raise Http404("no such author")
    posts = news.by(key)
    return _listing(
        request,
        posts=posts,
        heading=found.name,
        description=found.bio,
        schema=news_schema.collection(found.name, posts),
        extra={"author": found},
    )


@require_safe
@rendered_once()
def month(request: HttpRequest, year: str, month: str) -> HttpResponse:
    news = site_content().news
    posts = news.of_month(int(year), int(month))
    if not posts:  # also a month that is not one (/news/2014/13/)
        raise Http404("no news that month")
    when = formats.date_format(datetime.date(int(year), int(month), 1), "F Y")
    heading = _("News of %(month)s") % {"month": when}
    return _listing(
        request,
        posts=posts,
        heading=heading,
        description=heading,
        schema=news_schema.collection(heading, posts),
    )
