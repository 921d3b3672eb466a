"""Reading a Webmention's source page: does it link to the target, who wrote it, and a short
excerpt to show moderators and readers. Plain text comes out; no HTML of the source is kept.

Python's own HTML parser (html.parser) reads the page: it tolerates the broken markup of real
pages, needs no compiled dependency, and we only need attributes and text from it. Tags left
open are closed when an enclosing tag closes, as browsers do for the common cases."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit, urlunsplit

EXCERPT_CHARS = 300
NAME_CHARS = 100
# Attributes through which a page links to (or embeds) another: the Recommendation names
# <a href> and <img src>; the others are the same kind of reference.
LINK_ATTRIBUTES = {
    "a": "href",
    "area": "href",
    "img": "src",
    "video": "src",
    "audio": "src",
    "source": "src",
    "iframe": "src",
}
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
SKIPPED = {"script", "style", "template", "noscript"}  # text no reader sees as the page's
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Reading:
    links: bool  # the page links to the target
    author: str  # "" when the page names none and has no title
    excerpt: str


def same_address(a: str, b: str) -> bool:
    """Two addresses of one page: the fragment dropped, the scheme and host in any case, an
    empty path as "/"."""
    return _normal(a) == _normal(b)


def _normal(url: str) -> tuple[str, ...]:
    parts = urlsplit(url.strip())
    return (
        parts.scheme.lower(),
        parts.netloc.lower(),
        parts.path or "/",
        parts.query,
    )


def plain(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word where one is near, with an ellipsis."""
    text = plain(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


class _Reader(HTMLParser):
    def __init__(self, base: str, target: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        self.target = target
        self.based = False  # only the first <base href> counts
        self.stack: list[tuple[str, set[str]]] = []
        self.text: list[str] = []  # all visible text, in order
        self.length = 0
        self.link_at: int | None = None  # where in the text the first link to target is
        self.title: list[str] = []
        self.in_title = False
        # Text of the first element of each microformats class we read, by class name.
        self.wanted = ("p-author", "p-name", "p-summary", "e-content")
        self.captured: dict[str, list[str]] = {}
        self.open_captures: dict[str, int] = {}  # class -> stack depth where it started

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "base" and values.get("href") and not self.based:
            self.base = urljoin(self.base, values["href"].strip())  # as browsers resolve links
            self.based = True
        attribute = LINK_ATTRIBUTES.get(tag)
        if attribute and self.link_at is None and attribute in values:
            address = urljoin(self.base, values[attribute].strip())
            if same_address(address, self.target):
                self.link_at = self.length
        if tag == "title" and not self.title:
            self.in_title = True
        if tag in VOID:
            return
        classes = set(values.get("class", "").split())
        self.stack.append((tag, classes))
        for name in self.wanted:
            if name in classes and name not in self.captured:
                # p-name counts only inside the author's h-card (an entry's p-name is its title)
                if name == "p-name" and "p-author" not in self.open_captures:
                    continue
                self.captured[name] = []
                self.open_captures[name] = len(self.stack)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        # Close up to the matching open tag; an end tag nothing opened is ignored.
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                break
        for name, depth in list(self.open_captures.items()):
            if depth > len(self.stack):
                del self.open_captures[name]

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
            return
        if any(tag in SKIPPED for tag, _ in self.stack):
            return
        self.text.append(data)
        self.length += len(data)
        for name in self.open_captures:
            self.captured[name].append(data)

    def part(self, name: str) -> str:
        return plain("".join(self.captured.get(name, [])))


def read(page: str, *, base: str, target: str) -> Reading:
    """What `page` (HTML, fetched from `base`) says about `target`."""
    reader = _Reader(base, target)
    reader.feed(page)
    reader.close()
    author = reader.part("p-name") or reader.part("p-author") or plain("".join(reader.title))
    excerpt = reader.part("p-summary") or reader.part("e-content")
    if not excerpt and reader.link_at is not None:
        excerpt = _around("".join(reader.text), reader.link_at)
    return Reading(
        links=reader.link_at is not None,
        author=shorten(author, NAME_CHARS),
        excerpt=shorten(excerpt, EXCERPT_CHARS),
    )


def read_text(text: str, *, target: str) -> Reading:
    """A source that is not HTML (plain text, JSON): it links when it holds the exact address."""
    at = text.find(target)
    if at < 0:
        return Reading(links=False, author="", excerpt="")
    return Reading(links=True, author="", excerpt=shorten(_around(text, at), EXCERPT_CHARS))


def _around(text: str, at: int) -> str:
    """The text near position `at`: about a sentence or two either side of the link."""
    half = EXCERPT_CHARS // 2
    before = plain(text[max(0, at - 2 * half) : at])[-half:]
    after = plain(text[at : at + 2 * half])[:half]
    if " " in before and len(before) == half:
        before = before[before.index(" ") + 1 :]  # start at a whole word
    return plain(f"{before} {after}")


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.hostname or ""


def without_fragment(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))
