"""Figures: content/figures.toml, the data files it names, and the charts drawn from them.

    [arrivals]
    kind = "bars"
    data = "data/arrivals.csv"
    title = "…"
    caption = "…"
    credit = "Chart: Crossing, from Ministry of Unification figures"

`load_figures` reports every problem at once, at its `path:line:col`, and never raises: a
figure with a problem is left out of the result (the checker fails on the diagnostics).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from crossing.locales import speaking
from crossing.story.compiled import Place
from crossing.story.diagnostics import Diagnostic, Position, did_you_mean
from crossing.story.loader import shown_path
from crossing.story.source import read
from crossing.story.tables import toml_error

from . import kinds, rows
from .data import Cell, DataFile, read_data
from .data_translations import translated_data
from .maps import BaseMap, Bounds, read_base_map
from .model import Figure, Table

__all__ = ["KINDS", "Figure", "Table", "load_figures"]

FIGURES_FILE = "figures.toml"
KINDS = ("bars", "ranges", "events", "timeline", "route")
_COMMON = ("kind", "title", "caption", "credit", "sources")
_FIELDS: dict[str, tuple[str, ...]] = {
    "bars": (*_COMMON, "data", "label_heading", "value_heading", "parts"),
    "ranges": (*_COMMON, "data", "unit"),
    "events": (*_COMMON, "data", "unit"),
    "timeline": (*_COMMON, "data"),
    "route": (*_COMMON, "route", "region", "detail", "labels"),
}
# What a reader reads of a figure, given per language in figures.LOCALE.toml.
TRANSLATED = frozenset(
    {"title", "caption", "credit", "label_heading", "value_heading", "labels", "parts"}
)
_KEY = re.compile(r"[a-z0-9][a-z0-9-]*")  # it becomes ids (fig-KEY-…) and file names
_HEADER = re.compile(r"""^\s*\[\s*(?:"([^"]*)"|'([^']*)'|([^\s.\]"']+))\s*[].]""")
_FIELD = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")
_Row = TypeVar("_Row")


class _Toml:
    """figures.toml as lines: where each figure and each of its fields is written."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.lines = text.split("\n")
        self.tables: dict[str, tuple[int, int]] = {}  # key -> (first line, last line)
        current: str | None = None
        for number, line in enumerate(self.lines, start=1):
            match = _HEADER.match(line)
            if match:
                key = match.group(1) or match.group(2) or match.group(3)
                if current and current in self.tables:
                    self.tables[current] = (self.tables[current][0], number - 1)
                current = key
                self.tables.setdefault(key, (number, len(self.lines)))

    def table(self, key: str) -> Position:
        first = self.tables.get(key, (1, 1))[0]
        line = self.lines[first - 1] if first <= len(self.lines) else ""
        return Position(self.path, first, line.find("[") + 1 or 1, max(1, len(line.strip())))

    def field(self, key: str, name: str) -> Position:
        """The line of `name = …` inside [key], or the table's header if not found."""
        first, last = self.tables.get(key, (1, 1))
        for number in range(first, last + 1):
            match = _FIELD.match(self.lines[number - 1])
            if match and match.group(1) == name:
                return Position(self.path, number, match.start(1) + 1, len(name))
        return self.table(key)

    def value(self, key: str, name: str, text: str) -> Position:
        """Where a quoted string value first appears after `name =` (arrays span lines)."""
        start = self.field(key, name)
        last = self.tables.get(key, (1, len(self.lines)))[1]
        for number in range(start.line, last + 1):
            line = self.lines[number - 1]
            for quote in ('"', "'"):
                col = line.find(f"{quote}{text}{quote}", start.col if number == start.line else 0)
                if col >= 0:
                    return Position(self.path, number, col + 1, len(text) + 2)
        return start


@dataclass
class _Check:
    """The problems found so far, and whether the current figure is still whole."""

    diagnostics: list[Diagnostic]
    ok: bool = True

    def error(
        self, code: str, message: str, where: Position | None, hint: str | None = None
    ) -> None:
        self.diagnostics.append(Diagnostic(code, message, where, hint))
        self.ok = False


def load_figures(
    content_dir: Path,
    sources: Mapping[str, object],
    places: Mapping[str, Place],
    locale: str = "en",
) -> tuple[dict[str, Figure], list[Diagnostic]]:
    """Read content_dir/figures.toml and the CSV files it names; all problems at once.
    In another `locale`, each figure's words from figures.LOCALE.toml where it has them."""
    path = content_dir / FIGURES_FILE
    shown = shown_path(path)
    if not path.exists():
        return {}, []  # a site without figures is allowed; a figure it names is reported
    source, problems = read(path, shown)
    if source is None:
        return {}, problems
    text = source.text
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, col, message = toml_error(exc)
        return {}, [Diagnostic("E230", f"TOML syntax: {message}", Position(shown, line, col))]
    loader = _Loader(content_dir, _Toml(shown, text), sources, places, locale)
    if locale != "en":
        document = _translated(content_dir, document, locale, loader.diagnostics)
    figures = {}
    with speaking(locale):  # the charts' own words (legends, scales, tables) in `locale`
        for key, table in document.items():
            figure = loader.figure(key, table)
            if figure is not None:
                figures[key] = figure
    return figures, loader.diagnostics


def _translated(
    content_dir: Path, document: dict[str, Any], locale: str, diagnostics: list[Diagnostic]
) -> dict[str, Any]:
    """figures.toml's tables with the words of figures.LOCALE.toml: the same keys, and
    only the fields a reader reads (TRANSLATED); a figure it lacks keeps its own words."""
    path = content_dir / f"{Path(FIGURES_FILE).stem}.{locale}.toml"
    if not path.exists():
        return document
    shown = shown_path(path)
    source, problems = read(path, shown)
    diagnostics += problems
    if source is None:
        return document
    try:
        translated = tomllib.loads(source.text)
    except tomllib.TOMLDecodeError as exc:
        line, col, message = toml_error(exc)
        diagnostics.append(
            Diagnostic("E230", f"TOML syntax: {message}", Position(shown, line, col))
        )
        return document
    where = _Toml(shown, source.text)
    merged = dict(document)
    for key, table in translated.items():
        if key not in document or not isinstance(table, dict):
            hint = did_you_mean(key, document) or f"{FIGURES_FILE} has: {', '.join(document)}"
            diagnostics.append(
                Diagnostic("E231", f"no figure '{key}' in {FIGURES_FILE}", where.table(key), hint)
            )
            continue
        for name in sorted(set(table) - TRANSLATED):
            diagnostics.append(
                Diagnostic(
                    "E231",
                    f"'{name}' is not translated: it is {FIGURES_FILE}'s",
                    where.field(key, name),
                    f"a translation gives only {', '.join(sorted(TRANSLATED))}",
                )
            )
        merged[key] = {**document[key], **{k: v for k, v in table.items() if k in TRANSLATED}}
    return merged


class _Loader:
    def __init__(
        self,
        content_dir: Path,
        toml: _Toml,
        sources: Mapping[str, object],
        places: Mapping[str, Place],
        locale: str = "en",
    ) -> None:
        self.content_dir = content_dir
        self.locale = locale
        self.toml = toml
        self.sources = sources
        self.places = places
        self.diagnostics: list[Diagnostic] = []
        # A file two figures share is read (and reported) once; False: it has problems.
        self._data: dict[Path, tuple[DataFile | None, bool]] = {}
        self._base: BaseMap | str | None = None

    def figure(self, key: str, table: Any) -> Figure | None:
        check = _Check(self.diagnostics)
        where = self.toml.table(key)
        if not isinstance(table, dict):
            check.error("E231", f"'{key}' must be a table: [{key}]", where)
            return None
        if not _KEY.fullmatch(key):
            check.error(
                "E231",
                f"figure key '{key}' must be lower-case letters, digits and hyphens",
                where,
                "the key becomes part of ids and file names",
            )
        kind = table.get("kind")
        if kind is None:
            check.error(
                "E231", f"figure '{key}' has no 'kind'", where, f"use one of: {', '.join(KINDS)}"
            )
            return None
        if kind not in KINDS:
            hint = did_you_mean(str(kind), KINDS) or f"use one of: {', '.join(KINDS)}"
            check.error("E232", f"unknown figure kind '{kind}'", self.toml.field(key, "kind"), hint)
            return None
        for name in table:
            if name not in _FIELDS[kind]:
                hint = (
                    did_you_mean(name, _FIELDS[kind])
                    or f"a {kind} figure has: {', '.join(_FIELDS[kind])}"
                )
                check.error("E231", f"unknown field '{name}'", self.toml.field(key, name), hint)
        text = self._text_reader(key, table, check)
        title, caption, credit = text("title"), text("caption"), text("credit")
        cited = self._source_list(key, table, check, required=kind == "route")
        made = self._kind(kind, key, table, title or key, check, text)
        if made is None or not check.ok or title is None or caption is None or credit is None:
            return None
        svg_text, figure_table, from_data = made
        keys = list(dict.fromkeys(from_data + cited))
        return Figure(key, kind, title, caption, credit, tuple(keys), figure_table, svg_text, where)

    # --- fields --------------------------------------------------------------------

    def _text_reader(
        self, key: str, table: dict[str, Any], check: _Check
    ) -> Callable[..., str | None]:
        def text(name: str, required: bool = True) -> str | None:
            value = table.get(name)
            where = self.toml.field(key, name)
            if value is None:
                if required:
                    check.error("E231", f"figure '{key}' has no '{name}'", self.toml.table(key))
                return None
            if not isinstance(value, str) or not value.strip():
                check.error("E231", f"'{name}' must be non-empty text", where)
                return None
            if "<" in value or ">" in value:
                check.error("E231", f"'{name}' must be plain text (no markup)", where)
                return None
            return " ".join(value.split())

        return text

    def _strings(
        self, key: str, table: dict[str, Any], name: str, check: _Check
    ) -> list[str] | None:
        value = table.get(name)
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            check.error("E231", f"'{name}' must be a list of text", self.toml.field(key, name))
            return None
        return [v.strip() for v in value]

    def _source_list(
        self, key: str, table: dict[str, Any], check: _Check, required: bool
    ) -> list[str]:
        keys = self._strings(key, table, "sources", check)
        if keys is None:
            if required and "sources" not in table:
                check.error(
                    "E231",
                    f"figure '{key}' has no 'sources'",
                    self.toml.table(key),
                    'a map cites what its route rests on: sources = ["key", …]',
                )
            return []
        for source in keys:
            self._known_source(source, self.toml.value(key, "sources", source), check)
        return keys

    def _known_source(self, source: str, where: Position, check: _Check) -> None:
        if source not in self.sources:
            check.error(
                "E236", f"unknown source '{source}'", where, did_you_mean(source, self.sources)
            )

    def _bounds(self, key: str, table: dict[str, Any], name: str, check: _Check) -> Bounds | None:
        value = table.get(name)
        if value is None:
            return None
        where = self.toml.field(key, name)
        sides = ("north", "south", "west", "east")
        if (
            not isinstance(value, dict)
            or set(value) != set(sides)
            or not all(
                isinstance(value[s], int | float) and not isinstance(value[s], bool) for s in sides
            )
        ):
            check.error(
                "E231",
                f"'{name}' must give four numbers",
                where,
                f"{name} = {{ north = 45.0, south = 12.0, west = 97.0, east = 132.0 }}",
            )
            return None
        bounds = Bounds(*(float(value[s]) for s in sides))
        if bounds.north <= bounds.south or bounds.east <= bounds.west:
            check.error(
                "E231", f"'{name}' is empty: north must be above south, east right of west", where
            )
            return None
        return bounds

    # --- kinds ---------------------------------------------------------------------

    def _kind(
        self,
        kind: str,
        key: str,
        table: dict[str, Any],
        title: str,
        check: _Check,
        text: Callable[..., str | None],
    ) -> tuple[str, Table, list[str]] | None:
        if kind == "route":
            return self._route(key, table, title, check)
        data = self._data_file(key, table, check)
        if data is None:
            return None
        cited = self._data_sources(data, check)
        notes = data.notes
        if kind == "bars":
            headings = (text("label_heading"), text("value_heading"))
            parts = self._strings(key, table, "parts", check)
            if parts is not None and len(parts) != 2:
                check.error(
                    "E231",
                    "'parts' names two things: the part and the rest",
                    self.toml.field(key, "parts"),
                    'parts = ["women", "men"]',
                )
            bars = self._typed(rows.bars, data, check)
            if bars is None or headings[0] is None or headings[1] is None or not check.ok:
                return None
            pair = (parts[0], parts[1]) if parts else None
            made = kinds.bars(key, title, bars, notes, (headings[0], headings[1]), pair)
        elif kind == "ranges":
            unit = text("unit", required=False) or ""
            spreads = self._typed(rows.spreads, data, check)
            if spreads is None:
                return None
            made = kinds.ranges(key, title, spreads, notes, unit)
        elif kind == "events":
            unit = text("unit", required=False) or ""
            events = self._typed(rows.events, data, check)
            if events is None:
                return None
            made = kinds.events(key, title, events, notes, unit)
        else:
            moments = self._typed(rows.moments, data, check)
            if moments is None:
                return None
            made = kinds.timeline(key, title, moments, notes)
        return made[0], made[1], cited

    def _typed(
        self,
        reader: Callable[[DataFile], tuple[list[_Row], list[Diagnostic]]],
        data: DataFile,
        check: _Check,
    ) -> list[_Row] | None:
        """The file's rows read for this kind: None if any is wrong (each is reported)."""
        typed, problems = reader(data)
        self.diagnostics += [p for p in problems if p not in self.diagnostics]
        if problems:
            check.ok = False
        elif not typed:
            check.error("E240", "the data file has no rows", data.header)
        return typed if check.ok else None

    def _data_file(self, key: str, table: dict[str, Any], check: _Check) -> DataFile | None:
        name = table.get("data")
        where = self.toml.field(key, "data")
        if name is None:
            check.error(
                "E231",
                f"figure '{key}' has no 'data'",
                self.toml.table(key),
                'data = "data/name.csv"',
            )
            return None
        if not isinstance(name, str) or not name.strip():
            check.error("E231", "'data' must be a file name", where)
            return None
        path = self.content_dir / name
        try:
            inside = path.resolve().is_relative_to(self.content_dir.resolve())
        except OSError:
            inside = False
        if not inside or Path(name).is_absolute():
            check.error(
                "E233",
                f"'{name}' is outside the content folder",
                where,
                "data files live in content/data/",
            )
            return None
        resolved = path.resolve()
        if resolved not in self._data:
            data, problems = read_data(path, shown_path(path), where)
            if data is not None and not problems and self.locale != "en":
                # The words of data/NAME.LOCALE.csv where it matches the source; the
                # source's own where it does not (E242) or there is none.
                translated, mismatches = translated_data(data, path, self.locale)
                self.diagnostics += mismatches
                data = translated or data
            self._data[resolved] = (data, not problems)
            self.diagnostics += problems
        data, whole = self._data[resolved]
        if not whole:
            check.ok = False
        return data

    def _data_sources(self, data: DataFile, check: _Check) -> list[str]:
        """The file's `# source:` keys, then each row's own, in order; unknown keys reported.

        A row's `source` cell may hold several keys, separated by semicolons.
        """
        cells = list(data.sources)
        for row in data.rows:
            cell = row.cells.get("source")
            if cell is not None and cell.text:
                cells += _split_keys(cell)
        keys: list[str] = []
        for cell in cells:
            if cell.text not in self.sources:
                hint = did_you_mean(cell.text, self.sources)
                problem = Diagnostic("E236", f"unknown source '{cell.text}'", cell.position, hint)
                if problem not in self.diagnostics:  # once per file, however many figures
                    self.diagnostics.append(problem)
                check.ok = False
            keys.append(cell.text)
        if not data.sources:
            check.ok = False
        return keys

    def _route(
        self, key: str, table: dict[str, Any], title: str, check: _Check
    ) -> tuple[str, Table, list[str]] | None:
        keys = self._strings(key, table, "route", check)
        if keys is None:
            if "route" not in table:
                check.error(
                    "E231",
                    f"figure '{key}' has no 'route'",
                    self.toml.table(key),
                    'route = ["musan", "yanji", …]',
                )
            return None
        stops: list[Place] = []
        for place_key in keys:
            place = self.places.get(place_key)
            where = self.toml.value(key, "route", place_key)
            if place is None:
                check.error(
                    "E237",
                    f"unknown place '{place_key}'",
                    where,
                    did_you_mean(place_key, self.places),
                )
            elif place.lat is None or place.lon is None:
                check.error(
                    "E237",
                    f"place '{place_key}' has no coordinates",
                    where,
                    "give it lat and lon in places.toml",
                )
            else:
                stops.append(place)
        if len(keys) < 2:
            check.error("E231", "a route needs at least two places", self.toml.field(key, "route"))
        names = self._labels(key, table, keys, check)
        region, detail = (
            self._bounds(key, table, "region", check),
            self._bounds(key, table, "detail", check),
        )
        base = self._base_map(key, check)
        if not check.ok or base is None:
            return None
        svg_text, made = kinds.route(key, title, base, stops, region, detail, names)
        return svg_text, made, []

    def _labels(
        self, key: str, table: dict[str, Any], route: list[str], check: _Check
    ) -> dict[str, str]:
        value = table.get("labels", {})
        where = self.toml.field(key, "labels")
        if not isinstance(value, dict) or not all(
            isinstance(v, str) and v.strip() for v in value.values()
        ):
            check.error(
                "E231",
                "'labels' must map place keys to short names",
                where,
                'labels = { west_sea = "West Sea" }',
            )
            return {}
        for place_key in value:
            if place_key not in route:
                check.error(
                    "E237",
                    f"'{place_key}' in 'labels' is not on the route",
                    where,
                    did_you_mean(place_key, route),
                )
        return {k: " ".join(v.split()) for k, v in value.items()}

    def _base_map(self, key: str, check: _Check) -> BaseMap | None:
        if self._base is None:
            try:
                self._base = read_base_map()
            except (OSError, ValueError) as exc:
                self._base = str(exc)
        if isinstance(self._base, str):
            check.error("E241", f"the base map cannot be read: {self._base}", self.toml.table(key))
            return None
        return self._base


def _split_keys(cell: Cell) -> list[Cell]:
    """ "a; b" -> the cells a and b, each at its own column."""
    out: list[Cell] = []
    offset = 0
    for part in cell.text.split(";"):
        key = part.strip()
        if key:
            col = cell.position.col + offset + part.index(key)
            out.append(Cell(key, Position(cell.position.path, cell.position.line, col, len(key))))
        offset += len(part) + 1
    return out
