"""What every page's layout needs: the site's name and its navigation."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# (label, url name); each area of the site adds its own here.
SECTIONS = [
    (_("Home"), "home"),
    (_("On the border"), "reportage:index"),
    (_("The journey"), "journey:play"),
    (_("Films"), "works:films"),
    (_("The book"), "works:books"),
    (_("News"), "news:index"),
    # Screenings and broadcasts together: the screenings' own pages are reached from there
    # (and count as within it), and the word is shorter than "Screenings" in a header that
    # already wraps at 390 px.
    (_("Events"), "events:list"),
    (_("Sources"), "bibliography:sources"),
]


# Pages of another address that belong to a section.
ALSO_WITHIN = {"events:list": ("/screenings/",)}


def site(request: HttpRequest) -> dict[str, Any]:
    current = request.path
    links = []
    for label, name in SECTIONS:
        url = reverse(name)
        # A section is current on its own pages too (a chapter is within the story).
        within = url != "/" and current.startswith((url, *ALSO_WITHIN.get(name, ())))
        links.append({"label": label, "url": url, "current": current == url, "within": within})
    return {
        "site_name": "Crossing",
        "navigation": links,
        "static_export": settings.CROSSING_STATIC_EXPORT,
        "watching": settings.CROSSING_WATCH,
    }
