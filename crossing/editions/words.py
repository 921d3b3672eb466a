"""Expressions and effects in plain words, for a reader with a pencil and an adventure sheet.

The scheme, used everywhere in the gamebook edition:

- a variable is named by its name with underscores as spaces (`years_hidden` → "years hidden");
- an enum value is written in curly quotes, underscores as spaces (`none_yet` → “none yet”),
  which is also how the adventure sheet lists it;
- a yes/no variable is a box that is *ticked* or not (`papers` → "papers is ticked");
- comparisons read as "cash is 2 or more", "risk is less than 3", "who is “chol”";
- arithmetic stays in symbols ("cash + 1", "debt × 2"), with brackets where they matter;
- `and`/`or` mixed together always get brackets, so "a or (b and c)" cannot be misread;
- effects read as instructions: "add 1 to cash", "take 2 from cash", "tick papers",
  "write “thailand” for route", "set cash to debt + 2".

Everything here is pure: functions of the compiled story's dataclasses, returning plain
text (not HTML; the caller escapes it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext

from babel.numbers import format_decimal

from crossing.locales import _, speaking
from crossing.story.compiled import Effect, JsonExpr, Variable


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is defined; `_` translates it where used."""
    return message


COMPARISONS = frozenset({"==", "!=", "<", "<=", ">", ">="})
ARITHMETIC = {"+": "+", "-": "-", "*": "×", "/": "÷"}
# Binding strength of arithmetic in words, for brackets: higher binds tighter.
_STRENGTH = {"+": 1, "-": 1, "*": 2, "/": 2, "neg": 3}
# Written as words around their two values: "the smaller of A and B".
CALLS = {
    "min": N_("the smaller of %(a)s and %(b)s"),
    "max": N_("the larger of %(a)s and %(b)s"),
    "%": N_("the remainder of %(a)s ÷ %(b)s"),
}
# The comparison seen from the other side: `2 <= cash` is `cash >= 2`.
# The words between the parts of a long condition, translated when used.
_JOINS = {"and": lambda: _(" and "), "or": lambda: _(" or ")}
_MIRROR = {"==": "==", "!=": "!=", "<": ">", "<=": ">=", ">": "<", ">=": "<="}
_NEGATE = {"==": "!=", "!=": "==", "<": ">=", "<=": ">", ">": "<=", ">=": "<"}

DIVISION_RULE = N_(
    "Numbers are whole: a number ÷ another drops any fraction (7 ÷ 2 is 3, −7 ÷ 2 is −3), "
    "the remainder is what is left over (the remainder of 7 ÷ 2 is 1), and anything ÷ 0, "
    "or its remainder, is 0."
)
CLAMP_RULE = N_(
    "A number never goes below its lowest value or above its highest: if a note would take "
    "it past either, write the lowest or highest value instead."
)


def number_words(value: int, language: str = "en") -> str:
    """A whole number as a reader of that language writes it: 100,000 (a true minus sign)."""
    digits = format_decimal(abs(value), locale=language.replace("-", "_"))
    return f"−{digits}" if value < 0 else digits


# The ending kinds named in words (the glossary's); another kind is its name in words.
ENDING_KINDS = {
    "safety": N_("safety"),
    "caught": N_("caught"),
    "returned": N_("returned"),
    "hiding": N_("hiding"),
    "died": N_("died"),
    "stranded": N_("stranded"),
    "stayed": N_("stayed"),
}


def ending_kind_words(kind: str) -> str:
    """An ending's kind as the reader reads it: "safety", in Korean "안전"."""
    return _(ENDING_KINDS[kind]) if kind in ENDING_KINDS else humanise(kind)


def humanise(name: str) -> str:
    """A name as words: underscores become spaces (`years_hidden` → "years hidden")."""
    return " ".join(name.replace("_", " ").split()) or name


def quoted(value: str) -> str:
    """An enum value as the reader writes it: “none yet”."""
    return f"“{humanise(value)}”"


def variable_name(variables: Sequence[Variable], index: int) -> str:
    return short_label(variables[index])


def sheet_label(variable: Variable) -> str:
    """A variable as its line on the sheet is headed: its label ("Cash, in US dollars"),
    else its name in words."""
    return variable.label or humanise(variable.name)


def short_label(variable: Variable) -> str:
    """A variable as conditions and notes name it: its label up to the first comma or
    bracket ("Cash", "Health"), so the sentence around it stays readable; else its name in
    words."""
    if variable.label:
        return re.split(r",|\s\(", variable.label, maxsplit=1)[0].strip() or variable.label
    return humanise(variable.name)


def value_label(variable: Variable, index: int) -> str:
    """An enum value as the story shows it: its label ("2009"), else its name in words."""
    if 0 <= index < len(variable.labels) and variable.labels[index]:
        return variable.labels[index]
    value = variable.values[index]
    if variable.internal and value.startswith("->"):  # a tunnel's return point (tunnels.py)
        return _("back to %(place)s") % {"place": humanise(value[2:])}
    return humanise(value)


def quoted_value(variable: Variable, index: int) -> str:
    """An enum value as the reader writes it on the sheet: “2009”."""
    return f"“{value_label(variable, index)}”"


# -- types -----------------------------------------------------------------------------


def _enum_of(expr: JsonExpr, variables: Sequence[Variable]) -> Variable | None:
    """The enum variable an expression reads, if it is one (only variables are enums)."""
    if isinstance(expr, list) and expr and expr[0] == "var":
        variable = variables[expr[1]]
        if variable.type == "enum":
            return variable
    return None


def _is_bool(expr: JsonExpr, variables: Sequence[Variable]) -> bool:
    if isinstance(expr, bool):
        return True
    if isinstance(expr, int) or not isinstance(expr, list) or not expr:
        return False
    op = expr[0]
    if op == "var":
        return variables[expr[1]].type == "bool"
    return op in COMPARISONS or op in ("and", "or", "not")


# -- values (numbers, names) -----------------------------------------------------------


def value_words(expr: JsonExpr, variables: Sequence[Variable], locale: str | None = None) -> str:
    """A value (number, enum value or variable) as written on the page: "cash + 1".
    `locale` None: the language being spoken (English outside `speaking`)."""
    with _in(locale):
        return _value(expr, variables, 0, None)


def _value(
    expr: JsonExpr, variables: Sequence[Variable], strength: int, enum: Variable | None
) -> str:
    if isinstance(expr, bool):
        return _("ticked") if expr else _("not ticked")
    if isinstance(expr, int):
        if enum is not None and 0 <= expr < len(enum.values):
            return quoted_value(enum, expr)
        return number_words(expr)
    op = expr[0]
    if op == "var":
        return variable_name(variables, expr[1])
    if op == "neg":
        words = "−" + _value(expr[1], variables, _STRENGTH["neg"], None)
        return f"({words})" if strength > _STRENGTH["neg"] else words
    if op in CALLS:
        a, b = (_value(operand, variables, _STRENGTH["neg"], None) for operand in expr[1:])
        words = _(CALLS[op]) % {"a": a, "b": b}
        return f"({words})" if strength > 0 else words
    if op in ARITHMETIC:
        mine = _STRENGTH[op]
        left = _value(expr[1], variables, mine, None)
        # The right operand of - and ÷ (and of any non-associative chain) needs brackets at
        # equal strength: a - (b - c); a + b + c needs none.
        right = _value(expr[2], variables, mine + (op in ("-", "/")), None)
        words = f"{left} {ARITHMETIC[op]} {right}"
        return f"({words})" if strength > mine else words
    # A condition used as a value (inside == between yes/no values): say it as a clause.
    return f"“{condition_words(expr, variables)}”"


# -- conditions ------------------------------------------------------------------------


def condition_words(
    expr: JsonExpr, variables: Sequence[Variable], locale: str | None = None
) -> str:
    """A condition as a clause, to follow "if": "cash is 2 or more and papers is ticked"."""
    with _in(locale):
        return _clause(expr, variables, None)


def _clause(expr: JsonExpr, variables: Sequence[Variable], within: str | None) -> str:
    """`within` is the logical operator ("and"/"or") this clause is an operand of."""
    if isinstance(expr, bool):
        return _("always") if expr else _("never")
    if isinstance(expr, int):  # not well typed; say something true to the value
        return _("always") if expr else _("never")
    op = expr[0]
    if op == "var":
        return _("%(name)s is ticked") % {"name": variable_name(variables, expr[1])}
    if op == "not":
        return _negation(expr[1], variables, within)
    if op == "and" and (between := _between(expr)) is not None:
        this, low, high = between
        return _("%(value)s is from %(low)s to %(high)s") % {
            "value": value_words(this, variables),
            "low": number_words(low),
            "high": number_words(high),
        }
    if op in ("and", "or"):
        parts = [_clause(operand, variables, op) for operand in _flatten(expr, op)]
        words = _JOINS[op]().join(parts)
        return f"({words})" if within is not None and within != op else words
    if op in COMPARISONS:
        return _comparison(op, expr[1], expr[2], variables, within)
    # An int where a condition belongs.
    return _("%(value)s is not 0") % {"value": value_words(expr, variables)}


def conditions_words(
    clauses: Sequence[JsonExpr], variables: Sequence[Variable], locale: str | None = None
) -> str:
    """Conditions that must all hold, as one clause: "child is ticked and years hidden is 1"
    (a clause made of "or" gets brackets, so the "and" between them cannot be misread)."""
    with _in(locale):
        return _conditions(clauses, variables)


def _conditions(clauses: Sequence[JsonExpr], variables: Sequence[Variable]) -> str:
    flat = [
        part
        for clause in clauses
        for part in (
            [clause]
            if isinstance(clause, list) and clause[:1] == ["and"] and _between(clause)
            else _flatten(clause, "and")
        )
    ]
    if not flat:
        return _("always")
    if len(flat) == 1:
        return _clause(flat[0], variables, None)
    return _JOINS["and"]().join(_clause(part, variables, "and") for part in flat)


def _between(expr: JsonExpr) -> tuple[JsonExpr, int, int] | None:
    """`x >= a and x <= b`, as (x, a, b)."""
    _, left, right = expr
    if (
        isinstance(left, list)
        and isinstance(right, list)
        and left[0] == ">="
        and right[0] == "<="
        and left[1] == right[1]
        and isinstance(left[2], int)
        and isinstance(right[2], int)
        and not isinstance(left[2], bool)
        and not isinstance(right[2], bool)
    ):
        return left[1], left[2], right[2]
    return None


def _flatten(expr: JsonExpr, op: str) -> list[JsonExpr]:
    """`a and (b and c)` → [a, b, c]: the same operator needs no brackets."""
    if isinstance(expr, list) and expr and expr[0] == op:
        return _flatten(expr[1], op) + _flatten(expr[2], op)
    return [expr]


def _negation(expr: JsonExpr, variables: Sequence[Variable], within: str | None) -> str:
    if isinstance(expr, bool):
        return _clause(not expr, variables, within)
    if isinstance(expr, list) and expr:
        op = expr[0]
        if op == "var":
            return _("%(name)s is not ticked") % {"name": variable_name(variables, expr[1])}
        if op == "not":
            return _clause(expr[1], variables, within)
        if op in COMPARISONS:
            return _comparison(_NEGATE[op], expr[1], expr[2], variables, within)
        if op in ("and", "or"):
            # De Morgan: "not (a and b)" reads "a is not so or b is not so", exactly.
            flipped = "or" if op == "and" else "and"
            return _clause([flipped, ["not", expr[1]], ["not", expr[2]]], variables, within)
    return _("not “%(clause)s”") % {"clause": _clause(expr, variables, None)}


def _comparison(
    op: str,
    left: JsonExpr,
    right: JsonExpr,
    variables: Sequence[Variable],
    within: str | None,
) -> str:
    if _is_bool(left, variables) or _is_bool(right, variables):
        return _bool_comparison(op, left, right, variables, within)
    # Put the variable (or expression) first: `2 <= cash` reads "cash is 2 or more".
    if isinstance(left, int) and not isinstance(right, int):
        left, right, op = right, left, _MIRROR[op]
    op, right = _at_bound(op, left, right, variables)
    enum = _enum_of(left, variables) or _enum_of(right, variables)
    if op == "!=" and enum is not None and len(enum.values) == 2 and isinstance(right, int):
        op, right = "==", 1 - right  # of two values, "not the one" is "the other"
    a = _value(left, variables, 0, enum)
    b = _value(right, variables, 0, enum)
    words = {"a": a, "b": b}
    if op == "==":
        return _("%(a)s is %(b)s") % words
    if op == "!=":
        return _("%(a)s is not %(b)s") % words
    if op == "<":
        return _("%(a)s is less than %(b)s") % words
    if op == ">":
        return _("%(a)s is more than %(b)s") % words
    if op == "<=":
        return _("%(a)s is %(b)s or less") % words
    return _("%(a)s is %(b)s or more") % words


def _at_bound(
    op: str, left: JsonExpr, right: JsonExpr, variables: Sequence[Variable]
) -> tuple[str, JsonExpr]:
    """A comparison that only its bound can meet reads as equality with that bound: with cash
    never below 0, "cash is 0 or less" is "cash is 0", and "less than 1" is "is 0" too."""
    if not (isinstance(left, list) and left and left[0] == "var" and isinstance(right, int)):
        return op, right
    variable = variables[left[1]]
    if variable.type != "int" or isinstance(right, bool):
        return op, right
    low, high = variable.low, variable.high
    if low is not None and ((op == "<=" and right == low) or (op == "<" and right == low + 1)):
        return "==", low
    if op == "!=" and right in (low, high):
        return (">" if right == low else "<"), right  # "is not 0", never below 0: "more than 0"
    if high is not None and ((op == ">=" and right == high) or (op == ">" and right == high - 1)):
        return "==", high
    return op, right


def _bool_comparison(
    op: str,
    left: JsonExpr,
    right: JsonExpr,
    variables: Sequence[Variable],
    within: str | None,
) -> str:
    if isinstance(right, bool) or isinstance(left, bool):
        other, value = (left, right) if isinstance(right, bool) else (right, left)
        assert isinstance(value, bool)
        holds = value if op == "==" else not value
        return _clause(other if holds else ["not", other], variables, within)
    a = condition_words(left, variables)
    b = condition_words(right, variables)
    if op == "==":
        return _("“%(a)s” and “%(b)s” are both true or both false") % {"a": a, "b": b}
    return _("exactly one of “%(a)s” and “%(b)s” is true") % {"a": a, "b": b}


# -- effects ---------------------------------------------------------------------------


def effect_words(effect: Effect, variables: Sequence[Variable], locale: str | None = None) -> str:
    """One effect as an instruction for the sheet: "add 1 to cash" (no capital, no stop)."""
    with _in(locale):
        return _effect(effect, variables)


def _effect(effect: Effect, variables: Sequence[Variable]) -> str:
    variable = variables[effect.var]
    name = short_label(variable)
    expr = effect.expr
    if variable.type == "bool":
        if isinstance(expr, bool):
            return (_("tick %(name)s") if expr else _("clear the tick for %(name)s")) % {
                "name": name
            }
        return _("tick %(name)s if %(condition)s; otherwise clear it") % {
            "name": name,
            "condition": condition_words(expr, variables),
        }
    if variable.type == "enum":
        if isinstance(expr, int) and 0 <= expr < len(variable.values):
            return _("write %(value)s for %(name)s") % {
                "value": quoted_value(variable, expr),
                "name": name,
            }
        return _("set %(name)s to %(value)s") % {
            "name": name,
            "value": _value(expr, variables, 0, variable),
        }
    if isinstance(expr, int) and not isinstance(expr, bool):
        return _("write %(value)s for %(name)s") % {
            "value": value_words(expr, variables),
            "name": name,
        }
    step = _step(effect)
    if step is not None:
        sign, amount = step
        words = _value(amount, variables, 0, None)
        step_words = (
            _("add %(amount)s to %(name)s") if sign > 0 else _("take %(amount)s from %(name)s")
        )
        return step_words % {"amount": words, "name": name}
    return _("set %(name)s to %(value)s") % {"name": name, "value": value_words(expr, variables)}


def _step(effect: Effect) -> tuple[int, JsonExpr] | None:
    """`x = x + e` → (+1, e); `x = x - e` → (-1, e); a negative literal flips the sign."""
    expr = effect.expr
    if not (isinstance(expr, list) and len(expr) == 3 and expr[0] in ("+", "-")):
        return None
    op, left, right = expr
    this = ["var", effect.var]
    if left == this:
        sign, amount = (1 if op == "+" else -1), right
    elif op == "+" and right == this:
        sign, amount = 1, left
    else:
        return None
    if isinstance(amount, int) and not isinstance(amount, bool) and amount < 0:
        sign, amount = -sign, -amount
    return sign, amount


def effects_words(
    effects: Sequence[Effect], variables: Sequence[Variable], locale: str | None = None
) -> tuple[str, ...]:
    """Each effect as a sentence: ("Add 1 to risk.", "Take 2 from cash.")."""
    with _in(locale):
        return tuple(sentence(_effect(effect, variables)) for effect in effects)


def sentence(words: str) -> str:
    return words[:1].upper() + words[1:] + ("" if words.endswith(".") else ".")


# -- the adventure sheet ---------------------------------------------------------------


def initial_words(variable: Variable, locale: str | None = None) -> str:
    """How a variable starts, as written on the sheet."""
    with _in(locale):
        return _initial(variable)


def _initial(variable: Variable) -> str:
    if variable.type == "bool":
        return _("ticked") if variable.initial else _("not ticked")
    if variable.type == "enum":
        index = int(variable.initial)
        return quoted_value(variable, index) if 0 <= index < len(variable.values) else ""
    return value_words(int(variable.initial), ())


def range_words(variable: Variable, locale: str | None = None) -> str:
    """What a variable can hold: "0 to 3", "ticked or not", "“summer” or “winter”"."""
    with _in(locale):
        return _range(variable)


def _range(variable: Variable) -> str:
    if variable.type == "bool":
        return _("ticked or not ticked")
    if variable.type == "enum":
        names = [quoted_value(variable, i) for i in range(len(variable.values))]
        if len(names) <= 1:
            return "".join(names)
        # Translators: the values an entry on the sheet can hold: “a”, “b” or “c”.
        return _("%(values)s or %(last)s") % {
            "values": _(", ").join(names[:-1]),
            "last": names[-1],
        }
    low = None if variable.low is None else value_words(variable.low, ())
    high = None if variable.high is None else value_words(variable.high, ())
    if low is not None and high is not None:
        return _("%(low)s to %(high)s") % {"low": low, "high": high}
    if low is not None:
        return _("%(low)s or more") % {"low": low}
    if high is not None:
        return _("%(high)s or less") % {"high": high}
    return _("any whole number")


def _in(locale: str | None) -> AbstractContextManager[None]:
    """Speak `locale` for a call; None keeps the language being spoken."""
    return nullcontext() if locale is None else speaking(locale)
