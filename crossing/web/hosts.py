"""One spelling for each host name a request comes to.

`LocalHost`, `localhost.` and `localhost:80` name the same site: Django's ALLOWED_HOSTS
accepts them all, and before this each got its own copy of every page in the page cache
and its own spelling in canonical links. `CanonicalHostMiddleware` rewrites the Host
header once, before any other middleware reads it, to `canonical_host()`'s form. Done there rather
than by a helper that the cache and each address builder would call, because much of
what reads the host is Django's own code (the sitemap, the redirect to HTTPS): rewritten
once, everything after it sees one spelling, and code written later cannot forget it.

A port is kept only when it is the port this server listens on (and not the scheme's
default): `crossing serve` answers on 127.0.0.1:8000, and its links must say `:8000`. Any
other port in a Host header did not bring the request here directly; keeping it would let
one client make as many sites (each with its own pages in the cache) as there are ports,
so it is dropped. A proxy that listens on another port than the app server (or a container
that maps one) should be named by CROSSING_SITE_URL, as every production site should be:
generated addresses then use it, and the host a request names is no part of the cache's key.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port

HTTP_PORT, HTTPS_PORT = 80, 443
HIGHEST_PORT = 65535


def canonical_host(host: str, *, secure: bool, server_port: str) -> str:
    """`Example.ORG.:443` over HTTPS is `example.org`; `LOCALHOST:08000` is `localhost:8000`
    on a server listening on port 8000, and `localhost` on any other.

    `host` is a value request.get_host() accepted. Lower case and without a trailing dot (as
    Django compares names with ALLOWED_HOSTS); the port only if it is `server_port` (the
    WSGI server's SERVER_PORT) and not the default (443 when `secure`, else 80), as a plain
    number. A port no server can listen on is refused (Django answers 400)."""
    domain, port = split_domain_port(host)
    if not domain:
        raise DisallowedHost(f"Invalid HTTP_HOST header: {host!r}.")
    if not port:
        return domain
    number = int(port)  # split_domain_port accepts digits only
    if not 1 <= number <= HIGHEST_PORT:
        raise DisallowedHost(f"Invalid port in HTTP_HOST header: {host!r}.")
    default = HTTPS_PORT if secure else HTTP_PORT
    ours = server_port.isdigit() and number == int(server_port)
    return f"{domain}:{number}" if ours and number != default else domain


class CanonicalHostMiddleware:
    """Validates the host (as Django does: a name ALLOWED_HOSTS does not list gets a 400
    answer) and rewrites the header it came in to its canonical form."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        host = canonical_host(
            request.get_host(),
            secure=request.is_secure(),
            server_port=request.META.get("SERVER_PORT", ""),
        )
        # The header get_host() reads: X-Forwarded-Host only where Django is told to trust
        # it (this site does not), else Host (set here even when a client sent none).
        forwarded = settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in request.META
        request.META["HTTP_X_FORWARDED_HOST" if forwarded else "HTTP_HOST"] = host
        return self.get_response(request)
