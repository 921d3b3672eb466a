"""Compiled expressions to Python closures, with the language's integer rules.

Values are Python ints and bools; an enum value is the index of its name. Arithmetic
saturates at ±2147483647, so both runtimes agree without big integers.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence

from .compiled import Conditional, Interpolation, JsonExpr, Text, Variable
from .expressions import INT_LIMIT

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
_ARITHMETIC: dict[str, Callable[[int, int], int]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
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


def show(value: Value, kind: str, names: Sequence[str]) -> str:
    """A value as text shows it."""
    if kind == "bool":
        return "true" if value else "false"
    if kind == "enum":
        return names[int(value)]
    return str(int(value))


def compile_text(text: Text) -> Callable[[Values], str]:
    """A closure rendering compiled text with the current values."""
    if isinstance(text, str):
        static = text
        return lambda values: static
    pieces: list[Callable[[Values], str]] = []
    for part in text:
        if isinstance(part, Interpolation):
            pieces.append(_slot(part))
        elif isinstance(part, Conditional):
            pieces.append(_conditional(part))
        else:
            pieces.append(_literal(part))
    return lambda values: "".join(piece(values) for piece in pieces)


def _slot(part: Interpolation) -> Callable[[Values], str]:
    evaluate = compile_expr(part.expr)
    return lambda values: show(evaluate(values), part.type, part.values)


def _conditional(part: Conditional) -> Callable[[Values], str]:
    condition = compile_expr(part.condition)
    then = compile_text(part.then)
    otherwise = compile_text(part.otherwise) if part.otherwise is not None else _literal("")
    return lambda values: then(values) if condition(values) else otherwise(values)


def _literal(html: str) -> Callable[[Values], str]:
    return lambda values: html
