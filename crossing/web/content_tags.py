"""Template filters for content pages: `{% load content %}` (registered in settings)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django import template

from crossing.content.documents import Chapter, Introduction, Work
from crossing.content.news import Post

from . import locale_names

register = template.Library()


@register.filter
def get_item(mapping: Mapping[str, Any], key: str) -> Any:
    return mapping.get(key)


@register.filter
def index_from_one(items: Sequence[Any], number: str) -> Any:
    """`{{ photo 2 }}` is the second photo: None if there is no such one."""
    index = int(number) - 1 if str(number).isdigit() else -1
    return items[index] if 0 <= index < len(items) else None


@register.filter
def cited_at(document: Chapter | Introduction | Work | Post) -> dict[str, list[int]]:
    """For each source, the numbers of its uses in the text (for the back-links)."""
    return {key: list(range(1, count + 1)) for key, count in document.body.cited_at.items()}


register.filter("territory_name", locale_names.territory_name)
register.filter("language_name", locale_names.language_name)
register.filter("when", locale_names.when)


@register.filter
def written_in(document: Chapter | Introduction | Work | Post | None) -> str:
    """The language a document is shown in when it is not the page's (an untranslated
    page in another language's site: docs/translating.md); "" when it is the page's."""
    from .content import site_content
    from .languages import current

    if document is None:
        return ""
    language = site_content().language_of(document.path)
    return "" if language == current() else language


register.filter("shown_date", locale_names.shown_date)
