"""The line parser: one story file's text to a syntax tree, with every problem reported.

The language is line-oriented (see docs/story-language.md): a header of `key: value` and
`var` lines, `# Chapter` and `## scene_id` headings, metadata right under a heading, then
prose, `~` effects, `->` diverts, `*` choices and a `chance:` block. The parser never
stops at the first problem: a bad line is reported and skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import tunnels, weave
from .comments import choice_without_comment, without_comment
from .diagnostics import Diagnostic, Position
from .expressions import INT_LIMIT, MAX_DEPTH, ExpressionError, parse_expression
from .source import SourceFile
from .syntax import (
    Chance,
    Chapter,
    Choice,
    Citation,
    Conditional,
    Divert,
    Effect,
    ExprSource,
    Interpolation,
    Located,
    Media,
    Note,
    Outcome,
    Scene,
    Segment,
    StoryFile,
    TextBlock,
    VarDecl,
    Variation,
)

# Words expressions give a meaning of their own: neither a variable nor a set value.
KEYWORDS = ("and", "or", "not", "true", "false", "if", "as")
HEADER_KEYS = (
    "title",
    "id",
    "version",
    "language",
    "start",
    "sources",
    "places",
    "include",
    "endings",
)
SCENE_KEYS = ("place", "date", "era", "title", "tags", "ending", "image", "audio")
MEDIA_KEYS = ("alt", "caption", "credit")

IDENT = r"[A-Za-z_][A-Za-z0-9_]*"
SCENE_ID = r"[A-Za-z_][A-Za-z0-9_-]*"
SOURCE_KEY = r"[A-Za-z0-9][A-Za-z0-9_.-]*"

_HEADING = re.compile(r"^(#+)\s+(.*?)\s*$")
_EXPLICIT_ID = re.compile(r"\{#([^}]*)\}\s*$")
_GATHER = re.compile(r"^-(\s|$)")
_INLINE_DIVERT = re.compile(r"^(?P<text>.*?\S)\s*(?P<arrow>->)\s*[A-Za-z_][A-Za-z0-9_-]*\s*$")
# Ink's `[ ]` in a choice's text (not a citation `[^…]`, not a link `[…](…)`).
_SHOWN_ONLY = re.compile(r"\[(?!\^)(?P<inside>[^\]]*)\](?!\()")
_RETURN = re.compile(r"^->->(\s|$)")
_TUNNEL = re.compile(r"->\s*(?P<shared>[^\s>-][^\s>]*)\s*->(?!>)")
RETURN = tunnels.RETURN  # the target of a divert that returns from a tunnel
_CHOICE_ATTRIBUTE = re.compile(r"\{(?:#(?P<id>[^}]*)|(?P<once>once))\}\s*$")
_META = re.compile(r"^([a-z_]+):(?:\s+(.*?))?\s*$")
_VAR = re.compile(
    r'^var\s+(?P<name>[^\s:="]+)\s*(?:"(?P<label>[^"]*)")?\s*'
    r'(?::\s*(?P<type>(?:[^="]|"[^"]*")*?))?\s*(?:=\s*(?P<init>.*?))?\s*$'
)
# An enum's value with an optional display label: `y2009 "2009"`.
_ENUM_VALUE = re.compile(r'\s*(?P<name>[^\s"]+)\s*(?:"(?P<label>[^"]*)")?\s*')
_OUTSIDE_QUOTES = re.compile(r',(?=(?:[^"]*"[^"]*")*[^"]*$)')
_EFFECT = re.compile(r"^~\s*(?P<name>[^\s+=-]+)\s*(?P<op>\+=|-=|=)\s*(?P<expr>.*?)\s*$")
_TARGET = re.compile(r"^\s*(?P<target>\S+)\s*(?P<rest>.*?)\s*$")
_OUTCOME = re.compile(r"^(?P<weight>[^\s-]+)\s*->\s*(?P<target>\S+)\s*$")
_RANGE = re.compile(r"^(-?\d+)\s*\.\.\s*(-?\d+)$")
_ENUM = re.compile(r"^\{(.*)\}$")

# Private-use characters mark interpolations, citations and conditional text in a template.
INTERP_OPEN, INTERP_CLOSE = "\ue000", "\ue001"
CITE_OPEN, CITE_CLOSE = "\ue002", "\ue003"
COND_OPEN, COND_CLOSE = "\ue004", "\ue005"
_PRIVATE = re.compile("[\ue000-\ue005]")
_PLACEHOLDER = re.compile("[\ue000\ue002\ue004][0-9]+[\ue001\ue003\ue005]")
_CONDITIONAL = re.compile(r"^if(\s+|(?=\())")
_VARIATION = re.compile(r"^(once|seq|cycle):")
_NESTED = re.compile(r"^(?:if(?:\s|\()|(?:once|seq|cycle):)")
_AS_FORMAT = re.compile(r"^(?P<expr>.*?\S)\s+(?P<as>as)(?:\s+(?P<format>\S*))?\s*$", re.S)


def slugify(title: str) -> str:
    """A chapter id from its title: lower-case ASCII letters and digits joined by '-'."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


class _FileParser:
    def __init__(self, source: SourceFile):
        self.path = source.path
        self.lines = source.lines
        self.diagnostics: list[Diagnostic] = []
        self.file = StoryFile(source.path)
        self.chapter: str | None = None
        self.scene: Scene | None = None
        # What the last line opened, for the indented lines that may follow it.
        self.open_choice: Choice | None = None
        self.open_chance: Chance | None = None
        self.open_media: Media | None = None
        self.in_meta = False
        self.in_epilogue = False
        # How many `{if …}` / variations enclose the text being scanned: capped like
        # expressions, so no input can exhaust the stack of the parser or what walks its tree.
        self.text_depth = 0
        # Weave (weave.py): the blocks of choices open around the current line, innermost
        # last; the scene the heading opened; how many gathers it has.
        self.blocks: list[weave.Block] = []
        self.top: Scene | None = None
        self.gathers = 0

    # -- helpers -------------------------------------------------------------------

    def pos(self, line: int, col: int, width: int = 1) -> Position:
        return Position(self.path, line, col, max(1, width))

    def segment(self, kind: str, owner: str, line: int, col: int, width: int) -> None:
        """Record reader-visible words at (line, col), for translation."""
        if width > 0:
            self.file.segments.append(Segment(kind, owner, self.pos(line, col, width)))

    def error(
        self, code: str, message: str, line: int, col: int, width: int = 1, hint: str | None = None
    ) -> None:
        self.diagnostics.append(Diagnostic(code, message, self.pos(line, col, width), hint))

    def expression(self, text: str, line: int, col: int) -> ExprSource | None:
        """Parse an expression written at (line, col); report and return None if broken."""
        try:
            expr = parse_expression(text)
        except ExpressionError as exc:
            self.error("E002", exc.message, line, col + exc.offset, exc.width, exc.hint)
            return None
        return ExprSource(expr, text, self.pos(line, col, len(text)))

    # -- the main loop -------------------------------------------------------------

    def parse(self) -> StoryFile:
        for number, raw in enumerate(self.lines, start=1):
            line = raw.rstrip()
            if line.lstrip().startswith("//"):
                continue
            heading = _HEADING.match(line)
            if heading:
                self.close_blocks()
                self.close_weave()
                self.heading(heading, number)
            elif self.scene is None:
                self.header_line(line, number)
            else:
                self.weave_line(line, number)
        self.close_weave()
        return self.file

    def close_blocks(self) -> None:
        self.open_choice = self.open_chance = self.open_media = None

    # -- header --------------------------------------------------------------------

    def header_line(self, line: str, number: int) -> None:
        line = without_comment(line, quotes=line.startswith("var"))
        if not line.strip():
            return
        if line.startswith("var ") or line == "var":
            self.var_decl(line, number)
            return
        meta = _META.match(line)
        if meta is None:
            self.error(
                "E001",
                "expected a header line ('key: value' or 'var') before the first scene",
                number,
                1,
                len(line),
                "a scene starts with a heading such as '## start'",
            )
            return
        key, value = meta.group(1), meta.group(2) or ""
        col = meta.start(2) + 1 if meta.group(2) else len(key) + 2
        if key not in HEADER_KEYS:
            self.error(
                "E013",
                f"unknown header key '{key}'",
                number,
                1,
                len(key),
                _hint_key(key, HEADER_KEYS),
            )
            return
        if not value:
            self.error("E013", f"'{key}:' needs a value", number, 1, len(key) + 1)
            return
        located = Located(value, self.pos(number, col, len(value)))
        if key == "include":
            self.file.includes.append(located)
        elif key in self.file.header:
            self.error("E060", f"'{key}' is given twice", number, 1, len(key))
        else:
            self.file.header[key] = located
            if key == "title":
                self.segment("story-title", "story", number, col, len(value))

    def var_decl(self, line: str, number: int) -> None:
        match = _VAR.match(line)
        if match is None or not match.group("name"):
            self.error(
                "E001",
                "malformed variable declaration",
                number,
                1,
                len(line),
                "write 'var name: int = 0', 'var name: bool = false', "
                "'var name: 0..10 = 5' or 'var name: {a, b} = a'",
            )
            return
        name = match.group("name")
        if not re.fullmatch(IDENT, name) or name in KEYWORDS:
            self.error(
                "E058",
                f"'{name}' is not a valid variable name",
                number,
                match.start("name") + 1,
                len(name),
                "use letters, digits and '_', starting with a letter",
            )
            return
        type_text = (match.group("type") or "").strip()
        type_col = match.start("type") + 1 if match.group("type") is not None else 1
        type_name, low, high = "", None, None
        values: list[str] = []
        labels: list[str | None] = []
        value_positions: list[Position] = []
        label_segments: list[tuple[str, int, int]] = []  # value, column, width
        label = match.group("label")
        if type_text in ("int", "bool"):
            type_name = type_text
        elif range_match := _RANGE.match(type_text):
            huge = [b for b in range_match.groups() if len(b.lstrip("-").lstrip("0")) > 10]
            if huge:  # refused before int(), which would choke on thousands of digits
                self.error(
                    "E021",
                    f"range bound {huge[0][:20]} is beyond ±{INT_LIMIT}",
                    number,
                    type_col,
                    len(type_text),
                )
                return
            type_name, low, high = "int", int(range_match.group(1)), int(range_match.group(2))
            if low > high:
                self.error("E021", f"empty range {low}..{high}", number, type_col, len(type_text))
                return
        elif enum_match := _ENUM.match(type_text):
            type_name = "enum"
            items = [_ENUM_VALUE.fullmatch(v) for v in _OUTSIDE_QUOTES.split(enum_match.group(1))]
            values = [m.group("name") for m in items if m]
            labels = [m.group("label") for m in items if m]
            if not all(items) or not all(re.fullmatch(IDENT, v) for v in values):
                self.error(
                    "E001",
                    f"a set of values must list names separated by commas, found '{type_text}'",
                    number,
                    type_col,
                    len(type_text),
                    'a value may have a label in quotes: {y2009 "2009", y2019 "2019"}',
                )
                return
            if len(set(values)) != len(values):
                self.error(
                    "E067", "a set of values lists a value twice", number, type_col, len(type_text)
                )
                return
            value_positions = self.value_positions(enum_match, items, number, type_col)
            starts = [0] + [cut.end() for cut in _OUTSIDE_QUOTES.finditer(enum_match.group(1))]
            label_segments = [
                (item.group("name"), type_col + 1 + start + item.start("label"), len(text))
                for start, item in zip(starts, items, strict=True)
                if item and (text := item.group("label")) is not None
            ]
            for value, where in zip(values, value_positions, strict=True):
                if value in KEYWORDS:
                    self.error(
                        "E054",
                        f"'{value}' cannot be a set value: it is a word of expressions",
                        number,
                        where.col,
                        where.width,
                        f"in a condition '{value}' keeps its own meaning; name the value "
                        f"otherwise, e.g. '{value}_'",
                    )
        elif type_text:
            self.error(
                "E062",
                f"unknown type '{type_text}'",
                number,
                type_col,
                len(type_text),
                "types are int, bool, a range such as 0..10, or a set such as {summer, winter}",
            )
            return
        init = None
        if match.group("init") is not None:
            init_text = match.group("init")
            if not init_text:
                self.error("E002", "expected an initial value after '='", number, len(line) + 1)
                return
            init = self.expression(init_text, number, match.start("init") + 1)
            if init is None:
                return
        elif not type_name:
            self.error(
                "E001",
                f"variable '{name}' needs a type or an initial value",
                number,
                1,
                len(line),
                f"for example 'var {name}: int = 0'",
            )
            return
        if any(text is not None and not text.strip() for text in (label, *labels)):
            self.error(
                "E001",
                "a label in quotes cannot be empty",
                number,
                1,
                len(line),
                "leave the label out to show the name",
            )
            return
        self.file.variables.append(
            VarDecl(
                name,
                type_name,
                values,
                low,
                high,
                init,
                self.pos(number, 5, len(name)),
                label,
                labels if any(t is not None for t in labels) else [],
                value_positions,
            )
        )
        if label is not None:
            self.segment("var-label", name, number, match.start("label") + 1, len(label))
        for value, col, width in label_segments:
            self.segment("value-label", f"{name}.{value}", number, col, width)

    def value_positions(
        self, enum: re.Match[str], items: list[re.Match[str] | None], number: int, type_col: int
    ) -> list[Position]:
        """Where each value of `{a, b}` (matched by `enum`) is written on line `number`."""
        inner = enum.group(1)
        starts = [0] + [cut.end() for cut in _OUTSIDE_QUOTES.finditer(inner)]
        return [
            self.pos(number, type_col + 1 + start + item.start("name"), len(item.group("name")))
            for start, item in zip(starts, items, strict=True)
            if item
        ]

    # -- headings ------------------------------------------------------------------

    def heading(self, match: re.Match[str], number: int) -> None:
        level, title = len(match.group(1)), match.group(2)
        title_col = match.start(2) + 1
        self.in_meta = self.in_epilogue = False
        if level == 1:
            explicit = _EXPLICIT_ID.search(title)
            chapter_id = slugify(title)
            if explicit:
                chapter_id = explicit.group(1).strip()
                title = title[: explicit.start()].strip()
                if not re.fullmatch(SCENE_ID, chapter_id):
                    self.error(
                        "E013",
                        f"'{chapter_id}' is not a valid chapter id",
                        number,
                        title_col + explicit.start(1),
                        max(1, len(explicit.group(1))),
                        "a chapter id uses letters, digits, '_' and '-'",
                    )
                    chapter_id = f"chapter-{number}"
            if not chapter_id:
                self.error(
                    "E013",
                    "this chapter needs an id",
                    number,
                    title_col,
                    max(1, len(title)),
                    "add one at the end of the heading, e.g. '# The river {#river}'",
                )
                chapter_id = f"chapter-{number}"
            self.file.chapters.append(
                Chapter(chapter_id, title, self.pos(number, title_col, len(title)))
            )
            self.segment("chapter", chapter_id, number, title_col, len(title))
            self.chapter = chapter_id
            self.scene = None
            return
        if level == 2:
            title = without_comment(title)
            if not re.fullmatch(SCENE_ID, title):
                self.error(
                    "E058",
                    f"'{title}' is not a valid scene id",
                    number,
                    title_col,
                    max(1, len(title)),
                    "a scene id uses letters, digits, '_' and '-', e.g. '## at_the_river'; "
                    "give a display title with 'title:' below it",
                )
                title = f"invalid-{number}"
            self.scene = Scene(title, self.pos(number, title_col, len(title)), self.chapter)
            self.file.scenes.append(self.scene)
            self.top, self.gathers = self.scene, 0
            self.in_meta = True
            return
        self.error(
            "E001",
            f"headings go two levels deep, this one has {level}",
            number,
            1,
            level,
            "'#' starts a chapter and '##' a scene",
        )

    # -- weave: choices with bodies, and gathers (weave.py) -------------------------

    def weave_line(self, line: str, number: int) -> None:
        """A scene line, sent to the scene its indent puts it in: the heading's scene, a
        branch of a choice with no target, or a gather."""
        stripped = line.lstrip()
        indent = len(line) - len(stripped)
        if not stripped:  # a paragraph break where the last line was
            top = self.blocks[-1] if self.blocks else None
            if top is not None and top.branch is not None and top.body is not None:
                self.scene_line(top.branch, line, number, top.body)
            else:
                self.scene_line(top.owner if top else self.current(), line, number)
            return
        scene, base = self.context(indent, number)
        top = self.blocks[-1] if self.blocks else None
        at_choices = top is not None and top.indent == indent and top.owner is scene
        if at_choices and _GATHER.match(stripped):
            self.in_meta = False
            self.gather(line, number, indent)
        elif re.match(r"\*\s", stripped) and "->" not in stripped:
            self.in_meta = False  # a choice ends the metadata under a heading
            self.branch_choice(scene, stripped, number, indent)
        else:
            self.scene_line(scene, line, number, base)

    def current(self) -> Scene:
        assert self.scene is not None
        return self.scene

    def context(self, indent: int, number: int) -> tuple[Scene, int]:
        """The scene a line at `indent` belongs to, and the indent of that scene's own lines.
        Blocks the line is outside of are closed."""
        while self.blocks:
            top = self.blocks[-1]
            if indent < top.indent:
                self.close_weave_block()
                continue
            if indent == top.indent or top.branch is None:
                if indent == top.indent:
                    top.branch = None  # a line at the choices' indent ends the body above
                return top.owner, top.indent
            if top.body is None:
                top.body = indent
            elif indent < top.body:
                self.error(
                    "E076",
                    "this line is indented less than the first line of its choice's body",
                    number,
                    1,
                    indent,
                    f"indent it {top.body} spaces like the line above, or "
                    f"{top.indent} to end the body",
                )
            return top.branch, top.body
        return self.current(), 0

    def branch_choice(self, scene: Scene, stripped: str, number: int, indent: int) -> None:
        """`* text` with no target: the lines indented under it are its own scene."""
        count = len(scene.choices)
        self.choice(scene, stripped, number, indent + 1)
        if len(scene.choices) == count:
            return  # reported
        top = self.blocks[-1] if self.blocks else None
        if top is None or top.indent != indent or top.owner is not scene:
            top = weave.Block(indent, scene)
            self.blocks.append(top)
        assert self.top is not None
        choice = scene.choices[-1]
        body = weave.branch(self.top, scene, choice)
        self.file.scenes.append(body)
        if choice.printed is not None and choice.printed.text.strip():
            self.prose(body, choice.printed.text, number, choice.printed.position.col)
        top.branch, top.body = body, None
        top.ends.append(body)
        self.open_choice = None  # indented `~` lines are the branch's, not the choice's

    def gather(self, line: str, number: int, indent: int) -> None:
        """`- text` at the choices' indent: the scene every branch above without a way on
        flows into, and where the lines that follow at this indent go."""
        block = self.blocks.pop()
        assert self.top is not None
        self.gathers += 1
        position = self.pos(number, indent + 1, 1)
        gather = weave.new_scene(self.top, f"{self.top.id}/gather-{self.gathers}", position)
        self.file.scenes.append(gather)
        weave.join(block.ends, gather, position)
        if self.blocks:  # a gather inside a branch: the rest of that body is the gather's
            parent = self.blocks[-1]
            parent.branch = gather
            parent.ends.append(gather)
        else:
            self.scene = gather
        rest = line[indent + 1 :]
        if rest.strip():  # the gather's first line, at its own column
            self.scene_line(gather, " " * (indent + 1) + rest, number, len(line))

    def close_weave_block(self) -> None:
        """End the innermost block without a gather: branches with no way on flow on to
        the enclosing block's gather; at the outermost, they go nowhere (E074)."""
        block = self.blocks.pop()
        if self.blocks:
            self.blocks[-1].ends.extend(block.ends)
            return
        for scene in block.ends:
            if weave.goes_nowhere(scene):
                self.error(
                    "E074",
                    f"the choice's branch '{scene.id}' goes nowhere",
                    scene.position.line,
                    scene.position.col,
                    scene.position.width,
                    "end its body with '-> scene', give it choices, or add a gather line "
                    "'- …' after the choices for it to flow into",
                )

    def close_weave(self) -> None:
        while self.blocks:
            self.close_weave_block()

    # -- scene lines ---------------------------------------------------------------

    def scene_line(self, scene: Scene, line: str, number: int, base: int = 0) -> None:
        """One line of `scene`, whose own lines start at column `base` + 1 (deeper ones
        belong to the choice or chance above)."""
        stripped = line.lstrip()
        indent = len(line) - len(stripped)
        if not stripped:
            self.in_meta = False
            self.open_media = None
            self.text_target(scene).template += "\n"
            return
        if self.in_meta and self.meta_line(scene, line, stripped, indent, number):
            return
        self.in_meta = False
        if indent > base and self.indented_line(scene, stripped, indent + 1, number):
            return
        if not indent and self.open_chance is not None and _is_chance_line(stripped):
            self.error(
                "E057",
                "this line belongs to the chance block above, but it is not indented",
                number,
                1,
                len(stripped),
                "indent the notes and outcomes of a chance under 'chance:', e.g. '  60% -> scene'",
            )
            self.indented_line(scene, stripped, 1, number)  # read as meant: no more errors
            return
        self.close_blocks()
        if stripped.startswith("~"):
            effect = self.effect(stripped, number, indent + 1)
            if effect:
                if scene.diverts or scene.choices or scene.chance:
                    self.error(
                        "E059",
                        "a scene's effects come before its choices and diverts",
                        number,
                        indent + 1,
                        len(stripped),
                        "indent the line under a choice to make it that choice's effect",
                    )
                scene.effects.append(effect)
        elif stripped.startswith("* ") or stripped == "*":
            self.choice(scene, stripped, number, indent + 1)
        elif stripped.startswith("->"):
            self.divert(scene, stripped, number, indent + 1)
        elif re.match(r"^chance:(\s|$)", stripped):
            self.chance(scene, stripped, number, indent + 1)
        elif without_comment(stripped, valued=False) == "epilogue:":
            if self.in_epilogue or scene.epilogue is not None:
                self.error("E060", "a scene has one epilogue", number, indent + 1, len(stripped))
            scene.epilogue = TextBlock()
            self.in_epilogue = True
        else:
            if scene.diverts or scene.choices or scene.chance:
                self.error(
                    "E059",
                    "text after the scene's choices, chance or diverts",
                    number,
                    indent + 1,
                    len(stripped),
                    "put the scene's text before its choices, chance and diverts",
                )
                return
            inline = _INLINE_DIVERT.match(stripped)
            if inline is None:
                self.prose(scene, stripped, number, indent + 1)
                return
            # `You run. -> harbor`: the text, then a divert.
            self.prose(scene, inline.group("text"), number, indent + 1)
            arrow = inline.start("arrow")
            self.divert(scene, stripped[arrow:], number, indent + 1 + arrow)

    def meta_line(self, scene: Scene, line: str, stripped: str, indent: int, number: int) -> bool:
        """Metadata directly under a heading; returns False when the line is not metadata."""
        stripped = without_comment(stripped)
        meta = _META.match(stripped)
        if meta is None:
            return False
        key, value = meta.group(1), (meta.group(2) or "")
        col = indent + (meta.start(2) + 1 if meta.group(2) else len(key) + 2)
        located = Located(value, self.pos(number, col, len(value)))
        if indent:
            if self.open_media is None or key not in MEDIA_KEYS:
                self.error(
                    "E013",
                    f"unexpected indented '{key}:'",
                    number,
                    indent + 1,
                    len(key),
                    "alt:, caption: and credit: go indented under an image: or audio: line",
                )
            elif not value:
                self.error("E013", f"'{key}:' needs a value", number, indent + 1, len(key) + 1)
            elif getattr(self.open_media, key) is not None:
                self.error(
                    "E060", f"'{key}' is given twice for this media", number, indent + 1, len(key)
                )
            else:
                setattr(self.open_media, key, located)
                media = f"{scene.id}.media{len(scene.media)}"
                self.segment(key, media, number, located.position.col, len(value))
            return True
        self.open_media = None
        if key not in SCENE_KEYS:
            if key in ("chance", "epilogue"):
                return False
            self.error(
                "E013",
                f"unknown scene metadata '{key}'",
                number,
                1,
                len(key),
                _hint_key(key, SCENE_KEYS)
                or "separate the scene's text from its metadata with a blank line",
            )
            return True
        if not value:
            self.error("E013", f"'{key}:' needs a value", number, 1, len(key) + 1)
            return True
        if key in ("image", "audio"):
            self.open_media = Media(key, value, position=located.position)
            scene.media.append(self.open_media)
        elif key in scene.meta:
            self.error("E060", f"'{key}' is given twice for this scene", number, 1, len(key))
        else:
            scene.meta[key] = located
            if key == "title":
                self.segment("title", scene.id, number, col, len(value))
        return True

    def indented_line(self, scene: Scene, stripped: str, col: int, number: int) -> bool:
        """Lines that belong to the choice or chance block above; False if they are prose."""
        if self.open_choice is not None and stripped.startswith("~"):
            effect = self.effect(stripped, number, col)
            if effect:
                self.open_choice.effects.append(effect)
            return True
        chance = self.open_chance
        if chance is None:
            if stripped.startswith("~"):
                self.error(
                    "E059",
                    "this indented effect belongs to nothing",
                    number,
                    col,
                    len(stripped),
                    "scene effects start at the beginning of the line; choice effects go under a choice",
                )
                return True
            return False
        keyword = re.match(r"(assumption|basis|background):", stripped)
        if keyword:
            self.chance_note(chance, keyword.group(1), stripped, number, col)
            return True
        if stripped.startswith("~"):
            effect = self.effect(stripped, number, col)
            if effect and chance.outcomes:
                chance.outcomes[-1].effects.append(effect)
            elif effect:
                self.error(
                    "E059",
                    "an effect in a chance block goes under an outcome",
                    number,
                    col,
                    len(stripped),
                )
            return True
        outcome = _OUTCOME.match(without_comment(stripped))
        if outcome is None:
            self.error(
                "E001",
                "expected a chance outcome such as '60% -> scene' or '3 -> scene'",
                number,
                col,
                len(stripped),
            )
            return True
        target = outcome.group("target")
        chance.outcomes.append(
            Outcome(
                outcome.group("weight"),
                target,
                self.pos(number, col + outcome.start("target"), len(target)),
                [],
                self.pos(number, col, len(outcome.group("weight"))),
            )
        )
        return True

    def chance_note(self, chance: Chance, key: str, stripped: str, number: int, col: int) -> None:
        """`assumption:`, `basis:` (prose that may cite) or `background:` (citations only)."""
        text = stripped[len(key) + 1 :].strip()
        text_col = col + len(stripped) - len(text)
        if not text:
            hint = {
                "assumption": "say how the number was chosen",
                "basis": "say how the cited sources give the numbers",
                "background": "list sources that give context, e.g. 'background: [^a] [^b]'",
            }[key]
            self.error("E068", f"the {key} is empty", number, col, len(stripped), hint)
            if key == "assumption" and chance.assumption is None:  # no E010 as well
                chance.assumption = Note("", self.pos(number, col, len(key)), TextBlock())
            return
        if key == "background":
            text = without_comment(text)
            if chance.background_position is not None:
                self.error("E060", "a chance has one background line", number, col, len(key))
                return
            block = TextBlock()
            self.scan_text(block, text, number, text_col)
            if _PLACEHOLDER.sub("", block.template).strip() or block.interpolations:
                self.error(
                    "E001",
                    "only citations may follow 'background:'",
                    number,
                    text_col,
                    len(text),
                    "write 'background: [^a] [^b]'; explain in the assumption",
                )
            chance.background = block.citations
            chance.background_position = self.pos(number, col, len(key))
            return
        if getattr(chance, key) is not None:
            self.error("E060", f"a chance has one {key} note", number, col, len(stripped))
            return
        block = TextBlock()
        self.scan_text(block, text, number, text_col)
        if block.interpolations or block.conditionals:
            self.error(
                "E061",
                f"the {key} note cannot show values or conditional text",
                number,
                text_col,
                len(text),
                "write the numbers out; only citations such as [^source] may be used",
            )
            block.template = re.sub("[\ue000\ue004][0-9]+[\ue001\ue005]", "", block.template)
            block.interpolations, block.conditionals = [], []
        setattr(chance, key, Note(text, self.pos(number, text_col, len(text)), block))
        assert self.scene is not None
        self.segment(key, self.scene.id, number, text_col, len(text))

    def effect(self, stripped: str, number: int, col: int) -> Effect | None:
        stripped = without_comment(stripped)
        match = _EFFECT.match(stripped)
        if match is None:
            self.error(
                "E001",
                "malformed effect",
                number,
                col,
                len(stripped),
                "write '~ name = value', '~ name += value' or '~ name -= value'",
            )
            return None
        name = match.group("name")
        if not re.fullmatch(IDENT, name):
            self.error(
                "E058",
                f"'{name}' is not a variable name",
                number,
                col + match.start("name"),
                len(name),
            )
            return None
        value = self.expression(match.group("expr"), number, col + match.start("expr"))
        if value is None:
            return None
        return Effect(
            name, match.group("op"), value, self.pos(number, col + match.start("name"), len(name))
        )

    def target(
        self, text: str, number: int, col: int
    ) -> tuple[str, Position, ExprSource | None] | None:
        """`target [if condition]` written at column `col`."""
        match = _TARGET.match(without_comment(text))
        if match is None:
            self.error("E001", "expected a scene after '->'", number, col, 1)
            return None
        target = match.group("target")
        target_pos = self.pos(number, col + match.start("target"), len(target))
        if target == "if":
            self.error(
                "E001",
                "expected a scene after '->'",
                number,
                target_pos.col,
                2,
                "a condition is written '-> scene if condition'",
            )
            return None
        if not re.fullmatch(SCENE_ID, target):
            self.error(
                "E058", f"'{target}' is not a valid scene id", number, target_pos.col, len(target)
            )
            return None
        rest = match.group("rest")
        if not rest:
            return target, target_pos, None
        rest_col = col + match.start("rest")
        keyword = re.match(r"if\b\s*", rest)
        if keyword is None:
            word = rest.split()[0]
            self.error(
                "E001",
                f"unexpected '{word}' after the scene",
                number,
                rest_col,
                len(word),
                "a condition is written '-> scene if condition'",
            )
            return None
        if keyword.end() == len(rest):
            self.error("E002", "expected a condition after 'if'", number, rest_col + len(rest))
            return None
        condition = self.expression(rest[keyword.end() :], number, rest_col + keyword.end())
        return None if condition is None else (target, target_pos, condition)

    def choice(self, scene: Scene, stripped: str, number: int, col: int) -> None:
        # No '->': a weave branch (weave.py), whose target the caller sets.
        stripped = choice_without_comment(stripped)
        arrow = stripped.rfind("->")
        calls = list(_TUNNEL.finditer(stripped))
        tunnel = calls[-1] if calls else None  # the last `-> shared ->` is the tunnel call
        if tunnel is not None:
            arrow = tunnel.start()
        text = stripped[2 : arrow if arrow >= 0 else len(stripped)].rstrip()
        explicit_id = None
        once = False
        # Attributes at the end of the text, in any order: `{#id}` and `{once}`.
        while attribute := _CHOICE_ATTRIBUTE.search(text):
            if attribute.group("once"):
                once = True
            else:
                explicit_id = attribute.group("id").strip()
                if not re.fullmatch(SCENE_ID, explicit_id):
                    self.error(
                        "E058",
                        f"'{explicit_id}' is not a valid choice id",
                        number,
                        col + 2 + attribute.start("id"),
                        max(1, len(attribute.group("id"))),
                    )
                    explicit_id = None
            text = text[: attribute.start()].rstrip()
        # `* -> scene`: a fallback, taken when no other choice is offered.
        fallback = arrow >= 0 and not stripped[2:arrow].strip()
        if not text.strip() and not fallback:
            self.error(
                "E001",
                "the choice has no text",
                number,
                col,
                arrow + 2,
                "a fallback choice is '* -> scene', with no id and no {once}",
            )
            return
        after: Located | None = None
        parsed: tuple[str, Position, ExprSource | None] | None
        if tunnel is not None:
            called = self.tunnel_call(stripped, tunnel, number, col)
            if called is None:
                return
            shared, (after, condition) = called
            parsed = (shared.text, shared.position, condition)
        elif arrow < 0:
            parsed = ("", self.pos(number, col, len(stripped)), None)
        else:
            parsed = self.target(stripped[arrow + 2 :], number, col + arrow + 2)
        if parsed is None:
            return
        block = TextBlock()
        shown, printed = _shown_and_printed(text)
        self.scan_text(block, shown, number, col + 2)
        choice = Choice(
            block,
            parsed[0],
            parsed[1],
            parsed[2],
            explicit_id,
            [],
            self.pos(number, col, len(stripped)),
            once,
            fallback,
            after,
        )
        if text.strip():
            choice.text_position = self.pos(number, col + 2, len(text))
        scene.choices.append(choice)
        self.open_choice = choice
        if printed is not None:
            choice.printed = Located(printed, self.pos(number, col + 2, len(text)))
            if arrow >= 0 and printed.strip():
                self.printed_scene(scene, choice, number)

    def printed_scene(self, scene: Scene, choice: Choice, number: int) -> None:
        """`* "Wait[."]," I said. -> door`: the choice leads to a scene of its own (as a weave
        branch is named) that prints its text and goes on to the target."""
        assert self.top is not None and choice.printed is not None
        target = Divert(
            choice.target, choice.target_position, None, choice.position, tunnel=choice.tunnel
        )
        said = weave.branch(self.top, scene, choice)
        choice.tunnel = None
        self.prose(said, choice.printed.text, number, choice.printed.position.col, words=False)
        said.diverts.append(target)
        self.file.scenes.append(said)

    def divert(self, scene: Scene, stripped: str, number: int, col: int) -> None:
        position = self.pos(number, col, len(stripped))
        if _RETURN.match(stripped):  # `->->`: back from a tunnel (tunnels.py)
            rest = stripped[4:]
            condition = None
            if rest.strip():
                keyword = re.match(r"\s*if\s+", rest)
                if keyword is None:
                    self.error(
                        "E001",
                        "unexpected text after '->->'",
                        number,
                        col + 4 + len(rest) - len(rest.lstrip()),
                        len(rest.strip()),
                        "a return is '->->', or '->-> if condition'",
                    )
                    return
                condition = self.expression(rest[keyword.end() :], number, col + 4 + keyword.end())
                if condition is None:
                    return
            scene.diverts.append(Divert(RETURN, position, condition, position))
            return
        tunnel = _TUNNEL.match(stripped)
        if tunnel is None:
            parsed = self.target(stripped[2:], number, col + 2)
            if parsed is not None:
                scene.diverts.append(Divert(parsed[0], parsed[1], parsed[2], position))
            return
        called = self.tunnel_call(stripped, tunnel, number, col)
        if called is not None:
            shared, (after, condition) = called
            scene.diverts.append(
                Divert(shared.text, shared.position, condition, position, tunnel=after)
            )

    def tunnel_call(
        self, text: str, tunnel: re.Match[str], number: int, col: int
    ) -> tuple[Located, tuple[Located, ExprSource | None]] | None:
        """`-> shared -> next [if condition]` (the match of _TUNNEL in `text`, at `col`):
        the tunnel, and where play goes on after it, with the condition."""
        shared = tunnel.group("shared")
        shared_at = self.pos(number, col + tunnel.start("shared"), len(shared))
        if not re.fullmatch(SCENE_ID, shared):
            self.error("E001", f"'{shared}' is not a valid scene id", number, shared_at.col)
            return None
        parsed = self.target(text[tunnel.end() :], number, col + tunnel.end())
        if parsed is None:
            return None
        return Located(shared, shared_at), (Located(parsed[0], parsed[1]), parsed[2])

    def chance(self, scene: Scene, stripped: str, number: int, col: int) -> None:
        rest = without_comment(stripped, valued=False)[len("chance:") :]
        rest_col = col + len("chance:")
        block = TextBlock()
        self.scan_text(block, rest, number, rest_col)
        leftover = _PLACEHOLDER.sub("", block.template).strip()
        if leftover or block.interpolations:
            self.error(
                "E001",
                "only citations may follow 'chance:'",
                number,
                rest_col,
                len(rest),
                "put the outcomes on indented lines below, e.g. '  60% -> scene'",
            )
        if scene.chance is not None:
            self.error("E060", "a scene has at most one chance block", number, col, len("chance:"))
            return
        scene.chance = Chance(block.citations, None, [], self.pos(number, col, len("chance:")))
        self.open_chance = scene.chance

    def text_target(self, scene: Scene) -> TextBlock:
        if self.in_epilogue and scene.epilogue is not None:
            return scene.epilogue
        return scene.text

    def prose(self, scene: Scene, stripped: str, number: int, col: int, words: bool = True) -> None:
        """A line of the scene's text (or epilogue); `words` is False for text that is
        recorded for translation elsewhere (a choice's printed words)."""
        block = self.text_target(scene)
        if words:
            kind = "epilogue" if block is scene.epilogue else "prose"
            self.segment(kind, scene.id, number, col, len(stripped))
        self.scan_text(block, stripped, number, col)
        block.template += "\n"

    def scan_text(self, block: TextBlock, text: str, number: int, col: int) -> None:
        """Append `text` to the block's template, replacing `{expr}` and `[^key]`."""
        out: list[str] = []
        for kind, start, body in _text_pieces(text):
            if kind == "text":
                out.append(_PRIVATE.sub("\ufffd", body))
            elif kind == "unclosed":
                self.error(
                    "E002",
                    "'{' is not closed",
                    number,
                    col + start,
                    1,
                    "write '\\{' for a literal brace",
                )
                out.append(_PRIVATE.sub("\ufffd", body))
            elif kind == "interp" and self.text_depth >= MAX_DEPTH and _NESTED.match(body):
                self.error(
                    "E050",
                    f"conditional text and variations nest more than {MAX_DEPTH} levels deep",
                    number,
                    col + start,
                    1,
                    "split the text into scenes, or test several conditions in one '{if …}'",
                )
            elif kind == "interp" and body.strip() == "once":
                self.error(
                    "E071",
                    "'{once}' marks a choice, at the end of its text",
                    number,
                    col + start,
                    len(body) + 2,
                    "write '* Ask about the boat {once} -> harbor'; "
                    "for text shown once, write '{once: text}'",
                )
            elif kind == "interp" and _VARIATION.match(body):
                variation = self.variation(body, number, col + start + 1, len(block.conditionals))
                block.conditionals.append(variation)
                out.append(f"{COND_OPEN}{variation.placeholder}{COND_CLOSE}")
            elif kind == "interp" and _CONDITIONAL.match(body):
                conditional = self.conditional(
                    body, number, col + start + 1, len(block.conditionals)
                )
                if conditional is not None:
                    block.conditionals.append(conditional)
                    out.append(f"{COND_OPEN}{conditional.placeholder}{COND_CLOSE}")
            elif kind == "interp":
                shown = _AS_FORMAT.match(body)
                fmt = None
                if shown:
                    name = shown.group("format")
                    if not name:
                        self.error(
                            "E002",
                            "expected a format after 'as'",
                            number,
                            col + start + 1 + shown.end("as"),
                            1,
                            "write '{n as number}', '{n as words}' or '{n as USD}'",
                        )
                        continue
                    fmt = Located(
                        name, self.pos(number, col + start + 1 + shown.start("format"), len(name))
                    )
                    body = shown.group("expr")
                expr = self.expression(body, number, col + start + 1)
                if expr is None:
                    continue
                index = len(block.interpolations)
                block.interpolations.append(Interpolation(expr, index, fmt))
                out.append(f"{INTERP_OPEN}{index}{INTERP_CLOSE}")
            else:  # citation
                if not re.fullmatch(SOURCE_KEY, body):
                    self.error(
                        "E058",
                        f"'{body}' is not a valid source key",
                        number,
                        col + start + 2,
                        max(1, len(body)),
                        "source keys use letters, digits, '.', '_' and '-'",
                    )
                    continue
                index = len(block.citations)
                block.citations.append(Citation(body, self.pos(number, col + start, len(body) + 3)))
                out.append(f"{CITE_OPEN}{index}{CITE_CLOSE}")
        block.template += "".join(out)

    def nested_text(self, block: TextBlock, text: str, number: int, col: int) -> None:
        """Scan a branch of `{if …}` or a part of a variation, one level deeper."""
        self.text_depth += 1
        try:
            stripped = text.strip()
            self.scan_text(block, stripped, number, col + len(text) - len(text.lstrip()))
        finally:
            self.text_depth -= 1

    def variation(self, body: str, number: int, col: int, index: int) -> Variation:
        """`once: a | b`, `seq: …` or `cycle: …`, the inside of braces starting at `col`."""
        head = _VARIATION.match(body)
        assert head is not None
        parts: list[TextBlock] = []
        for offset, text in _split_branches(body, head.end()):
            block = TextBlock()
            self.nested_text(block, text, number, col + offset)
            parts.append(block)
        position = self.pos(number, col, len(head.group(1)))
        return Variation(head.group(1), parts, index, position)

    def conditional(self, body: str, number: int, col: int, index: int) -> Conditional | None:
        """`if condition: text | other text`, the inside of braces starting at `col`."""
        head = _CONDITIONAL.match(body)
        assert head is not None
        colon = body.find(":")  # expressions never contain ':'
        if colon < 0:
            self.error(
                "E002",
                "conditional text needs ':' after its condition",
                number,
                col,
                len(body),
                "write '{if condition: text}' or '{if condition: text | other text}'",
            )
            return None
        condition = self.expression(body[head.end() : colon], number, col + head.end())
        if condition is None:
            return None
        branches = _split_branches(body, colon + 1)
        if len(branches) > 2:
            self.error(
                "E002",
                "conditional text has at most two branches",
                number,
                col + branches[2][0] - 1,
                1,
                "write '\\|' for a literal '|'",
            )
            return None
        blocks: list[TextBlock] = []
        for offset, text in branches:
            block = TextBlock()
            self.nested_text(block, text, number, col + offset)
            blocks.append(block)
        otherwise = blocks[1] if len(blocks) == 2 else None
        return Conditional(condition, blocks[0], otherwise, index)


# A backslash with the character it escapes (if any), or one of the characters that matter
# for nesting: scanning by regex skips the plain text between them at C speed.
_NESTING = re.compile(r"\\.?|[{}|]", re.S)


def _unescaped(text: str, start: int) -> Iterator[tuple[int, str, int]]:
    """(index, character, brace depth after it) for each unescaped '{', '}' or '|'."""
    depth = 0
    for match in _NESTING.finditer(text, start):
        char = match.group()
        if char[0] == "\\":
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        yield match.start(), char, depth


def _matching_brace(text: str, i: int) -> int:
    """The index of the '}' closing the '{' at `i`, or -1."""
    return next((j for j, char, depth in _unescaped(text, i) if char == "}" and depth == 0), -1)


def _split_branches(body: str, start: int) -> list[tuple[int, str]]:
    """Split `body[start:]` at each '|' outside nested braces: (offset, text) pairs."""
    cuts = [i for i, char, depth in _unescaped(body, start) if char == "|" and depth == 0]
    begins = [start] + [cut + 1 for cut in cuts]
    ends = [*cuts, len(body)]
    return [(begin, body[begin:end]) for begin, end in zip(begins, ends, strict=True)]


_SPECIAL = re.compile(r"\\.|\{|\[\^", re.S)


def _text_pieces(text: str) -> Iterator[tuple[str, int, str]]:
    """Split prose into ("text" | "interp" | "cite" | "unclosed", offset, body) pieces."""
    start = pos = 0
    while match := _SPECIAL.search(text, pos):
        i = match.start()
        if match.group().startswith("\\"):  # an escaped character is plain text
            pos = match.end()
            continue
        if match.group() == "{":
            close = _matching_brace(text, i)
            if i > start:
                yield "text", start, text[start:i]
            if close < 0:
                yield "unclosed", i, text[i:].replace("{", "\\{")
                return
            yield "interp", i, text[i + 1 : close]
            pos = start = close + 1
            continue
        close = text.find("]", i)
        if close < 0:  # '[^' with no ']' is plain text
            pos = i + 1
            continue
        if i > start:
            yield "text", start, text[start:i]
        yield "cite", i, text[i + 2 : close]
        pos = start = close + 1
    if start < len(text):
        yield "text", start, text[start:]


def _is_chance_line(stripped: str) -> bool:
    """A note or an outcome of a chance block (`assumption: …`, `60% -> scene`)."""
    return bool(
        re.match(r"(assumption|basis|background):", stripped)
        or _OUTCOME.match(without_comment(stripped))
    )


def _shown_and_printed(text: str) -> tuple[str, str | None]:
    """A choice's text as offered, and as printed once taken (None: no `[ ]`, the same):
    `"Wait[."]," I said.` offers `"Wait."` and prints `"Wait," I said.`"""
    bracket = _SHOWN_ONLY.search(text)
    if bracket is None:
        return text, None
    before, after = text[: bracket.start()], text[bracket.end() :]
    return before + bracket.group("inside"), (before + after).strip()


def _hint_key(key: str, known: tuple[str, ...]) -> str | None:
    from .diagnostics import did_you_mean

    return did_you_mean(key, known)


def parse_file(source: SourceFile) -> tuple[StoryFile, list[Diagnostic]]:
    """Parse one story file. Never raises on bad input: problems become diagnostics."""
    parser = _FileParser(source)
    story_file = parser.parse()
    return story_file, parser.diagnostics
