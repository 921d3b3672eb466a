"""Which pages take comments (posts by default, chapters when switched on), closing after a
number of days, what `crossing check` says of the front matter, and the page cache: a change
to one page's comments renders that page again, and only it."""

from __future__ import annotations

import datetime
import hashlib
from pathlib import Path

import pytest
from django.test import Client
from pytest_django.fixtures import DjangoAssertNumQueries, Settings

from crossing.content.check import check_tree
from crossing.web.comments.models import Comment, Status, page_changed
from crossing.web.content import site_content
from crossing.web.page_cache import pages

from .conftest import fields, other_post_path, post_path, send, set_front_matter

pytestmark = pytest.mark.django_db
CHAPTER = "/on-the-border/the-river/"


def approved(page: str, text: str = "Kept here.") -> Comment:
    return Comment.objects.create(
        page=page,
        name="Ara",
        email="ara@example.org",
        text=text,
        status=Status.APPROVED,
        key=hashlib.sha256(f"{page}-{text}".encode()).hexdigest(),
    )


def test_a_chapter_takes_no_comments_unless_its_editors_switch_them_on(content: Path) -> None:
    client = Client()
    page = client.get(CHAPTER).content.decode()
    assert 'id="comments"' not in page and "comment-form" not in page
    assert send(client, fields(page=CHAPTER)).status_code == 403
    assert not Comment.objects.exists()
    set_front_matter(content / "story" / "01-the-river.md", "comments = true\n")
    page = client.get(CHAPTER).content.decode()
    assert 'action="/comments/post/#respond"' in page  # errors open at the form
    assert send(client, fields(page=CHAPTER)).status_code == 303
    assert Comment.objects.get().page == CHAPTER


def test_a_post_switched_off_shows_its_comments_and_refuses_new_ones(content: Path) -> None:
    post = site_content().news.posts[0]
    approved(post.url)
    (path,) = (content / "news").glob(f"*-{post.slug}.md")
    set_front_matter(path, "comments = false\n")
    client = Client()
    page = client.get(post.url).content.decode()
    assert "Kept here." in page and "Comments are closed." in page
    assert "comment-form" not in page
    answer = send(client, fields(page=post.url))
    assert answer.status_code == 403
    assert "Comments are closed." in answer.content.decode()
    assert Comment.objects.count() == 1


def test_comments_close_after_the_days_set(settings: Settings) -> None:
    post = site_content().news.posts[-1]  # the oldest
    age = (datetime.date.today() - post.date).days
    settings.CROSSING_COMMENTS_CLOSE_AFTER_DAYS = age + 2  # still open
    client = Client()
    assert "comment-form" in client.get(post.url).content.decode()
    settings.CROSSING_COMMENTS_CLOSE_AFTER_DAYS = age  # closed today
    pages.clear()
    approved(post.url)
    page = client.get(post.url).content.decode()
    assert "Comments are closed." in page and "Kept here." in page
    answer = send(client, fields(page=post.url, website="https://a.example.org"))
    assert answer.status_code == 403
    html = answer.content.decode()
    assert "Comments are closed." in html


def test_a_chapter_closes_counting_from_comments_opened(content: Path, settings: Settings) -> None:
    opened = datetime.date.today() - datetime.timedelta(days=10)
    set_front_matter(
        content / "story" / "01-the-river.md",
        f"comments = true\ncomments_opened = {opened.isoformat()}\n",
    )
    settings.CROSSING_COMMENTS_CLOSE_AFTER_DAYS = 11
    assert "comment-form" in Client().get(CHAPTER).content.decode()
    settings.CROSSING_COMMENTS_CLOSE_AFTER_DAYS = 10
    pages.clear()
    assert "Comments are closed." in Client().get(CHAPTER).content.decode()


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ('comments = "yes"', "'comments' must be true or false"),
        ('comments_opened = "2024-01-01"', "'comments_opened' must be a date such as"),
        ("comments_open = true", "unknown field 'comments_open'"),
    ],
)
def test_the_checker_reports_the_chapter_keys(
    content: Path, monkeypatch: pytest.MonkeyPatch, written: str, said: str
) -> None:
    monkeypatch.chdir(content.parent)
    set_front_matter(Path("content/story/01-the-river.md"), written + "\n")
    found = [
        f"{d.position.path}:{d.position.line} {d.message}"
        for d in check_tree(Path("content")).diagnostics
        if d.position and d.code == "E201"
    ]
    assert len(found) == 1
    assert found[0].startswith("content/story/01-the-river.md:4 ")
    assert said in found[0]


def _kept(path: str) -> object:
    return next(kept for key, kept in pages._pages.items() if key[0] == path)


def test_an_approval_renders_only_its_own_page_again(
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    client = Client()
    for path in (post_path(), other_post_path()):
        assert client.get(path).status_code == 200
    first, other = _kept(post_path()), _kept(other_post_path())
    with django_assert_num_queries(1):  # the page's generation, by its primary key
        client.get(post_path())
    assert _kept(post_path()) is first
    comment = approved(post_path(), "Now approved.")
    page_changed(post_path())  # as a moderator's approval does, in any worker
    assert "Now approved." in client.get(post_path()).content.decode()
    assert _kept(post_path()) is not first
    client.get(other_post_path())
    assert _kept(other_post_path()) is other  # untouched
    assert comment.pk


@pytest.mark.usefixtures("no_flood")
def test_an_approved_comment_on_arrival_refreshes_the_cached_page() -> None:
    client = Client()
    client.get(post_path())
    send(client, fields())
    Comment.objects.update(status=Status.APPROVED)
    answer = send(client, fields(comment="A second, approved at once."))
    assert answer.status_code == 303
    assert "A second, approved at once." in client.get(post_path()).content.decode()


def test_pages_with_a_reply_or_preview_query_are_not_kept() -> None:
    comment = approved(post_path())
    client = Client()
    client.get(f"{post_path()}?replytocom={comment.pk}")
    client.get(f"{post_path()}?unapproved={comment.pk}&moderation-hash=x")
    assert not any(key[0] == post_path() for key in pages._pages)
