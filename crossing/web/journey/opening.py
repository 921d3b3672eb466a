"""The compiled story in two parts, for transport only: the opening, inline in the journey
page so that the player shows its first scene from the page alone, and the rest, fetched
at once behind it. Merged, they are the compiled story exactly: the same JSON, key for key
and in the same order, so the same hash, saves and play (docs/compiled-format.md, "The
opening and the rest").

The opening is the whole story (variables, chapters, places, numbers: small) with its
`scenes` masked: a scene the reader cannot reach within OPENING_DECISIONS decisions of the
start is an empty object `{}` there (a placeholder the player can load, with no id), at its
own index, so scene numbers stay as compiled. Of `sources`
(a third of what is left), it keeps those the opening's scenes cite. The rest holds the
complement: each scene and source the opening masked, `null` where the opening has it.

Pure functions on the compiled JSON: no Django, no I/O."""

from __future__ import annotations

import json
from typing import Any

Json = dict[str, Any]

# Two decisions: the first scene, what each first choice leads to, and one step beyond.
# A reader takes longer to read the first scene than the rest takes to arrive on slow 3G.
OPENING_DECISIONS = 2
# Scenes reached without a decision (diverts, chance) follow their scene into the opening
# while it is under this many bytes of JSON; past it, the player waits for the rest.
OPENING_BUDGET = 24_000

REST_FORMAT = "crossing-story-rest"


class PartsError(ValueError):
    """The parts do not belong together (different stories or versions), or are damaged."""


def _next(scene: Json) -> tuple[list[int], list[int]]:
    """Where a scene leads: without a decision (diverts, chance outcomes), and by choice."""
    free = [divert["target"] for divert in scene.get("diverts") or ()]
    chance = scene.get("chance")
    if chance:
        free += [outcome["target"] for outcome in chance["outcomes"]]
    return free, [choice["target"] for choice in scene.get("choices") or ()]


def _size(scene: Json) -> int:
    return len(json.dumps(scene, ensure_ascii=False, separators=(",", ":")).encode())


def _closure(scenes: list[Json], entry: int) -> list[int]:
    """`entry` and every scene play reaches from it without a decision."""
    found = [entry]
    seen = {entry}
    for index in found:  # (grows as it goes)
        for target in _next(scenes[index])[0]:
            if target not in seen:
                seen.add(target)
                found.append(target)
    return found


def opening_scenes(
    data: Json, decisions: int = OPENING_DECISIONS, budget: int = OPENING_BUDGET
) -> set[int]:
    """The scenes within `decisions` choices of the start, nearest first, while their JSON
    is under `budget` bytes. Closed: a scene is in only with every scene reached from it
    without a decision (so the player, at a choice, needs to look at its target alone),
    and the start always is."""
    scenes = data["scenes"]
    kept: set[int] = set()
    spent = 0
    entries = [data["start"]]
    for _ in range(decisions + 1):
        following: list[int] = []
        for entry in entries:
            if entry in kept:
                continue
            group = [i for i in _closure(scenes, entry) if i not in kept]
            cost = sum(_size(scenes[i]) for i in group)
            if kept and spent + cost > budget:
                continue  # this one waits for the rest
            kept.update(group)
            spent += cost
            following += [target for i in group for target in _next(scenes[i])[1]]
        entries = following
    return kept


def _cited(scenes: list[Json], sources: Json) -> set[str]:
    """The sources these scenes name: in their text's links (data-source="key") and their
    lists (a scene's sources, a chance's sources and background)."""
    text = json.dumps(scenes, ensure_ascii=False)
    return {key for key in sources if f'"{key}"' in text or f'\\"{key}\\"' in text}


def split(data: Json, keep: set[int] | None = None) -> tuple[Json, Json]:
    """The opening (inline in the page) and the rest (fetched behind it)."""
    if keep is None:
        keep = opening_scenes(data)
    scenes = data["scenes"]
    opening: Json = {**data, "scenes": [s if i in keep else {} for i, s in enumerate(scenes)]}
    rest: Json = {
        "format": REST_FORMAT,
        "hash": data["hash"],
        "scenes": [None if i in keep else s for i, s in enumerate(scenes)],
    }
    if "sources" in data:
        sources = data["sources"]
        cited = _cited([scenes[i] for i in sorted(keep)], sources)
        opening["sources"] = {key: value for key, value in sources.items() if key in cited}
        rest["sources"] = {key: None if key in cited else v for key, v in sources.items()}
    return opening, rest


def merge(opening: Json, rest: Json) -> Json:
    """The compiled story the two parts were split from; PartsError if they do not fit."""
    if rest.get("format") != REST_FORMAT or rest.get("hash") != opening.get("hash"):
        raise PartsError("the rest of the story is not of this story's version")
    first, second = opening["scenes"], rest["scenes"]
    if len(first) != len(second):
        raise PartsError("the rest of the story has a different number of scenes")
    merged: Json = {**opening, "scenes": [a or b for a, b in zip(first, second, strict=True)]}
    if None in merged["scenes"] or {} in merged["scenes"]:
        raise PartsError("a scene is in neither part")
    if "sources" in rest:
        had = opening.get("sources", {})
        if any(value is None and key not in had for key, value in rest["sources"].items()):
            raise PartsError("a source is in neither part")
        merged["sources"] = {
            key: value if value is not None else had[key] for key, value in rest["sources"].items()
        }
    return merged


def missing(opening: Json) -> set[int]:
    """The scenes the opening leaves to the rest."""
    return {i for i, scene in enumerate(opening["scenes"]) if not scene}
