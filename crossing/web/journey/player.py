"""What the journey page gives the browser player: its words, translated here, and the
odds of every ending. The same context serves the site and the single-file edition."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from .publish import Published


def player_text() -> dict[str, Any]:
    """Every word the player shows, in the reader's language; `{p}` and `{n}` are filled in."""
    return {
        # A chance whose numbers a cited source gives, and one the story estimates; {s} is
        # the sources, each a link that opens in the page.
        "record": _(
            "Chance decided this step. From the record: it goes this way {p} of the time ({s})."
        ),
        "estimate": _(
            "Chance decided this step. An estimate — no source counts this: it goes this way "
            "{p} of the time."
        ),
        "background": _("Background, which does not give the number: {s}."),
        "why": _("How this number was chosen"),
        "echo": _("You chose: {c}"),
        "leap": _("(a flight or transfer: the dashed line on the map is not the way taken)"),
        "odds": _("A reader choosing at random ends here in {p} of journeys."),
        "fared": _("Of the {n} readers who have finished this version, {p} ended here."),
        "few": _(
            "Too few readers have finished this version to say how others fared ({n} so far)."
        ),
        "resumed": _("Welcome back: you are where you left off."),
        # A save from an earlier version of the story: the runtime moved the reader to the
        # nearest place it still has (crossing/story/saves.py says what it changed).
        "changed": _(
            "Welcome back. The story has changed since your last visit: your place in it was "
            "adjusted to this version."
        ),
        "loading": _("The rest of the story is still loading. It goes on as soon as it is here."),
        "failed": _(
            "The interactive journey could not be loaded. The gamebook edition on this page "
            "holds the same story."
        ),
        "source": {
            "author": _("Author or publisher"),
            "date": _("Date"),
            "confidence": _("How sure"),
            "note": _("Note"),
            "url": _("Read it"),
        },
        "confidence": {
            "confirmed": _("Confirmed by the source"),
            "attributed": _("The source's own claim, attributed to it"),
            "estimate": _("An estimate, not an established fact"),
        },
    }


def player_context(published: Published) -> dict[str, Any]:
    return {
        "story": published.story,
        "player_text": player_text(),
        "odds": published.odds or {},
    }
