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
    c.Variable: {"name", "type", "initial", "values", "low", "high", "label", "labels"},
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
        if op == "var":
            return self.variables[expr[1]].name
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
        lines += [self.variable(v) for v in story.variables]
        return "\n".join(lines) + "\n"

    def segments(self) -> list[list[str]]:
        """The scenes as story files: a chapter lasts to the end of its file, so a scene in
        no chapter after one starts a new (included) file. Files are read in include order."""
        story = self.story
        segments: list[list[str]] = [[]]
        chapter: int | None = None
        written: set[int] = set()
        for scene in story.scenes:
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
        story = self.story
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
        lines += self.effects(scene.effects, "")
        body = prose_lines(self.texts.text(scene.text))
        lines += body
        if scene.ending is not None and scene.ending.epilogue is not None:
            lines += ["", "epilogue:", *prose_lines(self.texts.text(scene.ending.epilogue))]
        if body or scene.ending is not None:
            lines.append("")
        names = [s.id for s in story.scenes]
        for divert in scene.diverts:
            lines.append(f"-> {names[divert.target]}{self.condition(divert.condition)}")
        per_target: dict[str, int] = {}
        for choice in scene.choices:
            target = names[choice.target]
            per_target[target] = per_target.get(target, 0) + 1
            count = per_target[target]
            auto = f"{scene.id}/{target}" + ("" if count == 1 else f"-{count}")
            local = choice.id.removeprefix(scene.id + "/")
            explicit = "" if choice.id == auto else f" {{#{local}}}"
            if choice.id != auto and (not choice.id.startswith(scene.id + "/") or "/" in local):
                raise DecompileError(f"choice id '{choice.id}' cannot be written in source")
            text = self.inline(choice.text)
            lines.append(f"* {text}{explicit} -> {target}{self.condition(choice.condition)}")
            lines += self.effects(choice.effects, "  ")
        if scene.chance is not None:
            lines += self.chance(scene.chance, names)
        while lines and lines[-1] == "":
            lines.pop()
        return lines

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
