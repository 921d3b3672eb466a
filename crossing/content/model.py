"""What the site gets for each figure: the SVG, and the same data as a table to read."""

from __future__ import annotations

from dataclasses import dataclass

from crossing.story.diagnostics import Position


@dataclass(frozen=True, slots=True)
class Table:
    """The figure's text alternative, already formatted ("2,914", "77 %", "—")."""

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...]  # the data file's "# note:" lines


@dataclass(frozen=True, slots=True)
class Figure:
    key: str
    kind: str  # bars, ranges, events, timeline or route
    title: str
    caption: str  # plain text
    credit: str
    sources: tuple[str, ...]  # every source key it rests on, first-seen order, no repeats
    table: Table
    svg: str  # a standalone SVG document, no XML declaration
    position: Position  # where [key] is in figures.toml
