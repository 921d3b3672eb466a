"""The site's pages as a browser without JavaScript gets them: layout, security headers, no
cookies, no third-party address, and the journey's addresses."""

from __future__ import annotations

import gzip
import json
import re
from html.parser import HTMLParser

import brotli
import pytest
from django.test import Client
from django.urls import reverse

from crossing.editions.gamebook import build_gamebook
from crossing.web.journey.publish import journey

PAGES = [
    "/",
    "/journey/",
    "/journey/gamebook/",
    "/on-the-border/",
    "/on-the-border/the-river/",
    "/films/",
    "/films/the-defector/",
    "/books/crossing-heavens-border/",
    "/sources/",
    "/site-map/",
]
DATA_SCRIPTS = ("application/json", "application/ld+json")  # data, never run
LOCAL = re.compile(r"^(/|#|\.|mailto:)")


class Links(HTMLParser):
    """Every address the page makes the browser load or link to, and every id."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.inline_scripts = 0
        self.inline_styles = 0
        self._script_type: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if "style" in a:
            self.inline_styles += 1
        if tag == "style":
            self.inline_styles += 1
        if tag == "a":
            self.links.append(a.get("href", ""))
        for name in ("src", "srcset", "poster", "data-story", "data-map", "data-endings"):
            if a.get(name):
                self.loads.append(a[name])
        # The page's own address, and the same page in each language: not loads.
        if tag == "link" and a.get("rel") != "canonical" and "hreflang" not in a:
            self.loads.append(a.get("href", ""))
        if tag == "script":
            self._script_type = a.get("type", "text/javascript")
            if "src" not in a and self._script_type not in DATA_SCRIPTS:
                self.inline_scripts += 1


def parse(html: str) -> Links:
    parser = Links()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_the_shared_layout(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert 'aria-label="Main"' in html and 'aria-label="Language"' in html
    assert "<footer" in html
    assert '<html lang="en">' in html


# The journey page carries its player inline, allowed by hash: test_journey_page.py.
@pytest.mark.parametrize("path", [path for path in PAGES if path != "/journey/"])
def test_pages_load_nothing_from_other_sites_and_run_no_inline_code(
    client: Client, path: str
) -> None:
    page = parse(client.get(path).content.decode())
    assert page.loads, "the page should load its own styles at least"
    assert all(LOCAL.match(url) for url in page.loads), page.loads
    assert page.inline_scripts == 0
    assert page.inline_styles == 0


@pytest.mark.parametrize("path", PAGES)
def test_security_headers_and_no_cookies(client: Client, path: str) -> None:
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert not response.cookies, "readers who only read get no cookies"
    assert "Strict-Transport-Security" not in response  # only in production mode


def test_the_journey_page_points_the_player_at_its_story(client: Client) -> None:
    published = journey()
    html = client.get("/journey/").content.decode()
    story_url = reverse("journey:story", args=[published.hash])
    assert f'data-story="{story_url}"' in html
    assert f'data-endings="{reverse("journey:endings")}"' in html
    assert 'id="journey-text"' in html and 'id="journey-odds"' in html
    # Without JavaScript the page is the gamebook's first page, and §1 is the start.
    assert 'id="s1"' in html and "§1" in html
    assert '<div class="player" hidden>' in html


def test_the_odds_on_the_journey_page_come_from_the_analysis(client: Client) -> None:
    html = client.get("/journey/").content.decode()
    odds_json = re.search(r'<script id="journey-odds" type="application/json">(.*?)</script>', html)
    assert odds_json is not None
    odds = json.loads(odds_json.group(1))
    assert odds == journey().odds
    assert abs(sum(odds.values()) - 1) < 1e-9


def test_the_compiled_story_is_served_with_long_caching_under_its_hash(client: Client) -> None:
    published = journey()
    response = client.get(reverse("journey:story", args=[published.hash]))
    assert response["Content-Type"] == "application/json"
    assert "immutable" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["hash"] == published.hash and data["id"] == "crossing-journey"
    for accept, coding, unpack in [
        ("gzip, br", "br", brotli.decompress),
        ("gzip", "gzip", gzip.decompress),
    ]:
        compressed = client.get(
            reverse("journey:story", args=[published.hash]), HTTP_ACCEPT_ENCODING=accept
        )
        assert compressed["Content-Encoding"] == coding and "Accept-Encoding" in compressed["Vary"]
        assert json.loads(unpack(compressed.content)) == data
    stale = client.get(reverse("journey:story", args=["0000"]))
    assert stale.status_code == 200 and stale["Cache-Control"] == "no-cache"


def test_every_gamebook_page_is_served_and_its_links_resolve(client: Client) -> None:
    gamebook = build_gamebook(journey().story)
    ids: dict[str, set[str]] = {}
    links: dict[str, list[str]] = {}
    for page in gamebook.pages:
        url = reverse("journey:gamebook-page", args=[page.id])
        response = client.get(url)
        assert response.status_code == 200, url
        parsed = parse(response.content.decode())
        ids[url], links[url] = parsed.ids, parsed.links
    for url, hrefs in links.items():
        for href in hrefs:
            if not re.search(r"#s\d+$", href):  # links to sections only
                continue
            path, anchor = href.split("#")
            target = path or url
            assert anchor in ids[target], f"{url}: {href}"


def test_an_unknown_gamebook_page_is_a_friendly_404(client: Client) -> None:
    response = client.get("/journey/gamebook/no-such-chapter/")
    assert response.status_code == 404
    assert "This page is not here" in response.content.decode()


def test_pages_are_compressed_for_slow_connections(client: Client) -> None:
    response = client.get("/journey/gamebook/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
