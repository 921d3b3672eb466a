"""Story text to safe HTML: the Markdown subset, citations and interpolation slots.

The subset is paragraphs, *emphasis*, **strong emphasis**, [links](https://…) and
backslash escapes. Raw HTML is shown as text, never passed through. Citations become
numbered links to the source; `{expr}` slots stay as expressions for the runtime.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence

from markdown_it import MarkdownIt

from .compiled import Conditional, Interpolation, Part, Text, Variation

_md = MarkdownIt("zero", {"html": False, "typographer": False}).enable(
    ["emphasis", "link", "escape", "entity"]
)
_SLOT = re.compile("\ue000([0-9]+)\ue001|\ue002([0-9]+)\ue003|\ue004([0-9]+)\ue005")


class CitationNumbers:
    """Numbers citations within one scene, in the order they first appear."""

    def __init__(self) -> None:
        self.keys: list[str] = []

    def number(self, key: str) -> int:
        if key not in self.keys:
            self.keys.append(key)
        return self.keys.index(key) + 1


def citation_html(key: str, number: int) -> str:
    safe = html.escape(key, quote=True)
    return f'<sup class="cite"><a href="#source-{safe}" data-source="{safe}">{number}</a></sup>'


def render_text(
    template: str,
    interpolations: Sequence[Interpolation],
    citation_keys: Sequence[str],
    numbers: CitationNumbers,
    conditionals: Sequence[Callable[[], Conditional | Variation]] = (),
    *,
    inline: bool = False,
    on_lost_slot: Callable[[], None] | None = None,
) -> Text:
    """Render a text template (see syntax.TextBlock) to compiled Text."""
    rendered = _md.renderInline(template.strip()) if inline else _md.render(template)
    rendered = rendered.strip()
    parts: list[Part] = []
    last = 0
    found = 0
    for match in _SLOT.finditer(rendered):
        found += 1
        parts.append(rendered[last : match.start()])
        if match.group(1) is not None:
            parts.append(interpolations[int(match.group(1))])
        elif match.group(3) is not None:
            parts.append(conditionals[int(match.group(3))]())
        else:
            key = citation_keys[int(match.group(2))]
            parts.append(citation_html(key, numbers.number(key)))
        last = match.end()
    parts.append(rendered[last:])
    expected = len(interpolations) + len(citation_keys) + len(conditionals)
    if found != expected and on_lost_slot is not None:
        on_lost_slot()  # a slot inside a link address, which Markdown percent-encodes
    merged = _merge_strings(_lift_paragraphs(_merge_strings(parts)))
    if len(merged) == 1 and isinstance(merged[0], str):
        return merged[0]
    return tuple(merged) if merged else ""


def render_plain_inline(text: str) -> str:
    """Captions and credits: inline Markdown, no slots."""
    return str(_md.renderInline(text.strip()))


def _lift_paragraphs(parts: list[Part]) -> list[Part]:
    """A paragraph that is only one `{if …}` or variation becomes a part whose every branch
    is a paragraph of its own, so that an empty branch leaves no empty `<p></p>`."""
    out = list(parts)
    for i in range(1, len(out) - 1):
        before, part, after = out[i - 1], out[i], out[i + 1]
        if (
            isinstance(before, str)
            and isinstance(after, str)
            and isinstance(part, Conditional | Variation)
            and before.endswith("<p>")
            and after.startswith("</p>")
        ):
            out[i - 1], out[i + 1] = before[: -len("<p>")], after[len("</p>") :]
            out[i] = _lifted(part)
    return out


def _lifted(part: Conditional | Variation) -> Conditional | Variation:
    """The part with each branch made a paragraph of its own."""
    if isinstance(part, Conditional):
        otherwise = None if part.otherwise is None else _paragraph(part.otherwise)
        return Conditional(part.condition, _paragraph(part.then), otherwise)
    return Variation(part.kind, tuple(map(_paragraph, part.parts)), part.site)


def _paragraph(text: Text) -> Text:
    if text == "":
        return ""
    if isinstance(text, str):
        return f"<p>{text}</p>"
    if len(text) == 1 and isinstance(text[0], Conditional | Variation):
        return (_lifted(text[0]),)  # `{if a: {once: …}}`: empty once shown, too
    return tuple(_merge_strings(["<p>", *text, "</p>"]))


def _merge_strings(parts: list[Part]) -> list[Part]:
    merged: list[Part] = []
    for part in parts:
        if isinstance(part, str):
            if not part:
                continue
            if merged and isinstance(merged[-1], str):
                merged[-1] += part
                continue
        merged.append(part)
    return merged
