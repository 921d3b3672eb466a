"""The whole path through the site's real form, admin and worker: a reader posts and asks
for reply emails, confirms, a moderator approves in the admin, another reader replies, the
moderator approves that, the first reader gets the reply email and unsubscribes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core import mail
from django.core.cache import cache
from django.test import Client
from pytest_django.fixtures import Settings

from crossing.web.comments.models import Comment, ReplySubscription, Status
from crossing.web.content import site_content
from crossing.web.page_cache import pages
from crossing.web.spam.checks import sign_form_time

from .conftest import SITE, work_all

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh(settings: Settings) -> Iterator[None]:
    settings.CROSSING_SPAM_MIN_SECONDS = 0
    settings.CROSSING_COMMENTS_FLOOD_SECONDS = 0
    settings.CROSSING_MODERATION_WORDS = []
    settings.CROSSING_DISALLOWED_WORDS = []
    cache.clear()
    pages.clear()
    yield
    cache.clear()
    pages.clear()


def post(client: Client, page: str, **fields: str) -> Any:
    data = {
        "page": page,
        "parent": "",
        "name": "Min-ji",
        "email": "min-ji@example.org",
        "website": "",
        "comment": "Thank you for writing this.",
        "homepage": "",
        "form_time": sign_form_time(page),
        **fields,
    }
    return client.post("/comments/post/", data, REMOTE_ADDR="192.0.2.10")


def approve_in_admin(staff_client: Client, comment: Comment) -> None:
    answer = staff_client.post(
        "/admin/comments/comment/",
        {"action": "approve", ACTION_CHECKBOX_NAME: [comment.pk], "index": 0},
    )
    assert answer.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Status.APPROVED


def test_post_confirm_approve_reply_email_unsubscribe(staff_client: Client) -> None:
    page = site_content().news.posts[0].url
    reader, other = Client(), Client()

    answer = post(reader, page, notify="on", comment="Was the river frozen that year?")
    assert answer.status_code == 303 and not answer.cookies
    first = Comment.objects.get()
    assert first.status == Status.HELD
    assert work_all() == 2  # the moderators' email and the confirmation
    held, confirmation = sorted(mail.outbox, key=lambda m: m.to[0] == "min-ji@example.org")
    assert held.to == ["editor@crossing.example"] and "Was the river frozen" in held.body
    [confirm] = re.findall(rf"{re.escape(SITE)}(/comments/replies/confirm/\S+/)", confirmation.body)
    assert reader.post(confirm).status_code == 200
    assert ReplySubscription.objects.get(comment=first).confirmed is not None

    approve_in_admin(staff_client, first)
    shown = reader.get(page).content.decode()
    assert "Was the river frozen that year?" in shown and f'id="comment-{first.pk}"' in shown

    answer = post(
        other,
        page,
        parent=str(first.pk),
        name="Lee",
        email="lee@example.org",
        comment="It was, in February.",
    )
    assert answer.status_code == 303
    reply = Comment.objects.get(parent=first)
    assert reply.status == Status.HELD  # Lee's first comment
    approve_in_admin(staff_client, reply)
    mail.outbox.clear()
    assert work_all() == 2  # Lee's held comment to moderators, the reply to Min-ji
    [to_her] = [m for m in mail.outbox if m.to == ["min-ji@example.org"]]
    assert "It was, in February." in to_her.body
    unsubscribe = re.fullmatch(r"<(.+)>", to_her.message()["List-Unsubscribe"])
    assert unsubscribe
    shown = reader.get(page).content.decode()
    assert "It was, in February." in shown
    assert "min-ji@example.org" not in shown and "lee@example.org" not in shown

    path = urlsplit(unsubscribe.group(1)).path
    assert b"Unsubscribe" in reader.get(path).content
    reader.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert ReplySubscription.objects.get(comment=first).unsubscribed is not None
