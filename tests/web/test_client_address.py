"""The client's address behind trusted proxies (crossing/web/client_address.py), and the rate
limit of ending reports keyed by it: an IPv4 address or an IPv6 /64."""

from __future__ import annotations

import ipaddress
import json
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from hypothesis import example, given
from hypothesis import strategies as st
from pytest_django.fixtures import Settings

from crossing.web.client_address import (
    Network,
    TrustedProxiesError,
    client_address,
    parse_address,
    parse_trusted_proxies,
    rate_limit_key,
)
from crossing.web.journey import endings
from crossing.web.journey.publish import journey
from crossing.web.rate_limit import HitCounter
from crossing.web.serve import forwarded_allow_ips

ROOT = Path(__file__).resolve().parents[2]
CROSSING = str(Path(sys.executable).parent / "crossing")
PROXIES = parse_trusted_proxies("127.0.0.1, 10.0.0.0/8, 2001:db8:ffff::/48")


def walk(remote: str, header: str) -> str:
    return client_address(remote, header, PROXIES)


# --- The address parser -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("remote", "header", "client"),
    [
        # Not from a trusted proxy: the header is the client's own text, never read.
        ("203.0.113.9", "198.51.100.1", "203.0.113.9"),
        ("203.0.113.9", "", "203.0.113.9"),
        # From the proxy: the address the proxy appended.
        ("127.0.0.1", "198.51.100.1", "198.51.100.1"),
        ("127.0.0.1", " 198.51.100.1 ", "198.51.100.1"),
        # Whatever the client wrote before it is ignored.
        ("127.0.0.1", "1.1.1.1, 2.2.2.2, 198.51.100.1", "198.51.100.1"),
        ("127.0.0.1", "127.0.0.1, 198.51.100.1", "198.51.100.1"),
        ("127.0.0.1", "not an address, 198.51.100.1", "198.51.100.1"),
        # Through two trusted proxies (a load balancer, then nginx).
        ("127.0.0.1", "1.1.1.1, 198.51.100.1, 10.1.2.3", "198.51.100.1"),
        ("127.0.0.1", "198.51.100.1,10.1.2.3,10.9.9.9", "198.51.100.1"),
        # From the proxy, with no header: the proxy itself asked.
        ("127.0.0.1", "", "127.0.0.1"),
        # A malformed entry stops the walk at the last hop known good.
        ("127.0.0.1", "198.51.100.1, garbage, 10.1.2.3", "10.1.2.3"),
        ("127.0.0.1", "198.51.100.1, , 10.1.2.3", "10.1.2.3"),
        ("127.0.0.1", "unknown", "127.0.0.1"),
        # Every hop a trusted proxy: the left-most made the request.
        ("127.0.0.1", "10.0.0.7, 10.0.0.8", "10.0.0.7"),
        # Ports and brackets, as some proxies write them.
        ("127.0.0.1", "198.51.100.1:4711", "198.51.100.1"),
        ("127.0.0.1", "[2001:db8::1]:4711", "2001:db8::1"),
        ("127.0.0.1", "[2001:db8::1]", "2001:db8::1"),
        ("127.0.0.1", "2001:db8::1", "2001:db8::1"),
        ("127.0.0.1", "198.51.100.1:port", "127.0.0.1"),
        ("127.0.0.1", "[198.51.100.1]", "127.0.0.1"),
        # IPv4-mapped IPv6 is IPv4, as a peer and in the header.
        ("::ffff:127.0.0.1", "198.51.100.1", "198.51.100.1"),
        ("127.0.0.1", "::ffff:198.51.100.1", "198.51.100.1"),
        ("::ffff:203.0.113.9", "198.51.100.1", "::ffff:203.0.113.9"),
        # An IPv6 proxy network.
        ("2001:db8:ffff:1::5", "2001:db8:1::1", "2001:db8:1::1"),
        # No address at all (a Unix socket): nothing to trust.
        ("", "198.51.100.1", ""),
    ],
)
def test_the_client_is_the_right_most_address_no_trusted_proxy_wrote(
    remote: str, header: str, client: str
) -> None:
    assert walk(remote, header) == client


def test_nobody_is_trusted_by_default() -> None:
    assert parse_trusted_proxies("") == ()
    assert client_address("127.0.0.1", "198.51.100.1", parse_trusted_proxies("")) == "127.0.0.1"


def test_trusted_proxies_are_addresses_and_networks() -> None:
    assert parse_trusted_proxies(" 127.0.0.1 ,10.0.0.0/8,,::1, ::ffff:192.0.2.0/120") == (
        ipaddress.ip_network("127.0.0.1/32"),
        ipaddress.ip_network("10.0.0.0/8"),
        ipaddress.ip_network("::1/128"),
        ipaddress.ip_network("192.0.2.0/24"),  # IPv4-mapped: the IPv4 network
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("127.0.0.1, proxy.example.org", "'proxy.example.org' is not an IP address or network"),
        ("10.0.0.1/8", "'10.0.0.1/8' is not an IP address or network (10.0.0.1/8 has host bits"),
        ("*", "'*' would trust every address"),
    ],
)
def test_a_wrong_trusted_proxy_is_named(text: str, message: str) -> None:
    with pytest.raises(TrustedProxiesError) as error:
        parse_trusted_proxies(text)
    assert str(error.value).startswith("CROSSING_TRUSTED_PROXIES: ")
    assert message in str(error.value)


@pytest.mark.parametrize(
    ("address", "key"),
    [
        ("198.51.100.1", "198.51.100.1"),
        ("::ffff:198.51.100.1", "198.51.100.1"),
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
        ("2001:db8:1:2::ffff", "2001:db8:1:2::/64"),
        ("2001:db8:1:3::1", "2001:db8:1:3::/64"),
        ("fe80::1%eth0", "fe80::/64"),
        ("", ""),
    ],
)
def test_ipv4_clients_are_counted_by_address_and_ipv6_clients_by_their_64(
    address: str, key: str
) -> None:
    assert rate_limit_key(address) == key


# --- Properties -----------------------------------------------------------------------------

ipv4 = st.ip_addresses(v=4).map(str)
ipv6 = st.ip_addresses(v=6).map(str)
addresses = st.one_of(ipv4, ipv6, ipv4.map(lambda a: f"::ffff:{a}"))
junk = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["", " ", "unknown", "_hidden", "[::1", "1.2.3.4:", "1.2.3.4:99999", "::1]"]),
)
entries = st.one_of(addresses, junk, addresses.map(lambda a: f" {a} "))
networks = st.one_of(
    st.ip_addresses().map(lambda a: ipaddress.ip_network(a)),
    st.builds(
        lambda a, bits: ipaddress.ip_network((a, bits), strict=False),
        st.ip_addresses(v=4),
        st.integers(0, 32),
    ),
    st.builds(
        lambda a, bits: ipaddress.ip_network((a, bits), strict=False),
        st.ip_addresses(v=6),
        st.integers(0, 128),
    ),
)
trusted_lists = st.lists(networks, max_size=4).map(
    lambda found: parse_trusted_proxies(",".join(map(str, found)))
)


def is_trusted(text: str, trusted: tuple[Network, ...]) -> bool:
    address = parse_address(text)
    return address is not None and any(address in network for network in trusted)


@given(remote=st.one_of(addresses, junk), header=st.text(), trusted=trusted_lists)
@example(remote="127.0.0.1", header="\x85198.51.100.1", trusted=PROXIES)
def test_any_header_gives_remote_addr_or_one_of_its_entries(
    remote: str, header: str, trusted: tuple[Network, ...]
) -> None:
    client = client_address(remote, header, trusted)  # never raises
    parsed_entries = {parse_address(entry) for entry in header.split(",")} - {None}
    assert client == remote or parse_address(client) in {parse_address(remote), *parsed_entries}
    if not is_trusted(remote, trusted):
        assert client == remote


def inside(network: Network) -> st.SearchStrategy[str]:
    """Any address of a network."""
    return st.integers(0, network.num_addresses - 1).map(lambda n: str(network[n]))


@given(trusted=trusted_lists, data=st.data())
def test_never_a_trusted_proxy_when_an_untrusted_address_can_be_reached(
    trusted: tuple[Network, ...], data: st.DataObject
) -> None:
    """From the right, up to the first malformed entry: if any of these is not a trusted
    proxy, the result is the right-most of those."""
    proxy = st.sampled_from(trusted).flatmap(inside) if trusted else addresses
    remote = data.draw(st.one_of(proxy, addresses), label="remote")
    chain = data.draw(st.lists(st.one_of(proxy, proxy, addresses, junk), max_size=6))
    client = client_address(remote, ",".join(chain), trusted)
    reachable = [remote]
    for entry in reversed(chain):
        if parse_address(entry) is None:
            break
        reachable.append(entry)
    untrusted = [entry for entry in reachable if not is_trusted(entry, trusted)]
    if untrusted:
        assert parse_address(client) == parse_address(untrusted[0])
        assert not is_trusted(client, trusted)
    else:  # every reachable hop is a trusted proxy: the left-most of them
        assert parse_address(client) == parse_address(reachable[-1])


@given(
    forged=st.lists(entries, max_size=5),
    real_client=addresses,
    proxies=st.lists(st.sampled_from(["10.0.0.7", "10.200.0.1", "2001:db8:ffff::9"]), max_size=3),
)
@example(forged=["198.51.100.77"], real_client="198.51.100.1", proxies=[])
@example(forged=["10.0.0.1"], real_client="198.51.100.1", proxies=["10.0.0.7"])
def test_what_a_client_writes_in_the_header_gains_it_nothing(
    forged: list[str], real_client: str, proxies: list[str]
) -> None:
    """The client sends any header; each trusted proxy appends the address it saw, the last
    one connects to the site: the client is found, whatever it wrote."""
    if is_trusted(real_client, PROXIES):
        return
    header = ",".join([*forged, real_client, *proxies])
    assert parse_address(walk("127.0.0.1", header)) == parse_address(real_client)


# --- Through the ending API -----------------------------------------------------------------

URL = "/journey/endings/"


@pytest.fixture
def api(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Client:
    """The ending API behind a proxy at 127.0.0.1, allowing 2 reports a minute, with a rate
    counter of its own (the cache may be a shared Redis: each test's keys are fresh)."""
    settings.CROSSING_TRUSTED_PROXIES = parse_trusted_proxies("127.0.0.1")
    settings.CROSSING_ENDING_RATE = 2
    settings.SECRET_KEY = secrets.token_urlsafe(50)  # salts the keys: none seen before
    monkeypatch.setattr(endings, "report_counter", HitCounter())
    return Client()


def report(client: Client, **meta: str) -> int:
    story = journey().story
    body = {"story": story.id, "version": story.version, "ending": sorted(journey().endings)[0]}
    answer: Any = client.post(URL, json.dumps(body), content_type="application/json", **meta)
    return int(answer.status_code)


def via_proxy(client: Client, address: str, forged: str = "") -> int:
    header = f"{forged}, {address}" if forged else address
    return report(client, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=header)


@pytest.mark.django_db
def test_two_readers_behind_the_proxy_are_limited_separately(api: Client) -> None:
    assert [via_proxy(api, "198.51.100.1") for _ in range(3)] == [200, 200, 429]
    assert [via_proxy(api, "198.51.100.2") for _ in range(3)] == [200, 200, 429]


@pytest.mark.django_db
def test_a_forged_header_gains_a_reader_nothing(api: Client) -> None:
    assert [via_proxy(api, "198.51.100.1") for _ in range(2)] == [200, 200]
    assert via_proxy(api, "198.51.100.1", forged="198.51.100.99") == 429
    assert via_proxy(api, "198.51.100.1", forged="garbage, 127.0.0.1") == 429
    # Sent straight to the site, not through the proxy: the header is not read at all.
    direct = {"REMOTE_ADDR": "203.0.113.5"}
    statuses = [report(api, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}", **direct) for n in (7, 8, 9)]
    assert statuses == [200, 200, 429]


@pytest.mark.django_db
def test_ipv6_readers_are_limited_by_their_64(api: Client) -> None:
    same_64 = ["2001:db8:1:2::1", "2001:db8:1:2::2", "2001:db8:1:2:ffff::3"]
    assert [via_proxy(api, address) for address in same_64] == [200, 200, 429]
    assert via_proxy(api, "2001:db8:1:3::1") == 200
    # An IPv4 reader seen through a dual-stack socket is the same reader.
    assert [via_proxy(api, "198.51.100.5"), via_proxy(api, "::ffff:198.51.100.5")] == [200, 200]
    assert via_proxy(api, "198.51.100.5") == 429


@pytest.mark.django_db
def test_without_trusted_proxies_the_proxy_s_header_is_not_read(
    api: Client, settings: Settings
) -> None:
    settings.CROSSING_TRUSTED_PROXIES = ()
    assert [via_proxy(api, f"198.51.100.{n}") for n in (1, 2, 3)] == [200, 200, 429]


# --- The setting ----------------------------------------------------------------------------


def test_gunicorn_believes_the_same_proxies(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)
    settings.CROSSING_TRUSTED_PROXIES = ()
    assert forwarded_allow_ips() == ""  # gunicorn's default would be 127.0.0.1,::1
    settings.CROSSING_TRUSTED_PROXIES = parse_trusted_proxies("127.0.0.1,10.0.0.0/8,::1")
    assert forwarded_allow_ips() == "127.0.0.1/32,10.0.0.0/8,::1/128"
    assert capsys.readouterr().err == ""
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "*")
    assert forwarded_allow_ips() == "127.0.0.1/32,10.0.0.0/8,::1/128"
    assert "FORWARDED_ALLOW_IPS is ignored: set CROSSING_TRUSTED_PROXIES" in capsys.readouterr().err


def test_serve_refuses_a_wrong_trusted_proxy_with_a_clear_message(tmp_path: Path) -> None:
    env = {
        "PATH": "/usr/bin:/bin",
        "CROSSING_DATA_DIR": str(tmp_path),
        "CROSSING_TRUSTED_PROXIES": "127.0.0.1,nginx",
    }
    done = subprocess.run(
        [CROSSING, "serve", "--port", "1"], env=env, capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "crossing: error: CROSSING_TRUSTED_PROXIES: 'nginx' is not an IP address or network "
        "('nginx' does not appear to be an IPv4 or IPv6 network); write addresses or networks "
        "separated by commas, e.g. 127.0.0.1,10.0.0.0/8"
    )


PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")


@pytest.mark.django_db
def test_only_a_trusted_proxy_can_say_the_request_came_over_https(settings: Settings) -> None:
    settings.SECURE_PROXY_SSL_HEADER = PROXY_SSL_HEADER
    settings.SECURE_SSL_REDIRECT = True
    settings.CROSSING_TRUSTED_PROXIES = parse_trusted_proxies("127.0.0.1")
    client = Client()
    claimed = {"HTTP_X_FORWARDED_PROTO": "https"}
    from_proxy = client.get("/sources/", REMOTE_ADDR="127.0.0.1", **claimed)
    assert from_proxy.status_code == 200  # believed: no redirect to HTTPS
    direct = client.get("/sources/", REMOTE_ADDR="198.51.100.7", **claimed)
    assert direct.status_code == 301  # not believed: sent to HTTPS like any plain request
    assert direct["Location"].startswith("https://")
