"""`crossing odds` against stories whose odds are known by hand."""

from __future__ import annotations

from fractions import Fraction

import pytest
from story.conftest import Compile

from crossing.analysis.explore import TooManyStates
from crossing.analysis.odds import OddsReport, analyse, probability_json, render_text

from .stories import ENDS, gamblers_ruin, with_ends


def odds(report: OddsReport, scene: str, reader: str = "random") -> Fraction | float:
    (ending,) = [e for e in report.endings if e.scene == scene]
    return ending.odds[reader]


def test_independent_chances_multiply(compile_story: Compile) -> None:
    story = compile_story(
        with_ends(
            """
        title: Two chances

        ## start
        chance:
          assumption: a fair coin
          50% -> second
          50% -> lost

        ## second
        chance:
          assumption: one face in three
          1 -> home
          2 -> lost
        """
        )
    )
    report = analyse(story)
    assert odds(report, "home") == Fraction(1, 6)
    assert odds(report, "lost") == Fraction(5, 6)
    # No decisions: every reader fares the same.
    assert odds(report, "home", "best") == odds(report, "home", "worst") == Fraction(1, 6)
    assert report.readers["random"].expected_decisions == 0
    assert report.exact
    assert (report.states, report.transitions, report.decision_states) == (4, 4, 0)


def test_a_sure_forty_percent_against_two_halves_in_a_row(compile_story: Compile) -> None:
    story = compile_story(
        with_ends(
            """
        title: Two roads

        ## start
        * The sure road -> sure
        * The two rivers -> first

        ## sure
        chance:
          assumption: two in five
          40% -> home
          60% -> lost

        ## first
        chance:
          assumption: a fair coin
          50% -> second
          50% -> lost

        ## second
        chance:
          assumption: a fair coin
          50% -> home
          50% -> lost
        """
        )
    )
    report = analyse(story)
    assert odds(report, "home") == Fraction(1, 2) * Fraction(2, 5) + Fraction(1, 2) * Fraction(1, 4)
    assert odds(report, "home") == Fraction(13, 40)
    assert odds(report, "home", "best") == Fraction(2, 5)
    assert odds(report, "home", "worst") == Fraction(1, 4)
    assert report.kinds["safety"] == {
        "random": Fraction(13, 40),
        "best": Fraction(2, 5),
        "worst": Fraction(1, 4),
    }
    assert report.readers["best"].goal == Fraction(2, 5)
    assert report.readers["random"].expected_decisions == 1


RETRY = (
    """
title: Retry

## try
chance:
  assumption: one in three
  1 -> home
  2 -> fail

## fail
* Try again -> try
* Give up -> lost
"""
    + ENDS
)


def test_a_loop_that_retries_a_third_until_success(compile_story: Compile) -> None:
    report = analyse(compile_story(RETRY))
    # p = 1/3 + 2/3 * 1/2 * p, so p = 1/2; always retrying succeeds for sure.
    assert odds(report, "home") == Fraction(1, 2)
    assert odds(report, "home", "best") == 1
    assert odds(report, "home", "worst") == Fraction(1, 3)
    # Visits: x_try = 1 + x_fail / 2 and x_fail = 2/3 x_try, so x_fail = 1.
    assert report.readers["random"].expected_decisions == 1
    assert report.readers["best"].expected_decisions == 2
    assert report.readers["worst"].expected_decisions == Fraction(2, 3)
    assert report.readers["random"].never_ends == 0
    assert report.exact


def test_a_chance_repeated_until_it_succeeds_ends_for_sure(compile_story: Compile) -> None:
    story = compile_story(
        with_ends(
            """
            title: Again

            ## try
            chance:
              assumption: one in three
              1 -> home
              2 -> try
            """
        )
    )
    report = analyse(story)
    assert report.states == 2  # the same state, entered again and again
    assert odds(report, "home") == 1
    assert report.readers["random"].never_ends == 0


def test_an_unreachable_ending_has_no_chance_and_is_listed(compile_story: Compile) -> None:
    story = compile_story(
        with_ends(
            """
        title: Unreached
        var key: bool = false

        ## start
        * Go home -> home
        * Open the door -> vault if key

        ## vault
        -> lost
        """,
            """
        ## drowned
        ending: died

        Nobody comes here.
        """,
        )
    )
    report = analyse(story)
    drowned = next(e for e in report.endings if e.scene == "drowned")
    assert not drowned.reachable
    assert drowned.odds == {"random": 0, "best": 0, "worst": 0}
    assert odds(report, "home") == 1
    assert report.unreachable_scenes == ["vault", "drowned", "lost"]  # story order
    assert report.unreachable_choices == ["start/vault"]


def test_a_loop_with_no_way_out_never_ends(compile_story: Compile) -> None:
    """A loop through a chance (with diverts alone, the players' limit stops play: see
    test_limit.py). `if true` hides it from the checker, which refuses a loop it can see
    has no way out (E024): the analysis must find it all the same."""
    story = compile_story(
        with_ends(
            """
        title: Circles

        ## start
        * Follow the path -> a
        * Go home -> home

        ## a
        chance:
          assumption: the path always bends back
          1 -> b

        ## b
        -> a if true
        """
        )
    )
    report = analyse(story)
    assert odds(report, "home") == Fraction(1, 2)
    assert report.readers["random"].never_ends == Fraction(1, 2)
    assert report.readers["random"].expected_decisions is None
    assert report.readers["best"].never_ends == 0
    assert report.readers["worst"].never_ends == 1
    assert report.trap_scenes == ["a", "b"]
    assert report.trap_choices == ["start/a"]
    assert report.trap_states == 2
    # The players would draw for ever there: the report says it is an error to fix.
    assert report.endless_scenes == ["a", "b"] and report.endless_states == 2
    assert report.to_json()["endless"] == {"states": 2, "scenes": ["a", "b"]}
    assert "Error: play can go on for ever" in render_text(report, 0.0)


def test_staying_for_ever_is_the_worst_play(compile_story: Compile) -> None:
    story = compile_story(
        with_ends(
            """
        title: Stay

        ## start
        * Stay a little longer -> start
        * Leave -> home
        """
        )
    )
    report = analyse(story)
    assert odds(report, "home") == 1  # a random reader leaves sooner or later
    assert report.readers["random"].expected_decisions == 2
    assert report.readers["worst"].goal == 0
    assert report.readers["worst"].never_ends == 1
    assert report.trap_scenes == []


def test_dead_ends_are_reported_with_the_values_that_cause_them(compile_story: Compile) -> None:
    story = compile_story(
        with_ends(
            """
        title: Locked
        var key: bool = false
        var coins: 0..9 = 3

        ## start
        * Buy a key -> door
          ~ key = true
          ~ coins -= 2
        * Go straight to the door -> door

        ## door
        * Open it -> home if key
        """
        )
    )
    report = analyse(story)
    assert report.readers["random"].dead_end == Fraction(1, 2)
    assert [(d.scene, d.values) for d in report.dead_ends] == [("door", {"key": False})]
    assert report.trap_choices == ["start/door-2"]
    assert report.trap_scenes == []  # the door is a trap only without the key


def test_a_random_walk_is_solved_exactly(compile_story: Compile) -> None:
    report = analyse(compile_story(gamblers_ruin(10, 3)))
    assert odds(report, "home") == Fraction(3, 10)
    assert report.exact


def ruin_odds(goal: int, start: int, up: int, down: int) -> Fraction:
    """The closed form: the chance a walk stepping up with odds up:down reaches `goal`
    before 0 from `start`, (1 - r^start) / (1 - r^goal) with r = down/up (start/goal if fair)."""
    if up == down:
        return Fraction(start, goal)
    r = Fraction(down, up)
    return (1 - r**start) / (1 - r**goal)


@pytest.mark.parametrize(
    ("goal", "start", "up", "down"),
    [(450, 150, 1, 1), (401, 200, 3, 2), (1000, 10, 2, 3), (2000, 1000, 1, 1)],
)
def test_a_large_cycle_is_solved_exactly(
    compile_story: Compile, goal: int, start: int, up: int, down: int
) -> None:
    """Random walks of 401 to 2,000 states in one cycle (the old solver iterated past 400
    states and stopped short): the exact closed form, for every reader."""
    report = analyse(compile_story(gamblers_ruin(goal, start, up, down)))
    won = ruin_odds(goal, start, up, down)
    for reader in ("random", "best", "worst"):
        assert odds(report, "home", reader) == won
        assert odds(report, "lost", reader) == 1 - won
        assert report.readers[reader].never_ends == 0
    data = report.to_json()
    assert (data["method"], data["tolerance"]) == ("exact", None)
    home = next(e for e in data["endings"] if e["scene"] == "home")
    assert home["odds"]["random"]["exact"] == str(won)


def test_best_play_in_a_cycle_needs_the_loop(compile_story: Compile) -> None:
    """The best reader must retry through a cycle of several states, with a variable."""
    story = compile_story(
        with_ends(
            """
        title: Tries
        var tries: 0..3 = 0

        ## try
        ~ tries += 1
        chance:
          assumption: one in four
          1 -> home
          3 -> fail

        ## fail
        * Rest, then try again -> try
        * Give up -> lost
        * Rest for ever -> rest

        ## rest
        -> fail
        """
        )
    )
    report = analyse(story)
    assert report.readers["best"].goal == 1
    assert report.readers["worst"].goal == Fraction(1, 4)
    assert report.exact


def test_the_state_limit_stops_with_how_far_it_got(compile_story: Compile) -> None:
    with pytest.raises(TooManyStates) as caught:
        analyse(compile_story(gamblers_ruin(1000, 500)), max_states=100)
    assert caught.value.limit == 100
    assert 0 < caught.value.explored < 100
    assert "100 states" in str(caught.value)


def test_probabilities_in_json_are_exact_strings_and_floats() -> None:
    assert probability_json(Fraction(2, 3)) == {"exact": "2/3", "value": 2 / 3}
    assert probability_json(Fraction(1)) == {"exact": "1", "value": 1.0}
    assert probability_json(0.25) == {"exact": None, "value": 0.25}
