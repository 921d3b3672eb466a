"""One SugarCube 2 passage read as a compiled scene: text, effects, choices, diverts and a
chance; what it cannot say is reported at its line and column (docs/twee.md)."""

from __future__ import annotations

import html
import json
import re
from typing import TYPE_CHECKING

from crossing.story import compiled as c

from . import twinescript
from .names import crossing_name
from .sugarcube_tokens import BRANCHES, Block, Node, Token, tokenize, tree, unquoted
from .twee_export import ENDING_TAG
from .twee_format import Passage, Problem

if TYPE_CHECKING:
    from .sugarcube_story import SugarCubeImport

FORMAT_TAGS = frozenset({"nobr", "bookmark", "noreturn", "Twine.image", "Twine.audio"})
DEFAULT_KIND = "end"
KEYWORDS = frozenset({"true", "false", "and", "or", "not", "if", "as"})
LABELS = re.compile(r"<<print \((\{[^<>]*?\})\)\[\$([A-Za-z_][A-Za-z0-9_]*)\]>>")
_FORMATTED = re.compile(
    r"\s*\((?P<expr>.*)\)\.toLocaleString\((?:undefined,\s*\{\s*style:\s*\"currency\",\s*"
    r"currency:\s*\"(?P<code>[A-Z]{3})\".*?\})?\)\s*",
    re.S,
)
_CITATION = re.compile(r'^<a [^>]*data-source="([^"]*)"')
QUOTED = r""""(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'"""


def _and(a: c.JsonExpr | None, b: c.JsonExpr | None) -> c.JsonExpr | None:
    if a is None:
        return b
    if b is None:
        return a
    return ["and", a, b]


def _not(a: c.JsonExpr) -> c.JsonExpr:
    return ["not", a]


def _enum_type(variable: c.Variable) -> str:
    """Two set variables have the same type when they have the same values."""
    return "enum:" + ",".join(variable.values)


def split_top(text: str, separators: str) -> list[tuple[int, str]]:
    """Split at separators outside quotes and brackets: (offset, piece) pairs."""
    pieces, depth, start = [], 0, 0
    for i, char in unquoted(text, 0, "\"'"):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char in separators and depth == 0:
            pieces.append((start, text[start:i]))
            start = i + 1
    pieces.append((start, text[start:]))
    return [(o, p) for o, p in pieces if p.strip()]


_ASSIGN = re.compile(
    r"\s*(?P<target>[$_][A-Za-z_][A-Za-z0-9_$]*)\s*(?P<op>to|=|\+=|-=|\*=)\s*", re.S
)
_LINK = re.compile(r"\[\[(?P<body>.*?)(?:\]\[(?P<setter>.*))?\]\]$", re.S)
_ROLL_TEST = re.compile(
    r"\s*(?P<var>_[A-Za-z_][A-Za-z0-9_]*)\s*(?P<op>lte|lt|<=|<)\s*(?P<n>[0-9]+)\s*$"
)


class SceneReader:
    """One passage as a compiled scene."""

    def __init__(
        self,
        story: SugarCubeImport,
        passage: Passage,
        index: dict[str, int],
        variables: tuple[c.Variable, ...],
    ):
        self.story = story
        self.passage = passage
        self.index = index
        self.variables = variables
        self.var_index = {v.name: n for n, v in enumerate(variables)}
        self.effects: list[c.Effect] = []
        self.choices: list[c.Choice] = []
        self.diverts: list[c.Divert] = []
        self.chance: c.Chance | None = None
        self.roll: tuple[str, int, int, int] | None = None  # name, low, high, offset
        self.links_open = 0  # <a href> tags opened and not yet closed
        self.in_citation = False  # inside the export's <sup class="cite">
        self.divert_ctx: c.JsonExpr | None = None  # the condition a <<goto>> here has

    def report(
        self, offset: int, message: str, hint: str | None = None, *, warning: bool = False
    ) -> None:
        self.story.passage = self.passage
        self.story.report(offset, message, hint, warning=warning)

    # expressions ------------------------------------------------------------------

    def expr(self, text: str, offset: int, want: str | None = None) -> c.JsonExpr | None:
        """A TwineScript expression at `offset`, or None (reported)."""
        try:
            raw = twinescript.parse(text)
            value, kind = self.resolve(raw, None)
        except twinescript.ScriptError as error:
            self.report(offset + error.offset, _not_imported(error.message), error.hint)
            return None
        if want is not None and kind != want:
            self.report(offset, f"expected {want}, found {kind}: not imported")
            return None
        return value

    def resolve(self, raw: twinescript.Raw, enum: c.Variable | None) -> tuple[c.JsonExpr, str]:
        kind = raw[0]
        if kind == "num":
            return raw[1], "int"
        if kind == "bool":
            return raw[1], "bool"
        if kind == "str":
            if enum is None or raw[1] not in enum.values:
                raise twinescript.ScriptError(
                    f"the string {raw[1]!r} is not imported here: strings are imported only "
                    "as the values of a variable",
                    raw[2],
                )
            return enum.values.index(raw[1]), _enum_type(enum)
        if kind == "var":
            name = raw[1]
            if name.startswith("_"):
                raise twinescript.ScriptError(
                    f"temporary variable {name} is not imported here",
                    raw[2],
                    "temporary variables are imported only as a chance roll: "
                    "<<set _roll to random(1, N)>> then <<if _roll lte K>>…<<goto>>",
                )
            bare = crossing_name(name[1:])
            if bare not in self.var_index:
                raise twinescript.ScriptError(
                    f"${bare} is not a variable Crossing imported", raw[2]
                )
            variable = self.variables[self.var_index[bare]]
            shown = variable.type if variable.type != "enum" else _enum_type(variable)
            return ["var", self.var_index[bare]], shown
        if kind == "call" and raw[1] == "Math.clamp" and len(raw[2]) == 3:
            return self.clamp(raw)
        if kind == "call" and raw[1] in ("Math.min", "Math.max") and len(raw[2]) == 2:
            return self.arithmetic(raw[1][len("Math.") :], raw[2][0], raw[2][1], raw)
        if kind == "call" and raw[1] == "Math.trunc" and len(raw[2]) == 1 and raw[2][0][0] == "/":
            return self.arithmetic("/", raw[2][0][1], raw[2][0][2], raw)
        if kind == "?:":
            return self.guarded(raw)
        if kind == "/":
            raise twinescript.ScriptError(
                "'/' is not imported alone: JavaScript divides into fractions",
                raw[3],
                "Crossing divides whole numbers, truncating: write Math.trunc(a / b)",
            )
        if kind == "call":
            raise twinescript.ScriptError(
                f"{raw[1]}() is not imported here",
                raw[3],
                "random() and either() are imported as a chance: <<set _roll to random(1, N)>> "
                'with an <<if _roll lte K>> chain of <<goto>>, or <<goto either("a", "b")>>',
            )
        if kind in ("neg", "not"):
            value, shown = self.resolve(raw[1], None)
            wanted = "int" if kind == "neg" else "bool"
            self.check(shown, wanted, raw)
            return [kind, value], wanted
        left_raw, right_raw = raw[1], raw[2]
        if kind in ("+", "-", "*", "%"):
            return self.arithmetic(kind, left_raw, right_raw, raw)
        if kind in ("==", "!="):
            side = self.enum_side(left_raw) or self.enum_side(right_raw)
            left, lt = self.resolve(left_raw, side)
            right, rt = self.resolve(right_raw, side)
            if lt != rt:
                raise twinescript.ScriptError(f"'{kind}' compares {lt} with {rt}", _offset(raw))
            return [kind, left, right], "bool"
        wanted = "bool" if kind in ("and", "or") else "int"
        left, lt = self.resolve(left_raw, None)
        right, rt = self.resolve(right_raw, None)
        self.check(lt, wanted, raw)
        self.check(rt, wanted, raw)
        return [kind, left, right], "bool"

    def arithmetic(
        self, op: str, left_raw: twinescript.Raw, right_raw: twinescript.Raw, raw: twinescript.Raw
    ) -> tuple[c.JsonExpr, str]:
        left, lt = self.resolve(left_raw, None)
        right, rt = self.resolve(right_raw, None)
        self.check(lt, "int", raw)
        self.check(rt, "int", raw)
        return [op, left, right], "int"

    def guarded(self, raw: twinescript.Raw) -> tuple[c.JsonExpr, str]:
        """`(b is 0 ? 0 : Math.trunc(a / b))` and `(b is 0 ? 0 : a % b)`: the export's
        division, whose zero divisor gives 0 as Crossing's does. No other `?:` is read."""
        test, zero, value = twinescript.shape(raw[1]), twinescript.shape(raw[2]), raw[3]
        if value[0] == "call" and value[1] == "Math.trunc" and len(value[2]) == 1:
            value = value[2][0]
        divisor = twinescript.shape(value[2]) if value[0] in ("/", "%") else None
        if divisor is None or test != ("==", divisor, ("num", 0)) or zero != ("num", 0):
            raise twinescript.ScriptError(
                "'c ? a : b' is not imported",
                raw[4],
                "it is read only around a division: (b is 0 ? 0 : Math.trunc(a / b)); "
                "for text, use <<if>>",
            )
        return self.arithmetic(value[0], value[1], value[2], raw)

    def clamp(self, raw: twinescript.Raw) -> tuple[c.JsonExpr, str]:
        """`Math.clamp(value, low, high)` is the value when the range is the variable's own:
        Crossing clamps a ranged int on every assignment."""
        value, low, high = raw[2]
        bounds = [self.literal_int(b) for b in (low, high)]
        ranges = {(v.low, v.high) for v in self.variables if v.low is not None}
        if tuple(bounds) not in ranges:
            raise twinescript.ScriptError(
                "Math.clamp() is imported only with the range of the variable it sets",
                raw[3],
            )
        return self.resolve(value, None)

    @staticmethod
    def literal_int(raw: twinescript.Raw) -> int | None:
        if raw[0] == "num":
            return int(raw[1])
        if raw[0] == "neg" and raw[1][0] == "num":
            return -int(raw[1][1])
        return None

    def check(self, found: str, wanted: str, raw: twinescript.Raw) -> None:
        if found != wanted:
            raise twinescript.ScriptError(
                f"expected {wanted}, found {found.split(':')[0]}",
                _offset(raw),
                "Crossing does not convert between numbers, true/false and names",
            )

    def enum_side(self, raw: twinescript.Raw) -> c.Variable | None:
        if raw[0] == "var" and crossing_name(raw[1][1:]) in self.var_index:
            variable = self.variables[self.var_index[crossing_name(raw[1][1:])]]
            return variable if variable.type == "enum" else None
        return None

    def assignments(self, text: str, offset: int) -> list[c.Effect]:
        effects = []
        for start, part in split_top(text, ";,"):
            start += len(part) - len(part.lstrip())
            part = part.lstrip()
            match = _ASSIGN.match(part)
            if match is None:
                self.report(offset + start, "not imported: <<set>> is imported as '$name to value'")
                continue
            target = match.group("target")
            where = offset + start + match.end()
            if target.startswith("_"):
                self.report(
                    offset + start,
                    f"temporary variable {target} is not imported here",
                    "temporary variables are imported only as a chance roll: "
                    "<<set _roll to random(1, N)>>",
                )
                continue
            if crossing_name(target[1:]) not in self.var_index:
                self.report(offset + start, f"{target} is not a variable Crossing imported")
                continue
            n = self.var_index[crossing_name(target[1:])]
            variable = self.variables[n]
            try:
                raw = twinescript.parse(part[match.end() :])
                op = match.group("op")
                if op in ("+=", "-=", "*="):
                    raw = (op[0], ("var", target, 0), raw)
                value, kind = self.resolve(raw, variable if variable.type == "enum" else None)
            except twinescript.ScriptError as error:
                self.report(where + error.offset, _not_imported(error.message), error.hint)
                continue
            expected = variable.type if variable.type != "enum" else _enum_type(variable)
            if kind != expected:
                self.report(
                    where,
                    f"{target} is {variable.type}; this sets it to {kind.split(':')[0]}: not imported",
                )
                continue
            effects.append(c.Effect(n, value))
        return effects

    # the passage ------------------------------------------------------------------

    def scene(self) -> c.Scene:
        nodes, stray = tree(tokenize(self.passage.text))
        for token in stray:
            self.report(
                token.offset,
                f"<<{'/' if token.kind == 'close' else ''}{token.name}>> is not matched: not imported",
            )
        parts = self.walk(nodes, None)
        text = _paragraphs(parts)
        ending = None
        if not (self.choices or self.diverts or self.chance):
            kinds = [
                t[len(ENDING_TAG) + 1 :]
                for t in self.passage.tags
                if t.startswith(ENDING_TAG + "-")
            ]
            kind = kinds[0] if kinds and re.fullmatch(r"[a-z][a-z_]*", kinds[0]) else DEFAULT_KIND
            if not kinds:
                self.story.problems.append(
                    Problem(
                        self.passage.line,
                        1,
                        f"passage '{self.passage.name}' has no way on: imported as an ending of "
                        f"kind '{DEFAULT_KIND}'",
                        "tag it ending-safety, ending-caught, … to give the ending its kind",
                        "warning",
                    )
                )
            ending = c.Ending(kind, None)
        if self.chance is not None and self.choices:
            self.report(
                0,
                "a passage with both a random draw and links: the links are not imported",
                "Crossing keeps a chance in a scene of its own: move the links to another passage",
            )
            self.choices = []
        kept = [
            t
            for t in self.passage.tags
            if t not in FORMAT_TAGS
            and t != ENDING_TAG
            and not t.startswith((ENDING_TAG + "-", "chapter-"))
        ]
        tags = tuple(t for t in kept if re.fullmatch(r"[\w-]+", t))
        for tag in kept:
            if tag not in tags:
                self.story.problems.append(
                    Problem(
                        self.passage.line,
                        1,
                        f"tag '{tag}' is not imported: scene tags are words (letters, digits, "
                        "'_' and '-')",
                        severity="warning",
                    )
                )
        return c.Scene(
            id=self.story.ids[self.passage.name],
            chapter=None,
            title=None,
            place=None,
            date=None,
            era=None,
            tags=tags,
            media=(),
            effects=tuple(self.effects),
            text=text,
            sources=(),
            diverts=tuple(self.diverts),
            choices=tuple(self.choices),
            chance=self.chance,
            ending=ending,
        )

    def target(self, name: str, offset: int) -> int | None:
        if name not in self.index:
            self.report(offset, f"there is no passage '{name}': not imported")
            return None
        return self.index[name]

    def walk(self, nodes: list[Node], cond: c.JsonExpr | None) -> list[c.Part]:
        """Read nodes under a condition: returns the text parts; choices, diverts and
        effects go to the scene."""
        parts: list[c.Part] = []
        emphasis = {"em": False, "strong": False}
        for node in nodes:
            if self.in_citation:  # the export's citation: skipped to </sup>, said once
                if isinstance(node, Token) and node.kind == "tag" and node.text == "</sup>":
                    self.in_citation = False
                cited = _CITATION.search(node.text) if isinstance(node, Token) else None
                if cited and isinstance(node, Token):
                    self.report(
                        node.offset,
                        f"the citation of '{html.unescape(cited.group(1))}' is not imported",
                        "sources travel in the CrossingData passage; cite them in the source",
                        warning=True,
                    )
                continue
            if isinstance(node, Block):
                parts += self.block(node, cond)
                continue
            kind = node.kind
            if kind == "tag" and node.text == '<sup class="cite">':
                self.in_citation = True
                continue
            if kind == "text":
                parts.append(html.escape(node.text))
            elif kind in ("em", "strong"):
                emphasis[kind] = not emphasis[kind]
                parts.append(f"<{'/' if not emphasis[kind] else ''}{kind}>")
            elif kind == "tag":
                parts += self.tag(node)
            elif kind == "var":
                value = self.expr(node.text, node.offset)
                if value is not None:
                    parts.append(self.interpolation(value))
            elif kind == "link":
                self.link(node, cond)
            elif kind == "macro":
                parts += self.macro(node, cond)
            elif kind == "close":
                self.report(node.offset, f"<</{node.name}>> closes nothing: not imported")
        for kind, still_open in emphasis.items():
            if still_open:
                parts.append(f"</{kind}>")
        return parts

    def interpolation(self, value: c.JsonExpr) -> c.Interpolation:
        if isinstance(value, list) and value[0] == "var":
            variable = self.variables[value[1]]
            shown = tuple(html.escape(v, quote=False) for v in variable.labels or variable.values)
            return c.Interpolation(value, variable.type, shown if variable.type == "enum" else ())
        kind = (
            "bool"
            if isinstance(value, bool)
            or (
                isinstance(value, list)
                and value[0] in ("not", "and", "or", "==", "!=", "<", "<=", ">", ">=")
            )
            else "int"
        )
        return c.Interpolation(value, kind)

    def tag(self, node: Token) -> list[c.Part]:
        name = node.name
        closing = node.text.startswith("</")
        mapped = {"em": "em", "i": "em", "strong": "strong", "b": "strong"}
        if name in mapped:
            return [f"<{'/' if closing else ''}{mapped[name]}>"]
        if name == "a":
            if closing:
                if not self.links_open:
                    return []
                self.links_open -= 1
                return ["</a>"]
            href = re.search(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')""", node.text)
            address = html.unescape((href.group(1) or href.group(2) or "") if href else "")
            if re.match(r"\s*(javascript|vbscript|file|data):", address, re.I) or not address:
                self.report(
                    node.offset, "a link without a safe address is not imported (its text is)"
                )
                return []
            self.links_open += 1
            return [f'<a href="{html.escape(address)}">']
        if name == "br":
            return ["\n"]
        if name == "p":
            return ["\n\n"]
        if closing:
            return []  # reported at its opening tag
        self.report(
            node.offset,
            f"HTML <{name}> is not imported (its text is)",
            "Crossing's text is paragraphs, emphasis, strong emphasis and links",
            warning=True,
        )
        return []

    def macro(self, node: Token, cond: c.JsonExpr | None) -> list[c.Part]:
        name, args, at = node.name, node.args, node.args_offset
        if name in ("print", "=", "-"):
            labelled = LABELS.fullmatch(node.text)
            if labelled and labelled.group(2) in self.var_index:
                n = self.var_index[labelled.group(2)]
                return [self.interpolation(["var", n])]
            formatted = _FORMATTED.fullmatch(args)
            if formatted:
                value = self.expr(formatted.group("expr"), at + formatted.start("expr"), "int")
                if value is None:
                    return []
                return [c.Interpolation(value, "int", (), formatted.group("code") or "number")]
            value = self.expr(args, at)
            return [] if value is None else [self.interpolation(value)]
        if name == "set":
            roll = re.fullmatch(
                r"\s*(_[A-Za-z_][A-Za-z0-9_]*)\s+to\s+random\(\s*(-?[0-9]+)\s*,\s*(-?[0-9]+)\s*\)\s*",
                args,
            )
            if roll and cond is None:
                low, high = int(roll.group(2)), int(roll.group(3))
                if high < low:
                    self.report(at, "random(a, b) needs a <= b: not imported")
                else:
                    self.roll = (roll.group(1), low, high, node.offset)
                return []
            effects = self.assignments(args, at)
            if cond is not None and effects:
                self.report(
                    node.offset,
                    "<<set>> inside <<if>> is not imported: a Crossing scene's effects always run",
                    "put the <<set>> in the <<link>> that leads here, or split the passage",
                )
                return []
            self.effects += effects
            return []
        if name == "goto":
            self.goto(args, at, cond)
            return []
        if name in BRANCHES:
            self.report(node.offset, f"<<{name}>> outside its block: not imported")
            return []
        why = {
            "run": "JavaScript is not imported: a Crossing story runs no code",
            "include": "<<include>> is not imported: write the text in the passage",
            "display": "<<display>> is not imported: write the text in the passage",
            "unset": "<<unset>> is not imported: Crossing variables always have a value",
            "back": "<<back>> is not imported: Crossing's players offer undo themselves",
            "return": "<<return>> is not imported: Crossing's players offer undo themselves",
        }.get(name, f"<<{name}>> is not imported: it has no Crossing equivalent")
        self.report(node.offset, why)
        return []

    def goto(self, args: str, at: int, cond: c.JsonExpr | None) -> None:
        either = re.fullmatch(r"\s*either\((.*)\)\s*", args, re.S)
        if either:
            names = []
            for start, piece in split_top(either.group(1), ","):
                literal = piece.strip()
                if not re.fullmatch(r""""(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'""", literal):
                    self.report(
                        at + either.start(1) + start, "either() is imported with passage names only"
                    )
                    return
                names.append(twinescript.unquote(literal))
            if cond is not None:
                self.report(
                    at,
                    "<<goto either(…)>> inside <<if>> is not imported: a chance is unconditional",
                )
                return
            targets = [self.target(n, at) for n in names]
            if None in targets:
                return
            weights: dict[int, int] = {}
            for t in targets:
                assert t is not None
                weights[t] = weights.get(t, 0) + 1
            outcomes = tuple(c.Outcome(w, t, ()) for t, w in weights.items())
            self.set_chance(outcomes, len(targets), at, f"either() of {len(targets)} passages")
            return
        name = _passage_argument(args)
        if name is None:
            self.report(at, '<<goto>> is imported with a passage name only ("name" or [[name]])')
            return
        target = self.target(name, at)
        if target is not None:
            self.diverts.append(c.Divert(target, self.divert_ctx))

    def set_chance(self, outcomes: tuple[c.Outcome, ...], total: int, at: int, how: str) -> None:
        if self.chance is not None:
            self.report(at, "a second random draw in one passage is not imported")
            return
        self.chance = c.Chance(
            outcomes,
            total,
            (),
            html.escape(
                f"imported from Twine, where passage '{self.passage.name}' draws with "
                f"{how}; no source is given",
                quote=False,
            ),
            "estimate",
        )
        self.report(
            at,
            "a random draw is imported as a chance with an assumption that says so",
            "Crossing asks where every chance comes from: cite a source or explain the number",
            warning=True,
        )

    def link(
        self, node: Token, cond: c.JsonExpr | None, effects: list[c.Effect] | None = None
    ) -> None:
        match = _LINK.match(node.text)
        assert match is not None
        body = match.group("body")
        if "->" in body:
            text, name = body.rsplit("->", 1)
        elif "<-" in body:
            name, text = body.split("<-", 1)
        elif "|" in body:
            text, name = body.rsplit("|", 1)
        else:
            text = name = body
        more = list(effects or [])
        if match.group("setter"):
            more += self.assignments(match.group("setter"), node.offset + match.start("setter"))
        self.add_choice(text, name.strip(), node.offset, cond, more)

    def add_choice(
        self, text: str, name: str, at: int, cond: c.JsonExpr | None, effects: list[c.Effect]
    ) -> None:
        target = self.target(name, at)
        if target is None:
            return
        shown = html.escape(text.strip()) or html.escape(name)
        self.add_choice_text(shown, target, cond, effects)

    def add_choice_text(
        self, shown: c.Text, target: int, cond: c.JsonExpr | None, effects: list[c.Effect]
    ) -> None:
        scene = self.story.ids[self.passage.name]
        goes = self.story.ids[self.story.passages_by_index[target]]
        count = 1 + sum(choice.target == target for choice in self.choices)
        choice_id = f"{scene}/" + (goes if count == 1 else f"{goes}-{count}")  # as compiled
        flag = self.variables[effects[0].var].name if effects else ""
        if flag.startswith(f"once:{scene}/"):
            choice_id = flag.removeprefix("once:")  # a once-only choice's flag names it
        elif goes.startswith(f"{scene}/") and "/" not in goes.removeprefix(f"{scene}/"):
            choice_id = goes  # a weave branch is named as the choice leading to it
        self.choices.append(c.Choice(choice_id, shown, target, cond, tuple(effects)))

    def block(self, block: Block, cond: c.JsonExpr | None) -> list[c.Part]:
        opening = block.branches[0][0]
        if not block.closed:
            return []  # reported as unmatched
        if block.name == "if":
            return self.if_block(block, cond)
        if block.name in ("link", "button"):
            self.link_block(block, cond)
            return []
        if block.name == "switch":
            variation = self.variation(block, cond)
            if variation is not None:
                return [variation]
        if block.name in ("nobr", "silently"):
            return self.walk(block.branches[0][1], cond)
        why = {
            "script": "<<script>> is not imported: a Crossing story runs no code",
            "widget": "<<widget>> is not imported: Crossing has no macros of its own",
        }.get(block.name, f"<<{block.name}>> is not imported: it has no Crossing equivalent")
        self.report(opening.offset, why)
        return []

    def variation(self, block: Block, cond: c.JsonExpr | None) -> c.Variation | None:
        """The export's variations: `<<switch visited()>>` (once), `Math.min(visited(), n)`
        (seq) or `(visited() - 1) % n + 1` (cycle), with cases 1 to n."""
        opening, before = block.branches[0]
        selector = re.sub(r"\s+", "", opening.args)
        cases = block.branches[1:]
        count = len(cases)
        kinds = {
            "visited()": "once",
            f"Math.min(visited(),{count})": "seq",
            f"(visited()-1)%{count}+1": "cycle",
        }
        numbered = [
            t.name == "case" and t.args.strip() == str(n) for n, (t, _) in enumerate(cases, 1)
        ]
        blank = all(isinstance(n, Token) and not n.text.strip() for n in before)
        if selector not in kinds or not cases or not all(numbered) or not blank:
            return None
        parts = tuple(_inline(self.walk(children, cond)) for _, children in cases)
        return c.Variation(kinds[selector], parts, 0)

    def link_block(self, block: Block, cond: c.JsonExpr | None) -> None:
        opening, children = block.branches[0]
        args, at = opening.args.strip(), opening.args_offset
        effects: list[c.Effect] = []
        goto: str | None = None
        for child in children:
            if isinstance(child, Token) and child.kind == "macro" and child.name == "set":
                effects += self.assignments(child.args, child.args_offset)
            elif isinstance(child, Token) and child.kind == "macro" and child.name == "goto":
                goto = _passage_argument(child.args)
            elif isinstance(child, Token) and (
                child.kind == "comment" or (child.kind == "text" and not child.text.strip())
            ):
                continue
            else:
                where = child.offset if isinstance(child, Token) else child.branches[0][0].offset
                self.report(
                    where, f"inside <<{block.name}>> only <<set>> and <<goto>> are imported"
                )
        if args.startswith("[["):
            self.link(Token("link", args, at), cond, effects)
            return
        if args.startswith("`"):
            self.expression_link(block.name, args, at, cond, effects, goto)
            return
        pieces = split_top(args, " ")
        literals = [
            twinescript.unquote(p.strip())
            for _, p in pieces
            if re.fullmatch(r"""\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')\s*""", p)
        ]
        if len(literals) != len(pieces) or not literals:
            self.report(at, f"<<{block.name}>> is imported with quoted text and a passage name")
            return
        name = literals[1] if len(literals) > 1 else goto
        if name is None:
            self.report(
                at,
                f"<<{block.name}>> leads nowhere: not imported",
                'give a passage: <<link "text" "passage">>',
            )
            return
        self.add_choice(literals[0], name, at, cond, effects)

    def expression_link(
        self,
        macro: str,
        args: str,
        at: int,
        cond: c.JsonExpr | None,
        effects: list[c.Effect],
        goto: str | None,
    ) -> None:
        """`<<link `"Sell " + String($cups)` "p">>`: text joined from strings and values."""
        close = args.find("`", 1)
        rest = args[close + 1 :].strip() if close > 0 else ""
        name = _passage_argument(rest) if rest else goto
        parts = self.label_parts(args[1:close], at + 1, macro) if close > 0 else []
        if parts is None:
            return
        if close < 0 or not parts or name is None:
            self.report(at, f"<<{macro}>> is imported with quoted text and a passage name")
            return
        target = self.target(name, at)
        if target is None:
            return
        text = _inline(parts)
        self.add_choice_text(text, target, cond, effects)

    def label_parts(self, text: str, at: int, macro: str) -> list[c.Part] | None:
        """Strings (HTML, as the export writes them), `String(value)` and
        `(condition ? a : b)` joined by '+', as text parts; None when reported."""
        parts: list[c.Part] = []
        for start, piece in split_top(text, "+"):
            literal = piece.strip()
            where = at + start + len(piece) - len(piece.lstrip())
            shown = re.fullmatch(r"String\((.*)\)", literal, re.S)
            choice = _ternary(literal)
            if re.fullmatch(QUOTED, literal):
                parts.append(json.loads(literal) if literal[0] == '"' else literal[1:-1])
            elif shown:
                value = self.expr(shown.group(1), where + len("String("))
                if value is None:
                    return None
                parts.append(self.interpolation(value))
            elif choice is not None:
                (c_at, c_text), (t_at, t_text), (o_at, o_text) = choice
                condition = self.expr(c_text, where + 1 + c_at, "bool")
                then = self.label_parts(t_text, where + 1 + t_at, macro)
                otherwise = self.label_parts(o_text, where + 1 + o_at, macro)
                if condition is None or then is None or otherwise is None:
                    return None
                other = _inline(otherwise)
                parts.append(c.Conditional(condition, _inline(then), other if other else None))
            else:
                self.report(
                    where,
                    f"<<{macro}>> text is imported from strings, String(value) and "
                    "(condition ? a : b) joined by '+'",
                )
                return None
        return parts

    def if_block(self, block: Block, cond: c.JsonExpr | None) -> list[c.Part]:
        if self.roll is not None and self.is_roll_chain(block):
            self.roll_chance(block)
            return []
        conditions: list[c.JsonExpr | None] = []
        texts: list[list[c.Part]] = []
        before: c.JsonExpr | None = None  # none of the earlier branches held
        outer, before_divert = self.divert_ctx, None
        for token, children in block.branches:
            if token.name == "else":
                own = None
            else:
                own = self.expr(token.args, token.args_offset, "bool")
                if own is None:
                    continue
            here = _and(before, own)
            # Diverts are tried in order: a branch that always goes elsewhere needs no
            # "and not" on the branches after it.
            self.divert_ctx = _and(outer, _and(before_divert, own))
            texts.append(self.walk(children, _and(cond, here)))
            conditions.append(own)
            if own is not None:
                before = _and(before, _not(own))
                if not _always_goes(children):
                    before_divert = _and(before_divert, _not(own))
        self.divert_ctx = outer
        result: c.Text | None = None
        for own, parts in reversed(list(zip(conditions, texts, strict=True))):
            branch = _inline(parts)
            if own is None:
                result = branch or None
                continue
            if branch == "" and result is None:
                continue
            if branch == "":
                result = (c.Conditional(_not(own), result, None),) if result is not None else None
            else:
                result = (c.Conditional(own, branch, result),)
        return list(result) if isinstance(result, tuple) else ([result] if result else [])

    def is_roll_chain(self, block: Block) -> bool:
        assert self.roll is not None
        for token, _ in block.branches:
            if token.name == "else":
                continue
            test = _ROLL_TEST.fullmatch(token.args)
            if test is None or test.group("var") != self.roll[0]:
                return False
        return True

    def roll_chance(self, block: Block) -> None:
        assert self.roll is not None
        name, low, high, at = self.roll
        outcomes: list[c.Outcome] = []
        covered = low - 1
        for token, children in block.branches:
            if token.name == "else":
                upto = high
            else:
                test = _ROLL_TEST.fullmatch(token.args)
                assert test is not None
                upto = int(test.group("n")) - (1 if test.group("op") in ("lt", "<") else 0)
            upto = min(upto, high)
            weight = upto - covered
            if weight <= 0:
                self.report(
                    token.offset,
                    f"this branch can never be drawn ({name} is already above {upto}): not imported",
                )
                continue
            covered = upto
            effects: list[c.Effect] = []
            target: int | None = None
            for child in children:
                if isinstance(child, Token) and child.kind == "macro" and child.name == "set":
                    effects += self.assignments(child.args, child.args_offset)
                elif isinstance(child, Token) and child.kind == "macro" and child.name == "goto":
                    passage = _passage_argument(child.args)
                    target = None if passage is None else self.target(passage, child.args_offset)
                elif isinstance(child, Token) and (
                    child.kind == "comment" or (child.kind == "text" and not child.text.strip())
                ):
                    continue
                else:
                    where = (
                        child.offset if isinstance(child, Token) else child.branches[0][0].offset
                    )
                    self.report(
                        where,
                        "a branch of a random draw is imported with <<set>> and one <<goto>> only",
                    )
            if target is None:
                self.report(
                    token.offset, "this branch of the random draw has no <<goto>>: not imported"
                )
                return
            outcomes.append(c.Outcome(weight, target, tuple(effects)))
        if covered < high:
            self.report(
                block.branches[0][0].offset,
                f"rolls above {covered} lead nowhere: the draw is not imported",
                "add an <<else>> branch",
            )
            return
        self.set_chance(tuple(outcomes), high - low + 1, at, f"random({low}, {high})")


def _ternary(text: str) -> tuple[tuple[int, str], ...] | None:
    """`(c ? a : b)` as (offset, text) of c, a and b inside the parentheses, else None."""
    if not (text.startswith("(") and text.endswith(")")):
        return None
    inner = text[1:-1]
    asked = split_top(inner, "?")
    if len(asked) != 2:
        return None
    answers = split_top(asked[1][1], ":")
    if len(answers) != 2:
        return None
    base = asked[1][0]
    return (asked[0], (base + answers[0][0], answers[0][1]), (base + answers[1][0], answers[1][1]))


def _always_goes(children: list[Node]) -> bool:
    return any(isinstance(n, Token) and n.kind == "macro" and n.name == "goto" for n in children)


def _not_imported(message: str) -> str:
    return message if "not imported" in message else f"{message}: not imported"


def _passage_argument(args: str) -> str | None:
    text = args.strip()
    if re.fullmatch(r""""(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'""", text):
        return twinescript.unquote(text)
    link = re.fullmatch(r"\[\[(.*)\]\]", text, re.S)
    if link:
        body = link.group(1)
        return body.rsplit("|", 1)[-1].rsplit("->", 1)[-1].split("<-", 1)[0].strip()
    return None


def _offset(raw: twinescript.Raw) -> int:
    for item in raw[1:]:
        if isinstance(item, tuple) and item:
            return _offset(item)
    return raw[-1] if isinstance(raw[-1], int) else 0


def _inline(parts: list[c.Part]) -> c.Text:
    """Text inside a condition: one line (line breaks become spaces)."""
    merged: list[c.Part] = []
    for part in parts:
        if isinstance(part, str):
            part = re.sub(r"\s*\n\s*", " ", part)
            if merged and isinstance(merged[-1], str):
                merged[-1] += part
                continue
        merged.append(part)
    if merged and isinstance(merged[0], str):
        merged[0] = merged[0].lstrip()
        if not merged[0]:
            merged.pop(0)
    if merged and isinstance(merged[-1], str):
        merged[-1] = merged[-1].rstrip()
        if not merged[-1]:
            merged.pop()
    if not merged:
        return ""
    if len(merged) == 1 and isinstance(merged[0], str):
        return merged[0]
    return tuple(merged)


def _paragraphs(parts: list[c.Part]) -> c.Text:
    """Top-level text: blank lines separate paragraphs; each paragraph is `<p>…</p>`."""
    paragraphs: list[list[c.Part]] = [[]]
    for part in parts:
        if not isinstance(part, str):
            paragraphs[-1].append(part)
            continue
        pieces = re.split(r"\n[ \t]*\n\s*", part)
        for n, piece in enumerate(pieces):
            if n:
                paragraphs.append([])
            if piece:
                paragraphs[-1].append(piece)
    out: list[c.Part] = []
    for paragraph in paragraphs:
        body = _lines(paragraph)
        if not body:
            continue
        if out:
            out.append("\n")
        out += ["<p>", *body, "</p>"]
    merged: list[c.Part] = []
    for part in out:
        if isinstance(part, str) and merged and isinstance(merged[-1], str):
            merged[-1] += part
        else:
            merged.append(part)
    if not merged:
        return ""
    if len(merged) == 1 and isinstance(merged[0], str):
        return merged[0]
    return tuple(merged)


def _lines(paragraph: list[c.Part]) -> list[c.Part]:
    """A paragraph's parts with blank edges and empty lines dropped, breaks kept as '\\n'."""
    out: list[c.Part] = []
    for part in paragraph:
        if isinstance(part, str):
            part = re.sub(r"[ \t]*\n\s*", "\n", part)
        out.append(part)
    while out and isinstance(out[0], str) and not out[0].strip():
        out.pop(0)
    while out and isinstance(out[-1], str) and not out[-1].strip():
        out.pop()
    if out and isinstance(out[0], str):
        out[0] = out[0].lstrip()
    if out and isinstance(out[-1], str):
        out[-1] = out[-1].rstrip()
    if not any(not isinstance(p, str) or p.strip() for p in out):
        return []
    return out
