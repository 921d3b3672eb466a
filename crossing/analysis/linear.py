"""Exact solution of the sparse linear systems the cycles of a story give.

The systems are (I - Q) x = b for a substochastic Q from which the chain can leave: the
matrix is a nonsingular M-matrix, so Gaussian elimination with pivots on the diagonal, in
any order, never meets a zero pivot (every Schur complement is again an M-matrix).

The elimination is fraction-free: each row holds integers (the row's own common
denominator cleared), a pivot step is row_r := a_pp * row_r - a_rp * row_p, and the row is
divided by the gcd of its entries so the numbers stay as small as the answer needs. No
`Fraction` is built until back substitution, once per unknown.

The order is Markowitz's (the pivot whose row and column have the fewest other entries
first): for the chain of a random walk (tridiagonal) it eliminates from the ends inward
with no fill-in, and in general it keeps the fill-in low. docs/performance.md measures it.
"""

from __future__ import annotations

import heapq
from fractions import Fraction
from math import gcd, lcm

Row = dict[int, int]


def solve(
    equations: dict[int, dict[int, Fraction]], rhs: dict[int, Fraction]
) -> dict[int, Fraction]:
    """The exact x with sum_j equations[i][j] * x_j = rhs[i] for every i."""
    rows: dict[int, Row] = {}
    right: dict[int, int] = {}
    for i, equation in equations.items():
        rows[i], right[i] = _integer_row(equation, rhs[i])
    columns: dict[int, set[int]] = {i: set() for i in rows}
    for i, row in rows.items():
        for j in row:
            columns[j].add(i)
    heap = [(_cost(rows, columns, i), i) for i in rows]
    heapq.heapify(heap)
    eliminated: list[int] = []
    done: set[int] = set()
    while heap:
        cost, pivot = heapq.heappop(heap)
        if pivot in done:
            continue
        actual = _cost(rows, columns, pivot)
        if actual > cost:  # grown since it was queued: queue it again at its true cost
            heapq.heappush(heap, (actual, pivot))
            continue
        done.add(pivot)
        eliminated.append(pivot)
        pivot_row = rows[pivot]
        for j in pivot_row:
            columns[j].discard(pivot)
        _eliminate(pivot, pivot_row, right[pivot], rows, right, columns)
    return _back_substitute(eliminated, rows, right)


def _integer_row(row: dict[int, Fraction], constant: Fraction) -> tuple[Row, int]:
    """The row and its right-hand side times the least common multiple of their
    denominators: the same equation, in integers."""
    scale = lcm(constant.denominator, *(v.denominator for v in row.values()))
    integers = {j: v.numerator * (scale // v.denominator) for j, v in row.items() if v}
    return integers, constant.numerator * (scale // constant.denominator)


def _cost(rows: dict[int, Row], columns: dict[int, set[int]], pivot: int) -> int:
    return (len(rows[pivot]) - 1) * (len(columns[pivot]) - 1)


def _eliminate(
    pivot: int,
    pivot_row: Row,
    pivot_right: int,
    rows: dict[int, Row],
    right: dict[int, int],
    columns: dict[int, set[int]],
) -> None:
    """Remove the pivot's unknown from every row still to be eliminated."""
    diagonal = pivot_row[pivot]
    for other in list(columns[pivot]):
        row = rows[other]
        factor = row.pop(pivot)
        columns[pivot].discard(other)
        for j in row:
            row[j] *= diagonal
        for j, value in pivot_row.items():
            if j == pivot:
                continue
            updated = row.get(j, 0) - factor * value
            if updated:
                if j not in row:
                    columns[j].add(other)
                row[j] = updated
            elif j in row:
                del row[j]
                columns[j].discard(other)
        constant = right[other] * diagonal - factor * pivot_right
        common = gcd(constant, *row.values())
        if common > 1:
            for j in row:
                row[j] //= common
            constant //= common
        right[other] = constant


def _back_substitute(
    eliminated: list[int], rows: dict[int, Row], right: dict[int, int]
) -> dict[int, Fraction]:
    """Each pivot row holds only unknowns eliminated after it: solve from the last."""
    x: dict[int, Fraction] = {}
    for pivot in reversed(eliminated):
        row = rows[pivot]
        total: Fraction | int = right[pivot]
        for j, value in row.items():
            if j != pivot and x[j]:
                total -= value * x[j]
        x[pivot] = Fraction(total) / row[pivot]
    return x
