"""What the worker does for each kind of message. Email is built in; later apps add theirs
(verifying a Webmention, acting on a deadline) with `@handler("kind")`."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

from django.core.mail import EmailMultiAlternatives

from .services import EMAIL

Handler = Callable[[dict[str, Any]], None]
HANDLERS: dict[str, Handler] = {}


class NoHandler(LookupError):
    pass


def handler(kind: str) -> Callable[[Handler], Handler]:
    """Register the function that does messages of this kind. It must raise on failure
    (the worker retries) and should be idempotent: after a kill -9 it may run twice."""

    def register(function: Handler) -> Handler:
        HANDLERS[kind] = function
        return function

    return register


def run(kind: str, payload: dict[str, Any]) -> None:
    if kind not in HANDLERS:
        raise NoHandler(
            f"no handler for messages of kind {kind!r}: register one with "
            "@crossing.web.outbox.handlers.handler({kind!r})"
        )
    HANDLERS[kind](payload)


@handler(EMAIL)
def send(payload: dict[str, Any]) -> None:
    email = EmailMultiAlternatives(
        subject=payload["subject"],
        body=payload["text"],
        to=payload["to"],
        headers=payload["headers"],
    )
    if payload.get("html"):
        email.attach_alternative(payload["html"], "text/html")
    # Absent from messages stored before attachments existed: they send as they did.
    for attachment in payload.get("attachments") or ():
        email.attach(
            attachment["filename"],
            base64.b64decode(attachment["base64"]),
            attachment["content_type"],
        )
    email.send()
