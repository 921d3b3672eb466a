"""/sitemap.xml: every page of the site, for search engines."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap

from .content import site_content
from .journey.ending_pages import ending_addresses


class SitePages(Sitemap):  # type: ignore[type-arg]  # generic only in the stubs
    def items(self) -> list[str]:
        return site_content().addresses() + ending_addresses()

    def location(self, item: str) -> str:
        return item
