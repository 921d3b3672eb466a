"""What every page's layout needs: the site's name and its navigation."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# (label, url name); later areas (the story, films, book, sources, news) add theirs here.
SECTIONS = [
    (_("Home"), "home"),
    (_("The journey"), "journey:play"),
    (_("The gamebook"), "journey:gamebook-all"),
]


def site(request: HttpRequest) -> dict[str, Any]:
    current = request.path
    links = []
    for label, name in SECTIONS:
        url = reverse(name)
        links.append({"label": label, "url": url, "current": current == url})
    return {"site_name": "Crossing", "navigation": links}
