"""Shared by the emails' tests: run the worker, read what was sent, follow its links."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django.core import mail
from django.core.mail import EmailMessage
from django.test import Client
from django.urls import resolve
from django.utils import timezone

from crossing.web.comments.links import site_url
from crossing.web.outbox.models import Message, Status
from crossing.web.outbox.services import message_id
from crossing.web.outbox.worker import Policy, work_once

LINK = re.compile(r"https?://\S+")


def work_all() -> int:
    done = 0
    while work_once(Policy.from_settings()):
        done += 1
    return done


def due_now(*keys: str) -> None:
    """The time of these jobs has come (without waiting for it)."""
    rows = Message.objects.filter(status=Status.PENDING)
    if keys:
        rows = rows.filter(key__in=keys)
    rows.update(not_before=timezone.now())


def sent(key: str) -> list[EmailMessage]:
    """The emails sent with this outbox key (its Message-ID)."""
    wanted = message_id(key)
    return [email for email in mail.outbox if email.extra_headers.get("Message-ID") == wanted]


def one(key: str) -> EmailMessage:
    found = sent(key)
    assert len(found) == 1, f"{len(found)} emails with key {key}"
    return found[0]


def links_in(text: str) -> list[str]:
    return LINK.findall(text)


def follow(url: str, name: str) -> dict[str, str]:
    """The link is absolute, on this site, names the page it should, and opens (the page's
    view does not answer 404). Returns the address's arguments (its token)."""
    assert url.startswith(site_url() + "/"), url
    path = urlsplit(url).path
    match = resolve(path)
    assert match.url_name == name, (url, match.url_name)
    response = Client().get(path)
    assert response.status_code != 404, (url, response.status_code)
    return dict(match.kwargs)
