"""The outbox job that verifies a Webmention: fetch the source, look for the link, and move
the reference to where moderators see it, or to the trash.

- links to the target: held for moderation with the author's name and a short excerpt (an
  approved one stays approved, updated, and its page is rendered again);
- answers 410 Gone, or no longer links: trashed (with its page rendered again if it was
  shown), the reason recorded;
- cannot be verified as it stands (a 404, too large, a private address): trashed, the
  reason recorded;
- the network or the source fails (timeout, 5xx): the job raises, and the outbox retries it.

Idempotent: run twice (after a kill -9), it reaches the same state."""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_noop

from crossing.web.outbox.handlers import handler

from ..recorded import Cause
from . import notifications
from .models import Action, Comment, Decision, Kind, Status, page_changed
from .webmention_fetch import Refused, fetch
from .webmention_parse import Reading, host_of, read, read_text, shorten
from .webmentions import VERIFY

log = logging.getLogger(__name__)
HTML = {"text/html", "application/xhtml+xml", ""}
REASON_CHARS = Comment._meta.get_field("reason").max_length or 500


@handler(VERIFY)
def verify(payload: dict[str, Any]) -> None:
    comment = Comment.objects.filter(pk=payload["id"], kind=Kind.WEBMENTION).first()
    if comment is None or comment.status == Status.SPAM:
        return  # deleted meanwhile, or a moderator's decision no fetch overrides
    target = payload["target"]
    try:
        fetched = fetch(comment.source)
    except Refused as error:
        # The refusal's detail (an address, a port) stays in English: it is the fetch's.
        _remove(
            comment.pk,
            Cause(gettext_noop("Webmention not verified: %(detail)s."), {"detail": str(error)}),
        )
        return
    except Exception as error:
        # Moderators see why it is still being verified; the outbox tries again later.
        waiting = Cause(
            gettext_noop("Webmention not verified yet (%(error)s); tried again later."),
            {"error": f"{type(error).__name__}: {error}"},
        )
        Comment.objects.filter(pk=comment.pk, status=Status.VERIFYING).update(
            reason=shorten(str(waiting), REASON_CHARS), reason_messages=[waiting.stored()]
        )
        raise
    if fetched.status == 410:
        _remove(comment.pk, Cause(gettext_noop("Webmention removed: the source is gone (410).")))
        return
    if fetched.status >= 400:
        answered = gettext_noop("Webmention not verified: the source answered %(status)s.")
        _remove(comment.pk, Cause(answered, {"status": fetched.status}))
        return
    if fetched.content_type in HTML:
        reading = read(fetched.text, base=fetched.url, target=target)
    else:
        reading = read_text(fetched.text, target=target)
    if not reading.links:
        no_link = gettext_noop("Webmention not verified: the source does not link to %(target)s.")
        _remove(comment.pk, Cause(no_link, {"target": target}))
        return
    _keep(comment.pk, reading, source=fetched.url, target=target)


@transaction.atomic
def _keep(pk: int, reading: Reading, *, source: str, target: str) -> None:
    comment = Comment.objects.select_for_update().filter(pk=pk).first()
    if comment is None or comment.status == Status.SPAM or _trashed_by_moderator(comment):
        return
    comment.name = (reading.author or host_of(source) or host_of(comment.source))[:100]
    comment.text = reading.excerpt
    verified = Cause(gettext_noop("Webmention verified: links to %(target)s"), {"target": target})
    comment.reason = shorten(str(verified), REASON_CHARS)
    comment.reason_messages = [verified.stored()]
    arrived = comment.status in (Status.VERIFYING, Status.TRASH)
    if arrived:
        comment.status = Status.HELD
    comment.save(update_fields=["name", "text", "reason", "reason_messages", "status"])
    if comment.status == Status.APPROVED:
        page_changed(comment.page)  # what readers see of it may have changed
    if arrived:
        notifications.comment_arrived(comment, wants_replies=False)


def _trashed_by_moderator(comment: Comment) -> bool:
    """A moderator's trash stands: a later verification does not bring it back."""
    if comment.status != Status.TRASH:
        return False
    last = comment.decisions.order_by("-at", "-id").first()
    return last is not None and last.action == Action.TRASHED and last.moderator_id is not None


@transaction.atomic
def _remove(pk: int, cause: Cause) -> None:
    comment = Comment.objects.select_for_update().filter(pk=pk).first()
    if comment is None or comment.status == Status.SPAM:
        return
    was = comment.status
    reason = str(cause)
    comment.status = Status.TRASH
    comment.reason = shorten(reason, REASON_CHARS)
    comment.reason_messages = [cause.stored()]
    comment.save(update_fields=["status", "reason", "reason_messages"])
    if was != Status.TRASH and was != Status.VERIFYING:
        # Moderators see why a reference they had held or approved went: no person decided.
        Decision.objects.create(
            comment=comment, moderator=None, action=Action.TRASHED, note=comment.reason
        )
    if was == Status.APPROVED:
        page_changed(comment.page)
    log.info("webmention %s trashed: %s", pk, reason)
