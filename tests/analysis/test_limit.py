"""The players' limit on divert chains, in the analysis and in play (limit.py, runtime.py).

Both stop play with an error after more than MAX_AUTOMATIC_STEPS scenes linked by diverts
alone; a decision or a chance draw starts the count again."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from story.conftest import Compile

from crossing.analysis.explore import TooManyStates
from crossing.analysis.odds import analyse, render_text
from crossing.analysis.playtest import LOOP, run_playtests
from crossing.story import compiled as c
from crossing.story import runtime
from crossing.story.runtime import Program, Session, StoryLoopError

from .stories import compiled_stories, with_ends


def counting(diverts: int, draws: int) -> str:
    """A choice between counting to `diverts` by diverts alone and to `draws` by draws."""
    return with_ends(f"""
        title: Counting
        var n = 0

        ## start
        * By diverts -> tick
        * By draws -> toss

        ## tick
        ~ n += 1
        -> home if n >= {diverts}
        -> tick

        ## toss
        -> home if n >= {draws}
        chance:
          assumption: a coin with one face
          1 -> toss
            ~ n += 1
        """)


def play(story: c.CompiledStory, choice: int) -> str:
    """How play ends after the choice: the ending scene's id, or 'error'."""
    session, _ = Session.begin(Program(story), seed=1)
    try:
        session.choose(choice)
    except StoryLoopError:
        return "error"
    return story.scenes[session.state.scene].id


def test_twenty_thousand_diverts_stop_play_and_the_analysis_says_so(
    compile_story: Compile,
) -> None:
    """The issue's case: a choice into a divert loop that runs 20,000 times. The draws
    loop, 10,001 draws long, plays on (each draw starts the count again)."""
    story = compile_story(counting(20_000, 10_001))
    report = analyse(story)
    random = report.readers["random"]
    assert random.stops_with_error == Fraction(1, 2)
    assert random.never_ends == 0
    assert report.endings[0].scene == "home" and report.endings[0].odds["random"] == Fraction(1, 2)
    assert report.readers["best"].stops_with_error == 0
    assert report.readers["worst"].stops_with_error == 1
    assert report.runaway_scenes == ["tick"]
    data = report.to_json()
    assert data["readers"]["random"]["stops_with_error"] == {"exact": "1/2", "value": 0.5}
    assert data["runaway"] == {"limit": 10_000, "states": report.runaway_states, "scenes": ["tick"]}
    assert (play(story, 0), play(story, 1)) == ("error", "home")


def test_a_divert_cycle_stops_play_with_an_error_not_never_ending(compile_story: Compile) -> None:
    story = compile_story(
        with_ends("""
        title: Circles

        ## start
        * Follow the path -> a
        * Go home -> home

        ## a
        -> b

        ## b
        -> a if true
        """)
    )
    report = analyse(story)
    assert report.readers["random"].stops_with_error == Fraction(1, 2)
    assert report.readers["random"].never_ends == 0
    assert report.runaway_scenes == ["a"]
    assert report.endless_scenes == []  # an error, but the players' own: they stop
    assert "Error: a runaway divert chain" in render_text(report, 0.0)
    assert play(story, 0) == "error"


@pytest.mark.parametrize("diverts", [8, 9, 10, 11, 25])
def test_the_analysis_stops_exactly_where_play_does(
    compile_story: Compile, monkeypatch: pytest.MonkeyPatch, diverts: int
) -> None:
    """With the limit lowered to 10 for both: a chain of `diverts` ticks and the ending is
    diverts + 1 scenes, allowed up to 10."""
    monkeypatch.setattr(runtime, "MAX_AUTOMATIC_STEPS", 10)
    story = compile_story(counting(diverts, 30))
    report = analyse(story)
    stops = report.readers["random"].stops_with_error
    assert stops == (Fraction(1, 2) if diverts + 1 > 10 else 0)
    assert (play(story, 0) == "error") == (diverts + 1 > 10)
    assert play(story, 1) == "home"  # 30 draws: never more than 2 scenes in a chain
    assert report.to_json()["runaway"]["limit"] == 10


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(compiled_stories(max_scenes=6, forward=True))
def test_stopping_with_an_error_has_the_odds_random_play_shows(story: c.CompiledStory) -> None:
    """Random stories, the limit lowered to 3 for the analysis and the players alike: the
    share of random playthroughs stopped by it is the odds' `stops with an error`."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(runtime, "MAX_AUTOMATIC_STEPS", 3)
        try:
            report = analyse(story, max_states=1_000)
        except TooManyStates:
            return
        random = report.readers["random"]
        if random.expected_decisions is None:
            return  # playthroughs that never end say nothing, slowly
        runs = 300
        played = run_playtests(story, runs, seed=5, max_decisions=10_000)
    seen = sum(f.kind == LOOP for f in played.failures) / runs
    expected = float(random.stops_with_error)
    assert abs(seen - expected) <= 5 * math.sqrt(expected * (1 - expected) / runs) + 0.01
    endings = sum((e.odds["random"] for e in report.endings), Fraction(0))
    assert endings + random.dead_end + random.never_ends + random.stops_with_error == 1
