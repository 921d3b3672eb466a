"""Stable choice IDs (docs/story-language.md, "Stable IDs"): what saves, translations and
reader statistics key on, so they must not change when the prose does."""

from __future__ import annotations

from collections.abc import Iterator

from .syntax import Choice, Scene


def choice_ids(scene: Scene) -> Iterator[tuple[Choice, str]]:
    """Each choice of `scene` but its fallback, with its id: `scene/target`, then
    `scene/target-2`… for further choices to the same target, or `scene/id` for `{#id}`."""
    per_target: dict[str, int] = {}
    for choice in scene.choices:
        if choice.fallback:
            continue
        if choice.explicit_id:
            local = choice.explicit_id
        else:
            per_target[choice.target] = per_target.get(choice.target, 0) + 1
            count = per_target[choice.target]
            local = choice.target if count == 1 else f"{choice.target}-{count}"
        yield choice, f"{scene.id}/{local}"
