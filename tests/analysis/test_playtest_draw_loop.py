"""`crossing test` never hangs: a loop of draws the checker cannot see (its way out hangs
on a variable) fails the run once it passes the bound on scenes without a decision."""

from __future__ import annotations

import pytest
from story.conftest import Compile

from crossing.analysis.playtest import DRAW_LOOP, render_text, run_playtests
from crossing.story.runtime import Program, Session, UndecidedLimitError

# `broken` never changes, so the wheel never lets go; the checker only sees a way out.
STUCK_WHEEL = """
title: Stuck Wheel
var broken = true

## start
* Spin the wheel -> wheel
* Walk away -> home

## wheel
-> home if not broken
chance:
  assumption: the wheel comes round again
  1 -> wheel
  1 -> again

## again
-> wheel

## home
ending: safety
Home.
"""


def test_a_loop_of_draws_fails_the_run_at_the_bound(compile_story: Compile) -> None:
    story = compile_story(STUCK_WHEEL)
    report = run_playtests(story, 20, 3, max_undecided=50)
    loops = [failure for failure in report.failures if failure.kind == DRAW_LOOP]
    assert loops and len(loops) == len(report.failures)
    assert 0 < report.ended < 20 and report.endings["home"] == report.ended
    for failure in loops:
        assert failure.script == (1,) and failure.scene == "start"
        # Checked at each draw; a draw here follows at most one divert: 51 or 52 scenes.
        scenes = int(failure.message.split()[4])
        assert 50 < scenes <= 52
        assert failure.message.endswith("a loop of draws that may never end")
    assert report.failures_by_kind()[DRAW_LOOP] == len(loops)
    assert report.to_json()["failures_by_kind"][DRAW_LOOP] == len(loops)
    text = render_text(report, "wheel.story")
    assert f"failures ({len(loops)}: {len(loops)} draw_loop):" in text
    assert "play went on for" in text


def test_the_bound_counts_scenes_without_a_decision_and_is_off_by_default(
    compile_story: Compile,
) -> None:
    program = Program(compile_story(STUCK_WHEEL))
    session, _ = Session.begin(program, 0, undecided_limit=10)
    with pytest.raises(UndecidedLimitError) as caught:
        session.choose(0)
    assert 10 < caught.value.scenes <= 12 and caught.value.scene == "wheel"
    assert Session.begin(program, 0)[0].undecided_limit is None  # the players' behaviour


def test_a_long_chance_loop_that_ends_is_no_failure(compile_story: Compile) -> None:
    """The same wheel with a way out it can take: the default bound leaves it alone."""
    story = compile_story(STUCK_WHEEL.replace("  1 -> again", "  1 -> again\n  1 -> home"))
    assert run_playtests(story, 30, 0).ok
