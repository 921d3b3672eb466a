"""Receiving Webmentions (W3C Recommendation): another site tells us that a page of theirs
(the source) links to one of our news posts (the target).

POST /webmention/ with the form fields `source` and `target`. The request is checked at once
(both http(s) addresses, not the same, the target one of our news posts on our host) and
answered 400 with a one-line reason, or 429 when one address sends too many; otherwise the
reference is stored as "being verified", the outbox is told to verify it (in the same
transaction), and the answer is 202 Accepted. The source is fetched later, by the worker
(webmention_jobs.py), never while the sender waits.

The same source and target again is the same reference (its key is a hash of both): it is
verified again, which updates it, or removes it when the source no longer links or is gone."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from crossing.web.outbox.models import Message
from crossing.web.outbox.services import enqueue

from ..client_address import rate_limit_key, request_client_address
from ..content import site_content
from ..rate_limit import HitCounter
from .models import Action, Comment, Kind, Status

VERIFY = "webmention.verify"
SOURCE_CHARS = Comment._meta.get_field("source").max_length or 500
PAGE_CHARS = Comment._meta.get_field("page").max_length or 200
NAME_CHARS = Comment._meta.get_field("name").max_length or 100

counter = HitCounter()


class Invalid(ValueError):
    """A Webmention refused as sent: the message says which field and why."""


@dataclass(frozen=True, slots=True)
class Mention:
    source: str
    target: str
    page: str  # the target's path on this site


def address_hash(address: str) -> str:
    """The address as comments keep it: an HMAC keyed from SECRET_KEY, never the address.
    (Written here for references; the comment form's helper should give the same value.)"""
    return salted_hmac("crossing.comments.address", address, algorithm="sha256").hexdigest()


def mention_key(source: str, target: str) -> str:
    """One key per source and target: sending the same pair again finds the same row."""
    return hashlib.sha256(f"{source}\n{target}".encode()).hexdigest()


def our_hosts(request: HttpRequest) -> set[str]:
    """The hosts (with a port where one is not the default) whose pages are ours."""
    hosts = {request.get_host().lower()}
    if settings.CROSSING_SITE_URL:
        hosts.add(_netloc(settings.CROSSING_SITE_URL))
    return hosts


def _netloc(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    default = {"http": 80, "https": 443}.get(parts.scheme)
    return host if parts.port in (None, default) else f"{host}:{parts.port}"


def _web_address(value: str, field: str) -> str:
    value = value.strip()
    if not value:
        raise Invalid(_("%(field)s is missing: send it as a form field.") % {"field": field})
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 (raises ValueError for a port that is no number)
    except ValueError:
        raise Invalid(_("%(field)s is not a valid URL.") % {"field": field}) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise Invalid(_("%(field)s must be an http or https URL with a host.") % {"field": field})
    if parts.username is not None or parts.password is not None:
        raise Invalid(_("%(field)s must not hold a user name or password.") % {"field": field})
    if len(value) > SOURCE_CHARS:
        raise Invalid(
            _("%(field)s is longer than %(count)d characters.")
            % {"field": field, "count": SOURCE_CHARS}
        )
    return value


def check(*, source: str, target: str, hosts: set[str]) -> Mention:
    """The Webmention as sent, checked; Invalid says what is wrong with it."""
    source = _web_address(source, "source")
    target = _web_address(target, "target")
    if urlsplit(source)._replace(fragment="") == urlsplit(target)._replace(fragment=""):
        raise Invalid(_("source and target are the same URL."))
    if _netloc(target) not in hosts:
        raise Invalid(_("target is not on this site."))
    page = urlsplit(target).path
    if not _accepts_references(page):
        raise Invalid(_("target is not a news post of this site; only news posts take references."))
    return Mention(source=source, target=target, page=page)


def _accepts_references(path: str) -> bool:
    if len(path) > PAGE_CHARS:
        return False
    try:
        match = resolve(path)
    except Resolver404:
        return False
    if match.view_name != "news:post":
        return False
    return site_content().news.post(match.kwargs["slug"]) is not None


@transaction.atomic
def receive(*, mention: Mention, address: str) -> Comment:
    """Store the reference (or find it, when the same pair came before) and enqueue its
    verification. A reference a moderator marked spam or trashed stays so: nothing is
    fetched for it again."""
    key = mention_key(mention.source, mention.target)
    Comment.objects.bulk_create(
        [
            Comment(
                kind=Kind.WEBMENTION,
                page=mention.page,
                source=mention.source,
                status=Status.VERIFYING,
                name=(urlsplit(mention.source).hostname or "")[:NAME_CHARS],
                text="",
                address_hash=address_hash(address),
                key=key,
            )
        ],
        ignore_conflicts=True,  # a second send of the pair: the row stored first is the one
    )
    comment = Comment.objects.select_for_update().get(key=key)
    trashed = comment.decisions.filter(action=Action.TRASHED, moderator__isnull=False)
    if comment.status == Status.SPAM or trashed.exists():
        return comment
    tries = Message.objects.filter(kind=VERIFY, key__startswith=f"webmention-{comment.pk}-")
    enqueue(
        kind=VERIFY,
        payload={"id": comment.pk, "target": mention.target},
        key=f"webmention-{comment.pk}-{tries.count() + 1}",
    )
    return comment


def _allowed(address: str) -> bool:
    digest = address_hash(rate_limit_key(address))[:32]
    count = counter.hit(f"webmention-rate:{digest}", window=60)
    return count <= settings.CROSSING_WEBMENTION_RATE


def _plain(text: str, status: int) -> HttpResponse:
    return HttpResponse(text + "\n", status=status, content_type="text/plain; charset=utf-8")


@csrf_exempt  # other sites post here, by design; nothing here acts for a signed-in user
@require_POST
def endpoint(request: HttpRequest) -> HttpResponse:
    address = request_client_address(request)
    if not _allowed(address):
        response = _plain(_("Too many Webmentions from your address; try again in a minute."), 429)
        response["Retry-After"] = "60"
        return response
    try:
        mention = check(
            source=request.POST.get("source", ""),
            target=request.POST.get("target", ""),
            hosts=our_hosts(request),
        )
    except Invalid as error:
        return _plain(str(error), 400)
    receive(mention=mention, address=address)
    return _plain(
        _(
            "Accepted. The source will be checked for a link to the target; the reference "
            "then waits for a moderator."
        ),
        202,
    )
