"""Compiled expressions to Python closures, with the language's integer rules.

Values are Python ints and bools; an enum value is the index of its name. Arithmetic
saturates at ±2147483647, so both runtimes agree without big integers.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence

from .compiled import Conditional, Interpolation, JsonExpr, Text, Variable, Variation
from .expressions import INT_LIMIT
from .numbers import Numbers

Value = int | bool
Values = Sequence[Value]
Evaluator = Callable[[Values], Value]

_COMPARE: dict[str, Callable[[Value, Value], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def divide(a: int, b: int) -> int:
    """Whole-number division truncating toward zero (as C and JavaScript do); x / 0 is 0."""
    if b == 0:
        return 0
    quotient = abs(a) // abs(b)
    return quotient if (a < 0) == (b < 0) else -quotient


def remainder(a: int, b: int) -> int:
    """The remainder with the sign of the dividend: a == (a / b) * b + a % b; x % 0 is 0."""
    return 0 if b == 0 else a - divide(a, b) * b


_ARITHMETIC: dict[str, Callable[[int, int], int]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": divide,
    "%": remainder,
    "min": min,
    "max": max,
}


class EvaluationError(Exception):
    """A compiled expression this runtime does not understand."""


def saturate(value: int) -> int:
    return INT_LIMIT if value > INT_LIMIT else -INT_LIMIT if value < -INT_LIMIT else value


def compile_expr(expr: JsonExpr) -> Evaluator:
    """A closure computing `expr` from a tuple of variable values."""
    if isinstance(expr, bool | int):
        constant: Value = expr
        return lambda values: constant
    if not isinstance(expr, list) or not expr:
        raise EvaluationError(f"not an expression: {expr!r}")
    op = expr[0]
    if op == "var" and len(expr) == 2 and isinstance(expr[1], int):
        index: int = expr[1]
        return lambda values: values[index]
    if op in ("not", "neg") and len(expr) == 2:
        inner = compile_expr(expr[1])
        if op == "not":
            return lambda values: not inner(values)
        return lambda values: saturate(-inner(values))
    if len(expr) != 3:
        raise EvaluationError(f"not an expression: {expr!r}")
    left, right = compile_expr(expr[1]), compile_expr(expr[2])
    if op == "and":
        return lambda values: bool(left(values)) and bool(right(values))
    if op == "or":
        return lambda values: bool(left(values)) or bool(right(values))
    if op in _COMPARE:
        compare = _COMPARE[op]
        return lambda values: compare(left(values), right(values))
    if op in _ARITHMETIC:
        arithmetic = _ARITHMETIC[op]
        return lambda values: saturate(arithmetic(int(left(values)), int(right(values))))
    raise EvaluationError(f"unknown operator {op!r}")


def clamp(variable: Variable, value: Value) -> Value:
    """A value as stored in `variable`: ints are kept within its declared range."""
    if variable.type != "int":
        return value
    number = int(value)
    if variable.low is not None and number < variable.low:
        return variable.low
    if variable.high is not None and number > variable.high:
        return variable.high
    return number


def show(
    value: Value,
    kind: str,
    names: Sequence[str],
    number_format: str | None = None,
    numbers: Numbers | None = None,
) -> str:
    """A value as text shows it."""
    if kind == "bool":
        return "true" if value else "false"
    if kind == "enum":
        return names[int(value)]
    if number_format is not None and numbers is not None:
        return numbers.format(int(value), number_format)
    return str(int(value))


# Renders text with the current values; `seen` holds how many times each variation site has
# been shown in this play, and rendering a variation updates it.
Renderer = Callable[[Values, list[int]], str]


def compile_text(text: Text, numbers: Numbers | None = None) -> Renderer:
    """A closure rendering compiled text with the current values."""
    if isinstance(text, str):
        static = text
        return lambda values, seen: static
    pieces: list[Renderer] = []
    for part in text:
        if isinstance(part, Interpolation):
            pieces.append(_slot(part, numbers))
        elif isinstance(part, Conditional):
            pieces.append(_conditional(part, numbers))
        elif isinstance(part, Variation):
            pieces.append(_variation(part, numbers))
        else:
            pieces.append(_literal(part))
    return lambda values, seen: "".join(piece(values, seen) for piece in pieces)


def _slot(part: Interpolation, numbers: Numbers | None) -> Renderer:
    evaluate = compile_expr(part.expr)
    return lambda values, seen: show(evaluate(values), part.type, part.values, part.format, numbers)


def _conditional(part: Conditional, numbers: Numbers | None) -> Renderer:
    condition = compile_expr(part.condition)
    then = compile_text(part.then, numbers)
    otherwise = (
        compile_text(part.otherwise, numbers) if part.otherwise is not None else _literal("")
    )
    return lambda values, seen: then(values, seen) if condition(values) else otherwise(values, seen)


def variation_step(kind: str, count: int, size: int) -> tuple[int | None, int]:
    """(the part to show, or None; the site's next count) for a site shown `count` times.
    once: each part in turn, then nothing; seq: in turn, then the last for ever; cycle: in
    turn, round again. Counts stay below the number of parts, so play states stay few."""
    if kind == "cycle":
        return count % size, (count + 1) % size
    last = size - 1 if kind == "seq" else size
    shown = min(count, last)
    return (shown if shown < size else None), min(count + 1, last)


def _variation(part: Variation, numbers: Numbers | None) -> Renderer:
    parts = [compile_text(t, numbers) for t in part.parts]
    site, kind, size = part.site, part.kind, len(parts)

    def render(values: Values, seen: list[int]) -> str:
        shown, seen[site] = variation_step(kind, seen[site], size)
        return "" if shown is None else parts[shown](values, seen)

    return render


def _literal(html: str) -> Renderer:
    return lambda values, seen: html
