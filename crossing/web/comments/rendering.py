"""A comment's plain text as HTML: paragraphs at blank lines, line breaks, and http(s)
addresses made into links; then sanitised by nh3 so that nothing but those comes out."""

from __future__ import annotations

import re

import nh3
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = frozenset({"p", "br", "a"})
ALLOWED_ATTRIBUTES = {"a": {"href"}}
LINK_REL = "nofollow ugc"

# An address runs to the next space or angle bracket, without the punctuation that ends a
# sentence: "see https://example.org/a." links https://example.org/a.
_LINK = re.compile(r"(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:!?)\]'’”]", re.IGNORECASE)


def _linked(line: str) -> str:
    out, at = [], 0
    for match in _LINK.finditer(line):
        address = match.group(0)
        href = address if "://" in address else f"https://{address}"
        out += [escape(line[at : match.start()]), f'<a href="{escape(href)}">{escape(address)}</a>']
        at = match.end()
    out.append(escape(line[at:]))
    return "".join(out)


def comment_html(text: str) -> SafeString:
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n").strip())
    html = "".join(
        "<p>" + "<br>".join(_linked(line) for line in paragraph.split("\n")) + "</p>"
        for paragraph in paragraphs
        if paragraph.strip()
    )
    clean = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes={"http", "https"},
        link_rel=LINK_REL,
    )
    return mark_safe(clean)  # nh3 let through only the tags above
