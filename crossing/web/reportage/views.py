"""The story's table of contents, its chapters, and each figure as its own SVG file."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from crossing.content import schema_org

from ..content import site_content
from ..metadata import page_meta
from ..page_cache import rendered_once


@require_safe
@rendered_once()
def index(request: HttpRequest) -> HttpResponse:
    content = site_content()
    introduction = content.introduction
    context = {
        "introduction": introduction,
        "chapters": content.chapters,
        "content": content,
        "meta": page_meta(
            request,
            title=introduction.title if introduction else _("On the border"),
            description=introduction.summary if introduction else "",
            kind="website",
            schema=schema_org.story(content),
        ),
    }
    return render(request, "reportage/index.html", context)


@require_safe
@rendered_once(comments=True)
def chapter(request: HttpRequest, slug: str) -> HttpResponse:
    content = site_content()
    found = content.chapter(slug)
    if found is None:
        raise Http404("no such chapter")
    at = content.chapters.index(found)
    context = {
        "chapter": found,
        "content": content,
        "previous": content.chapters[at - 1] if at > 0 else None,
        "next": content.chapters[at + 1] if at + 1 < len(content.chapters) else None,
        "meta": page_meta(
            request,
            title=found.title,
            description=found.summary,
            kind="article",
            schema=schema_org.chapter(content, found),
        ),
    }
    return render(request, "reportage/chapter.html", context)


@require_safe
@rendered_once()
def figure_svg(request: HttpRequest, key: str) -> HttpResponse:
    figure = site_content().figures.get(key)
    if figure is None:
        raise Http404("no such figure")
    response = HttpResponse(figure.svg, content_type="image/svg+xml; charset=utf-8")
    response["Cache-Control"] = "public, max-age=300"
    return response
