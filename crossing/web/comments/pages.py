"""Which pages take comments, and whether they are open: news posts (open unless their front
matter says `comments = false`) and chapters (closed unless it says `comments = true`)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings

from crossing.content.documents import Chapter
from crossing.content.news import Post

from ..content import site_content


@dataclass(frozen=True, slots=True)
class Commentable:
    path: str  # the page's address, as Comment.page keeps it
    title: str
    enabled: bool  # the editors switched comments on for it
    opened: datetime.date | None  # closing after N days counts from here; None: never

    def closes_on(self) -> datetime.date | None:
        days = settings.CROSSING_COMMENTS_CLOSE_AFTER_DAYS
        if not days or self.opened is None:
            return None
        return self.opened + datetime.timedelta(days=days)

    def is_open(self, today: datetime.date | None = None) -> bool:
        """Comments may be posted: switched on, not past the closing day, not an export."""
        if not self.enabled or settings.CROSSING_STATIC_EXPORT:
            return False
        closes = self.closes_on()
        return closes is None or (today or datetime.date.today()) < closes


def of_post(post: Post) -> Commentable:
    return Commentable(post.url, post.title, post.comments, post.date)


def of_chapter(chapter: Chapter) -> Commentable:
    return Commentable(chapter.url, chapter.title, chapter.comments, chapter.comments_opened)


def of_page(item: Post | Chapter) -> Commentable:
    """A post or a chapter, as the templates hand them over."""
    return of_post(item) if isinstance(item, Post) else of_chapter(item)


def find(path: str) -> Commentable | None:
    """The page at `path` that can take comments (switched on or not), or None."""
    content = site_content()
    for post in content.news.posts:
        if post.url == path:
            return of_post(post)
    for chapter in content.chapters:
        if chapter.url == path:
            return of_chapter(chapter)
    return None
