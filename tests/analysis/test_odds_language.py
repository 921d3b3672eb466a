"""`crossing odds` on stories using the constructs Ink and Twine authors asked for (issue
19, section 4), each against a probability worked out by hand."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from story.conftest import Compile

from crossing.analysis.odds import analyse
from crossing.story.api import load_source

from .stories import with_ends
from .test_odds import odds

CORPUS = Path(__file__).resolve().parents[1] / "conformance"


def test_integer_division_and_remainder(compile_story: Compile) -> None:
    """Two tosses each add 1 (one chance in three) or 2 (two in three). The total is even
    when both add the same: (1/3)² + (2/3)² = 5/9. min(total / 2, 1) is 1 for any total
    from 2, so the first divert is decided by `%` alone."""
    story = compile_story(
        with_ends(
            """
        title: Even
        var total: 0..4 = 0
        var tosses: 0..2 = 0

        ## toss
        -> home if tosses == 2 and min(total / 2, 1) == 1 and total % 2 == 0
        -> lost if tosses == 2
        chance:
          assumption: a weighted coin
          1 -> toss
            ~ total = max(total + 1, total % 2)
            ~ tosses += 1
          2 -> toss
            ~ total += 2
            ~ tosses += 1
        """
        )
    )
    report = analyse(story)
    assert report.exact
    assert odds(report, "home") == Fraction(5, 9)
    assert odds(report, "lost") == Fraction(4, 9)


def test_once_only_choices_and_visit_counts(compile_story: Compile) -> None:
    """A reader at random picks among the choices offered. In the hall: the door (home one
    time in two), the window (one in three), or giving up, a third each; a tried way is not
    offered again, and the third time in the hall, with both tried, is the end.
    Door first: 1/2 + 1/2 · (1/2 · 1/3) = 7/12. Window first: 1/3 + 2/3 · (1/2 · 1/2) = 1/2.
    So 1/3 · 7/12 + 1/3 · 1/2 = 13/36. Careful play tries both: 1 - 1/2 · 2/3 = 2/3."""
    story = compile_story(
        with_ends(
            """
        title: Two ways out

        ## hall
        -> lost if visits(hall) > 2
        * Try the door {once} -> door
        * Try the window {once} -> window
        * Give up -> lost

        ## door
        chance:
          assumption: a door that sticks
          50% -> home
          50% -> hall

        ## window
        chance:
          assumption: a high window
          1 -> home
          2 -> hall
        """
        )
    )
    report = analyse(story)
    assert report.exact
    assert odds(report, "home") == Fraction(13, 36)
    assert odds(report, "home", "best") == Fraction(2, 3)
    assert odds(report, "home", "worst") == 0
    # hall's visits are counted to 3; the two once flags: the state stays small.
    assert report.states <= 3 * 4 * 2 * 2 + 2


def test_a_fallback_choice_is_taken_when_nothing_else_is_offered(compile_story: Compile) -> None:
    """Two ways, each tried once; when both have failed, the fallback leads to `lost`.
    Waiting works one time in two, running one in three, in either order:
    1/2 + 1/2 · 1/3 = 1/3 + 2/3 · 1/2 = 2/3, for every reader."""
    story = compile_story(
        with_ends(
            """
        title: Fallback

        ## yard
        * Wait for the truck {once} -> truck
        * Run for the fence {once} -> fence
        * -> lost

        ## truck
        chance:
          assumption: a truck that may not come
          50% -> home
          50% -> yard

        ## fence
        chance:
          assumption: a high fence
          1 -> home
          2 -> yard
        """
        )
    )
    report = analyse(story)
    assert report.exact
    for reader in ("random", "best", "worst"):
        assert odds(report, "home", reader) == Fraction(2, 3)
        assert odds(report, "lost", reader) == Fraction(1, 3)


def test_a_weave_s_branches_and_gather(compile_story: Compile) -> None:
    """Running is an even chance; hiding flows into the gather, where one night in four
    ends well. At random: 1/2 · 1/2 + 1/2 · 1/4 = 3/8; careful play runs (1/2); the worst
    hides (1/4)."""
    story = compile_story(
        with_ends(
            """
        title: Weave

        ## yard
        * Run {#run}
          chance:
            assumption: an even chance
            1 -> home
            1 -> lost
        * Hide {#hide}
          You wait.
        - The night passes.
        chance:
          assumption: one night in four
          1 -> home
          3 -> lost
        """
        )
    )
    report = analyse(story)
    assert report.exact
    assert odds(report, "home") == Fraction(3, 8)
    assert odds(report, "home", "best") == Fraction(1, 2)
    assert odds(report, "home", "worst") == Fraction(1, 4)


def test_a_tunnel_returns_where_it_was_entered_from(compile_story: Compile) -> None:
    """The checkpoint is a tunnel: a third of the time it turns the reader back (lost),
    else play returns to where it was entered. Entered from the road, play goes on to a
    fair coin; from the river, straight home. At random: 1/2 · 2/3 · 1/2 + 1/2 · 2/3 = 1/2;
    careful play takes the river (2/3), the worst the road (1/3)."""
    story = compile_story(
        with_ends(
            """
        title: Checkpoint

        ## start
        * The road -> check -> coin
        * The river -> check -> home

        ## check
        chance:
          assumption: one in three turned back
          1 -> lost
          2 -> passed

        ## passed
        ->->

        ## coin
        chance:
          assumption: an even chance
          1 -> home
          1 -> lost
        """
        )
    )
    report = analyse(story)
    assert report.exact
    assert odds(report, "home") == Fraction(1, 2)
    assert odds(report, "home", "best") == Fraction(2, 3)
    assert odds(report, "home", "worst") == Fraction(1, 3)


def test_the_story_using_every_construct() -> None:
    """tests/conformance/52-all-constructs by hand, for a reader choosing at random. The
    tip (`thanks`) leaves 7, too little to pay, so that path ends at the fallback
    (stranded); every other path pays and boards.
    Ask first (1/2): the fare (1/2) boards, the tip strands: 1/4.
    Wait first (1/2): pay (1/2) boards; or the papers (1/2), back in the office: wait (1/2)
    boards, ask (1/2) boards one time in two: 1/2 · (1/2 + 1/2 · (1/4 + 1/2)) = 7/16.
    In all 11/16; careful play always boards, the worst never does."""
    loaded = load_source(CORPUS / "52-all-constructs")
    assert loaded.story is not None
    report = analyse(loaded.story)
    assert report.exact
    assert odds(report, "ferry") == Fraction(11, 16)
    assert odds(report, "street") == Fraction(5, 16)
    assert odds(report, "ferry", "best") == 1
    assert odds(report, "ferry", "worst") == 0
