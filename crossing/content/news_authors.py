"""content/news/authors.toml: each [key] table an author (name, bio, an optional link),
checked with E208; an author no post names is W203. In another language, authors.LOCALE.toml
gives the same keys' name and bio (E211 for anything else); an author it lacks keeps the
source's words."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from pathlib import Path
from typing import Any

from crossing.story.diagnostics import Diagnostic, Position, did_you_mean
from crossing.story.loader import shown_path
from crossing.story.source import SourceFile, read
from crossing.story.tables import toml_error

from .frontmatter import control_character_message, without_control_characters
from .news import AUTHOR_UNUSED, AUTHORS_FILE, UNKNOWN_AUTHOR, Author, News, PostDraft
from .translations import MISMATCH

AUTHOR_FIELDS = {"name": True, "bio": True, "link": False}
TRANSLATED_FIELDS = {"name": False, "bio": False}
_KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_WEB_LINK = re.compile(r"^https?://[^\s/]+\S*$")


def load_authors(
    folder: Path, diagnostics: list[Diagnostic], locale: str = "en"
) -> tuple[dict[str, Author], dict[str, Position], SourceFile | None]:
    """authors.toml: each [key] table an author; where each key is written. In another
    `locale`, each author's name and bio from authors.LOCALE.toml where it gives them."""
    path = folder / AUTHORS_FILE
    source, data = _read_toml(path, diagnostics)
    if source is None or data is None:
        return {}, {}, source
    positions = _table_positions(source)
    authors: dict[str, Author] = {}
    for key, raw in data.items():
        at = positions.get(key, Position(source.path, 1, 1))
        table, found = without_control_characters(raw)
        if found:
            diagnostics.append(
                Diagnostic(UNKNOWN_AUTHOR, control_character_message(key, found), at)
            )
        author = _author(key, table, at, diagnostics)
        if author is not None:
            authors[key] = author
    if locale != "en":
        _translate(authors, path.with_name(f"{path.stem}.{locale}{path.suffix}"), diagnostics)
    return authors, positions, source


def _read_toml(
    path: Path, diagnostics: list[Diagnostic]
) -> tuple[SourceFile | None, dict[str, Any] | None]:
    """The file and its tables; (None, None) when there is no file, the file and None
    when it is not TOML (reported)."""
    if not path.exists():
        return None, None
    source, problems = read(path, shown_path(path))
    diagnostics += problems
    if source is None:
        return None, None
    try:
        return source, tomllib.loads(source.text)
    except tomllib.TOMLDecodeError as exc:
        line, col, message = toml_error(exc)
        at = Position(source.path, line, col)
        diagnostics.append(Diagnostic(UNKNOWN_AUTHOR, f"TOML syntax: {message}", at))
        return source, None


def _translate(authors: dict[str, Author], path: Path, diagnostics: list[Diagnostic]) -> None:
    """Each author's name and bio in authors.LOCALE.toml's words; in place."""
    source, data = _read_toml(path, diagnostics)
    if source is None or data is None:
        return
    positions = _table_positions(source)
    for key, table in data.items():
        at = positions.get(key, Position(source.path, 1, 1))
        if key not in authors:
            hint = did_you_mean(key, authors) or f"{AUTHORS_FILE} has: {', '.join(authors)}"
            diagnostics.append(
                Diagnostic(MISMATCH, f"no author '{key}' in {AUTHORS_FILE}", at, hint)
            )
            continue
        if not isinstance(table, dict) or not text_fields(
            table, TRANSLATED_FIELDS, f"author '{key}'", at, diagnostics, MISMATCH
        ):
            continue
        author = authors[key]
        authors[key] = dataclasses.replace(
            author,
            name=table.get("name", author.name).strip(),
            bio=table.get("bio", author.bio).strip(),
        )


def _table_positions(source: SourceFile) -> dict[str, Position]:
    found: dict[str, Position] = {}
    for number, line in enumerate(source.lines, start=1):
        match = re.match(r"^\s*\[\s*\"?([^\]\"]+)\"?\s*\]", line)
        if match:
            found.setdefault(match.group(1), Position(source.path, number, 1, len(line.strip())))
    return found


def _author(key: str, table: Any, at: Position, diagnostics: list[Diagnostic]) -> Author | None:
    if not isinstance(table, dict):
        diagnostics.append(
            Diagnostic(UNKNOWN_AUTHOR, f"'{key}' must be a table: [{key}] then name = \"…\"", at)
        )
        return None
    ok = True
    if not _KEY.match(key):
        diagnostics.append(
            Diagnostic(
                UNKNOWN_AUTHOR,
                f"author key '{key}' must be lower-case words joined by hyphens",
                at,
                "it is the author's address: /news/author/KEY/",
            )
        )
        ok = False
    ok = text_fields(table, AUTHOR_FIELDS, f"author '{key}'", at, diagnostics) and ok
    link = table.get("link")
    if isinstance(link, str) and not _WEB_LINK.match(link):
        diagnostics.append(
            Diagnostic(
                UNKNOWN_AUTHOR,
                f"author '{key}': link '{link}' must be a web address",
                at,
                "write it in full, starting https://",
            )
        )
        ok = False
    if not ok:
        return None
    return Author(key, table["name"].strip(), table["bio"].strip(), link)


def text_fields(
    table: dict[str, Any],
    fields: dict[str, bool],
    what: str,
    at: Position,
    diagnostics: list[Diagnostic],
    code: str = UNKNOWN_AUTHOR,
) -> bool:
    """Every field is known, is non-empty text, and the required ones are there."""
    ok = True
    for name, value in table.items():
        if name not in fields:
            hint = did_you_mean(name, fields) or f"{what} takes: {', '.join(fields)}"
            diagnostics.append(Diagnostic(code, f"unknown field '{name}' in {what}", at, hint))
            ok = False
        elif not (isinstance(value, str) and value.strip()):
            diagnostics.append(Diagnostic(code, f"'{name}' in {what} must be non-empty text", at))
            ok = False
    for name, required in fields.items():
        if required and name not in table:
            diagnostics.append(Diagnostic(code, f"missing field '{name}' in {what}", at))
            ok = False
    return ok


def unused_authors(
    news: News,
    drafts: list[PostDraft],
    positions: dict[str, Position],
    diagnostics: list[Diagnostic],
) -> None:
    """Authors no post names (a post with other problems still counts)."""
    used = {
        key
        for post in drafts
        if isinstance(keys := post.draft.matter.values.get("authors"), list)
        for key in keys
    }
    for key in news.authors:
        if key not in used:
            diagnostics.append(
                Diagnostic(
                    AUTHOR_UNUSED,
                    f"author '{key}' has written no post",
                    positions.get(key),
                    "name them in a post's authors, or remove them",
                )
            )
