"""Absolute addresses for what leaves the page: feed entries and their links."""

from __future__ import annotations

import re

from django.conf import settings
from django.http import HttpRequest

from ..languages import here

_SITE_LINK = re.compile(r"""\b(href|src)=(["'])(/(?!/)[^"']*|#[^"']*)\2""")


def site_root(request: HttpRequest) -> str:
    """The site's public address without its final slash: CROSSING_SITE_URL when set, else
    the address the request came to (the static export rewrites it)."""
    return (settings.CROSSING_SITE_URL or request.build_absolute_uri("/")).rstrip("/")


def absolute(request: HttpRequest, address: str) -> str:
    """In the feed's language: a Korean feed links to the Korean pages."""
    return site_root(request) + here(address)


def absolute_links(request: HttpRequest, html: str, page: str) -> str:
    """Site links (`/films/x/`) made absolute, and anchors (`#ref-x`) made links to `page`,
    so that the HTML reads the same in a feed reader."""

    def swap(match: re.Match[str]) -> str:
        attribute, quote, target = match.groups()
        target = page + target if target.startswith("#") else target
        return f"{attribute}={quote}{absolute(request, target)}{quote}"

    return _SITE_LINK.sub(swap, html)
