"""The generated transition functions agree with the runtime, state for state."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from crossing.analysis.encoding import StateCodec, value_range
from crossing.analysis.explore import StateGraph, TooManyStates, explore
from crossing.analysis.liveness import live_variables
from crossing.analysis.transitions import CHANCE, CHOICE, DIVERT, ENDING, STUCK
from crossing.story import compiled as c
from crossing.story.evaluate import Value
from crossing.story.runtime import Program

from .stories import compiled_stories

LIMIT = 1_000
Key = tuple[int, tuple[int, ...]]
Row = tuple[Key, int, list[tuple[int, int]]]


def reference_graph(story: c.CompiledStory, limit: int, fold: bool) -> list[Row] | None:
    """Breadth-first exploration with the runtime's own Program; None past `limit`.

    With `fold`, each state's variables that are not live in its scene are set to their
    lowest value, as the analysis does (liveness.py)."""
    program = Program(story)
    every = frozenset(range(len(story.variables)))
    live = live_variables(story) if fold else [every] * len(story.scenes)
    lows = [value_range(variable)[0] for variable in story.variables]

    def key(scene: int, values: tuple[Value, ...]) -> Key:
        return scene, tuple(int(v) if i in live[scene] else lows[i] for i, v in enumerate(values))

    def entered(scene: int, effects: tuple[object, ...], values: tuple[Value, ...]) -> Key:
        after = program.apply(effects, values)  # type: ignore[arg-type]
        return key(scene, program.enter(scene, after))

    start = story.start
    order: list[Key] = [key(start, program.enter(start, program.initial_values()))]
    number = {order[0]: 0}
    rows: list[Row] = []
    for scene, values in order:
        prepared = program.scenes[scene]
        edges: list[tuple[int, Key]] = []
        if prepared.scene.ending is not None:
            mode = ENDING
        else:
            divert = next(
                (i for i, (_, cond) in enumerate(prepared.diverts) if cond is None or cond(values)),
                None,
            )
            if divert is not None:
                mode = DIVERT
                edges = [(divert, entered(prepared.diverts[divert][0], (), values))]
            elif prepared.outcomes:
                mode = CHANCE
                edges = [
                    (i, entered(o.target, effects, values))
                    for i, (o, effects) in enumerate(prepared.outcomes)
                ]
            else:
                offered = program.offered(scene, values)
                mode = CHOICE if offered else STUCK
                edges = [
                    (i, entered(prepared.choices[i][0].target, prepared.choices[i][2], values))
                    for i in offered
                ]
        numbered: list[tuple[int, int]] = []
        for label, successor in edges:
            if successor not in number:
                if len(order) >= limit:
                    return None
                number[successor] = len(order)
                order.append(successor)
            numbered.append((label, number[successor]))
        rows.append(((scene, values), mode, numbered))
    return rows


def graph_rows(graph: StateGraph) -> list[Row]:
    rows: list[Row] = []
    for state in range(graph.size):
        scene, values = graph.codec.decode(graph.keys[state])
        edges = [(graph.labels[e], graph.targets[e]) for e in graph.edges(state)]
        rows.append(((scene, tuple(int(v) for v in values)), graph.modes[state], edges))
    return rows


@pytest.mark.parametrize("fold", [True, False], ids=["folded", "unfolded"])
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(story=compiled_stories())
def test_generated_transitions_match_the_runtime(story: c.CompiledStory, fold: bool) -> None:
    expected = reference_graph(story, LIMIT, fold)
    if expected is None:
        try:
            explore(story, LIMIT, fold)
        except TooManyStates as exc:
            assert exc.limit == LIMIT
        else:
            raise AssertionError("the runtime found more states than the analysis")
        return
    assert graph_rows(explore(story, LIMIT, fold)) == expected


@given(compiled_stories())
@settings(max_examples=80, deadline=None)
def test_state_keys_decode_to_what_they_encode(story: c.CompiledStory) -> None:
    codec = StateCodec.for_story(story)
    try:
        graph = explore(story, LIMIT)
    except TooManyStates:
        return
    for key in graph.keys:
        scene, values = codec.decode(key)
        assert codec.encode(scene, values) == key
        assert codec.scene_of(key) == scene
