"""Compiled expressions and text as SugarCube 2 markup (TwineScript), for the Twee export."""

from __future__ import annotations

import json
from collections.abc import Sequence

from crossing.story import compiled as c

from .decompile import DecompileError
from .names import is_internal, sugarcube_name

_BINARY = {
    "+": "+",
    "-": "-",
    "*": "*",
    "==": "is",
    "!=": "isnot",
    "<": "lt",
    "<=": "lte",
    ">": "gt",
    ">=": "gte",
    "and": "and",
    "or": "or",
}


def js_string(text: str) -> str:
    """A JavaScript string literal (JSON's is one); `<` escaped so no markup closes early."""
    quoted: str = json.dumps(text, ensure_ascii=False)
    return quoted.replace("<", "\\u003c").replace(">", "\\u003e")


class Script:
    """Writes compiled expressions as TwineScript: `$name`, `is`, `gte`, enums as strings."""

    def __init__(self, variables: Sequence[c.Variable]):
        self.variables = variables

    def _enum(self, expr: c.JsonExpr) -> c.Variable | None:
        if isinstance(expr, list) and expr and expr[0] == "var":
            variable = self.variables[expr[1]]
            return variable if variable.type == "enum" else None
        return None

    def expr(self, expr: c.JsonExpr, enum: c.Variable | None = None) -> str:
        if isinstance(expr, bool):
            return "true" if expr else "false"
        if isinstance(expr, int):
            return js_string(enum.values[expr]) if enum is not None else str(expr)
        op = expr[0]
        if op == "var":
            return "$" + sugarcube_name(self.variables[expr[1]].name)
        if op == "neg":
            return f"-({self.expr(expr[1])})"
        if op == "not":
            return f"not ({self.expr(expr[1])})"
        if op in ("min", "max"):
            return f"Math.{op}({self.expr(expr[1])}, {self.expr(expr[2])})"
        if op in ("/", "%"):
            return self.quotient(op, self.expr(expr[1]), self.expr(expr[2]))
        if op not in _BINARY:
            raise DecompileError(f"operator {op!r} has no SugarCube form in this exporter yet")
        side = self._enum(expr[1]) or self._enum(expr[2])
        return f"({self.expr(expr[1], side)} {_BINARY[op]} {self.expr(expr[2], side)})"

    @staticmethod
    def quotient(op: str, left: str, right: str) -> str:
        """Whole-number `/` and `%`: JavaScript divides into fractions and gives Infinity or
        NaN for a zero divisor, where Crossing truncates toward zero and gives 0.
        `Math.trunc` and JavaScript's `%` both keep the sign Crossing's rules give."""
        value = f"Math.trunc({left} / {right})" if op == "/" else f"{left} % {right}"
        return f"({right} is 0 ? 0 : {value})"

    def assignment(self, effect: c.Effect) -> str:
        variable = self.variables[effect.var]
        value = self.expr(effect.expr, variable if variable.type == "enum" else None)
        if variable.type == "int" and variable.low is not None and variable.high is not None:
            value = f"Math.clamp({value}, {variable.low}, {variable.high})"
        return f"<<set ${sugarcube_name(variable.name)} to {value}>>"

    def shown(self, part: c.Interpolation) -> str:
        """An interpolation as SugarCube prints it."""
        expr = part.expr
        if part.type == "enum":
            variable = self._enum(expr)
            names = variable.values if variable is not None else ()
            shown = self.expr(expr)
            if tuple(part.values) != tuple(names):
                table = dict(zip(names, part.values, strict=False))
                return f"<<print ({json.dumps(table, ensure_ascii=False)})[{shown}]>>"
            return f"<<print {shown}>>"
        if part.format is None:
            # Markup's naked `$name` stops at a `$`: internal names are printed.
            var = isinstance(expr, list) and expr[0] == "var"
            if var and not is_internal(self.variables[expr[1]].name):
                return "$" + str(self.variables[expr[1]].name)
            return f"<<print {self.expr(expr)}>>"
        if part.format in ("number", "words"):
            return f"<<print ({self.expr(expr)}).toLocaleString()>>"
        return (
            f"<<print ({self.expr(expr)}).toLocaleString(undefined, "
            f'{{style: "currency", currency: "{part.format}", maximumFractionDigits: 0}})>>'
        )

    def text(self, text: c.Text) -> str:
        """Compiled text as passage markup: the HTML as is, parts as macros."""
        if isinstance(text, str):
            return text
        out: list[str] = []
        for part in text:
            if isinstance(part, str):
                out.append(part)
            elif isinstance(part, c.Interpolation):
                out.append(self.shown(part))
            elif isinstance(part, c.Conditional):
                out.append(f"<<if {self.expr(part.condition)}>>{self.text(part.then)}")
                if part.otherwise is not None:
                    out.append(f"<<else>>{self.text(part.otherwise)}")
                out.append("<</if>>")
            else:
                out.append(self.variation(part))
        return "".join(out)

    def variation(self, part: c.Variation) -> str:
        """SugarCube has no variations: count by the passage's visits (an approximation that
        holds while the variation shows on every visit)."""
        count = len(part.parts)
        if part.kind == "seq":
            selector = f"Math.min(visited(), {count})"
        elif part.kind == "cycle":
            selector = f"(visited() - 1) % {count} + 1"
        else:
            selector = "visited()"
        cases = "".join(f"<<case {n}>>{self.text(t)}" for n, t in enumerate(part.parts, 1))
        return f"<<switch {selector}>>{cases}<</switch>>"

    def label(self, text: c.Text) -> str:
        """Choice text as a JavaScript string expression for `<<link>>`."""
        if isinstance(text, str):
            return js_string(text)
        return "`" + self.joined(text) + "`"

    def joined(self, text: c.Text) -> str:
        """Text as a JavaScript expression: strings and values joined by '+'."""
        if isinstance(text, str):
            return js_string(text)
        pieces: list[str] = []
        for part in text:
            if isinstance(part, str):
                pieces.append(js_string(part))
            elif isinstance(part, c.Interpolation):
                pieces.append(f"String({self.expr(part.expr)})")
            elif isinstance(part, c.Conditional):
                otherwise = '""' if part.otherwise is None else self.joined(part.otherwise)
                pieces.append(
                    f"({self.expr(part.condition)} ? {self.joined(part.then)} : {otherwise})"
                )
            else:
                pieces.append(self.joined(part.parts[0]))
        return " + ".join(pieces)
