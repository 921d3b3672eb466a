"""The news: one Markdown post per file in content/news/ (`YYYY-MM-DD-slug.md`), and the
people who write them in content/news/authors.toml (docs/content.md, "News").

This module holds what the site reads: posts, authors, tags and the News itself, with
each tag's address. news_authors.py reads authors.toml; news_posts.py reads and checks the
posts. Problems are reported where they are written:

- E201 a front-matter field missing, unknown, of the wrong kind, a date that is not one, or
  a `date_known` the date does not fit;
- E207 a post's file name, or two posts at one address;
- E208 an author key that authors.toml does not have, or a problem in authors.toml;
- E209 one tag written two ways (two display names with the same address);
- W203 an author with no post.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from . import addresses
from .documents import Body, Draft

NEWS_FOLDER = "news"
AUTHORS_FILE = "authors.toml"
BAD_NAME = "E207"  # a post's file name, or two posts at one address
UNKNOWN_AUTHOR = "E208"  # and authors.toml's own problems
TAG_TWO_WAYS = "E209"
AUTHOR_UNUSED = "W203"


def tag_slug(name: str) -> str:
    """A tag's address from its display name: "The Defector" -> "the-defector". Letters
    and digits without accents, lower case, one hyphen between words; "" when the name has
    no Latin letter or digit (reported: the site's addresses are ASCII)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


@dataclass(frozen=True, slots=True)
class Author:
    key: str
    name: str
    bio: str
    link: str | None

    @property
    def url(self) -> str:
        return addresses.news_author(self.key)


@dataclass(frozen=True, slots=True)
class Tag:
    slug: str
    name: str

    @property
    def url(self) -> str:
        return addresses.news_tag(self.slug)


@dataclass(frozen=True, slots=True)
class NewsImage:
    src: str
    alt: str
    caption: str | None
    credit: str


# How much of a post's date the record gives: an event known only by its year is dated
# the first of January, and shown as "2014", never as a day nobody recorded.
DateKnown = Literal["day", "month", "year"]
DATE_SHOWN: dict[str, str] = {"day": "j F Y", "month": "F Y", "year": "Y"}  # Django's date filter
DATE_ISO: dict[str, slice] = {"day": slice(0, 10), "month": slice(0, 7), "year": slice(0, 4)}


@dataclass(frozen=True, slots=True)
class Post:
    slug: str
    title: str
    date: date  # the first day of what is known (see DateKnown)
    authors: tuple[Author, ...]
    tags: tuple[Tag, ...]
    summary: str
    comments: bool  # whether readers may comment (a later issue's comments)
    image: NewsImage | None
    body: Body
    path: str
    date_known: DateKnown = "day"

    @property
    def url(self) -> str:
        return addresses.news_post(self.slug)

    @property
    def iso_date(self) -> str:
        """As much of the date as is known, in ISO 8601: 2014-03-09, 2014-03 or 2014."""
        return self.date.isoformat()[DATE_ISO[self.date_known]]

    @property
    def date_format(self) -> str:
        """How the date is shown (Django's `date` filter): 9 March 2014, March 2014, 2014."""
        return DATE_SHOWN[self.date_known]

    @property
    def month_known(self) -> bool:
        return self.date_known != "year"


@dataclass(slots=True)
class PostDraft:
    """A post whose front matter is read; its body waits for every address to be known."""

    slug: str
    draft: Draft


PER_PAGE = 10  # posts on each page of the index


@dataclass(slots=True)
class News:
    """Every post, newest first, and every author."""

    posts: list[Post] = field(default_factory=list)
    authors: dict[str, Author] = field(default_factory=dict)

    def feed_addresses(self) -> list[str]:
        """Every feed: all the news, then each tag's, in Atom and RSS."""
        feeds = [addresses.NEWS_FEED_ATOM, addresses.NEWS_FEED_RSS]
        for tag, _ in self.tags():
            feeds += [addresses.news_tag_feed(tag.slug, kind) for kind in ("atom", "rss")]
        return feeds

    def page_count(self) -> int:
        """Pages of the index: at least one, which says there is no news yet."""
        return max(1, -(-len(self.posts) // PER_PAGE))

    def page(self, number: int) -> list[Post]:
        return self.posts[(number - 1) * PER_PAGE : number * PER_PAGE]

    def post(self, slug: str) -> Post | None:
        return next((p for p in self.posts if p.slug == slug), None)

    def tags(self) -> list[tuple[Tag, int]]:
        """Every tag with how many posts carry it, by name."""
        counts: dict[Tag, int] = {}
        for post in self.posts:
            for tag in post.tags:
                counts[tag] = counts.get(tag, 0) + 1
        return sorted(counts.items(), key=lambda item: item[0].name.casefold())

    def tag(self, slug: str) -> Tag | None:
        return next((t for t, _ in self.tags() if t.slug == slug), None)

    def tagged(self, slug: str) -> list[Post]:
        return [p for p in self.posts if any(t.slug == slug for t in p.tags)]

    def by(self, key: str) -> list[Post]:
        return [p for p in self.posts if any(a.key == key for a in p.authors)]

    def months(self) -> list[tuple[int, int]]:
        """(year, month) of every month with a post, newest first."""
        known = (p for p in self.posts if p.month_known)  # "2014" is in no month's archive
        return sorted({(p.date.year, p.date.month) for p in known}, reverse=True)

    def of_month(self, year: int, month: int) -> list[Post]:
        return [
            p for p in self.posts if p.month_known and (p.date.year, p.date.month) == (year, month)
        ]
