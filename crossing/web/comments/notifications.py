"""The emails comments cause, all through the outbox (so a crash loses none): moderators are
told of held comments, an author who asks is told of replies (after confirming by email),
and every reply email carries an unsubscribe link and List-Unsubscribe.

(Filled in by the moderation work of issue 15; until then these do nothing.)"""

from __future__ import annotations

from .models import Comment


def comment_arrived(comment: Comment, *, wants_replies: bool) -> None:
    """Call inside the transaction that stored `comment` (held or approved)."""


def comment_approved(comment: Comment) -> None:
    """Call inside the transaction that approved `comment` (on arrival or by a moderator)."""
