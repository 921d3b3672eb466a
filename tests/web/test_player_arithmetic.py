"""The browser runtime's `/`, `%`, `min` and `max` give exactly the Python runtime's values,
on random whole numbers up to ±2147483647 and on nested expressions (saturation included)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from crossing.story.evaluate import compile_expr
from crossing.story.expressions import INT_LIMIT

from .test_player_conformance import run_js

EDGES = [0, 1, -1, 2, -2, 3, -3, 7, -7, INT_LIMIT, -INT_LIMIT, INT_LIMIT - 1, 1 - INT_LIMIT]
INTS = st.one_of(st.integers(-INT_LIMIT, INT_LIMIT), st.sampled_from(EDGES))
OPS = ["/", "%", "min", "max", "+", "-", "*"]

exprs = st.recursive(
    INTS,
    lambda inner: st.one_of(
        st.tuples(st.sampled_from(OPS), inner, inner).map(list),
        inner.map(lambda e: ["neg", e]),
    ),
    max_leaves=6,
)


def js_values(expressions: list[Any]) -> list[Any]:
    return list(run_js("const out = input.map((e) => engine.evaluate(e, []));", expressions))


@settings(max_examples=25)
@given(st.lists(st.tuples(st.sampled_from(OPS[:4]), INTS, INTS), min_size=1, max_size=200))
def test_each_operator_agrees_with_python(pairs: list[tuple[str, int, int]]) -> None:
    expressions = [[op, a, b] for op, a, b in pairs]
    assert js_values(expressions) == [compile_expr(e)(()) for e in expressions]


@settings(max_examples=25)
@given(st.lists(exprs, min_size=1, max_size=100))
def test_nested_expressions_agree_with_python(expressions: list[Any]) -> None:
    assert js_values(expressions) == [compile_expr(e)(()) for e in expressions]


def test_no_negative_zero_reaches_text() -> None:
    # -4 % 2 and -1 / 2 are -0 in JavaScript's arithmetic; shown, they must read "0".
    shown = run_js(
        """
        const part = (expr) => ({ expr, type: 'int' });
        const out = engine.render([part(['%', -4, 2]), ' ', part(['/', -1, 2])], [], {}, []);
        """,
        None,
    )
    assert shown == "0 0"
