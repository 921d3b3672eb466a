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
    ("not a dict", lambda d: [d], "not a compiled Crossing story"),
    ("no format", lambda d: {k: v for k, v in d.items() if k != "format"}, "not a compiled"),
    ("other format", lambda d: {**d, "format": "crossing-save"}, "not a compiled"),
    ("version 4", lambda d: {**d, "format_version": 4}, "version 4 is not supported"),
    ("no version", lambda d: {**d, "format_version": None}, "version None is not supported"),
    ("no scenes", lambda d: {k: v for k, v in d.items() if k != "scenes"}, "malformed"),
    ("scenes not a list", lambda d: {**d, "scenes": "nope"}, "malformed"),
    ("sources not a table", lambda d: {**d, "sources": []}, "malformed"),
    ("places not a table", lambda d: {**d, "places": 5}, "malformed"),
    ("start not a number", lambda d: {**d, "start": "x"}, "malformed"),
    ("start out of range", lambda d: {**d, "start": 99}, "start scene out of range"),
    ("negative start", lambda d: {**d, "start": -1}, "start scene out of range"),
    ("no scenes at all", lambda d: {**d, "scenes": []}, "start scene out of range"),
    ("variable without a name", lambda d: {**d, "variables": [{"type": "int"}]}, "malformed"),
    (
        "chapter without start",
        lambda d: {**d, "chapters": [{"id": "x", "title": "X"}]},
        "malformed",
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
    with pytest.raises(CompiledFormatError, match="malformed compiled story"):
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
        ('{"format": "crossing-story"', "cannot read the compiled story"),
        ("[[[[", "cannot read the compiled story"),
        (b"\xff\xfe", "cannot read the compiled story"),
        ('{"format": "other"}', "not a compiled Crossing story"),
        ("[" * 100_000 + "]" * 100_000, "cannot read the compiled story"),
    ],
)
def test_load_any_explains_what_is_wrong(write: Write, content: str | bytes, fragment: str) -> None:
    path = write("bad.json", content)
    loaded = load_any(path)
    assert loaded.story is None
    assert loaded.problem is not None
    assert loaded.problem.startswith(f"{path}: cannot read the compiled story: ")
    assert fragment in loaded.problem


def test_load_any_reads_story_source_too(write: Write, story_dir: Path) -> None:
    write("main.story", MARKET)
    loaded = load_any(story_dir / "main.story")
    assert loaded.story is not None and loaded.story.title == "Market Day"
    assert loaded.texts
