"""Writing comments: `submit` checks, stores (or not) and answers, in one transaction.

- Spam checking (crossing.web.spam): DISCARD stores nothing, SPAM stores it as spam, HOLD
  holds it with the reason; ACCEPT approves it only when the same name and email already
  have an approved comment (WordPress's "comment author must have a previously approved
  comment", CROSSING_COMMENTS_FIRST_HELD), else it is held.
- Idempotent: the same comment sent again (a double click, a POST retried after a lost
  answer) finds the one stored the first time and gets the same answer; two sent at once
  store one (the key is unique; the loser of the race reads the winner's).
- Flood control: one comment per CROSSING_COMMENTS_FLOOD_SECONDS per address and per email,
  claimed in the shared cache (Redis: atomic across workers) and checked in the database
  (which holds when the cache is each process's own, or fails)."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_noop

from .. import languages
from ..recorded import Cause, stored_all
from ..spam.checks import Action
from ..spam.service import Submission, spam_checker
from . import notifications
from .addressing import address_hash, comment_key
from .models import Comment, Kind, Status, page_changed

log = logging.getLogger(__name__)


class Flood(Exception):
    """Another comment came from this address or email within the flood interval."""


class BadParent(Exception):
    """The comment replied to is not an approved comment on the page."""


@dataclass(frozen=True, slots=True)
class Posted:
    """What the reader is answered: the comment stored (None when discarded)."""

    comment: Comment | None
    repeated: bool = False  # the same comment was stored before: answered as then


def submit(
    *,
    page: str,
    parent_id: int | None,
    name: str,
    email: str,
    website: str,
    text: str,
    wants_replies: bool,
    address: str,
    user_agent: str = "",
    referrer: str = "",
    permalink: str = "",
    honeypot: str = "",
    form_time: str = "",
) -> Posted:
    """Store a comment the form has validated. Raises Flood or BadParent."""
    name, email = name.strip(), email.strip()
    user_agent = user_agent.replace("\x00", "")[:300]  # PostgreSQL refuses NUL in text
    key = comment_key(page=page, parent=parent_id, email=email, name=name, text=text)
    stored = Comment.objects.filter(key=key).first()
    if stored is not None:
        return Posted(stored, repeated=True)
    parent = _parent(page, parent_id)
    hashed = address_hash(address)
    _claim_flood_slots(key, hashed, email)
    verdict = spam_checker().check(
        Submission(
            name=name,
            email=email,
            website=website,
            text=text,
            address_hash=hashed,
            user_agent=user_agent,
            referrer=referrer,
            permalink=permalink,
            address=address,
            honeypot=honeypot,
            form_time=form_time,
            page=page,
        )
    )
    if verdict.action == Action.DISCARD:
        log.info("a comment on %s was discarded: %s", page, verdict.reason)
        return Posted(None)
    status, causes = Status.HELD, verdict.causes
    if verdict.action == Action.SPAM:
        status = Status.SPAM
    elif verdict.action == Action.ACCEPT:
        if not settings.CROSSING_COMMENTS_FIRST_HELD:
            status = Status.APPROVED
            causes = (Cause(gettext_noop("approved on arrival (first comments are not held)")),)
        elif _approved_before(name, email):
            status = Status.APPROVED
            causes = (
                Cause(
                    gettext_noop(
                        "approved on arrival: this name and email have an approved comment"
                    )
                ),
            )
        else:
            causes = (Cause(gettext_noop("first comment from this name and email")),)
    reason = "; ".join(str(cause) for cause in causes) or verdict.reason
    depth = 1 if parent is None else parent.depth + 1
    if parent is not None and depth > settings.CROSSING_COMMENTS_THREAD_DEPTH:
        # As WordPress: a reply below the deepest level joins its parent's level.
        depth = parent.depth
        parent = parent.parent
    comment = Comment(
        kind=Kind.COMMENT,
        language=languages.current(),
        page=page,
        parent=parent,
        depth=depth,
        name=name,
        email=email,
        website=website,
        text=text,
        status=status,
        reason=reason[:500],
        reason_messages=stored_all(causes),
        address_hash=hashed,
        user_agent=user_agent,
        key=key,
    )
    try:
        with transaction.atomic():
            comment.save()
            if status in (Status.HELD, Status.APPROVED):
                notifications.comment_arrived(comment, wants_replies=wants_replies)
            if status == Status.APPROVED:
                notifications.comment_approved(comment)
                page_changed(page)
    except IntegrityError:
        # The same comment, sent at the same moment, was stored by the other request.
        return Posted(Comment.objects.get(key=key), repeated=True)
    return Posted(comment)


def _parent(page: str, parent_id: int | None) -> Comment | None:
    if parent_id is None:
        return None
    parent = Comment.objects.filter(
        pk=parent_id, page=page, kind=Kind.COMMENT, status=Status.APPROVED
    ).first()
    if parent is None:
        raise BadParent(parent_id)
    return parent


def _approved_before(name: str, email: str) -> bool:
    return Comment.objects.filter(
        kind=Kind.COMMENT, name=name, email__iexact=email, status=Status.APPROVED
    ).exists()


def _claim_flood_slots(key: str, hashed: str, email: str) -> None:
    """Raise Flood if another comment (not this same one) came from this address or email
    within the interval; else hold both for it."""
    seconds = settings.CROSSING_COMMENTS_FLOOD_SECONDS
    if not seconds:
        return
    slots = [f"comments:flood:address:{hashed}", f"comments:flood:email:{email.casefold()}"]
    try:
        for slot in slots:
            # add() is atomic in Redis: of two comments at once, one claims the slot.
            if not cache.add(slot, key, timeout=seconds) and cache.get(slot) != key:
                raise Flood
    except Flood:
        raise
    except Exception as error:  # the shared cache is down: the database check alone
        log.warning("flood control without the shared cache (%s): %s", type(error).__name__, error)
    since = timezone.now() - datetime.timedelta(seconds=seconds)
    recent = Comment.objects.filter(Q(address_hash=hashed) | Q(email__iexact=email))
    if recent.filter(kind=Kind.COMMENT, created__gte=since).exclude(key=key).exists():
        raise Flood
