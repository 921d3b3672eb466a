"""One entry point for tools: a story from source files or from compiled JSON."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .bulk import collector_paused
from .checker import check_project
from .compiled import CompiledFormatError, CompiledStory, from_json
from .diagnostics import Diagnostic
from .loader import load_project
from .validation import Invalid, read


@dataclass(slots=True)
class Loaded:
    story: CompiledStory | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    texts: dict[str, list[str]] = field(default_factory=dict)  # for showing source lines
    problem: str | None = None  # why a compiled file could not be read

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]


def load_source(
    path: Path, allow_include: Sequence[Path] = (), locale: str | None = None
) -> Loaded:
    """Parse and check story files (a main file, or a folder with main.story); includes may
    also come from the folders `allow_include` names. With `locale`, the story in that
    language: its words from the catalogues `locale/LL/*.po` (docs/translating.md) wherever
    they are translated and current, the source's elsewhere."""
    with collector_paused():
        project = load_project(path, allow_include, locale)
        result = check_project(project)
    return Loaded(result.story, result.diagnostics, project.texts)


def load_any(path: Path, allow_include: Sequence[Path] = (), locale: str | None = None) -> Loaded:
    """A compiled story (*.json: already in one language) or story source."""
    if path.suffix != ".json":
        return load_source(path, allow_include, locale)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Loaded(None, problem=f"{path}: cannot read the compiled story: {exc}")
    try:
        with collector_paused():
            return Loaded(from_json(read(raw)))
    except (Invalid, CompiledFormatError) as exc:
        return Loaded(None, problem=f"{path}: {exc}")
