"""Pages rendered once per version of the content (crossing.web.page_cache): the same page
for every reader until an edit, then the new one; never a page meant for another host or
language; the middleware still applies to each answer. One page for every spelling of a
host, and for every host when the public address is set; within a memory budget; the
same page for an address with only tracking parameters (issue 14, fault 3)."""

from __future__ import annotations

import gc
import gzip
import os
import re
import subprocess
import sys
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import brotli
import pytest
from django.http import HttpResponse
from django.test import Client
from pytest_django.fixtures import Settings

from crossing.web.environment import SettingError, megabytes
from crossing.web.page_cache import PageCache, Version, _Rendered, pages

from .conftest import ROOT, save

CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')
MB = 1024 * 1024


@pytest.fixture(autouse=True)
def no_kept_pages() -> Iterator[None]:
    """Each test counts the pages it makes the site keep."""
    pages.clear()
    yield
    pages.clear()


def rendered(response: HttpResponse) -> bool:
    """Whether the view rendered its templates for this answer (a kept page renders none)."""
    return bool(response.templates)  # type: ignore[attr-defined]  # set by the test client


def test_a_page_is_rendered_once_and_served_again_the_same(client: Client, content: Path) -> None:
    first = client.get("/sources/")
    assert rendered(first)
    assert len(pages) == 1
    again = client.get("/sources/")
    assert first.status_code == again.status_code == 200
    assert not rendered(again)
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert len(pages) == 1  # the same page, not a second copy


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
    assert len(pages) == 1  # the old version's page went when the new one was asked for


def test_each_host_gets_its_own_canonical_address(
    client: Client, content: Path, settings: Settings
) -> None:
    settings.ALLOWED_HOSTS = ["a.example", "b.example"]
    one = client.get("/films/the-defector/", HTTP_HOST="a.example").content.decode()
    two = client.get("/films/the-defector/", HTTP_HOST="b.example").content.decode()
    assert CANONICAL.findall(one) == ["http://a.example/films/the-defector/"]
    assert CANONICAL.findall(two) == ["http://b.example/films/the-defector/"]


def test_each_language_gets_its_own_page(client: Client, content: Path) -> None:
    korean = client.get("/", HTTP_ACCEPT_LANGUAGE="ko", follow=True).content.decode()
    english = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="ko"' in korean
    assert '<html lang="en"' in english
    # Each address kept once per language: the English page again is still English.
    assert client.get("/on-the-border/").content.decode().count('<html lang="en"') == 1
    assert "<h1>국경에서</h1>" in client.get("/ko/on-the-border/").content.decode()
    assert "<h1>On the border</h1>" in client.get("/on-the-border/").content.decode()


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
    """Compressed once, sent each time as one layer (never twice) of what the reader
    prefers (brotli, else gzip), and plain to readers who accept neither; either way with
    the security headers."""
    plain = client.get("/on-the-border/the-river/")
    assert "Content-Encoding" not in plain
    codings = {"br": brotli.decompress, "gzip": gzip.decompress}
    for accept, coding in [("gzip, br", "br"), ("gzip", "gzip"), ("br;q=0.5, gzip", "gzip")]:
        for _ in range(2):
            packed = client.get("/on-the-border/the-river/", HTTP_ACCEPT_ENCODING=accept)
            assert packed["Content-Encoding"] == coding
            assert "Accept-Encoding" in packed["Vary"]
            assert codings[coding](packed.content) == plain.content
            assert packed["Content-Security-Policy"] == plain["Content-Security-Policy"]
            assert packed["X-Content-Type-Options"] == "nosniff"
    # (Not "gzip;q=0": Django's GZipMiddleware, after us, reads that as accepting gzip.)
    refused = client.get("/on-the-border/the-river/", HTTP_ACCEPT_ENCODING="identity, br;q=0")
    assert "Content-Encoding" not in refused
    assert refused.content == plain.content


def test_not_found_is_not_kept(client: Client, content: Path) -> None:
    client.get("/")  # this content's version begins
    assert len(pages) == 1
    assert client.get("/on-the-border/no-such-chapter/").status_code == 404
    assert client.get("/films/no-such-film/").status_code == 404
    assert len(pages) == 1


def test_an_address_with_a_query_is_rendered_but_never_kept(client: Client, content: Path) -> None:
    """A parameter a view may read, even beside tracking ones: the view renders the page."""
    client.get("/sources/")
    assert len(pages) == 1
    for query in ("n=1", "n=2", "utm_source=x&page=2", "UTM_SOURCE=x&fbclid=y&q"):
        response = client.get(f"/sources/?{query}")
        assert response.status_code == 200
        assert rendered(response), query
    assert len(pages) == 1


def test_a_page_of_a_version_already_gone_is_not_stored() -> None:
    """A slow render that began before an edit must not come back as the new page."""
    cache = PageCache(budget=MB)
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


# -- host variants, tracking parameters, the budget (issue 14, fault 3) -----------------


def test_every_spelling_of_a_host_is_served_one_kept_page(
    client: Client, content: Path, settings: Settings
) -> None:
    """Case, a trailing dot, the default port, a port the server does not listen on."""
    settings.ALLOWED_HOSTS = ["a.example"]
    first = client.get("/sources/", HTTP_HOST="a.example")
    assert rendered(first)
    spellings = ("A.EXAMPLE", "a.example.", "a.example:80", "A.Example.:0080", "a.example:8701")
    for host in spellings:
        again = client.get("/sources/", HTTP_HOST=host)
        assert not rendered(again), host
        assert again.content == first.content, host
    assert len(pages) == 1


def test_with_a_public_address_every_host_is_served_one_kept_page(
    client: Client, content: Path, settings: Settings
) -> None:
    """The pages name CROSSING_SITE_URL, so the host a request names changes nothing."""
    settings.ALLOWED_HOSTS = ["a.example", "b.example", "localhost"]
    settings.CROSSING_SITE_URL = "https://crossing.example.org"
    first = client.get("/sources/", HTTP_HOST="a.example")
    assert CANONICAL.findall(first.content.decode()) == ["https://crossing.example.org/sources/"]
    for host in ("b.example", "localhost:8701", "a.example:443"):
        again = client.get("/sources/", HTTP_HOST=host, secure=host.endswith("443"))
        assert not rendered(again), host
        assert again.content == first.content, host
    assert len(pages) == 1


def test_tracking_parameters_are_served_the_kept_page(client: Client, content: Path) -> None:
    """`?utm_source=…` and the like are read by no view: the same bytes, from memory,
    plain and gzipped, with the security headers."""
    plain = client.get("/sources/")
    packed = client.get("/sources/", HTTP_ACCEPT_ENCODING="gzip")
    assert rendered(plain)
    for query in (
        "utm_source=newsletter",
        "utm_source=x&utm_medium=email&utm_campaign=launch&utm_content=a&utm_term=b",
        "fbclid=IwAR0abc",
        "gclid=abc&utm_id=7",
        "UTM_Source=x",
        "mc_cid=1&mc_eid=2&msclkid=3&_ga=4&_gl=5",
    ):
        tracked = client.get(f"/sources/?{query}")
        assert not rendered(tracked), query
        assert tracked.content == plain.content, query
        assert tracked["Content-Security-Policy"] == plain["Content-Security-Policy"]
        tracked_packed = client.get(f"/sources/?{query}", HTTP_ACCEPT_ENCODING="gzip")
        assert tracked_packed["Content-Encoding"] == "gzip"
        assert tracked_packed.content == packed.content, query
    assert len(pages) == 1


def test_the_kept_pages_stay_within_their_budget(
    client: Client, content: Path, settings: Settings
) -> None:
    """Forty sites (ALLOWED_HOSTS names every subdomain) of a 200 KB page: what this
    process holds afterwards grows by about the budget, not by forty pages; the page
    served last is kept, the first has gone."""
    settings.ALLOWED_HOSTS = [".a.example"]
    settings.CROSSING_PAGE_CACHE_MB = 1
    page = "/journey/gamebook/railroad/"
    client.get(page, HTTP_HOST="a.example")  # templates compiled, the journey published
    hosts = [f"site{n}.a.example" for n in range(40)]
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for host in hosts:
            assert client.get(page, HTTP_HOST=host).status_code == 200
            assert pages.bytes <= MB
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert grown < 1.5 * MB, f"grew by {grown:,} bytes"
    assert 1 < len(pages) < len(hosts)
    assert not rendered(client.get(page, HTTP_HOST=hosts[-1]))
    assert rendered(client.get(page, HTTP_HOST=hosts[0]))


def test_the_least_recently_served_page_goes_first() -> None:
    version = Version(object(), object(), ())
    page = _Rendered(b"x" * 50, ())  # 50 bytes, counted twice: room for a compressed copy
    cache = PageCache(budget=300)
    for key in ("a", "b", "c"):
        cache.put((key,), version, page)
    assert cache.get(("a",), version) == page  # now the most recently served
    cache.put(("d",), version, page)
    assert cache.get(("b",), version) is None  # the least recently served went
    assert [cache.get((key,), version) for key in ("a", "c", "d")] == [page] * 3
    assert cache.bytes == 300
    cache.put(("e",), version, _Rendered(b"x" * 151, ()))  # larger than the whole budget
    assert cache.get(("e",), version) is None
    assert len(cache) == 3


def test_a_budget_of_nothing_keeps_nothing(
    client: Client, content: Path, settings: Settings
) -> None:
    settings.CROSSING_PAGE_CACHE_MB = 0
    first = client.get("/sources/")
    again = client.get("/sources/")
    assert rendered(first) and rendered(again)
    assert again.content == first.content
    assert len(pages) == 0


def test_the_budget_is_a_whole_number_of_megabytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CROSSING_PAGE_CACHE_MB", raising=False)
    assert megabytes("CROSSING_PAGE_CACHE_MB", 16) == 16
    monkeypatch.setenv("CROSSING_PAGE_CACHE_MB", " 64 ")
    assert megabytes("CROSSING_PAGE_CACHE_MB", 16) == 64
    for wrong in ("-1", "1.5", "16MB", "lots", "²"):
        monkeypatch.setenv("CROSSING_PAGE_CACHE_MB", wrong)
        with pytest.raises(SettingError, match=f"CROSSING_PAGE_CACHE_MB={wrong!r}"):
            megabytes("CROSSING_PAGE_CACHE_MB", 16)


def test_a_wrong_budget_stops_the_site_with_what_to_do(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CROSSING_", "DJANGO_"))}
    env |= {"CROSSING_DATA_DIR": str(tmp_path), "CROSSING_PAGE_CACHE_MB": "lots"}
    crossing = Path(sys.executable).parent / "crossing"
    result = subprocess.run(
        [crossing, "serve", "--port", "8799"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,  # it stops at once; a start that goes on is the failure
    )
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "crossing: error: CROSSING_PAGE_CACHE_MB='lots' is not a number of megabytes: give "
        "a whole number, 0 or more (for example CROSSING_PAGE_CACHE_MB=16), or unset it for 16"
    )


def test_a_page_is_compressed_only_once_a_reader_asks_for_it(client: Client) -> None:
    """The static export asks for plain pages: it should not pay for gzip it never writes."""
    plain = client.get("/sources/")
    assert rendered(plain) and "Content-Encoding" not in plain
    (kept,) = (k.page for key, k in pages._pages.items() if key[0] == "/sources/")
    assert kept._encoded == {}
    packed = client.get("/sources/", HTTP_ACCEPT_ENCODING="gzip")
    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    assert set(kept._encoded) == {"gzip"}  # and not brotli, which nobody asked for
