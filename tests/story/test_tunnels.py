"""Tunnels: `-> shared -> next` and `->->`, rewritten before checking (tunnels.py)."""

from __future__ import annotations

from crossing.story.runtime import Program, Session

from .conftest import Compile, Load
from .helpers import at

GATE = """
title: Tunnels
var warned = false

## gate
At the gate.
* Ask the guard {#ask} -> rules -> yard
* Read the sign {#sign} -> rules -> gate if not warned
-> rules -> yard if warned

## rules
~ warned = true
"No bags past this point."
* Nod {#nod}
  He waves you on.
  ->->
* Argue -> lost

## yard
ending: safety
In the yard.

## lost
ending: caught
Turned back.
"""


def test_calls_set_the_return_point_and_returns_divert_on_it(compile_story: Compile) -> None:
    story = compile_story(GATE)
    index = story.scene_index()
    (back,) = [v for v in story.variables if v.internal]
    assert (back.name, back.type, back.values) == (
        "return:rules",
        "enum",
        ("none", "->yard", "->gate"),
    )
    var = [v.name for v in story.variables].index("return:rules")
    gate = story.scenes[index["gate"]]
    ask, sign = gate.choices
    assert (ask.target, ask.effects[0].var, ask.effects[0].expr) == (index["rules"], var, 1)
    assert sign.effects[0].expr == 2
    # The divert call goes through a scene of its own that sets the return point.
    (call,) = gate.diverts
    assert story.scenes[call.target].id == "gate/call-1"
    assert story.scenes[call.target].effects[0].expr == 1
    returns = story.scenes[index["rules/nod"]].diverts
    assert [(d.target, d.condition) for d in returns] == [
        (index["yard"], ["==", ["var", var], 1]),
        (index["gate"], ["==", ["var", var], 2]),
    ]


def test_play_returns_where_the_tunnel_was_entered_from(compile_story: Compile) -> None:
    session, _ = Session.begin(Program(compile_story(GATE)), 1)
    steps = session.choose(1)  # read the sign: rules, and back to the gate
    steps += session.choose(0)
    assert [(s.scene, s.divert) for s in steps] == [
        ("rules", None),
        ("rules/nod", "gate"),
        ("gate", "gate/call-1"),  # warned now: the divert calls the tunnel
        ("gate/call-1", "rules"),
        ("rules", None),
    ]
    steps = session.choose(0)
    assert [s.scene for s in steps] == ["rules/nod", "yard"]


def test_a_tunnel_entered_again_before_it_returns(load: Load) -> None:
    loaded = load(
        """
        title: Again
        ## start
        -> loop -> end

        ## loop
        * Once more -> loop -> end
        * Back
          ->->

        ## end
        ending: safety
        """
    )
    error = at(loaded, "E077", "main.story:6:1")
    assert error.message == "the tunnel 'loop' is entered again before it returns"
    assert loaded.story is None


def test_a_return_outside_a_tunnel(load: Load) -> None:
    loaded = load(
        """
        title: Stray
        ## start
        Text.
        ->->

        ## end
        ending: safety
        """
    )
    error = at(loaded, "E078", "main.story:4:1")
    assert error.message == "'->->' returns from a tunnel, and no tunnel leads here"


def test_syntax_errors_in_tunnels(load: Load) -> None:
    loaded = load(
        """
        title: Broken
        var a = 1
        ## start
        -> mid -> end!
        ->-> now
        * Go -> mid -> end if a ==

        ## mid
        ->->

        ## end
        ending: safety
        """
    )
    assert at(loaded, "E058", "main.story:4:11").message == "'end!' is not a valid scene id"
    assert at(loaded, "E001", "main.story:5:6").message == "unexpected text after '->->'"
    assert at(loaded, "E002", "main.story:6:27").message == "expression ends too early"


def test_an_unknown_tunnel_or_return_point(load: Load) -> None:
    loaded = load(
        """
        title: Unknown
        ## start
        -> rulez -> end
        * Go -> rules -> ned

        ## rules
        ->->

        ## end
        ending: safety
        """
    )
    assert at(loaded, "E004", "main.story:3:4").message == "unknown scene 'rulez'"
    assert at(loaded, "E004", "main.story:4:18").message == "unknown scene 'ned'"


def test_a_return_two_tunnels_reach(load: Load) -> None:
    loaded = load(
        """
        title: Shared
        ## start
        * One -> a -> end
        * Two -> b -> end

        ## a
        -> both

        ## b
        -> both

        ## both
        ->->

        ## end
        ending: safety
        """
    )
    error = at(loaded, "E078", "main.story:13:1")
    assert error.message == "'->->' could return from more than one tunnel here: 'a', 'b'"
