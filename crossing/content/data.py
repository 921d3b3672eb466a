"""Data files: the CSV behind a figure, with the sources and notes written above its header.

    # source: mou-settlement, joongang-2026-arrivals
    # note: "To 1998" is a total over several years.
    label,value,share,source
    2009,2914,77,
    "to 1998",947,12,

One record per line (a quoted cell may hold commas, not line breaks), so that every cell
has a `path:line:col` to report. Nothing here knows what the columns mean: the figure
kinds (rows.py) ask for the cells they need and report what they cannot read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from crossing.story.diagnostics import Diagnostic, Position
from crossing.story.source import decode

# A data file larger than this is surely a mistake (the figures hold tens of rows).
MAX_DATA_BYTES = 1024 * 1024
_NUMBER = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_DIRECTIVE = re.compile(r"#\s*(source|note)\s*:(.*)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell's text (surrounding spaces removed) and where it is in the file."""

    text: str
    position: Position


@dataclass(frozen=True, slots=True)
class Row:
    line: int
    cells: dict[str, Cell] = field(hash=False)

    def text(self, column: str) -> str:
        cell = self.cells.get(column)
        return cell.text if cell else ""


@dataclass(frozen=True, slots=True)
class DataFile:
    path: str  # as shown in diagnostics
    sources: tuple[Cell, ...]  # each key of the `# source:` lines, where it is written
    notes: tuple[str, ...]
    columns: tuple[str, ...]
    header: Position  # the header row, for "missing column" errors
    rows: tuple[Row, ...]


def split_cells(line: str) -> tuple[list[tuple[str, int, int]], str | None]:
    """The cells of one CSV line as (text, col, width), or an error for an open quote.

    Written by hand rather than with the csv module because we need each cell's column.
    """
    cells: list[tuple[str, int, int]] = []
    i, n = 0, len(line)
    while True:
        while i < n and line[i] in " \t":
            i += 1
        start = i
        if i < n and line[i] == '"':
            i += 1
            parts: list[str] = []
            while True:
                end = line.find('"', i)
                if end < 0:
                    return cells, f"a quote opened at column {start + 1} is never closed"
                parts.append(line[i:end])
                i = end + 1
                if i < n and line[i] == '"':  # "" is a quote inside quotes
                    parts.append('"')
                    i += 1
                    continue
                break
            text = "".join(parts)
            while i < n and line[i] in " \t":
                i += 1
            if i < n and line[i] != ",":
                return cells, f"unexpected text after the quoted cell at column {start + 1}"
        else:
            end = line.find(",", i)
            end = n if end < 0 else end
            text = line[i:end].rstrip(" \t")
            i = end
        # A quoted cell is reported from its first character inside the quotes.
        col = start + 2 if line[start : start + 1] == '"' else start + 1
        cells.append((text, col, max(1, len(text))))
        if i >= n:
            return cells, None
        i += 1  # the comma


def parse_number(cell: Cell) -> tuple[float | None, Diagnostic | None]:
    """An empty cell is None (no figure); anything else must be a plain number."""
    text = cell.text.strip()
    if not text:
        return None, None
    if _NUMBER.fullmatch(text):
        return float(text.replace(",", "")), None
    return None, Diagnostic(
        "E235",
        f"'{text}' is not a number",
        cell.position,
        "write digits only, like 2914 or 12.5 (no units, no words)",
    )


def parse_data(path: str, text: str) -> tuple[DataFile | None, list[Diagnostic]]:
    """Read CSV text; every problem is reported, and rows that cannot be read are left out."""
    diagnostics: list[Diagnostic] = []
    sources: list[Cell] = []
    notes: list[str] = []
    columns: tuple[str, ...] | None = None
    header = Position(path, 1, 1)
    rows: list[Row] = []
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            directive = _DIRECTIVE.match(stripped)
            if directive and columns is not None:
                diagnostics.append(
                    Diagnostic(
                        "E239",
                        f"a '# {directive.group(1).lower()}:' line after the header is ignored",
                        Position(path, number, 1, len(line)),
                        "move it above the header row",
                    )
                )
            elif directive and directive.group(1).lower() == "note":
                notes.append(directive.group(2).strip())
            elif directive:
                sources += _source_keys(path, number, line)
            continue
        cells, error = split_cells(line)
        if error:
            diagnostics.append(Diagnostic("E239", error, Position(path, number, 1, len(line))))
            continue
        if columns is None:
            header = Position(path, number, 1, len(line))
            columns = _header(path, number, cells, diagnostics)
            continue
        if len(cells) != len(columns):
            diagnostics.append(
                Diagnostic(
                    "E239",
                    f"this row has {len(cells)} cells; the header has {len(columns)}",
                    Position(path, number, 1, len(line)),
                    f"the columns are: {', '.join(columns)}",
                )
            )
            continue
        row = {
            name: Cell(value, Position(path, number, col, width))
            for name, (value, col, width) in zip(columns, cells, strict=True)
        }
        rows.append(Row(number, row))
    if columns is None:
        diagnostics.append(
            Diagnostic("E233", "the data file has no header row", Position(path, 1, 1))
        )
        return None, diagnostics
    if not sources:
        diagnostics.append(
            Diagnostic(
                "E234",
                "the data file names no source",
                Position(path, 1, 1),
                "add a line above the header: # source: key-from-sources-toml",
            )
        )
    return DataFile(path, tuple(sources), tuple(notes), columns, header, tuple(rows)), diagnostics


def _source_keys(path: str, number: int, line: str) -> list[Cell]:
    """Each comma-separated key after `# source:`, with its own column."""
    start = line.index(":") + 1
    keys: list[Cell] = []
    offset = start
    for part in line[start:].split(","):
        key = part.strip()
        if key:
            col = offset + part.index(key) + 1
            keys.append(Cell(key, Position(path, number, col, len(key))))
        offset += len(part) + 1
    return keys


def _header(
    path: str, number: int, cells: list[tuple[str, int, int]], diagnostics: list[Diagnostic]
) -> tuple[str, ...]:
    names: list[str] = []
    for text, col, width in cells:
        name = text.strip().lower()
        where = Position(path, number, col, width)
        if not name:
            diagnostics.append(Diagnostic("E239", "a column with no name", where))
        elif name in names:
            diagnostics.append(Diagnostic("E239", f"column '{name}' appears twice", where))
        names.append(name)
    return tuple(names)


def read_data(
    path: Path, shown: str, named_at: Position | None = None
) -> tuple[DataFile | None, list[Diagnostic]]:
    """Read a data file from disk; a missing or unreadable file is a diagnostic, not an error.

    `named_at` is where the file is named (figures.toml): the place to report it missing.
    """
    where = Position(shown, 1, 1)
    try:
        if path.stat().st_size > MAX_DATA_BYTES:
            return None, [Diagnostic("E233", f"'{shown}' is too large for a data file", where)]
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [Diagnostic("E233", f"no data file '{shown}'", named_at)]
    except OSError as exc:
        return None, [Diagnostic("E233", f"cannot read '{shown}': {exc.strerror}", named_at)]
    source, problems = decode(shown, raw)  # the story files' own rules: UTF-8, any newline
    if source is None:
        line = problems[0].position.line if problems[0].position else 1
        return None, [
            Diagnostic(
                "E233",
                f"the data file is not UTF-8 text: {problems[0].message}",
                Position(shown, line, 1),
                "save it as UTF-8 (CSV UTF-8 in a spreadsheet)",
            )
        ]
    return parse_data(shown, source.text)
