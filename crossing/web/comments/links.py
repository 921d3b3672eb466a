"""Absolute links in the emails comments cause, and the signed tokens in them.

Emails are sent by the worker, far from any request, so links start from CROSSING_SITE_URL
(the site's public address), or the development server's address when it is not set."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse

from ..languages import here
from .models import Comment

DEVELOPMENT_SITE = "http://127.0.0.1:8000"
# A confirmation link works for a week; an unsubscribe link for ever (RFC 8058 asks that
# it keep working as long as the emails carrying it may be read).
CONFIRM_MAX_AGE = 7 * 24 * 3600
_CONFIRM_SALT = "crossing.comments.confirm-replies"
_UNSUBSCRIBE_SALT = "crossing.comments.unsubscribe"


def site_url() -> str:
    return (settings.CROSSING_SITE_URL or DEVELOPMENT_SITE).rstrip("/")


def absolute(path: str) -> str:
    """The public address of `path`; a page's in the language being written in (an email
    to a Korean reader links to /ko/…)."""
    return site_url() + here(path)


def comment_url(comment: Comment) -> str:
    """The comment on its page (the page's comments carry ids comment-<id>)."""
    return absolute(f"{comment.page}#comment-{comment.pk}")


def admin_url(comment: Comment) -> str:
    return absolute(reverse("admin:comments_comment_change", args=[comment.pk]))


def confirm_token(comment: Comment) -> str:
    return signing.TimestampSigner(salt=_CONFIRM_SALT).sign(str(comment.pk))


def unsubscribe_token(comment: Comment) -> str:
    return signing.Signer(salt=_UNSUBSCRIBE_SALT).sign(str(comment.pk))


class BadToken(ValueError):
    """A link that was changed, cut short, or (for confirmation) is too old."""

    def __init__(self, message: str, *, expired: bool = False):
        super().__init__(message)
        self.expired = expired


def comment_id_from_confirm(token: str) -> int:
    try:
        value = signing.TimestampSigner(salt=_CONFIRM_SALT).unsign(token, max_age=CONFIRM_MAX_AGE)
    except signing.SignatureExpired:
        raise BadToken("the confirmation link is more than a week old", expired=True) from None
    except signing.BadSignature:
        raise BadToken("the confirmation link is not complete or was changed") from None
    return int(value)


def comment_id_from_unsubscribe(token: str) -> int:
    try:
        return int(signing.Signer(salt=_UNSUBSCRIBE_SALT).unsign(token))
    except signing.BadSignature:
        raise BadToken("the unsubscribe link is not complete or was changed") from None


def confirm_url(comment: Comment) -> str:
    return absolute(reverse("comments-replies-confirm", args=[confirm_token(comment)]))


def unsubscribe_url(comment: Comment) -> str:
    return absolute(reverse("comments-unsubscribe", args=[unsubscribe_token(comment)]))
