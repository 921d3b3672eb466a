"""Each scene's transitions as a generated Python function over integer-encoded states.

The odds analysis calls one of these per reachable state, millions of times, so it cannot
afford the runtime's closures (a call per expression node) or tuples of values copied per
effect. Instead the compiled story is translated once into plain Python source: one
function per scene that decodes only the variables the scene reads, evaluates its
conditions and effects inline, and returns the keys of the successor states
(encoding.py). The semantics are the runtime's (runtime.py), step for step; the tests
compare the two on random stories.

The generated source is built only from numbers and a fixed set of operators taken from
a validated compiled story, never from story text, so executing it is safe.

A transition function takes `rest` (the key without its scene: key % span) and
returns (mode, labels, keys): what happens in the state, and for each successor the
index of the divert, chance outcome or choice that leads there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import count
from typing import Any, NamedTuple

from crossing.story import compiled as c
from crossing.story.evaluate import divide, remainder, saturate
from crossing.story.expressions import INT_LIMIT

from .encoding import StateCodec, value_range

# What a state does, in the runtime's order of precedence.
DIVERT, CHANCE, CHOICE, STUCK, ENDING = range(5)
# Not from a scene's rules: a state where the players' divert limit stops play (limit.py).
RUNAWAY = 5
MODE_NAMES = ("divert", "chance", "choice", "dead_end", "ending", "runaway")

Successors = tuple[int, tuple[int, ...], tuple[int, ...]]
Transition = Callable[[int], Successors]

_COMPARE = {"==", "!=", "<", "<=", ">", ">="}
_ARITHMETIC = {"+", "-", "*", "/", "%", "min", "max"}
_CALLS = {"/": "_div", "%": "_rem", "min": "min", "max": "max"}


class UnsupportedExpression(Exception):
    """A compiled expression the generator does not know (the compiled file is damaged)."""


class Transitions(NamedTuple):
    by_scene: list[Transition | None]  # None for endings, which have no successors
    begin: Callable[[int], int]  # initial values' rest -> key of the first state


def build_transitions(
    story: c.CompiledStory, codec: StateCodec, live: Sequence[frozenset[int]] | None = None
) -> Transitions:
    """Generate, compile and return every scene's transition function.

    With `live` (liveness.py), each successor's variables that are not live in its scene
    are set to their lowest value, so states differing only in them become one.
    """
    every = frozenset(range(len(story.variables)))
    live = live or [every] * len(story.scenes)
    source_lines = _SceneWriter(story, codec, live, every).entry_function("begin")
    names: list[str | None] = []
    for index, scene in enumerate(story.scenes):
        if scene.ending is not None:
            names.append(None)
            continue
        names.append(f"scene_{index}")
        writer = _SceneWriter(story, codec, live, live[index], index)
        source_lines.extend(writer.function(f"scene_{index}"))
    namespace: dict[str, Any] = {"_sat": saturate, "_div": divide, "_rem": remainder}
    exec(compile("\n".join(source_lines), "<crossing transitions>", "exec"), namespace)
    return Transitions(
        [None if name is None else namespace[name] for name in names], namespace["begin"]
    )


class _SceneWriter:
    """Writes the transition function of one scene."""

    def __init__(
        self,
        story: c.CompiledStory,
        codec: StateCodec,
        live: Sequence[frozenset[int]],
        live_here: frozenset[int],
        index: int | None = None,
    ):
        self.story = story
        self.codec = codec
        self.live = live
        # Variables that may hold any value in this function's input; the others are
        # already at their lowest value (digit 0), so they never need resetting.
        self.live_here = live_here
        self.scene = story.scenes[story.start if index is None else index]
        self.read: set[int] = set()  # variables the function must decode
        self.fresh = count()

    def function(self, name: str) -> list[str]:
        return self._define(name, self._body())

    def entry_function(self, name: str) -> list[str]:
        """The function giving the first state: the start scene entered with `rest`."""
        path, key = self._path((), self.story.start)
        return self._define(name, [*_indent(path, 1), f"    return {key}"])

    def _define(self, name: str, body: list[str]) -> list[str]:
        """A function of `rest` that first decodes the variables its body reads."""
        decode = [f"    v{i} = {self._decode(i)}" for i in sorted(self.read)]
        return [f"def {name}(r):", *decode, *body, ""]

    def _decode(self, i: int) -> str:
        text = "r"
        if self.codec.places[i] != 1:
            text = f"r // {self.codec.places[i]}"
        if i != len(self.codec.places) - 1:
            text = f"{text} % {self.codec.radices[i]}"
        low = self.codec.lows[i]
        return text if low == 0 else f"{text} + ({low})"

    # -- the scene's rules ----------------------------------------------------------------

    def _body(self) -> list[str]:
        scene = self.scene
        lines: list[str] = []
        for d_index, divert in enumerate(scene.diverts):
            path, key = self._path((), divert.target)
            result = f"return ({DIVERT}, ({d_index},), ({key},))"
            if divert.condition is None:
                return lines + _indent([*path, result], 1)
            lines.append(f"    if {self._expr(divert.condition, {}, test=True)[0]}:")
            lines.extend(_indent([*path, result], 2))
        if scene.chance is not None:
            keys: list[str] = []
            for outcome in scene.chance.outcomes:
                path, key = self._path(outcome.effects, outcome.target)
                lines.extend(_indent(path, 1))
                keys.append(key)
            labels = _tuple(str(i) for i in range(len(keys)))
            return [*lines, f"    return ({CHANCE}, {labels}, {_tuple(keys)})"]
        if not scene.choices:
            return [*lines, f"    return ({STUCK}, (), ())"]
        if all(choice.condition is None for choice in scene.choices):
            keys = []
            for choice in scene.choices:
                path, key = self._path(choice.effects, choice.target)
                lines.extend(_indent(path, 1))
                keys.append(key)
            labels = _tuple(str(i) for i in range(len(keys)))
            return [*lines, f"    return ({CHOICE}, {labels}, {_tuple(keys)})"]
        lines += ["    labels = []", "    keys = []"]
        for c_index, choice in enumerate(scene.choices):
            path, key = self._path(choice.effects, choice.target)
            taken = [*path, f"labels.append({c_index})", f"keys.append({key})"]
            if choice.condition is None:
                lines.extend(_indent(taken, 1))
            else:
                lines.append(f"    if {self._expr(choice.condition, {}, test=True)[0]}:")
                lines.extend(_indent(taken, 2))
        lines.append("    if not labels:")
        lines.append(f"        return ({STUCK}, (), ())")
        lines.append(f"    return ({CHOICE}, tuple(labels), tuple(keys))")
        return lines

    def _path(self, effects: tuple[c.Effect, ...], target: int) -> tuple[list[str], str]:
        """Statements applying `effects` and then the target's entry effects, and the
        expression for the key of the state they lead to."""
        current: dict[int, str] = {}
        lines: list[str] = []
        for effect in effects + self.story.scenes[target].effects:
            source, low, high = self._expr(effect.expr, current, test=False)
            name = f"t{next(self.fresh)}"
            lines.append(f"{name} = {source}")
            variable = self.story.variables[effect.var]
            if variable.type == "int":
                var_low, var_high = value_range(variable)
                if low < var_low:
                    lines.append(f"if {name} < {var_low}: {name} = {var_low}")
                if high > var_high:
                    lines.append(f"if {name} > {var_high}: {name} = {var_high}")
            current[effect.var] = name
        key = f"r + {self.codec.span * target}"
        dead = set(range(len(self.story.variables))) - self.live[target]
        for var, name in sorted(current.items()):
            if var not in dead:
                self.read.add(var)
                key += f" + {self.codec.places[var]} * ({name} - v{var})"
        for var in sorted(dead & self.live_here):  # reset to digit 0: value - low
            self.read.add(var)
            low = self.codec.lows[var]
            digit = f"v{var}" if low == 0 else f"v{var} - ({low})"
            key += f" - {self.codec.places[var]} * ({digit})"
        return lines, key

    def _expr(self, expr: c.JsonExpr, current: dict[int, str], test: bool) -> tuple[str, int, int]:
        """Python source for `expr`, with the smallest and largest values it can take.

        `test` is true where only truthiness matters (a condition), so `and`/`or` need not
        be turned into a bool. Saturation is written only where the range can overflow.
        """
        if isinstance(expr, bool):
            return repr(expr), int(expr), int(expr)
        if isinstance(expr, int):
            return f"({expr})", expr, expr
        if not isinstance(expr, list) or not expr:
            raise UnsupportedExpression(repr(expr))
        op = expr[0]
        if op == "var" and len(expr) == 2 and isinstance(expr[1], int):
            index: int = expr[1]
            if index in current:
                name = current[index]
            else:
                self.read.add(index)
                name = f"v{index}"
            low, high = value_range(self.story.variables[index])
            return name, low, high
        if op == "not" and len(expr) == 2:
            inner = self._expr(expr[1], current, test=True)[0]
            return f"(not {inner})", 0, 1
        if op == "neg" and len(expr) == 2:
            inner, low, high = self._expr(expr[1], current, test=False)
            return f"(-{inner})", -high, -low
        if len(expr) != 3:
            raise UnsupportedExpression(repr(expr))
        if op in ("and", "or"):
            left = self._expr(expr[1], current, test=True)[0]
            right = self._expr(expr[2], current, test=True)[0]
            joined = f"({left} {op} {right})"
            return (joined if test else f"({joined} != 0)"), 0, 1
        left, l_low, l_high = self._expr(expr[1], current, test=False)
        right, r_low, r_high = self._expr(expr[2], current, test=False)
        if op in _COMPARE:
            return f"({left} {op} {right})", 0, 1
        if op not in _ARITHMETIC:
            raise UnsupportedExpression(f"unknown operator {op!r}")
        if op in _CALLS:
            low, high = _call_range(op, (l_low, l_high), (r_low, r_high))
            return f"{_CALLS[op]}({left}, {right})", low, high
        if op == "+":
            low, high = l_low + r_low, l_high + r_high
        elif op == "-":
            low, high = l_low - r_high, l_high - r_low
        else:
            corners = (l_low * r_low, l_low * r_high, l_high * r_low, l_high * r_high)
            low, high = min(corners), max(corners)
        source = f"({left} {op} {right})"
        if low < -INT_LIMIT or high > INT_LIMIT:
            return f"_sat{source}", max(low, -INT_LIMIT), min(high, INT_LIMIT)
        return source, low, high


def _call_range(op: str, left: tuple[int, int], right: tuple[int, int]) -> tuple[int, int]:
    """Bounds (not always the tightest) of /, %, min and max; they never leave ±INT_LIMIT."""
    if op == "min":
        return min(left[0], right[0]), min(left[1], right[1])
    if op == "max":
        return max(left[0], right[0]), max(left[1], right[1])
    # |a / b| <= |a|; a % b has the sign of a, and |a % b| < |b| (x / 0 = x % 0 = 0).
    low, high = min(0, left[0]), max(0, left[1])
    if op == "/":
        most = max(-low, high)  # the divisor's sign may flip the quotient's
        return -most, most
    below = max(abs(right[0]), abs(right[1])) - 1
    return max(low, -below) if below >= 0 else 0, min(high, below) if below >= 0 else 0


def _indent(lines: list[str], depth: int) -> list[str]:
    return ["    " * depth + line for line in lines]


def _tuple(items: Iterable[str]) -> str:
    return "(" + "".join(f"{item}, " for item in items) + ")"
