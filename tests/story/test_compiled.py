"""The compiled story's JSON form: a faithful round trip, and refusal of anything else."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from crossing.story import load_any
from crossing.story.compiled import (
    FORMAT,
    CompiledFormatError,
    CompiledStory,
    from_json,
)
from crossing.story.runtime import Program, Session

from .conftest import Compile, Write
from .helpers import MARKET, dedent

RICH = dedent(
    """
    title: Rich Story
    sources: sources.toml
    places: places.toml
    var n: 0..5 = 1
    var s: {a, b} = b
    var flag = true

    # Chapter {#ch}

    ## start
    place: hy
    date: 2013-06-01
    era: the famine years
    title: Start
    tags: one, two
    image: i.jpg
      alt: An image
      caption: A *caption*
      credit: Me
    audio: a.ogg
    ~ n += 1
    Text {n} {s} {flag}[^src] {if flag: yes | no}
    * Go {#g} -> e if n > 0 and s == b
      ~ n += 1
    * Roll -> r

    ## r
    -> e if n > 3
    chance: [^src]
      basis: one in three, as [^src] counts it
      1 -> e
        ~ s = a
        ~ flag = false
      2 -> e

    ## e
    ending: safety
    Bye {n}.

    epilogue:
    After {s}.
    """
)
TABLES = {
    "sources.toml": (
        '[src]\ntitle = "S"\nauthor = "A"\nconfidence = "estimate"\ndate = "2020"\n'
        'url = "https://x.org"\nnote = "n"\n'
    ),
    "places.toml": '[hy]\nname = "Hyesan"\nlat = 41.5\nlon = 128\ncountry = "KP"\n',
}


@pytest.fixture
def rich(compile_story: Compile) -> CompiledStory:
    return compile_story(RICH, TABLES)


def test_to_json_from_json_round_trip(rich: CompiledStory) -> None:
    data = json.loads(json.dumps(rich.to_json()))
    assert data["format"] == FORMAT == "crossing-story"
    assert data["format_version"] == 1  # a story with no formats or variations
    assert data["hash"] == rich.hash
    again = from_json(data)
    assert again == rich
    assert again.hash == rich.hash
    assert again.to_json() == rich.to_json()


def test_the_market_story_round_trips(compile_story: Compile) -> None:
    story = compile_story(MARKET)
    assert from_json(json.loads(json.dumps(story.to_json()))) == story


def test_to_json_leaves_out_empty_and_missing_fields(rich: CompiledStory) -> None:
    data = rich.to_json()
    start, r, e = data["scenes"]
    assert set(start) == {
        "id",
        "chapter",
        "title",
        "place",
        "date",
        "era",
        "tags",
        "media",
        "effects",
        "text",
        "sources",
        "choices",
    }
    assert start["media"] == [
        {
            "kind": "image",
            "src": "i.jpg",
            "alt": "An image",
            "caption": "A <em>caption</em>",
            "credit": "Me",
        },
        {"kind": "audio", "src": "a.ogg"},
    ]
    assert start["choices"][1] == {"id": "start/r", "text": "Roll", "target": 1}
    assert start["text"][-2] == {"if": ["var", 2], "then": "yes", "else": "no"}
    assert r["diverts"] == [{"target": 2, "if": [">", ["var", 0], 3]}]
    assert r["chance"]["outcomes"][1] == {"weight": 2, "target": 2}
    assert r["chance"]["sources"] == ["src"]
    assert r["chance"]["basis"] == "record"
    assert r["chance"]["note"].startswith('one in three, as <sup class="cite">')
    assert "background" not in r["chance"]
    assert e["ending"] == {
        "kind": "safety",
        "epilogue": [
            "<p>After ",
            {"expr": ["var", 1], "type": "enum", "values": ["a", "b"]},
            ".</p>",
        ],
    }
    assert data["variables"][0] == {"name": "n", "type": "int", "initial": 1, "low": 0, "high": 5}
    assert data["variables"][2] == {"name": "flag", "type": "bool", "initial": True}
    assert data["sources"] == {
        "src": {
            "title": "S",
            "author": "A",
            "date": "2020",
            "url": "https://x.org",
            "confidence": "estimate",
            "note": "n",
        }
    }
    assert data["places"] == {"hy": {"name": "Hyesan", "lat": 41.5, "lon": 128.0, "country": "KP"}}


def test_the_hash_follows_the_content(compile_story: Compile) -> None:
    one = compile_story(MARKET)
    assert len(one.hash) == 16
    assert compile_story(MARKET).hash == one.hash
    changed = compile_story(MARKET.replace("Home.", "Home at last."))
    assert changed.hash != one.hash


def test_a_conditional_without_otherwise_round_trips(compile_story: Compile) -> None:
    story = compile_story(
        "title: T\nvar b: bool = false\n## s\n~ b = true\n{if b: x}\n-> e\n## e\nending: safety\n"
    )
    data = story.to_json()
    # The paragraph is only the conditional: it moves inside, so "no" leaves no empty <p>.
    assert data["scenes"][0]["text"] == [{"if": ["var", 0], "then": "<p>x</p>"}]
    assert from_json(json.loads(json.dumps(data))) == story


def test_scene_index(rich: CompiledStory) -> None:
    assert rich.scene_index() == {"start": 0, "r": 1, "e": 2}


# -- refusing what is not a compiled story -------------------------------------------------


MALFORMED: list[tuple[str, Callable[[dict[str, Any]], Any], str]] = [
    ("not a dict", lambda d: [d], "format: this is not a compiled Crossing story"),
    ("no format", lambda d: {k: v for k, v in d.items() if k != "format"}, "format: this is not"),
    ("other format", lambda d: {**d, "format": "crossing-save"}, "format: this is not"),
    ("version 4", lambda d: {**d, "format_version": 4}, "format_version: this runtime reads"),
    ("no version", lambda d: {**d, "format_version": None}, "format_version: this runtime reads"),
    ("version true", lambda d: {**d, "format_version": True}, "format_version: this runtime"),
    ("no scenes", lambda d: {k: v for k, v in d.items() if k != "scenes"}, "scenes: is missing"),
    ("scenes not a list", lambda d: {**d, "scenes": "nope"}, "scenes: must be a list"),
    ("sources not a table", lambda d: {**d, "sources": []}, "sources: must be an object"),
    ("places not a table", lambda d: {**d, "places": 5}, "places: must be an object"),
    ("start not a number", lambda d: {**d, "start": "x"}, "start: must be an integer"),
    ("start out of range", lambda d: {**d, "start": 99}, "start: must be the index of a scene"),
    ("negative start", lambda d: {**d, "start": -1}, "start: must be the index of a scene"),
    ("no scenes at all", lambda d: {**d, "scenes": []}, "scenes: must not be empty"),
    (
        "variable without a name",
        lambda d: {**d, "variables": [{"type": "int"}]},
        "name: is missing",
    ),
    (
        "chapter without start",
        lambda d: {**d, "chapters": [{"id": "x", "title": "X"}]},
        "chapters[0].start: is missing",
    ),
]


@pytest.mark.parametrize(
    ("change", "message"), [(m[1], m[2]) for m in MALFORMED], ids=[m[0] for m in MALFORMED]
)
def test_from_json_refuses_malformed_data(
    rich: CompiledStory, change: Callable[[dict[str, Any]], Any], message: str
) -> None:
    data = change(json.loads(json.dumps(rich.to_json())))
    with pytest.raises(CompiledFormatError) as caught:
        from_json(data)
    assert str(caught.value).startswith("the compiled story is not valid: ")
    assert message in str(caught.value)


def scene_change(path: list[Any], value: object) -> Callable[[dict[str, Any]], Any]:
    """A change to one field inside the first scene (the path leads from the scene)."""

    def change(data: dict[str, Any]) -> Any:
        data = copy.deepcopy(data)
        target = data["scenes"][0]
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        return data

    return change


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (["choices", 0, "target"], "x"),
        (["choices", 0], {"text": "no id", "target": 1}),
        (["effects"], [[0]]),
        (["text"], [{"type": "int"}]),
        (["media"], [{"src": "no kind"}]),
    ],
)
def test_from_json_refuses_malformed_scenes(
    rich: CompiledStory, path: list[Any], value: object
) -> None:
    data = scene_change(path, value)(rich.to_json())
    with pytest.raises(CompiledFormatError, match="the compiled story is not valid: scenes"):
        from_json(data)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (["choices", 0, "target"], 7),
        (["choices", 0, "target"], -1),
        (["choices", 0, "if"], ["frob", 1, 2]),
        (["choices", 0, "effects"], [[9, 1]]),
        (["effects"], [[0, ["var", 42]]]),
        (["text"], [{"expr": ["nope"], "type": "int"}]),
    ],
)
def test_from_json_refuses_stories_the_runtime_cannot_play(
    rich: CompiledStory, path: list[Any], value: object
) -> None:
    """Out-of-range scene or variable indexes and unknown operators are malformed data: they
    must be refused when the file is read, not crash play later."""
    data = scene_change(path, value)(rich.to_json())
    with pytest.raises(CompiledFormatError):
        story = from_json(data)
        session, _ = Session.begin(Program(story), 0)
        session.choose(0)


def test_load_any_reads_compiled_json(rich: CompiledStory, write: Write) -> None:
    path = write("rich.json", json.dumps(rich.to_json()))
    loaded = load_any(path)
    assert loaded.story == rich
    assert loaded.problem is None and loaded.diagnostics == []


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ('{"format": "crossing-story"', "the file: is not JSON"),
        ("[[[[", "the file: is not JSON"),
        (b"\xff\xfe", "the file: is not UTF-8 text"),
        ('{"format": "other"}', "format: this is not a compiled Crossing story"),
        ("[" * 100_000 + "]" * 100_000, "the file: nests more than 400 levels deep"),
    ],
)
def test_load_any_explains_what_is_wrong(write: Write, content: str | bytes, fragment: str) -> None:
    path = write("bad.json", content)
    loaded = load_any(path)
    assert loaded.story is None
    assert loaded.problem is not None
    assert loaded.problem == f"{path}: the compiled story is not valid: {fragment}"


def test_load_any_reads_story_source_too(write: Write, story_dir: Path) -> None:
    write("main.story", MARKET)
    loaded = load_any(story_dir / "main.story")
    assert loaded.story is not None and loaded.story.title == "Market Day"
    assert loaded.texts
