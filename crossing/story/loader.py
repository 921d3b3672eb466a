"""Loading a story project: the main file, every file it includes, the sources and places.

A story is named by its main file, or by a folder holding `main.story`. Includes,
`sources:` and `places:` paths are relative to the file that names them.

Reading source must be safe on a story from anywhere: an include names a `.story` file
inside the story's folder (the main file's folder) or a folder the user allows
(`--allow-include DIR`); a table is a `.toml` file. A file that breaks these rules is never
read, so no line of it can be echoed in a diagnostic.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic, Position
from .parser import parse_file
from .source import SourceFile, read
from .syntax import Located, StoryFile
from .tables import PlaceEntry, SourceEntry, load_places, load_sources
from .translation.apply import Translations

MAIN_FILE = "main.story"
MAX_FILES = 1000


@dataclass(slots=True)
class Project:
    files: list[StoryFile] = field(default_factory=list)  # the main file first
    sources: dict[str, SourceEntry] = field(default_factory=dict)
    places: dict[str, PlaceEntry] = field(default_factory=dict)
    texts: dict[str, list[str]] = field(default_factory=dict)  # shown path -> lines
    paths: dict[str, Path] = field(default_factory=dict)  # shown path -> the file read
    diagnostics: list[Diagnostic] = field(default_factory=list)
    has_sources_table: bool = False
    has_places_table: bool = False
    loaded: set[Path] = field(default_factory=set)  # resolved paths of the story files read
    # Folders includes may come from: the main file's, then those allowed explicitly.
    roots: list[Path] = field(default_factory=list)
    # The catalogues a translated story is read with (crossing/story/translation).
    translations: Translations | None = None

    @property
    def main(self) -> StoryFile | None:
        return self.files[0] if self.files else None


def shown_path(path: Path) -> str:
    """The path as diagnostics show it: relative to the working folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def resolve_main(path: Path) -> Path:
    return path / MAIN_FILE if path.is_dir() else path


def load_project(
    path: Path, allow_include: Sequence[Path] = (), locale: str | None = None
) -> Project:
    """Read a story's files; `allow_include` names folders outside the story's own folder
    that includes may come from. With `locale`, the words come from the story's catalogues
    for that locale (`locale/LL/*.po` beside the main file) wherever they are current."""
    project = Project()
    main = resolve_main(path)
    if not main.is_file():
        hint = f"a story folder needs a '{MAIN_FILE}'" if path.is_dir() else None
        project.diagnostics.append(
            Diagnostic("E012", f"no story file at '{shown_path(main)}'", None, hint)
        )
        return project
    main = main.resolve()
    project.roots = [main.parent, *(folder.resolve() for folder in allow_include)]
    if locale is not None:
        project.translations = Translations(main.parent / "locale" / locale, locale)
    _load_file(project, main, [], None)
    if project.translations is not None:
        project.diagnostics += project.translations.problems
    return project


def _include_problem(project: Project, include: Located, target: Path) -> Diagnostic | None:
    """Why an include may not be read (checked before reading: nothing of it is shown)."""
    if target.suffix != ".story":
        return Diagnostic(
            "E051",
            f"'{include.text}' is not a story file",
            include.position,
            "an include names a file whose name ends in '.story'",
        )
    if not any(target.is_relative_to(root) for root in project.roots):
        return Diagnostic(
            "E052",
            f"included file '{include.text}' is outside the story's folder",
            include.position,
            f"includes stay in '{shown_path(project.roots[0])}' (the main file's folder) and "
            "its subfolders; allow another folder with '--allow-include DIR'",
        )
    if not target.is_file():
        return Diagnostic("E012", f"included file '{include.text}' not found", include.position)
    return None


def _read_into(project: Project, path: Path) -> SourceFile | None:
    source, diagnostics = read(path, shown_path(path))
    project.diagnostics += diagnostics
    if source is not None:
        project.texts[source.path] = source.lines
        project.paths[source.path] = path
    return source


def _load_file(
    project: Project, path: Path, stack: list[Path], included_at: Located | None
) -> None:
    if path in stack:
        chain = " -> ".join(shown_path(p) for p in [*stack, path])
        where = included_at.position if included_at else None
        project.diagnostics.append(Diagnostic("E063", f"include cycle: {chain}", where))
        return
    if path in project.loaded:
        return  # already included elsewhere: include each file once
    if len(project.files) >= MAX_FILES:
        where = included_at.position if included_at else None
        project.diagnostics.append(Diagnostic("E064", f"more than {MAX_FILES} story files", where))
        return
    project.loaded.add(path)
    source = _read_into(project, path)
    if source is None:
        return
    story_file, diagnostics = parse_file(source)
    if project.translations is not None:
        name = (
            path.relative_to(project.roots[0])
            if path.is_relative_to(project.roots[0])
            else Path(path.name)
        )
        source, story_file, diagnostics = project.translations.story_file(
            name.with_suffix("").as_posix(), source, story_file, diagnostics
        )
        project.texts[source.path] = source.lines
    project.files.append(story_file)
    project.diagnostics += diagnostics
    _load_tables(project, story_file, path.parent)
    for include in story_file.includes:
        target = (path.parent / include.text).resolve()
        if problem := _include_problem(project, include, target):
            project.diagnostics.append(problem)
            continue
        _load_file(project, target, [*stack, path], include)


def _load_tables(project: Project, story_file: StoryFile, folder: Path) -> None:
    for key in ("sources", "places"):
        located = story_file.header.get(key)
        if located is None:
            continue
        table_path = (folder / located.text).resolve()
        if table_path.suffix != ".toml":
            project.diagnostics.append(
                Diagnostic(
                    "E051",
                    f"{key} file '{located.text}' is not a TOML file",
                    located.position,
                    f"'{key}:' names a file whose name ends in '.toml'",
                )
            )
            continue
        if not table_path.is_file():
            project.diagnostics.append(
                Diagnostic("E012", f"{key} file '{located.text}' not found", located.position)
            )
            continue
        source = _read_into(project, table_path)
        if source is None:
            continue
        if key == "sources":
            project.has_sources_table = True
            entries, diagnostics = load_sources(source)
            if project.translations is not None:
                project.translations.sources(entries)
            _merge(project.sources, entries, diagnostics, "source")
        else:
            project.has_places_table = True
            places, diagnostics = load_places(source)
            if project.translations is not None:
                project.translations.places(places)
            _merge(project.places, places, diagnostics, "place")
        project.diagnostics += diagnostics


def _merge(
    into: dict[str, SourceEntry] | dict[str, PlaceEntry],
    entries: dict[str, SourceEntry] | dict[str, PlaceEntry],
    diagnostics: list[Diagnostic],
    what: str,
) -> None:
    for key, entry in entries.items():
        if key in into:
            first: Position = into[key].position
            diagnostics.append(
                Diagnostic(
                    "E003",
                    f"{what} '{key}' is defined twice",
                    entry.position,
                    f"first defined at {first.path}:{first.line}",
                )
            )
        else:
            into[key] = entry  # type: ignore[assignment]
