"""Each moderator's decision: the status it allows, the Decision it records, the page it
refreshes; asking twice changes nothing and sends nothing twice."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from crossing.web.comments import moderation
from crossing.web.comments.models import Action, Comment, Decision, Kind, ReplySubscription, Status
from crossing.web.outbox.models import Message

from .conftest import PAGE, generation, make_comment, work_all

pytestmark = pytest.mark.django_db

# (function, status before, status after, the action recorded, whether the page changes)
TRANSITIONS = [
    (moderation.approve, Status.HELD, Status.APPROVED, Action.APPROVED, True),
    (moderation.hold, Status.APPROVED, Status.HELD, Action.HELD, True),
    (moderation.spam, Status.HELD, Status.SPAM, Action.SPAM, False),
    (moderation.spam, Status.APPROVED, Status.SPAM, Action.SPAM, True),
    (moderation.not_spam, Status.SPAM, Status.HELD, Action.NOT_SPAM, False),
    (moderation.trash, Status.HELD, Status.TRASH, Action.TRASHED, False),
    (moderation.trash, Status.APPROVED, Status.TRASH, Action.TRASHED, True),
    (moderation.restore, Status.TRASH, Status.HELD, Action.RESTORED, False),
]


@pytest.mark.parametrize(("move", "before", "after", "action", "shown"), TRANSITIONS)
def test_each_transition_records_a_decision_and_refreshes_the_page_when_it_shows(
    move: Any, before: Status, after: Status, action: Action, shown: bool, moderator: Any
) -> None:
    comment = make_comment(status=before)
    was = generation()
    assert move(comment, moderator, note="checked the source") is True
    assert comment.status == after
    assert Comment.objects.get(pk=comment.pk).status == after
    decision = Decision.objects.filter(comment=comment).order_by("-id").first()
    assert decision is not None
    assert (decision.action, decision.moderator, decision.note) == (
        action,
        moderator,
        "checked the source",
    )
    assert generation() == was + (1 if shown else 0)


@pytest.mark.parametrize(
    ("move", "before", "after", "action", "shown"), [*TRANSITIONS[:4], TRANSITIONS[5]]
)
def test_asking_for_the_status_a_comment_has_changes_nothing(
    move: Any, before: Status, after: Status, action: Action, shown: bool, moderator: Any
) -> None:
    comment = make_comment(status=after)
    was = generation()
    assert move(comment, moderator) is False
    assert not Decision.objects.exists()
    assert generation() == was


@pytest.mark.parametrize(
    ("move", "status", "message"),
    [
        (moderation.approve, Status.TRASH, "is trash: it cannot be approved (restore it first)"),
        (moderation.hold, Status.SPAM, "is spam: it cannot be held again"),
        (moderation.not_spam, Status.APPROVED, "it cannot be marked not spam"),
        (moderation.restore, Status.HELD, "it cannot be restored"),
        (moderation.not_spam, Status.HELD, "it cannot be marked not spam"),
    ],
)
def test_a_decision_that_does_not_apply_is_refused_with_a_reason(
    move: Any, status: Status, message: str, moderator: Any
) -> None:
    comment = make_comment(status=status)
    with pytest.raises(moderation.ModerationError, match=re.escape(message)):
        move(comment, moderator)
    assert Comment.objects.get(pk=comment.pk).status == status
    assert not Decision.objects.exists()


def test_a_stale_copy_of_a_comment_is_judged_by_its_stored_status(moderator: Any) -> None:
    comment = make_comment()
    stale = Comment.objects.get(pk=comment.pk)
    assert moderation.approve(comment, moderator)
    # Another moderator's page still says "held": approving again does nothing more.
    assert moderation.approve(stale, moderator) is False
    assert Decision.objects.filter(action=Action.APPROVED).count() == 1


def test_approving_twice_enqueues_and_sends_the_reply_email_once(moderator: Any) -> None:
    parent = make_comment(status=Status.APPROVED, email="parent@mail.example")
    ReplySubscription.objects.create(comment=parent, confirmed=timezone.now())
    reply = make_comment(parent=parent, email="replier@mail.example", name="Lee")
    assert moderation.approve(reply, moderator)
    assert not moderation.approve(reply, moderator)
    assert Message.objects.filter(key=f"comment-{reply.pk}-reply").count() == 1
    assert work_all() == 1
    [sent] = mail.outbox
    assert sent.to == ["parent@mail.example"]


def test_a_staff_reply_is_approved_threaded_and_signed_with_the_moderators_name(
    moderator: Any,
) -> None:
    moderator.first_name, moderator.last_name = "Park", "Soo-jin"
    moderator.save()
    comment = make_comment()
    was = generation()
    reply = moderation.reply(comment, moderator, "  Thank you: the source is linked now.  ")
    comment.refresh_from_db()
    assert comment.status == Status.APPROVED  # replying approved it, as WordPress does
    assert (reply.parent, reply.depth, reply.status, reply.kind) == (
        comment,
        2,
        Status.APPROVED,
        Kind.COMMENT,
    )
    assert (reply.name, reply.email, reply.page) == ("Park Soo-jin", moderator.email, PAGE)
    assert reply.text == "Thank you: the source is linked now."
    actions = list(Decision.objects.filter(comment=comment).values_list("action", "note"))
    assert (Action.APPROVED, "") in actions
    assert (Action.REPLIED, f"reply: comment {reply.pk}") in actions
    assert generation() > was


def test_a_staff_reply_to_the_deepest_comment_attaches_to_the_one_above(moderator: Any) -> None:
    chain = [make_comment(status=Status.APPROVED)]
    for _ in range(4):
        chain.append(make_comment(parent=chain[-1], status=Status.APPROVED))
    assert chain[-1].depth == 5
    reply = moderation.reply(chain[-1], moderator, "A reply at the deepest level.")
    assert (reply.parent, reply.depth) == (chain[-2], 5)


@pytest.mark.parametrize(
    ("status", "text", "message"),
    [
        (Status.HELD, "   ", "Write the reply first."),
        (Status.SPAM, "Hello", "is spam: it cannot be replied to"),
        (Status.TRASH, "Hello", "is trash: it cannot be replied to"),
    ],
)
def test_a_staff_reply_that_cannot_be_made_stores_nothing(
    status: Status, text: str, message: str, moderator: Any
) -> None:
    comment = make_comment(status=status)
    with pytest.raises(moderation.ModerationError, match=message):
        moderation.reply(comment, moderator, text)
    assert Comment.objects.count() == 1 and not Decision.objects.exists()


def test_a_reference_cannot_be_replied_to(moderator: Any) -> None:
    reference = make_comment(kind=Kind.WEBMENTION, email="", source="https://blog.example/p")
    with pytest.raises(moderation.ModerationError, match="only comments"):
        moderation.reply(reference, moderator, "Thanks")
