"""What the ending screen and the ending pages say beside the story: the story's ending
notes (content/journey/endings.toml: people and years to follow, ending kinds in words, the
reportage chapter behind each ending), the exact odds of every ending for each person and
year, and how those odds read in words.

The odds per scenario are what `crossing odds --from SCENE --set NAME=VALUE` computes,
for a reader choosing at random and for careful play (the analysis's best reader, who
maximises the chance of its goal kind). They are computed when the story is published and
kept by the story's hash and the notes' hash, as the whole-story odds are."""

from __future__ import annotations

import hashlib
import logging
import math
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.numbers import format_percent
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from crossing.analysis.explore import TooManyStates
from crossing.analysis.odds import analyse
from crossing.analysis.scenario import ScenarioError, scenario
from crossing.story import compiled as c
from crossing.story.tables import toml_error

from . import odds_cache

log = logging.getLogger(__name__)

NOTES_FILE = "endings.toml"
GOAL = "safety"  # the kind careful play aims at (the analysis's default goal)


class NotesError(ValueError):
    """endings.toml does not fit the story; the message starts with `file:line:col` or `file`."""


@dataclass(frozen=True, slots=True)
class Scenario:
    label: str
    start: str
    values: dict[str, str]  # variable -> value, as `--set` takes them

    def settings(self) -> list[str]:
        return [f"{name}={value}" for name, value in self.values.items()]


@dataclass(frozen=True, slots=True)
class Kind:
    name: str
    words: str


@dataclass(frozen=True, slots=True)
class Reading:
    """The reportage chapter behind an ending: its slug and, optionally, a heading's anchor."""

    chapter: str
    section: str | None


@dataclass(frozen=True, slots=True)
class Notes:
    scenarios: tuple[Scenario, ...]
    kinds: dict[str, Kind]
    readings: dict[str, Reading]  # ending scene -> chapter
    digest: str  # of the file's bytes, for the odds cache


NO_NOTES = Notes((), {}, {}, "none")


def _table(data: Any, where: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise NotesError(f"{where} should be a table")
    return data


def _text(data: dict[str, Any], key: str, where: str, *, required: bool = True) -> str | None:
    value = data.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise NotesError(f"{where}: '{key}' should be a non-empty string")
    return value.strip()


def load_notes(folder: Path, story: c.CompiledStory, locale: str = "en") -> Notes:
    """The notes beside the story, checked against it; no file, no notes. In another
    language, `endings.LOCALE.toml` where there is one: the same tables and identifiers
    (scenarios' starts and settings, kinds, endings' chapters and sections), its words
    translated; else the source's."""
    notes = _load(folder / NOTES_FILE, story)
    translated = folder / f"{Path(NOTES_FILE).stem}.{locale}.toml"
    if locale == "en" or not translated.exists():
        return notes
    found = _load(translated, story)
    if _identifiers(found) != _identifiers(notes):
        raise NotesError(
            f"{translated}: its scenarios, kinds or endings differ from {NOTES_FILE}'s "
            "(a translation changes only labels, names and words)"
        )
    return found


def _identifiers(notes: Notes) -> tuple[object, ...]:
    return (
        [(s.start, s.values) for s in notes.scenarios],
        sorted(notes.kinds),
        notes.readings,
    )


def _load(path: Path, story: c.CompiledStory) -> Notes:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return NO_NOTES
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except tomllib.TOMLDecodeError as error:
        line, column, message = toml_error(error)
        raise NotesError(f"{path}:{line}:{column}: {message}") from None
    except UnicodeDecodeError:
        raise NotesError(f"{path}: not UTF-8 text") from None
    known = {"scenario", "kinds", "endings"}
    if unknown := sorted(set(data) - known):
        raise NotesError(
            f"{path}: unknown key(s) {', '.join(unknown)} (known: scenario, kinds, endings)"
        )
    scenarios = []
    entries = data.get("scenario", [])
    if not isinstance(entries, list):
        raise NotesError(f"{path}: 'scenario' should be an array of tables ([[scenario]])")
    for number, entry in enumerate(entries, 1):
        where = f"{path}: scenario {number}"
        entry = _table(entry, where)
        values = _table(entry.get("set", {}), f"{where}: 'set'")
        found = Scenario(
            str(_text(entry, "label", where)),
            str(_text(entry, "from", where)),
            {str(k): str(v) for k, v in values.items()},
        )
        try:
            scenario(story, found.start, found.settings())
        except ScenarioError as error:
            raise NotesError(f"{where}: {error}") from None
        scenarios.append(found)
    kinds = {}
    for kind, entry in _table(data.get("kinds", {}), f"{path}: 'kinds'").items():
        if kind not in story.ending_kinds:
            raise NotesError(
                f"{path}: '{kind}' is not an ending kind of {story.id} "
                f"({', '.join(story.ending_kinds)})"
            )
        where = f"{path}: kinds.{kind}"
        entry = _table(entry, where)
        kinds[kind] = Kind(str(_text(entry, "name", where)), str(_text(entry, "words", where)))
    endings = {scene.id for scene in story.scenes if scene.ending is not None}
    readings = {}
    for ending, entry in _table(data.get("endings", {}), f"{path}: 'endings'").items():
        if ending not in endings:
            raise NotesError(f"{path}: '{ending}' is not an ending scene of {story.id}")
        where = f"{path}: endings.{ending}"
        entry = _table(entry, where)
        chapter = str(_text(entry, "chapter", where))
        readings[ending] = Reading(chapter, _text(entry, "section", where, required=False))
    digest = hashlib.sha256(raw).hexdigest()[:16]
    return Notes(tuple(scenarios), kinds, readings, digest)


# -- the odds of each scenario --


@dataclass(frozen=True, slots=True)
class ScenarioOdds:
    scenario: Scenario
    odds: dict[str, tuple[float, float]]  # ending scene -> (random reader, careful play)
    goal: tuple[float, float] | None  # chance of a GOAL ending; None if the story has none
    chances: int  # chance points that can be reached
    estimates: int  # of which the story's own estimates, not numbers from a source


def is_estimate(chance: c.Chance) -> bool:
    """Whether a chance's numbers are the story's own estimate, not a source's."""
    return chance.basis == "estimate"


def _analyse(story: c.CompiledStory, found: Scenario) -> ScenarioOdds:
    goal = GOAL if GOAL in story.ending_kinds else story.ending_kinds[0]
    report = analyse(scenario(story, found.start, found.settings()), goal)
    odds = {
        e.scene: (float(e.odds["random"]), float(e.odds["best"]))
        for e in report.endings
        if e.odds["random"] or e.odds["best"]
    }
    never = set(report.unreachable_scenes)
    reachable = [s.chance for s in story.scenes if s.chance is not None and s.id not in never]
    totals = report.kinds.get(GOAL)
    return ScenarioOdds(
        found,
        odds,
        None if totals is None else (float(totals["random"]), float(totals["best"])),
        len(reachable),
        sum(is_estimate(chance) for chance in reachable if chance is not None),
    )


def _to_json(odds: ScenarioOdds) -> dict[str, Any]:
    return {
        "odds": {k: list(v) for k, v in odds.odds.items()},
        "goal": None if odds.goal is None else list(odds.goal),
        "chances": odds.chances,
        "estimates": odds.estimates,
    }


def _from_json(found: Scenario, data: dict[str, Any]) -> ScenarioOdds:
    goal = data["goal"]
    return ScenarioOdds(
        found,
        {k: (float(v[0]), float(v[1])) for k, v in data["odds"].items()},
        None if goal is None else (float(goal[0]), float(goal[1])),
        int(data["chances"]),
        int(data["estimates"]),
    )


def scenario_odds(
    story: c.CompiledStory, notes: Notes, cache_dir: Path | None
) -> tuple[ScenarioOdds, ...]:
    """Each scenario's odds; kept in `cache_dir` by story and notes, as analysis takes a
    second or so per scenario. A scenario too big to analyse is left out, and logged."""
    if not notes.scenarios:
        return ()
    path = None
    if cache_dir is not None:
        path = cache_dir / f"scenario-odds-{story.id}-{story.hash}-{notes.digest}.json"
        cached = odds_cache.read(path)
        if isinstance(cached, dict):
            try:
                return tuple(
                    _from_json(found, cached[found.label])
                    for found in notes.scenarios
                    if found.label in cached
                )
            except (ValueError, KeyError, TypeError, IndexError):  # a stale shape: compute again
                pass
    results = []
    for found in notes.scenarios:
        try:
            results.append(_analyse(story, found))
        except TooManyStates:
            log.warning("%s: %s has too many states for exact odds", story.id, found.label)
    if path is not None:
        odds_cache.keep(path, {r.scenario.label: _to_json(r) for r in results})
    return tuple(results)


# -- in words --


def percent(p: float) -> str:
    """A share in the reader's locale, to two significant figures: "23 %", "0.6 %"."""
    pattern = "#,##0%" if p >= 0.095 else "#,##0.#%" if p >= 0.0095 else "#,##0.##%"
    return format_percent(p, pattern, locale=(get_language() or "en").replace("-", "_"))


def likelihood(p: float) -> str | None:
    """How often, as a reader counts it: "about 1 in 5 journeys (22 %)"; None for never."""
    if p <= 0:
        return None
    share = percent(p)
    if p >= 0.995:
        return _("almost every journey ({percent})").format(percent=share)
    if p >= 0.295:
        tenths = math.floor(p * 10 + 0.5)
        return _("about {n} in 10 journeys ({percent})").format(n=tenths, percent=share)
    if p < 0.01:
        return _("fewer than 1 in 100 journeys ({percent})").format(percent=share)
    n = round(1 / p)
    if n > 20:  # "1 in 38" claims more than "about" can carry
        n = 5 * round(n / 5)
    return _("about 1 in {n} journeys ({percent})").format(n=n, percent=share)


def honesty(odds: ScenarioOdds) -> str:
    """How much of the odds rests on estimates, in one sentence."""
    n, e = odds.chances, odds.estimates
    if not n:
        return _("Chance plays no part on this road: only the choices decide it.")
    if e == 0:
        return ngettext(
            "The one point where chance decides on this road takes its numbers from a cited "
            "source.",
            "Each of the {n} points where chance decides on this road takes its numbers from "
            "a cited source.",
            n,
        ).format(n=n)
    if e == n:
        return ngettext(
            "These odds are only as good as the story's chances: the one point where chance "
            "decides on this road uses the story's own estimate, explained in its notes, "
            "because no source counts such events.",
            "These odds are only as good as the story's chances: each of the {n} points where "
            "chance decides on this road uses the story's own estimate, explained in its "
            "notes, because no source counts such events.",
            n,
        ).format(n=n)
    return _(
        "These odds are only as good as the story's chances: chance decides at {n} points on "
        "this road; at {e} of them the numbers are the story's own estimates, explained in "
        "its notes, because no source counts such events, and at the other {s} they come "
        "from a cited source."
    ).format(n=n, e=e, s=n - e)


def careful_words(goal: str) -> str:
    return _("careful play (always taking the way most likely to end in {goal})").format(goal=goal)
