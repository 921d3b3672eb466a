"""`crossing check` on the whole content tree: the journey, then every chapter, work,
data file and figure, reported together. A source the journey does not cite is only a
problem if nothing else on the site cites it, so the story checker's W105 gives way to
the site's own W201."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from crossing.story import Loaded, load_source
from crossing.story.diagnostics import Diagnostic

from .site import SiteContent, load_site
from .translations import locales_in

JOURNEY_FOLDER = "journey"
UNCITED_IN_STORY = "W105"


@dataclass(slots=True)
class TreeCheck:
    content: SiteContent
    story: Loaded
    diagnostics: list[Diagnostic] = field(default_factory=list)
    texts: dict[str, list[str]] = field(default_factory=dict)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]


def is_content_tree(path: Path) -> bool:
    """A content folder (sources.toml and a journey/), not a story folder."""
    return path.is_dir() and (path / "sources.toml").is_file() and (path / JOURNEY_FOLDER).is_dir()


def check_tree(path: Path) -> TreeCheck:
    """The source language's content, then each translation's (crossing.content.
    translations): a problem both readings find is reported once."""
    story = load_source(path / JOURNEY_FOLDER)
    content, diagnostics = load_site(path, story.story)
    kept = [d for d in story.diagnostics if d.code != UNCITED_IN_STORY]
    texts = {**story.texts, **content.texts}
    seen = set(diagnostics)
    for locale in locales_in(path):
        translated, found = load_site(path, story.story, locale)
        texts.update(translated.texts)
        for diagnostic in found:
            if diagnostic not in seen:
                seen.add(diagnostic)
                diagnostics.append(diagnostic)
    return TreeCheck(content, story, kept + diagnostics, texts)
