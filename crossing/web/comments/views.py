"""POST /comments/post/: the comment form's one endpoint.

Readers get no cookie, so there is no CSRF token: the endpoint is csrf_exempt and refuses a
post another site made (Sec-Fetch-Site: cross-site, or an Origin of another host). After a
comment is stored the reader is sent back to the page (303): to the comment when it is
approved, and while it is held to `?unapproved=<id>&moderation-hash=<signed>`, which shows it
to its author alone, as WordPress does instead of setting a cookie. On any error the page is
rendered again with the form as typed and a message next to the field."""

from __future__ import annotations

import inspect
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from ..client_address import request_client_address
from ..languages import current, localized, split
from . import pages, services
from .addressing import moderation_hash
from .forms import CommentForm
from .models import Comment, Status


def cross_site(request: HttpRequest) -> bool:
    """A post another site's page made (browsers say so; robots may not)."""
    if request.headers.get("Sec-Fetch-Site", "").strip().lower() == "cross-site":
        return True
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    allowed = {request.get_host().lower()}
    if settings.CROSSING_SITE_URL:
        allowed.add(urlsplit(settings.CROSSING_SITE_URL).netloc.lower())
    return origin == "null" or urlsplit(origin).netloc.lower() not in allowed


def _plain(message: str, status: int) -> HttpResponse:
    response = HttpResponse(message + "\n", status=status, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response


@csrf_exempt
@require_POST
def post_comment(request: HttpRequest) -> HttpResponse:
    if cross_site(request):
        return _plain(_("Comments can only be posted from this site's own pages."), 403)
    # One conversation per page in every language, kept under its English address; the
    # reader is answered on the page in the language they wrote from.
    page = pages.find(split(request.POST.get("page", ""))[1])
    if page is None:
        return _plain(_("There is no page here that takes comments."), 404)
    here = localized(page.path, current())
    form = CommentForm(request.POST)
    if not page.is_open():
        return _page_again(request, here, form, 403, refused=_("Comments are closed."))
    if not form.is_valid():
        return _page_again(request, here, form, 400)
    data = form.cleaned_data
    try:
        posted = services.submit(
            page=page.path,
            parent_id=data["parent"],
            name=data["name"],
            email=data["email"],
            website=data["website"],
            text=data["comment"],
            wants_replies=data["notify"],
            address=request_client_address(request),
            user_agent=request.headers.get("User-Agent", ""),
            referrer=request.headers.get("Referer", ""),
            permalink=request.build_absolute_uri(here),
            honeypot=request.POST.get("homepage", ""),
            form_time=data["form_time"],
        )
    except services.Flood:
        form.add_error(
            "comment",
            _("You are posting comments too quickly. Please wait a moment, then send it again."),
        )
        return _page_again(request, here, form, 429)
    except services.BadParent:
        data_without_parent = request.POST.copy()
        data_without_parent["parent"] = ""
        again = CommentForm(data_without_parent)
        again.is_valid()
        refused = _(
            "The comment you replied to is no longer shown. Your comment is kept below: "
            "send it again to post it on the page itself."
        )
        return _page_again(request, here, again, 400, refused=refused)
    return _answer(request, here, posted.comment)


def _answer(request: HttpRequest, page: str, comment: Comment | None) -> HttpResponse:
    if comment is not None and comment.status == Status.APPROVED:
        return _see_other(f"{page}#comment-{comment.pk}")
    if comment is not None and comment.status == Status.HELD:
        query = urlencode(
            {"unapproved": comment.pk, "moderation-hash": moderation_hash(comment.pk)}
        )
        return _see_other(f"{page}?{query}#comment-{comment.pk}")
    # Discarded, or in the spam queue: answered as received, so robots learn nothing.
    response = render(request, "comments/received.html", {"page": page})
    response["Cache-Control"] = "no-store"
    return response


def _see_other(address: str) -> HttpResponse:
    response = HttpResponseRedirect(address, status=303)
    response["Cache-Control"] = "no-store"
    return response


def _page_again(
    request: HttpRequest, page: str, form: CommentForm, status: int, *, refused: str = ""
) -> HttpResponse:
    """The page itself, rendered with the form as sent and its messages."""
    try:
        match = resolve(page)
    except Resolver404:
        return _plain(_("There is no page here that takes comments."), 404)
    request.comment_form = form  # type: ignore[attr-defined]
    request.comment_refused = refused  # type: ignore[attr-defined]
    view = inspect.unwrap(match.func)  # the page's own view, past require_safe and its cache
    response: HttpResponse = view(request, *match.args, **match.kwargs)
    response.status_code = status
    response["Cache-Control"] = "no-store"
    return response
