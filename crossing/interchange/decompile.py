"""A compiled story back to story source: main.story, sources.toml and places.toml.

The import from Twee ends here: it builds a compiled story (from the exporter's
CrossingData passage, or from SugarCube passages) and writes the source that compiles to
it again. Text is HTML from the Markdown subset, turned back into that subset.
"""

from __future__ import annotations

import dataclasses
import html
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crossing.story import compiled as c
from crossing.story.api import load_source

DEFAULT_ENDINGS = ("safety", "caught", "died", "stranded", "hiding", "returned")


class DecompileError(Exception):
    """A compiled story holding something the story language cannot say (yet)."""


@dataclass(frozen=True, slots=True)
class SourceFiles:
    main: str
    sources: str | None  # sources.toml, when the story has sources
    places: str | None  # places.toml, when the story has places
    parts: tuple[tuple[str, str], ...] = ()  # further story files (name, text), included

    def all(self) -> dict[str, str]:
        """Every file by its name in the story folder."""
        files = {"main.story": self.main, **dict(self.parts)}
        if self.sources is not None:
            files["sources.toml"] = self.sources
        if self.places is not None:
            files["places.toml"] = self.places
        return files


# -- what this module knows how to write -----------------------------------------------

# The fields of the compiled classes this module writes. A field added since (a new
# construct) is refused by name when it is set, rather than dropped without a word.
KNOWN_FIELDS = {
    c.CompiledStory: {"id", "title", "version", "language", "start", "ending_kinds",
                      "variables", "chapters", "scenes", "sources", "places", "numbers", "sites"},
    c.Variable: {"name", "type", "initial", "values", "low", "high", "label", "labels",
                 "internal"},
    c.Scene: {"id", "chapter", "title", "place", "date", "era", "tags", "media", "effects",
              "text", "sources", "diverts", "choices", "chance", "ending"},
    c.Choice: {"id", "text", "target", "condition", "effects"},
    c.Divert: {"target", "condition"},
    c.Chance: {"outcomes", "total", "sources", "note", "basis", "background"},
    c.Outcome: {"weight", "target", "effects"},
    c.Ending: {"kind", "epilogue"},
    c.Media: {"kind", "src", "alt", "caption", "credit"},
}  # fmt: skip


def check_mapped(item: Any, where: str) -> None:
    """Raise DecompileError if `item` sets a field this exporter does not know yet."""
    known = KNOWN_FIELDS.get(type(item), set())
    for field in dataclasses.fields(item):
        if field.name in known:
            continue
        default = field.default
        if default is dataclasses.MISSING and field.default_factory is not dataclasses.MISSING:
            default = field.default_factory()
        if getattr(item, field.name) != default:
            raise DecompileError(
                f"{where}: '{field.name}' ({type(item).__name__}) is not mapped by the Twee "
                "interchange yet"
            )


def check_story(story: c.CompiledStory) -> None:
    """Every construct of the story is one this module writes (else DecompileError)."""
    check_mapped(story, "the story")
    for variable in story.variables:
        check_mapped(variable, f"variable '{variable.name}'")
        if variable.type not in ("int", "bool", "enum"):
            raise DecompileError(f"variable '{variable.name}' has type {variable.type!r}")
    for scene in story.scenes:
        where = f"scene '{scene.id}'"
        check_mapped(scene, where)
        items: list[Any] = [*scene.choices, *scene.diverts, *scene.media]
        if scene.chance is not None:
            items += [scene.chance, *scene.chance.outcomes]
        if scene.ending is not None:
            items.append(scene.ending)
        for item in items:
            check_mapped(item, where)


# -- expressions -----------------------------------------------------------------------

_PRECEDENCE = {
    "or": 1,
    "and": 2,
    "not": 3,
    "==": 4,
    "!=": 4,
    "<": 4,
    "<=": 4,
    ">": 4,
    ">=": 4,
    "+": 5,
    "-": 5,
    "*": 6,
    "/": 6,
    "%": 6,
    "neg": 7,
}
_FUNCTIONS = frozenset({"min", "max"})
_GATHER = re.compile(r".+/gather-[0-9]+")  # weave.py names gathers so
_COMPARISONS = frozenset({"==", "!=", "<", "<=", ">", ">="})


class Expressions:
    """Writes compiled expression trees as source, naming enum values by type."""

    def __init__(self, variables: Sequence[c.Variable]):
        self.variables = variables

    def enum_of(self, expr: c.JsonExpr) -> c.Variable | None:
        if isinstance(expr, list) and expr and expr[0] == "var":
            variable = self.variables[expr[1]]
            return variable if variable.type == "enum" else None
        return None

    def counted(self, expr: c.JsonExpr) -> str | None:
        """The scene whose visits `expr` reads (["var", i] of a `visits:` variable), if any."""
        if isinstance(expr, list) and expr and expr[0] == "var":
            name = self.variables[expr[1]].name
            if name.startswith("visits:"):
                return name.removeprefix("visits:")
        return None

    def write(self, expr: c.JsonExpr, enum: c.Variable | None = None) -> str:
        return self._write(expr, enum, 0)

    def _write(self, expr: c.JsonExpr, enum: c.Variable | None, parent: int) -> str:
        if isinstance(expr, bool):
            return "true" if expr else "false"
        if isinstance(expr, int):
            if enum is not None:
                return enum.values[expr]
            return str(expr)
        if not isinstance(expr, list) or not expr:
            raise DecompileError(f"an expression the story language cannot say: {expr!r}")
        op = expr[0]
        counted = self.counted(expr[1]) if op == ">" and expr[2] == 0 else None
        if counted is not None and not isinstance(expr[2], bool):
            return f"seen({counted})"
        if op == "var":
            name = self.variables[expr[1]].name
            if name.startswith("visits:"):
                return f"visits({name.removeprefix('visits:')})"
            if ":" in name:
                raise DecompileError(
                    f"the compiler's variable '{name}' is read where the source cannot say it"
                )
            return name
        if op in _FUNCTIONS:
            return f"{op}({self._write(expr[1], None, 0)}, {self._write(expr[2], None, 0)})"
        if op not in _PRECEDENCE:
            raise DecompileError(f"operator {op!r} has no source form in this exporter yet")
        own = _PRECEDENCE[op]
        if op in ("neg", "not"):
            inner = self._write(expr[1], None, own)
            text = f"-{inner}" if op == "neg" else f"not {inner}"
        else:
            left, right = expr[1], expr[2]
            side = self.enum_of(left) or self.enum_of(right) if op in _COMPARISONS else None
            # Left-associative: a right operand of the same level needs parentheses, and
            # comparisons do not chain at all.
            left_text = self._write(left, side, own + (op in _COMPARISONS))
            right_text = self._write(right, side, own + 1)
            text = f"{left_text} {op} {right_text}"
        return f"({text})" if own < parent else text


# -- text ------------------------------------------------------------------------------

_CITE = re.compile(
    r'<sup class="cite"><a href="#source-[^"]*" data-source="(?P<key>[^"]*)">[0-9]+</a></sup>'
)
_TOKEN = re.compile(
    r'<sup class="cite">.*?</sup>|<br>\n|<p>|</p>\n?|</?em>|</?strong>|<a href="[^"]*">|</a>'
    r"|&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z0-9]+);|\n|[^<&\n]+|[<&]",
    re.S,
)
_ALWAYS_ESCAPED = set("\\*_[]{}|`")
_ENTITY_LIKE = re.compile(r"&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z0-9]+);")
_LINE_START = re.compile(r"^(?:[~#\-/+]|chance:|epilogue:|[0-9]+[.)])")


def escape_prose(text: str) -> str:
    """Plain characters as the Markdown subset reads them back unchanged."""
    out = []
    for i, char in enumerate(text):
        if char in _ALWAYS_ESCAPED or (char == "&" and _ENTITY_LIKE.match(text, i)):
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def _guard_line(line: str) -> str:
    """A text line that would read as a story construct gets its first mark escaped."""
    stripped = line.lstrip(" ")
    match = _LINE_START.match(stripped)
    if match is None:
        return stripped
    if stripped.startswith(("chance:", "epilogue:")):
        head, _, tail = stripped.partition(":")
        return f"{head}\\:{tail}"
    digits = re.match(r"[0-9]+", stripped)
    if digits:  # "1." would be a list item in fuller Markdown: keep it plain here too
        return stripped[: digits.end()] + "\\" + stripped[digits.end() :]
    return "\\" + stripped


class TextWriter:
    """Compiled text (HTML with parts) as story-language prose."""

    def __init__(self, expressions: Expressions):
        self.expressions = expressions
        self.links: list[str] = []  # addresses of the links open (a link may hold values)
        self.marks: list[str] = []  # the emphasis characters open ('*' or '_')
        self.last_chars = ""  # the last two characters written, across parts

    def html(self, fragment: str, *, in_branch: bool = False) -> str:
        out: list[str] = []
        links = self.links
        plain: list[str] = []  # text and entities, unescaped together (`&amp;copy;`)
        for token in _TOKEN.findall(fragment):
            if (not token.startswith("<") or token == "<") and token != "\n":
                plain.append(token)
                continue
            if plain:
                out.append(escape_prose(html.unescape("".join(plain))))
                plain.clear()
            if token.startswith("<sup"):
                match = _CITE.fullmatch(token)
                if match is None:
                    raise DecompileError(f"a citation the story language cannot say: {token}")
                out.append(f"[^{html.unescape(match.group('key'))}]")
            elif token == "<br>\n":
                out.append("\\\n")
            elif token == "<p>":
                continue
            elif token.startswith("</p>"):
                out.append("\n\n")
            elif token in ("<em>", "<strong>"):
                # A mark right after the same mark would read as one run ("*a**b*"): the
                # other character keeps them apart.
                before = "".join(out)[-2:] if out else self.last_chars
                mark = "_" if before.endswith("*") and not before.endswith("\\*") else "*"
                self.marks.append(mark)
                out.append(mark * (1 if token == "<em>" else 2))
            elif token in ("</em>", "</strong>"):
                mark = self.marks.pop() if self.marks else "*"
                out.append(mark * (1 if token == "</em>" else 2))
            elif token.startswith("<a href="):
                links.append(html.unescape(token[len('<a href="') : -2]))
                out.append("[")
            elif token == "</a>":
                url = links.pop() if links else ""
                if re.search(r"[\s()<>]", url):
                    url = "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"
                out.append(f"]({url})")
            elif token == "\n":
                if in_branch:
                    raise DecompileError("a line break inside conditional text or a variation")
                out.append("\n")
        if plain:
            out.append(escape_prose(html.unescape("".join(plain))))
        written = "".join(out)
        self.last_chars = (self.last_chars + written)[-2:]
        return written

    def text(self, text: c.Text, *, in_branch: bool = False) -> str:
        """A block of prose: paragraphs separated by blank lines."""
        if isinstance(text, str):
            return self.html(text, in_branch=in_branch)
        out: list[str] = []
        in_paragraph = False
        for part in text:
            if isinstance(part, str):
                for token in _TOKEN.findall(part):
                    if token == "<p>":
                        in_paragraph = True
                    elif token.startswith("</p>"):
                        in_paragraph = False
                out.append(self.html(part, in_branch=in_branch))
            elif isinstance(part, c.Interpolation):
                shown = self.expressions.write(part.expr)
                out.append("{" + shown + (f" as {part.format}" if part.format else "") + "}")
            elif not isinstance(part, c.Conditional | c.Variation):
                raise DecompileError(f"text part {type(part).__name__} is not mapped yet")
            else:
                lifted = not in_paragraph and not in_branch
                out.append(self.part(part, lifted=lifted))
                if lifted:
                    out.append("\n\n")
        return "".join(out)

    def branch(self, text: c.Text, *, lifted: bool) -> str:
        if lifted:
            text = _unlift(text)
        return self.text(text, in_branch=True).strip()

    def part(self, part: c.Conditional | c.Variation, *, lifted: bool) -> str:
        if isinstance(part, c.Conditional):
            head = "if " + self.expressions.write(part.condition) + ": "
            branches = [part.then] + ([] if part.otherwise is None else [part.otherwise])
        else:
            head = part.kind + ": "
            branches = list(part.parts)
        written = [self.branch(b, lifted=lifted) for b in branches]
        return "{" + head + " | ".join(written) + "}"


def _unlift(text: c.Text) -> c.Text:
    """A lifted branch (`<p>…</p>`, or one lifted part) as the inline text it came from."""
    if isinstance(text, str):
        return text.removeprefix("<p>").removesuffix("</p>")
    parts = list(text)
    if parts and isinstance(parts[0], str):
        parts[0] = parts[0].removeprefix("<p>")
    if parts and isinstance(parts[-1], str):
        parts[-1] = parts[-1].removesuffix("</p>")
    return tuple(parts)


def prose_lines(prose: str) -> list[str]:
    """Written prose as source lines: guarded starts, at most one blank line in a row."""
    lines: list[str] = []
    for line in prose.strip("\n").split("\n"):
        if not line.strip():
            if lines and lines[-1] != "":
                lines.append("")
            continue
        lines.append(_guard_line(line.rstrip(" ") if not line.endswith("\\") else line))
    return lines


# -- the story -------------------------------------------------------------------------


def _label(text: str) -> str:
    if '"' in text or "\n" in text:
        raise DecompileError(f"a label the story language cannot say: {text!r}")
    return f'"{text}"'


class Decompiler:
    def __init__(self, story: c.CompiledStory):
        self.story = story
        self.expressions = Expressions(story.variables)
        self.texts = TextWriter(self.expressions)
        self.calls = {i: call for i, s in enumerate(story.scenes) if (call := self.call(s))}

    def returns_to(self, effect: c.Effect) -> tuple[str, str] | None:
        """(tunnel, next scene) when `effect` sets a tunnel's return point."""
        variable = self.story.variables[effect.var]
        if not (variable.internal and variable.name.startswith("return:")):
            return None
        if isinstance(effect.expr, bool) or not isinstance(effect.expr, int):
            return None
        return variable.name.removeprefix("return:"), variable.values[effect.expr][2:]

    def call(self, scene: c.Scene) -> str | None:
        """`tunnel -> next` when `scene` is a divert's tunnel call (`gate/call-1`)."""
        if not re.fullmatch(r".+/call-[0-9]+", scene.id) or len(scene.effects) != 1:
            return None
        point = self.returns_to(scene.effects[0])
        names = [s.id for s in self.story.scenes]
        if point is None or [(names[d.target], d.condition) for d in scene.diverts] != [
            (point[0], None)
        ]:
            return None
        return f"{point[0]} -> {point[1]}"

    def files(self) -> SourceFiles:
        segments = self.segments()
        parts = tuple(
            (f"part-{n}.story", "\n".join(lines).lstrip("\n") + "\n")
            for n, lines in enumerate(segments[1:], start=2)
        )
        return SourceFiles(
            self.header([name for name, _ in parts]) + "\n".join(segments[0]) + "\n",
            toml_sources(self.story.sources) if self.story.sources else None,
            toml_places(self.story.places) if self.story.places else None,
            parts,
        )

    def header(self, includes: list[str]) -> str:
        story = self.story
        lines = [
            f"title: {_one_line(story.title)}",
            f"id: {story.id}",
            f"version: {_one_line(story.version)}",
            f"language: {story.language}",
            f"start: {story.scenes[story.start].id}",
            "endings: " + ", ".join(story.ending_kinds),
        ]
        if story.sources:
            lines.append("sources: sources.toml")
        if story.places:
            lines.append("places: places.toml")
        lines += [f"include: {name}" for name in includes]
        lines.append("")
        # The compiler makes its own variables again from visits(), {once} and tunnels.
        lines += [self.variable(v) for v in story.variables if not v.internal]
        return "\n".join(lines) + "\n"

    def segments(self) -> list[list[str]]:
        """The scenes as story files: a chapter lasts to the end of its file, so a scene in
        no chapter after one starts a new (included) file. Files are read in include order."""
        story = self.story
        segments: list[list[str]] = [[]]
        chapter: int | None = None
        written: set[int] = set()
        inlined = self.inlined()
        for index, scene in enumerate(story.scenes):
            if index in self.calls or index in inlined:
                continue  # written as a `-> tunnel -> next`, or inside the scene it is in
            if "/" in scene.id:
                raise DecompileError(
                    f"scene '{scene.id}' was made by the compiler for a weave branch or gather "
                    "or a choice's [ ] text: the interchange does not write it back as source yet"
                )
            if scene.chapter != chapter:
                if scene.chapter is None:
                    segments.append([])
                elif scene.chapter in written:
                    raise DecompileError(
                        f"chapter '{story.chapters[scene.chapter].id}' is split by another "
                        "chapter: the story language cannot say that"
                    )
                else:
                    ch = story.chapters[scene.chapter]
                    segments[-1] += ["", f"# {_one_line(ch.title)} {{#{ch.id}}}"]
                    written.add(scene.chapter)
                chapter = scene.chapter
            try:
                segments[-1] += ["", *self.scene(scene)]
            except DecompileError as error:
                raise DecompileError(f"scene '{scene.id}': {error}") from error
        return segments

    def variable(self, v: c.Variable) -> str:
        label = f" {_label(v.label)}" if v.label is not None else ""
        if v.type == "bool":
            return f"var {v.name}{label}: bool = {'true' if v.initial else 'false'}"
        if v.type == "enum":
            labels = v.labels or v.values
            values = ", ".join(
                name if shown == name and not v.labels else f"{name} {_label(shown)}"
                for name, shown in zip(v.values, labels, strict=True)
            )
            return f"var {v.name}{label}: {{{values}}} = {v.values[int(v.initial)]}"
        if v.type != "int":
            raise DecompileError(f"variable '{v.name}' has a type this exporter does not know")
        kind = "int" if v.low is None or v.high is None else f"{v.low}..{v.high}"
        return f"var {v.name}{label}: {kind} = {v.initial}"

    def effects(self, effects: Sequence[c.Effect], indent: str) -> list[str]:
        lines = []
        for effect in effects:
            variable = self.story.variables[effect.var]
            enum = variable if variable.type == "enum" else None
            lines.append(f"{indent}~ {variable.name} = {self.expressions.write(effect.expr, enum)}")
        return lines

    def condition(self, expr: c.JsonExpr | None) -> str:
        return "" if expr is None else " if " + self.expressions.write(expr)

    def scene(self, scene: c.Scene) -> list[str]:
        lines = [f"## {scene.id}"]
        if scene.title is not None:
            lines.append(f"title: {_one_line(scene.title)}")
        for key in ("place", "date", "era"):
            value = getattr(scene, key)
            if value is not None:
                lines.append(f"{key}: {_one_line(value)}")
        if scene.tags:
            lines.append("tags: " + ", ".join(scene.tags))
        for media in scene.media:
            lines.append(f"{media.kind}: {media.src}")
            if media.alt is not None:
                lines.append(f"  alt: {_one_line(media.alt)}")
            for key in ("caption", "credit"):
                value = getattr(media, key)
                if value is not None:
                    lines.append(f"  {key}: {self.inline(value)}")
        if scene.ending is not None:
            lines.append(f"ending: {scene.ending.kind}")
        lines.append("")
        lines += self.body(scene, "")
        while lines and lines[-1] == "":
            lines.pop()
        return lines

    def branch_of(self, choice: c.Choice) -> c.Scene | None:
        """The weave branch (or `[ ]` text scene) `choice` leads to: a scene named as it."""
        scene = self.story.scenes[choice.target]
        return scene if scene.id == choice.id and "/" in scene.id else None

    def inlined(self) -> set[int]:
        """The scenes written inside others: weave branches and gathers."""
        index = self.story.scene_index()
        made = {
            choice.target
            for scene in self.story.scenes
            for choice in scene.choices
            if self.branch_of(choice) is not None
        }
        made |= {i for s, i in index.items() if _GATHER.fullmatch(s)}
        return made

    def body(self, scene: c.Scene, indent: str, gather: str | None = None) -> list[str]:
        """A scene's effects, text, diverts, choices and chance at `indent`; a weave branch's
        body when `gather` names the gather its branches flow into."""
        story = self.story
        lines: list[str] = []
        effects = list(scene.effects)
        if effects and self.counts_visit(scene, effects[0]):
            effects.pop(0)  # the compiler counts the visit again, from visits()/seen()
        lines += self.effects(effects, indent)
        body = [indent + line if line else "" for line in prose_lines(self.texts.text(scene.text))]
        lines += body
        if scene.ending is not None and scene.ending.epilogue is not None:
            lines += ["", "epilogue:", *prose_lines(self.texts.text(scene.ending.epilogue))]
        if (body or scene.ending is not None) and not indent:
            lines.append("")
        names = [s.id for s in story.scenes]
        diverts = list(scene.diverts)
        if (
            gather is not None
            and [(names[d.target], d.condition) for d in diverts] == [(gather, None)]
            and not (scene.choices or scene.chance)
        ):
            diverts = []  # the compiler joins a branch with no way on to the gather again
        fallback = self.fallback(scene)
        if fallback is not None:
            diverts.pop()
        lines += [indent + line for line in self.diverts(diverts, names)]
        own_gather = self.flows_to(scene, gather) or (None if indent else self.next_gather(scene))
        per_target: dict[str, int] = {}
        for choice in scene.choices:
            choice, once, tunnel = self.choice_constructs(choice, names)
            target = names[choice.target]
            per_target[target] = per_target.get(target, 0) + 1
            count = per_target[target]
            auto = f"{scene.id}/{target}" + ("" if count == 1 else f"-{count}")
            local = choice.id.removeprefix(scene.id + "/")
            explicit = "" if choice.id == auto else f" {{#{local}}}"
            if choice.id != auto and (not choice.id.startswith(scene.id + "/") or "/" in local):
                raise DecompileError(f"choice id '{choice.id}' cannot be written in source")
            text = self.inline(choice.text)
            branch = self.branch_of(choice)
            if branch is not None:
                if choice.effects or choice.condition is not None:
                    raise DecompileError(
                        f"choice '{choice.id}' has a body and its own condition or effects"
                    )
                lines.append(f"{indent}* {text}{explicit}{once}")
                lines += self.body(branch, indent + "  ", own_gather or gather)
                continue
            target = tunnel or target
            lines.append(
                f"{indent}* {text}{explicit}{once} -> {target}{self.condition(choice.condition)}"
            )
            lines += self.effects(choice.effects, indent + "  ")
        if fallback is not None:
            lines.append(indent + fallback)
        if scene.chance is not None:
            lines += [indent + line for line in self.chance(scene.chance, names)]
        if own_gather is not None:
            lines += self.gather(story.scenes[names.index(own_gather)], indent, gather)
        return lines

    def flows_to(self, scene: c.Scene, enclosing: str | None) -> str | None:
        """The gather `scene`'s weave branches flow into, when it is not the enclosing one."""
        names = [s.id for s in self.story.scenes]
        for choice in scene.choices:
            branch = self.branch_of(choice)
            if branch is None or branch.choices or branch.chance or len(branch.diverts) != 1:
                continue
            divert = branch.diverts[0]
            target = names[divert.target]
            if divert.condition is None and target != enclosing and _GATHER.fullmatch(target):
                return target
        return None

    def next_gather(self, scene: c.Scene) -> str | None:
        """The gather after `scene`'s choices: `top/gather-1` after the top scene's, and
        `top/gather-N+1` after gather N's (gathers inside branches are not written yet)."""
        found = re.fullmatch(r"(?P<top>.+)/gather-(?P<n>[0-9]+)", scene.id)
        wanted = (
            f"{found.group('top')}/gather-{int(found.group('n')) + 1}"
            if found
            else f"{scene.id}/gather-1"
        )
        return wanted if wanted in self.story.scene_index() else None

    def gather(self, scene: c.Scene, indent: str, enclosing: str | None) -> list[str]:
        """`- text` and what follows it, at the indent of the choices gathered."""
        lines = self.body(scene, indent, enclosing)
        while lines and lines[0] == "":
            lines.pop(0)
        if not lines:
            return [f"{indent}-"]
        return [f"{indent}- {lines[0].removeprefix(indent)}", *lines[1:]]

    def counts_visit(self, scene: c.Scene, effect: c.Effect) -> bool:
        name = self.story.variables[effect.var].name
        return name == f"visits:{scene.id}" and effect.expr == ["+", ["var", effect.var], 1]

    def fallback(self, scene: c.Scene) -> str | None:
        """`* -> target` when the last divert is the one a fallback choice compiles to:
        taken when none of the choices (all conditional) is offered."""
        if not scene.diverts or not scene.choices:
            return None
        last = scene.diverts[-1]
        conditions = [choice.condition for choice in scene.choices]
        if any(condition is None for condition in conditions) or last.condition is None:
            return None
        target = self.story.scenes[last.target].id
        for own in (None, *self._negated(last.condition)):
            offered = conditions if own is None else [["not", own], *conditions]
            chained = offered[0]
            for condition in offered[1:]:
                chained = ["or", chained, condition]
            if last.condition == ["not", chained]:
                return f"* -> {target}{self.condition(own)}"
        return None

    @staticmethod
    def _negated(condition: c.JsonExpr) -> list[c.JsonExpr]:
        """The `own` condition a fallback's may start with: not (not own or …)."""
        inner = condition[1] if isinstance(condition, list) and condition[0] == "not" else None
        while isinstance(inner, list) and inner[0] == "or":
            inner = inner[1]
        if isinstance(inner, list) and inner[0] == "not":
            return [inner[1]]
        return []

    def choice_constructs(self, choice: c.Choice, names: list[str]) -> tuple[c.Choice, str, str]:
        """The choice without what `{once}` and `-> tunnel -> next` compile to, with their
        source: (choice, " {once}" or "", "tunnel -> next" or "")."""
        once, tunnel = "", ""
        effects = list(choice.effects)
        condition = choice.condition
        flag = next(
            (i for i, v in enumerate(self.story.variables) if v.name == f"once:{choice.id}"),
            None,
        )
        if flag is not None and effects and effects[0] == c.Effect(flag, True):
            unseen = ["not", ["var", flag]]
            if condition == unseen:
                condition = None
            elif isinstance(condition, list) and condition[:2] == ["and", unseen]:
                condition = condition[2]
            else:
                raise DecompileError(f"choice '{choice.id}' sets its once-only flag oddly")
            effects.pop(0)
            once = " {once}"
        point = self.returns_to(effects[0]) if effects else None
        if point is not None and point[0] == names[choice.target]:
            effects.pop(0)
            tunnel = f"{point[0]} -> {point[1]}"
        changed = dataclasses.replace(choice, condition=condition, effects=tuple(effects))
        return changed, once, tunnel

    def diverts(self, diverts: list[c.Divert], names: list[str]) -> list[str]:
        """Diverts as source: a tunnel call's scene as `-> tunnel -> next`, and the run of
        diverts a `->->` compiles to (one per return point, in order) as `->->`."""
        lines: list[str] = []
        i = 0
        while i < len(diverts):
            divert = diverts[i]
            back = self.return_run(diverts[i:], names)
            if back is not None:
                own, length = back
                lines.append(f"->->{self.condition(own)}")
                i += length
                continue
            target = self.calls.get(divert.target, names[divert.target])
            lines.append(f"-> {target}{self.condition(divert.condition)}")
            i += 1
        return lines

    def return_run(
        self, diverts: list[c.Divert], names: list[str]
    ) -> tuple[c.JsonExpr | None, int] | None:
        """(own condition, length) when `diverts` starts with a `->->`'s diverts."""
        first = diverts[0].condition
        if not isinstance(first, list):
            return None
        own = first[1] if isinstance(first, list) and first[0] == "and" else None
        test = first[2] if own is not None else first
        if not (isinstance(test, list) and test[0] == "==" and test[2] == 1):
            return None
        if not (isinstance(test[1], list) and test[1][0] == "var"):
            return None
        variable = self.story.variables[test[1][1]]
        if not (variable.internal and variable.name.startswith("return:")):
            return None
        points = variable.values[1:]
        for n, point in enumerate(points, start=1):
            eq = ["==", ["var", test[1][1]], n]
            wanted = eq if own is None else ["and", own, eq]
            if n > len(diverts) or diverts[n - 1].condition != wanted:
                raise DecompileError(f"the return from '{variable.name[7:]}' is incomplete")
            if names[diverts[n - 1].target] != point[2:]:
                raise DecompileError(f"the return from '{variable.name[7:]}' goes astray")
        return own, len(points)

    def inline(self, text: c.Text) -> str:
        written = self.texts.text(text, in_branch=True)
        if "\n" in written:
            raise DecompileError("a line break in text that must fit on one line")
        return written.strip()

    def chance(self, chance: c.Chance, names: list[str]) -> list[str]:
        cites = "".join(f" [^{key}]" for key in chance.sources)
        lines = [f"chance:{cites}"]
        if chance.note is not None:
            keyword = "assumption" if chance.basis == "estimate" else "basis"
            lines.append(f"  {keyword}: {self.inline(chance.note)}")
        if chance.background:
            lines.append("  background:" + "".join(f" [^{k}]" for k in chance.background))
        for outcome in chance.outcomes:
            lines.append(f"  {outcome.weight} -> {names[outcome.target]}")
            lines += self.effects(outcome.effects, "    ")
        return lines


def _one_line(value: str) -> str:
    if "\n" in value:
        raise DecompileError(f"a value that must fit on one line: {value!r}")
    return value.strip()


# -- TOML ------------------------------------------------------------------------------


def toml_string(value: str) -> str:
    out = ['"']
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else f"[{toml_string(key)}]"


def _table(key: str, fields: list[tuple[str, object]]) -> str:
    name = toml_key(key)
    lines = [f"[{name}]" if not name.startswith("[") else f"[{name[1:-1]}]"]
    for field, value in fields:
        if value is None:
            continue
        shown = toml_string(value) if isinstance(value, str) else repr(value)
        lines.append(f"{field} = {shown}")
    return "\n".join(lines)


def toml_sources(sources: Sequence[c.Source]) -> str:
    return (
        "\n\n".join(
            _table(
                s.key,
                [
                    ("title", s.title),
                    ("author", s.author),
                    ("date", s.date),
                    ("url", s.url),
                    ("confidence", s.confidence),
                    ("note", s.note),
                ],
            )
            for s in sources
        )
        + "\n"
    )


def toml_places(places: Sequence[c.Place]) -> str:
    return (
        "\n\n".join(
            _table(
                p.key,
                [("name", p.name), ("lat", p.lat), ("lon", p.lon), ("country", p.country)],
            )
            for p in places
        )
        + "\n"
    )


def decompile(story: c.CompiledStory) -> SourceFiles:
    """The source files that compile to `story` (raises DecompileError when none can)."""
    check_story(story)
    return Decompiler(story).files()


def differences(story: c.CompiledStory, files: SourceFiles) -> list[str]:
    """Where the written source does not compile back to `story`: the ids of the scenes
    that differ, or a sentence when the source does not compile or differs elsewhere.
    Markdown has corners no writer can always reach (`*a**b*`); this says so, not hides it."""
    with tempfile.TemporaryDirectory() as folder:
        for name, text in files.all().items():
            (Path(folder) / name).write_text(text, encoding="utf-8")
        loaded = load_source(Path(folder))
    if loaded.story is None:
        shown = "; ".join(d.message for d in loaded.errors[:3])
        return [f"the written source does not compile ({shown})"]
    back, wanted = loaded.story.to_json(), story.to_json()
    if back == wanted:
        return []
    scenes = [
        f"scene '{mine['id']}'"
        for mine, theirs in zip(wanted["scenes"], back["scenes"], strict=False)
        if mine != theirs
    ]
    others = [
        key for key in wanted if key not in ("scenes", "hash") and wanted[key] != back.get(key)
    ]
    return scenes + [f"the story's {key}" for key in others] or ["the story"]
