"""A valid request as the form sends it, and reading the form back from a page."""

from __future__ import annotations

import datetime
import html as html_lib
import re
import zoneinfo

from django.test import Client
from django.utils import timezone

REQUEST = "/screenings/request/"
TORONTO = zoneinfo.ZoneInfo("America/Toronto")


def local(days: int, hour: int = 19, minute: int = 30) -> str:
    """A local time in Toronto so many days ahead, as datetime-local writes it."""
    day = (timezone.now().astimezone(TORONTO) + datetime.timedelta(days=days)).date()
    return f"{day:%Y-%m-%d}T{hour:02}:{minute:02}"


def key_of(html: str) -> str:
    found = re.search(r'name="key" value="([^"]+)"', html)
    assert found, "the form has its key"
    return found.group(1)


def fresh_key(client: Client) -> str:
    return key_of(client.get(REQUEST).content.decode())


def valid(key: str, **changes: str) -> dict[str, str]:
    data = {
        "key": key,
        "film": "the-defector",
        "organiser_name": "Mina Park",
        "organiser_email": "mina@example.org",
        "organisation": "Riverside Film Society",
        "venue_name": "Riverside Hall",
        "venue_address": "12 Water Street",
        "town": "Toronto",
        "country": "CA",
        "capacity": "120",
        "accessibility": "Step-free entrance.",
        "starts": local(40),
        "time_zone": "America/Toronto",
        "duration_minutes": "120",
        "price": "8.50",
        "currency": "CAD",
        "threshold": "60",
        "deadline": "",
        "extras": "Q&A with the director",
        "licence": "public",
        "note_to_staff": "",
    }
    data.update(changes)
    return data


def field_error(html: str, field: str) -> str:
    """The message shown next to a field (its id_<field>_error element), as text."""
    found = re.search(rf'id="id_{field}_error">(.*?)</', html, re.S)
    assert found, f"no message next to {field}"
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", "", found.group(1))).split())
