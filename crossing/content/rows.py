"""What each figure kind reads from its data file: named columns, turned into typed rows.

Every kind has fixed column names (docs/content.md, "Figure kinds"); a `source` column is
allowed in all of them. A row that cannot be read is reported at its line and left out,
and the figure is then left out too (figures.py), so no chart is drawn from half its data.
"""

from __future__ import annotations

from dataclasses import dataclass

from crossing.story.diagnostics import Diagnostic, did_you_mean

from .data import Cell, DataFile, Row, parse_number
from .formats import OPEN_ABOVE, OPEN_BELOW, QUALIFIERS, Amount

# kind -> (required columns, optional columns)
COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "bars": (("label", "value"), ("part", "share", "span", "remark", "source")),
    "ranges": (("label", "what", "amount"), ("to", "qualifier", "confidence", "by", "source")),
    "events": (("date", "what", "amount"), ("to", "qualifier", "remark", "by", "source")),
    "timeline": (("date", "event"), ("source",)),
}
CONFIDENCE = ("confirmed", "attributed")


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float | None  # None: no figure for this row (shown as such, never as zero)
    part: float | None  # the part's count, where the source gives it
    share: float | None  # the part's share of value in %, as given or computed from part
    span: str  # words for a row that totals several years ("" for one year)
    remark: str

    @property
    def part_length(self) -> float | None:
        """How much of the bar the part fills: its count, or the value times its share."""
        if self.value is None:
            return None
        if self.part is not None:
            return self.part
        return None if self.share is None else self.value * self.share / 100


@dataclass(frozen=True, slots=True)
class Spread:
    """One source's figure in a `ranges` chart."""

    label: str
    what: str
    amount: Amount
    attributed: bool  # an advocacy or unnamed source: drawn hollow, and said so
    by: str  # who gives the figure, in a few words ("The Washington Post")


@dataclass(frozen=True, slots=True)
class Event:
    date: str
    what: str
    amount: Amount
    remark: str
    by: str


@dataclass(frozen=True, slots=True)
class Moment:
    date: str
    event: str


class _Reader:
    """Collects problems while reading cells of one file."""

    def __init__(self) -> None:
        self.diagnostics: list[Diagnostic] = []

    def columns(self, data: DataFile, kind: str) -> bool:
        required, optional = COLUMNS[kind]
        known = required + optional
        ok = True
        for name in required:
            if name not in data.columns:
                ok = False
                self.diagnostics.append(
                    Diagnostic(
                        "E238",
                        f"a '{kind}' figure needs a column '{name}'",
                        data.header,
                        f"its columns are: {', '.join(known)}",
                    )
                )
        for name in data.columns:
            if name and name not in known:
                ok = False
                hint = did_you_mean(name, known) or f"its columns are: {', '.join(known)}"
                self.diagnostics.append(
                    Diagnostic(
                        "E238", f"a '{kind}' figure has no column '{name}'", data.header, hint
                    )
                )
        return ok

    def fail(self, cell: Cell, message: str, hint: str | None = None) -> None:
        self.diagnostics.append(Diagnostic("E240", message, cell.position, hint))

    def text(self, row: Row, column: str) -> str | None:
        """A required text cell: None (and a diagnostic) when empty."""
        value = row.text(column)
        if not value:
            self.fail(row.cells[column], f"the '{column}' cell is empty")
            return None
        return value

    def number(self, row: Row, column: str, required: bool = False) -> tuple[float | None, bool]:
        """(value, ok): an absent column or empty cell is (None, ok) unless required."""
        cell = row.cells.get(column)
        if cell is None:
            return None, True
        value, problem = parse_number(cell)
        if problem:
            self.diagnostics.append(problem)
            return None, False
        if value is None and required:
            self.fail(cell, f"the '{column}' cell is empty", "every row needs a number here")
            return None, False
        if value is not None and value < 0:
            self.fail(cell, f"'{cell.text}' is below zero")
            return None, False
        return value, True

    def amount(self, row: Row) -> Amount | None:
        value, ok_value = self.number(row, "amount", required=True)
        to, ok_to = self.number(row, "to")
        qualifier = row.text("qualifier").lower()
        if qualifier not in QUALIFIERS:
            self.fail(
                row.cells["qualifier"],
                f"unknown qualifier '{qualifier}'",
                f"use one of: {', '.join(repr(q) for q in QUALIFIERS if q)} or leave it empty",
            )
            return None
        if value is None or not (ok_value and ok_to):
            return None
        if to is not None and to <= value:
            self.fail(row.cells["to"], f"the span ends ({to:g}) at or below its start ({value:g})")
            return None
        if to is not None and qualifier in OPEN_BELOW + OPEN_ABOVE:
            self.fail(
                row.cells["qualifier"],
                f"'{qualifier}' leaves one end open; it cannot go with a span",
                "give either a span (amount and to) or one bound",
            )
            return None
        return Amount(value, to, qualifier)


def bars(data: DataFile) -> tuple[list[Bar], list[Diagnostic]]:
    reader = _Reader()
    if not reader.columns(data, "bars"):
        return [], reader.diagnostics
    out: list[Bar] = []
    for row in data.rows:
        label = reader.text(row, "label")
        value, ok_value = reader.number(row, "value")
        part, ok_part = reader.number(row, "part")
        share, ok_share = reader.number(row, "share")
        if label is None or not (ok_value and ok_part and ok_share):
            continue
        if value is None and (part is not None or share is not None):
            reader.fail(row.cells["value"], "a row with a part needs a value")
            continue
        if share is not None and share > 100:
            reader.fail(row.cells["share"], f"a share of {share:g} % is more than the whole")
            continue
        if part is not None and value is not None and part > value:
            reader.fail(row.cells["part"], f"the part ({part:g}) is more than the value")
            continue
        if share is None and part is not None and value:
            share = part / value * 100
        out.append(Bar(label, value, part, share, row.text("span"), row.text("remark")))
    return out, reader.diagnostics


def spreads(data: DataFile) -> tuple[list[Spread], list[Diagnostic]]:
    reader = _Reader()
    if not reader.columns(data, "ranges"):
        return [], reader.diagnostics
    out: list[Spread] = []
    for row in data.rows:
        label, what, amount = (
            reader.text(row, "label"),
            reader.text(row, "what"),
            reader.amount(row),
        )
        confidence = row.text("confidence").lower() or "confirmed"
        if confidence not in CONFIDENCE:
            reader.fail(
                row.cells["confidence"],
                f"unknown confidence '{confidence}'",
                f"use {' or '.join(CONFIDENCE)}",
            )
            continue
        if amount is not None and amount.value <= 0:
            reader.fail(
                row.cells["amount"],
                "a ranges figure is drawn on a logarithmic scale, which has no zero",
                "leave out a zero figure, or use an events or bars figure",
            )
            continue
        if label and what and amount:
            out.append(Spread(label, what, amount, confidence == "attributed", row.text("by")))
    return out, reader.diagnostics


def events(data: DataFile) -> tuple[list[Event], list[Diagnostic]]:
    reader = _Reader()
    if not reader.columns(data, "events"):
        return [], reader.diagnostics
    out: list[Event] = []
    for row in data.rows:
        date, what, amount = reader.text(row, "date"), reader.text(row, "what"), reader.amount(row)
        if date and what and amount:
            out.append(Event(date, what, amount, row.text("remark"), row.text("by")))
    return out, reader.diagnostics


def moments(data: DataFile) -> tuple[list[Moment], list[Diagnostic]]:
    reader = _Reader()
    if not reader.columns(data, "timeline"):
        return [], reader.diagnostics
    out: list[Moment] = []
    for row in data.rows:
        date, event = reader.text(row, "date"), reader.text(row, "event")
        if date and event:
            out.append(Moment(date, event))
    return out, reader.diagnostics
