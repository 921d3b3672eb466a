"""What readers see: threads to depth 5, reply links that work without JavaScript, counts,
references, and never an email address."""

from __future__ import annotations

import hashlib
import re

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from crossing.web.comments.models import Comment, Kind, Status

from .conftest import fields, post_path, send

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_flood")]


def approved(name: str, text: str, parent: Comment | None = None, page: str = "") -> Comment:
    return Comment.objects.create(
        page=page or post_path(),
        parent=parent,
        depth=parent.depth + 1 if parent else 1,
        name=name,
        email=f"{name.lower()}@example.org",
        text=text,
        status=Status.APPROVED,
        key=hashlib.sha256(f"{name}-{text}".encode()).hexdigest(),
    )


def test_a_reply_threads_under_its_comment_and_the_heading_counts() -> None:
    client = Client()
    first = approved("Ara", "A first comment.")
    page = client.get(f"{post_path()}?replytocom={first.pk}").content.decode()
    assert "Reply to Ara" in page
    assert f'name="parent" value="{first.pk}"' in page
    assert f'href="{post_path()}#respond"' in page  # cancel the reply
    send(client, fields(parent=str(first.pk), name="Ara", email="ara@example.org"))
    reply = Comment.objects.get(parent=first)
    assert reply.status == Status.APPROVED and reply.depth == 2
    page = client.get(post_path()).content.decode()
    assert "2 replies to “" in page
    outer = page.index(f'id="comment-{first.pk}"')
    children = page.index('<ol class="children">', outer)
    assert outer < children < page.index(f'id="comment-{reply.pk}"')
    assert f'href="?replytocom={first.pk}#respond"' in page


def test_one_reply_heading_and_reply_links_without_javascript() -> None:
    approved("Ara", "Only one.")
    page = Client().get(post_path()).content.decode()
    assert "One reply to “" in page
    assert "?replytocom=" in page


def test_threads_stop_at_depth_five(settings: Settings) -> None:
    client = Client()
    parent = approved("Level1", "one")
    for level in range(2, 6):
        parent = approved(f"Level{level}", f"level {level}", parent=parent)
    assert parent.depth == 5
    page = client.get(post_path()).content.decode()
    assert f'href="?replytocom={parent.pk}#respond"' not in page  # no reply at the deepest
    # A reply sent to the deepest comment anyway joins its parent's level, as in WordPress.
    send(client, fields(parent=str(parent.pk), name="Level5", email="level5@example.org"))
    deep = Comment.objects.get(name="Level5", text__startswith="Thank you")
    assert deep.depth == 5 and deep.parent_id == parent.parent_id


def test_a_reply_to_a_held_or_foreign_comment_is_refused_with_everything_kept() -> None:
    held = approved("Ara", "Held one.")
    Comment.objects.filter(pk=held.pk).update(status=Status.HELD)
    answer = send(Client(), fields(parent=str(held.pk), website="https://b.example.org"))
    assert answer.status_code == 400
    html = answer.content.decode()
    assert "The comment you replied to is no longer shown" in html
    assert 'value="https://b.example.org"' in html
    assert "I had not known about the guards.</textarea>" in html
    (parent_field,) = re.findall(r'<input[^>]*name="parent"[^>]*>', html)
    assert "value=" not in parent_field  # sent again, it goes on the page itself


def test_names_links_and_text_are_escaped_and_emails_never_shown() -> None:
    comment = approved("<b>Eve</b>", 'Hi <script>alert("x")</script> see https://example.org')
    Comment.objects.filter(pk=comment.pk).update(website="https://eve.example.org")
    page = Client().get(post_path()).content.decode()
    assert "&lt;b&gt;Eve&lt;/b&gt;" in page
    assert "<script>alert" not in page
    assert '<a href="https://eve.example.org" rel="nofollow ugc">' in page
    assert '<a href="https://example.org" rel="nofollow ugc">' in page
    assert "@example.org" not in page


def test_references_are_listed_apart() -> None:
    Comment.objects.create(
        kind=Kind.WEBMENTION,
        page=post_path(),
        name="A blog",
        source="https://blog.example.net/post",
        text="They wrote about the crossing.",
        status=Status.APPROVED,
        key="mention-1",
    )
    Comment.objects.create(
        kind=Kind.WEBMENTION,
        page=post_path(),
        name="Bad",
        source="javascript:alert(1)",
        text="x",
        status=Status.APPROVED,
        key="mention-2",
    )
    page = Client().get(post_path()).content.decode()
    assert "2 references to “" in page
    assert '<a href="https://blog.example.net/post" rel="nofollow ugc">A blog</a>' in page
    assert "javascript:" not in page
    assert "replies to" not in page and "reply to “" not in page


def test_no_page_answer_sets_a_cookie() -> None:
    client = Client()
    answers = [client.get(post_path()), send(client, fields())]
    answers.append(client.get(answers[1]["Location"]))
    answers.append(send(client, fields(name="")))
    for answer in answers:
        assert not answer.cookies
        assert "Set-Cookie" not in answer.headers
    assert not re.search(r"csrfmiddlewaretoken", answers[0].content.decode())
