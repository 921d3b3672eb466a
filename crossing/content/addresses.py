"""Where each kind of content lives on the site. The site's URL patterns use the same
prefixes (a test holds them together), and links in content are checked against these."""

from __future__ import annotations

HOME = "/"
JOURNEY = "/journey/"
GAMEBOOK = "/journey/gamebook/"
STORY = "/on-the-border/"
SOURCES = "/sources/"
SITE_MAP = "/site-map/"
WORK_PREFIXES = {"film": "/films/", "book": "/books/"}

NEWS = "/news/"

# Pages that exist whatever the content holds.
FIXED = (HOME, JOURNEY, GAMEBOOK, STORY, SOURCES, SITE_MAP, *WORK_PREFIXES.values(), NEWS)


def chapter(slug: str) -> str:
    return f"{STORY}{slug}/"


def work(kind: str, slug: str) -> str:
    return f"{WORK_PREFIXES[kind]}{slug}/"


def gamebook_page(page_id: str) -> str:
    return f"{GAMEBOOK}{page_id}/"


def gamebook_section(page_id: str, anchor: str) -> str:
    return f"{gamebook_page(page_id)}#{anchor}"


def source(key: str) -> str:
    return f"{SOURCES}#source-{key}"


# The news (crossing.web.news): the index, its pages, each post, tag, author and month.
NEWS_TAGS = "/news/tags/"
NEWS_FEED_ATOM = "/news/feed/atom.xml"
NEWS_FEED_RSS = "/news/feed/rss.xml"


def news_page(number: int) -> str:
    """The index's pages: the first is /news/ itself."""
    return NEWS if number == 1 else f"{NEWS}page/{number}/"


def news_post(slug: str) -> str:
    return f"{NEWS}{slug}/"


def news_tag(slug: str) -> str:
    return f"{NEWS}tag/{slug}/"


def news_tag_feed(slug: str, kind: str) -> str:
    return f"{news_tag(slug)}{kind}.xml"


def news_author(key: str) -> str:
    return f"{NEWS}author/{key}/"


def news_month(year: int, month: int) -> str:
    return f"{NEWS}{year:04d}/{month:02d}/"
