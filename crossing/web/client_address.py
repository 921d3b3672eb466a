"""Which address a request came from, when a reverse proxy stands in between.

Behind a proxy (nginx, docs/deployment.md) every request reaches the site from the proxy's
address; the reader's address is in the `X-Forwarded-For` header, to which each proxy appends
the address it received the request from. A client can send that header too, with anything
in it, so only what trusted proxies appended can be believed: walking the list from the right,
the first address that is not a trusted proxy is the client's. The header is read only when
the request itself comes from a trusted proxy, never from a client directly.

CROSSING_TRUSTED_PROXIES lists the trusted proxies (addresses and networks); nobody by default.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterable
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network
from typing import TYPE_CHECKING

from crossing.web.setup_error import SetupError

if TYPE_CHECKING:  # settings.py imports this module: it must not load Django's HTTP layer
    from django.http import HttpRequest, HttpResponse

Address = IPv4Address | IPv6Address
Network = IPv4Network | IPv6Network

# IPv6 addresses that carry an IPv4 address (::ffff:192.0.2.1): a dual-stack socket shows
# IPv4 clients this way, and they are the same clients as their IPv4 address.
IPV4_MAPPED = IPv6Network("::ffff:0:0/96")
# An IPv6 client is limited by its /64: one home or phone gets a whole /64 and can use any of
# its 2^64 addresses, so one limit per address would be no limit at all.
IPV6_CLIENT_PREFIX = 64


class TrustedProxiesError(SetupError, ValueError):
    """CROSSING_TRUSTED_PROXIES holds something that is not an address or a network."""


def parse_trusted_proxies(text: str) -> tuple[Network, ...]:
    """The networks of `127.0.0.1, 10.0.0.0/8, ::1` (an address is a network of one).

    Raises TrustedProxiesError naming the entry and what to write instead."""
    networks = []
    for entry in (part.strip() for part in text.split(",")):
        if not entry:
            continue
        if entry == "*":
            raise TrustedProxiesError(
                "CROSSING_TRUSTED_PROXIES: '*' would trust every address, so any client could "
                "choose its own address; list your proxies' addresses or networks instead "
                "(e.g. 127.0.0.1 or 10.0.0.0/8)"
            )
        try:
            network = ipaddress.ip_network(entry)  # strict, as gunicorn's forwarded_allow_ips
        except ValueError as error:
            raise TrustedProxiesError(
                f"CROSSING_TRUSTED_PROXIES: {entry!r} is not an IP address or network "
                f"({error}); write addresses or networks separated by commas, "
                "e.g. 127.0.0.1,10.0.0.0/8"
            ) from None
        networks.append(_plain_network(network))
    return tuple(networks)


def parse_address(text: str) -> Address | None:
    """An address as proxies write it, or None for anything else.

    Accepts `192.0.2.1` and `2001:db8::1`, also with a port (`192.0.2.1:4711`,
    `[2001:db8::1]:4711`) as some proxies write them, and surrounding spaces."""
    host = text.strip()
    if host.startswith("["):  # [2001:db8::1] or [2001:db8::1]:4711
        host, closed, rest = host[1:].partition("]")
        if not closed or ":" not in host or not (rest == "" or _is_port(rest)):
            return None
    elif host.count(":") == 1:  # 192.0.2.1:4711
        host, port = host.split(":")
        if not _is_port(":" + port):
            return None
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    return _plain(address)


def client_address(remote_addr: str, forwarded_for: str, trusted: Iterable[Network]) -> str:
    """The client's address: REMOTE_ADDR, unless that is a trusted proxy; then the right-most
    address of `forwarded_for` that is not a trusted proxy.

    A malformed entry ends the walk at the last address known good: no trusted proxy writes
    one, so it and everything left of it came from the client. If every address is a trusted
    proxy, the left-most of them made the request."""
    networks = tuple(trusted)
    peer = parse_address(remote_addr)
    if peer is None or not _is_trusted(peer, networks):
        return remote_addr
    client = peer
    for entry in reversed(forwarded_for.split(",")):
        hop = parse_address(entry)
        if hop is None:
            break
        client = hop
        if not _is_trusted(hop, networks):
            break
    return str(client)


def request_client_address(request: HttpRequest) -> str:
    """The client's address of a request, through the proxies of CROSSING_TRUSTED_PROXIES."""
    from django.conf import settings

    return client_address(
        request.META.get("REMOTE_ADDR", ""),
        request.META.get("HTTP_X_FORWARDED_FOR", ""),
        settings.CROSSING_TRUSTED_PROXIES,
    )


def is_from_trusted_proxy(request: HttpRequest) -> bool:
    from django.conf import settings

    peer = parse_address(request.META.get("REMOTE_ADDR", ""))
    return peer is not None and _is_trusted(peer, settings.CROSSING_TRUSTED_PROXIES)


class ForwardedHeadersFromProxiesOnly:
    """Middleware: drop `X-Forwarded-Proto` unless a trusted proxy sent the request.

    Django's SECURE_PROXY_SSL_HEADER believes that header from anyone, so a client reaching
    gunicorn directly could claim HTTPS: no redirect to it, and secure cookies sent over plain
    HTTP. Placed before SecurityMiddleware, which reads it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_from_trusted_proxy(request):
            request.META.pop("HTTP_X_FORWARDED_PROTO", None)
        return self.get_response(request)


def rate_limit_key(address: str) -> str:
    """What one client is counted as: an IPv4 address, or an IPv6 address's /64 network.
    Text that is no address (an empty REMOTE_ADDR on a Unix socket) is its own key."""
    parsed = parse_address(address)
    if parsed is None:
        return address
    if parsed.version == 4:
        return str(parsed)
    host_bits = 128 - IPV6_CLIENT_PREFIX
    return str(IPv6Network((int(parsed) >> host_bits << host_bits, IPV6_CLIENT_PREFIX)))


def _is_trusted(address: Address, networks: tuple[Network, ...]) -> bool:
    return any(address in network for network in networks)


def _is_port(suffix: str) -> bool:
    """`:4711`: a colon and one to five ASCII digits."""
    digits = suffix[1:]
    return suffix[:1] == ":" and 0 < len(digits) <= 5 and digits.isascii() and digits.isdigit()


def _plain(address: Address) -> Address:
    """IPv4-mapped IPv6 as IPv4, and IPv6 without a zone (fe80::1%eth0 is fe80::1)."""
    if isinstance(address, IPv6Address):
        if address.ipv4_mapped is not None:
            return address.ipv4_mapped
        if address.scope_id is not None:
            return IPv6Address(int(address))
    return address


def _plain_network(network: Network) -> Network:
    """A network of IPv4-mapped IPv6 addresses as the IPv4 network it maps."""
    if isinstance(network, IPv6Network) and network.subnet_of(IPV4_MAPPED):
        prefix = network.prefixlen - IPV4_MAPPED.prefixlen
        return IPv4Network((int(network.network_address) & 0xFFFFFFFF, prefix))
    return network
