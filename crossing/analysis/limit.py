"""The players' limit on runaway divert chains, as the analysis must see it.

Both players stop with an error once more than MAX_AUTOMATIC_STEPS scenes follow one
another by diverts alone (a decision or a chance draw starts the count again: runtime.py,
docs/story-language.md). A divert chain is deterministic, so from each state the length of
the chain it starts, counted in scenes up to the first that does not divert, is a function
of the state. Play that enters a state whose chain is longer than the limit stops with the
error, whether the chain began there or earlier (an earlier start only makes it longer),
and play that never enters one never meets the limit.

So those states become the terminal mode RUNAWAY, with no successors: the odds count the
probability of reaching them as play stopping with an error, neither an ending nor `never
ends`. Chain lengths are memoised, each state followed once, and the whole pass is skipped
when no chain can be that long (fewer divert states than the limit, and no cycle).
"""

from __future__ import annotations

from array import array

from crossing.story import runtime

from .explore import StateGraph
from .transitions import DIVERT, RUNAWAY


def current_limit() -> int:
    """The players' limit, read when needed (so a test can lower it for both)."""
    return runtime.MAX_AUTOMATIC_STEPS


def chain_lengths(graph: StateGraph, limit: int) -> array[int]:
    """For each state, the scenes in the divert chain from it (1 for a state that does not
    divert), counted up to limit + 1: a chain that loops for ever counts limit + 1."""
    modes, offsets, targets = graph.modes, graph.offsets, graph.targets
    over = limit + 1
    length = array("i", [1]) * graph.size
    on_path = -1
    for state in range(graph.size):
        if modes[state] != DIVERT or length[state] != 1:
            continue  # not a divert, or already measured (a measured divert counts >= 2)
        path: list[int] = []
        current = state
        while modes[current] == DIVERT and length[current] == 1:
            length[current] = on_path
            path.append(current)
            current = targets[offsets[current]]
        # The chain ends in a state that does not divert, a state measured before, or
        # (length on_path) a state of this very path: a divert cycle, endless.
        known = over if length[current] == on_path else length[current]
        for member in reversed(path):
            known = min(known + 1, over)
            length[member] = known
    return length


def could_run_away(graph: StateGraph, acyclic: bool, limit: int) -> bool:
    """False when no divert chain can be longer than the limit: without a cycle, such a
    chain needs `limit` distinct divert states."""
    return not acyclic or graph.modes.count(DIVERT) >= limit


def stop_runaways(graph: StateGraph, limit: int) -> StateGraph | None:
    """The graph with every state whose divert chain is longer than `limit` made a
    RUNAWAY state without successors, or None when there is none."""
    length = chain_lengths(graph, limit)
    runaway = [state for state in range(graph.size) if length[state] > limit]
    if not runaway:
        return None
    modes = bytearray(graph.modes)
    for state in runaway:
        modes[state] = RUNAWAY
    offsets = array("q", [0])
    targets = array("i")
    labels = array("H")
    for state in range(graph.size):
        if modes[state] != RUNAWAY:
            first, end = graph.offsets[state], graph.offsets[state + 1]
            targets.extend(graph.targets[first:end])
            labels.extend(graph.labels[first:end])
        offsets.append(len(targets))
    return StateGraph(
        graph.story, graph.codec, graph.live, graph.keys, modes, offsets, targets, labels
    )
