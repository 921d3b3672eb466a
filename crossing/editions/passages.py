"""Text that depends on the sheet, laid out the way printed gamebooks do it.

The runtime shows `{if child: … | …}` by evaluating it; a reader with a pencil cannot.
Instead of nesting "(If …: … Otherwise: …)" inside a sentence, the gamebook breaks a
paragraph into *lines*, each read whole or skipped whole:

    If years hidden is 1: A year.
    If years hidden is 2: Two years.
    Each spring you tell yourself it is the last one.
    If child is ticked: Song-ho is 13 plus YEARS HIDDEN now.
    If child is not ticked: Song-ho is 12 plus YEARS HIDDEN now.

- A paragraph is cut into sentences. A condition that covers whole sentences becomes
  lines of its own, one per branch, nested conditions joined with "and"; a condition in
  the middle of a sentence repeats the sentence once per way it can read.
- An empty branch gives no line at all: no empty "Otherwise".
- A line whose conditions cannot all hold (years hidden is 1 and 4 or more) is left out.
- A value the line's conditions settle (`{years_hidden}` under "years hidden is 1") is
  printed as the player prints it (labels, number formats); any other is said in words
  with the sheet's names ("13 plus YEARS HIDDEN", "$CASH").
- A variation (`{once:}`, `{seq:}`, `{cycle:}`) gives a line per part, read by how often
  the reader has read it: "If you are reading this for the first time: …".
- A condition or variation that stands for whole paragraphs (the compiler lifts it out of
  the `<p>`) makes each of its paragraphs lines under its conditions.

Pure functions of the compiled story's dataclasses; the result is HTML.
"""

from __future__ import annotations

import html
import itertools
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from crossing.locales import _
from crossing.story import compiled as c
from crossing.story.evaluate import EvaluationError, Evaluator, Value, compile_expr, show
from crossing.story.numbers import Numbers

from .words import N_, conditions_words, number_words, variable_name

Part = str | c.Interpolation  # static HTML, or a value to show
Item = str | c.Interpolation | c.Conditional | c.Variation
Node = c.Conditional | c.Variation  # what makes text depend on the sheet or on the visit


@dataclass(frozen=True, slots=True)
class Visit:
    """A condition on how many times the reader has read a line (a variation's part):
    `index` of `size` parts, shown as `kind` says (docs/compiled-format.md#variations);
    index == size is a used-up `once`, which shows nothing."""

    kind: str  # "once", "seq" or "cycle"
    index: int
    size: int
    site: int

    def words(self) -> str:
        n, size = self.index, self.size
        if self.kind == "cycle" and size > 1:
            times = ", ".join(_ordinal(k) for k in (n + 1, n + 1 + size, n + 1 + 2 * size))
            # Translators: %(nth)s is a list of ordinals, "first, fourth, seventh".
            return _("you are reading this for the %(nth)s… time") % {"nth": times}
        if (self.kind == "seq" and n == size - 1 and n > 0) or n >= size:
            return _("you are reading this for the %(nth)s time or later") % {
                "nth": _ordinal(n + 1)
            }
        return _("you are reading this for the %(nth)s time") % {"nth": _ordinal(n + 1)}


_ORDINALS = (
    N_("first"),
    N_("second"),
    N_("third"),
    N_("fourth"),
    N_("fifth"),
    N_("sixth"),
    N_("seventh"),
    N_("eighth"),
)
# Ordinal numbers past the words: 9th, 21st, 22nd, 23rd.
_SUFFIXED = {
    "st": N_("%(n)sst"),
    "nd": N_("%(n)snd"),
    "rd": N_("%(n)srd"),
    "th": N_("%(n)sth"),
}


def _ordinal(n: int) -> str:
    if n <= len(_ORDINALS):
        return _(_ORDINALS[n - 1])
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return _(_SUFFIXED[suffix]) % {"n": n}


Clause = c.JsonExpr | Visit  # a condition on the sheet (the story's expression), or a visit
Path = tuple[Clause, ...]  # conditions that all hold

# A sentence ends at . ! ? or … with its closing quotes, brackets, tags and citation marks,
# then white space or the end of the string.
_CLOSERS = r'(?:["”’)\]]|</(?:em|strong|i|b|a|span|cite|q)>|<sup class="cite">.*?</sup>)*'
_SENTENCE_END = re.compile(r"[.!?…]" + _CLOSERS + r"(?:\s+|$)", re.DOTALL)
_ENDS_SENTENCE = re.compile(r"[.!?…]" + _CLOSERS + r"\s*$", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_PARAGRAPH = re.compile(r"(<p\b[^>]*>|</p>)")

# Enumerating the values of the variables a line reads: give up (assume "possible",
# "not settled") beyond this many combinations, and treat ints wider than this as
# unbounded.
_MAX_COMBINATIONS = 200_000
_MAX_SPAN = 1_000


@dataclass(frozen=True, slots=True)
class Line:
    """A stretch of text read whole when every condition of `path` holds."""

    path: Path
    parts: tuple[Part, ...]


@dataclass(slots=True)
class SheetRules:
    """What a line's conditions say about the sheet: possible at all, and which values
    they settle. Answers are cached: a story asks the same few questions many times."""

    variables: Sequence[c.Variable]
    numbers: Numbers | None = None  # the story's number formats, if its text uses any
    _possible: dict[str, bool] = field(default_factory=dict)
    _settled: dict[str, Value | None] = field(default_factory=dict)

    def possible(self, path: Path) -> bool:
        """False only when no values of the sheet meet every condition of `path`."""
        visits = [clause for clause in path if isinstance(clause, Visit)]
        if len({(v.site, v.index) for v in visits}) > len({v.site for v in visits}):
            return False  # two readings of one variation at once
        path = _sheet_only(path)
        if not path:
            return True
        key = json.dumps(path)
        if key not in self._possible:
            self._possible[key] = self._any_meets(path)
        return self._possible[key]

    def settled(self, expr: c.JsonExpr, path: Path) -> Value | None:
        """The one value `expr` can have when `path` holds, else None."""
        path = _sheet_only(path)
        key = json.dumps([expr, path])
        if key not in self._settled:
            self._settled[key] = self._one_value(expr, path)
        return self._settled[key]

    def simplified(self, path: Path) -> Path:
        """The path without the conditions the others already imply ("years hidden is 1
        and years hidden is less than 4" is "years hidden is 1")."""
        kept = list(path)
        for clause in path:
            if isinstance(clause, Visit):
                continue
            others = tuple(other for other in kept if other is not clause)
            if _sheet_only(others) and not self.possible((*others, _negation(clause))):
                kept = list(others)
        return self._merged_by_variable(tuple(kept))

    def _merged_by_variable(self, path: Path) -> Path:
        """Several conditions on one number, as one: "years hidden is not 0 and … is not 4"
        is "years hidden is 5 or more"."""
        groups: dict[int, list[c.JsonExpr]] = {}
        for clause in path:
            if not isinstance(clause, Visit):
                reads = _reads(clause)
                if len(reads) == 1:
                    groups.setdefault(next(iter(reads)), []).append(clause)
        out = list(path)
        for index, clauses in groups.items():
            variable = self.variables[index]
            low, high = variable.low, variable.high
            if len(clauses) < 2 or variable.type != "int" or low is None or high is None:
                continue
            if high - low > _MAX_SPAN:
                continue
            checks = _evaluators(tuple(clauses))
            if checks is None:
                continue
            values = self._initial()
            allowed = []
            for value in range(low, high + 1):
                values[index] = value
                if all(check(values) for check in checks):
                    allowed.append(value)
            if not allowed or allowed != list(range(allowed[0], allowed[-1] + 1)):
                continue  # not one stretch of numbers: keep the conditions as they are
            this = ["var", index]
            first, last = allowed[0], allowed[-1]
            if first == last:
                merged: c.JsonExpr = ["==", this, first]
            elif first == low:
                merged = ["<=", this, last]
            elif last == high:
                merged = [">=", this, first]
            else:
                merged = ["and", [">=", this, first], ["<=", this, last]]
            at = out.index(clauses[0])
            out = [clause for clause in out if not any(clause is x for x in clauses)]
            out.insert(min(at, len(out)), merged)
        return tuple(out)

    def _any_meets(self, path: Path) -> bool:
        if any(_negation(clause) in path for clause in path):
            return False
        reads = sorted(set().union(*(_reads(clause) for clause in path)))
        domains = [self._domain(index, path, exact=False) for index in reads]
        checks = _evaluators(path)
        known = [d for d in domains if d is not None]
        if checks is None or len(known) < len(domains):
            return True
        values = list(self._initial())
        for combination in _combinations(known):
            if combination is None:
                return True  # too many to try: say it may hold
            for index, value in zip(reads, combination, strict=True):
                values[index] = value
            if all(check(values) for check in checks):
                return True
        return False

    def _one_value(self, expr: c.JsonExpr, path: Path) -> Value | None:
        reads = sorted(_reads(expr).union(*(_reads(clause) for clause in path)))
        domains = [self._domain(index, path, exact=True) for index in reads]
        checks = _evaluators(path)
        try:
            evaluate = compile_expr(expr)
        except EvaluationError:
            return None
        known = [d for d in domains if d is not None]
        if checks is None or len(known) < len(domains):
            return None
        found: set[Value] = set()
        values = list(self._initial())
        for combination in _combinations(known):
            if combination is None:
                return None
            for index, value in zip(reads, combination, strict=True):
                values[index] = value
            if all(check(values) for check in checks):
                found.add(evaluate(values))
                if len(found) > 1:
                    return None
        return found.pop() if len(found) == 1 else None

    def _initial(self) -> list[Value]:
        return [v.initial for v in self.variables]

    def _domain(self, index: int, path: Path, *, exact: bool) -> Sequence[Value] | None:
        """Every value a variable can hold; for a wide int, when only `possible` is asked
        and every condition compares it with a number, the numbers that can differ."""
        variable = self.variables[index]
        if variable.type == "bool":
            return (False, True)
        if variable.type == "enum":
            return range(len(variable.values))
        low, high = variable.low, variable.high
        if low is not None and high is not None and high - low <= _MAX_SPAN:
            return range(low, high + 1)
        if exact:
            return None
        constants = _compared_with(index, path)
        if constants is None:
            return None
        candidates = {k + d for k in constants for d in (-1, 0, 1)}
        candidates |= {b for b in (low, high) if b is not None} or {0}
        return sorted(
            k for k in candidates if (low is None or k >= low) and (high is None or k <= high)
        )


def _sheet_only(path: Path) -> Path:
    return tuple(clause for clause in path if not isinstance(clause, Visit))


def _combinations(domains: Sequence[Sequence[Value]]) -> Iterator[tuple[Value, ...] | None]:
    """Every combination of values, or a single None when there are too many."""
    total = 1
    for domain in domains:
        total *= max(len(domain), 1)
    if total > _MAX_COMBINATIONS:
        yield None
        return
    yield from itertools.product(*domains)


def _evaluators(path: Path) -> list[Evaluator] | None:
    try:
        return [compile_expr(clause) for clause in path]
    except EvaluationError:
        return None


def _reads(expr: c.JsonExpr) -> set[int]:
    if isinstance(expr, list) and expr:
        if expr[0] == "var":
            return {int(expr[1])}
        return set().union(*(_reads(operand) for operand in expr[1:]))
    return set()


def _compared_with(index: int, path: Path) -> set[int] | None:
    """The numbers variable `index` is compared with in `path`, if every use of it there
    is such a comparison (so trying those numbers and their neighbours decides it)."""
    found: set[int] = set()

    def visit(expr: c.JsonExpr) -> bool:
        if not isinstance(expr, list) or not expr:
            return True
        op = expr[0]
        if op == "var":
            return int(expr[1]) != index
        if op in ("==", "!=", "<", "<=", ">", ">="):
            left, right = expr[1], expr[2]
            this = ["var", index]
            for a, b in ((left, right), (right, left)):
                if a == this and isinstance(b, int) and not isinstance(b, bool):
                    found.add(b)
                    return True
        return all(visit(operand) for operand in expr[1:])

    return found if all(visit(clause) for clause in path) else None


def _negation(clause: c.JsonExpr) -> c.JsonExpr:
    if isinstance(clause, list) and clause and clause[0] == "not":
        return clause[1]
    return ["not", clause]


def _with(path: Path, clause: Clause) -> Path:
    return path if clause in path else (*path, clause)


# -- cutting text into lines ---------------------------------------------------------


def _items(text: c.Text | None) -> tuple[Item, ...]:
    if text is None:
        return ()
    return (text,) if isinstance(text, str) else text


def _visible(markup: str) -> bool:
    return bool(_TAG.sub("", markup).strip())


def _is_empty(items: Sequence[Item]) -> bool:
    return all(isinstance(item, str) and not _visible(item) for item in items)


def _ends_sentence(node: Node) -> bool:
    """Whether every branch of a condition ends a sentence (or is empty), so what
    follows it begins a new one."""
    for _guard, branch in _branches(node):
        items = [item for item in _items(branch) if not isinstance(item, str) or _visible(item)]
        if not items:
            continue
        last = items[-1]
        if isinstance(last, c.Interpolation):
            return False
        if isinstance(last, c.Conditional | c.Variation):
            if not _ends_sentence(last):
                return False
        elif not _ENDS_SENTENCE.search(last):
            return False
    return True


def units(items: Sequence[Item]) -> list[list[Item]]:
    """The items cut into sentences (a condition covering whole sentences is a unit of
    its own; one inside a sentence stays in the sentence's unit)."""
    found: list[list[Item]] = []
    current: list[Item] = []
    for item in items:
        if isinstance(item, str):
            at = 0
            for match in _SENTENCE_END.finditer(item):
                current.append(item[at : match.end()])
                found.append(current)
                current, at = [], match.end()
            if item[at:]:
                current.append(item[at:])
        elif isinstance(item, c.Conditional | c.Variation):
            current.append(item)
            if _ends_sentence(item):
                found.append(current)
                current = []
        else:
            current.append(item)
    if current:
        found.append(current)
    return [unit for unit in found if not _is_empty(unit)]


def text_lines(items: Sequence[Item], sheet: SheetRules, path: Path = ()) -> list[Line]:
    """The items as lines, each with the conditions under which it is read."""
    lines: list[Line] = []
    for unit in units(items):
        nodes = [item for item in unit if isinstance(item, c.Conditional | c.Variation)]
        if not nodes:
            lines.append(Line(path, _static(unit)))
        elif len(nodes) == 1 and _is_empty([i for i in unit if i is not nodes[0]]):
            node = nodes[0]
            for clause, branch in _branches(node):
                inner = _with(path, clause)
                if sheet.possible(inner):
                    lines += text_lines(_items(branch), sheet, inner)
        else:
            lines += [Line(p, parts) for p, parts in variants(unit, sheet, path)]
    return _merged([line for line in lines if _has_text(line)])


def variants(
    items: Sequence[Item], sheet: SheetRules, path: Path = ()
) -> list[tuple[Path, tuple[Part, ...]]]:
    """Every way the items can read, each with its conditions (impossible ones left out)."""
    found: list[tuple[Path, tuple[Part, ...]]] = [(path, ())]
    for item in items:
        if not isinstance(item, c.Conditional | c.Variation):
            found = [(p, (*parts, item)) for p, parts in found]
            continue
        grown: list[tuple[Path, tuple[Part, ...]]] = []
        for p, parts in found:
            for clause, branch in _branches(item):
                inner = _with(p, clause)
                if sheet.possible(inner):
                    grown += [
                        (q, parts + more) for q, more in variants(_items(branch), sheet, inner)
                    ]
        found = grown
    return found


def _branches(node: Node) -> tuple[tuple[Clause, c.Text | None], ...]:
    """Each way a node can read, with its condition (a `once` variation, once its parts
    are used up, shows nothing: no line)."""
    if isinstance(node, c.Variation):
        size = len(node.parts)
        readings: tuple[tuple[Clause, c.Text | None], ...] = tuple(
            (Visit(node.kind, index, size, node.site), part)
            for index, part in enumerate(node.parts)
        )
        if node.kind == "once":  # used up: nothing, which matters inside a sentence
            readings += ((Visit(node.kind, size, size, node.site), None),)
        return readings
    return ((node.condition, node.then), (_negation(node.condition), node.otherwise))


def _static(items: Sequence[Item]) -> tuple[Part, ...]:
    """Items known to hold no condition, typed as such."""
    return tuple(item for item in items if not isinstance(item, c.Conditional | c.Variation))


def _has_text(line: Line) -> bool:
    return any(isinstance(part, c.Interpolation) or _visible(part) for part in line.parts)


def _merged(lines: list[Line]) -> list[Line]:
    """Neighbouring lines under the same conditions, as one."""
    merged: list[Line] = []
    for line in lines:
        if merged and merged[-1].path == line.path:
            merged[-1] = Line(line.path, merged[-1].parts + line.parts)
        else:
            merged.append(line)
    return merged


# -- HTML ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph (`opening` is its `<p …>` tag; None: loose text between paragraphs) as
    lines, each with its conditions; `plain` when nothing in it depends on anything."""

    opening: str | None
    lines: tuple[Line, ...]
    plain: bool


def text_html(
    text: c.Text,
    variables: Sequence[c.Variable],
    sheet: SheetRules | None = None,
    path: Path = (),
) -> str:
    """Compiled text as HTML for the page: a paragraph that depends on the sheet becomes
    lines that each say when to read them; values become numbers or words."""
    if isinstance(text, str) and not path:
        return text
    sheet = sheet if sheet is not None else SheetRules(variables)
    markup = "".join(_block_html(block, sheet) for block in blocks(text, sheet, path))
    # The branches of one node are neighbours: one passage, not one per branch.
    return markup.replace('</div><div class="gb-passage">', "")


def blocks(text: c.Text, sheet: SheetRules, path: Path = ()) -> list[Block]:
    """The text as paragraphs of lines, in order."""
    out: list[Block] = []
    opening: str | None = None  # the <p …> of the paragraph being read, if any
    pending: list[Item] = []
    for part in _items(text):
        if opening is None and isinstance(part, c.Conditional | c.Variation) and _is_block(part):
            # A node that stands for whole paragraphs: each of its paragraphs is read under
            # the node's conditions too.
            out.append(_block(None, pending, sheet, path))
            pending = []
            for clause, branch in _branches(part):
                inner = _with(path, clause)
                if sheet.possible(inner):
                    out += blocks(branch or "", sheet, inner)
            continue
        pieces = _PARAGRAPH.split(part) if isinstance(part, str) else [part]
        for piece in pieces:
            if isinstance(piece, str) and _PARAGRAPH.fullmatch(piece):
                if piece.startswith("</"):
                    out.append(_block(opening or "<p>", pending, sheet, path))
                    opening, pending = None, []
                else:
                    out.append(_block(None, pending, sheet, path))
                    opening, pending = piece, []
            elif piece != "":
                pending.append(piece)
    out.append(_block(opening, pending, sheet, path))
    return [block for block in out if block.lines]


def _block(opening: str | None, items: list[Item], sheet: SheetRules, path: Path) -> Block:
    if not path and not any(isinstance(item, c.Conditional | c.Variation) for item in items):
        return Block(opening, (Line((), _static(items)),) if items else (), True)
    return Block(opening, tuple(text_lines(items, sheet, path)), False)


def _is_block(node: Node) -> bool:
    """Whether a node's branches are paragraphs (`<p>…</p>`), not words inside one."""
    for _guard, branch in _branches(node):
        for item in _items(branch):
            if isinstance(item, str):
                if item.strip():
                    return item.lstrip().startswith("<p")
            elif isinstance(item, c.Conditional | c.Variation):
                if _is_block(item):  # a branch that is itself one lifted node
                    return True
                break
            else:
                break
    return False


def _block_html(block: Block, sheet: SheetRules) -> str:
    if block.plain:  # as the story gives it, to the byte
        inner = _parts_html(block.lines[0].parts, (), sheet)
        return inner if block.opening is None else f"{block.opening}{inner}</p>"
    if block.opening is None:  # loose text that depends on something: rare; keep it inline
        return " ".join(
            '<span class="gb-read">'
            + (
                f'<span class="gb-cond">{html.escape(_if(line.path, sheet))}</span> '
                if line.path
                else ""
            )
            + f"{_parts_html(line.parts, line.path, sheet, strip=True)}</span>"
            for line in block.lines
        )
    markup = "".join(
        f"{block.opening}{_parts_html(line.parts, line.path, sheet, strip=True)}</p>"
        if not line.path
        else (
            '<p class="gb-read">'
            f'<span class="gb-cond">{html.escape(_if(line.path, sheet))}</span> '
            f"{_parts_html(line.parts, line.path, sheet, strip=True)}</p>"
        )
        for line in block.lines
    )
    return f'<div class="gb-passage">{markup}</div>'


def _if(path: Path, sheet: SheetRules) -> str:
    return f"If {path_words(sheet.simplified(path), sheet.variables)}:"


def path_words(path: Path, variables: Sequence[c.Variable]) -> str:
    """Conditions on the sheet, then on the visit, as one clause."""
    sheet = _sheet_only(path)
    words = [conditions_words(sheet, variables)] if sheet else []
    words += [clause.words() for clause in path if isinstance(clause, Visit)]
    return " and ".join(words)


def inline_variants(text: c.Text, sheet: SheetRules, path: Path = ()) -> list[tuple[Path, str]]:
    """Inline text (a choice) as each way it can read, in HTML, with its conditions."""
    if isinstance(text, str):
        return [(path, text)] if sheet.possible(path) else []
    return [
        (p, _parts_html(parts, p, sheet, strip=True))
        for p, parts in variants(text, sheet, path)
        if _has_text(Line(p, parts))
    ]


def _parts_html(
    parts: Sequence[Part], path: Path, sheet: SheetRules, *, strip: bool = False
) -> str:
    markup = "".join(
        part if isinstance(part, str) else value_html(part, path, sheet) for part in parts
    )
    return " ".join(markup.split()) if strip else markup


def value_html(part: c.Interpolation, path: Path, sheet: SheetRules) -> str:
    """A value in the text: printed when the line's conditions settle it (as the player
    prints it), else in words naming the lines of the sheet to read it from."""
    value = sheet.settled(part.expr, path)
    if value is not None:
        return shown(value, part, sheet.numbers)
    words = _amount_html(part.expr, sheet.variables, 0)
    if part.format is not None and sheet.numbers is not None:
        # "$CASH": the sum's currency around the name of the line to read it from.
        affixes = sheet.numbers.formats.get(part.format)
        if affixes is not None:
            compound = isinstance(part.expr, list) and part.expr[0] != "var"
            words = (
                f"{affixes[0]}({words}){affixes[1]}"
                if compound
                else (f"{affixes[0]}{words}{affixes[1]}")
            )
    return f'<span class="gb-var">{words}</span>'


def shown(value: Value, part: c.Interpolation, numbers: Numbers | None = None) -> str:
    """A settled value as HTML, as the player shows it (a yes/no value as "yes" or "no")."""
    if part.type == "bool":
        return _("yes") if value else _("no")
    if part.type == "enum":
        index = int(value)
        return part.values[index] if 0 <= index < len(part.values) else html.escape(str(value))
    return show(int(value), "int", (), part.format, numbers)


_ARITHMETIC_WORDS = {"+": N_("plus"), "-": N_("minus"), "*": N_("times"), "/": N_("divided by")}
_STRENGTH = {"+": 1, "-": 1, "*": 2, "/": 2}
_CALL_WORDS = {
    "min": N_("the smaller of %(a)s and %(b)s"),
    "max": N_("the larger of %(a)s and %(b)s"),
    "%": N_("the remainder of %(a)s divided by %(b)s"),
}


def _amount_html(expr: c.JsonExpr, variables: Sequence[c.Variable], strength: int) -> str:
    """An expression in words, names of the sheet marked: "13 plus YEARS HIDDEN"."""
    if isinstance(expr, bool):
        return _("yes") if expr else _("no")
    if isinstance(expr, int):
        if expr >= 0:
            return number_words(expr)
        return _("minus %(amount)s") % {"amount": number_words(-expr)}
    op = expr[0]
    if op == "var":
        name = html.escape(variable_name(variables, expr[1]))
        return f'<span class="gb-name">{name}</span>'
    if op == "neg":
        return _("minus %(amount)s") % {"amount": _amount_html(expr[1], variables, 3)}
    if op in _CALL_WORDS:
        a, b = (_amount_html(e, variables, 3) for e in expr[1:])
        words = _(_CALL_WORDS[op]) % {"a": a, "b": b}
        return f"({words})" if strength > 0 else words
    if op in _ARITHMETIC_WORDS:
        mine = _STRENGTH[op]
        left = _amount_html(expr[1], variables, mine)
        right = _amount_html(expr[2], variables, mine + (op in ("-", "/")))
        words = f"{left} {_(_ARITHMETIC_WORDS[op])} {right}"
        return f"({words})" if strength > mine else words
    # A condition shown as a value: yes when it holds.
    return html.escape(
        _("yes if %(condition)s, otherwise no")
        % {"condition": conditions_words((expr,), variables)}
    )
