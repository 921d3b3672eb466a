"""/sitemap.xml: every page of the site, for search engines, at the site's public address
(CROSSING_SITE_URL) when one is set, as canonical links are; else at the address the
request came to (its host in one spelling: hosts.py)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap

from .content import site_content
from .journey.ending_pages import ending_addresses
from .languages import current, default, localized


class SitePages(Sitemap):  # type: ignore[type-arg]  # generic only in the stubs
    # Each page once per language, with its alternates in every language and x-default
    # (English): Django's sitemap does it, asking `location` under each language.
    i18n = True
    alternates = True
    x_default = True

    def items(self) -> list[str]:
        return site_content(default()).addresses() + ending_addresses()

    def location(self, item: str) -> str:
        return localized(item, current())

    def get_protocol(self, protocol: str | None = None) -> str:
        if public := settings.CROSSING_SITE_URL:
            return urlsplit(public).scheme
        return str(super().get_protocol(protocol))

    def get_domain(self, site: Any = None) -> str:
        """The host, and the path the site lives under, if any: `https://example.org/x/`
        gives `example.org/x`, before each page's own address."""
        if public := settings.CROSSING_SITE_URL:
            parts = urlsplit(public)
            return parts.netloc + parts.path.rstrip("/")
        return str(super().get_domain(site))


class EventPages(SitePages):
    """The events page and its archive (their calendars are files, not pages)."""

    def items(self) -> list[str]:
        from .events.selectors import public_addresses

        return public_addresses()


class ScreeningPages(SitePages):
    """The screenings' list, their archive and each public screening's page (from the
    database, so read at each request)."""

    def items(self) -> list[str]:
        from .screenings.selectors import public_addresses

        return public_addresses()
