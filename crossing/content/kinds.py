"""Each kind's text alternative: its data table and the one-sentence description of its SVG.

The table says everything the chart shows, in the same formatted numbers, so a reader
who cannot see the chart loses nothing.
"""

from __future__ import annotations

from crossing.locales import _
from crossing.story.compiled import Place

from . import charts, maps
from .formats import NO_FIGURE, number, percent
from .maps import BaseMap, Bounds
from .model import Table
from .rows import Bar, Event, Moment, Spread


def _and(words: list[str]) -> str:
    if len(words) == 1:
        return words[0]
    # Translators: the end of a list, "Yanji, Shenyang and Beijing".
    return _("%(list)s and %(last)s") % {"list": ", ".join(words[:-1]), "last": words[-1]}


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
        headers.append(parts[0][:1].upper() + parts[0][1:])
    headers.append(_("Note"))
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
        remark = bar.remark or (_("no figure") if bar.value is None else "")
        cells.append(_note(bar.span, remark))
        table_rows.append(tuple(cells))
    known = [b for b in rows if b.value is not None]
    largest = max(known, key=lambda b: b.value or 0, default=None)
    desc = _(
        "Horizontal bars of %(what)s for %(count)s rows, %(first)s first and %(last)s last"
    ) % {
        "what": headings[1][:1].lower() + headings[1][1:],
        "count": len(rows),
        "first": rows[0].label,
        "last": rows[-1].label,
    }
    if largest and largest.value is not None:
        desc += _("; the largest is %(value)s (%(label)s)") % {
            "value": number(largest.value),
            "label": largest.label,
        }
    if parts:
        desc += _("; each bar is split into %(part)s and %(rest)s where the split is known") % {
            "part": parts[0],
            "rest": parts[1],
        }
    svg_text = charts.draw_bars(key, title, desc + ".", rows, parts)
    return svg_text, Table(title, tuple(headers), tuple(table_rows), notes)


def ranges(
    key: str, title: str, rows: list[Spread], notes: tuple[str, ...], unit: str
) -> tuple[str, Table]:
    by = any(r.by for r in rows)
    headers = (
        _("When"),
        *((_("Reported by"),) if by else ()),
        _("What"),
        _("Amount"),
        _("Confidence"),
    )
    table_rows = tuple(
        (
            r.label,
            *((r.by or NO_FIGURE,) if by else ()),
            r.what,
            r.amount.text(unit),
            _("activists' figure, as reported") if r.attributed else _("reported"),
        )
        for r in rows
    )
    desc = _(
        "Dots on a logarithmic scale for %(count)s figures from %(first)s to %(last)s;"
        " hollow dots are activists' figures and arrows mark bounds."
    ) % {"count": len(rows), "first": rows[0].label, "last": rows[-1].label}
    return charts.draw_ranges(key, title, desc, rows, unit), Table(
        title, headers, table_rows, notes
    )


def events(
    key: str, title: str, rows: list[Event], notes: tuple[str, ...], unit: str
) -> tuple[str, Table]:
    by = any(r.by for r in rows)
    headers = (
        _("Date"),
        _("What"),
        _("Number"),
        *((_("Reported by"),) if by else ()),
        _("Note"),
    )
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
    desc = _(
        "Horizontal bars for %(count)s events from %(first)s to %(last)s;"
        " the largest is %(value)s (%(date)s)."
    ) % {
        "count": len(rows),
        "first": rows[0].date,
        "last": rows[-1].date,
        "value": largest.amount.text(unit),
        "date": largest.date,
    }
    return charts.draw_events(key, title, desc, rows, unit), Table(
        title, headers, table_rows, notes
    )


def timeline(key: str, title: str, rows: list[Moment], notes: tuple[str, ...]) -> tuple[str, Table]:
    table_rows = tuple((m.date, m.event) for m in rows)
    desc = _("A timeline of %(count)s events, dated from %(first)s to %(last)s.") % {
        "count": len(rows),
        "first": rows[0].date,
        "last": rows[-1].date,
    }
    return charts.draw_timeline(key, title, desc, rows), Table(
        title, (_("Date"), _("Event")), table_rows, notes
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
    notes = (_("Straight lines join the places in order: they are not the roads or paths taken."),)
    shown = [names.get(p.key) or maps.short_name(p) for p in stops]
    ends = {"first": shown[0], "last": shown[-1]}
    if len(shown) > 2:
        desc = _(
            "A map of a route from %(first)s by way of %(via)s to %(last)s,"
            " drawn as straight lines."
        ) % {**ends, "via": _and(shown[1:-1])}
    else:
        desc = _("A map of a route from %(first)s to %(last)s, drawn as straight lines.") % ends
    svg_text = maps.draw_route(key, title, desc, base, stops, region, detail, names)
    return svg_text, Table(title, (_("Stop"), _("Place"), _("Country")), table_rows, notes)
