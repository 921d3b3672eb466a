"""The campaign site's content as the site serves it: read from the content folder,
checked, and read again when an editor saves a file (see crossing.content)."""

from __future__ import annotations

from pathlib import Path

from crossing.content.site import SiteContent, load_site
from crossing.story.diagnostics import Severity, render, sort_key

from .journey.publish import ContentError, journey
from .reload import Reloading

_readers: dict[Path, Reloading[SiteContent]] = {}


def read_content(folder: Path) -> SiteContent:
    """Everything under `folder`, or ContentError listing every error as `file:line:col`."""
    content, diagnostics = load_site(folder, journey().story)
    errors = sorted((d for d in diagnostics if d.severity is Severity.ERROR), key=sort_key)
    if errors:
        shown = "\n\n".join(render(d, content.texts) for d in errors)
        raise ContentError(f"{folder} has {len(errors)} error(s):\n\n{shown}")
    return content


def site_content() -> SiteContent:
    """The configured content folder's pages (settings.CONTENT_DIR)."""
    from django.conf import settings

    folder: Path = settings.CONTENT_DIR
    if folder not in _readers:
        _readers[folder] = Reloading(folder, lambda: read_content(folder))
    return _readers[folder].get()
