"""The ending screen's data (a JSON the player loads when an ending is reached, or finds
inline in the single-file edition) and the ending pages' context. Both say the same
things, in the same words: the kind of ending, its odds for each person and year, the
chapter and sources behind it; neither holds anything about a reader."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.utils.translation import gettext as _

from crossing.analysis.scenario import scenario
from crossing.content.documents import Chapter
from crossing.story import compiled as c
from crossing.story.evaluate import Value
from crossing.story.markup import citation_html
from crossing.story.runtime import Program

from .ending_screen import GOAL, ScenarioOdds, careful_words, honesty, likelihood
from .publish import Published

Link = Callable[[str], str]  # a site address -> the address to print (relative in exports)
_CITATION = re.compile(
    r'<sup class="cite"><a href="#source-([^"]*)" data-source="[^"]*">\d+</a></sup>'
)


@dataclass(frozen=True, slots=True)
class ChapterLink:
    title: str  # the chapter's title, and the heading's when the notes name one
    url: str | None


def chapter_link(
    published: Published, ending: str, chapters: Sequence[Chapter], link: Link | None
) -> ChapterLink | None:
    reading = published.notes.readings.get(ending)
    chapter = next((ch for ch in chapters if reading and ch.slug == reading.chapter), None)
    if reading is None or chapter is None:
        return None
    heading = next((h for h in chapter.body.headings if h.id == reading.section), None)
    title = chapter.title if heading is None else f"{chapter.title}: {heading.text}"
    address = chapter.url + (f"#{heading.id}" if heading else "")
    return ChapterLink(title, None if link is None else link(address))


def cited(scene: c.Scene) -> list[str]:
    """The sources an ending's text and afterword cite, in the order they are cited."""
    return list(dict.fromkeys(scene.sources))


def renumbered(epilogue_html: str) -> tuple[str, list[str]]:
    """An afterword shown alone: its citations numbered from 1, and their keys in order."""
    keys: list[str] = []

    def number(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in keys:
            keys.append(key)
        return citation_html(key, keys.index(key) + 1)

    return _CITATION.sub(number, epilogue_html), keys


@lru_cache(maxsize=2)  # the current story, and the one before it while a request ends
def epilogue_inputs(
    published: Published,
) -> tuple[Program, tuple[tuple[frozenset[str], tuple[Value, ...]], ...]]:
    """What every ending page's afterword needs, built once per version of the story: the
    story made ready to play, and each person and year's endings and starting values (a
    scenario's story differs only in its variables' initial values, so no Program is built
    for it)."""
    story = published.story
    starts = tuple(
        (
            frozenset(o.odds),
            tuple(
                v.initial
                for v in scenario(story, o.scenario.start, o.scenario.settings()).variables
            ),
        )
        for o in published.scenarios
    )
    return Program(story), starts


def afterword(published: Published, ending: str) -> str:
    """An ending's afterword for a page that speaks of no one reader: rendered for each
    person and year who can end there, each paragraph once, in order (so each composite's
    note appears for the people it is about)."""
    story = published.story
    program, scenario_starts = epilogue_inputs(published)
    render = program.epilogues[story.scene_index()[ending]]
    if render is None:
        return ""
    starts = [values for endings, values in scenario_starts if ending in endings] or [
        program.initial_values()
    ]
    paragraphs: dict[str, None] = {}
    for values in starts:
        # Variations ({once:}, {seq:}) shown as on a first visit: nothing seen yet.
        for paragraph in re.split(r"(?<=</p>)\s*", render(values, [0] * len(story.sites))):
            if paragraph.strip():
                paragraphs.setdefault(paragraph.strip(), None)
    return "\n".join(paragraphs)


def _kind(published: Published, kind: str) -> dict[str, str]:
    found = published.notes.kinds.get(kind)
    if found is None:  # a story without notes: its own name for the kind
        name = kind.replace("_", " ").capitalize()
        return {"name": name, "words": ""}
    return {"name": found.name, "words": found.words}


def goal_words(published: Published) -> str:
    return _kind(published, GOAL)["name"].lower()


def _scenario_json(odds: ScenarioOdds) -> dict[str, Any]:
    return {
        "label": odds.scenario.label,
        "set": odds.scenario.values,
        "honesty": honesty(odds),
        "odds": {
            scene: [r, b, likelihood(r), likelihood(b)] for scene, (r, b) in odds.odds.items()
        },
        "goal": None if odds.goal is None else likelihood(odds.goal[0]),
    }


def screen_text(goal: str) -> dict[str, str]:
    """Every word the ending screen adds to the player's, in the reader's language."""
    careful = careful_words(goal)
    return {
        "kind": _("{name}. {words}"),
        "for": _("The odds for {who}"),
        "random": _("A reader who chooses at random ends here in {likelihood}."),
        "careful": _("With {careful}, a reader ends here in {likelihood}.").replace(
            "{careful}", careful
        ),
        "careful_never": _("With {careful}, a reader never ends here.").replace(
            "{careful}", careful
        ),
        "table": _("Every ending open to {who}"),
        "ending": _("Ending"),
        "at_random": _("Choosing at random"),
        "with_care": _("Careful play"),
        "never": _("never"),
        "yours": _("(where you ended)"),
        "journey": _("Your journey"),
        "places": _("The places on your way: {places}."),
        "steps": _("Step by step: {d} decisions, and {c} times chance decided"),
        "chose": _("At “{scene}”, you chose: {choice}"),
        "record": _(
            "At “{scene}”, chance decided. From the record: it goes this way {p} of the time."
        ),
        "estimate": _(
            "At “{scene}”, chance decided. An estimate, as no source counts this: it goes "
            "this way about {p} of the time."
        ),
        "why": _("How this number was chosen"),
        "real": _("The real story behind this ending"),
        "chapter": _("Read “{chapter}” in the reportage."),
        "chapter_unlinked": _("The reportage tells it in “{chapter}”."),
        "sources": _("The sources this ending cites:"),
        "again": _("Another journey"),
        "invite": _("Follow someone else, or the same person in another year:"),
        "other": _("{who}: a reader choosing at random reaches {goal} in {likelihood}."),
        "restart": _("Start again"),
        "share": _(
            "This ending has a page of its own to share: it shows the ending and its odds, "
            "never your choices."
        ),
        "copy": _("Copy the link"),
        "copied": _("The link is copied."),
    }


def ending_data(
    published: Published, chapters: Sequence[Chapter], link: Link | None
) -> dict[str, Any]:
    """The ending screen's JSON. `link` turns site addresses into the ones to print; None
    where there is no site to link to (the single-file edition)."""
    from django.urls import reverse

    story = published.story
    endings: dict[str, Any] = {}
    for scene in story.scenes:
        if scene.ending is None:
            continue
        chapter = chapter_link(published, scene.id, chapters, link)
        page = reverse("journey:ending", args=[scene.id]) if link is not None else None
        endings[scene.id] = {
            "page": None if page is None or link is None else link(page),
            "chapter": None if chapter is None else {"title": chapter.title, "url": chapter.url},
            "sources": cited(scene),
        }
    return {
        "text": screen_text(goal_words(published)),
        "kinds": {kind: _kind(published, kind) for kind in story.ending_kinds},
        "goal": goal_words(published),
        "endings": endings,
        "scenarios": [_scenario_json(odds) for odds in published.scenarios],
    }


@dataclass(frozen=True, slots=True)
class ScenarioRow:
    label: str
    random: str | None  # in words; None: never
    careful: str | None


def scenario_rows(published: Published, ending: str) -> list[ScenarioRow]:
    """The people and years for whom this ending is possible, with its odds for each."""
    rows = []
    for odds in published.scenarios:
        if ending in odds.odds:
            r, b = odds.odds[ending]
            rows.append(ScenarioRow(odds.scenario.label, likelihood(r), likelihood(b)))
    return rows


def honesty_overall(published: Published) -> str:
    """How many of the story's chances are estimates, in one sentence."""
    from .ending_screen import is_estimate

    chances = [s.chance for s in published.story.scenes if s.chance is not None]
    n, e = len(chances), sum(is_estimate(ch) for ch in chances)
    if e == n:
        return _(
            "These odds are exact for the story as written, and only as good as its chances: "
            "at each of the {n} points where chance decides, the numbers are the story's own "
            "estimates, explained in its notes, because no source counts such events."
        ).format(n=n)
    return _(
        "These odds are exact for the story as written, and only as good as its chances: "
        "chance decides at {n} points; at {e} of them the numbers are the story's own "
        "estimates, explained in its notes, because no source counts such events, and at "
        "the other {s} they come from a cited source."
    ).format(n=n, e=e, s=n - e)


def ending_addresses() -> list[str]:
    """The address of every ending's own page, in story order (for the sitemap and export)."""
    from django.urls import reverse

    from .publish import journey

    story = journey().story
    return [reverse("journey:ending", args=[s.id]) for s in story.scenes if s.ending is not None]
