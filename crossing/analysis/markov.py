"""Probabilities over a state graph: where a reader ends up, and the best and worst play.

A *policy* says what the reader does at a decision: None picks uniformly among the offered
choices; a Policy array names the one edge taken at each decision state. With chance
outcomes weighted as the story says, a policy makes the graph a Markov chain.

Acyclic parts are computed exactly in integers (a numerator and a denominator per state),
in topological order. A cycle (a strongly connected component) is a sparse linear system,
solved exactly whatever its size by fraction-free Gaussian elimination (linear.py).

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
from math import gcd
from typing import TypeAlias

from crossing.story import compiled as c

from . import linear
from .explore import StateGraph
from .transitions import CHANCE, CHOICE, DIVERT

Prob = Fraction  # exact, always (floats were for the iteration that is gone)
# A policy: for each state, the edge taken at a decision state (-1 elsewhere).
Policy: TypeAlias = "array[int]"

ONE = Fraction(1)
ZERO = Fraction(0)


# -- structure ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Condensation:
    """The strongly connected components in topological order (the start's first): a
    cycle as the list of its states, any other state as the bare number (a million
    one-state lists would cost the garbage collector more than the analysis)."""

    order: list[int | list[int]]
    acyclic: bool  # no cycle at all: `order` holds only numbers


def components(graph: StateGraph) -> Condensation:
    """Strongly connected components in topological order (the start's first).

    Most stories are acyclic, so Kahn's algorithm is tried first: it is cheaper and gives
    every state its own component. Only a story with cycles pays for Tarjan's algorithm.
    """
    n, offsets, targets = graph.size, graph.offsets, graph.targets
    # A list, not an array: its items are the int objects themselves, not boxed anew at
    # each read; and a slice of `targets` per state rather than an index per edge.
    indegree = [0] * n
    for target in targets:
        indegree[target] += 1
    order = [state for state, count in enumerate(indegree) if not count]
    freed = order.append
    for state in order:  # `order` grows as states are freed
        for target in targets[offsets[state] : offsets[state + 1]]:
            indegree[target] -= 1
            if not indegree[target]:
                freed(target)
    if len(order) == n:  # a state that loops onto itself never reaches indegree 0
        return Condensation(list(order), True)
    return Condensation(
        [
            part if len(part) > 1 or _loops_on_itself(graph, part[0]) else part[0]
            for part in _tarjan(graph)
        ],
        False,
    )


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


def reaches(graph: StateGraph, components: Condensation, goal: bytearray) -> bytearray:
    """1 for every state from which some path leads to a state marked in `goal`: as
    can_reach, but in one pass over the components from the last (no predecessor lists
    for the whole graph; only a cycle builds its own)."""
    offsets, targets = graph.offsets, graph.targets
    reached = bytearray(goal)
    for component in reversed(components.order):
        if isinstance(component, list):
            inside = set(component)
            back: dict[int, list[int]] = {state: [] for state in component}
            seeds: set[int] = set()
            for state in component:
                for edge in range(offsets[state], offsets[state + 1]):
                    target = targets[edge]
                    if target in inside:
                        back[target].append(state)
                    elif reached[target] or reached[state]:
                        seeds.add(state)
                if reached[state]:
                    seeds.add(state)
            for state in _closure(seeds, back):
                reached[state] = 1
            continue
        state = component
        if not reached[state]:
            for edge in range(offsets[state], offsets[state + 1]):
                if reached[targets[edge]]:
                    reached[state] = 1
                    break
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
        # Per scene: each outcome's weight and the total, for the integer passes, divided
        # by their common factor (30/20/50 of 100 as 3/2/5 of 10: smaller denominators).
        self.outcome_weights = [
            _lowest_weights(s.chance) if s.chance else ((), 1) for s in graph.story.scenes
        ]

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


def _lowest_weights(chance: c.Chance) -> tuple[tuple[int, ...], int]:
    weights = [o.weight for o in chance.outcomes]
    common = gcd(chance.total, *weights)
    return tuple(w // common for w in weights), chance.total // common


# -- where play goes --------------------------------------------------------------------


@dataclass(slots=True)
class Solution:
    """The chance of arriving in each state (for a state in a cycle, the expected number
    of visits), and the probability of looping for ever.

    The chance of state s is numerator[s] / denominator[s], two plain integers: no
    `Fraction` on the hot path (its gcd and method calls were half the analysis's time).
    Denominators are never reduced: the products of choice counts and chance totals along
    the paths, so arrivals along different paths mostly share one and just add up."""

    numerator: list[int]
    denominator: list[int]
    never_ends: Prob

    def mass(self, state: int) -> Fraction:
        return Fraction(self.numerator[state], self.denominator[state])

    def total(self, states: Iterable[int]) -> Fraction:
        """The sum over `states`, in integers until the one Fraction at the end."""
        numerator, denominator = self.numerator, self.denominator
        top, bottom = 0, 1
        for state in states:
            a = numerator[state]
            if not a:
                continue
            top, bottom = add(top, bottom, a, denominator[state])
        return Fraction(top, bottom)


def add(top: int, bottom: int, a: int, d: int) -> tuple[int, int]:
    """top/bottom + a/d, unreduced: with one denominator, as most sums here have, no gcd."""
    if d == bottom:
        return top + a, bottom
    common = gcd(bottom, d)
    return top * (d // common) + a * (bottom // common), bottom // common * d


def forward(chain: Chain, components: Condensation) -> Solution:
    """Push probability from the start through the components in topological order."""
    graph = chain.graph
    modes, offsets, targets, labels = graph.modes, graph.offsets, graph.targets, graph.labels
    policy = chain.policy
    numerator = [0] * graph.size
    denominator = [1] * graph.size
    numerator[0] = 1
    solution = Solution(numerator, denominator, ZERO)
    scene_of, weights = graph.scenes(), chain.outcome_weights

    def arrive(target: int, a: int, d: int) -> None:
        b = denominator[target]
        if b == d:
            numerator[target] += a
        elif not numerator[target]:
            numerator[target], denominator[target] = a, d
        else:
            common = gcd(b, d)
            numerator[target] = numerator[target] * (d // common) + a * (b // common)
            denominator[target] = b // common * d

    for component in components.order:
        if isinstance(component, list):
            if any(numerator[state] for state in component):
                _forward_cycle(chain, component, solution, arrive)
            continue
        state = component
        a = numerator[state]
        if not a:
            continue
        d = denominator[state]
        # The common cases inline: a divert or a chosen edge passes its chance on as it is.
        mode = modes[state]
        if mode == DIVERT or (mode == CHOICE and policy is not None):
            target = targets[offsets[state] if mode == DIVERT else policy[state]]  # type: ignore[index]
            if denominator[target] == d:
                numerator[target] += a
            elif not numerator[target]:
                numerator[target], denominator[target] = a, d
            else:
                arrive(target, a, d)
        elif mode == CHOICE:
            first, end = offsets[state], offsets[state + 1]
            d *= end - first
            for edge in range(first, end):
                target = targets[edge]
                if denominator[target] == d:
                    numerator[target] += a
                elif not numerator[target]:
                    numerator[target], denominator[target] = a, d
                else:
                    arrive(target, a, d)
        elif mode == CHANCE:
            scene_weights, total = weights[scene_of[state]]
            d *= total
            for edge in range(offsets[state], offsets[state + 1]):
                target, w = targets[edge], scene_weights[labels[edge]]
                if denominator[target] == d:
                    numerator[target] += a * w
                elif not numerator[target]:
                    numerator[target], denominator[target] = a * w, d
                else:
                    arrive(target, a * w, d)
    return solution


def _loops_on_itself(graph: StateGraph, state: int) -> bool:
    return any(graph.targets[e] == state for e in graph.edges(state))


def _forward_cycle(
    chain: Chain,
    component: list[int],
    solution: Solution,
    arrive: Callable[[int, int, int], None],
) -> None:
    """Expected visits x of the cycle's states: x = inflow + Q^T x; then the outflow."""
    numerator, denominator = solution.numerator, solution.denominator
    inside = set(component)
    steps = {state: chain.step(state) for state in component}
    live = _escaping(steps, inside)
    for state in component:
        if state not in live:
            solution.never_ends += solution.mass(state)
            numerator[state], denominator[state] = 0, 1
    equations: dict[int, dict[int, Prob]] = {state: {state: ONE} for state in live}
    rhs: dict[int, Prob] = {state: solution.mass(state) for state in live}
    for state in live:
        for target, p in steps[state]:
            if target in live:
                row = equations[target]
                row[state] = row.get(state, ZERO) - p
    visits = _solve(equations, rhs)
    outflow: dict[int, Fraction] = {}
    for state in live:
        visited = visits[state]
        numerator[state], denominator[state] = visited.numerator, visited.denominator
        for target, p in steps[state]:
            if target not in inside:
                outflow[target] = outflow.get(target, ZERO) + visited * p
            elif target not in live:
                solution.never_ends += visited * p
    for target, flow in outflow.items():
        arrive(target, flow.numerator, flow.denominator)


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
    return linear.solve(equations, rhs)


# -- the best and the worst play --------------------------------------------------------


class Values:
    """Chances as integer pairs (numerator[s] / denominator[s]), read and written as
    fractions by the cycle code, which is rarer and works in `Fraction`s."""

    __slots__ = ("denominator", "numerator")

    def __init__(self, size: int):
        self.numerator = [0] * size
        self.denominator = [1] * size

    def __getitem__(self, state: int) -> Fraction:
        return Fraction(self.numerator[state], self.denominator[state])

    def __setitem__(self, state: int, value: Fraction) -> None:
        self.numerator[state], self.denominator[state] = value.numerator, value.denominator


@dataclass(slots=True)
class Optimum:
    """The highest (or lowest) chance of a goal from each state, and a policy achieving it."""

    value: Values
    policy: Policy


Better = Callable[[Prob, Prob], bool]


def optimise(graph: StateGraph, components: Condensation, goal: bytearray, best: str) -> Optimum:
    """Values and a policy maximising (best="max") or minimising the chance of reaching a
    state marked in `goal`. Ties go to the first offered choice, so the policy is stable.

    Components are solved from the last to the first. Inside a cycle, policy iteration:
    evaluate the policy exactly, switch a choice only where strictly better, repeat.
    Elsewhere in integers: a/b > c/d is a*d > c*b, and a chance sums over one denominator.
    """
    maximise = best == "max"
    better: Better = (lambda a, b: a > b) if maximise else (lambda a, b: a < b)
    chain = Chain(graph, array("q", [-1]) * graph.size)
    policy = chain.policy
    assert policy is not None
    result = Optimum(Values(graph.size), policy)
    numerator, denominator = result.value.numerator, result.value.denominator
    modes, offsets, targets, labels = graph.modes, graph.offsets, graph.targets, graph.labels
    scene_of, weights = graph.scenes(), chain.outcome_weights
    for component in reversed(components.order):
        if isinstance(component, list):
            _optimise_cycle(chain, component, result, better, best)
            continue
        state = component
        mode = modes[state]
        if goal[state]:
            numerator[state] = 1
        elif mode == DIVERT:
            target = targets[offsets[state]]
            numerator[state], denominator[state] = numerator[target], denominator[target]
        elif mode == CHOICE:
            chosen = first = offsets[state]
            target = targets[first]
            a, b = numerator[target], denominator[target]
            for edge in range(first + 1, offsets[state + 1]):
                target = targets[edge]
                c, d = numerator[target], denominator[target]
                if (c * b > a * d) if maximise else (c * b < a * d):
                    chosen, a, b = edge, c, d
            policy[state] = chosen
            numerator[state], denominator[state] = a, b
        elif mode == CHANCE:
            scene_weights, total = weights[scene_of[state]]
            top, bottom = 0, 1
            for edge in range(offsets[state], offsets[state + 1]):
                target = targets[edge]
                a = numerator[target]
                if not a:
                    continue
                top, bottom = add(top, bottom, a * scene_weights[labels[edge]], denominator[target])
            bottom *= total
            common = gcd(top, bottom)  # one gcd per chance keeps later comparisons cheap
            numerator[state], denominator[state] = top // common, bottom // common
    return result


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
    value: Values,
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
