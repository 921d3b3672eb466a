"""The links in reply emails: confirm that you want them (double opt-in), and stop them.

A GET shows a page with one button; only its POST acts, so a mail scanner that opens every
link confirms and unsubscribes nothing. The unsubscribe address also takes the one-click
POST of RFC 8058 that mail programs send for List-Unsubscribe-Post. Neither sets a cookie:
the signed token in the address is the proof, so there is no CSRF token to check."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import links
from .models import ReplySubscription

TEMPLATE = "comments/subscription.html"


def _page(request: HttpRequest, status: int = 200, **context: object) -> HttpResponse:
    response = render(request, TEMPLATE, context, status=status)
    response["Cache-Control"] = "no-store"
    return response


def _subscription(comment_id: int) -> ReplySubscription | None:
    return ReplySubscription.objects.select_related("comment").filter(comment_id=comment_id).first()


def _gone(request: HttpRequest) -> HttpResponse:
    return _page(
        request,
        404,
        heading=_("This comment is no longer here"),
        message=_("It was deleted, so no emails about it will be sent."),
    )


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        comment_id = links.comment_id_from_confirm(token)
    except links.BadToken as error:
        message = (
            _(
                "This confirmation link is more than a week old. Post again and tick the box to get a new one."
            )
            if error.expired
            else _(
                "This confirmation link is not complete or was changed. Copy the whole link from the email."
            )
        )
        return _page(request, 400, heading=_("This link does not work"), message=message)
    subscription = _subscription(comment_id)
    if subscription is None:
        return _gone(request)
    if request.method == "POST":
        ReplySubscription.objects.filter(pk=subscription.pk).update(
            confirmed=timezone.now(), unsubscribed=None
        )
        return _page(
            request,
            heading=_("Confirmed"),
            message=_(
                "You will get an email when someone replies to your comment. Each email has a link to stop them."
            ),
        )
    return _page(
        request,
        heading=_("Emails when someone replies"),
        message=_(
            "Press the button to confirm that you want an email when someone replies to your comment."
        ),
        button=_("Yes, email me replies"),
    )


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        comment_id = links.comment_id_from_unsubscribe(token)
    except links.BadToken:
        return _page(
            request,
            400,
            heading=_("This link does not work"),
            message=_(
                "This unsubscribe link is not complete or was changed. Copy the whole link from the email."
            ),
        )
    subscription = _subscription(comment_id)
    if subscription is None:
        return _gone(request)
    if request.method == "POST":
        ReplySubscription.objects.filter(pk=subscription.pk, unsubscribed__isnull=True).update(
            unsubscribed=timezone.now()
        )
        return _page(
            request,
            heading=_("Unsubscribed"),
            message=_("You will get no more emails about replies to this comment."),
        )
    return _page(
        request,
        heading=_("Stop emails about replies"),
        message=_(
            "Press the button and you will get no more emails about replies to your comment."
        ),
        button=_("Unsubscribe"),
    )
