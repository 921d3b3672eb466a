"""The sources and places tables: TOML files that story text refers to by key.

# sources.toml                         # places.toml
[unhcr-2013]                           [hyesan]
title = "Global Trends 2013"           name = "Hyesan"
author = "UNHCR"                       lat = 41.40
date = "2014-06-20"                    lon = 128.18
url = "https://…"
confidence = "confirmed"
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from typing import Any

from .compiled import Place, Source
from .diagnostics import Diagnostic, Position
from .source import SourceFile

CONFIDENCE_LEVELS = ("confirmed", "attributed", "estimate")
_SOURCE_FIELDS = ("title", "author", "date", "url", "confidence", "note")
_PLACE_FIELDS = ("name", "lat", "lon", "country", "note")
# [key], ["key"], ['key'], and the first part of [key.sub]
_TABLE_HEADER = re.compile(r"""^\s*\[\s*(?:"([^"]*)"|'([^']*)'|([^\s.\]"']+))\s*[].]""")
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass(frozen=True, slots=True)
class SourceEntry:
    source: Source
    position: Position


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    place: Place
    position: Position


def toml_error(exc: tomllib.TOMLDecodeError) -> tuple[int, int, str]:
    """Line, column and message of a TOML syntax error (tomllib puts them in its text)."""
    message = str(exc)
    match = _TOML_POSITION.search(message)
    line, col = (int(match.group(1)), int(match.group(2))) if match else (1, 1)
    return line, col, _TOML_POSITION.sub("", message).strip()


def _parse_toml(source: SourceFile) -> tuple[dict[str, Any] | None, list[Diagnostic]]:
    try:
        return tomllib.loads(source.text), []
    except tomllib.TOMLDecodeError as exc:
        line, col, message = toml_error(exc)
        return None, [
            Diagnostic("E017", f"TOML syntax: {message}", Position(source.path, line, col))
        ]


def _key_positions(source: SourceFile) -> dict[str, Position]:
    """Where each `[key]` table starts, read once per file."""
    positions: dict[str, Position] = {}
    for number, line in enumerate(source.lines, start=1):
        match = _TABLE_HEADER.match(line)
        if match:
            key = match.group(1) or match.group(2) or match.group(3)
            width = len(line.strip())
            positions.setdefault(key, Position(source.path, number, line.index("[") + 1, width))
    return positions


def _text_field(
    table: dict[str, Any], name: str, where: Position, diagnostics: list[Diagnostic], required: bool
) -> str | None:
    value = table.get(name)
    if value is None:
        if required:
            diagnostics.append(Diagnostic("E017", f"missing field '{name}'", where))
        return None
    if not isinstance(value, str) or not value.strip():
        diagnostics.append(Diagnostic("E017", f"'{name}' must be non-empty text", where))
        return None
    return value.strip()


def _nested_tables(key: str, table: dict[str, Any], where: Position) -> list[Diagnostic]:
    """[a.b] in TOML is table b inside table a: almost always a key that needed quotes."""
    return [
        Diagnostic(
            "E017",
            f"'{key}.{name}' is read as a table inside a table",
            where,
            f'quote a key that has a dot: ["{key}.{name}"]',
        )
        for name, value in table.items()
        if isinstance(value, dict)
    ]


def _unknown_fields(
    table: dict[str, Any], known: tuple[str, ...], where: Position
) -> list[Diagnostic]:
    from .diagnostics import did_you_mean

    return [
        Diagnostic("E017", f"unknown field '{name}'", where, did_you_mean(name, known))
        for name in table
        if name not in known
    ]


def load_sources(source: SourceFile) -> tuple[dict[str, SourceEntry], list[Diagnostic]]:
    data, diagnostics = _parse_toml(source)
    entries: dict[str, SourceEntry] = {}
    positions = _key_positions(source)
    for key, table in (data or {}).items():
        where = positions.get(key, Position(source.path, 1, 1))
        if not isinstance(table, dict):
            diagnostics.append(Diagnostic("E017", f"'{key}' must be a table: [{key}]", where))
            continue
        nested = _nested_tables(key, table, where)
        if nested:
            diagnostics += nested
            continue
        diagnostics += _unknown_fields(table, _SOURCE_FIELDS, where)
        title = _text_field(table, "title", where, diagnostics, required=True)
        author = _text_field(table, "author", where, diagnostics, required=True)
        confidence = _text_field(table, "confidence", where, diagnostics, required=True)
        if confidence is not None and confidence not in CONFIDENCE_LEVELS:
            diagnostics.append(
                Diagnostic(
                    "E017",
                    f"unknown confidence '{confidence}'",
                    where,
                    f"use one of: {', '.join(CONFIDENCE_LEVELS)}",
                )
            )
            confidence = None
        date = table.get("date")
        date_text = str(date) if date is not None else None  # TOML dates are fine too
        url = _text_field(table, "url", where, diagnostics, required=False)
        if url is not None and not re.match(r"^https?://", url):
            diagnostics.append(
                Diagnostic("E017", "'url' must start with http:// or https://", where)
            )
        note = _text_field(table, "note", where, diagnostics, required=False)
        if title and author and confidence:
            source_record = Source(key, title, author, date_text, url, confidence, note)
            entries[key] = SourceEntry(source_record, where)
    return entries, diagnostics


def load_places(source: SourceFile) -> tuple[dict[str, PlaceEntry], list[Diagnostic]]:
    data, diagnostics = _parse_toml(source)
    entries: dict[str, PlaceEntry] = {}
    positions = _key_positions(source)
    for key, table in (data or {}).items():
        where = positions.get(key, Position(source.path, 1, 1))
        if not isinstance(table, dict):
            diagnostics.append(Diagnostic("E017", f"'{key}' must be a table: [{key}]", where))
            continue
        nested = _nested_tables(key, table, where)
        if nested:
            diagnostics += nested
            continue
        diagnostics += _unknown_fields(table, _PLACE_FIELDS, where)
        name = _text_field(table, "name", where, diagnostics, required=True)
        coordinates: list[float | None] = []
        for field, limit in (("lat", 90.0), ("lon", 180.0)):
            value = table.get(field)
            if value is None:
                coordinates.append(None)
            elif (
                isinstance(value, bool)
                or not isinstance(value, int | float)
                or not -limit <= value <= limit
            ):
                diagnostics.append(
                    Diagnostic(
                        "E017", f"'{field}' must be a number from {-limit:g} to {limit:g}", where
                    )
                )
                coordinates.append(None)
            else:
                coordinates.append(float(value))
        country = _text_field(table, "country", where, diagnostics, required=False)
        if name:
            place = Place(key, name, coordinates[0], coordinates[1], country)
            entries[key] = PlaceEntry(place, where)
    return entries, diagnostics
