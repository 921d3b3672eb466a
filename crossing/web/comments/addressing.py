"""What a comment keeps instead of what identifies its author: a salted hash of the address
it came from, an idempotency key for the comment itself, and the signed link that lets its
author (and nobody else) see it while it awaits moderation."""

from __future__ import annotations

import hashlib
import unicodedata

from django.core import signing
from django.utils.crypto import salted_hmac

from ..client_address import rate_limit_key

_ADDRESS_SALT = "crossing.web.comments.address"
_PREVIEW_SALT = "crossing.web.comments.moderation-hash"
# As WordPress (5.5 on): the held comment's link shows it to its author for ten minutes.
PREVIEW_SECONDS = 10 * 60


def address_hash(address: str) -> str:
    """HMAC-SHA256 of the client (an IPv6 address by its /64), keyed from SECRET_KEY: the
    same client gives the same hash, and the hash gives back no address."""
    return salted_hmac(_ADDRESS_SALT, rate_limit_key(address), algorithm="sha256").hexdigest()


def normalised_text(text: str) -> str:
    """The comment as compared for double submits: NFC, Unix line ends, no spaces at the ends
    of lines or of the whole."""
    lines = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in lines.split("\n")).strip()


def comment_key(*, page: str, parent: int | None, email: str, name: str, text: str) -> str:
    """The same comment sent twice (a double click, a retried POST) gets the same key."""
    parts = (page, str(parent or ""), email.strip().casefold(), name.strip(), normalised_text(text))
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


def moderation_hash(comment_id: int) -> str:
    return signing.TimestampSigner(salt=_PREVIEW_SALT).sign(str(comment_id))


def preview_id(token: str, comment_id: str) -> int | None:
    """The comment id `token` was signed for, if it is `comment_id` and still fresh."""
    try:
        signed = signing.TimestampSigner(salt=_PREVIEW_SALT).unsign(token, max_age=PREVIEW_SECONDS)
    except signing.BadSignature:
        return None
    return int(signed) if signed == comment_id and signed.isdigit() else None
