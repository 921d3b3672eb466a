"""The screenings' pages: being written (see the brief)."""

from django.http import HttpRequest, HttpResponse


def organiser_confirm(request: HttpRequest, token: str) -> HttpResponse:
    return HttpResponse(status=501)


manage = reservation_confirm = ticket = organiser_confirm
