"""Visit counts (`seen(scene)`, `visits(scene)`) and once-only choices (`{once}`): compiled
to internal variables that entry and choice effects set."""

from __future__ import annotations

from crossing.story.compiled import from_json
from crossing.story.runtime import Program, Session

from .conftest import Compile, Load
from .helpers import at

MARKET = """
title: Visits
var coins = 3

## market
Visit {visits(market)}.{if seen(harbor): You know the harbor.}
* Ask about the boat {#ask} {once} -> market
* Buy bread {once} -> market if coins > 0
  ~ coins -= 1
* Go to the harbor -> harbor
* Leave -> gone if visits(harbor) >= 2

## harbor
{if visits(harbor) == 1: The harbor, the first time.}
-> market

## gone
ending: safety
"""


def test_counters_are_internal_variables_with_names_no_author_can_write(
    compile_story: Compile,
) -> None:
    story = compile_story(MARKET)
    assert story.format_version == 3
    internal = {v.name: v for v in story.variables if v.internal}
    assert set(internal) == {
        "visits:market",
        "visits:harbor",
        "once:market/ask",
        "once:market/market",
    }
    # Shown in text: counted to 9. Compared with 2 and 1 at most: counted to 3.
    assert (internal["visits:market"].low, internal["visits:market"].high) == (0, 9)
    assert internal["visits:harbor"].high == 3
    assert internal["once:market/ask"].type == "bool"
    assert not next(v for v in story.variables if v.name == "coins").internal
    assert from_json(story.to_json()) == story
    assert story.to_json()["variables"][1]["internal"] is True
    assert "internal" not in story.to_json()["variables"][0]


def offered(session: Session) -> list[str]:
    return [session.choice_id(i) for i in range(len(session.offered))]


def test_entering_a_scene_counts_first_and_a_once_choice_goes_when_taken(
    compile_story: Compile,
) -> None:
    program = Program(compile_story(MARKET))
    session, steps = Session.begin(program, 1)
    assert steps[-1].text == "<p>Visit 1.</p>"
    assert offered(session) == [
        "market/ask", "market/market", "market/harbor"
    ]  # fmt: skip
    steps = session.choose(0)  # ask: gone from now on
    assert steps[-1].text == "<p>Visit 2.</p>"
    assert offered(session) == ["market/market", "market/harbor"]
    steps = session.choose(1)  # the harbor, and back by its divert
    assert [s.scene for s in steps] == ["harbor", "market"]
    assert steps[0].text == "<p>The harbor, the first time.</p>"
    assert steps[1].text == "<p>Visit 3.You know the harbor.</p>"
    steps = session.choose(1)
    assert steps[0].text == ""
    assert offered(session) == ["market/market", "market/harbor", "market/gone"]


def test_counting_stops_at_the_cap(compile_story: Compile) -> None:
    story = compile_story(
        """
        title: Laps
        ## lap
        -> done if visits(lap) > 2
        * Again -> lap

        ## done
        ending: safety
        Done.
        """
    )
    program = Program(story)
    session, _ = Session.begin(program, 1)
    for _ in range(2):
        session.choose(0)
    assert session.status == "ending"
    (counter,) = [v for v in story.variables if v.internal]
    assert counter.high == 3


def test_an_unknown_scene_is_reported_where_it_is_named(load: Load) -> None:
    loaded = load(
        """
        title: Typo
        ## market
        {if seen(harbour): again}
        * Go -> harbor if visits(market) < 3

        ## harbor
        ending: safety
        """
    )
    error = at(loaded, "E004", "main.story:3:5")
    assert error.message == "unknown scene 'harbour' in seen()"
    assert error.hint == "did you mean 'harbor'?"
    assert loaded.story is None


def test_once_anywhere_but_the_end_of_a_choice_is_an_error(load: Load) -> None:
    loaded = load(
        """
        title: Misplaced
        ## market
        The {once} market.
        * {once} Go -> gone

        ## gone
        ending: safety
        """
    )
    first = at(loaded, "E071", "main.story:3:5")
    assert first.message == "'{once}' marks a choice, at the end of its text"
    assert first.hint is not None and "{once: text}" in first.hint
    at(loaded, "E071", "main.story:4:3")


def test_syntax_errors_in_visit_counts(load: Load) -> None:
    loaded = load(
        """
        title: Broken
        ## market
        {seen()} {visits(a b)}
        * Go -> market
        """
    )
    assert at(loaded, "E002", "main.story:3:7").message == "seen() needs a scene id"
    assert at(loaded, "E002", "main.story:3:18").message == "visits() takes a scene id"


def test_a_story_without_them_is_unchanged(compile_story: Compile) -> None:
    story = compile_story(
        """
        title: Plain
        var seen = 1
        var visits = 2

        ## market
        {seen + visits}
        * Go -> gone
          ~ seen = 3
          ~ visits = 4

        ## gone
        ending: safety
        """
    )
    assert story.format_version == 1
    assert not any(v.internal for v in story.variables)
