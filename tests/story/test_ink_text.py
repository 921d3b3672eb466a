"""Ink's `[ ]` in a choice's text, and a divert at the end of a line of text."""

from __future__ import annotations

from crossing.story.runtime import Program, Session

from .conftest import Compile, Load
from .helpers import at

ROOM = """
title: Ink
## hall
You stand in the hall. -> room

## room
* "I'm leaving[."]," I said. {#leave} -> door
* [Look around] {#look} -> room
* Ask[?] she asks. {#ask}
  She shrugs.
  -> door
* Read the [sign](https://example.org/sign) -> door

## door
ending: safety
Out.
"""


def test_brackets_split_what_is_offered_from_what_is_printed(compile_story: Compile) -> None:
    story = compile_story(ROOM)
    index = story.scene_index()
    room = story.scenes[index["room"]]
    assert [c.text for c in room.choices] == [
        "&quot;I'm leaving.&quot;",
        "Look around",
        "Ask?",
        'Read the <a href="https://example.org/sign">sign</a>',  # a link is no `[ ]`
    ]
    said = story.scenes[index["room/leave"]]
    assert said.text == "<p>&quot;I'm leaving,&quot; I said.</p>"
    assert [d.target for d in said.diverts] == [index["door"]]
    # Nothing printed for `[Look around]`: the choice goes straight to its target.
    assert room.choices[1].target == index["room"]
    assert story.scenes[index["room/ask"]].text == "<p>Ask she asks.\nShe shrugs.</p>"


def test_a_line_ending_in_a_divert(compile_story: Compile) -> None:
    story = compile_story(ROOM)
    hall = story.scenes[0]
    assert hall.text == "<p>You stand in the hall.</p>"
    assert [d.target for d in hall.diverts] == [story.scene_index()["room"]]


def test_play_prints_the_taken_text(compile_story: Compile) -> None:
    session, steps = Session.begin(Program(compile_story(ROOM)), 1)
    assert [(s.scene, s.divert) for s in steps] == [("hall", "room"), ("room", None)]
    steps = session.choose(0)
    assert [(s.scene, s.text) for s in steps] == [
        ("room/leave", "<p>&quot;I'm leaving,&quot; I said.</p>"),
        ("door", "<p>Out.</p>"),
    ]


def test_text_after_an_inline_divert_is_reported(load: Load) -> None:
    loaded = load(
        """
        title: After
        ## hall
        You run. -> door
        And run.

        ## door
        ending: safety
        """
    )
    error = at(loaded, "E059", "main.story:4:1")
    assert error.message == "text after the scene's choices, chance or diverts"
