"""`crossing bundle`: a story as one self-contained HTML file that plays from `file://`,
with the network off: runtime, story, odds, map and styles all inline.

It renders the site's own player markup (templates/journey/_player.html), so the single
file and the site look and behave alike; only the ending counts, which need the server,
are left out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from crossing.content.documents import Chapter
from crossing.content.maps import base_map_svg
from crossing.files import write_atomic
from crossing.story.compiled import CompiledStory

from .journey.ending_screen import NO_NOTES, load_notes, scenario_odds
from .journey.publish import Published, random_reader_odds
from .policy_meta import with_policy_meta

PACKAGE_DIR = Path(__file__).resolve().parent
STATIC = PACKAGE_DIR / "static" / "crossing"
STYLES = ("site.css", "player.css", "ending.css")
# In every bundle's <head> (templates/journey/bundle.html): how `crossing bundle -o` knows
# a file it may overwrite.
SIGNATURE = b'<meta name="generator" content="crossing bundle">'


def _configure_templates() -> None:
    """Django's templates and translations, without the site's database or data folder."""
    import django
    from django.conf import settings

    if not settings.configured:
        settings.configure(
            USE_I18N=True,
            LANGUAGE_CODE="en",
            LOCALE_PATHS=[PACKAGE_DIR.parent / "locale"],  # the interface in each language
            INSTALLED_APPS=[],
            TEMPLATES=[
                {
                    "BACKEND": "django.template.backends.django.DjangoTemplates",
                    "DIRS": [PACKAGE_DIR / "templates"],
                    "OPTIONS": {"libraries": {"json": "crossing.web.json_tags"}},
                }
            ],
        )
        django.setup()


def inline_script(source: str) -> str:
    # Inside <script>, only "</script" (any case) could end the element early.
    if "</script" in source.lower():
        raise ValueError("the player's source contains '</script'")
    return source


def _published(
    story: CompiledStory, folder: Path | None, cache_dir: Path | None, locale: str
) -> Published:
    """The story with the ending notes beside it (`endings.toml` in `folder`, if any, or
    its translation into `locale`) and its odds for each person and year. Raises
    NotesError if the notes do not fit it."""
    notes = NO_NOTES if folder is None else load_notes(folder, story, locale)
    return Published(
        story,
        story.hash,
        {},
        "",
        random_reader_odds(story, cache_dir),
        notes,
        scenario_odds(story, notes, cache_dir),
    )


def _chapters(folder: Path | None, story: CompiledStory, locale: str) -> list[Chapter]:
    """The reportage's chapters beside the story folder (content/story), for their titles:
    the single file names the chapter behind an ending, with no site to link to."""
    if folder is None:
        return []
    from crossing.content.site import load_site

    try:
        content, _ = load_site(folder.parent, story, locale)
    except (OSError, ValueError):
        return []
    return content.chapters


def render_bundle(
    story: CompiledStory,
    cache_dir: Path | None = None,
    folder: Path | None = None,
    locale: str | None = None,
) -> str:
    """The single file; `folder`, the story's source folder, adds its ending notes. The
    interface, notes and chapter titles in `locale` (default: the story's language)."""
    _configure_templates()
    from django.template.loader import render_to_string
    from django.utils import translation

    from .journey.ending_pages import ending_data
    from .journey.player import player_text

    language = locale or story.language or "en"
    published = _published(story, folder, cache_dir, language)
    with translation.override(language):
        context: dict[str, Any] = {
            "story": story,
            "language": language,
            "story_data": story.to_json(),
            "player_text": player_text(),
            "odds": published.odds or {},  # computed once, with the scenarios
            "styles": "\n".join((STATIC / name).read_text(encoding="utf-8") for name in STYLES),
            "map_svg": base_map_svg(language),
            "player_js": inline_script((STATIC / "player.js").read_text(encoding="utf-8")),
            "ending_js": inline_script((STATIC / "ending.js").read_text(encoding="utf-8")),
            "ending_data": ending_data(published, _chapters(folder, story, language), None),
            "single_file": True,
        }
        # The site's policy, its inline script and styles allowed by their hashes.
        return with_policy_meta(render_to_string("journey/bundle.html", context))


def write_bundle(
    story: CompiledStory,
    output: Path,
    cache_dir: Path | None = None,
    folder: Path | None = None,
    locale: str | None = None,
) -> int:
    """Write the file whole or not at all (crossing.files); return its size in bytes."""
    return write_atomic(output, render_bundle(story, cache_dir, folder, locale))


def is_bundle(head: bytes) -> bool:
    """Whether a file's first bytes are those of a file `write_bundle` wrote."""
    return SIGNATURE in head
