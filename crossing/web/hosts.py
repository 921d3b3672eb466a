"""One spelling for each host name a request comes to.

`LocalHost`, `localhost.` and `localhost:80` name the same site: Django's ALLOWED_HOSTS
accepts them all, and before this each got its own copy of every page in the page cache
and its own spelling in canonical links. `CanonicalHostMiddleware` rewrites the Host
header once, first of all the middleware, to `canonical_host()`'s form. Done there rather
than by a helper that the cache and each address builder would call, because much of
what reads the host is Django's own code (the sitemap, the redirect to HTTPS): rewritten
once, everything after it sees one spelling, and code written later cannot forget it.

A port other than the scheme's default is kept: `crossing serve` answers on
127.0.0.1:8000, and a canonical link without its port would lead nowhere. Two ports are
thus two sites here, each with its own pages in the cache (which is bounded, see
page_cache.py). In production, CROSSING_SITE_URL names the public address: generated
addresses then use it, and the host a request names is no part of the cache's key.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port

HTTP_PORT, HTTPS_PORT = 80, 443
HIGHEST_PORT = 65535


def canonical_host(host: str, *, secure: bool) -> str:
    """`Example.ORG.:443` over HTTPS is `example.org`; `LOCALHOST:08000` is `localhost:8000`.

    `host` is a value request.get_host() accepted. Lower case and without a trailing dot (as
    Django compares names with ALLOWED_HOSTS), without the default port (443 when `secure`,
    else 80), any other port as a plain number. A port no server can listen on is refused
    (Django answers 400)."""
    domain, port = split_domain_port(host)
    if not domain:
        raise DisallowedHost(f"Invalid HTTP_HOST header: {host!r}.")
    if not port:
        return domain
    number = int(port)  # split_domain_port accepts digits only
    if not 1 <= number <= HIGHEST_PORT:
        raise DisallowedHost(f"Invalid port in HTTP_HOST header: {host!r}.")
    if number == (HTTPS_PORT if secure else HTTP_PORT):
        return domain
    return f"{domain}:{number}"


class CanonicalHostMiddleware:
    """Validates the host (as Django does: a name ALLOWED_HOSTS does not list gets a 400
    answer) and rewrites the header it came in to its canonical form."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        host = canonical_host(request.get_host(), secure=request.is_secure())
        # The header get_host() reads: X-Forwarded-Host only where Django is told to trust
        # it (this site does not), else Host (set here even when a client sent none).
        forwarded = settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in request.META
        request.META["HTTP_X_FORWARDED_HOST" if forwarded else "HTTP_HOST"] = host
        return self.get_response(request)
