"""Site content in another language, in files beside the source's: `01-the-river.ko.md`
beside `01-the-river.md` (chapters, the introduction, works, news posts).

A translation changes the words and nothing the site is built from: it cites the same
sources as often (`[^key]`), places the same figures and photos in the same order, has the
same headings (their anchors are the source's, so links to a section work in every
language) and the same front matter except its words (titles, summaries, captions, …).
`compare` reports every difference at the translation's `file:line`. A page without a
translation is served in the source language (docs/translating.md, "Site content").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from crossing.story.diagnostics import Diagnostic, Position
from crossing.story.loader import shown_path

from .documents import Draft, read_draft
from .frontmatter import FrontMatter, Schema
from .news import tag_slug

SOURCE_LOCALE = "en"  # the language the content is written in
MISMATCH = "E211"

# Front-matter fields a translation writes in its own language; every other field (dates,
# slugs, kinds, sources, images, tags, numbers) must be the source's.
WORDS = frozenset(
    {
        "title",
        "subtitle",
        "summary",
        "alt",
        "caption",
        "credit",
        "role",
        "name",
        "note",
        "quote",
        "outlet",
        "by",
        "runtime",
        "presenter",
        "date_known",
    }
)

_LOCALE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]+)?$")
_CITATION = re.compile(r"\[\^([^\]\s]+)\]")
_DIRECTIVE = re.compile(r"^\s*\{\{\s*(\w+)\s+([^\s}]+)\s*\}\}\s*$")
_HEADING = re.compile(r"^(#{1,6})\s")
_FENCE = re.compile(r"^\s*(```|~~~)")


def is_translation(path: Path) -> bool:
    """`01-the-river.ko.md` is; `01-the-river.md` is not."""
    suffixes = path.suffixes
    return len(suffixes) >= 2 and bool(_LOCALE.match(suffixes[-2][1:]))


def sources_in(paths: Iterable[Path]) -> list[Path]:
    """The source-language files among `paths`."""
    return [p for p in paths if not is_translation(p)]


def translation_of(path: Path, locale: str) -> Path:
    return path.with_name(f"{path.stem}.{locale}{path.suffix}")


def _body_lines(draft: Draft) -> list[tuple[int, str]]:
    """(file line, text) of the body's lines outside fenced code."""
    found, fenced = [], False
    for index, line in enumerate(draft.matter.body.split("\n")):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            found.append((draft.matter.body_line + index, line))
    return found


def _citations(draft: Draft) -> dict[str, list[int]]:
    cited: dict[str, list[int]] = {}
    for number, line in _body_lines(draft):
        for match in _CITATION.finditer(line):
            cited.setdefault(match.group(1), []).append(number)
    return cited


def _directives(draft: Draft) -> list[tuple[str, int]]:
    return [
        (f"{m.group(1)} {m.group(2)}", number)
        for number, line in _body_lines(draft)
        if (m := _DIRECTIVE.match(line))
    ]


def headings(draft: Draft) -> list[int]:
    """The file line of each heading of the body."""
    return [number for number, line in _body_lines(draft) if _HEADING.match(line)]


def _identifiers(value: Any) -> Any:
    """A front-matter value without its words."""
    if isinstance(value, dict):
        return {k: _identifiers(v) for k, v in value.items() if k not in WORDS}
    if isinstance(value, list):
        return [_identifiers(v) for v in value]
    return value


def _tag_addresses(tags: Any) -> Any:
    """The addresses tags lead to (a translated tag keeps the source's Latin spelling)."""
    return [tag_slug(t) for t in tags] if isinstance(tags, list) else tags


def _at(path: str, line: int) -> Position:
    return Position(path, line, 1)


def compare(source: Draft, translation: Draft) -> list[Diagnostic]:
    """Every way `translation` differs from `source` other than in its words."""
    path, origin = translation.source.path, source.source.path
    found: list[Diagnostic] = []

    def report(line: int, message: str, hint: str | None = None) -> None:
        found.append(Diagnostic(MISMATCH, message, _at(path, line), hint))

    first = translation.matter.body_line
    cited, theirs = _citations(translation), _citations(source)
    for key in dict.fromkeys([*theirs, *cited]):
        mine, original = cited.get(key, []), theirs.get(key, [])
        if len(mine) != len(original):
            where = f"{origin}:{original[0]}" if original else origin
            report(
                mine[0] if mine else first,
                f"cites '{key}' {len(mine)} time(s); the source ({where}) {len(original)}",
                "a translation cites the same sources as often as the source does",
            )
    mine_d, theirs_d = _directives(translation), _directives(source)
    if [d for d, _ in mine_d] != [d for d, _ in theirs_d]:
        index = next(
            (i for i, (a, b) in enumerate(zip(mine_d, theirs_d, strict=False)) if a[0] != b[0]),
            min(len(mine_d), len(theirs_d)),
        )
        line = mine_d[index][1] if index < len(mine_d) else first
        wanted = ", ".join(f"{{{{ {d} }}}}" for d, _ in theirs_d) or "none"
        report(line, "its figures and photos differ from the source's", f"the source has {wanted}")
    mine_h, theirs_h = headings(translation), headings(source)
    if len(mine_h) != len(theirs_h):
        line = mine_h[len(theirs_h)] if len(mine_h) > len(theirs_h) else first
        report(
            line,
            f"{len(mine_h)} heading(s); the source has {len(theirs_h)}",
            "each heading of the source has one translated heading (it keeps its anchor)",
        )
    found += _front_matter(translation.matter, source.matter, path, origin)
    return found


def _front_matter(
    mine: FrontMatter, theirs: FrontMatter, path: str, origin: str
) -> list[Diagnostic]:
    found = []
    for name in sorted((set(mine.values) | set(theirs.values)) - WORDS):
        if name == "tags":  # words, but each keeps its address: "국경 (The border)"
            if _tag_addresses(mine.values.get(name)) != _tag_addresses(theirs.values.get(name)):
                found.append(
                    Diagnostic(
                        MISMATCH,
                        f"'tags' lead to other addresses than the source's ({origin})",
                        mine.positions.get(name, mine.position),
                        "keep the source's tags in order, each with its own spelling in "
                        "parentheses: 'The border' → '국경 (The border)'",
                    )
                )
            continue
        if _identifiers(mine.values.get(name)) != _identifiers(theirs.values.get(name)):
            where = mine.positions.get(name, mine.position)
            found.append(
                Diagnostic(
                    MISMATCH,
                    f"'{name}' differs from the source's ({origin})",
                    where,
                    "a translation changes only the words: "
                    + ", ".join(sorted(WORDS & (set(theirs.values) | set(theirs.tables)))),
                )
            )
    for table in sorted(set(mine.tables) | set(theirs.tables)):
        entries, original = mine.tables.get(table, []), theirs.tables.get(table, [])
        if _identifiers(entries) != _identifiers(original):
            positions = mine.table_positions.get(table) or [mine.position]
            found.append(
                Diagnostic(
                    MISMATCH,
                    f"[[{table}]] differs from the source's ({origin}) in more than its words",
                    positions[0],
                    f"keep each entry, in order, with these fields as written: "
                    f"{', '.join(sorted({k for e in original for k in e} - WORDS)) or 'none'}",
                )
            )
    return found


class Translating:
    """Reads each document's translation into `locale`, if it has one, and checks it
    against the source; the source documents that have none are added to `untranslated`."""

    def __init__(self, locale: str, untranslated: set[str], diagnostics: list[Diagnostic]):
        self.locale, self.untranslated, self.diagnostics = locale, untranslated, diagnostics
        self.sources: dict[str, Draft] = {}  # a translation's shown path -> its source

    def of(self, path: Path, source: Draft | None, schema: Schema) -> Draft | None:
        """The draft to publish for the source file at `path` (read as `source`)."""
        if self.locale == SOURCE_LOCALE or source is None:
            return source
        translated = translation_of(path, self.locale)
        if not translated.exists():
            self.untranslated.add(source.source.path)
            return source
        draft = read_draft(translated, shown_path(translated), schema, self.diagnostics)
        if draft is None:  # unreadable: its problems are reported; readers get the source
            self.untranslated.add(source.source.path)
            return source
        self.diagnostics += compare(source, draft)
        self.sources[draft.source.path] = source
        return draft


def locales_in(content_dir: Path) -> list[str]:
    """The languages the content folder has translations into (from the files' names)."""
    found = {
        path.suffixes[-2][1:]
        for path in content_dir.rglob("*")
        if path.is_file() and path.suffix in (".md", ".toml") and is_translation(path)
    }
    return sorted(found - {SOURCE_LOCALE})
