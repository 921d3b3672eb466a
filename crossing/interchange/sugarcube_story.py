"""A SugarCube 2 story (Twee passages) read as a compiled story: the passages that are
scenes, their ids, and the variables from StoryInit and their use (docs/twee.md)."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any

from crossing.story import compiled as c

from . import twinescript
from .names import crossing_name
from .sugarcube_scene import DEFAULT_KIND, KEYWORDS, LABELS, QUOTED, SceneReader, split_top
from .sugarcube_tokens import tokenize
from .twee_format import Passage, Problem

SPECIAL_PASSAGES = frozenset(
    {"StoryAuthor", "StoryBanner", "StoryCaption", "StoryDisplayTitle", "StoryInterface",
     "StoryMenu", "StoryShare", "StorySubtitle", "PassageDone", "PassageHeader",
     "PassageFooter", "PassageReady", "StorySettings", "StoryIncludes"}
)  # fmt: skip
CODE_TAGS = {
    "script": "JavaScript is not imported: a Crossing story runs no code",
    "stylesheet": "a stylesheet is not imported: Crossing styles its players itself",
    "widget": "widgets are not imported: Crossing has no macros of its own",
}
_ENUM_LITERAL = re.compile(
    r"""\$([A-Za-z_][A-Za-z0-9_$]*)\s*(?:to|=|is|isnot|eq|neq|===|!==|==|!=)\s*"""
    r"""("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')"""
    r"""|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')\s*(?:is|isnot|eq|neq|===|!==|==|!=)\s*"""
    r"""\$([A-Za-z_][A-Za-z0-9_$]*)"""
)
_CLAMP = re.compile(
    r"<<set\s+\$([A-Za-z_][A-Za-z0-9_$]*)\s+to\s+Math\.clamp\(.*?,\s*(-?[0-9]+)\s*,\s*(-?[0-9]+)\s*\)>>"
)
_ENUM_PAIR = re.compile(
    r"\$([A-Za-z_][A-Za-z0-9_$]*)\s*(?:to|=|is|isnot|eq|neq|===|!==|==|!=)\s*"
    r"\$([A-Za-z_][A-Za-z0-9_$]*)\b(?!\s*[-+*.\[(])"
)
_DECLARED = re.compile(
    r"/\*\s*\$([A-Za-z_][A-Za-z0-9_$]*)\s*:\s*((?:(?:" + QUOTED + r")\s*,?\s*)+)\*/"
)
_INIT_SET = re.compile(r"\s*\$([A-Za-z_][A-Za-z0-9_$]*)\s+to\s+(.*?)\s*$", re.S)


def scene_id(name: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9_-]+", "_", name.strip()).strip("_") or "passage"
    return slug if re.match(r"[A-Za-z_]", slug) else "_" + slug


@dataclass(slots=True)
class Var:
    name: str
    type: str
    initial: Any
    values: list[str] = field(default_factory=list)
    line: int = 1  # where it is first set, for problems with it
    col: int = 1
    labels: dict[str, str] = field(default_factory=dict)  # from `<<print ({…})[$x]>>`
    low: int | None = None  # a range, from `<<set $x to Math.clamp(…, low, high)>>`
    high: int | None = None


class SugarCubeImport:
    def __init__(self, passages: list[Passage]):
        self.passages = passages
        self.problems: list[Problem] = []
        self.variables: dict[str, Var] = {}
        self.ids: dict[str, str] = {}  # passage name -> scene id
        self.passage: Passage | None = None
        self.passages_by_index: list[str] = []

    # problems ---------------------------------------------------------------------

    def at(self, passage: Passage, offset: int) -> tuple[int, int]:
        before = passage.text[:offset]
        line = passage.body_line + before.count("\n")
        col = offset - (before.rfind("\n") + 1) + 1
        return line, col

    def report(
        self, offset: int, message: str, hint: str | None = None, *, warning: bool = False
    ) -> None:
        assert self.passage is not None
        line, col = self.at(self.passage, offset)
        severity = "warning" if warning else "error"
        self.problems.append(Problem(line, col, message, hint, severity))

    def header_problem(self, passage: Passage, message: str, hint: str | None = None) -> None:
        self.problems.append(Problem(passage.line, 1, message, hint))

    # the story --------------------------------------------------------------------

    def run(self) -> tuple[c.CompiledStory | None, list[Problem]]:
        title, start, scenes, init = "Untitled", None, [], None
        for passage in self.passages:
            code = next((tag for tag in passage.tags if tag in CODE_TAGS), None)
            if passage.name == "StoryTitle":
                title = passage.text.strip() or title
            elif passage.name == "StoryData":
                try:
                    data = json.loads(passage.text)
                    start = data.get("start") if isinstance(data, dict) else None
                except json.JSONDecodeError as error:
                    self.problems.append(
                        Problem(passage.body_line, 1, f"StoryData is not JSON ({error.msg})")
                    )
            elif passage.name == "StoryInit":
                init = passage
            elif code is not None:
                self.header_problem(passage, f"passage '{passage.name}': {CODE_TAGS[code]}")
            elif passage.name in SPECIAL_PASSAGES:
                self.header_problem(
                    passage,
                    f"special passage '{passage.name}' is not imported: Crossing's players "
                    "have their own title, menu and frame",
                )
            else:
                scenes.append(passage)
        if not scenes:
            self.problems.append(Problem(1, 1, "no story passages to import"))
            return None, self.problems
        self.name_scenes(scenes)
        self.collect_variables(init, scenes)
        index = {p.name: n for n, p in enumerate(scenes)}
        self.passages_by_index = [p.name for p in scenes]
        if start is None:
            start = "Start" if "Start" in index else scenes[0].name
        if start not in index:
            self.problems.append(Problem(1, 1, f"the start passage '{start}' does not exist"))
            start = scenes[0].name
        variables = tuple(self.compiled_variables())
        built = [SceneReader(self, p, index, variables).scene() for p in scenes]
        kinds = list(dict.fromkeys(s.ending.kind for s in built if s.ending is not None))
        story = c.CompiledStory(
            id=_story_id(title),
            title=title,
            version="1",
            language="en",
            start=index[start],
            ending_kinds=tuple(kinds or [DEFAULT_KIND]),
            variables=variables,
            chapters=(),
            scenes=tuple(built),
            sources=(),
            places=(),
        )
        return story, self.problems

    def name_scenes(self, scenes: list[Passage]) -> None:
        taken: set[str] = set()
        names = {passage.name for passage in scenes}
        for passage in scenes:
            base = scene_id(passage.name)
            if _made_by_compiler(passage.name, names):
                base = passage.name  # a weave branch or gather, a tunnel call (`gate/call-1`)
            chosen, n = base, 1
            while chosen in taken:
                n += 1
                chosen = f"{base}-{n}"
            taken.add(chosen)
            self.ids[passage.name] = chosen
            if chosen != passage.name:
                self.problems.append(
                    Problem(
                        passage.line,
                        1,
                        f"passage '{passage.name}' becomes scene '{chosen}' (scene ids are "
                        "letters, digits, '_' and '-')",
                        severity="warning",
                    )
                )

    def collect_variables(self, init: Passage | None, scenes: list[Passage]) -> None:
        pairs: list[tuple[str, str]] = []
        if init is not None:
            self.passage = init
            for token in tokenize(init.text):
                declared = _DECLARED.fullmatch(token.text) if token.kind == "comment" else None
                if declared:
                    self.declare(declared, init, token.offset)
                    continue
                if token.kind in ("comment",) or (token.kind == "text" and not token.text.strip()):
                    continue
                if token.kind != "macro" or token.name != "set":
                    self.report(
                        token.offset,
                        "StoryInit is imported only as <<set $name to value>> lines",
                    )
                    continue
                for part in split_top(token.args, ";,"):
                    match = _INIT_SET.fullmatch(part[1])
                    self.init_var(match, token.args_offset + part[0])
        for passage in ([init] if init else []) + scenes:
            for match in _ENUM_LITERAL.finditer(passage.text):
                name = match.group(1) or match.group(4)
                literal = match.group(2) or match.group(3)
                value = twinescript.unquote(literal)
                var = self.variables.get(name)
                if var is None:
                    self.passage = passage
                    line, col = self.at(passage, match.start())
                    self.variables[name] = var = Var(name, "enum", value, [value], line, col)
                if var.type == "enum" and value not in var.values:
                    var.values.append(value)
            for match in re.finditer(
                r"<<set\s+\$([A-Za-z_][A-Za-z0-9_$]*)\s+to\s+(true|false|-?[0-9]+)(?![.\w])",
                passage.text,
            ):
                if match.group(1) not in self.variables:
                    literal = match.group(2)
                    kind = "bool" if literal in ("true", "false") else "int"
                    self.variables[match.group(1)] = Var(
                        match.group(1), kind, False if kind == "bool" else 0
                    )
            for match in _ENUM_PAIR.finditer(passage.text):
                pairs.append((match.group(1), match.group(2)))
            for match in _CLAMP.finditer(passage.text):
                var = self.variables.get(match.group(1))
                if var is not None and var.type == "int" and var.low is None:
                    var.low, var.high = int(match.group(2)), int(match.group(3))
            for match in LABELS.finditer(passage.text):
                var = self.variables.get(match.group(2))
                try:
                    labels = json.loads(match.group(1))
                except json.JSONDecodeError:
                    continue
                if var is not None and var.type == "enum" and isinstance(labels, dict):
                    var.labels.update({str(k): html.unescape(str(v)) for k, v in labels.items()})

        for _ in range(len(pairs)):  # a set variable assigned or compared to another: one set
            for a, b in pairs:
                one, other = self.variables.get(a), self.variables.get(b)
                if one and other and one.type == other.type == "enum":
                    one.values += [v for v in other.values if v not in one.values]
                    other.values[:] = one.values

    def declare(self, match: re.Match[str], passage: Passage, offset: int) -> None:
        """`/* $name: "a", "b" */` in StoryInit: every value of a set variable, in order."""
        values = [twinescript.unquote(v) for v in re.findall(QUOTED, match.group(2))]
        line, col = self.at(passage, offset)
        self.variables[match.group(1)] = Var(match.group(1), "enum", values[0], values, line, col)

    def init_var(self, match: re.Match[str] | None, offset: int) -> None:
        if match is None:
            self.report(offset, "StoryInit is imported only as <<set $name to value>>")
            return
        name, value = match.group(1), match.group(2)
        assert self.passage is not None
        line, col = self.at(self.passage, offset + match.start(1) - 1)
        if value in ("true", "false"):
            self.variables[name] = Var(name, "bool", value == "true")
        elif re.fullmatch(r"-?[0-9]+", value):
            self.variables[name] = Var(name, "int", int(value))
        elif re.fullmatch(QUOTED, value):
            text = twinescript.unquote(value)
            known = self.variables.get(name)
            if known is not None and known.type == "enum":
                known.initial = text
                if text not in known.values:
                    known.values.append(text)
            else:
                self.variables[name] = Var(name, "enum", text, [text], line, col)
        else:
            self.report(
                offset + match.start(2),
                f"${name} starts as {value!r}, which is not imported: a variable starts as a "
                "whole number, true/false or a string that names one of its values",
            )

    def compiled_variables(self) -> list[c.Variable]:
        out = []
        for var in self.variables.values():
            name = crossing_name(var.name)
            internal = name != var.name
            if name in KEYWORDS:
                self.problems.append(
                    Problem(var.line, var.col, f"${name} is a keyword in Crossing: not imported")
                )
                continue
            if var.type == "enum":
                bad = [
                    v
                    for v in var.values
                    if not re.fullmatch(
                        r"(->)?[A-Za-z_][A-Za-z0-9_/-]*" if internal else r"[A-Za-z_][A-Za-z0-9_]*",
                        v,
                    )
                    or v in KEYWORDS
                    or v in self.variables
                ]
                if bad:
                    self.problems.append(
                        Problem(
                            var.line,
                            var.col,
                            f"${name} holds strings that are not names ({', '.join(map(repr, bad))}): "
                            "it is not imported",
                            "a string variable is imported when its values are single words",
                        )
                    )
                    continue
                labels = tuple(var.labels.get(v, v) for v in var.values) if var.labels else ()
                initial = var.values.index(var.initial)
                out.append(
                    c.Variable(
                        name, "enum", initial, tuple(var.values), labels=labels, internal=internal
                    )
                )
            elif var.low is not None and var.high is not None and var.low <= var.high:
                initial = min(max(int(var.initial), var.low), var.high)
                out.append(
                    c.Variable(name, "int", initial, (), var.low, var.high, internal=internal)
                )
            else:
                out.append(c.Variable(name, var.type, var.initial, internal=internal))
        return out


def _made_by_compiler(name: str, names: set[str]) -> bool:
    """A passage the export named after a scene the compiler made: `office/ask` beside a
    passage `office` (the decompiled source writes it back as weave or a tunnel call)."""
    owner, _, local = name.rpartition("/")
    return bool(re.fullmatch(r"[A-Za-z0-9_-]+", local)) and (
        owner in names or _made_by_compiler(owner, names)
    )


def _story_id(title: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return slug or "twine-story"
