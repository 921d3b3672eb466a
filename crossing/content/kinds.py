"""Each kind's text alternative: its data table and the one-sentence description of its SVG.

The table says everything the chart shows, in the same formatted numbers, so a reader
who cannot see the chart loses nothing.
"""

from __future__ import annotations

from crossing.story.compiled import Place

from . import charts, maps
from .formats import NO_FIGURE, number, percent
from .maps import BaseMap, Bounds
from .model import Table
from .rows import Bar, Event, Moment, Spread


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _note(*parts: str) -> str:
    return "; ".join(p for p in parts if p) or NO_FIGURE


def bars(
    key: str,
    title: str,
    rows: list[Bar],
    notes: tuple[str, ...],
    headings: tuple[str, str],
    parts: tuple[str, str] | None,
) -> tuple[str, Table]:
    headers = [*headings]
    if parts:
        headers.append(parts[0].capitalize())
    headers.append("Note")
    table_rows = []
    for bar in rows:
        cells = [bar.label, NO_FIGURE if bar.value is None else number(bar.value)]
        if parts:
            if bar.part is not None and bar.share is not None:
                cells.append(f"{number(bar.part)} ({percent(bar.share)})")
            elif bar.share is not None:
                cells.append(percent(bar.share))
            else:
                cells.append(NO_FIGURE)
        remark = bar.remark or ("no figure" if bar.value is None else "")
        cells.append(_note(bar.span, remark))
        table_rows.append(tuple(cells))
    known = [b for b in rows if b.value is not None]
    largest = max(known, key=lambda b: b.value or 0, default=None)
    desc = (
        f"Horizontal bars of {headings[1].lower()} for {len(rows)} rows,"
        f" {rows[0].label} first and {rows[-1].label} last"
    )
    if largest and largest.value is not None:
        desc += f"; the largest is {number(largest.value)} ({largest.label})"
    if parts:
        desc += f"; each bar is split into {parts[0]} and {parts[1]} where the split is known"
    svg_text = charts.draw_bars(key, title, desc + ".", rows, parts)
    return svg_text, Table(title, tuple(headers), tuple(table_rows), notes)


def ranges(
    key: str, title: str, rows: list[Spread], notes: tuple[str, ...], unit: str
) -> tuple[str, Table]:
    by = any(r.by for r in rows)
    headers = ("When", *(("Reported by",) if by else ()), "What", "Amount", "Confidence")
    table_rows = tuple(
        (
            r.label,
            *((r.by or NO_FIGURE,) if by else ()),
            r.what,
            r.amount.text(unit),
            "activists' figure, as reported" if r.attributed else "reported",
        )
        for r in rows
    )
    desc = (
        f"Dots on a logarithmic scale for {len(rows)} figures from {rows[0].label}"
        f" to {rows[-1].label}; hollow dots are activists' figures and arrows mark bounds."
    )
    return charts.draw_ranges(key, title, desc, rows, unit), Table(
        title, headers, table_rows, notes
    )


def events(
    key: str, title: str, rows: list[Event], notes: tuple[str, ...], unit: str
) -> tuple[str, Table]:
    by = any(r.by for r in rows)
    headers = ("Date", "What", "Number", *(("Reported by",) if by else ()), "Note")
    table_rows = tuple(
        (
            r.date,
            r.what,
            r.amount.text(unit),
            *((r.by or NO_FIGURE,) if by else ()),
            r.remark or NO_FIGURE,
        )
        for r in rows
    )
    largest = max(rows, key=lambda r: r.amount.high)
    desc = (
        f"Horizontal bars for {len(rows)} events from {rows[0].date} to {rows[-1].date};"
        f" the largest is {largest.amount.text(unit)} ({largest.date})."
    )
    return charts.draw_events(key, title, desc, rows, unit), Table(
        title, headers, table_rows, notes
    )


def timeline(key: str, title: str, rows: list[Moment], notes: tuple[str, ...]) -> tuple[str, Table]:
    table_rows = tuple((m.date, m.event) for m in rows)
    desc = f"A timeline of {len(rows)} events, dated from {rows[0].date} to {rows[-1].date}."
    return charts.draw_timeline(key, title, desc, rows), Table(
        title, ("Date", "Event"), table_rows, notes
    )


def route(
    key: str,
    title: str,
    base: BaseMap,
    stops: list[Place],
    region: Bounds | None,
    detail: Bounds | None,
    names: dict[str, str],
) -> tuple[str, Table]:
    table_rows = tuple(
        (str(i), place.name, base.country_name(place.country) if place.country else NO_FIGURE)
        for i, place in enumerate(stops, start=1)
    )
    notes = ("Straight lines join the places in order: they are not the roads or paths taken.",)
    shown = [names.get(p.key) or maps.short_name(p) for p in stops]
    via = f" by way of {_and(shown[1:-1])}" if len(shown) > 2 else ""
    desc = f"A map of a route from {shown[0]}{via} to {shown[-1]}, drawn as straight lines."
    svg_text = maps.draw_route(key, title, desc, base, stops, region, detail, names)
    return svg_text, Table(title, ("Stop", "Place", "Country"), table_rows, notes)
