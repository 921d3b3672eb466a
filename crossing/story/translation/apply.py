"""A story file in a translation's words: each unit whose catalogue entry is current (not
fuzzy, translating the words the source has now) and keeps the source's conditions,
values, citations and markup is written over the source's words, and the file is parsed
again. Everything else stays in the source language, so the translated story always
compiles and plays the same scenes, choices and chances."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from babel.messages.catalog import Catalog

from ..diagnostics import Diagnostic, Position
from ..parser import parse_file
from ..source import SourceFile
from ..syntax import Located, StoryFile
from ..tables import PlaceEntry, SourceEntry
from . import pofiles as po
from .markup import differences
from .units import Unit, file_units, place_units, source_units


def current(unit: Unit, catalogue: Catalog | None) -> str | None:
    """The translation of `unit` a reader may see, or None to keep the source words."""
    if catalogue is None:
        return None
    message = catalogue.get(unit.source, unit.id)
    if message is None or not message.string or message.fuzzy:
        return None
    translation = str(message.string)
    return None if differences(unit.source, translation) else translation


def rewritten(lines: list[str], replacements: list[tuple[Position, str]]) -> list[str]:
    """`lines` with each span replaced. A paragraph's translation goes where its first line's
    words were; its other lines lose their words and, left empty, become comments, so the
    paragraph does not end early and every line keeps its number."""
    out = list(lines)
    for where, words in sorted(replacements, key=lambda r: (r[0].line, -r[0].col)):
        line = out[where.line - 1]
        start = where.col - 1
        line = line[:start] + words + line[start + where.width :]
        out[where.line - 1] = line if line.strip() else "//"
    return out


@dataclass(slots=True)
class Translations:
    """The catalogues of one locale, read as the loader needs them."""

    folder: Path
    locale: str
    read: dict[str, Catalog | None] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)

    def catalogue(self, name: str) -> Catalog | None:
        if name not in self.read:
            path = self.folder / f"{name}.po"
            try:
                self.read[name] = po.read(path, self.locale) if path.is_file() else None
            except po.CatalogueError as exc:
                self.problems.append(Diagnostic("E079", str(exc), Position(str(path), 1, 1)))
                self.read[name] = None
        return self.read[name]

    def story_file(
        self, name: str, source: SourceFile, parsed: StoryFile, diagnostics: list[Diagnostic]
    ) -> tuple[SourceFile, StoryFile, list[Diagnostic]]:
        """The file in this locale's words (unchanged without a catalogue)."""
        if "language" in parsed.header:  # so number formats follow the locale
            parsed.header["language"] = Located(self.locale, parsed.header["language"].position)
        found = self.catalogue(name)
        if found is None:
            return source, parsed, diagnostics
        lines = source.lines
        replacements: list[tuple[Position, str]] = []
        for unit in file_units(parsed, lines):
            words = current(unit, found)
            if words is None:
                continue
            first, *rest = unit.spans
            replacements.append((first, " ".join(words.split("\n"))))
            replacements += [(span, "") for span in rest]
        if not replacements:
            return source, parsed, diagnostics
        translated = SourceFile(source.path, "\n".join(rewritten(lines, replacements)))
        again, diagnostics = parse_file(translated)
        if "language" in parsed.header:
            again.header["language"] = parsed.header["language"]
        return translated, again, diagnostics

    def places(self, places: dict[str, PlaceEntry]) -> None:
        """Place names in this locale's words, in place."""
        found = self.catalogue(po.PLACES)
        for unit in place_units(places):
            words = current(unit, found)
            if words is not None:
                key = unit.id.removeprefix("place.")
                entry = places[key]
                places[key] = PlaceEntry(replace(entry.place, name=words), entry.position)

    def sources(self, sources: dict[str, SourceEntry]) -> None:
        """Sources in this locale: each title in its own language with the gloss beside it,
        the note in this locale's words; in place."""
        found = self.catalogue(po.SOURCES)
        for unit in source_units(sources):
            words = current(unit, found)
            if words is None:
                continue
            key, field_name = unit.id.removeprefix("source.").rsplit(".", 1)
            entry = sources[key]
            if field_name == "title":
                changed = replace(entry.source, title=f"{entry.source.title} ({words})")
            elif field_name == "author":
                changed = replace(entry.source, author=words)
            else:
                changed = replace(entry.source, note=words)
            sources[key] = SourceEntry(changed, entry.position)
