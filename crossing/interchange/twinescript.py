"""TwineScript expressions (SugarCube 2) read into compiled expression trees.

Only what the story language can say is read: integers, booleans, string literals of a
variable used as a set of values, `$variables`, arithmetic `+ - *`, comparisons (`is`,
`isnot`, `eq`, `neq`, `gt`, `gte`, `lt`, `lte` and their symbols), `and`/`or`/`not`
(and `&&`, `||`, `!`), `Math.trunc(a / b)`, `a % b`, `Math.min`/`Math.max` of two values
and `b is 0 ? 0 : …` around a division (the export's guard), parentheses, and
`random(a, b)` / `either(…)` where the importer turns them into a chance. Anything else raises ScriptError with the column it is at.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

_TOKEN = re.compile(
    r"""\s*(?:
      (?P<num>[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)
    | (?P<str>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
    | (?P<var>[$_][A-Za-z_$][A-Za-z0-9_$]*)
    | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
    | (?P<op>===|!==|==|!=|>=|<=|&&|\|\||[-+*/%<>!(),=.\[\]{}?:`])
    )""",
    re.X,
)

WORD_OPS = {
    "is": "==",
    "eq": "==",
    "isnot": "!=",
    "neq": "!=",
    "gt": ">",
    "gte": ">=",
    "lt": "<",
    "lte": "<=",
    "and": "and",
    "or": "or",
    "not": "not",
    "to": "to",
}
SYMBOL_OPS = {"===": "==", "!==": "!=", "&&": "and", "||": "or", "!": "not"}
MATH = ("clamp", "trunc", "min", "max")
_BINARY_LEVELS = [("or",), ("and",), ("==", "!=", "<", "<=", ">", ">=")]


class ScriptError(Exception):
    def __init__(self, message: str, offset: int, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.hint = hint


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # num, str, var, word, op, end
    text: str
    offset: int


def tokens(text: str) -> list[Token]:
    out: list[Token] = []
    i = 0
    while i < len(text):
        if text[i:].strip() == "":
            break
        match = _TOKEN.match(text, i)
        if match is None or match.lastgroup is None:
            j = len(text) - len(text[i:].lstrip())
            raise ScriptError(f"'{text[j]}' cannot be read here", j)
        kind = match.lastgroup
        value = match.group(kind)
        start = match.start(kind)
        if kind == "word" and value in WORD_OPS:
            kind, value = "op", WORD_OPS[value]
        elif kind == "op" and value in SYMBOL_OPS:
            value = SYMBOL_OPS[value]
        out.append(Token(kind, value, start))
        i = match.end()
    out.append(Token("end", "", len(text)))
    return out


# A parsed TwineScript value before types are resolved: ("num", n), ("bool", b),
# ("str", s), ("var", name), ("call", name, [args]), ("neg"|"not", x), (op, a, b), with an
# offset last on leaves, calls, `*`, `/`, `%` and ("?:", test, a, b, offset).
Raw = tuple[Any, ...]


class Parser:
    def __init__(self, text: str):
        self.text = text
        self.items = tokens(text)
        self.i = 0

    @property
    def peek(self) -> Token:
        return self.items[self.i]

    def take(self) -> Token:
        token = self.items[self.i]
        self.i += 1
        return token

    def expect(self, text: str) -> None:
        token = self.take()
        if token.text != text:
            raise ScriptError(f"expected '{text}'", token.offset)

    def whole(self) -> Raw:
        value = self.expression()
        if self.peek.kind != "end":
            raise ScriptError(f"unexpected '{self.peek.text}'", self.peek.offset)
        return value

    def expression(self, level: int = 0) -> Raw:
        if level == 0:
            return self.conditional()
        return self.binary(level - 1)

    def conditional(self) -> Raw:
        """`c ? a : b`, read so the export's guarded division can be recognised."""
        test = self.binary(0)
        if self.peek.text != "?":
            return test
        at = self.take().offset
        then = self.expression()
        self.expect(":")
        return ("?:", test, then, self.expression(), at)

    def binary(self, level: int) -> Raw:
        if level == len(_BINARY_LEVELS):
            return self.additive()
        left = self.binary(level + 1)
        while self.peek.kind == "op" and self.peek.text in _BINARY_LEVELS[level]:
            op = self.take().text
            left = (op, left, self.binary(level + 1))
            if level == 2 and self.peek.kind == "op" and self.peek.text in _BINARY_LEVELS[2]:
                raise ScriptError("comparisons do not chain here", self.peek.offset)
        return left

    def additive(self) -> Raw:
        left = self.term()
        while self.peek.kind == "op" and self.peek.text in ("+", "-"):
            op = self.take().text
            left = (op, left, self.term())
        return left

    def term(self) -> Raw:
        left = self.unary()
        while self.peek.kind == "op" and self.peek.text in ("*", "/", "%"):
            op = self.take()
            left = (op.text, left, self.unary(), op.offset)
        return left

    def unary(self) -> Raw:
        token = self.peek
        if token.kind == "op" and token.text == "not":
            self.take()
            return ("not", self.unary())
        if token.kind == "op" and token.text == "-":
            self.take()
            return ("neg", self.unary())
        return self.atom()

    def atom(self) -> Raw:
        token = self.take()
        if token.kind == "num":
            if not re.fullmatch(r"[0-9]+", token.text):
                raise ScriptError(
                    f"'{token.text}' is not a whole number: Crossing numbers are integers",
                    token.offset,
                )
            return ("num", int(token.text), token.offset)
        if token.kind == "str":
            return ("str", unquote(token.text), token.offset)
        if token.kind == "var":
            after = self.peek
            if after.kind == "op" and after.text in (".", "["):
                raise ScriptError(
                    f"'{token.text}{after.text}…': properties and indexes are not imported",
                    after.offset,
                    "Crossing variables hold an integer, true/false or one of a set of names",
                )
            return ("var", token.text, token.offset)
        if token.kind == "word":
            if (
                token.text == "Math"
                and self.peek.text == "."
                and self.items[self.i + 1].text in MATH
            ):
                # Math.clamp(value, low, high): SugarCube's clamp, a ranged int; the others
                # are Crossing's / (Math.trunc), min and max.
                token = Token("word", "Math." + self.items[self.i + 1].text, token.offset)
                self.i += 2
            if token.text in ("true", "false"):
                return ("bool", token.text == "true", token.offset)
            if self.peek.text == "(":
                self.take()
                args: list[Raw] = []
                while self.peek.text != ")":
                    args.append(self.expression())
                    if self.peek.text == ",":
                        self.take()
                    elif self.peek.text != ")":
                        raise ScriptError("expected ',' or ')'", self.peek.offset)
                self.take()
                return ("call", token.text, args, token.offset)
            raise ScriptError(
                f"'{token.text}' is not imported: JavaScript names have no Crossing meaning",
                token.offset,
            )
        if token.text == "(":
            inner = self.expression()
            self.expect(")")
            return inner
        if token.kind == "end":
            raise ScriptError("an expression is missing", token.offset)
        raise ScriptError(f"'{token.text}' cannot be read here", token.offset)


def unquote(text: str) -> str:
    if text.startswith('"'):
        try:  # the export writes JSON strings (`\u003e` for '>')
            return str(json.loads(text))
        except ValueError:
            pass
    body = text[1:-1]
    return re.sub(r"\\(.)", r"\1", body)


def shape(raw: Raw) -> tuple[Any, ...]:
    """`raw` without its offsets: two readings of the same expression compare equal."""
    kind = raw[0]
    if kind in ("num", "str", "var", "bool"):
        return (kind, raw[1])
    if kind == "call":
        return (kind, raw[1], tuple(shape(arg) for arg in raw[2]))
    return (kind, *(shape(part) for part in raw[1:] if isinstance(part, tuple)))


def parse(text: str) -> Raw:
    """Parse one TwineScript expression (ScriptError with an offset into `text`)."""
    return Parser(text).whole()
