"""schema.org descriptions (JSON-LD) of the news: each post a BlogPosting, the index the
Blog, and each archive (a tag, an author, a month) a CollectionPage of posts."""

from __future__ import annotations

from typing import Any

from .news import Author, Post
from .schema_org import CONTEXT, PUBLISHER, _compact

BLOG_NAME = "Crossing: news"


def _person(author: Author) -> dict[str, Any]:
    return _compact({"@type": "Person", "name": author.name, "url": author.link})


def post(found: Post) -> dict[str, Any]:
    return _compact(
        {
            "@context": CONTEXT,
            "@type": "BlogPosting",
            "headline": found.title,
            "description": found.summary,
            "datePublished": found.iso_date,
            "author": [_person(a) for a in found.authors],
            "keywords": [t.name for t in found.tags],
            "wordCount": found.body.words,
            "image": found.image.src if found.image else None,  # the page makes it absolute
            "inLanguage": "en",
            "publisher": PUBLISHER,
            "isPartOf": {"@type": "Blog", "name": BLOG_NAME},
        }
    )


def _entries(posts: list[Post]) -> list[dict[str, Any]]:
    return [
        {"@type": "BlogPosting", "headline": p.title, "datePublished": p.iso_date} for p in posts
    ]


def blog(posts: list[Post]) -> dict[str, Any]:
    return _compact(
        {
            "@context": CONTEXT,
            "@type": "Blog",
            "name": BLOG_NAME,
            "inLanguage": "en",
            "publisher": PUBLISHER,
            "blogPost": _entries(posts),
        }
    )


def collection(name: str, posts: list[Post]) -> dict[str, Any]:
    return _compact(
        {
            "@context": CONTEXT,
            "@type": "CollectionPage",
            "name": name,
            "inLanguage": "en",
            "isPartOf": {"@type": "Blog", "name": BLOG_NAME},
            "hasPart": _entries(posts),
        }
    )
