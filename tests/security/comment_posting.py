"""Posting comments as a reader's browser does, through the real POST /comments/post/ (the
form's own hidden fields taken from the rendered page), and the payload-bearing values the
XSS tests put in each field. A value the form refuses is replaced by a plain one and posted
again, so that every payload is stored in every field that accepts it; the refusals (pages
that show the typed payload again, next to its error) are kept to be opened in Chromium."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from django.test import Client

from .payloads import Payload

FIELDS = ("name", "email", "website", "comment")
_INPUT = re.compile(r"<input\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r'\b(name|value)="([^"]*)"')
# An address only its own comment could have put in a page: the test looks for it.
EMAIL_DOMAIN = re.compile(r"mail\d+\.example")


def hidden_fields(page_html: str) -> dict[str, str]:
    """The comment form's page, parent and form_time, as the page renders them."""
    found: dict[str, str] = {}
    for tag in _INPUT.findall(page_html):
        attributes = dict(_ATTRIBUTE.findall(tag))
        if attributes.get("name") in {"page", "parent", "form_time"}:
            found[attributes["name"]] = html.unescape(attributes.get("value", ""))
    assert {"page", "form_time"} <= found.keys(), f"no comment form: {found}"
    return found


def quoted_email(text: str, number: int) -> str:
    """An address whose quoted local part is the payload (RFC 5321 allows nearly anything
    there, escaped): a valid address a careless page would show as markup."""
    escaped = re.sub(r'([\\" \t])', r"\\\1", text)
    return f'"{escaped}"@mail{number}.example'


def payload_fields(payload: Payload) -> dict[str, str]:
    n = payload.number
    return {
        "name": payload.text,
        "email": quoted_email(payload.text, n),
        "website": f"https://site{n}.example/?" + re.sub(r"\s", "%20", payload.text),
        "comment": f"{payload.text}\n\nPayload {n}, in every field.",
    }


def plain_value(name: str, number: int) -> str:
    return {
        "name": f"Reader {number}",
        "email": f"reader{number}@mail{number}.example",
        "website": "",
        "comment": f"Payload {number} was refused in another field.",
    }[name]


@dataclass
class Posted:
    held_notice: str  # where the site sends its author: the comment, awaiting moderation
    stored: dict[str, str]  # the fields as finally accepted
    refusals: list[bytes] = field(default_factory=list)  # the pages of the refused posts


def post(
    client: Client, hidden: dict[str, str], values: dict[str, str], **extra: str
) -> tuple[int, bytes, str]:
    data = {**hidden, **values, "homepage": "", **extra}
    response = client.post("/comments/post/", data)
    return response.status_code, response.content, response.get("Location", "")


def post_payload(client: Client, hidden: dict[str, str], payload: Payload) -> Posted:
    """Post the payload in every field; where the form refuses it, a plain value instead."""
    values = payload_fields(payload)
    refusals: list[bytes] = []
    for _ in range(len(FIELDS) + 1):
        status, content, location = post(client, hidden, values)
        if status == 303:
            return Posted(location, values, refusals)
        assert status == 400, f"{payload}: answered {status}"
        refusals.append(content)
        text = content.decode()
        refused = [f for f in FIELDS if f'id="error-{f}"' in text]
        assert refused, f"{payload}: 400 without an error next to a field"
        for name in refused:
            values[name] = plain_value(name, payload.number)
    raise AssertionError(f"{payload}: still refused with plain values")
