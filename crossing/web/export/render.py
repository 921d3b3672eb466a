"""One address rendered by the site itself, as the export asks for it (Django's test client,
no server), with the settings an export renders under."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager

from django.test import Client, override_settings

from .links import relative_link
from .result import ExportError

_TESTSERVER = re.compile(r"https?://testserver(?=/)")


@contextmanager
def export_settings(base_url: str | None) -> Iterator[None]:
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        # Plain names: the export's files are copied by name, not collected and hashed.
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(
        CROSSING_STATIC_EXPORT=True,
        CROSSING_SITE_URL=base_url or "",
        CROSSING_WATCH=False,
        STORAGES=storages,
        ALLOWED_HOSTS=["testserver"],
        SECURE_SSL_REDIRECT=False,
    ):
        yield


def render(client: Client, address: str, expect: int = 200) -> bytes:
    # The deliberate 404 (for 404.html) is not worth a warning in the log.
    logging.getLogger("django.request").disabled = expect == 404
    try:
        response = client.get(address)
    finally:
        logging.getLogger("django.request").disabled = False
    if response.status_code != expect:
        raise ExportError(f"{address} answered {response.status_code}, not {expect}")
    return bytes(response.content)


def sitemap(client: Client, base_url: str | None) -> bytes:
    xml = render(client, "/sitemap.xml").decode()
    if base_url:
        return _TESTSERVER.sub(base_url.rstrip("/"), xml).encode()
    # Without a public address, locations relative to the folder: valid for people and
    # link checkers, not for search engines (the command says so).
    # The same for each page's other languages (<xhtml:link href="…">).
    return re.sub(r"(<loc>|href=\")https?://testserver/", r"\1", xml).encode()


_FEED_LINK = re.compile(r"https?://testserver(/[^\"'<>&\s]*)")


def feed(client: Client, address: str, base_url: str | None) -> bytes:
    """A news feed as a file. Its links are absolute, as feeds' must be: under `--base-url`
    when given; else relative to the feed's file, like the sitemap's (for people and link
    checkers: a feed reader needs the public address)."""
    xml = render(client, address).decode()
    if base_url:
        return _TESTSERVER.sub(base_url.rstrip("/"), xml).encode()
    return _FEED_LINK.sub(lambda m: relative_link(address, m.group(1)), xml).encode()
