"""Writes to the outbox. Call these inside the transaction of the write that causes the
work: the message is then committed with it, or rolled back with it."""

from __future__ import annotations

import base64
import datetime
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import QuerySet
from django.utils import timezone

from .models import Message, Status

EMAIL = "email"


class OutboxError(ValueError):
    """A message that cannot be enqueued as given; the text names the field."""


def enqueue(
    *,
    kind: str,
    payload: dict[str, Any],
    key: str,
    not_before: datetime.datetime | None = None,
) -> Message:
    """Store one piece of work for the worker, unless one with this key is stored already
    (then that one is returned, unchanged): a double submit does the work once. Build the
    key from what caused the work ("comment-42-moderators"), never from an address: keys
    are shown in the logs and the admin."""
    if not key or len(key) > 200:
        raise OutboxError(f"outbox key must be 1 to 200 characters, not {len(key)}")
    if not kind:
        raise OutboxError("outbox kind must not be empty")
    # INSERT … ON CONFLICT DO NOTHING: a second key never raises, so it never breaks the
    # caller's transaction (on PostgreSQL an IntegrityError would abort all of it).
    Message.objects.bulk_create(
        [Message(key=key, kind=kind, payload=payload, not_before=not_before or timezone.now())],
        ignore_conflicts=True,
    )
    return Message.objects.get(key=key)


def message_id(key: str) -> str:
    """The email's Message-ID, derived from the key: if a kill -9 between sending and
    marking makes the worker send a message again, mail systems see the same Message-ID
    and can drop the copy."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:40]
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip("> ") or "crossing.invalid"
    return f"<{digest}@{domain}>"


def _one_line(name: str, value: str) -> str:
    if "\n" in value or "\r" in value:
        raise OutboxError(f"email {name} must be one line (it contains a line break)")
    return value


@dataclass(frozen=True)
class Attachment:
    """A file sent with an email (an .ics event, say); stored base64 in the JSON payload."""

    filename: str
    content_type: str
    content: bytes

    def stored(self) -> dict[str, str]:
        filename = _one_line("attachment filename", self.filename)
        if not filename or "/" in filename or "\\" in filename:
            raise OutboxError(f"attachment filename must be a plain file name: {filename!r}")
        kind, _, sub = _one_line("attachment content type", self.content_type).partition("/")
        if not kind or not sub or ";" in sub:
            raise OutboxError(
                f"attachment content type must be type/subtype: {self.content_type!r}"
            )
        return {
            "filename": filename,
            "content_type": self.content_type,
            "base64": base64.b64encode(self.content).decode("ascii"),
        }


def send_email(
    *,
    to: str | Iterable[str],
    subject: str,
    text: str,
    key: str,
    html: str | None = None,
    headers: Mapping[str, str] | None = None,
    attachments: Iterable[Attachment] = (),
) -> Message:
    """Enqueue an email (Django's email framework sends it, from CROSSING_EMAIL_FROM).
    Headers pass through as given, e.g. List-Unsubscribe and List-Unsubscribe-Post."""
    recipients = [to] if isinstance(to, str) else list(to)
    if not recipients:
        raise OutboxError("email 'to' must name at least one address")
    for address in recipients:
        try:
            validate_email(address)
        except ValidationError:
            raise OutboxError(f"email 'to' has an invalid address: {address!r}") from None
    all_headers = {"Message-ID": message_id(key)}
    for name, value in (headers or {}).items():
        all_headers[_one_line("header name", name)] = _one_line(f"header {name}", value)
    payload: dict[str, Any] = {
        "to": recipients,
        "subject": _one_line("subject", subject),
        "text": text,
        "html": html,
        "headers": all_headers,
    }
    files = [attachment.stored() for attachment in attachments]
    if files:  # payloads without attachments stay as they were
        payload["attachments"] = files
    return enqueue(kind=EMAIL, payload=payload, key=key)


def retry(*, messages: QuerySet[Message]) -> int:
    """Send failed messages again, from the first try; return how many."""
    return messages.filter(status=Status.FAILED).update(
        status=Status.PENDING,
        tries=0,
        not_before=timezone.now(),
        claimed_by="",
        claimed_until=None,
    )
