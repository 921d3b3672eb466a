"""The compiled story split for transport (crossing/web/journey/opening.py): the opening,
inline in the journey page, and the rest, fetched behind it. Merged, they must be the
compiled story exactly; and a player holding only the opening must never step into a scene
it lacks without waiting for the rest (it checks only a choice's target)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from analysis.stories import compiled_stories
from hypothesis import given
from hypothesis import strategies as st

from crossing.web.journey.opening import (
    PartsError,
    merge,
    missing,
    opening_scenes,
    split,
)
from crossing.web.journey.publish import compile_story

ROOT = Path(__file__).resolve().parents[2]


def text(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def free_targets(scene: dict[str, Any]) -> list[int]:
    """Where play goes from a scene without a decision."""
    targets = [d["target"] for d in scene.get("diverts") or ()]
    chance = scene.get("chance")
    return targets + [o["target"] for o in chance["outcomes"]] if chance else targets


def with_sources(data: dict[str, Any], keys: list[str], cited: list[int]) -> dict[str, Any]:
    """The story with sources, some of them cited by scenes (in text, as links are)."""
    scenes = [dict(scene) for scene in data["scenes"]]
    for position, index in enumerate(cited):
        key = keys[position % len(keys)] if keys else None
        if key is not None and index < len(scenes):
            link = f'<a href="#source-{key}" data-source="{key}">1</a>'
            scenes[index]["text"] = f"{scenes[index].get('text') or ''}{link}"
    sources = {key: {"title": f"About {key}", "url": None} for key in keys}
    return {**data, "scenes": scenes, "sources": sources}


@given(
    compiled_stories(max_scenes=12),
    st.integers(0, 3),
    st.integers(0, 4000),
    st.lists(st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True), unique=True, max_size=6),
    st.lists(st.integers(0, 11), max_size=6),
)
def test_the_parts_merge_into_the_compiled_story(
    story: Any, decisions: int, budget: int, keys: list[str], cited: list[int]
) -> None:
    data = with_sources(story.to_json(), keys, cited)
    keep = opening_scenes(data, decisions, budget)
    opening, rest = split(data, keep)
    # Exactly the compiled story: the same JSON, key for key and in order (so the same hash).
    assert text(merge(opening, rest)) == text(data)
    # The start is always in, and the opening is closed: from a scene it has, play reaches
    # no scene it lacks before the next decision.
    assert data["start"] in keep
    for index in keep:
        assert set(free_targets(data["scenes"][index])) <= keep
    assert missing(opening) == set(range(len(data["scenes"]))) - keep
    # Each scene travels once: in the opening or in the rest.
    for first, second in zip(opening["scenes"], rest["scenes"], strict=True):
        assert (first == {}) != (second is None)
    # The opening names every source its scenes cite.
    for index in keep:
        for key in keys:
            if f'data-source="{key}"' in (data["scenes"][index].get("text") or ""):
                assert key in opening["sources"]


@pytest.fixture(scope="module")
def journey_data() -> dict[str, Any]:
    data: dict[str, Any] = compile_story(ROOT / "content" / "journey").to_json()
    return data


def test_the_journey_opening_is_small_and_reaches_two_decisions(
    journey_data: dict[str, Any],
) -> None:
    opening, rest = split(journey_data)
    assert text(merge(opening, rest)) == text(journey_data)
    scenes = journey_data["scenes"]
    first = scenes[journey_data["start"]]
    kept = set(range(len(scenes))) - missing(opening)
    # Every first choice's target is in, so the reader's first decision never waits.
    assert all(choice["target"] in kept for choice in first.get("choices") or ())
    assert len(text(opening).encode()) < len(text(journey_data).encode()) / 4


def test_parts_of_different_versions_do_not_merge(journey_data: dict[str, Any]) -> None:
    opening, rest = split(journey_data)
    with pytest.raises(PartsError, match="not of this story's version"):
        merge(opening, {**rest, "hash": "0000000000000000"})
    with pytest.raises(PartsError, match="number of scenes"):
        merge(opening, {**rest, "scenes": rest["scenes"][:-1]})
    with pytest.raises(PartsError, match="neither part"):
        merge(opening, {**rest, "scenes": [None] * len(rest["scenes"])})
