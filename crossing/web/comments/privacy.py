"""What the site keeps about the people who comment, and how it lets go of it: a person's
comments exported or deleted on request (`crossing comments export|delete EMAIL`), and spam
and trash deleted for good after CROSSING_COMMENTS_PURGE_DAYS (docs/deployment.md).

Deleting a comment never takes other people's replies with it: they move up one level, to
the deleted comment's parent (or the page itself), and stay approved or held as they were."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F, Max, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from crossing.web.outbox.handlers import handler
from crossing.web.outbox.models import Message
from crossing.web.outbox.services import EMAIL, enqueue

from . import links
from .models import Action, Comment, Decision, ReplySubscription, Status, page_changed

PURGE = "comments-purge"


class PrivacyError(ValueError):
    pass


def _of(email: str) -> Any:
    email = email.strip()
    if "@" not in email:
        raise PrivacyError(f"{email!r} is not an email address")
    return Comment.objects.filter(email__iexact=email).order_by("created", "id")


def _iso(moment: datetime.datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def export(email: str) -> dict[str, Any]:
    """Everything stored with this email address, to send to the person who asks."""
    comments = []
    for comment in _of(email):
        subscription = ReplySubscription.objects.filter(comment=comment).first()
        comments.append(
            {
                "id": comment.pk,
                "kind": comment.kind,
                "page": links.absolute(comment.page),
                "link": links.comment_url(comment),
                "in_reply_to": comment.parent_id,
                "name": comment.name,
                "email": comment.email,
                "website": comment.website,
                "text": comment.text,
                "status": comment.status,
                "created": _iso(comment.created),
                "address_hash": comment.address_hash,
                "user_agent": comment.user_agent,
                "reply_emails": None
                if subscription is None
                else {
                    "confirmed": _iso(subscription.confirmed),
                    "unsubscribed": _iso(subscription.unsubscribed),
                },
                "decisions": [
                    {"action": decision.action, "at": _iso(decision.at)}
                    for decision in comment.decisions.order_by("at", "id")
                ],
            }
        )
    return {"email": email.strip(), "exported": _iso(timezone.now()), "comments": comments}


def _descendants(comment: Comment) -> list[int]:
    found: list[int] = []
    level = [comment.pk]
    while level:
        level = list(Comment.objects.filter(parent_id__in=level).values_list("pk", flat=True))
        found += level
    return found


def _delete_keeping_replies(comment: Comment) -> None:
    """Delete `comment`; its replies move up a level instead of going with it."""
    below = _descendants(comment)
    if below:
        Comment.objects.filter(pk__in=below).update(depth=F("depth") - 1)
        Comment.objects.filter(parent=comment).update(parent=comment.parent_id)
        page_changed(comment.page)  # the replies' places in the thread changed
    comment.delete()


@dataclass(frozen=True)
class Deleted:
    comments: int
    pages: list[str]
    emails: int


def delete(email: str, *, moderator: Any = None) -> Deleted:
    """Delete every comment with this email address, and the emails about them still in the
    outbox; record a DELETED decision for each (no personal data in it)."""
    with transaction.atomic():
        # Deepest first: a reply of theirs under a comment of theirs goes before its parent.
        comments = list(_of(email).order_by("-depth", "id"))
        pages = sorted({comment.page for comment in comments})
        keys = Q()
        for comment in comments:
            Decision.objects.create(
                comment=comment,
                moderator=moderator,
                action=Action.DELETED,
                note=f"comment {comment.pk} on {comment.page}",
            )
            keys |= Q(key__startswith=f"comment-{comment.pk}-")
            _delete_keeping_replies(comment)
        for page in pages:
            page_changed(page)
        emails = _outbox_messages_to(email)
        if comments:
            emails |= set(Message.objects.filter(keys).values_list("pk", flat=True))
        Message.objects.filter(pk__in=emails).delete()
    return Deleted(comments=len(comments), pages=pages, emails=len(emails))


def _outbox_messages_to(email: str) -> set[int]:
    wanted = email.strip().casefold()
    found = set()
    for pk, payload in Message.objects.filter(kind=EMAIL).values_list("pk", "payload").iterator():
        if any(str(to).casefold() == wanted for to in payload.get("to", [])):
            found.add(pk)
    return found


def _waiting() -> Any:
    """Comments in spam or the trash, each with when it went there."""
    return Comment.objects.filter(status__in=[Status.SPAM, Status.TRASH]).annotate(
        since=Coalesce(Max("decisions__at"), F("created"))
    )


def purge(*, now: datetime.datetime | None = None) -> int:
    """Delete comments that have been in spam or the trash for CROSSING_COMMENTS_PURGE_DAYS
    (counted from the last decision about them, or their arrival); how many."""
    cutoff = (now or timezone.now()) - datetime.timedelta(
        days=settings.CROSSING_COMMENTS_PURGE_DAYS
    )
    old = list(_waiting().filter(since__lt=cutoff).order_by("-depth", "id"))
    with transaction.atomic():
        for comment in old:
            _delete_keeping_replies(comment)
    return len(old)


def schedule_purge(since: datetime.datetime | None = None) -> None:
    """Ask the worker to purge once what went to spam or the trash `since` (now) is old
    enough: one job a day at most, at the start of the day after it is due."""
    old_enough = (since or timezone.now()) + datetime.timedelta(
        days=settings.CROSSING_COMMENTS_PURGE_DAYS
    )
    day = old_enough.astimezone(datetime.UTC).date() + datetime.timedelta(days=1)
    key = f"{PURGE}-{day:%Y-%m-%d}"
    if key in SCHEDULED:
        return
    due = datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC)
    enqueue(kind=PURGE, payload={}, key=key, not_before=due)
    transaction.on_commit(lambda: SCHEDULED.add(key))


# The purge jobs this process has seen committed: after the first comment of a day, the
# others cost no query (a job rolled back with its transaction is not remembered).
SCHEDULED: set[str] = set()


@handler(PURGE)
def _purge_job(payload: dict[str, Any]) -> None:
    purge()
    # Whatever waits still (sent to spam on arrival, which no decision scheduled) gets its
    # own job, so one job leads to the next for as long as anything waits.
    oldest = _waiting().order_by("since").values_list("since", flat=True).first()
    if oldest is not None:
        schedule_purge(oldest)
