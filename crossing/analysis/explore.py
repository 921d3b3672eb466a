"""Every reachable play state of a story, as a graph.

A state is a scene just entered (its effects applied) with the variable values: exactly
what the runtime holds between steps, less the random generator, whose state the odds do
not depend on. The graph is stored flat, in arrays indexed by state number, not as an
object per state: exploring a million states peaks at about 200 MB (docs/performance.md).

Exploration is breadth-first from the start. It stops with TooManyStates once the limit
is reached, saying how far it got, so a story with a huge state space never hangs it.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass

from crossing.story import compiled as c

from .encoding import StateCodec
from .liveness import live_variables
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
    live: list[frozenset[int]] | None  # per scene, when folded: the variables that matter
    keys: list[int]
    modes: bytearray
    offsets: array[int]
    targets: array[int]
    labels: array[int]
    scene_numbers: array[int] | None = None  # each state's scene, computed when first asked

    @property
    def size(self) -> int:
        return len(self.keys)

    @property
    def transitions(self) -> int:
        return len(self.targets)

    def scene(self, state: int) -> int:
        return self.codec.scene_of(self.keys[state])

    def scenes(self) -> array[int]:
        """Each state's scene, in one array (cheaper than scene() in loops over states)."""
        if self.scene_numbers is None:
            span = self.codec.span
            self.scene_numbers = array("i", [key // span for key in self.keys])
        return self.scene_numbers

    def edges(self, state: int) -> range:
        return range(self.offsets[state], self.offsets[state + 1])


def explore(
    story: c.CompiledStory, max_states: int = DEFAULT_MAX_STATES, fold: bool = True
) -> StateGraph:
    """The reachable states; with `fold`, values nothing reads again are set to their
    lowest (liveness.py), which leaves every odd unchanged and the graph smaller."""
    codec = StateCodec.for_story(story)
    live = live_variables(story) if fold else None
    by_scene, begin = build_transitions(story, codec, live)
    initial = codec.encode(0, tuple(v.initial for v in story.variables))
    start = begin(initial)
    keys = [start]
    number = {start: 0}
    modes = bytearray()
    offsets = array("q", [0])
    # Lists while growing (appends are cheaper), arrays once done (4 bytes an edge).
    targets: list[int] = []
    labels: list[int] = []
    span = codec.span
    # The hot path: locals only, one dict operation per transition (measured in bench/).
    claim, add_key, add_target = number.setdefault, keys.append, targets.append
    add_offset, add_mode, add_labels = offsets.append, modes.append, labels.extend
    found = 1
    for state, key in enumerate(keys):  # `keys` grows as states are found
        scene, rest = divmod(key, span)
        transition = by_scene[scene]
        if transition is None:
            add_mode(ENDING)
        else:
            mode, edge_labels, successors = transition(rest)
            add_mode(mode)
            add_labels(edge_labels)
            for successor in successors:
                target = claim(successor, found)
                if target == found:
                    if found >= max_states:
                        raise TooManyStates(max_states, state, len(targets))
                    add_key(successor)
                    found += 1
                add_target(target)
        add_offset(len(targets))
    return StateGraph(
        story, codec, live, keys, modes, offsets, array("i", targets), array("H", labels)
    )
