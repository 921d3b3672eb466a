"""`crossing bundle`: a story as one self-contained HTML file that plays from `file://`,
with the network off: runtime, story, odds, map and styles all inline.

It renders the site's own player markup (templates/journey/_player.html), so the single
file and the site look and behave alike; only the ending counts, which need the server,
are left out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from crossing.story.compiled import CompiledStory

from .journey.publish import random_reader_odds

PACKAGE_DIR = Path(__file__).resolve().parent
STATIC = PACKAGE_DIR / "static" / "crossing"
STYLES = ("site.css", "player.css")


def _configure_templates() -> None:
    """Django's templates and translations, without the site's database or data folder."""
    import django
    from django.conf import settings

    if not settings.configured:
        settings.configure(
            USE_I18N=True,
            LANGUAGE_CODE="en",
            INSTALLED_APPS=[],
            TEMPLATES=[
                {
                    "BACKEND": "django.template.backends.django.DjangoTemplates",
                    "DIRS": [PACKAGE_DIR / "templates"],
                }
            ],
        )
        django.setup()


def inline_script(source: str) -> str:
    # Inside <script>, only "</script" (any case) could end the element early.
    if "</script" in source.lower():
        raise ValueError("the player's source contains '</script'")
    return source


def render_bundle(story: CompiledStory, cache_dir: Path | None = None) -> str:
    _configure_templates()
    from django.template.loader import render_to_string
    from django.utils import translation

    from .journey.player import player_text

    with translation.override(story.language or "en"):
        context: dict[str, Any] = {
            "story": story,
            "story_data": story.to_json(),
            "player_text": player_text(),
            "odds": random_reader_odds(story, cache_dir) or {},
            "styles": "\n".join((STATIC / name).read_text(encoding="utf-8") for name in STYLES),
            "map_svg": (STATIC / "map.svg").read_text(encoding="utf-8"),
            "player_js": inline_script((STATIC / "player.js").read_text(encoding="utf-8")),
        }
        return render_to_string("journey/bundle.html", context)


def write_bundle(story: CompiledStory, output: Path, cache_dir: Path | None = None) -> int:
    """Write the file; return its size in bytes."""
    text = render_bundle(story, cache_dir)
    output.write_text(text, encoding="utf-8")
    return len(text.encode())
