"""Probabilities over a state graph: where a reader ends up, and the best and worst play.

A *policy* says what the reader does at a decision: None picks uniformly among the offered
choices; a Policy array names the one edge taken at each decision state. With chance
outcomes weighted as the story says, a policy makes the graph a Markov chain.

Acyclic parts are computed exactly with fractions, in topological order. A cycle (a
strongly connected component) is a sparse linear system, solved exactly whatever its size
by fraction-free Gaussian elimination (linear.py).

States from which a policy can never reach a state without successors (an ending or a
dead end) loop for ever: the probability mass that enters them is reported as
`never_ends`, not lost.
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import TypeAlias

from . import linear
from .explore import StateGraph
from .transitions import CHANCE, CHOICE, DIVERT

Prob = Fraction | float
# A policy: for each state, the edge taken at a decision state (-1 elsewhere).
Policy: TypeAlias = "array[int]"

ONE = Fraction(1)
ZERO = Fraction(0)


# -- structure ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Condensation:
    """The strongly connected components in topological order (the start's first)."""

    order: list[list[int]]
    acyclic: bool  # every component is one state without a loop onto itself

    def is_cycle(self, graph: StateGraph, component: list[int]) -> bool:
        if self.acyclic:
            return False
        return len(component) > 1 or _loops_on_itself(graph, component[0])


def components(graph: StateGraph) -> Condensation:
    """Strongly connected components in topological order (the start's first).

    Most stories are acyclic, so Kahn's algorithm is tried first: it is cheaper and gives
    every state its own component. Only a story with cycles pays for Tarjan's algorithm.
    """
    n, offsets, targets = graph.size, graph.offsets, graph.targets
    indegree = array("q", bytes(8 * n))
    for target in targets:
        indegree[target] += 1
    order = [state for state in range(n) if indegree[state] == 0]
    position = 0
    while position < len(order):
        state = order[position]
        position += 1
        for edge in range(offsets[state], offsets[state + 1]):
            target = targets[edge]
            indegree[target] -= 1
            if indegree[target] == 0:
                order.append(target)
    if len(order) == n:  # a state that loops onto itself never reaches indegree 0
        return Condensation([[state] for state in order], True)
    return Condensation(_tarjan(graph), False)


def _tarjan(graph: StateGraph) -> list[list[int]]:
    """Tarjan's algorithm without recursion (stories can be deeper than Python's stack)."""
    n, offsets, targets = graph.size, graph.offsets, graph.targets
    index = array("q", [-1]) * n
    low = array("q", bytes(8 * n))
    on_stack = bytearray(n)
    stack: list[int] = []
    found: list[list[int]] = []
    counter = 0
    for root in range(n):
        if index[root] != -1:
            continue
        work = [(root, offsets[root])]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = 1
        while work:
            state, edge = work[-1]
            if edge < offsets[state + 1]:
                work[-1] = (state, edge + 1)
                target = targets[edge]
                if index[target] == -1:
                    index[target] = low[target] = counter
                    counter += 1
                    stack.append(target)
                    on_stack[target] = 1
                    work.append((target, offsets[target]))
                elif on_stack[target]:
                    low[state] = min(low[state], index[target])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[state])
            if low[state] == index[state]:
                component: list[int] = []
                while True:
                    member = stack.pop()
                    on_stack[member] = 0
                    component.append(member)
                    if member == state:
                        break
                found.append(component)
    found.reverse()
    return found


def can_reach(graph: StateGraph, goals: Iterable[int]) -> bytearray:
    """1 for every state from which some path leads to one of `goals`."""
    predecessors: list[list[int]] = [[] for _ in range(graph.size)]
    for state in range(graph.size):
        for edge in graph.edges(state):
            predecessors[graph.targets[edge]].append(state)
    reached = bytearray(graph.size)
    queue = deque(goals)
    for goal in queue:
        reached[goal] = 1
    while queue:
        for before in predecessors[queue.popleft()]:
            if not reached[before]:
                reached[before] = 1
                queue.append(before)
    return reached


# -- transition probabilities -----------------------------------------------------------


class Chain:
    """The graph with probabilities on its edges under one policy."""

    def __init__(self, graph: StateGraph, policy: Policy | None):
        self.graph = graph
        self.policy = policy
        self.outcome_odds = [
            tuple(Fraction(o.weight, s.chance.total) for o in s.chance.outcomes) if s.chance else ()
            for s in graph.story.scenes
        ]
        self._uniform = [ZERO] + [Fraction(1, k) for k in range(1, 64)]

    def step(self, state: int) -> list[tuple[int, Fraction]]:
        """The states reachable in one move, with their probabilities."""
        graph = self.graph
        mode = graph.modes[state]
        first, end = graph.offsets[state], graph.offsets[state + 1]
        if mode == DIVERT:
            return [(graph.targets[first], ONE)]
        if mode == CHANCE:
            odds = self.outcome_odds[graph.scene(state)]
            return [(graph.targets[e], odds[graph.labels[e]]) for e in range(first, end)]
        if mode == CHOICE:
            if self.policy is not None:
                return [(graph.targets[self.policy[state]], ONE)]
            count = end - first
            share = self._uniform[count] if count < 64 else Fraction(1, count)
            return [(graph.targets[e], share) for e in range(first, end)]
        return []


# -- where play goes --------------------------------------------------------------------


@dataclass(slots=True)
class Solution:
    """The chance of arriving in each state (for a state in a cycle, the expected number
    of visits), and the probability of looping for ever."""

    mass: list[Prob]
    never_ends: Prob


def forward(chain: Chain, components: Condensation) -> Solution:
    """Push probability from the start through the components in topological order."""
    graph = chain.graph
    modes, offsets, targets, policy = graph.modes, graph.offsets, graph.targets, chain.policy
    mass: list[Prob] = [ZERO] * graph.size
    mass[0] = ONE
    solution = Solution(mass, ZERO)
    for component in components.order:
        if components.is_cycle(graph, component):
            if any(mass[state] for state in component):
                _forward_cycle(chain, component, solution)
            continue
        state = component[0]
        arrived = mass[state]
        if not arrived:
            continue
        # The common cases inline: one multiplication per state, not per edge.
        mode = modes[state]
        if mode == DIVERT:
            mass[targets[offsets[state]]] += arrived
        elif mode == CHOICE and policy is not None:
            mass[targets[policy[state]]] += arrived
        elif mode == CHOICE:
            first, end = offsets[state], offsets[state + 1]
            share = arrived / (end - first)
            for edge in range(first, end):
                mass[targets[edge]] += share
        else:
            for target, p in chain.step(state):
                mass[target] += arrived * p
    return solution


def _loops_on_itself(graph: StateGraph, state: int) -> bool:
    return any(graph.targets[e] == state for e in graph.edges(state))


def _forward_cycle(chain: Chain, component: list[int], solution: Solution) -> None:
    """Expected visits x of the cycle's states: x = inflow + Q^T x; then the outflow."""
    mass = solution.mass
    inside = set(component)
    steps = {state: chain.step(state) for state in component}
    live = _escaping(steps, inside)
    for state in component:
        if state not in live:
            solution.never_ends += mass[state]
            mass[state] = ZERO
    equations: dict[int, dict[int, Prob]] = {state: {state: ONE} for state in live}
    rhs: dict[int, Prob] = {state: mass[state] for state in live}
    for state in live:
        for target, p in steps[state]:
            if target in live:
                row = equations[target]
                row[state] = row.get(state, ZERO) - p
    visits = _solve(equations, rhs)
    for state in live:
        mass[state] = visits[state]
        for target, p in steps[state]:
            if target not in inside:
                mass[target] += visits[state] * p
            elif target not in live:
                solution.never_ends += visits[state] * p


def _escaping(
    steps: dict[int, list[tuple[int, Fraction]]],
    inside: set[int],
    exit_counts: Callable[[int], bool] = lambda target: True,
) -> set[int]:
    """The states of `steps` from which the chain leaves the cycle `inside` (with positive
    chance) through an exit that counts. Moves to states of the cycle not in `steps` are
    ignored: they lead nowhere that counts."""
    back: dict[int, list[int]] = {state: [] for state in steps}
    seeds: set[int] = set()
    for state, moves in steps.items():
        for target, p in moves:
            if not p:
                continue
            if target not in inside:
                if exit_counts(target):
                    seeds.add(state)
            elif target in back:
                back[target].append(state)
    return _closure(seeds, back)


def _closure(seeds: set[int], back: dict[int, list[int]]) -> set[int]:
    """`seeds` and every state that leads to one of them along `back` (predecessor lists)."""
    reached = set(seeds)
    queue = deque(seeds)
    while queue:
        for before in back[queue.popleft()]:
            if before not in reached:
                reached.add(before)
                queue.append(before)
    return reached


def _solve(equations: dict[int, dict[int, Prob]], rhs: dict[int, Prob]) -> dict[int, Prob]:
    """Solve sum_j equations[i][j] * x_j = rhs[i] exactly, whatever the cycle's size."""
    solved: dict[int, Prob] = {}
    solved.update(linear.solve(equations, rhs))  # type: ignore[arg-type]  # never floats now
    return solved


# -- the best and the worst play --------------------------------------------------------


@dataclass(slots=True)
class Optimum:
    """The highest (or lowest) chance of a goal from each state, and a policy achieving it."""

    value: list[Prob]
    policy: Policy


Better = Callable[[Prob, Prob], bool]


def optimise(graph: StateGraph, components: Condensation, goal: bytearray, best: str) -> Optimum:
    """Values and a policy maximising (best="max") or minimising the chance of reaching a
    state marked in `goal`. Ties go to the first offered choice, so the policy is stable.

    Components are solved from the last to the first. Inside a cycle, policy iteration:
    evaluate the policy exactly, switch a choice only where strictly better, repeat.
    """
    better: Better = (lambda a, b: a > b) if best == "max" else (lambda a, b: a < b)
    chain = Chain(graph, array("q", [-1]) * graph.size)
    policy = chain.policy
    assert policy is not None
    result = Optimum([ZERO] * graph.size, policy)
    value = result.value
    modes, offsets, targets = graph.modes, graph.offsets, graph.targets
    for component in reversed(components.order):
        if components.is_cycle(graph, component):
            _optimise_cycle(chain, component, result, better, best)
            continue
        state = component[0]
        mode = modes[state]
        if goal[state]:
            value[state] = ONE
        elif mode == DIVERT:
            value[state] = value[targets[offsets[state]]]
        elif mode == CHOICE:
            edge = _best_edge(graph, state, value, better)
            policy[state] = edge
            value[state] = value[targets[edge]]
        elif mode == CHANCE:
            total: Prob = ZERO
            for target, p in chain.step(state):
                if value[target]:
                    total += value[target] * p
            value[state] = total
    return result


def _best_edge(graph: StateGraph, state: int, value: list[Prob], better: Better) -> int:
    chosen = graph.offsets[state]
    for edge in graph.edges(state):
        if better(value[graph.targets[edge]], value[graph.targets[chosen]]):
            chosen = edge
    return chosen


def _optimise_cycle(
    chain: Chain, component: list[int], result: Optimum, better: Better, best: str
) -> None:
    graph, value, policy = chain.graph, result.value, result.policy
    inside = set(component)
    decisions = [s for s in component if graph.modes[s] == CHOICE]
    zero = _certain_zero(graph, chain, component, inside, value, best)
    for state in decisions:
        policy[state] = graph.offsets[state]
        if state in zero and best == "min":
            # Stay among states from which the goal can be avoided for sure.
            for edge in graph.edges(state):
                target = graph.targets[edge]
                if target in zero or (target not in inside and not value[target]):
                    policy[state] = edge
                    break
    for _ in range(len(component) * 4 + 8):
        _evaluate_cycle(chain, component, inside, zero, result)
        switched = False
        for state in decisions:
            if state in zero:
                continue
            current = value[graph.targets[policy[state]]]
            for edge in graph.edges(state):
                if better(value[graph.targets[edge]], current):
                    policy[state], current, switched = edge, value[graph.targets[edge]], True
        if not switched:
            return


def _certain_zero(
    graph: StateGraph,
    chain: Chain,
    component: list[int],
    inside: set[int],
    value: list[Prob],
    best: str,
) -> set[int]:
    """States of the cycle whose optimal value is 0, found from the graph alone.

    For max: the goal is unreachable from them. For min: the reader can avoid it for
    sure (a greatest fixed point: chance states need every outcome safe, decisions one).
    """
    moves = {state: _all_moves(graph, chain, state) for state in component}
    if best == "max":
        return inside - _escaping(moves, inside, lambda target: bool(value[target]))
    # A worklist, not repeated sweeps: a long cycle (a random walk) would take a sweep per
    # state. Each state counts its safe moves; it leaves when a chance needs them all, or
    # a decision has none left, and its predecessors then count one fewer.
    zero = set(component)
    safe_moves: dict[int, int] = {}
    before: dict[int, list[int]] = {state: [] for state in component}
    leaving: list[int] = []
    for state, state_moves in moves.items():
        safe_moves[state] = 0
        for target, _ in state_moves:
            if target in inside:
                before[target].append(state)
                safe_moves[state] += 1
            elif not value[target]:
                safe_moves[state] += 1
        if not _keeps(graph, state, safe_moves[state], len(state_moves)):
            leaving.append(state)
    while leaving:
        state = leaving.pop()
        if state not in zero:
            continue
        zero.discard(state)
        for earlier in before[state]:
            if earlier in zero:
                safe_moves[earlier] -= 1
                if not _keeps(graph, earlier, safe_moves[earlier], len(moves[earlier])):
                    leaving.append(earlier)
    return zero


def _keeps(graph: StateGraph, state: int, safe: int, total: int) -> bool:
    """Whether the reader can still avoid the goal for sure from `state`."""
    return safe > 0 if graph.modes[state] == CHOICE else safe == total


def _all_moves(graph: StateGraph, chain: Chain, state: int) -> list[tuple[int, Fraction]]:
    """Every successor, whatever the reader would choose."""
    if graph.modes[state] == CHOICE:
        return [(graph.targets[e], ONE) for e in graph.edges(state)]
    return chain.step(state)


def _evaluate_cycle(
    chain: Chain, component: list[int], inside: set[int], zero: set[int], result: Optimum
) -> None:
    """The value of the current policy on the cycle: V = Q V + (value of the exits)."""
    value = result.value
    steps = {s: chain.step(s) for s in component if s not in zero}
    live = _escaping(steps, inside, lambda target: bool(value[target]))
    for state in component:
        if state not in live:
            value[state] = ZERO
    equations: dict[int, dict[int, Prob]] = {}
    rhs: dict[int, Prob] = {}
    for state in live:
        row: dict[int, Prob] = {state: ONE}
        constant: Prob = ZERO
        for target, p in steps[state]:
            if target in live:
                row[target] = row.get(target, ZERO) - p
            elif target not in inside:
                constant += p * value[target]
        equations[state], rhs[state] = row, constant
    for state, v in _solve(equations, rhs).items():
        value[state] = v
