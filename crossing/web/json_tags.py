"""`{% load json %}`: data for scripts, written into the page (registered in settings and in
the single-file edition's template engine, crossing/web/bundle.py)."""

from __future__ import annotations

import json
from typing import Any

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


# What Django's json_script escapes, so that the JSON cannot close its <script> element.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_script_text(value: Any, element_id: str) -> SafeString:
    """Django's json_script, with letters beyond ASCII written as themselves: the Korean
    story is 6 bytes a syllable as `\\uXXXX` escapes and 3 in UTF-8 (the page is UTF-8)."""
    text = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script id="{}" type="application/json">{}</script>',
        element_id,
        mark_safe(text.translate(_JSON_SCRIPT_ESCAPES)),
    )
