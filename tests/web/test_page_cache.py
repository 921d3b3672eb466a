"""Pages rendered once per version of the content (crossing.web.page_cache): the same page
for every reader until an edit, then the new one; never a page meant for another host or
language; the middleware still applies to each answer."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from django.test import Client
from pytest_django.fixtures import Settings

from crossing.web.page_cache import PageCache, Version, _Rendered, journey_pages, site_pages

from .conftest import save

CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')


def test_a_page_is_rendered_once_and_served_again_the_same(client: Client, content: Path) -> None:
    first = client.get("/sources/")
    held = len(site_pages)
    assert held == 1  # the first page of this content's version
    again = client.get("/sources/")
    assert first.status_code == again.status_code == 200
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert len(site_pages) == held  # the same page, not a second copy


def test_an_edit_to_the_journey_shows_on_its_gamebook_page(client: Client, content: Path) -> None:
    before = client.get("/journey/gamebook/").content.decode()
    story = content / "journey" / "main.story"
    text = story.read_text(encoding="utf-8")
    title = re.search(r"^title:\s*(.+)$", text, re.MULTILINE)
    assert title is not None
    assert title.group(1).strip() in before
    save(story, text.replace(title.group(0), "title: A title changed by an editor", 1))
    after = client.get("/journey/gamebook/").content.decode()
    assert "A title changed by an editor" in after
    assert len(journey_pages) == 1  # the old version's pages went


def test_each_host_gets_its_own_canonical_address(
    client: Client, content: Path, settings: Settings
) -> None:
    settings.ALLOWED_HOSTS = ["a.example", "b.example"]
    one = client.get("/films/the-defector/", HTTP_HOST="a.example").content.decode()
    two = client.get("/films/the-defector/", HTTP_HOST="b.example").content.decode()
    assert CANONICAL.findall(one) == ["http://a.example/films/the-defector/"]
    assert CANONICAL.findall(two) == ["http://b.example/films/the-defector/"]


def test_each_language_gets_its_own_page(client: Client, content: Path) -> None:
    korean = client.get("/", HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    english = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="ko"' in korean
    assert '<html lang="en"' in english


def test_the_public_address_setting_changes_the_pages(
    client: Client, content: Path, settings: Settings
) -> None:
    assert CANONICAL.findall(client.get("/sources/").content.decode()) == [
        "http://testserver/sources/"
    ]
    settings.CROSSING_SITE_URL = "https://crossing.example.org"
    assert CANONICAL.findall(client.get("/sources/").content.decode()) == [
        "https://crossing.example.org/sources/"
    ]


def test_a_kept_page_is_sent_compressed_to_readers_who_accept_it(
    client: Client, content: Path
) -> None:
    """Compressed once, sent each time as one gzip layer (never twice), and plain to
    readers who do not accept gzip; either way with the security headers."""
    plain = client.get("/on-the-border/the-river/")
    assert "Content-Encoding" not in plain
    for _ in range(2):
        packed = client.get("/on-the-border/the-river/", HTTP_ACCEPT_ENCODING="gzip, br")
        assert packed["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in packed["Vary"]
        assert gzip.decompress(packed.content) == plain.content
        assert packed["Content-Security-Policy"] == plain["Content-Security-Policy"]
        assert packed["X-Content-Type-Options"] == "nosniff"


def test_not_found_is_not_kept(client: Client, content: Path) -> None:
    client.get("/")  # this content's version begins
    held = len(site_pages)
    assert held == 1
    assert client.get("/on-the-border/no-such-chapter/").status_code == 404
    assert client.get("/films/no-such-film/").status_code == 404
    assert len(site_pages) == held


def test_an_address_with_a_query_is_rendered_but_never_kept(client: Client, content: Path) -> None:
    client.get("/")
    held = len(site_pages)
    for n in range(3):
        assert client.get(f"/sources/?n={n}").status_code == 200
    assert len(site_pages) == held


def test_a_page_of_a_version_already_gone_is_not_stored() -> None:
    """A slow render that began before an edit must not come back as the new page."""
    cache = PageCache()
    old = Version(object(), object(), ("", False, False))
    new = Version(object(), old.journey, old.shape)
    page = _Rendered(b"old", ())
    assert cache.get(("/",), old) is None
    assert cache.get(("/",), new) is None  # the edit is seen: old pages dropped
    cache.put(("/",), old, page)
    assert cache.get(("/",), new) is None
    cache.put(("/",), new, _Rendered(b"new", ()))
    assert cache.get(("/",), new) == _Rendered(b"new", ())
    assert cache.get(("/",), Version(new.content, new.journey, ("", True, False))) is None
