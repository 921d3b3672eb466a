"""Small helpers for writing SVG text by hand: escaping, numbers, wrapping, the root element.

The charts are strings built in a fixed order, so the same data always gives the same
bytes (the site caches them, and tests compare them).
"""

from __future__ import annotations

import unicodedata
from html import escape

WIDTH = 360  # user units: the figures are drawn for a 360-px phone and scale up from there
FONT = "system-ui, sans-serif"
INK = "#1a1a1a"  # body text: 17:1 on white
MUTED = "#4d4d4d"  # secondary text: 8.4:1 on white
GRID = "#c8c8c8"
DARK = "#1f5f8b"  # 6.6:1 on white
LIGHT = "#8fb8d8"
# Average glyph width in em, on the wide side (DejaVu Sans, a common fallback, is ~0.6):
# text measured with it stays inside the box whichever sans-serif font the reader has.
EM = 0.6
BOLD = 1.1  # bold text is about this much wider
WIDE = 1.0  # a Hangul syllable or a Chinese character fills its em square


def ems(text: str) -> float:
    """How wide `text` is, in em: Korean, Chinese and Japanese characters are wide."""
    return sum(WIDE if unicodedata.east_asian_width(ch) in "WF" else EM for ch in text)


def esc(content: str) -> str:
    return escape(content, quote=False)


def num(value: float) -> str:
    """A coordinate with at most one decimal: short and stable."""
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def text_width(text: str, size: float, bold: bool = False) -> float:
    return ems(text) * size * (BOLD if bold else 1.0)


def wrap(text: str, width: float, size: float) -> list[str]:
    """Break text into lines that fit `width` units at `size`, at spaces only."""
    limit = width / size  # in em
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if ems(candidate) <= limit or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines or [""]


def attrs(**values: str | float | None) -> str:
    """Attributes in the order given; `class_` is class, `_` in names becomes `-`."""
    parts = []
    for name, value in values.items():
        if value is None:
            continue
        key = "class" if name == "class_" else name.replace("_", "-")
        shown = num(value) if isinstance(value, float | int) else escape(value, quote=True)
        parts.append(f' {key}="{shown}"')
    return "".join(parts)


def text(x: float, y: float, content: str, **extra: str | float | None) -> str:
    return f"<text{attrs(x=x, y=y, **extra)}>{escape(content, quote=False)}</text>"


def rect(x: float, y: float, w: float, h: float, **extra: str | float | None) -> str:
    return f"<rect{attrs(x=x, y=y, width=max(w, 0.0), height=h, **extra)}/>"


def line(x1: float, y1: float, x2: float, y2: float, **extra: str | float | None) -> str:
    return f"<line{attrs(x1=x1, y1=y1, x2=x2, y2=y2, **extra)}/>"


def hatch(pattern_id: str, colour: str) -> str:
    """A fill of `colour` crossed by white diagonal stripes: "this bar is not like the others"."""
    return (
        f'<pattern id="{pattern_id}" width="6" height="6" patternUnits="userSpaceOnUse"'
        ' patternTransform="rotate(45)">'
        f'<rect width="6" height="6" fill="{colour}"/>'
        '<rect width="2" height="6" fill="#ffffff"/></pattern>'
    )


def document(key: str, height: float, title: str, desc: str, body: list[str]) -> str:
    """The standalone SVG: role=img, named by its title and described by its desc."""
    prefix = f"fig-{key}"
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {num(height)}"'
        f' width="{WIDTH}" height="{num(height)}" role="img"'
        f' aria-labelledby="{prefix}-title {prefix}-desc"'
        f' font-family="{FONT}" font-size="12">'
    )
    return "\n".join(
        [
            head,
            f'<title id="{prefix}-title">{escape(title, quote=False)}</title>',
            f'<desc id="{prefix}-desc">{escape(desc, quote=False)}</desc>',
            rect(0, 0, WIDTH, height, fill="#ffffff"),
            *body,
            "</svg>",
            "",
        ]
    )
