"""Where senders find our Webmention endpoint: a post page names it in an HTTP `Link` header
and a `<link rel="webmention">` (the Recommendation's discovery). A static export has no
endpoint (no server to receive), so its pages name none."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse


def webmention_endpoint() -> str | None:
    """The endpoint's address (absolute under CROSSING_SITE_URL, else from the site's root),
    or None in a static export."""
    if settings.CROSSING_STATIC_EXPORT:
        return None
    path = reverse("webmention")
    base = settings.CROSSING_SITE_URL
    return base.rstrip("/") + path if base else path
