"""Which addresses the verifier may fetch: public http(s) only, whatever a name resolves to."""

from __future__ import annotations

import pytest
from pytest_django.fixtures import Settings

from crossing.web.comments.webmention_fetch import Refused, _PublicOnly, check_address, fetch

from .conftest import Sources


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost:8000/",
        "http://10.1.2.3/",
        "http://192.168.0.1/",
        "http://169.254.169.254/latest/meta-data/",  # cloud metadata
        "http://0.0.0.0/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[fe80::1]/",
        "http://[fd00::1]/",
        "http://100.64.0.1/",  # carrier-grade NAT
    ],
)
def test_private_and_local_addresses_are_refused(url: str, settings: Settings) -> None:
    settings.CROSSING_WEBMENTION_ALLOW_PRIVATE = False
    with pytest.raises(Refused, match="private or local address"):
        check_address(url)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "gopher://example.org/", "http:///x"])
def test_other_schemes_and_no_host_are_refused(url: str) -> None:
    with pytest.raises(Refused, match="not an http or https address"):
        check_address(url)


def test_a_public_address_may_be_fetched(settings: Settings) -> None:
    settings.CROSSING_WEBMENTION_ALLOW_PRIVATE = False
    check_address("https://93.184.215.14/post")  # a literal: no name to resolve
    check_address("http://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/")


def test_the_connection_itself_goes_only_to_addresses_just_checked(
    sources: Sources, settings: Settings
) -> None:
    # What stops DNS rebinding: the check is made again by the connection, on the very
    # addresses it connects to, whatever a check before it found.
    host, port = sources.server.server_address[:2]
    settings.CROSSING_WEBMENTION_ALLOW_PRIVATE = False
    with pytest.raises(Refused, match="private or local address"):
        _PublicOnly().connect_tcp("localhost", int(port), timeout=2)
    settings.CROSSING_WEBMENTION_ALLOW_PRIVATE = True
    stream = _PublicOnly().connect_tcp(str(host), int(port), timeout=2)
    stream.close()


def test_a_fetch_reads_a_page_through_that_connection(sources: Sources) -> None:
    url = sources.html("/page", "<p>hello</p>")
    fetched = fetch(url)
    assert (fetched.status, fetched.content_type, fetched.text) == (
        200,
        "text/html",
        "<p>hello</p>",
    )
