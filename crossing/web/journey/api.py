"""The one thing the player sends the server: which ending a reader reached.

`POST /journey/endings/` with `{"story": id, "version": v, "ending": scene}` as JSON.
No cookie, no identifier, no address is kept; the answer says how all readers fared."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from ..client_address import request_client_address
from ..json_api import json_api
from .endings import allow_report, how_readers_fared, record_ending
from .publish import journey

MAX_BODY = 1024


def _problem(status: int, message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def _read_body(request: HttpRequest) -> bytes | None:
    """The body, or None when it is larger than MAX_BODY: read no more than that, whatever
    the client sends (Django's request.body would read up to 2.5 MB first)."""
    try:
        announced = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        announced = 0
    if announced > MAX_BODY:
        return None
    body = request.read(MAX_BODY + 1)
    return None if len(body) > MAX_BODY else body


# No CSRF token: readers get no cookies. A cross-site form cannot send JSON without a
# preflight, and the worst a forger can do is add one to a count, which the rate limit bounds.
@csrf_exempt
@require_POST
@json_api  # a database that cannot be written answers JSON 503, never an HTML 500
def report_ending(request: HttpRequest) -> JsonResponse:
    if request.content_type != "application/json":
        return _problem(415, _("send the ending as application/json"))
    body = _read_body(request)
    if body is None:
        return _problem(413, _("too large"))
    try:
        report: Any = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return _problem(400, _("the body is not JSON"))
    fields = ("story", "version", "ending")
    if not isinstance(report, dict) or not all(isinstance(report.get(f), str) for f in fields):
        return _problem(400, _("expected {story, version, ending} as strings"))
    published = journey()
    story = published.story
    if report["story"] != story.id or report["version"] != story.version:
        return _problem(
            409,
            _("this site publishes %(story)s version %(version)s")
            % {"story": story.id, "version": story.version},
        )
    if report["ending"] not in published.endings:
        return _problem(
            400,
            _("%(ending)r is not an ending of %(story)s")
            % {"ending": report["ending"], "story": story.id},
        )
    if not allow_report(request_client_address(request)):
        return _problem(429, _("too many reports; try again in a minute"))
    record_ending(story=story.id, version=story.version, ending=report["ending"])
    fared = how_readers_fared(story=story.id, version=story.version)
    return JsonResponse({"readers": fared.readers, "shares": fared.shares})
