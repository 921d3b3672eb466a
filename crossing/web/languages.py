"""One address per page and language: English at the site's own addresses, every other
language under its code (`/ko/journey/`), as Django's i18n_patterns with
prefix_default_language=False serve them (urls.py).

Content and templates name pages by their English address (crossing.content.addresses);
`localize_links` gives a page in another language the addresses of that language, once,
before the page cache keeps it (page_cache.py) or, for pages it does not keep, in
`LocalizedLinksMiddleware`. The language switch and the `hreflang` alternates of every page
come from `alternates`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.urls import Resolver404, resolve
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language, get_language_from_request, override

# Addresses that are the same in every language: files, machine endpoints, staff pages.
UNPREFIXED = ("/sitemap.xml", "/__watch__", "/admin/", "/webmention/")


def default() -> str:
    return str(settings.LANGUAGE_CODE)


def codes() -> list[str]:
    return [code for code, _ in settings.LANGUAGES]


def current() -> str:
    """The active language, as one of settings.LANGUAGES (English outside a request)."""
    language = (get_language() or default()).split("-")[0].lower()
    return language if language in codes() else default()


@contextmanager
def speaking_to(language: str) -> Iterator[None]:
    """Write in `language` (a code stored with what a person sent) until the block ends:
    the site's default language for one it does not offer, or none stored."""
    with override(language if language in codes() else default()):
        yield


def split(path: str) -> tuple[str, str]:
    """(language, the page's English address) of an address of this site."""
    for code in codes():
        if code != default() and (path == f"/{code}" or path.startswith(f"/{code}/")):
            return code, path[len(code) + 1 :] or "/"
    return default(), path


def localized(path: str, language: str) -> str:
    """The address of the page at English address `path` in `language`."""
    if language == default() or not path.startswith("/") or path.startswith("//"):
        return path
    if path.startswith(UNPREFIXED) or path.startswith(str(settings.STATIC_URL)):
        return path
    return f"/{language}{path}"


@dataclass(frozen=True, slots=True)
class Alternate:
    code: str
    name: str
    url: str  # the address on this site
    absolute: str  # the public address, for <link rel="alternate"> (the address if unknown)
    current: bool


def alternates(request: HttpRequest) -> list[Alternate]:
    """This page in each language, the current one marked (the switch and hreflang)."""
    here, path = split(request.path)
    query = request.META.get("QUERY_STRING", "")
    suffix = f"?{query}" if query else ""
    if getattr(request, "resolver_match", None) is None:  # no such page: each home page
        path, suffix = "/", ""
    found = []
    for code, name in settings.LANGUAGES:
        url = localized(path, code) + suffix
        found.append(Alternate(code, str(name), url, _public(request, url), code == here))
    return found


def _public(request: HttpRequest, url: str) -> str:
    """As metadata.absolute_url: under CROSSING_SITE_URL, else the request's host; in a
    static export without one, the address (the export makes it relative)."""
    if base := settings.CROSSING_SITE_URL:
        return str(base).rstrip("/") + url
    if settings.CROSSING_STATIC_EXPORT:
        return url
    return request.build_absolute_uri(url)


def context(request: HttpRequest) -> dict[str, object]:
    """For base.html: the language switch and the alternates (a context processor)."""
    found = alternates(request)
    default_url = next(a.absolute for a in found if a.code == default())
    return {"language_alternates": found, "language_default_url": default_url}


# href, src, action and the players' data-…-url attributes that name an address of this
# site: "/…", not "//host/…".
_LINK = re.compile(rb'(\s(?:href|src|action|data-[a-z-]*url)=")(/(?!/)[^"]*)"')


@lru_cache(maxsize=4096)
def _is_page(path: str, language: str) -> bool:
    """True if the address has a page in `language` (a page of i18n_patterns)."""
    try:
        resolve(localized(path, language))
    except Resolver404:
        return False
    return True


def here(path: str) -> str:
    """A page's English address as the page in the active language (other addresses, and
    addresses already in a language, as they are)."""
    language = current()
    if language == default() or split(path.split("#")[0])[0] != default():
        return path
    return (
        localized(path, language) if _is_page(path.split("#")[0].split("?")[0], language) else path
    )


def localize_links(body: bytes, language: str) -> bytes:
    """`body` with each link to a page of the site pointing to that page in `language`,
    except links that name their language (`hreflang` before the address)."""
    if language == default():
        return body

    def replace(match: re.Match[bytes]) -> bytes:
        tag = body[body.rfind(b"<", 0, match.start()) : match.start()]
        if b"hreflang=" in tag:  # a link to the page in a named language: as written
            return match.group(0)
        target = match.group(2).decode()
        path = target.split("#")[0].split("?")[0]
        if split(path)[0] != default() or not _is_page(path, language):
            return match.group(0)
        return match.group(1) + localized(target, language).encode() + b'"'

    return _LINK.sub(replace, body)


def localize_response(response: HttpResponseBase) -> HttpResponseBase:
    """A page's links in the active language, done once per response."""
    if getattr(response, "links_localized", False):
        return response
    setattr(response, "links_localized", True)  # noqa: B010  # an attribute Django lacks
    if (
        isinstance(response, HttpResponse)
        and not response.streaming
        and not response.has_header("Content-Encoding")
        and response.get("Content-Type", "").startswith("text/html")
    ):
        response.content = localize_links(response.content, current())
    return response


class LocalizedLinksMiddleware:
    """Pages the page cache does not keep (forms, screenings, errors) get their links in
    the page's language here; kept pages had it done before they were kept."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.path_info == "/" and request.method in ("GET", "HEAD"):
            # The only address that depends on who asks: a reader whose browser prefers
            # another language is sent to the home page in it (no cookie is set).
            preferred = get_language_from_request(request)
            if preferred != default() and preferred in codes():
                redirect = HttpResponseRedirect(localized("/", preferred))
                patch_vary_headers(redirect, ["Accept-Language"])
                return redirect
            response = self.get_response(request)
            patch_vary_headers(response, ["Accept-Language"])
            return response
        return localize_response(self.get_response(request))
