"""While editing (`crossing serve --watch`, or DEBUG), a content error shows in the
browser as the checker's list of `file:line:col` messages instead of a bare 500 page."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .journey.publish import ContentError


class ContentErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, ContentError):
            return None
        if not (settings.CROSSING_WATCH or settings.DEBUG):
            return None  # readers get the plain error page; the log has the details
        context = {"problems": str(exception), "site_name": "Crossing", "navigation": []}
        return render(request, "content_error.html", context, status=500)
