"""The campaign site's content as the site serves it: read from the content folder,
checked, and read again when an editor saves a file (see crossing.content). One reading
per language: in another language each page's translation where it has one
(crossing.content.translations)."""

from __future__ import annotations

from pathlib import Path

from crossing.content.site import SiteContent, load_site
from crossing.story.diagnostics import Severity, render, sort_key

from .journey.publish import ContentError, journey
from .reload import Reloading

_readers: dict[tuple[Path, str], Reloading[SiteContent]] = {}


def read_content(folder: Path, locale: str = "en") -> SiteContent:
    """Everything under `folder`, or ContentError listing every error as `file:line:col`."""
    content, diagnostics = load_site(folder, journey(locale).story, locale)
    errors = sorted((d for d in diagnostics if d.severity is Severity.ERROR), key=sort_key)
    if errors:
        shown = "\n\n".join(render(d, content.texts) for d in errors)
        raise ContentError(f"{folder} has {len(errors)} error(s):\n\n{shown}")
    return content


def site_content(locale: str | None = None) -> SiteContent:
    """The configured content folder's pages (settings.CONTENT_DIR) in `locale` (None:
    the request's language)."""
    from django.conf import settings

    from .languages import current

    language = locale or current()
    folder: Path = settings.CONTENT_DIR
    key = (folder, language)
    if key not in _readers:
        _readers[key] = Reloading(folder, lambda: read_content(folder, language))
    return _readers[key].get()
