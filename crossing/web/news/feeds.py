"""Atom and RSS feeds of the news, all of it and each tag's, with Django's syndication
framework. Each entry carries the whole post (its body and notes, every link absolute),
its authors, its tags as categories, and its address as its stable id.

Served at addresses ending in .xml (`/news/feed/atom.xml`), so that the static export
writes each feed as the file the pages link to."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from crossing.content import addresses
from crossing.content.news import Post, Tag

from ..content import site_content
from ..page_cache import rendered_once
from .links import absolute, absolute_links

FEED_SIZE = 20  # the newest posts in each feed


class _AtomWithContent(Atom1Feed):
    """Atom with the whole post as <content> and one <author> per author (Django's own
    writes the description as <summary> and one author only)."""

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        for name, uri in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.addQuickElement("uri", uri)
            handler.endElement("author")
        handler.addQuickElement("content", item["content_html"], {"type": "html"})


class _NewsFeed(Feed):  # type: ignore[type-arg]  # generic only in the stubs
    """All the news; subclasses narrow it to one tag and choose Atom or RSS."""

    kind = "atom"
    request: HttpRequest

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        self.request = request  # for absolute links: each request has its own feed object
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request: HttpRequest, slug: str | None = None) -> Tag | None:
        if slug is None:
            return None
        tag = site_content().news.tag(slug)
        if tag is None:
            raise Http404("no such tag")
        return tag

    def title(self, tag: Tag | None) -> str:
        if tag is None:
            return _("Crossing: news")
        return _("Crossing: news tagged %(tag)s") % {"tag": tag.name}

    def subtitle(self, tag: Tag | None) -> str:
        return _("News of the Crossing project, its films and its book.")

    description = subtitle

    def link(self, tag: Tag | None) -> str:
        return absolute(self.request, addresses.NEWS if tag is None else tag.url)

    def feed_url(self, tag: Tag | None) -> str:
        if tag is None:
            own = addresses.NEWS_FEED_ATOM if self.kind == "atom" else addresses.NEWS_FEED_RSS
        else:
            own = addresses.news_tag_feed(tag.slug, self.kind)
        return absolute(self.request, own)

    def feed_guid(self, tag: Tag | None) -> str:
        return self.feed_url(tag)

    def items(self, tag: Tag | None) -> list[Post]:
        news = site_content().news
        posts = news.posts if tag is None else news.tagged(tag.slug)
        return posts[:FEED_SIZE]

    def item_title(self, post: Post) -> str:
        return post.title

    def item_link(self, post: Post) -> str:
        return absolute(self.request, post.url)

    def item_guid(self, post: Post) -> str:
        return absolute(self.request, post.url)

    def item_pubdate(self, post: Post) -> datetime.datetime:
        return datetime.datetime.combine(post.date, datetime.time(), tzinfo=datetime.UTC)

    item_updateddate = item_pubdate

    def item_categories(self, post: Post) -> list[str]:
        return [tag.name for tag in post.tags]

    def item_author_name(self, post: Post) -> str:
        return ", ".join(author.name for author in post.authors)

    def item_description(self, post: Post) -> str:
        return self.body_html(post)

    def body_html(self, post: Post) -> str:
        """The post's body and notes as on its page, every link absolute."""
        html = render_to_string(
            "news/_feed_body.html", {"post": post, "content": site_content()}, self.request
        )
        return absolute_links(self.request, html, post.url)


class NewsRss(_NewsFeed):
    feed_type: type[SyndicationFeed] = Rss201rev2Feed
    kind = "rss"


class NewsAtom(_NewsFeed):
    feed_type = _AtomWithContent
    kind = "atom"

    def item_author_name(self, post: Post) -> None:  # type: ignore[override]
        return None  # each author is written by _AtomWithContent

    def item_description(self, post: Post) -> str:
        return post.summary

    def item_extra_kwargs(self, post: Post) -> dict[str, Any]:
        authors = [(a.name, absolute(self.request, a.url)) for a in post.authors]
        return {"content_html": self.body_html(post), "authors": authors}


# A new feed object for each request: it holds the request (for absolute links), and a
# worker serves several requests at once. Kept by the page cache like the pages.


@require_safe
@rendered_once()
def atom(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """All the news, or one tag's (`slug`), as Atom."""
    response: HttpResponse = NewsAtom()(request, slug=slug)
    return response


@require_safe
@rendered_once()
def rss(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """All the news, or one tag's, as RSS 2.0."""
    response: HttpResponse = NewsRss()(request, slug=slug)
    return response
