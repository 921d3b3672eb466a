"""The journey page carries what its first scene needs (styles, player, the story's
opening) inline, allowed by hash in its Content-Security-Policy, and the rest of the story
is one immutable address away, in brotli or gzip as the reader prefers."""

from __future__ import annotations

import gzip
import json
import re
from typing import Any

import brotli
from django.test import Client
from django.urls import reverse

from crossing.web.bundle import STATIC
from crossing.web.journey.opening import merge
from crossing.web.journey.publish import journey
from crossing.web.policy_meta import inline_hashes, source_hash
from crossing.web.security import POLICY, served_policy


def data_block(html: str, element_id: str) -> Any:
    found = re.search(rf'<script id="{element_id}" type="application/json">(.*?)</script>', html)
    assert found is not None, element_id
    return json.loads(found.group(1))


def test_the_first_scene_needs_no_second_request(client: Client) -> None:
    response = client.get("/journey/")
    html = response.content.decode()
    published = journey()
    # No stylesheet and no script to fetch before the first scene: they are in the page
    # (the site's deferred helpers, such as local-time.js, do not hold it up).
    assert 'rel="stylesheet"' not in html and 'type="module" src=' not in html
    assert all(" defer" in tag for tag in re.findall(r"<script src=[^>]*>", html))
    player = (STATIC / "player.js").read_text(encoding="utf-8")
    # Run as soon as it is in, before the gamebook that follows it has arrived.
    assert f'<script type="module" async>\n{player}\n</script>' in html
    assert html.index("journey-opening") < html.index(player) < html.index('id="s1"')
    assert data_block(html, "journey-opening") == published.opening
    rest = reverse("journey:story-rest", args=[published.hash])
    assert f'data-rest="{rest}"' in html
    assert f'<link rel="preload" href="{rest}" as="fetch" crossorigin="anonymous">' in html
    # Without JavaScript the page is still the gamebook's opening, the player hidden.
    assert 'id="s1"' in html and '<div class="player" hidden>' in html


def test_the_inline_code_is_allowed_by_its_hashes_alone(client: Client) -> None:
    response = client.get("/journey/")
    scripts, styles = inline_hashes(response.content.decode())
    player = (STATIC / "player.js").read_text(encoding="utf-8")
    assert scripts == [source_hash(f"\n{player}\n")] and len(styles) == 1
    policy = response["Content-Security-Policy"]
    assert policy == served_policy(script_hashes=scripts, style_hashes=styles)
    assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
    # Compressed, the same page and the same policy (the page cache keeps both).
    again = client.get("/journey/", HTTP_ACCEPT_ENCODING="br")
    assert again["Content-Encoding"] == "br"
    assert brotli.decompress(again.content) == response.content
    assert again["Content-Security-Policy"] == policy
    # Every other page keeps the one policy.
    assert client.get("/journey/gamebook/")["Content-Security-Policy"] == POLICY


def test_the_opening_and_the_rest_make_the_compiled_story(client: Client) -> None:
    published = journey()
    opening = data_block(client.get("/journey/").content.decode(), "journey-opening")
    address = reverse("journey:story-rest", args=[published.hash])
    plain = client.get(address)
    assert plain["Content-Type"] == "application/json"
    assert "immutable" in plain["Cache-Control"]
    rest = json.loads(plain.content)
    whole = json.loads(client.get(reverse("journey:story", args=[published.hash])).content)
    assert merge(opening, rest) == whole
    for accept, coding, unpack in [
        ("gzip, deflate, br", "br", brotli.decompress),
        ("gzip, deflate", "gzip", gzip.decompress),
    ]:
        packed = client.get(address, HTTP_ACCEPT_ENCODING=accept)
        assert packed["Content-Encoding"] == coding and "Accept-Encoding" in packed["Vary"]
        assert unpack(packed.content) == plain.content


def test_an_old_version_has_no_rest(client: Client) -> None:
    """An old page's opening would not fit the current rest: its player says it could not
    load, and shows the gamebook."""
    assert client.get(reverse("journey:story-rest", args=["0000000000000000"])).status_code == 404
