"""The syntax tree: what the parser reads from story files, before names are resolved.

Every element keeps the Position it came from, so the checker can point at it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .diagnostics import Position
from .expressions import Expr


@dataclass(slots=True)
class Located:
    """A piece of source text and where it starts."""

    text: str
    position: Position


@dataclass(slots=True)
class ExprSource:
    """An expression as written, parsed, with the position of its first character."""

    expr: Expr
    text: str
    position: Position  # of the expression's first character

    def at(self, offset: int, width: int) -> Position:
        """The position of a sub-expression, for diagnostics."""
        p = self.position
        return Position(p.path, p.line, p.col + offset, max(1, width))


@dataclass(slots=True)
class Interpolation:
    expr: ExprSource
    placeholder: int  # index within its TextBlock
    format: Located | None = None  # `{expr as FORMAT}`


@dataclass(slots=True)
class Citation:
    key: str
    position: Position


@dataclass(slots=True)
class Conditional:
    """`{if condition: text | other text}`: text shown only when the condition holds."""

    condition: ExprSource
    then: TextBlock
    otherwise: TextBlock | None
    placeholder: int  # index within its TextBlock


@dataclass(slots=True)
class Variation:
    """`{once: a | b}`, `{seq: a | b}` or `{cycle: a | b}`: text that changes each time it
    is shown."""

    kind: str  # "once", "seq" or "cycle"
    parts: list[TextBlock]
    placeholder: int  # index within its TextBlock (shared with conditional text)
    position: Position  # of the keyword


@dataclass(slots=True)
class TextBlock:
    """Markdown-subset text. `{expr}`, `{if …}` and `[^source]` are replaced by private-use
    placeholders in `template` so that Markdown never sees them."""

    template: str = ""
    interpolations: list[Interpolation] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    conditionals: list[Conditional | Variation] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.template.strip()


@dataclass(slots=True)
class VarDecl:
    name: str
    type_name: str  # "int", "bool" or "enum"
    values: list[str]  # the enum's values
    low: int | None  # declared range of an int, if any
    high: int | None
    initial: ExprSource | None
    position: Position
    label: str | None = None  # shown for the variable (the reader's sheet)
    labels: list[str | None] = field(default_factory=list)  # per enum value, if any has one
    value_positions: list[Position] = field(default_factory=list)  # per enum value


@dataclass(slots=True)
class Effect:
    name: str
    op: str  # "=", "+=" or "-="
    value: ExprSource
    position: Position  # of the variable name


@dataclass(slots=True)
class Choice:
    text: TextBlock
    target: str
    target_position: Position
    condition: ExprSource | None
    explicit_id: str | None
    effects: list[Effect]
    position: Position
    once: bool = False  # `{once}`: offered only until taken
    fallback: bool = False  # `* -> scene`: no text; taken when no other choice is offered
    tunnel: Located | None = None  # `-> shared -> next`: where play goes on after `shared`
    printed: Located | None = None  # Ink's `[ ]`: the text printed once the choice is taken
    text_position: Position | None = None  # the choice's words as written, `[ ]` included


@dataclass(slots=True)
class Divert:
    target: str
    target_position: Position
    condition: ExprSource | None
    position: Position
    tunnel: Located | None = None  # `-> shared -> next`: where play goes on after `shared`


@dataclass(slots=True)
class Outcome:
    weight_text: str  # "70%", "12.5%" or "3"
    target: str
    target_position: Position
    effects: list[Effect]
    position: Position


@dataclass(slots=True)
class Note:
    """A chance's `assumption:` or `basis:` line: prose that may cite sources."""

    text: str
    position: Position
    block: TextBlock


@dataclass(slots=True)
class Chance:
    citations: list[Citation]  # after `chance:`: the sources that give the numbers
    assumption: Note | None  # an estimate, explained
    outcomes: list[Outcome]
    position: Position
    basis: Note | None = None  # how the cited sources give the numbers
    background: list[Citation] = field(default_factory=list)  # context for an estimate
    background_position: Position | None = None


@dataclass(slots=True)
class Media:
    kind: str  # "image" or "audio"
    src: str
    alt: Located | None = None
    caption: Located | None = None
    credit: Located | None = None
    position: Position | None = None


@dataclass(slots=True)
class Scene:
    id: str
    position: Position
    chapter: str | None
    meta: dict[str, Located] = field(default_factory=dict)
    media: list[Media] = field(default_factory=list)
    effects: list[Effect] = field(default_factory=list)
    text: TextBlock = field(default_factory=TextBlock)
    epilogue: TextBlock | None = None
    diverts: list[Divert] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)
    chance: Chance | None = None


@dataclass(slots=True)
class Chapter:
    id: str
    title: str
    position: Position


@dataclass(frozen=True, slots=True)
class Segment:
    """Where reader-visible words are written, so that a translation can replace exactly
    them (crossing/story/translation). Choices' words are on `Choice.text_position`."""

    kind: str  # "chapter", "story-title", "var-label", "value-label", "title", "prose",
    # "epilogue", "assumption", "basis", "alt", "caption" or "credit"
    owner: str  # the scene, chapter or variable (`var` or `var.value`) the words belong to
    position: Position  # first character and width, on one line


@dataclass(slots=True)
class StoryFile:
    path: str
    header: dict[str, Located] = field(default_factory=dict)
    includes: list[Located] = field(default_factory=list)
    variables: list[VarDecl] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    scenes: list[Scene] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
