"""The site's Content-Security-Policy as a `<meta>` in HTML that no server of ours sends:
every page of the static export (`crossing build`) and the single-file bundle
(`crossing bundle`). A host serving the export, or a reader opening it from a folder, then
gets the same rules as the live site.

The meta policy is the served one (crossing.web.security), minus what a meta cannot carry
(frame-ancestors), plus the SHA-256 of each inline script and style block of the page,
which the export's journey page and the bundle need: computed from the finished HTML, so
it must be the last change made to a page.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from html.parser import HTMLParser

from .security import meta_policy

# Inline <script> types a browser does not run (data blocks): no hash needed.
_DATA_TYPE = re.compile(r"^\s*application/([\w.-]+\+)?json\s*$", re.IGNORECASE)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head(\s[^>]*)?>", re.IGNORECASE)


class _InlineBlocks(HTMLParser):
    """The text of every inline script (that a browser would run) and style element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._open: list[str] | None = None  # the text of the block being read
        self._into: list[str] | None = None  # where it goes when closed

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "style":
            self._open, self._into = [], self.styles
        elif tag == "script" and "src" not in values:
            runs = not _DATA_TYPE.match(values.get("type") or "")
            self._open, self._into = [], self.scripts if runs else None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._open is not None:
            if self._into is not None:
                self._into.append("".join(self._open))
            self._open = self._into = None


def source_hash(text: str) -> str:
    """The CSP hash source of an inline block, as a browser computes it: over the UTF-8
    of its text after the HTML parser has turned every CR LF and CR into LF."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


# A whole <script> or <style> element as the parser reads it: the start tag (quoted values
# may hold '>'), then the text up to the first end tag of its kind (`</\s*script\s*>`).
_BLOCK = re.compile(
    r"""<(script|style)(?=[\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>.*?</\s*\1\s*>""",
    re.IGNORECASE | re.DOTALL,
)
# Where a <script> may be text rather than a tag: there the whole page is parsed.
_HIDING = ("<!--", "<![", "<?")


def inline_blocks(page: str, *, whole: bool = False) -> _InlineBlocks:
    """The page's inline blocks. Only the script and style elements are parsed (the export
    finishes hundreds of pages; parsing each whole was most of its time), unless the page
    has a comment or the like, or `whole` asks for the full parse."""
    blocks = _InlineBlocks()
    if whole or any(mark in page for mark in _HIDING):
        blocks.feed(page)
    else:
        for element in _BLOCK.finditer(page):
            blocks.feed(element.group(0))
    blocks.close()
    return blocks


def inline_hashes(page: str) -> tuple[list[str], list[str]]:
    """The hash sources of the page's inline scripts and of its inline styles, each once."""
    blocks = inline_blocks(page)
    return list(dict.fromkeys(map(source_hash, blocks.scripts))), list(
        dict.fromkeys(map(source_hash, blocks.styles))
    )


def policy_for(page: str) -> str:
    """The meta policy that lets exactly this page's inline scripts and styles run."""
    scripts, styles = inline_hashes(page)
    return meta_policy(script_hashes=scripts, style_hashes=styles)


def with_policy_meta(page: str) -> str:
    """The page with its policy in a <meta> right after `<meta charset>` (or at the top of
    <head>): a meta policy governs only what comes after it."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{_attribute(policy_for(page))}">'
    anchor = _CHARSET.search(page) or _HEAD.search(page)
    if anchor is None:
        raise ValueError("the page has no <head> to carry its Content-Security-Policy")
    return f"{page[: anchor.end()]}\n{tag}{page[anchor.end() :]}"


def _attribute(value: str) -> str:
    """Escaped for a double-quoted attribute, its quotes ' left readable."""
    return html.escape(value).replace("&#x27;", "'")
