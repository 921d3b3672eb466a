"""Weave: choices with indented bodies instead of targets, and gathers (`- text`) that the
branches flow back into. The parser turns each into scenes of their own, so nothing past
the parser knows about weave: a branch is a scene `scene/id` (the owner's id and the
choice's), a gather is `scene/gather-N`, both in the chapter and place of the scene they are
written in, and a branch that ends without a way on gets a divert to the next gather.

    ## harbor                           harbor: choices to harbor/ask and harbor/look
    * Ask about the boat {#ask}         harbor/ask: its text, its own choices
      "Tomorrow," says the clerk.         harbor/ask/price: text, divert to harbor/gather-1
      * Ask the price {#price}            harbor/ask/thanks: divert to harbor/gather-1
        "Too much."
      * Thank him {#thanks}
    * Look at the sea {#look}           harbor/look: text, divert to pier
      It is grey.
      -> pier
    - You turn back to the street.      harbor/gather-1: text, choices
    * Go home -> home
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .diagnostics import Position
from .syntax import Choice, Divert, Scene

KEPT_META = ("place", "date", "era")  # a branch or gather is where its scene is


@dataclass(slots=True)
class Block:
    """Choices written at one indent in `owner`, and what flows out of them."""

    indent: int
    owner: Scene
    branch: Scene | None = None  # the branch whose indented body is being read
    body: int | None = None  # the indent of that body, from its first line
    ends: list[Scene] = field(default_factory=list)  # branches that may flow to a gather


def goes_nowhere(scene: Scene) -> bool:
    """A branch with no way on of its own: it flows into the next gather."""
    return not (scene.diverts or scene.choices or scene.chance)


def new_scene(top: Scene, scene_id: str, position: Position) -> Scene:
    meta = {key: top.meta[key] for key in KEPT_META if key in top.meta}
    return Scene(scene_id, position, top.chapter, meta=meta)


def branch(top: Scene, owner: Scene, choice: Choice) -> Scene:
    """The scene a target-less choice leads to: `owner/id`, or `owner/choice-N` (the
    choice's place among the owner's choices) when it has no `{#id}`."""
    if choice.explicit_id is None:
        choice.explicit_id = f"choice-{len(owner.choices)}"
    scene = new_scene(top, f"{owner.id}/{choice.explicit_id}", choice.position)
    choice.target, choice.target_position = scene.id, choice.position
    return scene


def join(ends: list[Scene], gather: Scene, position: Position) -> None:
    """Every branch without a way on continues at `gather`."""
    for scene in ends:
        if goes_nowhere(scene):
            scene.diverts.append(Divert(gather.id, position, None, position))
