"""The journey's opening at a glance: whom a reader can follow, where each sets out, and a small
map of the places each one's journey can reach. Found in the story itself, not written twice:
the choice of a person is the first decision whose choices each set one enum variable to a
different value (`~ who = mi_ok`) and lead to different places; the places each choice can
reach come from the story's state graph (crossing.analysis), so a place only another person's
branch visits is not on that person's map."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from functools import lru_cache

from django.utils.translation import gettext as _

from crossing.analysis.explore import StateGraph, TooManyStates, explore
from crossing.analysis.graph import plain_text
from crossing.analysis.transitions import CHOICE
from crossing.content import maps
from crossing.locales import speaking
from crossing.story.compiled import Choice, CompiledStory, Place

from .publish import Published


@dataclass(frozen=True, slots=True)
class Person:
    key: str  # the choice's stable id
    text: str  # the choice's own words: who they are and where
    name: str  # those words up to the first comma ("Mi-ok")
    about: str  # and after it ("thirty-four, a market trader in Musan, on the Tumen River")
    start: Place
    places: tuple[Place, ...]  # every place the journey can reach, the start first
    map_svg: str


def _states_from(graph: StateGraph, state: int) -> list[int]:
    """Every state reachable from `state` (itself first), nearest first."""
    seen, queue, order = {state}, deque([state]), []
    while queue:
        here = queue.popleft()
        order.append(here)
        for edge in graph.edges(here):
            target = graph.targets[edge]
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return order


def _places_from(graph: StateGraph, state: int) -> list[str]:
    scenes = graph.story.scenes
    found = (scenes[graph.scene(s)].place for s in _states_from(graph, state))
    return list(dict.fromkeys(p for p in found if p))


def _first_place(graph: StateGraph, state: int) -> str | None:
    scenes = graph.story.scenes
    return next(
        (p for s in _states_from(graph, state) if (p := scenes[graph.scene(s)].place)), None
    )


def _sets_one_enum(story: CompiledStory, choices: list[Choice]) -> bool:
    """Whether every choice sets the same enum variable, each to a value of its own."""
    literal = [
        {e.var: e.expr for e in c.effects if story.variables[e.var].type == "enum"} for c in choices
    ]
    shared = set.intersection(*(set(values) for values in literal))
    return any(
        all(isinstance(values[v], int) for values in literal)
        and len({values[v] for values in literal}) == len(choices)
        for v in shared
    )


def find_people(story: CompiledStory) -> tuple[Person, ...]:
    """The people of the story's choice of a person; none if it has no such choice."""
    if not any(scene.place for scene in story.scenes):
        return ()
    try:
        graph = explore(story)
    except TooManyStates:
        return ()  # too large to say where each can go: the opening goes without
    base = maps.read_base_map()
    for state in _states_from(graph, 0):
        edges = graph.edges(state)
        if graph.modes[state] != CHOICE or len(edges) < 2:
            continue
        scene = story.scenes[graph.scene(state)]
        if not _sets_one_enum(story, [scene.choices[graph.labels[e]] for e in edges]):
            continue
        starts = [_first_place(graph, graph.targets[e]) for e in edges]
        if None in starts or len(set(starts)) < len(starts):
            continue
        by_key = {place.key: place for place in story.places}
        people = []
        for edge, start_key in zip(edges, starts, strict=True):
            choice = scene.choices[graph.labels[edge]]
            start = by_key[start_key or ""]
            places = tuple(by_key[k] for k in _places_from(graph, graph.targets[edge]))
            text = plain_text(choice.text, story.variables)
            key = "person-" + choice.id.replace("/", "-")
            title = _("Where the journey of %(person)s can lead") % {"person": text}
            desc = _(
                "A map with a dot for each of %(count)d places; the start, %(start)s, is filled."
            ) % {
                "count": len(places),
                "start": maps.short_name(start, story.language or "en"),
            }
            with speaking(story.language or "en"):  # the map's country names
                svg = maps.draw_places(key, title, desc, base, list(places), start)
            name, _comma, about = text.partition(",")
            people.append(Person(choice.id, text, name, about.strip(), start, places, svg))
        return tuple(people)
    return ()


@lru_cache(maxsize=2)  # the current story, and the one before it while a request ends
def journey_people(published: Published) -> tuple[Person, ...]:
    return find_people(published.story)
