"""The emails comments cause, all through the outbox (so a crash loses none): moderators are
told of held comments, an author who asks is told of replies (after confirming by email),
and every reply email carries an unsubscribe link and List-Unsubscribe (RFC 8058).

Both entry points are called inside the transaction that stored or approved the comment, so
an email is committed with its cause or not at all; keys are built from ids, so calling
twice (a double approval) sends one email."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from crossing.web.outbox.services import OutboxError
from crossing.web.outbox.services import send_email as _send_email

from ..languages import speaking_to
from ..recorded import shown_all
from . import links, privacy
from .models import Comment, Kind, ReplySubscription, Status

log = logging.getLogger(__name__)


def send_email(**email: Any) -> None:
    """Enqueue, or log why not: a stored address the outbox refuses (one typed before
    validation, say) must not undo the moderator's decision that caused the email."""
    try:
        _send_email(**email)
    except OutboxError as error:
        log.warning("comments: email %s not sent: %s", email["key"], error)


def moderator_emails() -> list[str]:
    """CROSSING_MODERATOR_EMAILS, or else every active staff account's address."""
    if settings.CROSSING_MODERATOR_EMAILS:
        return list(settings.CROSSING_MODERATOR_EMAILS)
    staff = get_user_model().objects.filter(is_staff=True, is_active=True).exclude(email="")
    return sorted(set(staff.values_list("email", flat=True)))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _tell_moderators(comment: Comment) -> None:
    recipients = moderator_emails()
    if not recipients:
        return
    with speaking_to(""):  # staff read the site's own language
        _moderators_email(comment, recipients)


def _moderators_email(comment: Comment, recipients: list[str]) -> None:
    context = {
        "comment": comment,
        "reason": shown_all(comment.reason_messages, comment.reason)
        or _("a first comment from this author"),
        "page_url": links.absolute(comment.page),
        "admin_url": links.admin_url(comment),
        "queue_url": links.absolute(reverse("admin:comments_comment_changelist")),
    }
    send_email(
        to=recipients,
        subject=_("Awaiting moderation: a comment on %(page)s") % {"page": comment.page},
        text=render_to_string("comments/email/held.txt", context),
        key=f"comment-{comment.pk}-held",
    )


def _ask_to_confirm(comment: Comment) -> None:
    ReplySubscription.objects.get_or_create(comment=comment)
    with speaking_to(comment.language):
        _confirm_email(comment)


def _confirm_email(comment: Comment) -> None:
    context = {"page_url": links.absolute(comment.page), "confirm_url": links.confirm_url(comment)}
    send_email(
        to=comment.email,
        subject=_("Confirm: emails when someone replies to your comment"),
        text=render_to_string("comments/email/confirm.txt", context),
        key=f"comment-{comment.pk}-confirm",
    )


def comment_arrived(comment: Comment, *, wants_replies: bool) -> None:
    """Call inside the transaction that stored `comment` (held or approved)."""
    if comment.status == Status.HELD:
        _tell_moderators(comment)
    # Every arrival makes sure a purge is due in time for anything sent to spam today
    # (one job a day; the job schedules the next while anything waits).
    privacy.schedule_purge()
    if (
        wants_replies
        and comment.kind == Kind.COMMENT
        and comment.email
        and comment.status in (Status.HELD, Status.APPROVED)
    ):
        _ask_to_confirm(comment)


def comment_approved(comment: Comment) -> None:
    """Call inside the transaction that approved `comment` (on arrival or by a moderator)."""
    parent = comment.parent
    if parent is None or parent.status != Status.APPROVED or not parent.email:
        return
    if comment.email.casefold() == parent.email.casefold():
        return  # nobody is told of their own reply
    subscription = ReplySubscription.objects.filter(
        comment=parent, confirmed__isnull=False, unsubscribed__isnull=True
    ).first()
    if subscription is None:
        return
    with speaking_to(parent.language):  # the parent's author reads it
        _reply_email(comment, parent)


def _reply_email(comment: Comment, parent: Comment) -> None:
    unsubscribe = links.unsubscribe_url(parent)
    context = {
        "reply": comment,
        "page_url": links.absolute(parent.page),
        "reply_url": links.comment_url(comment),
        "unsubscribe_url": unsubscribe,
    }
    send_email(
        to=parent.email,
        subject=_("%(name)s replied to your comment") % {"name": _one_line(comment.name)[:80]},
        text=render_to_string("comments/email/reply.txt", context),
        key=f"comment-{comment.pk}-reply",
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
