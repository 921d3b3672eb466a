"""What moderators do to comments: approve, hold, spam, not spam, trash, restore, reply.

Each is one transaction that moves the comment's status only from the statuses it allows
(a compare-and-set UPDATE, so two moderators clicking at once make one decision), records
the Decision, refreshes the comment's page when what it shows changes, teaches the spam
filter when the moderator disagrees with it, and sends the emails an approval causes.
Asking for the status a comment already has changes nothing and records nothing."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from crossing.web.spam.service import Submission, spam_checker

from . import links, notifications, privacy
from .models import Action, Comment, Decision, Kind, Status, page_changed


class ModerationError(ValueError):
    """A decision that cannot apply to this comment; the message says why."""


def submission(comment: Comment) -> Submission:
    """The stored comment as the spam filter saw it (the address itself is never kept)."""
    return Submission(
        name=comment.name,
        email=comment.email,
        website=comment.website,
        text=comment.text,
        address_hash=comment.address_hash,
        user_agent=comment.user_agent,
        permalink=links.comment_url(comment),
        created=comment.created,
        address="",
    )


def _last_lesson(comment: Comment) -> str | None:
    """What moderators last taught the filter about this comment: SPAM, NOT_SPAM or None."""
    return (
        Decision.objects.filter(comment=comment, action__in=[Action.SPAM, Action.NOT_SPAM])
        .order_by("-at", "-id")
        .values_list("action", flat=True)
        .first()
    )


def _teach(comment: Comment, *, spam: bool) -> bool:
    """Tell the filter a moderator judged `comment` spam (or not), unless it was told so
    last time; True when it was told now."""
    last = _last_lesson(comment)
    if spam and last != Action.SPAM:
        spam_checker().report_spam(submission(comment), reversing=last == Action.NOT_SPAM)
        return True
    if not spam and last != Action.NOT_SPAM:
        spam_checker().report_ham(submission(comment), reversing=last == Action.SPAM)
        return True
    return False


def _cannot(comment: Comment, what: str) -> ModerationError:
    return ModerationError(
        _("Comment %(id)s is %(status)s: it cannot be %(what)s.")
        % {"id": comment.pk, "status": comment.get_status_display(), "what": what}
    )


def _move(
    comment: Comment,
    moderator: Any,
    *,
    to: Status,
    allowed: set[Status],
    action: Action,
    what: str,
    note: str = "",
    already: bool = True,
) -> bool:
    """Move `comment` to `to` if its status is in `allowed`; False if it is there already
    (unless `already` is False: "restore" a held comment is a mistake, not a repeat)."""
    with transaction.atomic():
        before = Comment.objects.values_list("status", flat=True).get(pk=comment.pk)
        comment.status = before
        if before == to and already:
            return False
        if before not in allowed:
            raise _cannot(comment, what)
        # Compare-and-set: of two moderators deciding at once, one moves it.
        if not Comment.objects.filter(pk=comment.pk, status=before).update(status=to):
            comment.status = Comment.objects.values_list("status", flat=True).get(pk=comment.pk)
            if comment.status == to and already:
                return False  # the other moderator made the same decision
            raise ModerationError(
                _("Comment %(id)s was changed by someone else meanwhile: look again.")
                % {"id": comment.pk}
            )
        comment.status = to
        if to == Status.SPAM:
            _teach(comment, spam=True)
        elif action == Action.NOT_SPAM or (
            to == Status.APPROVED
            and (before == Status.SPAM or _last_lesson(comment) == Action.SPAM)
        ):
            # Rescued from spam: the filter hears "not spam", recorded as its own decision
            # before the approval, so that what the filter last learnt stays readable.
            taught = _teach(comment, spam=False)
            if taught and action != Action.NOT_SPAM:
                Decision.objects.create(
                    comment=comment, moderator=moderator, action=Action.NOT_SPAM
                )
        Decision.objects.create(comment=comment, moderator=moderator, action=action, note=note)
        if Status.APPROVED in (before, to):
            page_changed(comment.page)
        if to in (Status.SPAM, Status.TRASH):
            privacy.schedule_purge()
        if to == Status.APPROVED:
            notifications.comment_approved(comment)
    return True


def approve(comment: Comment, moderator: Any, *, note: str = "") -> bool:
    return _move(
        comment,
        moderator,
        to=Status.APPROVED,
        allowed={Status.HELD, Status.SPAM, Status.VERIFYING},
        action=Action.APPROVED,
        what=_("approved (restore it first)"),
        note=note,
    )


def hold(comment: Comment, moderator: Any, *, note: str = "") -> bool:
    """Take an approved comment off its page, back into the queue."""
    return _move(
        comment,
        moderator,
        to=Status.HELD,
        allowed={Status.APPROVED},
        action=Action.HELD,
        what=_("held again"),
        note=note,
    )


def spam(comment: Comment, moderator: Any, *, note: str = "") -> bool:
    return _move(
        comment,
        moderator,
        to=Status.SPAM,
        allowed={Status.HELD, Status.APPROVED, Status.VERIFYING, Status.TRASH},
        action=Action.SPAM,
        what=_("marked spam"),
        note=note,
    )


def not_spam(comment: Comment, moderator: Any, *, note: str = "") -> bool:
    """Out of spam and into the queue, as WordPress's "Not Spam" does for a comment that
    arrived as spam: a moderator then approves it (or uses approve at once)."""
    return _move(
        comment,
        moderator,
        to=Status.HELD,
        allowed={Status.SPAM},
        action=Action.NOT_SPAM,
        already=False,
        what=_("marked not spam (it is not in spam)"),
        note=note,
    )


def trash(comment: Comment, moderator: Any, *, note: str = "") -> bool:
    return _move(
        comment,
        moderator,
        to=Status.TRASH,
        allowed={Status.HELD, Status.APPROVED, Status.SPAM, Status.VERIFYING},
        action=Action.TRASHED,
        what=_("trashed"),
        note=note,
    )


def restore(comment: Comment, moderator: Any, *, note: str = "") -> bool:
    """Out of the trash into the queue: nothing reappears on a page until approved."""
    return _move(
        comment,
        moderator,
        to=Status.HELD,
        allowed={Status.TRASH},
        action=Action.RESTORED,
        already=False,
        what=_("restored (it is not in the trash)"),
        note=note,
    )


def staff_name(moderator: Any) -> str:
    return str(moderator.get_full_name() or moderator.get_username())[:100]


def reply(comment: Comment, moderator: Any, text: str) -> Comment:
    """A staff reply under `comment`, approved at once and signed with the moderator's
    name. Replying to a held comment approves it first (WordPress's "Approve and Reply")."""
    text = text.strip()
    if not text:
        raise ModerationError(_("Write the reply first."))
    if len(text) > settings.CROSSING_COMMENT_MAX_CHARS:
        raise ModerationError(
            _("The reply is %(length)s characters long; at most %(most)s are allowed.")
            % {"length": len(text), "most": settings.CROSSING_COMMENT_MAX_CHARS}
        )
    if comment.kind != Kind.COMMENT:
        raise ModerationError(_("A reference cannot be replied to; only comments can."))
    with transaction.atomic():
        comment.refresh_from_db(fields=["status"])
        if comment.status not in (Status.HELD, Status.APPROVED):
            raise _cannot(comment, _("replied to"))
        approve(comment, moderator)  # a held comment is approved first
        # As for readers: a reply to the deepest comments attaches to the comment above.
        parent = comment
        while parent.depth >= settings.CROSSING_COMMENTS_THREAD_DEPTH and parent.parent is not None:
            parent = parent.parent
        staff_reply = Comment.objects.create(
            kind=Kind.COMMENT,
            page=comment.page,
            parent=parent,
            depth=parent.depth + 1,
            name=staff_name(moderator),
            email=moderator.email or "",
            text=text,
            status=Status.APPROVED,
            key=f"staff-reply-{uuid.uuid4().hex}",
        )
        Decision.objects.create(
            comment=comment,
            moderator=moderator,
            action=Action.REPLIED,
            note=f"reply: comment {staff_reply.pk}",
        )
        page_changed(comment.page)
        notifications.comment_approved(staff_reply)
    return staff_reply


ACTIONS = {
    "approve": approve,
    "hold": hold,
    "spam": spam,
    "not_spam": not_spam,
    "trash": trash,
    "restore": restore,
}
