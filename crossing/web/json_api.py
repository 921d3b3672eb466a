"""Errors of the JSON API views, as JSON: the player shows what it gets, and an HTML error
page is nothing it can show. Every view that answers JSON (the ending reports, and later
comments and reservations) is decorated with `json_api`.

A database that cannot be written or reached answers 503 with Retry-After: the reader may
try again later, and the log says why, naming the database. Anything else answers 500, with
its traceback in the log."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Concatenate, ParamSpec

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from .database import UNAVAILABLE, cause, describe

log = logging.getLogger(__name__)
P = ParamSpec("P")

# Long enough for a restarted database or a freed disk, short enough for a waiting reader.
RETRY_AFTER_SECONDS = 30


def unavailable() -> JsonResponse:
    response = JsonResponse(
        {"error": _("the site cannot store this right now; try again in a minute")}, status=503
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


View = Callable[Concatenate[HttpRequest, P], HttpResponse]


def json_api(view: View[P]) -> View[P]:
    """Answer JSON whatever goes wrong in `view`, and log it."""

    @functools.wraps(view)
    def answer(request: HttpRequest, /, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except UNAVAILABLE as error:
            log.error(
                "%s %s: %s cannot be written or reached: %s",
                request.method,
                request.path,
                describe(),
                cause(error),
            )
            return unavailable()
        except Exception:
            log.exception("%s %s failed", request.method, request.path)
            failed = {"error": _("the server failed; the error has been logged")}
            return JsonResponse(failed, status=500)

    return answer
