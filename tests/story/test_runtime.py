"""Playing a compiled story: evaluation, effects, diverts, chance, undo, and the generator."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crossing.story import compiled as c
from crossing.story.evaluate import (
    INT_LIMIT,
    EvaluationError,
    clamp,
    compile_expr,
    compile_text,
    saturate,
    show,
)
from crossing.story.rng import MASK, draw, next_u32, seed_state, valid_state
from crossing.story.runtime import (
    AWAITING,
    ENDED,
    MAX_AUTOMATIC_STEPS,
    STUCK,
    Program,
    Session,
    State,
    Step,
    StoryLoopError,
)

from .conftest import Compile
from .helpers import MARKET

# -- evaluation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expr", "values", "result"),
    [
        (7, [], 7),
        (True, [], True),
        (["var", 1], [5, 9], 9),
        (["+", 2, 3], [], 5),
        (["-", 2, 3], [], -1),
        (["*", 4, 3], [], 12),
        (["neg", 4], [], -4),
        (["not", False], [], True),
        (["and", True, False], [], False),
        (["or", False, True], [], True),
        (["==", 1, 1], [], True),
        (["!=", 1, 1], [], False),
        (["<", 1, 2], [], True),
        (["<=", 2, 2], [], True),
        ([">", 1, 2], [], False),
        ([">=", 1, 2], [], False),
        (["+", INT_LIMIT, 1], [], INT_LIMIT),
        (["-", -INT_LIMIT, 5], [], -INT_LIMIT),
        (["*", 100_000, 100_000], [], INT_LIMIT),
        (["*", -100_000, 100_000], [], -INT_LIMIT),
        (["neg", -INT_LIMIT], [], INT_LIMIT),
        (["+", ["*", ["var", 0], 2], ["neg", 1]], [10], 19),
    ],
)
def test_compile_expr(expr: c.JsonExpr, values: list[int], result: int | bool) -> None:
    assert compile_expr(expr)(values) == result


@pytest.mark.parametrize(
    "expr", [[], "x", None, ["var"], ["var", "x"], ["+", 1], ["frob", 1, 2], ["not", 1, 2, 3]]
)
def test_compile_expr_refuses_what_it_does_not_know(expr: c.JsonExpr) -> None:
    with pytest.raises(EvaluationError):
        compile_expr(expr)


def test_saturate() -> None:
    assert saturate(INT_LIMIT + 1) == INT_LIMIT
    assert saturate(-INT_LIMIT - 1) == -INT_LIMIT
    assert saturate(12) == 12


def test_clamp_keeps_ranged_ints_in_range() -> None:
    ranged = c.Variable("h", "int", 0, (), 0, 3)
    assert [clamp(ranged, v) for v in (-5, 0, 2, 3, 9)] == [0, 0, 2, 3, 3]
    assert clamp(c.Variable("n", "int", 0), 10**6) == 10**6
    assert clamp(c.Variable("b", "bool", False), True) is True
    low_only = c.Variable("x", "int", 0, (), 0, None)
    assert clamp(low_only, -1) == 0
    assert clamp(low_only, 99) == 99


def test_show() -> None:
    assert show(True, "bool", ()) == "true"
    assert show(0, "bool", ()) == "false"
    assert show(1, "enum", ("a", "b")) == "b"
    assert show(-3, "int", ()) == "-3"


def test_compile_text() -> None:
    assert compile_text("<p>static</p>")([], []) == "<p>static</p>"
    text = compile_text(("a", c.Interpolation(["var", 0], "int"), c.Conditional(True, "!", None)))
    assert text([4], []) == "a4!"
    otherwise = compile_text((c.Conditional(["var", 0], "yes", ("n", c.Interpolation(1, "bool"))),))
    assert otherwise([False], []) == "ntrue"
    assert otherwise([True], []) == "yes"


# -- effects, diverts, chance, choices -----------------------------------------------------


def test_arithmetic_saturates_and_ranges_clamp(compile_story: Compile) -> None:
    story = compile_story(
        """
        title: T
        var big: int = 2147483647
        var small: int = -2147483647
        var product: int = 0
        var health: 0..3 = 1
        var debt: -5..5 = 0

        ## s
        ~ big += 1
        ~ small -= 10
        ~ product = 100000 * 100000
        ~ health += 10
        ~ debt -= 100
        {big} {small} {product} {health} {debt}
        * Hurt -> hurt
          ~ health -= 100
          ~ debt = 5 * 5

        ## hurt
        ending: died
        """
    )
    session, steps = Session.begin(Program(story), seed=0)
    assert steps[0].values == {
        "big": 2147483647,
        "small": -2147483647,
        "product": 2147483647,
        "health": 3,
        "debt": -5,
    }
    assert steps[0].text == "<p>2147483647 -2147483647 2147483647 3 -5</p>"
    (hurt,) = session.choose(0)
    assert (hurt.values["health"], hurt.values["debt"]) == (0, 5)


def test_effects_see_the_values_earlier_effects_left(compile_story: Compile) -> None:
    story = compile_story(
        """
        title: T
        var a: int = 1
        var b: int = 0
        var c: int = 0

        ## s
        ~ a = a + 1
        ~ b = a * 10
        ~ a = b + a
        {a} {b} {c}
        * Go -> t
          ~ c = a
          ~ a = 0
          ~ c = c + a + 1

        ## t
        ending: safety
        ~ b = c
        """
    )
    session, steps = Session.begin(Program(story), seed=0)
    assert steps[0].values == {"a": 22, "b": 20, "c": 0}
    final = session.choose(0)
    assert final[-1].values == {"a": 0, "b": 23, "c": 23}


def test_the_first_divert_that_holds_is_taken(compile_story: Compile) -> None:
    story = compile_story(
        """
        title: T
        var n: int = 2

        ## s
        ~ n = n
        -> one if n == 1
        -> two if n == 2
        -> three
        * Never -> one

        ## one
        ending: safety
        ## two
        ending: caught
        ## three
        ending: died
        """
    )
    _, steps = Session.begin(Program(story), seed=0)
    assert [s.scene for s in steps] == ["s", "two"]
    assert steps[0].divert == "two"
    assert steps[0].choices is None
    assert steps[1].ending == {"kind": "caught"}


def test_a_divert_is_tried_before_a_chance(compile_story: Compile) -> None:
    story = compile_story(
        """
        title: T
        var n: int = 0
        ## s
        ~ n += 1
        -> done if n >= 1
        chance:
          assumption: x
          1 -> s
        ## done
        ending: safety
        """
    )
    _, steps = Session.begin(Program(story), seed=0)
    assert steps[0].divert == "done" and steps[0].chance is None


def test_dead_end_when_no_choice_holds(compile_story: Compile) -> None:
    story = compile_story(
        """
        title: T
        var n: int = 0
        ## s
        ~ n = 0
        * A -> e if n > 0
        * B -> e if n > 1
        ## e
        ending: safety
        """
    )
    session, steps = Session.begin(Program(story), seed=0)
    assert session.status == STUCK
    assert session.offered == []
    assert steps[-1].choices is None
    assert "choices" not in steps[-1].to_json()
    with pytest.raises(IndexError):
        session.choose(0)


def test_only_choices_whose_conditions_hold_are_offered(compile_story: Compile) -> None:
    story = compile_story(MARKET)
    session, steps = Session.begin(Program(story), seed=0)
    assert [ch["id"] for ch in steps[-1].choices or []] == ["wake/wake", "wake/rest", "wake/street"]
    assert session.offered == [0, 1, 2]
    session.choose(1)  # rest: tired, winter, and back to wake
    assert session.offered == [0, 2]
    assert session.choice_id(1) == "wake/street"


def test_an_unconditional_divert_cycle_is_a_loop_error(compile_story: Compile) -> None:
    # `if true`: the checker refuses a loop it can see has no way out (E024); this one
    # always diverts all the same.
    story = compile_story("title: T\n## a\n-> b\n## b\n-> a if true\n")
    with pytest.raises(StoryLoopError) as caught:
        Session.begin(Program(story), seed=0)
    assert f"more than {MAX_AUTOMATIC_STEPS} scenes in a row" in str(caught.value)


def counted(diverts: int, draws: int) -> str:
    """`diverts` scenes linked by diverts alone (the ending the last), or `draws` draws in a
    row each followed by a divert: 2 * draws scenes without a decision, and no run of
    more than 2 linked by diverts alone."""
    return f"""title: T
var n = 0

## start
* By diverts -> tick
* By draws -> toss

## tick
~ n += 1
-> done if n >= {diverts - 1}
-> tick

## toss
chance:
  assumption: one face
  1 -> back
    ~ n += 1

## back
-> done if n >= {draws}
-> toss

## done
ending: safety
Done.
"""


@pytest.mark.parametrize("diverts", [MAX_AUTOMATIC_STEPS, MAX_AUTOMATIC_STEPS + 1])
def test_the_limit_counts_scenes_linked_by_diverts_alone(
    compile_story: Compile, diverts: int
) -> None:
    """10,000 scenes after a decision, linked by diverts, are allowed; one more is not."""
    session, _ = Session.begin(Program(compile_story(counted(diverts, 1))), seed=0)
    if diverts > MAX_AUTOMATIC_STEPS:
        with pytest.raises(StoryLoopError, match="last: 'done'"):  # the 10,001st
            session.choose(0)
    else:
        assert len(session.choose(0)) == diverts
        assert session.status == ENDED


def test_a_chance_draw_starts_the_count_again(compile_story: Compile) -> None:
    """A chance loop is the story's own randomness, not a runaway: 6,000 draws in a row
    (12,000 scenes without a decision) play on to the ending. (The lead's decision on
    issue 18; a loop of draws with no way out would never stop, and `crossing odds`
    reports it as an error to fix.)"""
    session, _ = Session.begin(Program(compile_story(counted(2, 6_000))), seed=0)
    steps = session.choose(1)
    assert len(steps) == 2 * 6_000 + 1
    assert session.status == ENDED


def test_chance_draws_with_the_generator_and_runs_outcome_effects(compile_story: Compile) -> None:
    story = compile_story(MARKET)
    program = Program(story)
    outcomes: Counter[str] = Counter()
    for seed in range(200):
        session, _ = Session.begin(program, seed)
        steps = session.choose(2)  # go out: the chance
        chance_step = steps[0]
        assert chance_step.scene == "street"
        assert chance_step.chance is not None
        assert chance_step.chance["total"] == 4
        # The roll picks the first outcome whose running weight exceeds it.
        roll = chance_step.chance["roll"]
        assert chance_step.chance["outcome"] == (0 if roll < 1 else 1)
        assert chance_step.chance["target"] == ("caught" if roll < 1 else "home")
        if roll < 1:
            assert steps[-1].values["health"] == 1  # the outcome's effect ran
        # The same seed draws the same roll: the generator state is part of the state.
        _, rng = draw(seed_state(seed), 4)
        assert session.state.rng == rng
        assert chance_step.chance["roll"] == draw(seed_state(seed), 4)[0]
        outcomes[chance_step.chance["target"]] += 1
    assert 20 <= outcomes["caught"] <= 80  # one in four of 200


def test_endings_stop_play_and_show_the_epilogue(compile_story: Compile) -> None:
    story = compile_story(MARKET)
    session, _ = Session.begin(Program(story), seed=3)
    steps = session.choose(1)  # rest -> wake (tired, winter)
    while session.status == AWAITING:
        steps = session.choose(len(session.offered) - 1)
    assert session.status == ENDED
    assert session.offered == []
    last = steps[-1]
    assert last.ending is not None
    if last.scene == "home":
        assert last.ending == {"kind": "safety", "epilogue": "<p>Later, winter.</p>"}
    else:
        assert last.ending == {"kind": "caught"}
    with pytest.raises(IndexError):
        session.choose(0)


@pytest.mark.parametrize("position", [-1, 3, 100])
def test_choose_refuses_positions_not_offered(compile_story: Compile, position: int) -> None:
    session, _ = Session.begin(Program(compile_story(MARKET)), seed=0)
    before = session.state
    with pytest.raises(IndexError):
        session.choose(position)
    assert session.state == before
    assert session.history == []


def test_undo_returns_to_the_state_before_the_last_choice(compile_story: Compile) -> None:
    session, first = Session.begin(Program(compile_story(MARKET)), seed=5)
    assert session.undo() is None  # nothing to undo yet
    start = session.state
    session.choose(0)  # buy bread
    after_bread = session.state
    assert after_bread != start
    session.choose(1)  # rest
    assert len(session.history) == 2
    steps = session.undo()
    assert steps is not None
    assert session.state == after_bread
    assert steps[-1].values == {"money": 2, "tired": False, "season": "summer", "health": 3}
    again = session.undo()
    assert again is not None
    assert session.state == start
    assert [s.to_json() for s in again] == [s.to_json() for s in first]
    assert session.undo() is None
    assert session.state == start


def test_undo_replays_the_same_chance_outcome(compile_story: Compile) -> None:
    session, _ = Session.begin(Program(compile_story(MARKET)), seed=11)
    first = [s.to_json() for s in session.choose(2)]
    session.undo()
    assert [s.to_json() for s in session.choose(2)] == first


def test_step_to_json_leaves_out_what_did_not_happen() -> None:
    step = Step("s", "<p>x</p>", {"n": 1})
    assert step.to_json() == {"scene": "s", "text": "<p>x</p>", "vars": {"n": 1}}
    step.taken = "s/e"
    step.chance = {"roll": 0}
    assert step.to_json() == {
        "scene": "s",
        "text": "<p>x</p>",
        "vars": {"n": 1},
        "taken": "s/e",
        "chance": {"roll": 0},
    }


def test_program_snapshot_and_initial_values(compile_story: Compile) -> None:
    program = Program(compile_story(MARKET))
    assert program.initial_values() == (3, False, 0, 2)
    assert program.snapshot((1, 1, 1, 0)) == {
        "money": 1,
        "tired": True,
        "season": "winter",
        "health": 0,
    }
    assert program.divert(0, (3, False, 0, 2)) is None
    assert program.offered(0, (0, True, 0, 2)) == [2]
    assert Program.apply((), (1, 2)) == (1, 2)
    assert program.story.scenes[0].id == "wake"
    session, _ = Session.begin(program, 0)
    assert session.scene.id == "wake"
    assert session.story is program.story
    assert isinstance(session.state, State)


# -- the random generator --------------------------------------------------------------------


def test_seed_state_matches_the_documented_test_vector() -> None:
    assert seed_state(0) == (2462723854, 1020716019, 454327756, 1275600319)


@pytest.mark.parametrize("seed", [0, 1, MASK])
def test_seed_state_accepts_the_whole_range(seed: int) -> None:
    state = seed_state(seed)
    assert valid_state(state)
    assert seed_state(seed) == state


@pytest.mark.parametrize("seed", [-1, MASK + 1, 2**40])
def test_seed_state_refuses_seeds_out_of_range(seed: int) -> None:
    with pytest.raises(ValueError, match="seed must be from 0 to 4294967295"):
        seed_state(seed)


def xoshiro_reference(state: list[int]) -> int:
    """xoshiro128** written out from the paper, independently of rng.py."""

    def rotl(x: int, k: int) -> int:
        return ((x << k) | (x >> (32 - k))) % 2**32

    result = rotl(state[1] * 5 % 2**32, 7) * 9 % 2**32
    t = (state[1] << 9) % 2**32
    state[2] ^= state[0]
    state[3] ^= state[1]
    state[1] ^= state[2]
    state[0] ^= state[3]
    state[2] ^= t
    state[3] = rotl(state[3], 11)
    return result


@given(st.integers(0, MASK))
@settings(max_examples=50, deadline=None)
def test_next_u32_is_xoshiro128_starstar(seed: int) -> None:
    state = seed_state(seed)
    reference = list(state)
    for _ in range(5):
        value, state = next_u32(state)
        assert value == xoshiro_reference(reference)
        assert list(state) == reference
        assert 0 <= value <= MASK


@given(st.integers(0, MASK), st.integers(1, 2**31))
@settings(max_examples=100, deadline=None)
def test_draw_is_within_range(seed: int, total: int) -> None:
    state = seed_state(seed)
    for _ in range(20):
        value, state = draw(state, total)
        assert 0 <= value < total
        assert valid_state(state)


def test_draw_rejects_outputs_at_or_above_the_limit() -> None:
    # With total = 2**31 + 1 the limit is 2**31 + 1: about half of all outputs are rejected.
    total = 2**31 + 1
    state = seed_state(1)
    raw_state = state
    rejected = 0
    for _ in range(50):
        value, new_state = draw(state, total)
        assert 0 <= value < total
        output, raw_state = next_u32(state)
        if output >= total:
            rejected += 1
            assert new_state != raw_state  # it went on to a further output
        state = new_state
    assert rejected > 0


@given(st.integers(0, MASK), st.integers(1, 7))
@settings(max_examples=30, deadline=None)
def test_draw_is_roughly_uniform(seed: int, total: int) -> None:
    state = seed_state(seed)
    counts: Counter[int] = Counter()
    draws = 2100
    for _ in range(draws):
        value, state = draw(state, total)
        counts[value] += 1
    expected = draws / total
    assert set(counts) == set(range(total))
    for value in range(total):
        # 2100 draws: the standard deviation is below 23, so 5 of them is a generous bound.
        assert abs(counts[value] - expected) < 115, counts


def test_valid_state() -> None:
    assert valid_state([1, 2, 3, 4])
    assert valid_state((0, 0, 0, 1))
    assert not valid_state([0, 0, 0, 0])
    assert not valid_state([1, 2, 3])
    assert not valid_state([1, 2, 3, MASK + 1])
    assert not valid_state([1, 2, 3, -1])
    assert not valid_state([True, 2, 3, 4])
    assert not valid_state([1.0, 2, 3, 4])
    assert not valid_state("1234")
    assert not valid_state(None)
