"""Type checking expressions and turning them into compiled JSON expressions.

Types are int, bool and sets of named values ("enums"). A bare name that is not a
variable is a value of a set, which only makes sense next to that set: compared with
`==`/`!=` to an expression of the set's type, or assigned to a variable of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .compiled import JsonExpr, Variable
from .diagnostics import Diagnostic, did_you_mean
from .expressions import Binary, BoolLit, Expr, IntLit, Name, Unary, Visit
from .syntax import ExprSource

ARITHMETIC = ("+", "-", "*", "/", "%", "min", "max")
DIVISIONS = ("/", "%")
SHOWN_VISITS = 9  # visits(scene) counts up to this when not only compared with a number

# Finds (or makes) the compiler's counter of visits to a scene, able to count up to `cap`;
# None (and a diagnostic) when there is no such scene.
VisitCounter = Callable[[Visit, ExprSource, int], int | None]
ORDERING = ("<", "<=", ">", ">=")
EQUALITY = ("==", "!=")
LOGIC = ("and", "or")


@dataclass(frozen=True, slots=True)
class Type:
    name: str  # "int", "bool" or "enum"
    values: tuple[str, ...] = ()

    def __str__(self) -> str:
        if self.name == "enum":
            return "{" + ", ".join(self.values) + "}"
        return self.name


INT = Type("int")
BOOL = Type("bool")


def type_of(variable: Variable) -> Type:
    return Type(variable.type, variable.values)


class ExpressionChecker:
    """Checks expressions against the story's variables; records reads and problems."""

    def __init__(
        self,
        variables: dict[str, tuple[int, Variable]],
        report: Callable[[Diagnostic], None],
        visits: VisitCounter | None = None,
    ):
        self.variables = variables
        self.report = report
        self.visits = visits
        self.read: set[str] = set()
        self.caps: dict[int, int] = {}  # id(Visit node) -> what a comparison needs it to count

    def check(
        self, source: ExprSource, expected: Type | None = None
    ) -> tuple[Type, JsonExpr] | None:
        """Type-check `source`; when `expected` is given, the result must have that type."""
        result = self._node(source, source.expr, expected)
        if result is None:
            return None
        found, compiled = result
        if expected is not None and found != expected:
            self.error(
                source, source.expr, f"expected {describe(expected)}, found {describe(found)}"
            )
            return None
        return found, compiled

    def error(self, source: ExprSource, node: Expr, message: str, hint: str | None = None) -> None:
        self.report(Diagnostic("E008", message, source.at(node.offset, node.width), hint))

    def _node(
        self, source: ExprSource, node: Expr, context: Type | None
    ) -> tuple[Type, JsonExpr] | None:
        if isinstance(node, IntLit):
            return INT, node.value
        if isinstance(node, BoolLit):
            return BOOL, node.value
        if isinstance(node, Name):
            return self._name(source, node, context)
        if isinstance(node, Visit):
            return self._visit(source, node)
        if isinstance(node, Unary):
            want = INT if node.op == "-" else BOOL
            inner = self._node(source, node.operand, want)
            if inner is None:
                return None
            if inner[0] != want:
                self.error(
                    source,
                    node.operand,
                    f"'{node.op}' needs {describe(want)}, found {describe(inner[0])}",
                )
                return None
            return want, ["neg" if node.op == "-" else "not", inner[1]]
        return self._binary(source, node)

    def _name(
        self, source: ExprSource, node: Name, context: Type | None
    ) -> tuple[Type, JsonExpr] | None:
        if node.name in self.variables:
            index, variable = self.variables[node.name]
            self.read.add(node.name)
            return type_of(variable), ["var", index]
        if context is not None and context.name == "enum":
            if node.name in context.values:
                return context, context.values.index(node.name)
            self.report(
                Diagnostic(
                    "E008",
                    f"'{node.name}' is not one of {context}",
                    source.at(node.offset, node.width),
                    did_you_mean(node.name, context.values),
                )
            )
            return None
        self.report(
            Diagnostic(
                "E005",
                f"unknown variable '{node.name}'",
                source.at(node.offset, node.width),
                did_you_mean(node.name, self.variables)
                or "declare it in the header: 'var name: int = 0'",
            )
        )
        return None

    def _visit(self, source: ExprSource, node: Visit) -> tuple[Type, JsonExpr] | None:
        """seen(x) is visits(x) > 0. Counting stops at a cap: one more than the largest number
        visits(x) is compared with (so every comparison comes out as with the true count),
        or SHOWN_VISITS where the count is shown or computed with."""
        default = 1 if node.kind == "seen" else SHOWN_VISITS
        cap = self.caps.pop(id(node), default)
        if self.visits is None:
            self.error(source, node, f"{node.kind}() cannot be used here")
            return None
        index = self.visits(node, source, cap)
        if index is None:
            return None
        if node.kind == "seen":
            return BOOL, [">", ["var", index], 0]
        return INT, ["var", index]

    def _binary(self, source: ExprSource, node: Binary) -> tuple[Type, JsonExpr] | None:
        op = node.op
        if op in EQUALITY or op in ORDERING:
            for counted, other in ((node.left, node.right), (node.right, node.left)):
                number = _constant(other)
                if isinstance(counted, Visit) and counted.kind == "visits" and number is not None:
                    self.caps[id(counted)] = max(1, number + 1)
        if op in EQUALITY:
            # A bare set value takes its type from the other side.
            left_is_value = isinstance(node.left, Name) and node.left.name not in self.variables
            if left_is_value:
                right = self._node(source, node.right, None)
                left = self._node(source, node.left, right[0] if right else None) if right else None
            else:
                left = self._node(source, node.left, None)
                right = self._node(source, node.right, left[0] if left else None) if left else None
            if left is None or right is None:
                return None
            if left[0] != right[0]:
                self.error(
                    source, node, f"cannot compare {describe(left[0])} with {describe(right[0])}"
                )
                return None
            return BOOL, [op, left[1], right[1]]
        want = BOOL if op in LOGIC else INT
        left = self._node(source, node.left, want)
        right = self._node(source, node.right, want)
        if left is None or right is None:
            return None
        for side, result in ((node.left, left), (node.right, right)):
            if result[0] != want:
                self.error(
                    source, side, f"'{op}' needs {describe(want)}, found {describe(result[0])}"
                )
                return None
        if op in DIVISIONS:
            self._divisor(source, node)
        return (BOOL if op in ORDERING or op in LOGIC else INT), [op, left[1], right[1]]

    def _divisor(self, source: ExprSource, node: Binary) -> None:
        """E070 for a literal 0 divisor; W170 when a variable divisor's range holds 0 (at run
        time x / 0 and x % 0 are 0, so play goes on, but it is rarely what was meant)."""
        divisor = node.right
        while isinstance(divisor, Unary) and divisor.op == "-":
            divisor = divisor.operand
        where = source.at(node.right.offset, node.right.width)
        if isinstance(divisor, IntLit) and divisor.value == 0:
            self.report(
                Diagnostic(
                    "E070",
                    f"'{node.op}' by zero",
                    where,
                    "x / 0 and x % 0 would always be 0; divide by another number",
                )
            )
        elif isinstance(divisor, Name) and divisor.name in self.variables:
            variable = self.variables[divisor.name][1]
            low = -1 if variable.low is None else variable.low
            high = 1 if variable.high is None else variable.high
            if variable.type == "int" and low <= 0 <= high:
                self.report(
                    Diagnostic(
                        "W170",
                        f"'{divisor.name}' can be 0 here, and x {node.op} 0 is 0",
                        where,
                        f"give '{divisor.name}' a range without 0 (e.g. 1..10), "
                        f"or divide by max({divisor.name}, 1)",
                    )
                )


def _constant(node: Expr) -> int | None:
    """The value of a number written as a literal (`3`, `-3`), else None."""
    if isinstance(node, IntLit):
        return node.value
    if isinstance(node, Unary) and node.op == "-" and isinstance(node.operand, IntLit):
        return -node.operand.value
    return None


def describe(t: Type) -> str:
    if t.name == "int":
        return "a number"
    if t.name == "bool":
        return "true or false"
    return f"a value of {t}"
