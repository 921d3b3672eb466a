"""The chart kinds, drawn as SVG for a 360-unit-wide phone screen.

- bars: one horizontal bar per row (a year, a period), optionally split into a part and
  the rest (women and men), each labelled in words and numbers; a row with no figure
  says so instead of drawing a zero; a row that totals several years is hatched.
- ranges: one dot per source's figure on a logarithmic scale, so that $1,700 and $85,000
  can be read on one line; a bound ("under $2,000") gets an arrow towards its open end;
  a figure from an advocacy source is a hollow dot, and the legend says so in words.
- events: one bar per event, from zero; where sources differ, the bar runs on, hatched,
  from the lower to the higher figure.
- timeline: dated events down a vertical line, text wrapped to the width.
- route: a map (maps.py).

Colour never carries meaning alone: every bar and dot has its words next to it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from crossing.locales import _

from . import svg
from .formats import OPEN_ABOVE, OPEN_BELOW, money, number, percent
from .rows import Bar, Event, Moment, Spread
from .svg import DARK, GRID, INK, LIGHT, MUTED, WIDTH

PAD = 12
SMALL = 11
NEUTRAL = "#8a8a8a"  # a bar whose split is not known: neither part's colour
# A white outline behind text, so gridlines never run through the words.
HALO: dict[str, str | float | None] = {
    "stroke": "#ffffff",
    "stroke_width": 3,
    "stroke_linejoin": "round",
    "paint_order": "stroke",
}


def _nice_step(top: float, ticks: int = 4) -> float:
    """A round step (1, 2 or 5 times a power of ten) giving about `ticks` gridlines."""
    raw = max(top, 1.0) / ticks
    power = 10 ** math.floor(math.log10(raw))
    return float(next(m * power for m in (1, 2, 5, 10) if m * power >= raw))


def _linear_axis(x0: float, scale: float, top: float, y_top: float, y_bottom: float) -> list[str]:
    """Gridlines with their numbers above them, up to the largest value."""
    step = _nice_step(top)
    out: list[str] = []
    tick = 0.0
    while tick <= top + 1e-9:
        x = x0 + tick * scale
        anchor = "end" if x > WIDTH - PAD - 20 else "middle"
        out.append(svg.line(x, y_top, x, y_bottom, stroke=GRID, stroke_width=1))
        out.append(
            svg.text(x, y_top - 4, number(tick), text_anchor=anchor, font_size=SMALL, fill=MUTED)
        )
        tick += step
    return out


def _grid(x0: float, scale: float, top: float, y0: float, y1: float) -> list[str]:
    """Short gridlines behind one bar, so they never run through the words around it."""
    step = _nice_step(top)
    count = int(top / step + 1e-9)
    return [
        svg.line(x0 + i * step * scale, y0, x0 + i * step * scale, y1, stroke=GRID, stroke_width=1)
        for i in range(count + 1)
    ]


def _legend(items: Sequence[tuple[str, str]], y: float) -> tuple[list[str], float]:
    """Swatches with their words, left to right, wrapping; returns the elements and next y."""
    out: list[str] = []
    x: float = PAD
    for swatch, words in items:
        width = 16 + svg.text_width(words, SMALL) + 14
        if x > PAD and x + width > WIDTH - PAD:
            x, y = PAD, y + 18
        out.append(swatch.replace("{x}", svg.num(x)).replace("{y}", svg.num(y)))
        out.append(svg.text(x + 16, y + 10, words, font_size=SMALL, fill=INK))
        x += width
    return out, y + 24


def _swatch(fill: str, stroke: str = DARK) -> str:
    return f'<rect x="{{x}}" y="{{y}}" width="12" height="12" fill="{fill}" stroke="{stroke}"/>'


# --- bars ------------------------------------------------------------------------------


def bar_text(bar: Bar, parts: tuple[str, str] | None) -> str:
    """The words beside a bar: "2,914 · 77 % women", "947 (total) · 12 % women"."""
    if bar.value is None:
        return bar.remark or _("no figure")
    text = number(bar.value) + (f" ({bar.span})" if bar.span else "")
    if parts and bar.part is not None and bar.share is not None:
        # Translators: beside a bar, "1,234 women (46 %)": a count of a part, its share.
        part = _("%(count)s %(part)s (%(share)s)")
        text += " · " + part % {
            "count": number(bar.part),
            "part": parts[0],
            "share": percent(bar.share),
        }
    elif parts and bar.share is not None:
        # Translators: beside a bar, "46 % women": a share and what it is a share of.
        part = _("%(share)s %(part)s")
        text += " · " + part % {"share": percent(bar.share), "part": parts[0]}
    if bar.remark:
        text += f" · {bar.remark}"
    return text


def draw_bars(
    key: str, title: str, desc: str, bars: list[Bar], parts: tuple[str, str] | None
) -> str:
    prefix = f"fig-{key}"
    body: list[str] = []
    split = parts is not None and any(b.part_length is not None for b in bars)
    legend: list[tuple[str, str]] = []
    if split and parts:
        legend += [(_swatch(DARK), parts[0]), (_swatch(LIGHT), parts[1])]
    if any(b.span for b in bars):
        legend.append((_swatch(f"url(#{prefix}-hatch-dark)"), _("total of several years")))
        body.append(
            "<defs>"
            + svg.hatch(f"{prefix}-hatch-dark", DARK)
            + svg.hatch(f"{prefix}-hatch-light", LIGHT)
            + svg.hatch(f"{prefix}-hatch-neutral", NEUTRAL)
            + "</defs>"
        )
    y = 10.0
    if legend:
        items, y = _legend(legend, y)
        body += items
    label_w = min(120.0, max((svg.text_width(b.label, 12) for b in bars), default=0.0))
    x0 = PAD + label_w + 8
    room = WIDTH - PAD - x0
    # The scale leaves room for each bar's words after its end.
    top = max((b.value or 0 for b in bars), default=0)
    scale = min(
        ((room - 6 - svg.text_width(bar_text(b, parts), SMALL)) / b.value for b in bars if b.value),
        default=1.0,
    )
    # Words too long for any bar would leave none: keep the longest bar at a third of the room.
    scale = max(scale, room / 3 / top if top else 1.0)
    row_h, bar_h = 22, 14
    y_axis = y + 14
    first = y_axis + 6
    body += _linear_axis(x0, scale, top, y_axis, first + row_h * len(bars))
    for i, bar in enumerate(bars):
        y_row = first + i * row_h + (row_h - bar_h) / 2
        baseline = y_row + bar_h - 3
        body.append(svg.text(x0 - 8, baseline, bar.label, text_anchor="end", fill=INK))
        words = bar_text(bar, parts)
        if bar.value is None:
            body.append(
                svg.text(x0 + 2, baseline, words, font_size=SMALL, font_style="italic", fill=MUTED)
            )
            continue
        width = bar.value * scale
        hatched = "hatch-" if bar.span else ""
        part = bar.part_length if split else None
        if split and part is None:
            fill = f"url(#{prefix}-hatch-neutral)" if bar.span else NEUTRAL
            body.append(svg.rect(x0, y_row, width, bar_h, fill=fill))
        else:
            part_w = width if part is None else part * scale
            dark = f"url(#{prefix}-{hatched}dark)" if bar.span else DARK
            light = f"url(#{prefix}-{hatched}light)" if bar.span else LIGHT
            body.append(svg.rect(x0, y_row, part_w, bar_h, fill=dark))
            if part_w < width:
                body.append(svg.rect(x0 + part_w, y_row, width - part_w, bar_h, fill=light))
        body.append(svg.rect(x0, y_row, width, bar_h, fill="none", stroke=DARK, stroke_width=1))
        body.append(svg.text(x0 + width + 6, baseline, words, font_size=SMALL, fill=INK, **HALO))
    height = first + row_h * len(bars) + PAD
    return svg.document(key, height, title, desc, body)


# --- ranges ------------------------------------------------------------------------------


def _arrow(x: float, y: float, direction: int) -> str:
    """A short line and head from a bound towards its open end (direction -1 left, +1 right)."""
    end = x + 30 * direction
    head = (
        f"{svg.num(end)},{svg.num(y)} {svg.num(end - 7 * direction)},{svg.num(y - 4.5)} "
        f"{svg.num(end - 7 * direction)},{svg.num(y + 4.5)}"
    )
    return svg.line(x, y, end - 6 * direction, y, stroke=DARK, stroke_width=2) + (
        f'<polygon points="{head}" fill="{DARK}"/>'
    )


def _dot(x: float, y: float, hollow: bool) -> str:
    if hollow:
        return f'<circle cx="{svg.num(x)}" cy="{svg.num(y)}" r="5" fill="#ffffff" stroke="{DARK}" stroke-width="2"/>'
    return f'<circle cx="{svg.num(x)}" cy="{svg.num(y)}" r="5.5" fill="{DARK}"/>'


def _heading(x: float, y: float, label: str, rest: str, width: float) -> tuple[list[str], float]:
    """A row's heading: its label in bold, then its words, wrapped; returns lines and height."""
    lines = svg.wrap(f"{label} · {rest}", width, 12)
    out: list[str] = []
    for i, line in enumerate(lines):
        baseline = y + 12 + i * 15
        if i == 0 and line.startswith(label):
            tail = svg.esc(line[len(label) :])
            out.append(
                f'<text x="{svg.num(x)}" y="{svg.num(baseline)}" fill="{INK}">'
                f'<tspan font-weight="bold">{svg.esc(label)}</tspan>{tail}</text>'
            )
        else:
            out.append(svg.text(x, baseline, line, fill=INK))
    return out, len(lines) * 15


def draw_ranges(key: str, title: str, desc: str, spreads: list[Spread], unit: str) -> str:
    body: list[str] = []
    hollow = (
        f'<circle cx="{{cx}}" cy="{{cy}}" r="5" fill="#ffffff" stroke="{DARK}" stroke-width="2"/>'
    )
    filled = f'<circle cx="{{cx}}" cy="{{cy}}" r="5.5" fill="{DARK}"/>'
    y = 10.0
    for shape, words in (
        (filled, _("figure reported by the news outlet")),
        (hollow, _("figure from activists, as reported (not confirmed)")),
    ):
        if shape is hollow and not any(s.attributed for s in spreads):
            continue
        body.append(shape.replace("{cx}", str(PAD + 6)).replace("{cy}", svg.num(y + 6)))
        body.append(svg.text(PAD + 18, y + 10, words, font_size=SMALL, fill=INK))
        y += 18
    if any(s.amount.qualifier in OPEN_BELOW + OPEN_ABOVE for s in spreads):
        body.append(_arrow(PAD, y + 6, 1))
        body.append(
            svg.text(
                PAD + 38,
                y + 10,
                _("arrow: a bound (under, over, up to)"),
                font_size=SMALL,
                fill=INK,
            )
        )
        y += 18
    values = [v for s in spreads for v in (s.amount.value, s.amount.high)]
    low = 10 ** math.floor(math.log10(min(values, default=1) or 1))
    high = 10 ** math.ceil(math.log10(max(values, default=10) or 10))
    if high <= low:
        high = low * 10
    x0, x1 = PAD + 8, WIDTH - PAD - 12

    def at(value: float) -> float:
        return x0 + (math.log10(value) - math.log10(low)) / (math.log10(high) - math.log10(low)) * (
            x1 - x0
        )

    y += 6
    for line in svg.wrap(_scale_words(unit), WIDTH - 2 * PAD, SMALL):
        body.append(svg.text(PAD, y + 11, line, font_size=SMALL, fill=MUTED))
        y += 14
    y_axis = y + 18
    rows: list[str] = []
    y_row = y_axis + 8
    for spread in spreads:
        heading, used = _heading(
            PAD, y_row, spread.label, spread.by or spread.what, WIDTH - 2 * PAD
        )
        rows += heading
        if spread.by:  # who said it heads the row; what it paid for comes under it
            for line in svg.wrap(spread.what, WIDTH - 2 * PAD, SMALL):
                rows.append(svg.text(PAD, y_row + used + 11, line, font_size=SMALL, fill=MUTED))
                used += 14
        cy = y_row + used + 10
        rows += _log_grid(at, low, high, cy - 9, cy + 9)
        amount = spread.amount
        x = at(amount.value)
        if amount.to is not None:
            rows.append(svg.line(x, cy, at(amount.to), cy, stroke=DARK, stroke_width=3))
            rows.append(_dot(at(amount.to), cy, spread.attributed))
        direction = (
            -1 if amount.qualifier in OPEN_BELOW else 1 if amount.qualifier in OPEN_ABOVE else 0
        )
        if direction:
            rows.append(_arrow(x, cy, direction))
        rows.append(_dot(x, cy, spread.attributed))
        words = amount.text(unit)
        right_end = max(x, at(amount.high)) + (30 if direction == 1 else 0) + 9
        left_end = x - (30 if direction == -1 else 0) - 9
        if right_end + svg.text_width(words, 12) <= WIDTH - 4:
            rows.append(svg.text(right_end, cy + 4, words, fill=INK))
        else:
            rows.append(svg.text(left_end, cy + 4, words, text_anchor="end", fill=INK))
        y_row = cy + 16
    y_bottom = y_row - 4
    body += _log_axis(at, low, high, unit, y_axis, y_bottom)
    body += rows
    return svg.document(key, y_bottom + 22, title, desc, body)


def _scale_words(unit: str) -> str:
    what = _("US dollars") if unit == "$" else (unit or _("values"))
    return _("%(what)s, logarithmic scale: each labelled line is ten times the one before") % {
        "what": what
    }


def _decades(low: float, high: float) -> list[tuple[float, bool]]:
    """Gridline values from low to high: (value, labelled) at 1, 2 and 5 times each power."""
    out: list[tuple[float, bool]] = []
    decade = low
    while decade <= high * 1.0001:
        out += [(decade * m, m == 1) for m in (1, 2, 5) if decade * m <= high * 1.0001]
        decade *= 10
    return out


def _log_grid(
    at: Callable[[float], float], low: float, high: float, y0: float, y1: float
) -> list[str]:
    """Short gridlines behind one row's dot, so they never run through its words."""
    return [
        svg.line(at(v), y0, at(v), y1, stroke=GRID if major else "#e3e3e3", stroke_width=1)
        for v, major in _decades(low, high)
    ]


def _log_axis(
    at: Callable[[float], float], low: float, high: float, unit: str, y_top: float, y_bottom: float
) -> list[str]:
    """The scale's labels, above the first row and below the last."""
    out: list[str] = []
    for value, major in _decades(low, high):
        if major:
            x = at(value)
            anchor = "start" if value == low else "end" if value >= high else "middle"
            label = money(value, unit)
            out.append(
                svg.text(x, y_top - 5, label, text_anchor=anchor, font_size=SMALL, fill=MUTED)
            )
            out.append(
                svg.text(x, y_bottom + 14, label, text_anchor=anchor, font_size=SMALL, fill=MUTED)
            )
    return out


# --- events ------------------------------------------------------------------------------


def _event_note(event: Event) -> str:
    """The muted line under an event's bar: who reports it, and any remark."""
    if event.by and event.remark:
        return f"{event.remark} ({event.by})"
    return event.by or event.remark


def draw_events(key: str, title: str, desc: str, events: list[Event], unit: str) -> str:
    prefix = f"fig-{key}"
    body: list[str] = []
    y = 10.0
    if any(e.amount.to is not None for e in events):
        body.append("<defs>" + svg.hatch(f"{prefix}-hatch", LIGHT) + "</defs>")
        items, y = _legend(
            [(_swatch(f"url(#{prefix}-hatch)"), _("where sources differ: lower to higher figure"))],
            y,
        )
        body += items
    x0 = PAD
    top = max((e.amount.high for e in events), default=0.0) or 1.0  # all zero: any scale
    longest = max((svg.text_width(e.amount.text(unit), 12) for e in events), default=0)
    scale = (WIDTH - PAD - x0 - longest - 8) / top
    y_axis = y + 14
    rows: list[str] = []
    y_row = y_axis + 8
    for event in events:
        heading, used = _heading(x0, y_row, event.date, event.what, WIDTH - 2 * PAD)
        rows += heading
        y_bar = y_row + used + 4
        rows += _grid(x0, scale, top, y_bar - 3, y_bar + 17)
        amount = event.amount
        width = amount.value * scale
        rows.append(svg.rect(x0, y_bar, width, 14, fill=DARK))
        end = width
        if amount.to is not None:
            end = amount.to * scale
            rows.append(
                svg.rect(
                    x0 + width,
                    y_bar,
                    end - width,
                    14,
                    fill=f"url(#{prefix}-hatch)",
                    stroke=DARK,
                    stroke_width=1,
                )
            )
        rows.append(svg.text(x0 + end + 6, y_bar + 11, amount.text(unit), fill=INK))
        y_row = y_bar + 14 + 6
        if _event_note(event):
            for line in svg.wrap(_event_note(event), WIDTH - 2 * PAD, SMALL):
                rows.append(svg.text(x0, y_row + 10, line, font_size=SMALL, fill=MUTED))
                y_row += 14
        y_row += 12
    body += _linear_axis(x0, scale, top, y_axis, y_axis + 4)
    body += rows
    return svg.document(key, y_row, title, desc, body)


# --- timeline ----------------------------------------------------------------------------


def draw_timeline(key: str, title: str, desc: str, moments: list[Moment]) -> str:
    body: list[str] = []
    date_w = min(84.0, max((svg.text_width(m.date, 12, bold=True) for m in moments), default=40))
    x_line = PAD + date_w + 10
    x_text = x_line + 12
    width = WIDTH - PAD - x_text
    y = 14.0
    marks: list[str] = []
    for moment in moments:
        dates = svg.wrap(moment.date, date_w / svg.BOLD, 12)
        lines = svg.wrap(moment.event, width, 12)
        for i, line in enumerate(dates):
            marks.append(
                svg.text(
                    x_line - 10,
                    y + 4 + i * 15,
                    line,
                    text_anchor="end",
                    font_weight="bold",
                    fill=INK,
                )
            )
        marks.append(
            f'<circle cx="{svg.num(x_line)}" cy="{svg.num(y)}" r="4.5" fill="{DARK}" stroke="#ffffff" stroke-width="2"/>'
        )
        for i, line in enumerate(lines):
            marks.append(svg.text(x_text, y + 4 + i * 15, line, fill=INK))
        y += max(len(lines), len(dates)) * 15 + 12
    body.append(svg.line(x_line, 6, x_line, y - 14, stroke=LIGHT, stroke_width=2))
    body += marks
    return svg.document(key, y - 4, title, desc, body)
