"""Front matter: the TOML between two `+++` lines at the top of a Markdown file, read
against a schema, with every problem reported at its own line.

    +++
    title = "The river"
    [[press]]
    outlet = "Miami Herald"
    +++
    Body text…
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from crossing.story.diagnostics import Diagnostic, Position, did_you_mean
from crossing.story.source import SourceFile
from crossing.story.tables import toml_error

FENCE = "+++"
_KEY_LINE = re.compile(r"""^\s*(?:"([^"]+)"|([A-Za-z0-9_-]+))\s*=""")
_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_-]+)\s*\]\]")


@dataclass(frozen=True, slots=True)
class Spec:
    """One field: its type (str, int, bool), whether it must be there, and what it is."""

    type: type
    required: bool = False


@dataclass(frozen=True, slots=True)
class Schema:
    fields: Mapping[str, Spec]
    tables: Mapping[str, Mapping[str, Spec]] = field(default_factory=dict)  # [[name]] arrays


@dataclass(frozen=True, slots=True)
class FrontMatter:
    values: dict[str, Any]  # checked scalars; absent optional fields are left out
    positions: dict[str, Position]  # where each top-level field is written
    tables: dict[str, list[dict[str, Any]]]  # each [[name]] array, its entries checked
    table_positions: dict[str, list[Position]]  # where each entry's [[name]] line is
    body: str
    body_line: int  # the file line the body's first line is on
    position: Position  # the opening fence: where a missing field is reported
    # Where each entry's values are written: table -> entry -> field -> its value.
    table_fields: dict[str, list[dict[str, Position]]] = field(default_factory=dict)


@dataclass(slots=True)
class _Lines:
    """Where keys sit in the front matter: top-level keys, and keys of each table entry."""

    source: SourceFile
    first: int  # file line of the first front-matter line
    top: dict[str, int] = field(default_factory=dict)
    entries: dict[str, list[tuple[int, dict[str, int]]]] = field(default_factory=dict)

    @classmethod
    def scan(cls, source: SourceFile, first: int, lines: list[str]) -> _Lines:
        found = cls(source, first)
        current: dict[str, int] | None = None
        for offset, line in enumerate(lines):
            number = first + offset
            header = _ARRAY_HEADER.match(line)
            if header:
                current = {}
                found.entries.setdefault(header.group(1), []).append((number, current))
                continue
            if line.lstrip().startswith("["):
                current = {}  # a plain [table]: its keys belong to nobody we check
                continue
            key = _KEY_LINE.match(line)
            if key:
                name = key.group(1) or key.group(2)
                (found.top if current is None else current).setdefault(name, number)
        return found

    def at(self, line: int, text: str | None = None) -> Position:
        source_line = self.source.lines[line - 1] if line <= len(self.source.lines) else ""
        col = source_line.find(text) + 1 if text else 0
        if col <= 0:
            return Position(self.source.path, line, 1)
        assert text is not None
        return Position(self.source.path, line, col, len(text))

    def value_at(self, line: int, key: str, value: Any) -> Position:
        """Where a key's text value is written on its line; else the key."""
        text = self.source.lines[line - 1] if line <= len(self.source.lines) else ""
        if isinstance(value, date) and not isinstance(value, datetime):
            value = value.isoformat()  # a TOML date is written as its ISO form
        elif isinstance(value, bool):
            value = "true" if value else "false"
        elif isinstance(value, int):
            value = str(value)
        equals = text.find("=")
        col = text.find(value, equals) if isinstance(value, str) and value and equals >= 0 else -1
        if col < 0:
            return self.at(line, key)  # a value written with escapes, or on other lines
        return Position(self.source.path, line, col + 1, len(value))


def split(source: SourceFile) -> tuple[str, int, str, int] | Diagnostic:
    """(front matter text, its first line, body, the body's first line), or why not."""
    lines = source.lines
    if not lines or lines[0].strip() != FENCE:
        return Diagnostic(
            "E201",
            "the file must start with front matter between two '+++' lines",
            Position(source.path, 1, 1),
            "begin with a line '+++', then title = \"…\", then another '+++'",
        )
    for index in range(1, len(lines)):
        if lines[index].strip() == FENCE:
            return "\n".join(lines[1:index]), 2, "\n".join(lines[index + 1 :]), index + 2
    return Diagnostic(
        "E201",
        "the front matter is never closed",
        Position(source.path, 1, 1, 3),
        "end it with a line '+++' before the text",
    )


# Characters that XML 1.0 cannot hold (the feeds and the sitemap are XML) and that no page
# shows: C0 controls but tab, line feed and carriage return. TOML writes them only as escapes
# ("\u0000"), so one is almost always a mistake or a paste from elsewhere.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def without_control_characters(value: Any) -> tuple[Any, str]:
    """`value` (text, or lists and tables of it) with those characters taken out, and the
    first one found ("" if none)."""
    if isinstance(value, str):
        found = _CONTROL.search(value)
        return (_CONTROL.sub("", value), found.group()) if found else (value, "")
    if isinstance(value, list):
        cleaned = [without_control_characters(item) for item in value]
        return [item for item, _ in cleaned], next((f for _, f in cleaned if f), "")
    if isinstance(value, dict):
        pairs = {key: without_control_characters(item) for key, item in value.items()}
        first = next((f for _, f in pairs.values() if f), "")
        return {key: item for key, (item, _) in pairs.items()}, first
    return value, ""


def _table_line(text: str, name: str, first: int) -> int:
    """The line of a table's header ("[image]"), counted in the file; the opening's if none."""
    for number, line in enumerate(text.split("\n")):
        if line.strip() in (f"[{name}]", f"[[{name}]]"):
            return first + number
    return 1


def control_character_message(name: str, found: str) -> str:
    return (
        f"'{name}' contains the control character U+{ord(found):04X}, which pages and feeds"
        " cannot hold: delete it (it was left out)"
    )


def _type_name(kind: type) -> str:
    return {str: "text", int: "a whole number", bool: "true or false"}.get(kind, kind.__name__)


def _check_value(name: str, value: Any, spec: Spec) -> str | None:
    if spec.type is int and (isinstance(value, bool) or not isinstance(value, int)):
        return f"'{name}' must be {_type_name(int)}"
    if spec.type is str and not (isinstance(value, str) and value.strip()):
        return f"'{name}' must be non-empty text"
    if spec.type is bool and not isinstance(value, bool):
        return f"'{name}' must be {_type_name(bool)}"
    if spec.type is date and (not isinstance(value, date) or isinstance(value, datetime)):
        return (
            f"'{name}' must be a date such as 2014-03-09, not {_shown(value)}: "
            f"write it without quotes and without a time ({name} = 2014-03-09)"
        )
    return None


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return f"the text '{value}'"
    if isinstance(value, datetime):
        return f"a date and time ({value.isoformat()})"
    return repr(value)


def _check_fields(
    values: Mapping[str, Any],
    specs: Mapping[str, Spec],
    where: Position,
    line_of: Mapping[str, int],
    lines: _Lines,
    what: str,
    diagnostics: list[Diagnostic],
) -> dict[str, Any]:
    checked: dict[str, Any] = {}
    for name, value in values.items():
        at = lines.at(line_of[name], name) if name in line_of else where
        if name not in specs:
            hint = did_you_mean(name, specs) or f"{what} takes: {', '.join(specs)}"
            diagnostics.append(Diagnostic("E201", f"unknown field '{name}' in {what}", at, hint))
            continue
        if specs[name].type is str and isinstance(value, date | time):
            value = (
                value.isoformat(timespec="minutes")
                if isinstance(value, datetime | time)
                else value.isoformat()
            )
        problem = _check_value(name, value, specs[name])
        if problem:
            diagnostics.append(Diagnostic("E201", problem, at))
            continue
        checked[name] = value.strip() if isinstance(value, str) else value
    for name, spec in specs.items():
        if spec.required and name not in values:
            diagnostics.append(Diagnostic("E201", f"missing field '{name}' in {what}", where))
    return checked


def read(source: SourceFile, schema: Schema) -> tuple[FrontMatter | None, list[Diagnostic]]:
    """The checked front matter and body; None when the front matter cannot be read."""
    parts = split(source)
    if isinstance(parts, Diagnostic):
        return None, [parts]
    text, first, body, body_line = parts
    opening = Position(source.path, 1, 1, 3)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, col, message = toml_error(exc)
        at = Position(source.path, first + line - 1, col)
        return None, [Diagnostic("E201", f"front matter is not valid TOML: {message}", at)]

    lines = _Lines.scan(source, first, text.split("\n"))
    diagnostics: list[Diagnostic] = []
    for name in list(data):
        data[name], control = without_control_characters(data[name])
        if control:
            line = lines.top.get(name) or _table_line(text, name, first)
            at = lines.at(line, name)
            diagnostics.append(Diagnostic("E201", control_character_message(name, control), at))
    scalars = {k: v for k, v in data.items() if k not in schema.tables}
    values = _check_fields(
        scalars, schema.fields, opening, lines.top, lines, "the front matter", diagnostics
    )
    tables: dict[str, list[dict[str, Any]]] = {}
    positions: dict[str, list[Position]] = {}
    table_fields: dict[str, list[dict[str, Position]]] = {}
    for name, specs in schema.tables.items():
        entries = data.get(name, [])
        header_at = lines.at(lines.top.get(name, 1), name)
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            diagnostics.append(
                Diagnostic("E201", f"'{name}' must be a list of [[{name}]] tables", header_at)
            )
            continue
        found = lines.entries.get(name, [])
        tables[name], positions[name], table_fields[name] = [], [], []
        for index, entry in enumerate(entries):
            line, keys = found[index] if index < len(found) else (header_at.line, {})
            where = lines.at(line, f"[[{name}]]")
            what = f"[[{name}]] entry {index + 1}"
            checked = _check_fields(entry, specs, where, keys, lines, what, diagnostics)
            tables[name].append(checked)
            positions[name].append(where)
            table_fields[name].append(
                {
                    key: lines.value_at(keys[key], key, value) if key in keys else where
                    for key, value in checked.items()
                }
            )
    fields = {name: lines.at(line, name) for name, line in lines.top.items()}
    matter = FrontMatter(
        values, fields, tables, positions, body, body_line, opening, table_fields=table_fields
    )
    return matter, diagnostics
