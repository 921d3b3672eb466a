"""One spelling per host (crossing.web.hosts): every variant Django's ALLOWED_HOSTS accepts
(case, a trailing dot, the default port, a port the server does not listen on, leading
zeros) becomes the same host, for the page cache and for every address the site writes
(issue 14, fault 3)."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import DisallowedHost
from django.http.request import split_domain_port, validate_host
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st
from pytest_django.fixtures import Settings

from crossing.web.hosts import canonical_host

FILM = "/films/the-defector/"
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')
OG_URL = re.compile(r'<meta property="og:url" content="([^"]+)">')
JSON_LD_URL = re.compile(r'"url": "([^"]+)"')

names = st.sampled_from(["localhost", "crossing.example.org", "a-b.example", "127.0.0.1"])


@st.composite
def spellings(draw: st.DrawFn, name: str) -> str:
    """`name` as a client may send it: any case, maybe a trailing dot."""
    cased = "".join(draw(st.sampled_from([c.lower(), c.upper()])) for c in name)
    return cased + draw(st.sampled_from(["", "."]))


@given(data=st.data(), name=names, secure=st.booleans(), server=st.integers(1, 65535))
def test_every_spelling_of_a_host_without_a_port_is_its_name(
    data: st.DataObject, name: str, secure: bool, server: int
) -> None:
    default = "443" if secure else "80"
    port = data.draw(st.sampled_from(["", f":{default}", f":0{default}"]))
    host = data.draw(spellings(name)) + port
    assert canonical_host(host, secure=secure, server_port=str(server)) == name


@given(
    data=st.data(),
    name=names,
    port=st.integers(1, 65535),
    server=st.integers(1, 65535),
    secure=st.booleans(),
)
def test_a_port_is_kept_only_when_the_server_listens_on_it(
    data: st.DataObject, name: str, port: int, server: int, secure: bool
) -> None:
    """The server's own port (not the default) is kept, as a plain number; any other goes."""
    server = data.draw(st.sampled_from([server, port]))  # often the port sent
    host = data.draw(spellings(name)) + ":" + "0" * data.draw(st.integers(0, 2)) + str(port)
    kept = port == server and port != (443 if secure else 80)
    canonical = canonical_host(host, secure=secure, server_port=str(server))
    assert canonical == (f"{name}:{port}" if kept else name)
    assert canonical_host(canonical, secure=secure, server_port=str(server)) == canonical
    assert validate_host(split_domain_port(canonical)[0], [name])  # Django still accepts it


def test_without_a_server_port_no_port_is_kept() -> None:
    assert canonical_host("localhost:8000", secure=False, server_port="") == "localhost"


def test_an_ipv6_address_keeps_its_brackets() -> None:
    assert canonical_host("[::1]:80", secure=False, server_port="8000") == "[::1]"
    assert canonical_host("[::1]:8000", secure=True, server_port="8000") == "[::1]:8000"


@pytest.mark.parametrize("host", ["localhost:0", "localhost:65536", "localhost:99999999999"])
def test_a_port_no_server_can_listen_on_is_refused(host: str) -> None:
    with pytest.raises(DisallowedHost, match="port"):
        canonical_host(host, secure=False, server_port="8000")


# -- through the site ------------------------------------------------------------------


@pytest.fixture
def hosts(settings: Settings) -> None:
    settings.ALLOWED_HOSTS = ["a.example"]


@pytest.mark.parametrize(
    ("host", "secure", "server_port", "site"),
    [
        ("A.Example.", False, "80", "http://a.example"),
        ("a.example:80", False, "80", "http://a.example"),
        ("A.EXAMPLE.:0080", False, "8000", "http://a.example"),
        ("a.example:443", True, "443", "https://a.example"),
        ("a.Example.:08000", False, "8000", "http://a.example:8000"),  # the server's port
        ("a.example:8701", False, "8000", "http://a.example"),  # not the server's
        ("a.example:80", True, "80", "https://a.example:80"),  # not HTTPS's default
    ],
)
def test_a_page_names_its_address_in_one_spelling(
    client: Client, hosts: None, host: str, secure: bool, server_port: str, site: str
) -> None:
    response = client.get(FILM, HTTP_HOST=host, SERVER_PORT=server_port, secure=secure)
    html = response.content.decode()
    assert CANONICAL.findall(html) == [site + FILM]
    assert OG_URL.findall(html) == [site + FILM]
    assert JSON_LD_URL.findall(html) == [site + FILM]


def test_the_sitemap_names_addresses_in_one_spelling(client: Client, hosts: None) -> None:
    xml = client.get("/sitemap.xml", HTTP_HOST="A.Example.:80").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", xml)
    assert "http://a.example/sources/" in locations
    assert all(location.startswith("http://a.example/") for location in locations)


def test_the_sitemap_names_the_public_address_when_one_is_set(
    client: Client, hosts: None, settings: Settings
) -> None:
    settings.CROSSING_SITE_URL = "https://crossing.example.org/site/"
    xml = client.get("/sitemap.xml", HTTP_HOST="a.example").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", xml)
    assert "https://crossing.example.org/site/sources/" in locations
    assert all(location.startswith("https://crossing.example.org/site/") for location in locations)


def test_the_redirect_to_https_names_the_host_in_one_spelling(
    client: Client, hosts: None, settings: Settings
) -> None:
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/sources/?x=1", HTTP_HOST="A.Example.:80")
    assert response.status_code == 301
    assert response["Location"] == "https://a.example/sources/?x=1"


@pytest.mark.parametrize("host", ["a.example:99999", "b.example", "a.example..", "a.example:x"])
def test_a_host_the_site_does_not_answer_to_gets_400(
    client: Client, hosts: None, host: str
) -> None:
    assert client.get("/sources/", HTTP_HOST=host).status_code == 400
