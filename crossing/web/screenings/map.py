"""The screenings' map, drawn on the server: the world (static/crossing/screenings-world.svg,
built by tools/build_world_map.mjs) as an image inside an inline SVG, a point for each
screening with coordinates, and a view framed around those points. No tiles, no library,
nothing from another site; it works without JavaScript, and each point is a link."""

from __future__ import annotations

from dataclasses import dataclass

from .models import Screening

# The world image's projection (keep in step with tools/build_world_map.mjs): one degree is
# K units, x from 180W, y from 84N.
K = 3
NORTH = 84
SOUTH = -56
WIDTH = 360 * K
HEIGHT = (NORTH - SOUTH) * K
MARGIN = 12 * K  # around the points
MIN_WIDTH = 120 * K  # the closest view: a region, not a town
ASPECT = 2.0  # width / height of the framed view


@dataclass(frozen=True)
class Point:
    screening: Screening
    x: float
    y: float


@dataclass(frozen=True)
class WorldMap:
    points: list[Point]
    view: tuple[float, float, float, float]  # the viewBox: x, y, width, height
    radius: float  # a point's size, the same on screen however close the view
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def view_box(self) -> str:
        return " ".join(f"{v:.1f}" for v in self.view)


def project(latitude: float, longitude: float) -> tuple[float, float]:
    latitude = min(max(latitude, SOUTH), NORTH)
    return (longitude + 180) * K, (NORTH - latitude) * K


def frame(points: list[Point]) -> tuple[float, float, float, float]:
    """The smallest view of the right shape that shows every point with a margin."""
    if not points:
        return (0.0, 0.0, float(WIDTH), float(HEIGHT))
    left = min(p.x for p in points) - MARGIN
    right = max(p.x for p in points) + MARGIN
    top = min(p.y for p in points) - MARGIN
    bottom = max(p.y for p in points) + MARGIN
    width = max(right - left, (bottom - top) * ASPECT, MIN_WIDTH)
    width = min(width, WIDTH)
    height = min(width / ASPECT, HEIGHT)
    cx, cy = (left + right) / 2, (top + bottom) / 2
    x = min(max(cx - width / 2, 0), WIDTH - width)
    y = min(max(cy - height / 2, 0), HEIGHT - height)
    return (x, y, width, height)


def world_map(screenings: list[Screening]) -> WorldMap:
    points = [
        Point(s, *project(float(s.latitude), float(s.longitude)))
        for s in screenings
        if s.latitude is not None and s.longitude is not None
    ]
    view = frame(points)
    return WorldMap(points, view, radius=view[2] / 120)


def unmapped_by_country(screenings: list[Screening]) -> dict[str, list[Screening]]:
    """Screenings without coordinates, by country (ISO code), in the order given."""
    found: dict[str, list[Screening]] = {}
    for screening in screenings:
        if screening.latitude is None or screening.longitude is None:
            found.setdefault(screening.country, []).append(screening)
    return dict(sorted(found.items()))
