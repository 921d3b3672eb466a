"""What a page says about itself to other software: its description, Open Graph tags
for link previews, its canonical address and its schema.org JSON-LD."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

OG_TYPES = ("website", "article", "video.movie", "book")


def absolute_url(request: HttpRequest) -> str | None:
    """The page's public address: under CROSSING_SITE_URL if set; in a static export
    without one, unknown (None); else the address the request came to."""
    base = settings.CROSSING_SITE_URL
    if base:
        return base.rstrip("/") + request.path
    if settings.CROSSING_STATIC_EXPORT:
        return None
    return request.build_absolute_uri(request.path)


def json_ld(data: dict[str, Any]) -> SafeString:
    """JSON safe inside <script>: no '<', '>' or '&' can end the element early."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)


def page_meta(
    request: HttpRequest,
    *,
    title: str,
    description: str,
    kind: str,
    schema: dict[str, Any] | None = None,
    article: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """`article`: Open Graph's article facts for a dated page (a news post):
    published_time, tags, and image and image_alt (an absolute address, or None)."""
    if kind not in OG_TYPES:
        raise ValueError(f"unknown Open Graph type {kind!r}")
    url = absolute_url(request)
    if schema is not None and url is not None:
        schema = {**schema, "url": url}
    return {
        "title": title,
        "description": description,
        "og_type": kind,
        "url": url,
        "schema": json_ld(schema) if schema is not None else None,
        "article": article,
    }
