"""The people at a glance (crossing/web/journey/people.py): found in the story, not written
twice, each with the places only their own journey can reach."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from crossing.web.journey.people import Person, find_people
from crossing.web.journey.publish import compile_story

ROOT = Path(__file__).resolve().parents[2]
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def people() -> tuple[Person, ...]:
    return find_people(compile_story(ROOT / "content" / "journey"))


def test_the_flagship_has_three_people_each_where_they_set_out(people: tuple[Person, ...]) -> None:
    assert [p.name for p in people] == ["Mi-ok", "Chol", "Myong-su"]
    assert [p.start.key for p in people] == ["musan", "hyesan", "tynda"]
    assert people[0].about.startswith("thirty-four")
    assert all(p.places[0] == p.start for p in people)


def test_each_map_holds_only_the_places_that_person_can_reach(people: tuple[Person, ...]) -> None:
    mi_ok, chol, myong_su = ({p.key for p in person.places} for person in people)
    # The loggers' road out is Russia's or the sea's: not Laos, not Mongolia.
    assert {"tynda", "vladivostok", "seoul"} <= myong_su
    assert not myong_su & {"bangkok", "ulaanbaatar", "musan", "hyesan"}
    # Each of the others starts where only they do.
    assert "musan" in mi_ok and "musan" not in chol
    assert "hyesan" in chol and "hyesan" not in mi_ok


def test_each_map_is_an_accessible_svg_with_a_dot_per_place(people: tuple[Person, ...]) -> None:
    for person in people:
        root = ET.fromstring(person.map_svg)
        assert root.get("role") == "img"
        title = root.find(f"{SVG}title")
        assert title is not None and person.text in (title.text or "")
        located = [p for p in person.places if p.lat is not None]
        assert len(list(root.iter(f"{SVG}circle"))) == len(located)
        names = [t.text for t in root.iter(f"{SVG}text")]
        assert person.start.name.split(",")[0] in names
        # Names are drawn at 14 units or more on a 360-unit map: legible in a card.
        sizes = [float(t.get("font-size", 0)) for t in root.iter(f"{SVG}text")]
        assert min(sizes) >= 14
        assert len(person.map_svg) < 25_000


def test_a_story_without_a_choice_of_person_has_no_people() -> None:
    # The example story has places and decisions between them, but no choice of a person.
    assert find_people(compile_story(ROOT / "examples" / "market-day")) == ()


def test_a_story_without_places_has_no_people(tmp_path: Path) -> None:
    (tmp_path / "main.story").write_text(
        "title: No places\nid: none\nversion: 1\nstart: a\nendings: safety\n\n"
        "## a\nYou wait.\n\n* Go -> b\n\n## b\nending: safety\n\nDone.\n",
        encoding="utf-8",
    )
    assert find_people(compile_story(tmp_path)) == ()
