"""Twee 3 notation: passages with a header (`:: Name [tags] {metadata}`) and content.

Follows the Twee 3 specification (iftechfoundation/twine-specs, twee-3-specification.md):
names and tags escape `[ ] { } \\` with a backslash, and decoding drops the backslash
before any character; trailing blank lines of a passage are not part of it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

_META_CHARS = "[]{}\\"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something in the Twee file that could not be read or imported, where it is."""

    line: int  # 1-based
    col: int  # 1-based
    message: str
    hint: str | None = None
    severity: str = "error"  # "error": something was not imported; "warning": imported, note it


@dataclass(slots=True)
class Passage:
    name: str
    tags: list[str] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    text: str = ""
    line: int = 1  # the header's line
    # The line of the content's first line (the header's line + 1).

    @property
    def body_line(self) -> int:
        return self.line + 1


def escape(text: str) -> str:
    """A passage name or tag with the header's metacharacters escaped."""
    return "".join("\\" + char if char in _META_CHARS else char for char in text)


def header(passage: Passage) -> str:
    line = ":: " + escape(passage.name)
    if passage.tags:
        line += " [" + " ".join(escape(tag) for tag in passage.tags) + "]"
    if passage.metadata:
        line += " " + json.dumps(passage.metadata, ensure_ascii=False, separators=(",", ":"))
    return line


def write(passages: list[Passage]) -> str:
    """A Twee 3 file: passages separated by one blank line."""
    blocks = []
    for passage in passages:
        body = passage.text.rstrip("\n")
        blocks.append(header(passage) + ("\n" + body if body else ""))
    return "\n\n".join(blocks) + "\n"


def _unescaped_until(text: str, i: int, stops: str) -> tuple[str, int]:
    """Decode from `i` up to (not including) the first unescaped character in `stops`."""
    out = []
    while i < len(text) and text[i] not in stops:
        if text[i] == "\\" and i + 1 < len(text):
            i += 1
        out.append(text[i])
        i += 1
    return "".join(out), i


def parse_header(line: str, number: int) -> tuple[Passage, list[Problem]]:
    """Read one header line (it starts with `::`); problems say where and why."""
    problems: list[Problem] = []
    i = 2
    while i < len(line) and line[i] == " ":
        i += 1
    name, i = _unescaped_until(line, i, "[{")
    name = name.strip()
    if not name:
        problems.append(Problem(number, 3, "a passage header with no name"))
    passage = Passage(name, line=number)
    rest = line[i:]
    if rest.startswith("["):
        inside, j = _tag_block(line, i + 1)
        if j >= len(line):
            problems.append(Problem(number, i + 1, "the tag block is not closed with ']'"))
            return passage, problems
        passage.tags = inside
        i = j + 1
        while i < len(line) and line[i] == " ":
            i += 1
    if i < len(line):
        if line[i] != "{":
            problems.append(
                Problem(number, i + 1, "unexpected text after the passage name and tags")
            )
            return passage, problems
        try:
            metadata = json.loads(line[i:])
        except json.JSONDecodeError as error:
            problems.append(
                Problem(
                    number,
                    i + 1 + error.pos,
                    f"the metadata block is not JSON ({error.msg}); it is left out",
                )
            )
        else:
            if isinstance(metadata, dict):
                passage.metadata = metadata
            else:
                problems.append(Problem(number, i + 1, "the metadata block is not a JSON object"))
    return passage, problems


def _tag_block(line: str, i: int) -> tuple[list[str], int]:
    """The tags from `i` (after '[') to the unescaped ']'; returns the index of ']'."""
    tags: list[str] = []
    current: list[str] = []
    while i < len(line) and line[i] != "]":
        char = line[i]
        if char == "\\" and i + 1 < len(line):
            i += 1
            current.append(line[i])
        elif char == " ":
            if current:
                tags.append("".join(current))
                current = []
        else:
            current.append(char)
        i += 1
    if current:
        tags.append("".join(current))
    return tags, i


def parse(text: str) -> tuple[list[Passage], list[Problem]]:
    """Every passage of a Twee 3 file (a BOM and CR LF line ends are accepted)."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    passages: list[Passage] = []
    problems: list[Problem] = []
    body: list[str] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith("::"):
            if passages:
                passages[-1].text = "\n".join(body).rstrip("\n")
            body = []
            passage, found = parse_header(line, number)
            passages.append(passage)
            problems += found
        elif passages:
            body.append(line)
        elif line.strip():
            problems.append(
                Problem(number, 1, "text before the first passage header is ignored by Twee 3")
            )
    if passages:
        passages[-1].text = "\n".join(body).rstrip("\n")
    return passages, problems
