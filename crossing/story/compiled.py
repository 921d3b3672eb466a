"""The compiled story: what the runtimes play, and its JSON form (docs/compiled-format.md).

Scenes refer to each other by index; expressions are small JSON trees; text is HTML,
with interpolations left as expression parts. Both runtimes (Python here, the browser
player later) read exactly this.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .numbers import Affixes, Numbers
from .validation import FORMAT, Invalid, check, is_int

# Version 2 adds number formats and variations, which a version-1 runtime would misread: a
# story that uses neither is still written as version 1, so older runtimes keep playing it.
# Version 3 adds the operators /, %, min and max (validation.BINARY), and compiler-made
# ("internal") variables: a story that uses none of them is written as before.
FORMAT_VERSION = 3
V3_OPS = frozenset({"/", "%", "min", "max"})

# An expression: an int or bool literal, ["var", index], [op, operand] or [op, left, right].
JsonExpr = Any


class CompiledFormatError(Exception):
    """A compiled story that cannot be read: one line, "the compiled story is not valid:
    <where>: <what>" (docs/compiled-format.md, "Validity")."""


@dataclass(frozen=True, slots=True)
class Variable:
    name: str
    type: str  # "int", "bool" or "enum"
    initial: int | bool  # an enum's initial value is the index of its value
    values: tuple[str, ...] = ()
    low: int | None = None
    high: int | None = None
    label: str | None = None  # plain text, for showing the variable (e.g. "Cash, in US dollars")
    labels: tuple[str, ...] = ()  # an enum's display text per value (plain text), if any
    internal: bool = False  # made by the compiler (visit counts, once-only choices): never shown


@dataclass(frozen=True, slots=True)
class Interpolation:
    expr: JsonExpr
    type: str  # how to show the value: "int", "bool" or "enum"
    values: tuple[str, ...] = ()  # an enum's values as text shows them (labels, as HTML)
    format: str | None = None  # an int's number format: "number", "words" or a currency code


@dataclass(frozen=True, slots=True)
class Conditional:
    """Text shown when `condition` holds, else `otherwise` (which may be None: nothing)."""

    condition: JsonExpr
    then: Text
    otherwise: Text | None


@dataclass(frozen=True, slots=True)
class Variation:
    """`{once: …}`, `{seq: …}` or `{cycle: …}`: one of `parts`, chosen by how many times this
    site (an index into CompiledStory.sites) has been shown in this play."""

    kind: str  # "once", "seq" or "cycle"
    parts: tuple[Text, ...]
    site: int


# Text is static HTML, or a sequence of HTML strings, interpolations, conditional text and
# variations.
Part = str | Interpolation | Conditional | Variation
Text = str | tuple[Part, ...]


@dataclass(frozen=True, slots=True)
class Effect:
    var: int
    expr: JsonExpr


@dataclass(frozen=True, slots=True)
class Choice:
    id: str
    text: Text
    target: int
    condition: JsonExpr | None
    effects: tuple[Effect, ...]


@dataclass(frozen=True, slots=True)
class Divert:
    target: int
    condition: JsonExpr | None


@dataclass(frozen=True, slots=True)
class Outcome:
    weight: int
    target: int
    effects: tuple[Effect, ...]


@dataclass(frozen=True, slots=True)
class Chance:
    outcomes: tuple[Outcome, ...]
    total: int
    sources: tuple[str, ...]  # a record chance's sources (none for an estimate)
    note: str | None  # the basis or assumption text, as inline HTML with citations
    basis: str = "record"  # "record": the sources give the numbers; "estimate": an assumption
    background: tuple[str, ...] = ()  # an estimate's context sources (none for a record)


@dataclass(frozen=True, slots=True)
class Ending:
    kind: str
    epilogue: Text | None


@dataclass(frozen=True, slots=True)
class Media:
    kind: str
    src: str
    alt: str | None
    caption: str | None  # HTML
    credit: str | None  # HTML


@dataclass(frozen=True, slots=True)
class Scene:
    id: str
    chapter: int | None
    title: str | None
    place: str | None
    date: str | None
    era: str | None
    tags: tuple[str, ...]
    media: tuple[Media, ...]
    effects: tuple[Effect, ...]
    text: Text
    sources: tuple[str, ...]
    diverts: tuple[Divert, ...]
    choices: tuple[Choice, ...]
    chance: Chance | None
    ending: Ending | None


@dataclass(frozen=True, slots=True)
class Chapter:
    id: str
    title: str
    start: int


@dataclass(frozen=True, slots=True)
class Source:
    key: str
    title: str
    author: str
    date: str | None
    url: str | None
    confidence: str
    note: str | None


@dataclass(frozen=True, slots=True)
class Place:
    key: str
    name: str
    lat: float | None
    lon: float | None
    country: str | None


@dataclass(frozen=True, slots=True)
class CompiledStory:
    id: str
    title: str
    version: str
    language: str
    start: int
    ending_kinds: tuple[str, ...]
    variables: tuple[Variable, ...]
    chapters: tuple[Chapter, ...]
    scenes: tuple[Scene, ...]
    sources: tuple[Source, ...]
    places: tuple[Place, ...]
    numbers: Numbers | None = None  # locale data for number formats, if the text uses any
    sites: tuple[str, ...] = ()  # each variation's stable key ("scene_id:ordinal"), for saves

    @property
    def format_version(self) -> int:
        if _uses_version_3(self):
            return 3
        return 2 if self.numbers is not None or self.sites else 1

    def scene_index(self) -> dict[str, int]:
        return {scene.id: i for i, scene in enumerate(self.scenes)}

    @property
    def hash(self) -> str:
        """A fingerprint of everything the story plays."""
        return _fingerprint(_story_body(self))

    def to_json(self) -> dict[str, Any]:
        body = _story_body(self)
        return {
            "format": FORMAT,
            "format_version": self.format_version,
            "hash": _fingerprint(body),
            **body,
        }


def _expressions(story: CompiledStory) -> Iterator[JsonExpr]:
    """Every expression of the story, texts' included (top-level ones only)."""

    def in_text(text: Text | None) -> Iterator[JsonExpr]:
        if text is None or isinstance(text, str):
            return
        for part in text:
            if isinstance(part, Interpolation):
                yield part.expr
            elif isinstance(part, Conditional):
                yield part.condition
                yield from in_text(part.then)
                yield from in_text(part.otherwise)
            elif isinstance(part, Variation):
                for inner in part.parts:
                    yield from in_text(inner)

    for scene in story.scenes:
        effects = list(scene.effects)
        yield from in_text(scene.text)
        yield from in_text(scene.ending.epilogue if scene.ending else None)
        yield from (d.condition for d in scene.diverts)
        for choice in scene.choices:
            yield choice.condition
            yield from in_text(choice.text)
            effects += choice.effects
        for outcome in scene.chance.outcomes if scene.chance else ():
            effects += outcome.effects
        yield from (e.expr for e in effects)


def _has_op(expr: JsonExpr, ops: frozenset[str]) -> bool:
    if not isinstance(expr, list) or not expr:
        return False
    return expr[0] in ops or any(_has_op(arg, ops) for arg in expr[1:])


def uses_operators(story: CompiledStory, ops: frozenset[str]) -> bool:
    """Whether any expression of the story uses one of `ops`."""
    return any(_has_op(expr, ops) for expr in _expressions(story))


def _uses_version_3(story: CompiledStory) -> bool:
    return any(v.internal for v in story.variables) or uses_operators(story, V3_OPS)


def _fingerprint(body: dict[str, Any]) -> str:
    text = json.dumps(body, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


# -- to JSON ---------------------------------------------------------------------------


def _omit_none(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None and v != [] and v != ()}


def _text_json(text: Text) -> Any:
    if isinstance(text, str):
        return text
    return [_part_json(part) for part in text]


def _part_json(part: Part) -> Any:
    if isinstance(part, str):
        return part
    if isinstance(part, Interpolation):
        return _interp_json(part)
    if isinstance(part, Variation):
        return {"vary": part.kind, "parts": [_text_json(t) for t in part.parts], "site": part.site}
    data = {"if": part.condition, "then": _text_json(part.then)}
    if part.otherwise is not None:
        data["else"] = _text_json(part.otherwise)
    return data


def _interp_json(part: Interpolation) -> dict[str, Any]:
    return _omit_none(
        {"expr": part.expr, "type": part.type, "values": list(part.values), "format": part.format}
    )


def _effects_json(effects: tuple[Effect, ...]) -> list[list[Any]]:
    return [[e.var, e.expr] for e in effects]


def _scene_json(scene: Scene) -> dict[str, Any]:
    chance = None
    if scene.chance is not None:
        chance = _omit_none(
            {
                "outcomes": [
                    _omit_none(
                        {
                            "weight": o.weight,
                            "target": o.target,
                            "effects": _effects_json(o.effects),
                        }
                    )
                    for o in scene.chance.outcomes
                ],
                "total": scene.chance.total,
                "basis": scene.chance.basis,
                "sources": list(scene.chance.sources),
                "background": list(scene.chance.background),
                "note": scene.chance.note,
            }
        )
    ending = None
    if scene.ending is not None:
        ending = _omit_none(
            {
                "kind": scene.ending.kind,
                "epilogue": None
                if scene.ending.epilogue is None
                else _text_json(scene.ending.epilogue),
            }
        )
    return _omit_none(
        {
            "id": scene.id,
            "chapter": scene.chapter,
            "title": scene.title,
            "place": scene.place,
            "date": scene.date,
            "era": scene.era,
            "tags": list(scene.tags),
            "media": [
                _omit_none(
                    {
                        "kind": m.kind,
                        "src": m.src,
                        "alt": m.alt,
                        "caption": m.caption,
                        "credit": m.credit,
                    }
                )
                for m in scene.media
            ],
            "effects": _effects_json(scene.effects),
            "text": _text_json(scene.text),
            "sources": list(scene.sources),
            "diverts": [_omit_none({"target": d.target, "if": d.condition}) for d in scene.diverts],
            "choices": [
                _omit_none(
                    {
                        "id": c.id,
                        "text": _text_json(c.text),
                        "target": c.target,
                        "if": c.condition,
                        "effects": _effects_json(c.effects),
                    }
                )
                for c in scene.choices
            ],
            "chance": chance,
            "ending": ending,
        }
    )


def _story_body(story: CompiledStory) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": story.id,
        "title": story.title,
        "version": story.version,
        "language": story.language,
        "start": story.start,
        "ending_kinds": list(story.ending_kinds),
        "variables": [
            _omit_none(
                {
                    "name": v.name,
                    "type": v.type,
                    "initial": v.initial,
                    "values": list(v.values),
                    "low": v.low,
                    "high": v.high,
                    "label": v.label,
                    "labels": list(v.labels),
                    "internal": True if v.internal else None,
                }
            )
            for v in story.variables
        ],
        "chapters": [{"id": c.id, "title": c.title, "start": c.start} for c in story.chapters],
        "scenes": [_scene_json(s) for s in story.scenes],
        "sources": {
            s.key: _omit_none(
                {
                    "title": s.title,
                    "author": s.author,
                    "date": s.date,
                    "url": s.url,
                    "confidence": s.confidence,
                    "note": s.note,
                }
            )
            for s in story.sources
        },
        "places": {
            p.key: _omit_none({"name": p.name, "lat": p.lat, "lon": p.lon, "country": p.country})
            for p in story.places
        },
    }
    if story.numbers is not None:
        n = story.numbers
        body["numbers"] = _omit_none(
            {
                "group": n.group,
                "sizes": list(n.sizes),
                "words": list(n.words),
                "formats": {name: list(affixes) for name, affixes in n.formats.items()},
            }
        )
    if story.sites:
        body["sites"] = list(story.sites)
    return body


# -- from JSON -------------------------------------------------------------------------


def _expr(data: Any) -> JsonExpr:
    """An expression with Python ints where JSON had integral numbers (1.0 reads as 1)."""
    if isinstance(data, list):
        return [data[0], *map(_expr, data[1:])]
    return int(data) if is_int(data) else data


def _text_from(data: Any) -> Text:
    if isinstance(data, str):
        return data
    parts: list[Part] = []
    for part in data:
        if isinstance(part, str):
            parts.append(part)
        elif "vary" in part:
            parts.append(
                Variation(
                    part["vary"], tuple(_text_from(t) for t in part["parts"]), int(part["site"])
                )
            )
        elif "if" in part:
            otherwise = part.get("else")
            parts.append(
                Conditional(
                    _expr(part["if"]),
                    _text_from(part["then"]),
                    None if otherwise is None else _text_from(otherwise),
                )
            )
        else:
            parts.append(
                Interpolation(
                    _expr(part["expr"]),
                    part["type"],
                    tuple(part.get("values", ())),
                    part.get("format"),
                )
            )
    return tuple(parts)


def _numbers_from(data: Any) -> Numbers | None:
    if data is None:
        return None
    primary, secondary = data["sizes"]
    formats: dict[str, Affixes] = {}
    for name, (a, b, c, d) in data["formats"].items():
        formats[name] = (str(a), str(b), str(c), str(d))
    return Numbers(
        str(data["group"]),
        (int(primary), int(secondary)),
        tuple(str(w) for w in data.get("words", ())),
        formats,
    )


def _escaped(text: str | None) -> str | None:
    return None if text is None else html.escape(text, quote=False)


def _effects_from(data: Any) -> tuple[Effect, ...]:
    return tuple(Effect(int(var), _expr(expr)) for var, expr in data)


def _scene_from(data: dict[str, Any]) -> Scene:
    chance_data = data.get("chance")
    chance = None
    if chance_data is not None:
        chance = Chance(
            tuple(
                Outcome(int(o["weight"]), int(o["target"]), _effects_from(o.get("effects", [])))
                for o in chance_data["outcomes"]
            ),
            int(chance_data["total"]),
            tuple(chance_data.get("sources", ())),
            chance_data.get("note") or _escaped(chance_data.get("assumption")),
            # Before the basis field, every chance with an assumption was an estimate.
            chance_data.get("basis") or ("estimate" if chance_data.get("assumption") else "record"),
            tuple(chance_data.get("background", ())),
        )
    ending_data = data.get("ending")
    ending = None
    if ending_data is not None:
        epilogue = ending_data.get("epilogue")
        ending = Ending(ending_data["kind"], None if epilogue is None else _text_from(epilogue))
    return Scene(
        id=data["id"],
        chapter=None if data.get("chapter") is None else int(data["chapter"]),
        title=data.get("title"),
        place=data.get("place"),
        date=data.get("date"),
        era=data.get("era"),
        tags=tuple(data.get("tags", ())),
        media=tuple(
            Media(m["kind"], m["src"], m.get("alt"), m.get("caption"), m.get("credit"))
            for m in data.get("media", ())
        ),
        effects=_effects_from(data.get("effects", [])),
        text=_text_from(data.get("text", "")),
        sources=tuple(data.get("sources", ())),
        diverts=tuple(
            Divert(int(d["target"]), None if d.get("if") is None else _expr(d["if"]))
            for d in data.get("diverts", ())
        ),
        choices=tuple(
            Choice(
                c["id"],
                _text_from(c["text"]),
                int(c["target"]),
                None if c.get("if") is None else _expr(c["if"]),
                _effects_from(c.get("effects", [])),
            )
            for c in data.get("choices", ())
        ),
        chance=chance,
        ending=ending,
    )


def from_json(data: Any) -> CompiledStory:
    """Read a compiled story; raises CompiledFormatError for the first rule it breaks."""
    try:
        check(data)
    except Invalid as exc:
        raise CompiledFormatError(str(exc)) from None
    try:
        story = CompiledStory(
            id=data["id"],
            title=data["title"],
            version=data["version"],
            language=data["language"],
            start=int(data["start"]),
            ending_kinds=tuple(data["ending_kinds"]),
            variables=tuple(
                Variable(
                    v["name"],
                    v["type"],
                    v["initial"] if v["type"] == "bool" else int(v["initial"]),
                    tuple(v.get("values", ())),
                    None if v.get("low") is None else int(v["low"]),
                    None if v.get("high") is None else int(v["high"]),
                    v.get("label"),
                    tuple(v.get("labels", ())),
                    v.get("internal") is True,
                )
                for v in data["variables"]
            ),
            chapters=tuple(Chapter(c["id"], c["title"], int(c["start"])) for c in data["chapters"]),
            scenes=tuple(_scene_from(s) for s in data["scenes"]),
            sources=tuple(
                Source(
                    k,
                    s["title"],
                    s["author"],
                    s.get("date"),
                    s.get("url"),
                    s["confidence"],
                    s.get("note"),
                )
                for k, s in data["sources"].items()
            ),
            places=tuple(
                Place(k, p["name"], p.get("lat"), p.get("lon"), p.get("country"))
                for k, p in data["places"].items()
            ),
            numbers=_numbers_from(data.get("numbers")),
            sites=tuple(str(site) for site in data.get("sites", ())),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:  # a rule check() lacks
        raise CompiledFormatError(f"the compiled story is not valid: {exc!r}") from exc
    return story
