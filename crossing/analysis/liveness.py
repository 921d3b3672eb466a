"""Which variables can still matter in each scene (live-variable analysis).

Two states in the same scene whose values differ only in variables that nothing will
read again lead to exactly the same odds. A long story carries many such values — the
season of a river crossing long past, money counted in a chapter that is over — and each
one multiplies the states the analysis must visit. So before exploring, this finds for
every scene the variables that may still be read from there on; the exploration then sets
every other variable to its lowest value (encoding.py's digit 0), folding those states
into one. Odds, decisions and traps are unchanged; only the count of states falls.

A variable is live in a scene (in the state just after the scene's entry effects) when
the scene's diverts, choices or chance read it, or when some way out of the scene reads
it before writing it: the effects of a choice or outcome and the next scene's entry
effects, then whatever is live there. Shown text does not count: the odds do not depend
on it. The analysis is a fixpoint over the scene graph, so loops are handled.
"""

from __future__ import annotations

from collections.abc import Iterator

from crossing.story import compiled as c


def expression_reads(expr: c.JsonExpr | None) -> set[int]:
    """The variables an expression reads."""
    if expr is None or isinstance(expr, bool | int):
        return set()
    assert isinstance(expr, list)
    if expr and expr[0] == "var":
        return {int(expr[1])}
    reads: set[int] = set()
    for part in expr[1:]:
        if isinstance(part, list):
            reads |= expression_reads(part)
    return reads


def _effects_flow(effects: tuple[c.Effect, ...], live_after: set[int]) -> set[int]:
    """What is live before `effects` run, given what is live after them (backwards)."""
    live = set(live_after)
    for effect in reversed(effects):
        live.discard(effect.var)
        live |= expression_reads(effect.expr)
    return live


def _exits(scene: c.Scene) -> Iterator[tuple[tuple[c.Effect, ...], int]]:
    """Each way out of a scene: the effects on the way and the target scene."""
    for divert in scene.diverts:
        yield (), divert.target
    if scene.chance is not None:
        for outcome in scene.chance.outcomes:
            yield outcome.effects, outcome.target
    for choice in scene.choices:
        yield choice.effects, choice.target


def _condition_reads(scene: c.Scene) -> set[int]:
    reads: set[int] = set()
    for divert in scene.diverts:
        reads |= expression_reads(divert.condition)
    for choice in scene.choices:
        reads |= expression_reads(choice.condition)
    return reads


def live_variables(story: c.CompiledStory) -> list[frozenset[int]]:
    """For each scene, the indexes of the variables that may still be read from it."""
    scenes = story.scenes
    conditions = [_condition_reads(scene) for scene in scenes]
    live: list[set[int]] = [set() for _ in scenes]
    changed = True
    while changed:  # grows monotonically, at most scenes × variables times
        changed = False
        for index in reversed(range(len(scenes))):
            scene = scenes[index]
            if scene.ending is not None:
                continue
            now = set(conditions[index])
            for effects, target in _exits(scene):
                now |= _effects_flow(effects + scenes[target].effects, live[target])
            if now != live[index]:
                live[index] = now
                changed = True
    return [frozenset(variables) for variables in live]
