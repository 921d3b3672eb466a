"""Pages that follow from the content alone, rendered once per version of it.

A story chapter, the sources or the whole gamebook takes 8–50 ms to render, and is the
same for every reader until an editor saves a file. `@rendered_once` keeps each such
page's rendered body in this process, keyed by its address, the language and, unless
CROSSING_SITE_URL names the public address, the scheme and host (canonical links name
them then; hosts.py gives each host one spelling). A kept page is served again while the
content or the journey is the one it was rendered from (each edit builds new objects from
the content folder), the settings that shape a page are the same (a static export,
`--watch`) and the day is (where to watch marks past broadcasts).

Memory is bounded: the pages kept take at most CROSSING_PAGE_CACHE_MB (settings), the
least recently served going first, and a page of an older version goes when it is next
asked for. An address whose query names only tracking parameters (`?utm_source=…`,
`?fbclid=…`: TRACKING_PARAMETERS) is the page without them; any other query may be read
by the view, so that page is rendered and not kept.

Each is also kept compressed, in brotli or gzip as readers ask (crossing.web.compression
negotiates), once rather than per request (the pages carry no secret for BREACH to find;
see the note in settings on GZipMiddleware), and only when a reader first asks for it so:
the static export, which asks for plain pages, compresses none.

In this process, not in Redis: the pages of one version take a few megabytes, and a
shared cache would outlive a deploy that changes the templates.
"""

from __future__ import annotations

import datetime
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from .compression import PAGE_BROTLI_QUALITY, Coding, compress, negotiate
from .content import site_content
from .journey.publish import journey
from .languages import localize_response, split

View = Callable[..., HttpResponse]


@dataclass(frozen=True, slots=True, eq=False)
class Version:
    """What every cached page depends on besides its address."""

    content: object  # compared by identity: each edit builds a new one
    journey: object  # likewise
    shape: tuple[object, ...]  # settings that change pages, and the day
    comments: int = 0  # the page's comments' generation (comments.models.PageState)

    @classmethod
    def now(cls, *, reads_content: bool, comments_of: str | None = None) -> Version:
        shape = (
            settings.CROSSING_SITE_URL,
            settings.CROSSING_STATIC_EXPORT,
            settings.CROSSING_WATCH,
            datetime.date.today(),
        )
        generation = comments_generation(comments_of) if comments_of is not None else 0
        return cls(site_content() if reads_content else None, journey(), shape, generation)

    def same_as(self, other: Version | None, *, comments_too: bool = True) -> bool:
        return (
            other is not None
            and self.content is other.content
            and self.journey is other.journey
            and self.shape == other.shape
            and (self.comments == other.comments or not comments_too)
        )


def comments_generation(page: str) -> int:
    """One primary-key read: raised by every change to what the page shows of its comments
    (comments.models.page_changed), in whichever worker made it."""
    from .comments.models import PageState

    found = PageState.objects.filter(page=page).values_list("generation", flat=True).first()
    return found or 0


@dataclass(slots=True, eq=False)
class _Rendered:
    body: bytes
    headers: tuple[tuple[str, str], ...]
    # The body compressed once per coding, for the many readers who accept it: made when
    # the first of them asks (two threads may both make it; either copy is the same bytes).
    _encoded: dict[str, bytes] = field(default_factory=dict)

    @classmethod
    def of(cls, response: HttpResponse) -> _Rendered:
        return cls(response.content, tuple(response.headers.items()))

    def encoded(self, coding: Coding) -> bytes:
        packed = self._encoded.get(coding)
        if packed is None:
            packed = compress(self.body, coding, brotli_quality=PAGE_BROTLI_QUALITY)
            self._encoded[coding] = packed
        return packed

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, _Rendered)
            and self.body == other.body
            and self.headers == other.headers
        )


def coding_for(request: HttpRequest) -> Coding:
    """The coding a request's Accept-Encoding asks for (crossing.web.compression)."""
    return negotiate(request.headers.get("Accept-Encoding"))


def _answer(request: HttpRequest, page: _Rendered) -> HttpResponse:
    """A new response each time: the middleware (security headers) changes it. Compressed
    here when the reader accepts it, so GZipMiddleware leaves it be."""
    coding = coding_for(request)
    body = page.body if coding == "identity" else page.encoded(coding)
    if len(body) >= len(page.body):  # a tiny page: compression only adds
        body, coding = page.body, "identity"
    response = HttpResponse(body)
    for name, value in page.headers:
        response[name] = value
    if coding != "identity":
        response["Content-Encoding"] = coding
    response.links_localized = True  # type: ignore[attr-defined]  # done before it was kept
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


# Parameters that say where a reader came from, read by analytics (which this site has none
# of), never by a view: the page is the same with or without them.
TRACKING_PREFIXES = ("utm_",)  # utm_source, utm_medium, utm_campaign, utm_term, …
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid",  # Facebook
        "gclid",  # Google Ads
        "dclid",
        "gbraid",
        "wbraid",
        "_ga",  # Google Analytics' cross-site linker
        "_gl",
        "msclkid",  # Microsoft Advertising
        "mc_cid",  # Mailchimp
        "mc_eid",
        "igshid",  # Instagram
        "twclid",  # X (Twitter)
        "ttclid",  # TikTok
        "li_fat_id",  # LinkedIn
        "yclid",  # Yandex
        "ref_src",  # links shared from X (Twitter)
    }
)


def is_tracking(parameter: str) -> bool:
    name = parameter.lower()
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


def same_page_as_without_query(request: HttpRequest) -> bool:
    """True if the query (if any) names only tracking parameters, which no view reads."""
    return all(is_tracking(name) for name in request.GET)


Key = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Kept:
    version: Version
    page: _Rendered
    size: int  # bytes counted against the budget


def _size(page: _Rendered) -> int:
    """The bytes a page holds: its body, counted twice to leave room for the compressed
    copy made later (a page compresses to well under its own size; the Python objects
    around them are small)."""
    headers = sum(len(name) + len(value) for name, value in page.headers)
    return 2 * len(page.body) + headers


class PageCache:
    """Rendered pages, the least recently served first out when the budget is spent.

    `budget` in bytes; None: settings.CROSSING_PAGE_CACHE_MB, read at each store so that a
    changed setting applies at once. A page larger than the whole budget is not kept."""

    def __init__(self, budget: int | None = None) -> None:
        self._lock = threading.Lock()
        self._budget = budget
        self._pages: OrderedDict[Key, _Kept] = OrderedDict()  # least recently served first
        self._bytes = 0

    def get(self, key: Key, version: Version, *, comments_too: bool = True) -> _Rendered | None:
        """The kept page if rendered from `version`; with `comments_too=False`, whatever
        comments it was rendered with (when the database cannot say which are current)."""
        with self._lock:
            kept = self._pages.get(key)
            if kept is None:
                return None
            if not version.same_as(kept.version, comments_too=comments_too):
                if comments_too:  # rendered from content since edited
                    self._forget(key)
                return None
            self._pages.move_to_end(key)
            return kept.page

    def put(self, key: Key, version: Version, page: _Rendered) -> None:
        kept = _Kept(version, page, _size(page))
        budget = self.budget()
        with self._lock:
            if key in self._pages:
                self._forget(key)
            if kept.size > budget:
                return
            while self._bytes + kept.size > budget:
                self._forget(next(iter(self._pages)))  # the least recently served
            self._pages[key] = kept
            self._bytes += kept.size

    def budget(self) -> int:
        if self._budget is not None:
            return self._budget
        return int(settings.CROSSING_PAGE_CACHE_MB * 1024 * 1024)

    def _forget(self, key: Key) -> None:
        self._bytes -= self._pages.pop(key).size

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()
            self._bytes = 0

    @property
    def bytes(self) -> int:
        return self._bytes

    def __len__(self) -> int:
        return len(self._pages)


pages = PageCache()  # every worker's kept pages, within one budget


def _key(request: HttpRequest) -> Key:
    """The page's address, its language and the site it names in its links: the scheme
    and host (already in their canonical form, hosts.py), unless CROSSING_SITE_URL gives
    every page the same public address, so that the host a request names is irrelevant."""
    site = "" if settings.CROSSING_SITE_URL else request.build_absolute_uri("/")
    return (request.path, get_language() or "", site)


def rendered_once(*, reads_content: bool = True, comments: bool = False) -> Callable[[View], View]:
    """Serve a GET view's 200 answers from memory while what it reads stays the same.
    `reads_content=False` for pages of the journey alone, which need no campaign content
    (a site may serve only a story). `comments=True` for pages that show comments: they
    are rendered again when their own comments change (and only they)."""

    def decorate(view: View) -> View:
        @wraps(view)
        def cached(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not same_page_as_without_query(request):  # a query the view may read
                return view(request, *args, **kwargs)  # rendered, never kept
            key = _key(request)
            try:
                version = Version.now(
                    reads_content=reads_content,
                    comments_of=split(request.path)[1] if comments else None,
                )
            except DatabaseError:
                # The database is down: readers still get the page as last rendered, its
                # comments as they were then; without a kept copy, the 503 page.
                stale = pages.get(key, Version.now(reads_content=reads_content), comments_too=False)
                if stale is None:
                    raise
                return _answer(request, stale)
            page = pages.get(key, version)
            if page is None:
                response = view(request, *args, **kwargs)
                if response.status_code != 200 or response.streaming or response.cookies:
                    return response
                page = _Rendered.of(localize_response(response))  # type: ignore[arg-type]
                pages.put(key, version, page)
            return _answer(request, page)

        return cached

    return decorate
