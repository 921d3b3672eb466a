"""The expression language: integers, booleans, names, arithmetic, comparison and logic.

Grammar (lowest precedence first; comparisons do not chain):

    expr   := or
    or     := and ("or" and)*
    and    := not ("and" not)*
    not    := "not" not | cmp
    cmp    := sum (("==" | "!=" | "<" | "<=" | ">" | ">=") sum)?
    sum    := term (("+" | "-") term)*
    term   := unary (("*" | "/" | "%") unary)*
    unary  := "-" unary | atom
    atom   := INTEGER | "true" | "false" | ("min" | "max") "(" expr "," expr ")"
            | NAME | "(" expr ")"

`/` divides whole numbers, truncating toward zero; `%` is the remainder with the sign of
the dividend; `min(a, b)` and `max(a, b)` are parsed as binary operators of those names.
There is deliberately nothing else: no other calls, no strings, no Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_DEPTH = 64  # deeper nesting is refused, so no input can exhaust the stack
MAX_OPERATORS = 100  # a chain of operators is a deep tree too
INT_LIMIT = 2_147_483_647  # every integer value stays within ± this (saturating arithmetic)
MAX_INT_LITERAL = INT_LIMIT

COMPARISONS = ("==", "!=", "<=", ">=", "<", ">")
PRODUCTS = ("*", "/", "%")
CALLS = ("min", "max")  # names that are functions when an '(' follows
VISITS = ("seen", "visits")  # the same, taking a scene id
_SCENE_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
KEYWORDS = frozenset({"and", "or", "not", "true", "false", "if"})

_TOKEN = re.compile(
    r"\s*(?:(?P<int>\d+)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)|(?P<op>==|!=|<=|>=|[-+*/%<>(),]))"
)


class ExpressionError(Exception):
    """A syntax error at `offset` (0-based, within the expression text)."""

    def __init__(self, message: str, offset: int, width: int = 1, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.width = width
        self.hint = hint


@dataclass(frozen=True, slots=True)
class Node:
    offset: int
    width: int


@dataclass(frozen=True, slots=True)
class IntLit(Node):
    value: int


@dataclass(frozen=True, slots=True)
class BoolLit(Node):
    value: bool


@dataclass(frozen=True, slots=True)
class Name(Node):
    name: str


@dataclass(frozen=True, slots=True)
class Unary(Node):
    op: str  # "-" or "not"
    operand: Expr


@dataclass(frozen=True, slots=True)
class Binary(Node):
    op: str
    left: Expr
    right: Expr


@dataclass(frozen=True, slots=True)
class Visit(Node):
    """`seen(scene)` (has play entered it?) or `visits(scene)` (how many times, bounded)."""

    kind: str  # "seen" or "visits"
    scene: str


Expr = IntLit | BoolLit | Name | Unary | Binary | Visit


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # "int", "name", "op", "end"
    text: str
    offset: int


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    pos = 0
    while True:
        match = _TOKEN.match(text, pos)
        if match is None:
            rest = text[pos:]
            stripped = rest.lstrip()
            if not stripped:
                tokens.append(_Token("end", "", len(text.rstrip())))
                return tokens
            at = pos + len(rest) - len(stripped)
            char = stripped[0]
            hint = None
            if char == "=":
                hint = "use '==' to compare"
            elif char in "&|!":
                hint = "write 'and', 'or' and 'not'"
            elif char in "\"'":
                hint = "expressions have no strings; set values are bare names"
            raise ExpressionError(f"unexpected character '{char}' in expression", at, 1, hint)
        kind = match.lastgroup or "op"
        tokens.append(_Token(kind, match.group(kind), match.start(kind)))
        pos = match.end()


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.tokens = _tokenize(text)
        self.index = 0
        self.depth = 0
        self.operators = 0

    @property
    def current(self) -> _Token:
        return self.tokens[self.index]

    def advance(self) -> _Token:
        token = self.tokens[self.index]
        if token.kind != "end":
            self.index += 1
        return token

    def at_op(self, *ops: str) -> bool:
        token = self.current
        return token.kind in ("op", "name") and token.text in ops

    def parse(self) -> Expr:
        if self.current.kind == "end":
            raise ExpressionError("expected an expression", self.current.offset)
        node = self.parse_or()
        if self.current.kind != "end":
            token = self.current
            hint = (
                "comparisons do not chain; join them with 'and'"
                if token.text in COMPARISONS
                else None
            )
            raise ExpressionError(f"unexpected '{token.text}'", token.offset, len(token.text), hint)
        return node

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError(
                f"expression is nested more than {MAX_DEPTH} levels deep", self.current.offset
            )

    def count_operator(self, offset: int) -> None:
        self.operators += 1
        if self.operators > MAX_OPERATORS:
            raise ExpressionError(
                f"expression has more than {MAX_OPERATORS} operators",
                offset,
                1,
                "split it with a variable: '~ part = …' then use 'part'",
            )

    def binary(self, left: Expr, op: str, right: Expr) -> Binary:
        self.count_operator(left.offset + left.width)
        end = right.offset + right.width
        return Binary(left.offset, end - left.offset, op, left, right)

    def parse_or(self) -> Expr:
        node = self.parse_and()
        while self.at_op("or"):
            self.advance()
            node = self.binary(node, "or", self.parse_and())
        return node

    def parse_and(self) -> Expr:
        node = self.parse_not()
        while self.at_op("and"):
            self.advance()
            node = self.binary(node, "and", self.parse_not())
        return node

    def parse_not(self) -> Expr:
        if self.at_op("not"):
            start = self.advance().offset
            self.count_operator(start)
            self.enter()
            operand = self.parse_not()
            self.depth -= 1
            return Unary(start, operand.offset + operand.width - start, "not", operand)
        return self.parse_cmp()

    def parse_cmp(self) -> Expr:
        node = self.parse_sum()
        if self.current.kind == "op" and self.current.text in COMPARISONS:
            op = self.advance().text
            node = self.binary(node, op, self.parse_sum())
        return node

    def parse_sum(self) -> Expr:
        node = self.parse_term()
        while self.current.kind == "op" and self.current.text in ("+", "-"):
            op = self.advance().text
            node = self.binary(node, op, self.parse_term())
        return node

    def parse_term(self) -> Expr:
        node = self.parse_unary()
        while self.current.kind == "op" and self.current.text in PRODUCTS:
            op = self.advance().text
            node = self.binary(node, op, self.parse_unary())
        return node

    def parse_unary(self) -> Expr:
        if self.current.kind == "op" and self.current.text == "-":
            start = self.advance().offset
            self.count_operator(start)
            self.enter()
            operand = self.parse_unary()
            self.depth -= 1
            return Unary(start, operand.offset + operand.width - start, "-", operand)
        return self.parse_atom()

    def parse_atom(self) -> Expr:
        token = self.current
        if token.kind == "int":
            self.advance()
            # Compare digits before converting: a huge literal must not reach int().
            digits = token.text.lstrip("0") or "0"
            too_long = len(digits) > len(str(MAX_INT_LITERAL))
            if too_long or int(digits) > MAX_INT_LITERAL:
                raise ExpressionError(
                    f"integer {token.text} is too large (the limit is {MAX_INT_LITERAL})",
                    token.offset,
                    len(token.text),
                )
            return IntLit(token.offset, len(token.text), int(digits))
        if token.kind == "name":
            if token.text in ("true", "false"):
                self.advance()
                return BoolLit(token.offset, len(token.text), token.text == "true")
            if token.text in KEYWORDS:
                raise ExpressionError(
                    f"expected a value, found the keyword '{token.text}'",
                    token.offset,
                    len(token.text),
                )
            self.advance()
            if self.current.kind == "op" and self.current.text == "(":
                if token.text in CALLS:
                    return self.parse_call(token)
                if token.text in VISITS:
                    return self.parse_visit(token)
            return Name(token.offset, len(token.text), token.text)
        if token.kind == "op" and token.text == "(":
            self.advance()
            self.enter()
            inner = self.parse_or()
            self.depth -= 1
            if not (self.current.kind == "op" and self.current.text == ")"):
                raise ExpressionError(
                    "expected ')'",
                    self.current.offset,
                    1,
                    f"the '(' at column {token.offset + 1} is not closed",
                )
            close = self.advance()
            # Keep the inner node, widened to cover the parentheses for diagnostics.
            return _rewidth(inner, token.offset, close.offset + 1 - token.offset)
        if token.kind == "end":
            raise ExpressionError("expression ends too early", token.offset)
        raise ExpressionError(f"unexpected '{token.text}'", token.offset, len(token.text))

    def parse_visit(self, name: _Token) -> Expr:
        """`seen(scene_id)` or `visits(scene_id)`, the name already read. A scene id may hold
        '-', so it is read from the text, not from the tokens."""
        start = self.advance().offset + 1  # after the '('
        close = self.text.find(")", start)
        inside = self.text[start : close if close >= 0 else len(self.text)]
        scene = inside.strip()
        at = start + len(inside) - len(inside.lstrip())
        if close < 0:
            raise ExpressionError(
                "expected ')'", len(self.text.rstrip()), 1, f"write '{name.text}(scene_id)'"
            )
        if not _SCENE_ID.fullmatch(scene):
            raise ExpressionError(
                f"{name.text}() takes a scene id" if scene else f"{name.text}() needs a scene id",
                at if scene else start,
                max(1, len(scene)),
                f"write '{name.text}(scene_id)'",
            )
        while self.current.kind != "end" and self.current.offset < close:
            self.advance()
        self.advance()  # the ')'
        return Visit(name.offset, close + 1 - name.offset, name.text, scene)

    def parse_call(self, name: _Token) -> Expr:
        """`min(a, b)` or `max(a, b)`, the name already read: a Binary of that name."""
        self.advance()  # the '('
        self.count_operator(name.offset)
        self.enter()
        left = self.parse_or()
        if not (self.current.kind == "op" and self.current.text == ","):
            raise ExpressionError(
                f"expected ',' between the two values of {name.text}()",
                self.current.offset,
                1,
                f"write '{name.text}(a, b)'",
            )
        self.advance()
        right = self.parse_or()
        self.depth -= 1
        if self.current.kind == "op" and self.current.text == ",":
            raise ExpressionError(
                f"{name.text}() takes two values",
                self.current.offset,
                1,
                f"nest them: '{name.text}(a, {name.text}(b, c))'",
            )
        if not (self.current.kind == "op" and self.current.text == ")"):
            raise ExpressionError(
                "expected ')'",
                self.current.offset,
                1,
                f"the '(' at column {name.offset + len(name.text) + 1} is not closed",
            )
        close = self.advance()
        end = close.offset + 1
        return Binary(name.offset, end - name.offset, name.text, left, right)


def _rewidth(node: Expr, offset: int, width: int) -> Expr:
    """Widen an operator node to cover its parentheses; names and literals keep their own."""
    if isinstance(node, Unary):
        return Unary(offset, width, node.op, node.operand)
    if isinstance(node, Binary):
        return Binary(offset, width, node.op, node.left, node.right)
    return node


def parse_expression(text: str) -> Expr:
    """Parse `text` as one expression; raises ExpressionError with an offset into `text`."""
    return _Parser(text).parse()


def names_in(node: Expr) -> list[Name]:
    """Every name the expression reads, in order."""
    if isinstance(node, Name):
        return [node]
    if isinstance(node, Unary):
        return names_in(node.operand)
    if isinstance(node, Binary):
        return names_in(node.left) + names_in(node.right)
    return []
