"""Fallback choices (`* -> scene`): compiled to the scene's last divert, followed when no
other choice is offered."""

from __future__ import annotations

from crossing.story.runtime import Program, Session

from .conftest import Compile, Load
from .helpers import at, codes

STALL = """
title: Fallback
var coins = 2

## market
Coins: {coins}.
* Buy bread {once} -> market if coins > 0
  ~ coins -= 1
* Buy fish -> market if coins > 1
  ~ coins -= 2
* -> gone

## gone
ending: safety
Done.
"""


def test_a_fallback_is_the_last_divert_guarded_by_every_other_choice(
    compile_story: Compile,
) -> None:
    story = compile_story(STALL)
    market = story.scenes[0]
    assert [c.id for c in market.choices] == ["market/market", "market/market-2"]
    (divert,) = market.diverts
    assert divert.target == 1
    assert divert.condition == [
        "not",
        ["or", market.choices[0].condition, market.choices[1].condition],
    ]
    assert story.format_version == 3  # for {once}; a fallback alone needs nothing new


def test_it_is_taken_only_when_nothing_else_is_offered(compile_story: Compile) -> None:
    session, steps = Session.begin(Program(compile_story(STALL)), 1)
    assert steps[-1].scene == "market" and len(session.offered) == 2
    steps = session.choose(1)  # fish: no coins left, bread needs one
    assert [(s.scene, s.divert) for s in steps] == [("market", "gone"), ("gone", None)]
    assert steps[0].text == "<p>Coins: 0.</p>"  # the scene is shown, then play moves on


def test_only_a_fallback_is_a_plain_divert(compile_story: Compile) -> None:
    story = compile_story(
        """
        title: Plain
        var tired = false

        ## walk
        Walking.
        * -> rest if tired
        -> home

        ## rest
        ending: safety

        ## home
        ending: safety
        """
    )
    walk = story.scenes[0]
    assert [(d.target, d.condition) for d in walk.diverts] == [(2, None), (1, ["var", 0])]
    assert story.format_version == 1


def test_fallback_diagnostics(load: Load) -> None:
    loaded = load(
        """
        title: Bad
        var a = 1

        ## market
        * Look around -> market
        * -> gone
        * -> gone
          ~ a = 2
        * {#x} -> gone

        ## gone
        ending: safety
        """
    )
    assert at(loaded, "E072", "main.story:7:1").hint == "the first is on line 6"
    never = at(loaded, "W171", "main.story:6:1")
    assert "the choice 'market/market' is always offered" in never.message
    no_text = at(loaded, "E001", "main.story:9:1")
    assert no_text.message == "the choice has no text"
    assert "'* -> scene'" in (no_text.hint or "")
    assert "E073" not in codes(loaded)  # effects are checked on the first fallback only


def test_a_fallback_with_effects_is_an_error(load: Load) -> None:
    loaded = load(
        """
        title: Effects
        var a = 1

        ## market
        * Look {once} -> market
        * -> gone
          ~ a = 2

        ## gone
        ending: safety
        """
    )
    error = at(loaded, "E073", "main.story:7:5")
    assert error.message == "a fallback choice has no effects"
