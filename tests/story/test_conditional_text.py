"""Conditional text: `{if condition: text | other text}`."""

from __future__ import annotations

from crossing.story.compiled import Conditional, from_json
from crossing.story.runtime import Program, Session

from .conftest import Compile, Load
from .helpers import at, codes

STORY = """
title: Picnic
sources: sources.toml
var basket: bool = true
var guests: 0..9 = 2

## park
Out.{if basket: Bread for {guests}.[^a] | No basket.} {if guests > 1: {if guests > 3: A crowd. | Friends.}}[^b]

* Go {if guests > 1: together | alone} -> end
  ~ basket = false
  ~ guests = 0

## end
ending: safety
{if basket: Carried. | Nothing to carry, pipe \\| kept.}
"""

SOURCES = {
    "sources.toml": '[a]\ntitle = "A"\nauthor = "X"\nconfidence = "confirmed"\n'
    '[b]\ntitle = "B"\nauthor = "X"\nconfidence = "confirmed"\n'
}


def test_the_branch_that_holds_is_shown(compile_story: Compile) -> None:
    story = compile_story(STORY, SOURCES)
    session, steps = Session.begin(Program(story), 0)
    assert steps[0].text == (
        '<p>Out.Bread for 2.<sup class="cite"><a href="#source-a" data-source="a">1</a></sup> '
        'Friends.<sup class="cite"><a href="#source-b" data-source="b">2</a></sup></p>'
    )
    assert steps[0].choices == [{"id": "park/end", "text": "Go together"}]
    steps = session.choose(0)
    assert steps[-1].text == "<p>Nothing to carry, pipe | kept.</p>"


def test_citations_are_numbered_in_reading_order_even_inside_branches(
    compile_story: Compile,
) -> None:
    story = compile_story(STORY, SOURCES)
    assert story.scenes[0].sources == ("a", "b")


def test_conditional_parts_survive_the_json_round_trip(compile_story: Compile) -> None:
    story = compile_story(STORY, SOURCES)
    again = from_json(story.to_json())
    assert again == story
    parts = story.scenes[0].text
    assert isinstance(parts, tuple)
    conditionals = [part for part in parts if isinstance(part, Conditional)]
    assert len(conditionals) == 2
    assert conditionals[1].otherwise is None


def test_broken_conditionals_are_reported_where_they_are(load: Load) -> None:
    loaded = load(
        """
        title: T
        var n: int = 1

        ## a
        {if n > 0 no colon} {if n: number} {if n > 0: a | b | c} {if n > 0: {if}}
        ~ n = 2
        -> a
        """
    )
    assert loaded.story is None
    assert at(loaded, "E002", "main.story:5:2").message == (
        "conditional text needs ':' after its condition"
    )
    assert at(loaded, "E008", "main.story:5:25").message == (
        "expected true or false, found a number"
    )
    third = at(loaded, "E002", "main.story:5:53")
    assert third.message == "conditional text has at most two branches"
    assert third.hint == "write '\\|' for a literal '|'"
    assert (
        at(loaded, "E002", "main.story:5:70").message == "expected a value, found the keyword 'if'"
    )
    assert codes(loaded).count("E002") == 3
