"""A chapter's or a work's Markdown body to HTML blocks: CommonMark without raw HTML, with
citations (`[^key]`), figure and photo lines (`{{ figure key }}`), and checked links and
images.

The result is a list of blocks so that the site's templates, not this module, draw the
figures and photos: HTML, then a figure, then HTML again.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from crossing.story.diagnostics import Diagnostic, Position, did_you_mean

from .images import check_image

# Placeholders in the private-use area survive Markdown untouched.
_CITE = "\ue010{}\ue011\ue012{}\ue013"  # citation number, and which time the key is cited
_CITE_BACK = re.compile("\ue010([0-9]+)\ue011\ue012([0-9]+)\ue013")
_BLOCK = "\ue020{}\ue021"
_BLOCK_BACK = re.compile("<p>\ue020([0-9]+)\ue021</p>\n?")
_CITATION = re.compile(r"\[\^([^\]\s]+)\]")
_DIRECTIVE = re.compile(r"^\s*\{\{\s*(\w+)\s+([^\s}]+)\s*\}\}\s*$")
_DIRECTIVE_START = re.compile(r"^\s*\{\{")
_EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)

DIRECTIVES = ("figure", "photo")


class _Markdown(MarkdownIt):
    def validateLink(self, url: str) -> bool:
        """Every link and image becomes a token, checked and reported below: markdown-it's
        own filter would leave `![x](javascript:…)` as text that nobody is told about."""
        return True


_md = _Markdown("commonmark", {"html": False, "typographer": False}).enable("table")

# Turns an internal link target into the address it stands for, or None if unknown.
LinkResolver = Callable[[str], str | None]


@dataclass(frozen=True, slots=True)
class Html:
    html: str


@dataclass(frozen=True, slots=True)
class Directive:
    kind: str  # "figure" or "photo"
    name: str  # the figure's key, or the photo's number as written
    position: Position


Block = Html | Directive


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    id: str
    text: str


@dataclass(slots=True)
class Rendered:
    blocks: list[Block] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)  # source keys, numbered from 1
    cited_at: dict[str, int] = field(default_factory=dict)  # key -> times cited in the text
    headings: list[Heading] = field(default_factory=list)
    links: list[str] = field(default_factory=list)  # resolved internal addresses
    words: int = 0


def slugify(text: str) -> str:
    """An anchor from a heading: lower case, letters and digits, hyphens between words."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "section"


def _find(lines: Sequence[str], needle: str, near: int) -> tuple[int, int] | None:
    """The body line (0-based) and column (1-based) where `needle` first appears at or
    after line `near`."""
    for index in range(max(near, 0), len(lines)):
        col = lines[index].find(needle)
        if col >= 0:
            return index, col + 1
    return None


def _position_in(
    path: str, lines: Sequence[str], line_offset: int, needle: str, near: int = 0
) -> Position:
    """The first place `needle` appears at or after body line `near` (0-based)."""
    found = _find(lines, needle, near)
    if found is None:
        return Position(path, line_offset + max(near, 0), 1)
    return Position(path, line_offset + found[0], found[1], len(needle))


def _address_at(
    path: str, lines: Sequence[str], line_offset: int, address: str, near: int
) -> Position:
    """Where a link's or image's address is written: after its `](`, else anywhere from its
    paragraph on (a reference definition), else at its paragraph."""
    found = _find(lines, f"]({address}", near)
    if found is not None:
        return Position(path, line_offset + found[0], found[1] + 2, len(address))
    return _position_in(path, lines, line_offset, address, near)


def written(address: str) -> str:
    """An address as the editor wrote it, before markdown-it percent-encoded it."""
    return _md.normalizeLinkText(address)


def render(
    body: str,
    *,
    path: str,
    first_line: int,
    sources: Collection[str],
    resolve: LinkResolver,
    diagnostics: list[Diagnostic],
    anchors: Sequence[str] | None = None,
) -> Rendered:
    """Render `body` (which starts at file line `first_line`) and report every problem.
    `anchors`: the headings' anchors, in order (a translation keeps its source's)."""
    lines = body.split("\n")
    out = Rendered()
    directives: list[Directive] = []

    # 1. Figure and photo lines become placeholder paragraphs.
    for index, line in enumerate(lines):
        match = _DIRECTIVE.match(line)
        if match and match.group(1) in DIRECTIVES:
            at = Position(path, first_line + index, line.index("{{") + 1, len(line.strip()))
            directives.append(Directive(match.group(1), match.group(2), at))
            lines[index] = _BLOCK.format(len(directives) - 1)
        elif _DIRECTIVE_START.match(line):
            at = Position(path, first_line + index, line.index("{{") + 1, len(line.strip()))
            hint = "write {{ figure KEY }} or {{ photo N }} on a line of its own"
            if match:
                hint = did_you_mean(match.group(1), DIRECTIVES) or hint
            diagnostics.append(Diagnostic("E204", f"cannot read '{line.strip()}'", at, hint))
            lines[index] = ""

    # 2. Citations become numbered placeholders; unknown keys are reported where written.
    def cite(match: re.Match[str], index: int) -> str:
        key = match.group(1)
        if key not in sources:
            at = Position(path, first_line + index, match.start() + 1, len(match.group(0)))
            diagnostics.append(
                Diagnostic("E202", f"unknown source '{key}'", at, did_you_mean(key, sources))
            )
            return ""
        if key not in out.citations:
            out.citations.append(key)
        out.cited_at[key] = out.cited_at.get(key, 0) + 1
        return _CITE.format(out.citations.index(key), out.cited_at[key])

    lines = [
        _CITATION.sub(lambda m, i=index: cite(m, i), line)  # type: ignore[misc]
        for index, line in enumerate(lines)
    ]

    # 3. Markdown, with links checked and headings given anchors.
    tokens = _md.parse("\n".join(lines))
    _check_links(tokens, lines, path, first_line, resolve, out, diagnostics)
    _check_images(tokens, lines, path, first_line, diagnostics)
    _anchor_headings(tokens, out, anchors or ())
    rendered = _md.renderer.render(tokens, _md.options, {})
    out.words = len(_CITE_BACK.sub(" ", re.sub(r"<[^>]+>", " ", rendered)).split())

    # 4. Citations back to links; the text split around the figures and photos.
    rendered = _CITE_BACK.sub(
        lambda m: citation_html(out.citations[int(m.group(1))], int(m.group(1)) + 1, m.group(2)),
        rendered,
    )
    last = 0
    for match in _BLOCK_BACK.finditer(rendered):
        if rendered[last : match.start()].strip():
            out.blocks.append(Html(rendered[last : match.start()]))
        out.blocks.append(directives[int(match.group(1))])
        last = match.end()
    if rendered[last:].strip():
        out.blocks.append(Html(rendered[last:]))
    return out


def citation_html(key: str, number: int, occurrence: str) -> str:
    """A numbered link to the page's reference list; the list links back to it."""
    safe = html.escape(key, quote=True)
    return (
        f'<sup class="cite" id="cite-{safe}-{occurrence}">'
        f'<a href="#ref-{safe}" data-source="{safe}">{number}</a></sup>'
    )


def _check_links(
    tokens: list[Token],
    lines: Sequence[str],
    path: str,
    first_line: int,
    resolve: LinkResolver,
    out: Rendered,
    diagnostics: list[Diagnostic],
) -> None:
    for child, near in _inline_tokens(tokens, "link_open"):
        href = str(child.attrGet("href") or "")
        at = _address_at(path, lines, first_line, written(href), near)
        if href.startswith("#"):
            continue
        if _EXTERNAL.match(href) and not href.startswith("journey:"):
            diagnostics.append(
                Diagnostic(
                    "E203",
                    f"a link to another site: {href}",
                    at,
                    "put the address in sources.toml and cite the source with [^key]",
                )
            )
            del child.attrs["href"]  # reported; never rendered
            continue
        target = resolve(href)
        if target is None:
            what = "journey scene" if href.startswith("journey:") else "page on this site"
            diagnostics.append(Diagnostic("E203", f"no {what} at '{href}'", at))
            del child.attrs["href"]
            continue
        child.attrSet("href", target)
        out.links.append(target)


def _check_images(
    tokens: list[Token],
    lines: Sequence[str],
    path: str,
    first_line: int,
    diagnostics: list[Diagnostic],
) -> None:
    """Every image's address is a file of this site (crossing.story.local_addresses); a
    refused image is reported where its address is written and becomes its alt text."""
    for child, near in _inline_tokens(tokens, "image"):
        src = str(child.attrGet("src") or "")
        address = written(src)
        at = _address_at(path, lines, first_line, address, near)
        # As written, and as rendered: either must stay on the site.
        if check_image(address, at, diagnostics) and check_image(src, at, diagnostics):
            continue
        child.type, child.tag, child.attrs, child.children = "text", "", {}, None


def _inline_tokens(tokens: list[Token], kind: str) -> list[tuple[Token, int]]:
    """Every inline token of this kind, with the body line its paragraph starts on."""
    return [
        (child, token.map[0] if token.map else 0)
        for token in tokens
        if token.type == "inline" and token.children
        for child in token.children
        if child.type == kind
    ]


def _anchor_headings(tokens: list[Token], out: Rendered, given: Sequence[str]) -> None:
    used: set[str] = set()
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        inline = tokens[index + 1]
        text = "".join(
            c.content for c in inline.children or [] if c.type in ("text", "code_inline")
        )
        text = _CITE_BACK.sub("", text).strip()
        number = len(out.headings)
        anchor = base = given[number] if number < len(given) else slugify(text)
        count = 1
        while anchor in used:
            count += 1
            anchor = f"{base}-{count}"
        used.add(anchor)
        token.attrSet("id", anchor)
        out.headings.append(Heading(int(token.tag[1]), anchor, text))
