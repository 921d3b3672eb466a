"""`{% comments_section post %}`: a post's or chapter's comments, references and form."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.utils.safestring import SafeString
from django.utils.translation import ngettext

from crossing.content.documents import Chapter
from crossing.content.news import Post

from ...spam.checks import sign_form_time
from .. import pages, threads
from ..forms import CommentForm
from ..rendering import comment_html

register = template.Library()


@register.filter
def as_comment_html(text: str) -> SafeString:
    return comment_html(text)


@register.filter
def http_only(address: str) -> str:
    """An address to link to, if it is http(s); else nothing (no javascript: links)."""
    return address if address.lower().startswith(("http://", "https://")) else ""


@register.inclusion_tag("comments/_section.html", takes_context=True)
def comments_section(context: template.Context, item: Post | Chapter) -> dict[str, Any]:
    request = context["request"]
    page = pages.of_page(item)
    is_open = page.is_open()
    export = settings.CROSSING_STATIC_EXPORT
    preview = None
    if not export and "unapproved" in request.GET:
        preview = threads.awaiting(
            page.path, request.GET["unapproved"], request.GET.get("moderation-hash", "")
        )
    roots, count = threads.threads(page.path, also=preview)
    references = threads.references(page.path)
    reply_to = None
    if is_open and "replytocom" in request.GET:
        reply_to = threads.reply_target(page.path, request.GET["replytocom"])
        if reply_to and reply_to.depth >= settings.CROSSING_COMMENTS_THREAD_DEPTH:
            reply_to = None  # as WordPress: no replies below the deepest level
    form = getattr(request, "comment_form", None)
    if form is None and is_open:
        form = CommentForm(
            initial={
                "page": page.path,
                "parent": reply_to.pk if reply_to else "",
                "form_time": sign_form_time(page.path),
            }
        )
    elif form is not None and form.data.get("parent"):
        reply_to = threads.reply_target(page.path, str(form.data.get("parent", "")))
    return {
        "page": page,
        "is_open": is_open,
        "enabled": page.enabled,
        "export": export,
        "site_url": settings.CROSSING_SITE_URL,
        "roots": roots,
        "count": count,
        "heading": _replies_heading(count, page.title),
        "references": references,
        "references_heading": _references_heading(len(references), page.title),
        "form": form,
        "reply_to": reply_to,
        "max_depth": settings.CROSSING_COMMENTS_THREAD_DEPTH,
        "refused": getattr(request, "comment_refused", ""),
    }


def _replies_heading(count: int, title: str) -> str:
    return ngettext("One reply to “%(title)s”", "%(count)d replies to “%(title)s”", count) % {
        "count": count,
        "title": title,
    }


def _references_heading(count: int, title: str) -> str:
    return ngettext(
        "One reference to “%(title)s”", "%(count)d references to “%(title)s”", count
    ) % {"count": count, "title": title}
