"""Fetching a Webmention's source page, carefully: anyone can name any address as a source,
so the site must not become a tool to reach inside its own network or to be kept busy.

- only http and https, at most MAX_REDIRECTS redirects, each one checked again;
- no private, loopback, link-local or otherwise non-public address (every address the host
  name resolves to is checked, when connecting) unless CROSSING_WEBMENTION_ALLOW_PRIVATE is
  set;
- a timeout (CROSSING_WEBMENTION_TIMEOUT) and a size limit (CROSSING_WEBMENTION_MAX_KB): the
  body is read in pieces and the fetch stops as soon as it is larger.

A `Refused` is permanent (retrying cannot help); any other exception (the network, a 5xx
answer) is for the outbox to retry later."""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx
from django.conf import settings

MAX_REDIRECTS = 5
REDIRECTS = {301, 302, 303, 307, 308}
ACCEPT = "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.8, */*;q=0.1"


class Refused(Exception):
    """A source that cannot be verified, and never will be as it stands: the message says why."""


class Unavailable(Exception):
    """The source did not answer usably this time (a 5xx, 429): retried later."""


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    status: int
    content_type: str  # lower case, without parameters
    text: str


def check_address(url: str) -> None:
    """Refuse `url` unless it is http(s) on a public address (or private ones are allowed)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise Refused(f"the address {url} is not an http or https address")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise Refused(f"the address {url} has an invalid port") from None
    public_addresses(parts.hostname, port)


def public_addresses(host: str, port: int) -> list[str]:
    """The addresses `host` resolves to, all public (else Refused), unless private ones are
    allowed by CROSSING_WEBMENTION_ALLOW_PRIVATE."""
    try:
        found = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except socket.gaierror as error:
        raise Unavailable(f"the host {host} could not be found ({error})") from None
    addresses = list(dict.fromkeys(str(sockaddr[0]) for *_, sockaddr in found))
    if not settings.CROSSING_WEBMENTION_ALLOW_PRIVATE:
        for address in addresses:
            if not ipaddress.ip_address(address.split("%")[0]).is_global:
                raise Refused(
                    f"the host {host} is on a private or local address, which is not fetched"
                )
    return addresses


class _PublicOnly(httpcore.SyncBackend):
    """Connects only to the addresses it has just checked: a name whose DNS answer changes
    after check_address (DNS rebinding) still cannot lead inside. TLS still verifies the
    certificate against the host name (httpcore takes that from the request)."""

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        failed: Exception | None = None
        for address in public_addresses(host, port):
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as error:
                failed = error
        raise failed or httpcore.ConnectError(f"no address for {host}")


def _transport() -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport(trust_env=False)
    # httpx names no option for the network backend: its pool is built again with ours.
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False),
        network_backend=_PublicOnly(),
    )
    return transport


def fetch(url: str) -> Fetched:
    """GET `url`, following up to MAX_REDIRECTS redirects. A 4xx answer comes back as it is
    (the caller decides what 410 and 404 mean); a 5xx or 429 raises Unavailable."""
    limit = settings.CROSSING_WEBMENTION_MAX_KB * 1024
    headers = {"Accept": ACCEPT, "User-Agent": _user_agent()}
    timeout = httpx.Timeout(settings.CROSSING_WEBMENTION_TIMEOUT)
    # httpx's timeout is per read: a source sending a byte a second would never reach it.
    deadline = time.monotonic() + settings.CROSSING_WEBMENTION_TIMEOUT
    with httpx.Client(
        timeout=timeout,
        follow_redirects=False,
        headers=headers,
        transport=_transport(),
        trust_env=False,
    ) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_address(url)
            with client.stream("GET", url) as response:
                if response.status_code in REDIRECTS and "location" in response.headers:
                    url = urljoin(url, response.headers["location"])
                    continue
                if response.status_code >= 500 or response.status_code == 429:
                    raise Unavailable(f"the source answered {response.status_code}")
                body = bytearray()
                for piece in response.iter_bytes():
                    body += piece
                    if time.monotonic() > deadline:
                        raise Unavailable(
                            f"the source took longer than {settings.CROSSING_WEBMENTION_TIMEOUT} "
                            "s to send its page"
                        )
                    if len(body) > limit:
                        raise Refused(
                            f"the source is larger than {settings.CROSSING_WEBMENTION_MAX_KB} "
                            "KB, the most that is read"
                        )
                kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
                charset = response.charset_encoding or "utf-8"
                try:
                    text = bytes(body).decode(charset, errors="replace")
                except LookupError:  # a charset Python does not know
                    text = bytes(body).decode("utf-8", errors="replace")
                return Fetched(url=url, status=response.status_code, content_type=kind, text=text)
    raise Refused(f"the source redirects more than {MAX_REDIRECTS} times")


def _user_agent() -> str:
    site = settings.CROSSING_SITE_URL
    return f"Crossing Webmention verifier{f' (+{site})' if site else ''}"
