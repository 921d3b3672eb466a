"""The exact sparse solver of the cycles (linear.py), on random M-matrices."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from crossing.analysis.linear import solve


@st.composite
def systems(draw: st.DrawFn) -> tuple[dict[int, dict[int, Fraction]], dict[int, Fraction]]:
    """(I - Q) x = b for a random substochastic Q over states numbered sparsely, from each
    of which the chain can leave (directly or through others), and a random b >= 0."""
    size = draw(st.integers(1, 12))
    states = draw(st.lists(st.integers(0, 10_000), min_size=size, max_size=size, unique=True))
    equations: dict[int, dict[int, Fraction]] = {s: {s: Fraction(1)} for s in states}
    for index, state in enumerate(states):
        # Weights to other states and to "outside"; the state before the first leaks out
        # for sure, and each later one can reach an earlier one, so every state can leave.
        moves = draw(st.lists(st.sampled_from(states), max_size=4))
        if index:
            moves.append(states[draw(st.integers(0, index - 1))])
        weights = draw(st.lists(st.integers(1, 9), min_size=len(moves), max_size=len(moves)))
        outside = draw(st.integers(1 if index == 0 else 0, 9))
        total = sum(weights) + outside
        for target, weight in zip(moves, weights, strict=True):
            row = equations[target]  # column `state` of row `target`: x = b + Q^T x
            row[state] = row.get(state, Fraction(0)) - Fraction(weight, total)
    rhs = {s: Fraction(draw(st.integers(0, 20)), draw(st.integers(1, 7))) for s in states}
    return equations, rhs


@settings(max_examples=100, deadline=None)
@given(systems())
def test_the_solution_satisfies_every_equation_exactly(
    system: tuple[dict[int, dict[int, Fraction]], dict[int, Fraction]],
) -> None:
    equations, rhs = system
    x = solve(equations, rhs)
    assert set(x) == set(equations)
    for i, row in equations.items():
        assert sum((value * x[j] for j, value in row.items()), Fraction(0)) == rhs[i]
    assert all(value >= 0 for value in x.values())  # an M-matrix and b >= 0: x >= 0


def test_a_long_walk_is_eliminated_without_fill_in() -> None:
    """A fair walk over 2,000 states (tridiagonal): expected visits from the middle."""
    n = 2_000
    half = Fraction(1, 2)
    equations = {i: {i: Fraction(1)} for i in range(n)}
    for i in range(n):
        for j in (i - 1, i + 1):
            if 0 <= j < n:
                equations[j][i] = -half
    rhs = {i: Fraction(int(i == n // 2)) for i in range(n)}
    x = solve(equations, rhs)
    # Visits to k starting at m, absorbing at -1 and n: 2 * min(k+1, m+1) * (n - max(k, m)) / (n + 1)
    m = n // 2
    for k in (0, 1, m - 1, m, m + 1, n - 1):
        assert x[k] == Fraction(2 * (min(k, m) + 1) * (n - max(k, m)), n + 1)
