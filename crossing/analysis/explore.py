"""Every reachable play state of a story, as a graph.

A state is a scene just entered (its effects applied) with the variable values: exactly
what the runtime holds between steps, less the random generator, whose state the odds do
not depend on. The graph is stored flat, in arrays indexed by state number, so a million
states cost tens of megabytes rather than a dict per state.

Exploration is breadth-first from the start. It stops with TooManyStates once the limit
is reached, saying how far it got, so a story with a huge state space never hangs it.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass

from crossing.story import compiled as c

from .encoding import StateCodec
from .transitions import ENDING, build_transitions

DEFAULT_MAX_STATES = 2_000_000


class TooManyStates(Exception):
    """The story has more reachable states than the limit allows."""

    def __init__(self, limit: int, explored: int, transitions: int):
        self.limit = limit
        self.explored = explored
        self.transitions = transitions
        super().__init__(
            f"stopped at the limit of {limit:,} states: {explored:,} states fully explored, "
            f"{transitions:,} transitions, and more states still to visit. "
            "Raise --max-states, or narrow the ranges of the story's variables."
        )


@dataclass(slots=True)
class StateGraph:
    """Reachable states 0..n-1 (0 is the start) and the transitions between them.

    The transitions of state i are edges offsets[i] to offsets[i+1]-1; edge e leads to
    state targets[e] by the divert, chance outcome or choice numbered labels[e] within
    the state's scene. modes[i] says which of those the state does (transitions.py).
    """

    story: c.CompiledStory
    codec: StateCodec
    keys: list[int]
    modes: bytearray
    offsets: array[int]
    targets: array[int]
    labels: array[int]

    @property
    def size(self) -> int:
        return len(self.keys)

    @property
    def transitions(self) -> int:
        return len(self.targets)

    def scene(self, state: int) -> int:
        return self.keys[state] % self.codec.scenes

    def edges(self, state: int) -> range:
        return range(self.offsets[state], self.offsets[state + 1])


def explore(story: c.CompiledStory, max_states: int = DEFAULT_MAX_STATES) -> StateGraph:
    codec = StateCodec.for_story(story)
    by_scene, begin = build_transitions(story, codec)
    initial = codec.encode(0, tuple(v.initial for v in story.variables)) // codec.scenes
    start = begin(initial)
    keys = [start]
    number = {start: 0}
    modes = bytearray()
    offsets = array("q", [0])
    targets = array("i")
    labels = array("H")
    scenes = codec.scenes
    # The loop below is the hot path: locals only, one dict lookup per transition.
    append_target, append_offset, append_mode = targets.append, offsets.append, modes.append
    state = 0
    while state < len(keys):
        rest, scene = divmod(keys[state], scenes)
        transition = by_scene[scene]
        if transition is None:
            append_mode(ENDING)
        else:
            mode, edge_labels, successors = transition(rest)
            append_mode(mode)
            labels.extend(edge_labels)
            for key in successors:
                target = number.get(key)
                if target is None:
                    target = len(keys)
                    if target >= max_states:
                        raise TooManyStates(max_states, state, len(targets))
                    number[key] = target
                    keys.append(key)
                append_target(target)
        append_offset(len(targets))
        state += 1
    return StateGraph(story, codec, keys, modes, offsets, targets, labels)
