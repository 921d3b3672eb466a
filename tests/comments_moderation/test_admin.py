"""The moderators' admin, through a signed-in staff client: the queue held first, bulk
decisions recorded, a reply written on its own page, and readers' text always escaped."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.test import Client
from django.utils.html import escape

from crossing.web.comments.models import Action, Comment, Decision, Status

from .conftest import generation, make_comment

pytestmark = pytest.mark.django_db
LIST = "/admin/comments/comment/"

XSS = [
    "<script>alert('name')</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(2)>",
    "javascript:alert(3)",
    '<a href="javascript:alert(4)">click</a>',
    "';alert(String.fromCharCode(88,83,83))//",
    "<iframe src=javascript:alert(5)>",
    "<body onload=alert(6)>",
]


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.risks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("iframe", "object", "embed"):
            self.risks.append(tag)
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.risks.append(f"{tag} {name}={value}")


def markup_risks(html: str) -> list[str]:
    """Elements and attributes that could run script: event handlers, javascript: links."""
    parser = _Elements()
    parser.feed(html)
    return parser.risks


def bulk(client: Client, action: str, *comments: Comment) -> str:
    response = client.post(
        LIST,
        {"action": action, ACTION_CHECKBOX_NAME: [c.pk for c in comments], "index": 0},
        follow=True,
    )
    assert response.status_code == 200
    return response.content.decode()


def test_the_queue_shows_held_comments_first_then_the_newest(staff_client: Client) -> None:
    make_comment(name="Old held", status=Status.HELD)
    make_comment(name="Approved one", status=Status.APPROVED)
    make_comment(name="New held", status=Status.HELD)
    make_comment(name="Spam one", status=Status.SPAM)
    page = staff_client.get(LIST).content.decode()
    rows = re.findall(r'<th class="field-name"><a href="[^"]+">([^<]+)</a>', page)
    assert rows == ["New held", "Old held", "Spam one", "Approved one"]
    for column in ("Name", "Page", "Comment", "Status", "Reason", "Created"):
        assert re.search(rf">{column}(</a>)?</", page), column


@pytest.mark.parametrize(
    ("action", "before", "after", "recorded"),
    [
        ("approve", Status.HELD, Status.APPROVED, Action.APPROVED),
        ("spam", Status.HELD, Status.SPAM, Action.SPAM),
        ("not_spam", Status.SPAM, Status.HELD, Action.NOT_SPAM),
        ("trash", Status.APPROVED, Status.TRASH, Action.TRASHED),
        ("restore", Status.TRASH, Status.HELD, Action.RESTORED),
        ("hold", Status.APPROVED, Status.HELD, Action.HELD),
    ],
)
def test_bulk_actions_decide_for_each_selected_comment(
    staff_client: Client,
    moderator: Any,
    action: str,
    before: Status,
    after: Status,
    recorded: Action,
) -> None:
    chosen = [make_comment(status=before) for _ in range(3)]
    other = make_comment(status=before)
    page = bulk(staff_client, action, *chosen)
    assert ": 3" in page
    assert [c.status for c in Comment.objects.filter(pk__in=[c.pk for c in chosen])] == [after] * 3
    assert Comment.objects.get(pk=other.pk).status == before
    assert Decision.objects.filter(action=recorded, moderator=moderator).count() == 3


def test_a_bulk_action_reports_the_comments_it_could_not_change(staff_client: Client) -> None:
    held, trashed, approved = (
        make_comment(status=Status.HELD),
        make_comment(status=Status.TRASH),
        make_comment(status=Status.APPROVED),
    )
    was = generation()
    page = bulk(staff_client, "approve", held, trashed, approved)
    assert "Approved: 1" in page
    assert "Already so, left as they were: 1" in page
    assert f"Comment {trashed.pk} is trash: it cannot be approved (restore it first)." in page
    assert generation() == was + 1


def test_the_buttons_on_a_comments_page_decide_and_show_the_decisions(
    staff_client: Client,
) -> None:
    comment = make_comment()
    url = f"{LIST}{comment.pk}/change/"
    page = staff_client.get(url).content.decode()
    assert "This comment is awaiting moderation." in page
    buttons = re.findall(r'name="action" value="(\w+)"', page)
    assert buttons == ["approve", "spam", "trash"]  # only what applies to a held comment
    assert "minji@mail.example" in page  # the email: staff only, here only
    response = staff_client.post(
        f"{LIST}{comment.pk}/moderate/", {"action": "approve"}, follow=True
    )
    assert f"Comment {comment.pk} is now approved." in response.content.decode()
    page = staff_client.get(url).content.decode()
    assert re.search(r'field-action">\s*<p>approved</p>', page)  # the decision, inline
    assert 'name="_save"' not in page  # nothing is edited here
    bad = staff_client.post(f"{LIST}{comment.pk}/moderate/", {"action": "restore"}, follow=True)
    assert "it cannot be restored" in bad.content.decode()


def test_a_reply_is_written_on_its_own_page_and_kept_when_it_fails(
    staff_client: Client, moderator: Any
) -> None:
    comment = make_comment()
    url = f"{LIST}{comment.pk}/reply/"
    page = staff_client.get(url)
    assert page.status_code == 200
    assert "Replying approves this comment too." in page.content.decode()
    too_long = "word " * 2000
    failed = staff_client.post(url, {"text": too_long})
    assert failed.status_code == 400
    assert "characters long; at most 5000 are allowed" in failed.content.decode()
    assert too_long.strip() in failed.content.decode()  # what was typed is kept
    done = staff_client.post(url, {"text": "Thank you for reading."}, follow=True)
    assert "is on the page" in done.content.decode()
    reply = Comment.objects.get(parent=comment)
    assert (reply.name, reply.status, reply.text) == (
        "editor",
        Status.APPROVED,
        "Thank you for reading.",
    )
    # The "reply" bulk action leads to the same page, for one comment at a time.
    response = staff_client.post(
        LIST, {"action": "reply_action", ACTION_CHECKBOX_NAME: [comment.pk], "index": 0}
    )
    assert response.status_code == 302 and response["Location"] == url
    two = bulk(staff_client, "reply_action", comment, reply)
    assert "Select exactly one comment to reply to." in two


def test_readers_cannot_see_the_admin(client: Client) -> None:
    comment = make_comment()
    for url in (LIST, f"{LIST}{comment.pk}/change/", f"{LIST}{comment.pk}/reply/"):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.post(f"{LIST}{comment.pk}/moderate/", {"action": "approve"})
    assert Comment.objects.get(pk=comment.pk).status == Status.HELD


def test_comments_cannot_be_added_or_deleted_in_the_admin(staff_client: Client) -> None:
    comment = make_comment()
    assert staff_client.get(f"{LIST}add/").status_code == 403
    assert staff_client.get(f"{LIST}{comment.pk}/delete/").status_code == 403
    assert "delete_selected" not in staff_client.get(LIST).content.decode()


@pytest.mark.parametrize("payload", XSS)
def test_every_admin_page_shows_xss_laden_comments_as_text(
    staff_client: Client, moderator: Any, payload: str
) -> None:
    comment = make_comment(
        name=payload[:100],
        text=f"{payload}\n\n{payload}",
        website=f"https://x.example/?q={payload}"[:200],
        reason=payload,
        user_agent=payload,
        page=f"/news/{payload}/"[:200],
    )
    Decision.objects.create(comment=comment, moderator=moderator, action=Action.HELD, note=payload)
    pages = [
        LIST,
        f"{LIST}?q=alert",
        f"{LIST}{comment.pk}/change/",
        f"{LIST}{comment.pk}/reply/",
        "/admin/comments/decision/",
    ]
    for url in pages:
        response = staff_client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        if "<" in payload:
            assert payload not in html, url  # never as markup
            assert html.count(escape(payload)) >= 1, url  # but shown, as text
        assert markup_risks(html) == [], url
