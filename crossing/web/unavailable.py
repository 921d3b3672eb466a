"""Pages, when the database cannot be written or reached: a page that needs it answers a
plain 503 page ("try again in a few minutes", with Retry-After), never a traceback or the
bug page; pages that don't need it are served as usual. The cause is logged, naming the
database. (JSON views answer JSON instead: crossing/web/json_api.py.)"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .database import UNAVAILABLE, cause, describe
from .json_api import RETRY_AFTER_SECONDS

log = logging.getLogger(__name__)


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, UNAVAILABLE):
            return None
        log.error(
            "%s %s: %s cannot be written or reached: %s",
            request.method,
            request.path,
            describe(),
            cause(exception),
        )
        # As on the 500 page, a plain page: its own context, no navigation.
        context = {"site_name": "Crossing", "navigation": []}
        response = render(request, "503.html", context, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
