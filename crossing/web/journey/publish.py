"""The journey as the site publishes it: compiled from content/journey, with the exact odds
of every ending for a reader choosing at random (crossing odds), computed once per story
version and kept in the data folder."""

from __future__ import annotations

import dataclasses
import json
import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crossing.analysis.explore import TooManyStates
from crossing.analysis.odds import analyse
from crossing.story import load_source
from crossing.story.compiled import CompiledStory
from crossing.story.diagnostics import render

from ..compression import Coding, compress
from ..reload import Reloading
from . import odds_cache
from .ending_screen import NO_NOTES, Notes, NotesError, ScenarioOdds, load_notes, scenario_odds
from .opening import split

DEFAULT_LOCALE = "en"  # the language the journey is written in

log = logging.getLogger(__name__)


class ContentError(Exception):
    """The story does not compile; the message lists every error as `file:line:col`."""


@dataclass(frozen=True, slots=True, eq=False)
class Encoded:
    """A body served as is per story version, compressed (brotli at its best: seconds for
    the whole story) once per process, when a reader first asks for that coding."""

    plain: bytes
    _packed: dict[str, bytes] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def of(cls, data: dict[str, Any]) -> Encoded:
        return cls(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())

    def body(self, coding: Coding) -> bytes:
        if coding == "identity":
            return self.plain
        with self._lock:  # one thread compresses; the others wait for it, not redo it
            if coding not in self._packed:
                self._packed[coding] = compress(self.plain, coding)
            return self._packed[coding]


EMPTY = Encoded(b"")


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity, for caches
class Published:
    story: CompiledStory
    hash: str  # the story's fingerprint, computed once (it hashes the whole story)
    data: dict[str, Any]  # the compiled JSON the players read
    text: str  # the same, serialised once
    odds: dict[str, float] | None  # ending scene -> chance for a random reader
    notes: Notes = NO_NOTES  # endings.toml: people and years, kinds in words, chapters
    scenarios: tuple[ScenarioOdds, ...] = ()  # the odds for each person and year
    # For transport (opening.py): the whole story, the opening inline in the page, the rest.
    whole: Encoded = EMPTY
    opening: dict[str, Any] = field(default_factory=dict)
    rest: Encoded = EMPTY

    @property
    def endings(self) -> set[str]:
        return {scene.id for scene in self.story.scenes if scene.ending is not None}


def compile_story(folder: Path, locale: str = DEFAULT_LOCALE) -> CompiledStory:
    """The journey in `locale`: its words, place names and sources' notes from the story's
    catalogues for that language (docs/translating.md, "The journey")."""
    loaded = load_source(folder, locale=None if locale == DEFAULT_LOCALE else locale)
    if loaded.story is None or loaded.errors:
        lines = [render(d, loaded.texts) for d in loaded.errors or loaded.diagnostics]
        raise ContentError(f"{folder} does not compile:\n" + "\n".join(lines))
    return loaded.story


def random_reader_odds(story: CompiledStory, cache_dir: Path | None) -> dict[str, float] | None:
    """Each ending's chance for a reader who picks at random; None if too big to analyse.

    Kept in `cache_dir` (if given) by the story's hash: the analysis takes seconds."""
    path = None if cache_dir is None else cache_dir / f"odds-{story.id}-{story.hash}.json"
    if path is not None and isinstance(kept := odds_cache.read(path), dict):
        return kept
    started = time.perf_counter()
    try:
        report = analyse(story)
    except TooManyStates:
        log.warning("%s: too many states for exact odds; the ending screen omits them", story.id)
        return None
    odds = {e.scene: float(e.odds["random"]) for e in report.endings}
    if path is not None:
        odds_cache.keep(path, odds)
    log.info("odds of %s computed in %.1f s", story.id, time.perf_counter() - started)
    return odds


def publish(
    folder: Path,
    cache_dir: Path | None,
    locale: str = DEFAULT_LOCALE,
    source: Published | None = None,
) -> Published:
    """The journey in `locale`. A translation has the source's scenes, choices and so its
    odds: `source` (the journey in its own language) spares analysing it again."""
    story = compile_story(folder, locale)
    try:
        notes = load_notes(folder, story, locale)
    except NotesError as error:
        raise ContentError(str(error)) from None
    data = story.to_json()
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    if source is not None:
        odds = source.odds
        scenarios = tuple(
            dataclasses.replace(kept, scenario=translated)
            for kept, translated in zip(source.scenarios, notes.scenarios, strict=True)
        )
    else:
        odds = random_reader_odds(story, cache_dir)
        scenarios = scenario_odds(story, notes, cache_dir)
    opening, rest = split(data)
    return Published(
        story,
        data["hash"],
        data,
        text,
        odds,
        notes,
        scenarios,
        whole=Encoded(text.encode()),
        opening=opening,
        rest=Encoded.of(rest),
    )


_publishers: dict[tuple[Path, Path, str], Reloading[Published]] = {}


def journey(locale: str | None = None) -> Published:
    """The journey from the configured content folder (settings.CONTENT_DIR) in `locale`
    (None: the request's language); an edit anywhere in that folder (the sources and
    places tables too) republishes it."""
    from django.conf import settings

    from ..languages import current

    language = locale or current()
    key = (settings.CONTENT_DIR, settings.DATA_DIR / "cache", language)
    if key not in _publishers:
        story, cache = settings.CONTENT_DIR / "journey", key[1]
        if language == DEFAULT_LOCALE:
            _publishers[key] = Reloading(key[0], lambda: publish(story, cache))
        else:
            _publishers[key] = Reloading(
                key[0],
                lambda: publish(story, cache, language, journey(DEFAULT_LOCALE)),
            )
    return _publishers[key].get()
