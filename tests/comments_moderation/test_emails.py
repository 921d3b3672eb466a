"""The emails moderation causes, sent by the outbox's real worker to Django's test mailbox:
moderators told of held comments, the double opt-in for reply emails, the reply email with
its List-Unsubscribe headers, and the confirm and unsubscribe pages."""

from __future__ import annotations

import re
from email.message import Message as EmailMessage
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from pytest_django.fixtures import Settings

from crossing.web.comments import links, moderation, notifications
from crossing.web.comments.models import Comment, ReplySubscription, Status
from crossing.web.outbox.models import Message

from .conftest import PAGE, SITE, make_comment, work_all

pytestmark = pytest.mark.django_db


def arrive(wants_replies: bool = False, **fields: Any) -> Comment:
    comment = make_comment(**fields)
    notifications.comment_arrived(comment, wants_replies=wants_replies)
    return comment


def link_in(text: str, path: str) -> str:
    [found] = re.findall(rf"{re.escape(SITE)}{re.escape(path)}\S+/", text)
    return found


def test_moderators_get_an_email_for_each_held_comment(moderator: Any) -> None:
    held = arrive(text="Is the Tumen frozen in March?", reason="a first comment")
    arrive(status=Status.APPROVED)
    arrive(status=Status.SPAM)
    assert work_all() == 1
    [sent] = mail.outbox
    assert sent.to == ["editor@crossing.example"]
    assert sent.subject == f"Awaiting moderation: a comment on {PAGE}"
    assert "Is the Tumen frozen in March?" in sent.body
    assert "Why it was held: a first comment" in sent.body
    assert f"{SITE}/admin/comments/comment/{held.pk}/change/" in sent.body
    assert sent.message()["Message-ID"]


def test_the_moderators_addresses_can_be_set(settings: Settings, moderator: Any) -> None:
    settings.CROSSING_MODERATOR_EMAILS = ["queue@crossing.example", "second@crossing.example"]
    arrive()
    work_all()
    assert mail.outbox[0].to == ["queue@crossing.example", "second@crossing.example"]


def test_without_moderators_no_email_is_queued() -> None:
    arrive()
    assert not Message.objects.filter(kind="email").exists()


def test_spam_arriving_schedules_its_purge_and_emails_nobody(moderator: Any) -> None:
    arrive(status=Status.SPAM, text="cheap watches")
    [job] = Message.objects.all()
    assert job.kind == "comments-purge" and job.key.startswith("comments-purge-")


def test_double_opt_in_reply_email_and_one_click_unsubscribe(moderator: Any) -> None:
    client = Client()
    author = arrive(wants_replies=True, email="minji@mail.example", status=Status.APPROVED)
    assert work_all() == 1
    [confirmation] = mail.outbox
    assert confirmation.to == ["minji@mail.example"]
    confirm = link_in(confirmation.body, "/comments/replies/confirm/")

    # Opening the link (or a mail scanner opening it) confirms nothing: the button does.
    page = client.get(urlsplit(confirm).path)
    assert page.status_code == 200 and not page.cookies
    assert b'<button type="submit">Yes, email me replies</button>' in page.content
    assert ReplySubscription.objects.get(comment=author).confirmed is None
    # A reply before confirmation: nobody is emailed.
    moderation.approve(make_comment(parent=author, email="lee@mail.example"), moderator)
    assert work_all() == 0
    done = client.post(urlsplit(confirm).path)
    assert done.status_code == 200 and b"Confirmed" in done.content and not done.cookies
    assert ReplySubscription.objects.get(comment=author).confirmed is not None

    reply = make_comment(
        parent=author, name="Lee Joon", email="lee@mail.example", text="It was, that year."
    )
    moderation.approve(reply, moderator)
    moderation.approve(reply, moderator)  # a second click sends nothing more
    assert work_all() == 1
    sent = mail.outbox[-1]
    assert sent.to == ["minji@mail.example"]
    assert sent.subject == "Lee Joon replied to your comment"
    assert "It was, that year." in sent.body
    assert f"{SITE}{PAGE}#comment-{reply.pk}" in sent.body
    headers: EmailMessage = sent.message()
    match = re.fullmatch(r"<(https://[^>]+)>", headers["List-Unsubscribe"])
    assert match, headers["List-Unsubscribe"]
    unsubscribe = match.group(1)
    assert unsubscribe in sent.body
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    address = urlsplit(unsubscribe)
    assert f"{address.scheme}://{address.netloc}" == SITE
    assert re.fullmatch(r"/comments/unsubscribe/[^/]+/", address.path)

    page = client.get(address.path)
    assert page.status_code == 200 and b'<button type="submit">Unsubscribe</button>' in page.content
    assert ReplySubscription.objects.get(comment=author).unsubscribed is None
    # What a mail program sends for List-Unsubscribe-Post (RFC 8058), with no cookie.
    one_click = client.post(
        address.path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert one_click.status_code == 200 and b"Unsubscribed" in one_click.content
    assert ReplySubscription.objects.get(comment=author).unsubscribed is not None
    moderation.approve(make_comment(parent=author, email="kang@mail.example"), moderator)
    assert work_all() == 0


def test_nobody_is_told_of_their_own_reply_or_of_replies_they_did_not_ask_for(
    moderator: Any,
) -> None:
    asked = make_comment(status=Status.APPROVED, email="Minji@Mail.example")
    ReplySubscription.objects.create(comment=asked, confirmed=timezone.now())
    did_not_ask = make_comment(status=Status.APPROVED, email="other@mail.example")
    moderation.approve(make_comment(parent=asked, email="minji@mail.example"), moderator)
    moderation.approve(make_comment(parent=did_not_ask, email="lee@mail.example"), moderator)
    assert work_all() == 0


def test_a_staff_reply_is_emailed_to_the_author_who_asked(moderator: Any) -> None:
    author = make_comment(status=Status.APPROVED)
    ReplySubscription.objects.create(comment=author, confirmed=timezone.now())
    moderation.reply(author, moderator, "Thank you; the chapter cites it.")
    work_all()
    [sent] = mail.outbox
    assert sent.subject == "editor replied to your comment"
    assert "Thank you; the chapter cites it." in sent.body


def test_an_author_who_wrote_in_korean_is_told_of_a_reply_in_korean(moderator: Any) -> None:
    """The moderator approves in English; the author, who commented on the Korean page,
    reads of the reply in Korean, with the page's and the reply's Korean addresses. The
    moderators' own email stays in the site's language."""
    author = make_comment(status=Status.APPROVED, language="ko")
    ReplySubscription.objects.create(comment=author, confirmed=timezone.now())
    moderation.approve(make_comment(parent=author, email="lee@mail.example"), moderator)
    work_all()
    [sent] = mail.outbox
    assert not sent.subject.isascii()
    assert f"{SITE}/ko{PAGE}#comment-" in sent.body
    mail.outbox.clear()
    arrive(language="ko")
    work_all()
    [held] = mail.outbox
    assert held.subject.startswith("Awaiting moderation")


def test_no_confirmation_for_spam_or_without_the_box_ticked() -> None:
    arrive(wants_replies=True, status=Status.SPAM)
    arrive(wants_replies=False)
    assert not ReplySubscription.objects.exists()
    assert not Message.objects.filter(kind="email").exists()


@pytest.mark.parametrize("view", ["/comments/replies/confirm/", "/comments/unsubscribe/"])
def test_a_changed_link_is_refused_with_a_page_that_says_so(client: Client, view: str) -> None:
    comment = make_comment()
    ReplySubscription.objects.create(comment=comment)
    token = links.confirm_token(comment) if "confirm" in view else links.unsubscribe_token(comment)
    for bad in (token[:-2], f"{comment.pk + 1}{token[1:]}", "nothing"):
        response = client.post(f"{view}{bad}/")
        assert response.status_code == 400
        assert b"is not complete or was changed" in response.content
    assert ReplySubscription.objects.get().confirmed is None
    assert ReplySubscription.objects.get().unsubscribed is None


def test_a_confirmation_link_older_than_a_week_says_so(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    comment = make_comment()
    ReplySubscription.objects.create(comment=comment)
    token = links.confirm_token(comment)
    monkeypatch.setattr(links, "CONFIRM_MAX_AGE", -1)
    response = client.post(f"/comments/replies/confirm/{token}/")
    assert response.status_code == 400 and b"more than a week old" in response.content


def test_a_link_to_a_deleted_comment_says_it_is_gone(client: Client) -> None:
    comment = make_comment()
    token = links.unsubscribe_token(comment)
    comment.delete()
    response = client.get(f"/comments/unsubscribe/{token}/")
    assert response.status_code == 404 and b"no longer here" in response.content


def test_an_address_the_outbox_refuses_does_not_undo_the_approval(
    moderator: Any, caplog: pytest.LogCaptureFixture
) -> None:
    author = make_comment(status=Status.APPROVED, email="not an address")
    ReplySubscription.objects.create(comment=author, confirmed=timezone.now())
    reply = make_comment(parent=author, email="lee@mail.example")
    assert moderation.approve(reply, moderator)
    assert Comment.objects.get(pk=reply.pk).status == Status.APPROVED
    assert f"email comment-{reply.pk}-reply not sent" in caplog.text
    assert not Message.objects.filter(kind="email").exists()


def test_a_head_request_on_a_link_changes_nothing(client: Client) -> None:
    comment = make_comment()
    ReplySubscription.objects.create(comment=comment)
    assert (
        client.head(f"/comments/replies/confirm/{links.confirm_token(comment)}/").status_code == 200
    )
    assert ReplySubscription.objects.get().confirmed is None
