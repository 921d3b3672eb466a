"""No image address the checker accepts leaves the site once rendered: Markdown images and
photos, on the live site and in the static export, resolved by a real WHATWG URL parser
(Node's, the one browsers follow) against the page they are on. And a refused one shows
on the site's content error page like a bad link."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import hypothesis
import pytest
from django.template.loader import render_to_string
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st
from pytest_django.fixtures import Settings

from crossing.content.documents import Photo
from crossing.content.markdown import render
from crossing.story.diagnostics import Diagnostic
from crossing.story.local_addresses import refusal
from crossing.web.export import relativise

from .conftest import save

SITE = "https://crossing.example"
PAGE = "/on-the-border/the-river/"
EXPORTED_PAGE = "file:///srv/export/on-the-border/the-river/index.html"

# Reads [address, base] lines, answers each with where a browser would fetch it.
RESOLVER = """
const lines = require('readline').createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const [address, base] = JSON.parse(line);
  let answer;
  try {
    const url = new URL(address, base);
    answer = { protocol: url.protocol, host: url.host, href: url.href };
  } catch (error) {
    answer = { invalid: String(error) };  // an address no browser would fetch at all
  }
  process.stdout.write(JSON.stringify(answer) + '\\n');
});
"""


class Resolver:
    def __init__(self) -> None:
        node = shutil.which("node")
        if node is None:
            pytest.fail("Node.js is not installed (apt-get install nodejs)", pytrace=False)
        self.process = subprocess.Popen(
            [node, "-e", RESOLVER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def __call__(self, address: str, base: str) -> dict[str, str]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps([address, base]) + "\n")
        self.process.stdin.flush()
        return dict(json.loads(self.process.stdout.readline()))

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=10)


@pytest.fixture(scope="module")
def resolve() -> Iterator[Resolver]:
    resolver = Resolver()
    yield resolver
    resolver.close()


class Fetched(HTMLParser):
    """Every address the page makes a browser fetch or follow, as the browser reads it
    (entities decoded): images' src and links' href."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.addresses: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "href", "srcset") and value is not None:
                self.addresses.append(value)


def fetched(html: str) -> list[str]:
    parser = Fetched()
    parser.feed(html)
    parser.close()
    return parser.addresses


def assert_stays(resolve: Resolver, html: str) -> None:
    """On the live site every address stays on its host; in the export, in its files."""
    for address in fetched(html):
        live = resolve(address, SITE + PAGE)
        assert "invalid" in live or (live["protocol"], live["host"]) == ("https:", SITE[8:]), (
            address,
            live,
        )
    for address in fetched(relativise(html, PAGE)):
        exported = resolve(address, EXPORTED_PAGE)
        assert "invalid" in exported or (exported["protocol"], exported["host"]) == (
            "file:",
            "",
        ), (address, exported)


def render_markdown(body: str) -> tuple[str, list[Diagnostic]]:
    problems: list[Diagnostic] = []
    out = render(
        body,
        path="ch.md",
        first_line=1,
        sources=set(),
        resolve=lambda href: href if href in (PAGE, "/journey/") else None,
        diagnostics=problems,
    )
    return "".join(getattr(block, "html", "") for block in out.blocks), problems


# Pieces that browsers read in surprising ways, mixed with ordinary ones.
PIECES = [
    "/", "//", "\\", ":", ".", "..", "@", "?", "#", "%", "%2F", "%5C", "%09", "&#9;", "&#x2F;",
    "http", "HTTPS", "javascript", "JaVaScRiPt", "data", "vbscript", "file", "mailto",
    "example.org", "images", "ice.jpg", "a", "1", "+", "-",
    "\t", "\n", "\r", " ", "\x00", "\x01", "\x1f", "\x7f", "\u00a0", "\u200b", "\u2028",
    "\ufeff", "\uff0f", "\uff1a", "ｊ", "강",
]  # fmt: skip
ADDRESSES = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=8).map("".join),
    st.text(max_size=30),
)


@hypothesis.settings(max_examples=300, deadline=None)
@given(ADDRESSES, st.sampled_from(["![a]({})", "![a](<{}>)", "![a][r]\n\n[r]: {}", "[a]({})"]))
def test_no_markdown_image_or_link_leaves_the_site(
    resolve: Resolver, address: str, form: str
) -> None:
    html, problems = render_markdown(form.format(address))
    assert_stays(resolve, html)
    # Whatever became an image was accepted by the rule, as written.
    if "<img" in html:
        assert not [p for p in problems if p.code == "E206"]


@hypothesis.settings(max_examples=300, deadline=None)
@given(ADDRESSES)
def test_no_photo_the_checker_accepts_leaves_the_site(resolve: Resolver, address: str) -> None:
    if refusal(address.strip()) is not None:  # front matter values are read stripped
        return
    html = render_to_string(
        "reportage/_photo.html", {"photo": Photo(address.strip(), "alt", "caption", "credit")}
    )
    assert_stays(resolve, html)


@pytest.mark.parametrize(
    "address", ["//example.org/a.jpg", "/\\example.org/a.jpg", "java\tscript:alert(1)"]
)
def test_the_resolver_sees_what_the_rule_refuses(resolve: Resolver, address: str) -> None:
    """The property above means something: these would leave (or run) in a browser."""
    where = resolve(address, SITE + PAGE)
    assert (where["protocol"], where["host"]) != ("https:", SITE[8:])


# -- on the site --

PHOTO = """[[photos]]
src = "{src}"
alt = "The river frozen"
caption = "The Tumen in January."
credit = "Photo: someone"
"""


def with_photo(content: Path, src: str) -> int:
    """The river chapter with one photo, shown after its first paragraph; returns the line
    of the photo's src."""
    chapter = content / "story" / "01-the-river.md"
    lines = chapter.read_text(encoding="utf-8").split("\n")
    closing = lines.index("+++", 1)
    lines[closing:closing] = PHOTO.format(src=src).rstrip("\n").split("\n")
    text = "\n".join(lines).replace("\n\n", "\n\n{{ photo 1 }}\n\n", 2)
    save(chapter, text.replace("+++\n\n{{ photo 1 }}", "+++", 1))
    return closing + 2


def test_a_photo_on_the_site_is_shown(client: Client, content: Path) -> None:
    with_photo(content, "/images/ice.jpg")
    html = client.get(PAGE).content.decode()
    assert '<img src="/images/ice.jpg" alt="The river frozen"' in html


def test_a_photo_from_elsewhere_shows_on_the_content_error_page(
    client: Client, content: Path, settings: Settings
) -> None:
    settings.CROSSING_WATCH = True  # the page an editor sees (`crossing serve --watch`)
    line = with_photo(content, "https://example.org/ice.jpg")
    response = client.get(PAGE)
    assert response.status_code == 500
    html = response.content.decode()
    assert f"story/01-the-river.md:{line}:8" in html
    assert "E206" in html
    assert "an image from another site: &#x27;https://example.org/ice.jpg&#x27;" in html
    assert '<img src="https://example.org' not in html
