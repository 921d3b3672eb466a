"""Extraction: one unit per run of reader-visible words, keyed by a stable ID."""

from __future__ import annotations

from pathlib import Path

import pytest

from crossing.story.translation.extract import story_groups

STORY = """\
title: The Ferry
language: en
places: places.toml
var weather "Weather": {calm "Calm", storm "Storm"} = calm

# The harbour {#harbour}

## quay
title: At the quay
place: harbour
image: quay.jpg
  alt: A quay in fog
  caption: The *old* quay

You wait.
// a comment inside the paragraph
The boat is late.

{if weather == storm: The sea is rough.}

* Buy a ticket -> across
* Buy two tickets -> across
* Wait {#wait} -> across
* -> across

## across
chance:
  assumption: we take four in five.
  80% -> home
  20% -> home

## home
ending: safety
Home.
epilogue:
Ferries still run.
"""


@pytest.fixture
def story(tmp_path: Path) -> Path:
    (tmp_path / "main.story").write_text(STORY, encoding="utf-8")
    (tmp_path / "places.toml").write_text(
        '[harbour]\nname = "The old harbour"\nlat = 1.0\nlon = 2.0\n', encoding="utf-8"
    )
    (tmp_path / "quay.jpg").write_bytes(b"")
    return tmp_path


def test_every_kind_of_unit_has_its_stable_id(story: Path) -> None:
    groups, _project = story_groups(story)
    assert [g.name for g in groups] == ["main", "places"]
    units = {u.id: u.source for g in groups for u in g.units}
    assert units == {
        "story.title": "The Ferry",
        "var.weather": "Weather",
        "var.weather.calm": "Calm",
        "var.weather.storm": "Storm",
        "chapter.harbour": "The harbour",
        "quay.title": "At the quay",
        "quay.media1.alt": "A quay in fog",
        "quay.media1.caption": "The *old* quay",
        "quay.p1": "You wait.\nThe boat is late.",
        "quay.p2": "{if weather == storm: The sea is rough.}",
        "quay/across": "Buy a ticket",
        "quay/across-2": "Buy two tickets",
        "quay/wait": "Wait",
        "across.assumption": "we take four in five.",
        "home.p1": "Home.",
        "home.epilogue.p1": "Ferries still run.",
        "place.harbour": "The old harbour",
    }


def test_units_say_where_they_are_and_carry_a_hash(story: Path) -> None:
    groups, _project = story_groups(story)
    paragraph = next(u for u in groups[0].units if u.id == "quay.p1")
    assert [s.line for s in paragraph.spans] == [15, 17]
    assert "scene quay (“At the quay”)" in paragraph.comment
    assert len(paragraph.hash) == 12
    assert paragraph.hash != next(u for u in groups[0].units if u.id == "quay.p2").hash


def test_rewording_keeps_every_id(story: Path) -> None:
    before = [u.id for g in story_groups(story)[0] for u in g.units]
    text = (story / "main.story").read_text().replace("Buy a ticket", "Pay for one seat")
    (story / "main.story").write_text(text.replace("You wait.", "You wait a long time."))
    after = [u.id for g in story_groups(story)[0] for u in g.units]
    assert before == after


def test_the_journey_has_one_unit_per_id() -> None:
    groups, project = story_groups(Path("content/journey"))
    assert not [d for d in project.diagnostics if d.severity == "error"]
    ids = [u.id for g in groups for u in g.units]
    assert len(ids) == len(set(ids)) > 1000
