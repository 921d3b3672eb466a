"""Pages that follow from the content alone, rendered once per version of it.

A story chapter, the sources or the whole gamebook takes 8–50 ms to render, and is the
same for every reader until an editor saves a file. `@rendered_once` keeps each such
page's rendered body in this process, keyed by its address, the language and the host
(canonical links name it when no public address is set). The pages are dropped together
whenever the content or the journey is read again (the objects the site builds from the
content folder are new then), when the settings that shape a page differ (a static
export, `--watch`), or when the day changes (where to watch marks past broadcasts).

Each is also kept gzipped, compressed once rather than per request (the pages carry no
secret for BREACH to find; see the note in settings on GZipMiddleware).

In this process, not in Redis: the pages of one version take a few megabytes, and a
shared cache would outlive a deploy that changes the templates.
"""

from __future__ import annotations

import datetime
import gzip
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from .content import site_content
from .journey.publish import journey

View = Callable[..., HttpResponse]
_GZIP = re.compile(r"\bgzip\b")  # as GZipMiddleware reads Accept-Encoding


@dataclass(frozen=True, slots=True, eq=False)
class Version:
    """What every cached page depends on besides its address."""

    content: object  # compared by identity: each edit builds a new one
    journey: object  # likewise
    shape: tuple[object, ...]  # settings that change pages, and the day

    @classmethod
    def now(cls, *, reads_content: bool) -> Version:
        shape = (
            settings.CROSSING_SITE_URL,
            settings.CROSSING_STATIC_EXPORT,
            settings.CROSSING_WATCH,
            datetime.date.today(),
        )
        return cls(site_content() if reads_content else None, journey(), shape)

    def same_as(self, other: Version | None) -> bool:
        return (
            other is not None
            and self.content is other.content
            and self.journey is other.journey
            and self.shape == other.shape
        )


@dataclass(frozen=True, slots=True)
class _Rendered:
    body: bytes
    headers: tuple[tuple[str, str], ...]
    gzipped: bytes = b""  # the body compressed once, for the many readers who accept it

    @classmethod
    def of(cls, response: HttpResponse) -> _Rendered:
        body = response.content
        return cls(body, tuple(response.headers.items()), gzip.compress(body, mtime=0))


def accepts_gzip(request: HttpRequest) -> bool:
    return _GZIP.search(request.headers.get("Accept-Encoding", "")) is not None


def _answer(request: HttpRequest, page: _Rendered) -> HttpResponse:
    """A new response each time: the middleware (security headers) changes it. Compressed
    here when the reader accepts it, so GZipMiddleware leaves it be."""
    packed = accepts_gzip(request) and len(page.gzipped) < len(page.body)
    response = HttpResponse(page.gzipped if packed else page.body)
    for name, value in page.headers:
        response[name] = value
    if packed:
        response["Content-Encoding"] = "gzip"
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


class PageCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: Version | None = None
        self._pages: dict[tuple[str, ...], _Rendered] = {}

    def get(self, key: tuple[str, ...], version: Version) -> _Rendered | None:
        with self._lock:
            if not version.same_as(self._version):
                self._version, self._pages = version, {}  # the old pages go at once
            return self._pages.get(key)

    def put(self, key: tuple[str, ...], version: Version, page: _Rendered) -> None:
        with self._lock:
            if version.same_as(self._version):  # not a page of a version already gone
                self._pages[key] = page

    def __len__(self) -> int:
        return len(self._pages)


site_pages = PageCache()  # pages built from the site's content (and the journey)
journey_pages = PageCache()  # pages built from the journey alone (the gamebook)


def rendered_once(*, reads_content: bool = True) -> Callable[[View], View]:
    """Serve a GET view's 200 answers from memory while what it reads stays the same.
    `reads_content=False` for pages of the journey alone, which need no campaign content
    (a site may serve only a story)."""
    pages = site_pages if reads_content else journey_pages

    def decorate(view: View) -> View:
        @wraps(view)
        def cached(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.GET:  # a query the view may read: rendered, never kept (nor grown)
                return view(request, *args, **kwargs)
            version = Version.now(reads_content=reads_content)
            key = (request.path, get_language() or "", request.build_absolute_uri("/"))
            page = pages.get(key, version)
            if page is None:
                response = view(request, *args, **kwargs)
                if response.status_code != 200 or response.streaming or response.cookies:
                    return response
                page = _Rendered.of(response)
                pages.put(key, version, page)
            return _answer(request, page)

        return cached

    return decorate
