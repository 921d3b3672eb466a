"""The region map (crossing/web/static/crossing/map.svg) and its projection (crossing/editions/geo.py).

The map is generated once by tools/build_map.mjs and committed; these tests check the committed
file: that it is accessible and CSP-safe SVG, small, that every place of content/places.toml
falls inside it and in (or within a few km of) its country, and that rebuilding it gives the
same bytes. Node is required for the last one (CI installs it).
"""

from __future__ import annotations

import functools
import gzip
import math
import re
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from crossing.editions.geo import MAP_SVG, Projection, read_projection

ROOT = Path(__file__).resolve().parents[2]
PLACES = ROOT / "content" / "places.toml"
SVG = "{http://www.w3.org/2000/svg}"
FOCUS = {"KP", "CN", "MN", "RU", "LA", "VN", "TH", "KR"}
# Natural Earth 1:50m borders are good to a few km; one unit is about 3.6 km.
BORDER_SLACK = 1.0

Ring = list[tuple[float, float]]


@functools.cache
def svg_text() -> str:
    return MAP_SVG.read_text(encoding="utf-8")


@functools.cache
def root() -> ET.Element:
    return ET.fromstring(svg_text())


@functools.cache
def projection() -> Projection:
    return read_projection(svg_text())


@functools.cache
def places() -> dict[str, dict[str, Any]]:
    with PLACES.open("rb") as file:
        return tomllib.load(file)


def countries() -> dict[str, ET.Element]:
    return {path.attrib["data-iso"]: path for path in root().iter(f"{SVG}path")}


_NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)")


def rings(d: str) -> list[Ring]:
    """The rings of a path written as the build writes it: `M x y l dx dy … z`, repeated."""
    assert re.fullmatch(r"(M[^MLlz]+l[^MLlz]*z)+", d), d[:80]
    result = []
    for start, moves in re.findall(r"M([^l]+)l([^z]*)z", d):
        x, y = (float(n) for n in _NUMBER.findall(start))
        ring = [(x, y)]
        deltas = [float(n) for n in _NUMBER.findall(moves)]
        assert len(deltas) % 2 == 0
        for dx, dy in zip(deltas[::2], deltas[1::2], strict=True):
            x, y = x + dx, y + dy
            ring.append((x, y))
        result.append(ring)
    return result


def inside(shape: list[Ring], x: float, y: float) -> bool:
    """Even-odd ray casting over all rings (holes and islands alike)."""
    crossings = 0
    for ring in shape:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                crossings += 1
    return crossings % 2 == 1


def distance_to_outline(shape: list[Ring], x: float, y: float) -> float:
    best = math.inf
    for ring in shape:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            dx, dy = x2 - x1, y2 - y1
            length = dx * dx + dy * dy
            t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / length)) if length else 0.0
            best = min(best, math.hypot(x - x1 - t * dx, y - y1 - t * dy))
    return best


def at(key: str) -> tuple[float, float]:
    place = places()[key]
    return projection().project(place["lat"], place["lon"])


# --- The document ---


def test_the_map_is_an_accessible_svg_with_a_title() -> None:
    svg = root()
    assert svg.tag == f"{SVG}svg"
    assert svg.attrib["role"] == "img"
    assert "map" in svg.attrib["class"].split()
    title = svg.find(f"{SVG}title")
    assert title is not None and title.text
    assert svg.attrib["aria-labelledby"] == title.attrib["id"]
    for country in ("North Korea", "China", "Mongolia", "Russia", "Laos", "Vietnam", "Thailand"):
        assert country in title.text


def test_the_map_has_no_inline_style_for_the_content_security_policy() -> None:
    for element in root().iter():
        assert element.tag != f"{SVG}style"
        assert "style" not in element.attrib, element.tag
    assert "style" not in svg_text()


def test_ids_are_unique_and_prefixed() -> None:
    ids = [element.attrib["id"] for element in root().iter() if "id" in element.attrib]
    assert len(ids) == len(set(ids))
    assert all(id_.startswith("map-") for id_ in ids)


def test_the_route_group_is_last_and_empty_for_the_player_to_draw_in() -> None:
    last = root()[-1]
    assert last.tag == f"{SVG}g"
    assert last.attrib["class"] == "route"
    assert len(last) == 0


def test_the_map_is_small() -> None:
    raw = MAP_SVG.read_bytes()
    assert len(raw) <= 60_000
    assert len(gzip.compress(raw, 9)) <= 20_000


# --- Countries and labels ---


def test_the_focus_countries_are_marked_and_named() -> None:
    paths = countries()
    assert paths.keys() >= FOCUS
    assert {"JP", "KH", "MM"} <= paths.keys()  # context, drawn but not in focus
    for iso, path in paths.items():
        classes = path.attrib["class"].split()
        assert "land" in classes
        assert ("focus" in classes) == (iso in FOCUS), iso
        assert path.attrib["id"] == f"map-{iso}"
        assert path.attrib["data-name"]
        assert rings(path.attrib["d"])
    assert paths["KP"].attrib["data-name"] == "North Korea"
    assert paths["LA"].attrib["data-name"] == "Laos"


def test_labels_are_few_and_lie_in_the_view() -> None:
    labels = [text for text in root().iter(f"{SVG}text") if text.attrib["class"] == "label"]
    assert 6 <= len(labels) <= 12
    names = {text.text for text in labels}
    assert {"CHINA", "MONGOLIA", "RUSSIA", "N. KOREA", "LAOS", "VIETNAM", "THAILAND"} <= names
    for text in labels:
        assert projection().contains(float(text.attrib["x"]), float(text.attrib["y"]), 20)


def test_china_and_russia_are_named_near_the_routes_each_name_on_its_land() -> None:
    # The player frames a route closely and widens to the nearest name: the north-east, the
    # south-west and the Far East each have one of their own.
    from crossing.content.maps import _inside, read_base_map

    base = read_base_map()
    named = [label for *_, label in base.labels]
    assert named.count("CHINA") == 3 and named.count("RUSSIA") == 2
    shapes = {c.iso: c.rings for c in base.countries}
    iso = {"RUSSIA": "RU", "CHINA": "CN", "MONGOLIA": "MN", "N. KOREA": "KP", "LAOS": "LA"}
    for x, y, label in base.labels:
        if label in iso:
            assert any(_inside((x, y), list(r)) for r in shapes[iso[label]]), label


# --- Projection and places ---


def test_the_projection_is_equirectangular_at_the_mid_latitude() -> None:
    p = projection()
    mid_latitude = p.lat0 - p.height / p.ky / 2
    assert p.kx / p.ky == pytest.approx(math.cos(math.radians(mid_latitude)), abs=0.005)
    assert p.project(p.lat0, p.lon0) == (0, 0)
    assert p.project(p.lat0 - p.height / p.ky, p.lon0 + p.width / p.kx) == pytest.approx(
        (p.width, p.height)
    )


def test_every_place_lies_well_inside_the_map() -> None:
    p = projection()
    margin = min(p.kx, p.ky)  # a degree
    for key in places():
        assert p.contains(*at(key), margin), key


def test_places_lie_where_they_should_relative_to_each_other() -> None:
    seoul, bangkok, beijing = at("seoul"), at("bangkok"), at("beijing")
    pyongyang = projection().project(39.03, 125.75)
    assert seoul[0] > pyongyang[0] and seoul[1] > pyongyang[1]  # south-east
    assert bangkok[0] < beijing[0] and bangkok[1] > beijing[1]  # south-west
    assert at("tynda")[1] < at("ulaanbaatar")[1] < at("musan")[1]


def test_every_place_lies_in_its_country_to_within_the_datas_accuracy() -> None:
    shapes = {iso: rings(path.attrib["d"]) for iso, path in countries().items()}
    for key, place in places().items():
        if "country" not in place:
            continue
        x, y = at(key)
        shape = shapes[place["country"]]
        assert inside(shape, x, y) or distance_to_outline(shape, x, y) <= BORDER_SLACK, key
    # Away from the border rivers there is no slack: these are plainly inside.
    for key, iso in (("musan", "KP"), ("hoeryong", "KP"), ("seoul", "KR"), ("hanoi", "VN")):
        assert inside(shapes[iso], *at(key)), key
    assert not any(inside(shape, *at("west_sea")) for shape in shapes.values())


def test_read_projection_reads_the_root_attributes() -> None:
    text = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50" '
        'data-lon0="10" data-lat0="60" data-kx="2" data-ky="4"/>'
    )
    p = read_projection(text)
    assert p == Projection(10, 60, 2, 4, 100, 50)
    assert p.project(55, 20) == (20, 20)
    assert p.contains(20, 20) and not p.contains(101, 20) and not p.contains(5, 5, margin=6)


@pytest.mark.parametrize(
    "text",
    [
        "<svg",
        '<svg viewBox="0 0 100 50" data-lon0="10" data-lat0="60" data-kx="2"/>',
        '<svg viewBox="0 0 100" data-lon0="10" data-lat0="60" data-kx="2" data-ky="4"/>',
        '<svg viewBox="5 0 100 50" data-lon0="10" data-lat0="60" data-kx="2" data-ky="4"/>',
        '<svg viewBox="0 0 100 50" data-lon0="x" data-lat0="60" data-kx="2" data-ky="4"/>',
    ],
)
def test_read_projection_rejects_a_map_without_one(text: str) -> None:
    with pytest.raises(ValueError):
        read_projection(text)


# --- The build ---


def test_the_build_script_reproduces_the_committed_map(tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node, "node is required to rebuild the map"
    outputs = [tmp_path / "first.svg", tmp_path / "second.svg"]
    for output in outputs:
        subprocess.run(
            [node, str(ROOT / "tools" / "build_map.mjs"), str(output)],
            check=True,
            cwd=tmp_path,  # the script finds the atlas from its own location
            timeout=120,
        )
    assert outputs[0].read_bytes() == outputs[1].read_bytes()
    assert outputs[0].read_bytes() == MAP_SVG.read_bytes()
