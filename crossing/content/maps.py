"""Route maps, drawn on the journey's own base map (crossing/web/static/crossing/map.svg).

The base map is read once: its country outlines (Natural Earth, public domain) and the
projection on its root element (crossing.editions.geo). A route map crops it to the
route, clips each outline to the crop so the file stays small, and draws the route as a
line through dots with the places' names beside them. An optional detail panel, below
the main one, enlarges an area where the places are too close together to name.
"""

from __future__ import annotations

import itertools
import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError

from crossing.editions.geo import MAP_SVG, Projection, read_projection
from crossing.locales import SOURCE_LOCALE, _, speaking, spoken
from crossing.story.compiled import Place

from . import svg
from .svg import INK, WIDTH

SEA, LAND, FOCUS_LAND = "#dce9f0", "#ece8dc", "#ddd3b8"
COUNTRY_INK = "#5a5140"  # 5.6:1 on the darkest land
ROUTE = "#0b5c8a"  # the site's accent: 5.4:1 on the land
Point = tuple[float, float]
Ring = list[Point]
_NS = "{http://www.w3.org/2000/svg}"
_TOKEN = re.compile(r"[MmLlHhVvZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


@dataclass(frozen=True, slots=True)
class Country:
    iso: str
    name: str
    focus: bool  # one of the countries the story passes through: a shade darker
    rings: tuple[tuple[Point, ...], ...]


@dataclass(frozen=True, slots=True)
class BaseMap:
    projection: Projection
    countries: tuple[Country, ...]
    labels: tuple[tuple[float, float, str], ...]  # the map's own country names

    def country_name(self, iso: str | None) -> str:
        """The country's name in the language being spoken."""
        for country in self.countries:
            if country.iso == iso:
                return local_name(country)
        return iso or "—"


@lru_cache(maxsize=16)
def _territories(locale: str) -> dict[str, str]:
    try:
        return dict(Locale.parse(locale.replace("-", "_")).territories)
    except (UnknownLocaleError, ValueError):
        return {}


def local_name(country: Country) -> str:
    """The country's name in the language being spoken: the map's own in English, else
    the locale's usual name from the Unicode CLDR (Babel), without a parenthesised
    status ("홍콩(중국 특별행정구)" is labelled "홍콩")."""
    language = spoken()
    if language == SOURCE_LOCALE:
        return country.name
    name = _territories(language).get(country.iso, country.name)
    return re.sub(r"\s*[(（].*$", "", name) or name


@dataclass(frozen=True, slots=True)
class Bounds:
    north: float
    south: float
    west: float
    east: float


def parse_path(d: str) -> list[Ring]:
    """The rings of a path's `d` (absolute and relative moves and lines are enough here)."""
    rings: list[Ring] = []
    ring: Ring = []
    x = y = 0.0
    command = "M"
    tokens = _TOKEN.findall(d)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.isalpha():
            command = token
            i += 1
            if command in "Zz":
                if ring:
                    rings.append(ring)
                    x, y = ring[0]
                ring = []
            continue
        if command in "Hh":
            x = float(token) + (x if command == "h" else 0)
            i += 1
        elif command in "Vv":
            y = float(token) + (y if command == "v" else 0)
            i += 1
        else:
            dx, dy = float(tokens[i]), float(tokens[i + 1])
            relative = command in "ml"
            x, y = (x + dx, y + dy) if relative else (dx, dy)
            i += 2
            if command in "Mm":
                if ring:
                    rings.append(ring)
                ring = []
                command = "l" if command == "m" else "L"  # later pairs are lines
        ring.append((x, y))
    if ring:
        rings.append(ring)
    return rings


@lru_cache(maxsize=4)
def _read_cached(path: str, mtime: float) -> BaseMap:
    text = Path(path).read_text(encoding="utf-8")
    projection = read_projection(text)
    root = ET.fromstring(text)
    countries = []
    for element in root.iter(f"{_NS}path"):
        iso = element.get("data-iso")
        if not iso:
            continue
        rings = tuple(tuple(ring) for ring in parse_path(element.get("d", "")))
        focus = "focus" in (element.get("class") or "").split()
        countries.append(Country(iso, element.get("data-name") or iso, focus, rings))
    labels = tuple(
        (float(t.get("x", 0)), float(t.get("y", 0)), (t.text or "").strip())
        for t in root.iter(f"{_NS}text")
        if "label" in (t.get("class") or "").split()
    )
    return BaseMap(projection, tuple(countries), labels)


def read_base_map(path: Path = MAP_SVG) -> BaseMap:
    """The base map; OSError or ValueError (including XML errors) if it cannot be read."""
    try:
        return _read_cached(str(path), path.stat().st_mtime)
    except ET.ParseError as exc:
        raise ValueError(f"not XML: {exc}") from exc


# --- geometry ----------------------------------------------------------------------------


def clip(ring: Ring, box: tuple[float, float, float, float]) -> Ring:
    """Sutherland–Hodgman: the part of a polygon inside an axis-aligned box."""
    points = ring
    # Each side of the box: (axis, limit, keep the side where coordinate >= limit?).
    for axis, limit, keep_above in (
        (0, box[0], True),
        (0, box[2], False),
        (1, box[1], True),
        (1, box[3], False),
    ):
        if not points:
            break

        def inside(
            p: Point, axis: int = axis, limit: float = limit, above: bool = keep_above
        ) -> bool:
            return p[axis] >= limit if above else p[axis] <= limit

        out: Ring = []
        previous = points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    out.append(_cross(previous, point, axis, limit))
                out.append(point)
            elif inside(previous):
                out.append(_cross(previous, point, axis, limit))
            previous = point
        points = out
    return points


def _cross(a: Point, b: Point, axis: int, limit: float) -> Point:
    """Where segment ab meets the line x = limit (axis 0) or y = limit (axis 1)."""
    t = (limit - a[axis]) / (b[axis] - a[axis])
    if axis == 0:
        return limit, a[1] + t * (b[1] - a[1])
    return a[0] + t * (b[0] - a[0]), limit


def _tenths(n: int) -> str:
    whole, tenth = divmod(abs(n), 10)
    return ("-" if n < 0 else "") + str(whole) + (f".{tenth}" if tenth else "")


def ring_path(points: Ring) -> str:
    """`M x y l dx dy … z` in tenths of a unit, dropping points closer than 0.6 to the last."""
    kept: list[tuple[int, int]] = []
    for x, y in points:
        p = (round(x * 10), round(y * 10))
        if not kept or math.dist(p, kept[-1]) >= 6:
            kept.append(p)
    if len(kept) < 3:
        return ""
    parts = [f"M{_tenths(kept[0][0])} {_tenths(kept[0][1])}l"]
    for (ax, ay), (bx, by) in itertools.pairwise(kept):
        parts.append(f"{_tenths(bx - ax)} {_tenths(by - ay)} ")
    return "".join(parts).rstrip() + "z"


# --- panels --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Panel:
    """A crop of the map (in map units) drawn at `scale` with its top-left at (0, top)."""

    left: float
    top_map: float
    scale: float
    top: float
    height: float

    def at(self, point: Point) -> Point:
        return (point[0] - self.left) * self.scale, self.top + (
            point[1] - self.top_map
        ) * self.scale

    def contains(self, x: float, y: float) -> bool:
        return 0 <= x <= WIDTH and self.top <= y <= self.top + self.height


def _crop(points: list[Point], margin: float) -> tuple[float, float, float, float]:
    """The bounding box of points plus margin, widened to an aspect a phone can show."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    left, right, top, bottom = min(xs), max(xs), min(ys), max(ys)
    pad = max(margin, 0.12 * max(right - left, bottom - top))
    left, right, top, bottom = left - pad, right + pad, top - pad, bottom + pad
    width, height = right - left, bottom - top
    if height > 1.5 * width:
        grow = (height / 1.5 - width) / 2
        left, right = left - grow, right + grow
    elif height < 0.7 * width:
        grow = (width * 0.7 - height) / 2
        top, bottom = top - grow, bottom + grow
    return left, top, right, bottom


def _bounds_box(base: BaseMap, bounds: Bounds) -> tuple[float, float, float, float]:
    left, top = base.projection.project(bounds.north, bounds.west)
    right, bottom = base.projection.project(bounds.south, bounds.east)
    return left, top, right, bottom


def _thin(points: Ring, detail: float) -> Ring:
    """Drop points nearer than `detail` to the last one kept (a small map needs fewer)."""
    kept: Ring = []
    for point in points:
        if not kept or math.dist(point, kept[-1]) >= detail:
            kept.append(point)
    return kept if len(kept) >= 3 else []


def _land(
    base: BaseMap,
    box: tuple[float, float, float, float],
    panel: _Panel,
    clip_id: str,
    detail: float = 0.0,
) -> list[str]:
    margin = 4 / panel.scale
    wide = (box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin)
    out = [
        f'<clipPath id="{clip_id}">{svg.rect(0, panel.top, WIDTH, panel.height)}</clipPath>',
        f'<g clip-path="url(#{clip_id})">',
        svg.rect(0, panel.top, WIDTH, panel.height, fill=SEA),
    ]
    for country in base.countries:
        d = "".join(
            ring_path(_thin([panel.at(p) for p in clip(list(ring), wide)], detail))
            for ring in country.rings
        )
        if d:
            fill = FOCUS_LAND if country.focus else LAND
            out.append(
                f'<path d="{d}" fill="{fill}" stroke="#ffffff" stroke-width="0.8" stroke-linejoin="round"/>'
            )
    out.append("</g>")
    out.append(
        svg.rect(0.5, panel.top + 0.5, WIDTH - 1, panel.height - 1, fill="none", stroke="#9a9a9a")
    )
    return out


# --- labels ----------------------------------------------------------------------------

Box = tuple[float, float, float, float]
_SIZE = 12
# Where a name may go around its dot: (dx, dy of the baseline, anchor).
_SPOTS = (
    (9, 4, "start"),
    (-9, 4, "end"),
    (0, -9, "middle"),
    (0, 17, "middle"),
    (7, -7, "start"),
    (7, 15, "start"),
    (-7, -7, "end"),
    (-7, 15, "end"),
)


def _box(
    x: float, y: float, anchor: str, label: str, size: float = _SIZE, bold: bool = False
) -> Box:
    width = svg.text_width(label, size, bold)
    left = x if anchor == "start" else x - width if anchor == "end" else x - width / 2
    return left - 1, y - size * 0.8, left + width + 1, y + size * 0.25


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _crosses(box: Box, a: Point, b: Point) -> bool:
    """Whether segment ab passes through the box (Liang–Barsky)."""
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in (
        (-dx, a[0] - box[0]),
        (dx, box[2] - a[0]),
        (-dy, a[1] - box[1]),
        (dy, box[3] - a[1]),
    ):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True


def _place_label(
    x: float,
    y: float,
    label: str,
    taken: list[Box],
    segments: list[tuple[Point, Point]],
    panel: _Panel,
    size: float = _SIZE,
    bold: bool = False,
) -> tuple[float, float, str, Box]:
    """The first spot around (x, y) that overlaps least: other names, dots, the route, the edge."""
    best: tuple[float, int] | None = None
    choice = (x, y, "start", (0.0, 0.0, 0.0, 0.0))
    for order, (dx, dy, anchor) in enumerate(_SPOTS):
        box = _box(x + dx, y + dy, anchor, label, size, bold)
        cost = 1000.0 * (not (panel.contains(box[0], box[1]) and panel.contains(box[2], box[3])))
        cost += 100.0 * sum(_overlap(box, other) for other in taken)
        cost += 10.0 * sum(_crosses(box, a, b) for a, b in segments)
        if best is None or (cost, order) < best:
            best = (cost, order)
            choice = (x + dx, y + dy, anchor, box)
    return choice


# Languages that write the region before the place ("함경북도 무산", "吉林省延吉"): their
# short name is the last word.
REGION_FIRST = ("ko", "ja", "zh")


def short_name(place: Place, locale: str | None = None) -> str:
    """The name a map writes beside a dot, without the region and the note in brackets:
    "Musan, North Hamgyong" -> "Musan"; "Nanping, Jilin (opposite Musan)" -> "Nanping";
    in Korean "함경북도 무산" -> "무산", "지린성 난핑(무산 맞은편)" -> "난핑". `locale`:
    the language of the name (default: the language being spoken)."""
    name = re.sub(r"\s*[(（][^)）]*[)）]", "", place.name).strip() or place.name
    if (locale or spoken()).split("-")[0] in REGION_FIRST:
        return name.split()[-1]
    return name.split(",")[0].strip()


def _route_layer(
    stops: list[tuple[Place, Point]], panel: _Panel, names: dict[str, str], hide: Box | None
) -> tuple[list[str], list[Box], list[tuple[Point, Point]]]:
    points = [panel.at(p) for _, p in stops]
    segments = list(itertools.pairwise(points))
    out = [
        f'<polyline points="{" ".join(f"{svg.num(x)},{svg.num(y)}" for x, y in points)}"'
        f' fill="none" stroke="{ROUTE}" stroke-width="2.5" stroke-linejoin="round"/>'
    ]
    for a, b in segments:  # an arrowhead halfway along each long leg shows the direction
        length = math.dist(a, b)
        if length > 36:
            ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
            mx, my = (a[0] + b[0]) / 2 + ux * 4, (a[1] + b[1]) / 2 + uy * 4
            head = [
                (mx, my),
                (mx - ux * 9 - uy * 5, my - uy * 9 + ux * 5),
                (mx - ux * 9 + uy * 5, my - uy * 9 - ux * 5),
            ]
            out.append(
                f'<polygon points="{" ".join(f"{svg.num(x)},{svg.num(y)}" for x, y in head)}" fill="{ROUTE}"/>'
            )
    taken: list[Box] = [(x - 5, y - 5, x + 5, y + 5) for x, y in points]
    texts: list[str] = []
    for index, ((place, _point), (x, y)) in enumerate(zip(stops, points, strict=True)):
        end = index in (0, len(stops) - 1)  # the start and the end are filled and bold
        out.append(
            f'<circle cx="{svg.num(x)}" cy="{svg.num(y)}" r="{4.5 if end else 3.5}"'
            f' fill="{ROUTE if end else "#ffffff"}" stroke="{ROUTE}" stroke-width="2"/>'
        )
        if not panel.contains(x, y) or (
            hide and hide[0] <= x <= hide[2] and hide[1] <= y <= hide[3]
        ):
            continue
        label = names.get(place.key) or short_name(place)
        lx, ly, anchor, box = _place_label(x, y, label, taken, segments, panel, bold=end)
        taken.append(box)
        texts.append(_halo_text(lx, ly, label, anchor, bold=end))

    return out + texts, taken, segments


def _halo_text(
    x: float,
    y: float,
    label: str,
    anchor: str,
    bold: bool = False,
    size: float = _SIZE,
    fill: str = INK,
) -> str:
    return svg.text(
        x,
        y,
        label,
        text_anchor=anchor,
        font_size=size,
        font_weight="bold" if bold else None,
        fill=fill,
        stroke="#ffffff",
        stroke_width=3,
        stroke_linejoin="round",
        paint_order="stroke",
    )


def _inside(point: Point, ring: Ring) -> bool:
    """Ray casting: whether a point lies inside a polygon."""
    x, y = point
    inside = False
    for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
            inside = not inside
    return inside


def _area(ring: Ring) -> float:
    return (
        abs(
            sum(
                ax * by - bx * ay
                for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1], strict=True)
            )
        )
        / 2
    )


def _labelled(label: str, country: Country) -> bool:
    """Whether the base map's label ("N. KOREA") names `country` ("North Korea")."""
    return label.replace("N. ", "NORTH ").replace("S. ", "SOUTH ") == country.name.upper()


def _short_country(base: BaseMap, country: Country) -> str:
    """The base map's own label ("N. KOREA") where it has one, else the name in capitals;
    in another language, the country's name there."""
    if spoken() != SOURCE_LOCALE:
        return local_name(country)
    for _x, _y, label in base.labels:
        if _labelled(label, country):
            return label
    return country.name.upper()


def _map_words() -> dict[str, str]:
    """The words of map.svg itself (its title and credit), in the language being spoken."""
    return {
        "Map of the region: North Korea, China, Mongolia, the Russian Far East, Laos, "
        "Vietnam, Thailand and South Korea": _(
            "Map of the region: North Korea, China, Mongolia, the Russian Far East, Laos, "
            "Vietnam, Thailand and South Korea"
        ),
        "Country shapes: Natural Earth 1:50m (public domain), via world-atlas.": _(
            "Country shapes: Natural Earth 1:50m (public domain), via world-atlas."
        ),
    }


_LABEL = re.compile(r'(<text class="label"[^>]*>)([^<]*)(</text>)')


@lru_cache(maxsize=8)
def _base_map_svg(locale: str, path: str, mtime: float) -> str:
    text = Path(path).read_text(encoding="utf-8")
    if locale == SOURCE_LOCALE:
        return text
    base = _read_cached(path, mtime)
    with speaking(locale):
        for english, words in _map_words().items():
            text = text.replace(f">{english}<", f">{svg.esc(words)}<")

        def label(match: re.Match[str]) -> str:
            named = [c for c in base.countries if _labelled(match.group(2).strip(), c)]
            name = local_name(named[0]) if named else match.group(2)
            return f"{match.group(1)}{svg.esc(name)}{match.group(3)}"

        return _LABEL.sub(label, text)


def base_map_svg(locale: str, path: Path = MAP_SVG) -> str:
    """The journey's map (map.svg) in `locale`: its title, credit and country names in
    that language, its shapes and coordinates as they are."""
    return _base_map_svg(locale, str(path), path.stat().st_mtime)


def _country_names(
    base: BaseMap,
    panel: _Panel,
    box: tuple[float, float, float, float],
    taken: list[Box],
    segments: list[tuple[Point, Point]],
    size: float = 11,
) -> list[str]:
    """Each country's name where it fits wholly on its own land, clear of the route and names.

    The candidates are a grid over the country's visible part, nearest its middle first.
    """
    out = []
    countries = sorted(base.countries, key=lambda c: not c.focus)  # stable: map order within
    for country in countries:
        visible = [clip(list(ring), box) for ring in country.rings]
        shapes = [[panel.at(p) for p in ring] for ring in visible if len(ring) >= 3]
        if not shapes:
            continue
        shape = max(shapes, key=_area)
        name = _short_country(base, country)
        xs, ys = [p[0] for p in shape], [p[1] for p in shape]
        cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
        spots = sorted(
            (
                (min(xs) + (max(xs) - min(xs)) * i / 8, min(ys) + (max(ys) - min(ys)) * j / 8)
                for i in range(1, 8)
                for j in range(1, 8)
            ),
            key=lambda p: (round(math.dist(p, (cx, cy)), 3), p),
        )
        for x, y in spots:
            label_box = _box(x, y + size * 4 / 11, "middle", name, size)
            corners = (
                (label_box[0], label_box[1]),
                (label_box[2], label_box[1]),
                (label_box[0], label_box[3]),
                (label_box[2], label_box[3]),
            )
            if (
                all(_inside(c, shape) for c in corners)
                and panel.contains(label_box[0], label_box[1])
                and panel.contains(label_box[2], label_box[3])
                and not any(_overlap(label_box, other) for other in taken)
                and not any(_crosses(label_box, a, b) for a, b in segments)
            ):
                taken.append(label_box)
                out.append(
                    svg.text(
                        x,
                        y + size * 4 / 11,
                        name,
                        text_anchor="middle",
                        font_size=size,
                        fill=COUNTRY_INK,
                        letter_spacing="0.06em",
                    )
                )
                break
    return out


def draw_route(
    key: str,
    title: str,
    desc: str,
    base: BaseMap,
    stops: list[Place],
    region: Bounds | None,
    detail: Bounds | None,
    names: dict[str, str],
) -> str:
    projected = [
        (place, base.projection.project(place.lat or 0.0, place.lon or 0.0)) for place in stops
    ]
    box = _bounds_box(base, region) if region else _crop([p for _, p in projected], 40)
    main = _Panel(
        box[0], box[1], WIDTH / (box[2] - box[0]), 0, (box[3] - box[1]) * WIDTH / (box[2] - box[0])
    )
    body = _land(base, box, main, f"fig-{key}-clip-main")
    hide: Box | None = None
    if detail:
        dbox = _bounds_box(base, detail)
        (hx0, hy0), (hx1, hy1) = main.at(dbox[:2]), main.at(dbox[2:])
        hide = (hx0, hy0, hx1, hy1)
    layer, taken, segments = _route_layer(projected, main, names, hide)
    if hide:
        body.append(
            svg.rect(
                hide[0],
                hide[1],
                hide[2] - hide[0],
                hide[3] - hide[1],
                fill="none",
                stroke=INK,
                stroke_width=1.2,
                stroke_dasharray="4 3",
            )
        )
        taken.append(hide)
        bx, by, anchor, hbox = _place_label(
            hide[0] + (hide[2] - hide[0]) / 2,
            hide[3] + 4,
            _("detail below"),
            taken,
            segments,
            main,
            size=11,
        )
        taken.append(hbox)
        layer.append(_halo_text(bx, by, _("detail below"), anchor, size=11))
    body += _country_names(base, main, box, taken, segments)
    body += layer
    height = main.height
    if detail:
        dbox = _bounds_box(base, detail)
        top = height + 30
        body.append(
            svg.text(
                12,
                height + 20,
                _("Detail of the dashed box"),
                font_size=12,
                font_weight="bold",
                fill=INK,
            )
        )
        scale = WIDTH / (dbox[2] - dbox[0])
        panel = _Panel(dbox[0], dbox[1], scale, top, (dbox[3] - dbox[1]) * scale)
        body += _land(base, dbox, panel, f"fig-{key}-clip-detail")
        layer, taken, segments = _route_layer(projected, panel, names, None)
        names_layer = _country_names(base, panel, dbox, taken, segments)
        body += [f'<g clip-path="url(#fig-{key}-clip-detail)">', *names_layer, *layer, "</g>"]
        height = top + panel.height
    return svg.document(key, height, title, desc, body)


def draw_places(
    key: str, title: str, desc: str, base: BaseMap, places: list[Place], start: Place
) -> str:
    """A small map of where a journey can go: a dot for each place, the start filled, bold and
    named. No lines: the places are not visited in one order, and most journeys see few."""
    located = [p for p in places if p.lat is not None and p.lon is not None]
    projected = [base.projection.project(p.lat or 0.0, p.lon or 0.0) for p in located]
    left, top, right, bottom = _crop(projected, 40)
    # Wider than tall, so that three fit side by side and one is not a tower on a phone.
    if bottom - top > 0.85 * (right - left):
        grow = ((bottom - top) / 0.85 - (right - left)) / 2
        left, right = left - grow, right + grow
    box = (left, top, right, bottom)
    scale = WIDTH / (right - left)
    panel = _Panel(left, top, scale, 0, (bottom - top) * scale)
    body = _land(base, box, panel, f"fig-{key}-clip", detail=3)
    dots = [panel.at(p) for p in projected]
    taken: list[Box] = [(x - 5, y - 5, x + 5, y + 5) for x, y in dots]
    marks = [
        f'<circle cx="{svg.num(x)}" cy="{svg.num(y)}" r="3.5" fill="#ffffff" stroke="{ROUTE}"'
        ' stroke-width="2"/>'
        for (x, y), place in zip(dots, located, strict=True)
        if place.key != start.key
    ]
    sx, sy = panel.at(base.projection.project(start.lat or 0.0, start.lon or 0.0))
    marks.append(
        f'<circle cx="{svg.num(sx)}" cy="{svg.num(sy)}" r="6" fill="{ROUTE}" stroke="#ffffff"'
        ' stroke-width="2"/>'
    )
    name = short_name(start)
    lx, ly, anchor, label_box = _place_label(sx, sy, name, taken, [], panel, size=15, bold=True)
    taken.append(label_box)
    body += _country_names(base, panel, box, taken, [], size=14)
    body += marks
    body.append(_halo_text(lx, ly, name, anchor, bold=True, size=15))
    return svg.document(key, panel.height, title, desc, body)
