"""A ticket's QR code for the door: the ticket page's absolute address, drawn with segno as
an inline SVG (no image file, nothing fetched), with a title for screen readers."""

from __future__ import annotations

import segno
from django.utils.safestring import SafeString, mark_safe


def qr_svg(address: str, *, title: str) -> SafeString:
    code = segno.make(address, error="m", micro=False)
    # segno escapes the title; the SVG has no style attribute (the site's CSP forbids them).
    svg = code.svg_inline(
        scale=5,
        border=2,
        dark="#000",
        light="#fff",
        title=title,
        svgclass="ticket-qr",
        lineclass=None,
        omitsize=True,  # a viewBox only: the site's CSS sizes it
    )
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))
