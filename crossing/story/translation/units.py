"""The translatable units of a story file: every run of words a reader sees, with a stable
ID that survives rewording (docs/story-language.md, "Stable IDs").

IDs: `story.title`; `var.NAME` and `var.NAME.VALUE` (labels); `chapter.ID`; for a scene,
`SCENE.title`, `SCENE.p1`… (paragraphs of its text), `SCENE.epilogue.p1`…,
`SCENE.assumption`, `SCENE.basis`, `SCENE.media1.caption` (and `alt`, `credit`); for a
choice, its choice ID (`SCENE/TARGET`); for a place, `place.KEY`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..diagnostics import Position
from ..stable_ids import choice_ids
from ..syntax import Segment, StoryFile
from ..tables import PlaceEntry, SourceEntry

_SCENE_KINDS = {
    "title": "the scene's title",
    "assumption": "the note explaining an estimated chance",
    "basis": "the note on how the sources give a chance",
}
_MEDIA_KINDS = {"alt": "text alternative", "caption": "caption", "credit": "credit"}


@dataclass(frozen=True, slots=True)
class Unit:
    id: str
    source: str  # the words as written; the lines of a paragraph joined by "\n"
    spans: tuple[Position, ...]  # where they are written, one span per line
    comment: str  # for the translator: where the words are and what they are

    @property
    def hash(self) -> str:
        """A short fingerprint of the source words, kept in the catalogue beside them."""
        return hashlib.sha256(self.source.encode()).hexdigest()[:12]


@dataclass(slots=True)
class Group:
    """The units of one catalogue, and where its source words come from."""

    name: str  # the catalogue's name without `.po`: the story file's path from the main folder
    source: str  # the file the words are in, as the catalogue's `#:` lines name it
    units: list[Unit] = field(default_factory=list)


def _words(lines: list[str], where: Position) -> str:
    line = lines[where.line - 1]
    return line[where.col - 1 : where.col - 1 + where.width]


def _only_comments_between(lines: list[str], first: int, last: int) -> bool:
    """Whether the lines strictly between line numbers `first` and `last` are all
    comments, which the parser skips (so the paragraph goes on across them)."""
    return all(lines[n - 1].lstrip().startswith("//") for n in range(first + 1, last))


def _paragraphs(segments: list[Segment], lines: list[str]) -> list[list[Segment]]:
    """Consecutive lines of one scene's text (or epilogue) form a paragraph."""
    groups: list[list[Segment]] = []
    for segment in segments:
        last = groups[-1][-1] if groups else None
        if (
            last is not None
            and last.kind == segment.kind
            and last.owner == segment.owner
            and _only_comments_between(lines, last.position.line, segment.position.line)
        ):
            groups[-1].append(segment)
        else:
            groups.append([segment])
    return groups


def file_units(story_file: StoryFile, lines: list[str]) -> list[Unit]:
    """The units of one parsed story file, in reading order."""
    units: list[Unit] = []
    file_name = story_file.path.rsplit("/", 1)[-1]
    titles = {
        scene.id: scene.meta["title"].text for scene in story_file.scenes if "title" in scene.meta
    }
    counts: dict[str, int] = {}
    prose = [s for s in story_file.segments if s.kind in ("prose", "epilogue")]
    paragraphs = {id(group[0]): group for group in _paragraphs(prose, lines)}

    def where(scene: str) -> str:
        title = titles.get(scene)
        return f"{file_name}, scene {scene}" + (f" (“{title}”)" if title else "")

    for segment in story_file.segments:
        kind, owner = segment.kind, segment.owner
        if kind in ("prose", "epilogue"):
            group = paragraphs.get(id(segment))
            if group is None:
                continue  # a later line of a paragraph already made into a unit
            prefix = f"{owner}.epilogue" if kind == "epilogue" else owner
            counts[prefix] = counts.get(prefix, 0) + 1
            part = "afterword (epilogue)" if kind == "epilogue" else "text"
            units.append(
                Unit(
                    f"{prefix}.p{counts[prefix]}",
                    "\n".join(_words(lines, s.position) for s in group),
                    tuple(s.position for s in group),
                    f"{where(owner)}: paragraph {counts[prefix]} of its {part}.",
                )
            )
            continue
        words = _words(lines, segment.position)
        if kind == "story-title":
            unit_id, comment = "story.title", "The story's title."
        elif kind == "chapter":
            unit_id, comment = f"chapter.{owner}", f"{file_name}: the title of a chapter."
        elif kind == "var-label":
            unit_id, comment = (
                f"var.{owner}",
                f"The label of the variable '{owner}', shown to readers.",
            )
        elif kind == "value-label":
            unit_id = f"var.{owner}"
            name, value = owner.split(".", 1)
            comment = f"How the value '{value}' of '{name}' is shown to readers."
        elif kind in _MEDIA_KINDS:
            in_scene = owner.rsplit(".", 1)[0]
            unit_id = f"{owner}.{kind}"
            comment = f"{where(in_scene)}: the {_MEDIA_KINDS[kind]} of a picture or recording."
        else:
            unit_id, comment = f"{owner}.{kind}", f"{where(owner)}: {_SCENE_KINDS[kind]}."
        units.append(Unit(unit_id, words, (segment.position,), comment))
    for scene in story_file.scenes:
        for choice, choice_id in choice_ids(scene):
            if choice.text_position is None:
                continue
            words = _words(lines, choice.text_position)
            comment = (
                f"{where(scene.id)}: a choice, leading to {choice.target}. Text in [ ] is shown "
                "only in the list of choices (Ink's [ ]); keep the brackets."
            )
            units.append(Unit(choice_id, words, (choice.text_position,), comment))
    return sorted(units, key=lambda unit: (unit.spans[0].line, unit.spans[0].col))


def place_units(places: dict[str, PlaceEntry]) -> list[Unit]:
    """The names of places, as the map and the scenes' headings show them."""
    return [
        Unit(
            f"place.{key}",
            entry.place.name,
            (entry.position,),
            f"The name of the place '{key}' on the map.",
        )
        for key, entry in places.items()
    ]


def source_units(sources: dict[str, SourceEntry]) -> list[Unit]:
    """The sources' titles, which stay in their own language with a gloss beside them (so
    their translation is that gloss), who published them, and their notes."""
    units: list[Unit] = []
    for key, entry in sources.items():
        source = entry.source
        units.append(
            Unit(
                f"source.{key}.title",
                source.title,
                (entry.position,),
                f"The title of the source '{key}'. It stays in its own language: translate it "
                "as a short gloss, shown beside it in parentheses.",
            )
        )
        units.append(
            Unit(
                f"source.{key}.author",
                source.author,
                (entry.position,),
                f"Who wrote or published the source '{key}', as its citation names them: "
                "people and outlets in their usual form in this language where they have "
                'one, the words around them ("read in a re-post") translated.',
            )
        )
        if source.note:
            units.append(
                Unit(
                    f"source.{key}.note",
                    source.note,
                    (entry.position,),
                    f"The note on the source '{key}' ({source.author}), shown with its citation.",
                )
            )
    return units
