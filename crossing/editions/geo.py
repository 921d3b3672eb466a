"""The region map's projection: where a place (lat, lon) lies on map.svg.

tools/build_map.mjs writes the map and puts its projection on the root element:
x = (lon - lon0) * kx and y = (lat0 - lat) * ky, in viewBox units. The browser player reads
the same four attributes; this module is the Python side, for editions that draw on the map.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

MAP_SVG = Path(__file__).parent.parent / "web" / "static" / "crossing" / "map.svg"


@dataclass(frozen=True, slots=True)
class Projection:
    """An equirectangular projection onto a `0 0 width height` viewBox."""

    lon0: float
    lat0: float
    kx: float
    ky: float
    width: float
    height: float

    def project(self, lat: float, lon: float) -> tuple[float, float]:
        """The (x, y) of a point, in viewBox units (y grows southwards)."""
        return (lon - self.lon0) * self.kx, (self.lat0 - lat) * self.ky

    def contains(self, x: float, y: float, margin: float = 0.0) -> bool:
        """Whether (x, y) lies in the viewBox, at least `margin` units from its edges."""
        return margin <= x <= self.width - margin and margin <= y <= self.height - margin


def read_projection(svg_text: str) -> Projection:
    """The projection on the root of map.svg; ValueError if anything is missing."""
    try:
        root = ET.fromstring(svg_text)
    except ET.ParseError as exc:
        raise ValueError(f"not XML: {exc}") from exc
    try:
        left, top, width, height = (float(v) for v in root.attrib["viewBox"].split())
        lon0, lat0, kx, ky = (float(root.attrib[f"data-{k}"]) for k in ("lon0", "lat0", "kx", "ky"))
    except (KeyError, ValueError) as exc:
        raise ValueError(f"no projection on the map's root element: {exc}") from exc
    if (left, top) != (0.0, 0.0):
        # The formulas assume the viewBox starts at the origin.
        raise ValueError("the map's viewBox must start at 0 0")
    return Projection(lon0, lat0, kx, ky, width, height)
