"""Integer `/`, `%`, `min` and `max`: their rules, the checker's diagnostics, and the
compiled format version they need."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crossing.story.compiled import from_json
from crossing.story.evaluate import compile_expr, divide, remainder
from crossing.story.expressions import INT_LIMIT

from .conftest import Compile, Load
from .helpers import at, codes, one

INTS = st.one_of(
    st.integers(-INT_LIMIT, INT_LIMIT),
    st.sampled_from([0, 1, -1, 2, -2, 7, -7, INT_LIMIT, -INT_LIMIT, INT_LIMIT - 1]),
)


@given(INTS, INTS)
def test_division_truncates_and_the_remainder_keeps_the_dividend_s_sign(a: int, b: int) -> None:
    q, r = divide(a, b), remainder(a, b)
    if b == 0:
        assert (q, r) == (0, 0)
        return
    assert a == q * b + r
    assert abs(r) < abs(b)
    assert r == 0 or (r > 0) == (a > 0)
    assert abs(q) <= abs(a)  # so no result leaves ±INT_LIMIT


@pytest.mark.parametrize(
    ("expr", "value"),
    [
        (["/", 7, 2], 3),
        (["/", -7, 2], -3),
        (["/", 7, -2], -3),
        (["/", -7, -2], 3),
        (["%", 7, 3], 1),
        (["%", -7, 3], -1),
        (["%", 7, -3], 1),
        (["%", -7, -3], -1),
        (["/", 5, 0], 0),
        (["%", 5, 0], 0),
        (["/", -INT_LIMIT, -1], INT_LIMIT),
        (["min", 3, -4], -4),
        (["max", 3, -4], 3),
        (["*", ["max", INT_LIMIT, 0], 2], INT_LIMIT),  # saturates as * does
    ],
)
def test_the_runtime_evaluates_the_new_operators(expr: list[object], value: int) -> None:
    assert compile_expr(expr)(()) == value


def test_text_effects_and_conditions_use_them(compile_story: Compile) -> None:
    story = compile_story(
        """
        title: Shares
        var cash: 0..100 = 25
        var people: 1..5 = 4

        ## start
        Each gets {cash / people}, and {cash % people} is left; at least {max(cash / 10, 1)}.
        * Share it -> end if min(cash, people) > 3
          ~ cash = cash % people

        ## end
        ending: safety
        Left: {cash}.
        """
    )
    assert story.format_version == 3
    choice = story.scenes[0].choices[0]
    assert choice.condition == [">", ["min", ["var", 0], ["var", 1]], 3]
    assert choice.effects[0].expr == ["%", ["var", 0], ["var", 1]]
    again = from_json(story.to_json())
    assert again == story


def test_a_story_without_them_keeps_its_format_version(compile_story: Compile) -> None:
    story = compile_story(
        """
        title: Old
        var a = 2

        ## start
        {a * 2}
        * Go -> end
          ~ a = a + 1

        ## end
        ending: safety
        """
    )
    assert story.format_version == 1
    assert story.to_json()["format_version"] == 1


def test_a_literal_zero_divisor_is_an_error(load: Load) -> None:
    loaded = load(
        """
        title: Zero
        var a = 2

        ## start
        {a / 0} and {a % -0}
        * Go -> end
          ~ a = a + 1

        ## end
        ending: safety
        """
    )
    assert loaded.story is None
    first = at(loaded, "E070", "main.story:5:6")
    assert first.message == "'/' by zero"
    assert first.hint is not None and "always be 0" in first.hint
    assert at(loaded, "E070", "main.story:5:18").message == "'%' by zero"


def test_a_divisor_that_can_be_zero_is_a_warning(load: Load) -> None:
    loaded = load(
        """
        title: Maybe zero
        var a = 2
        var n: 0..3 = 1
        var m: 1..3 = 1
        var k = 1

        ## start
        {a / n} {a / m} {a % k} {a / (m - 1)}
        * Go -> end
          ~ a = a + 1
          ~ n = n + 1
          ~ m = m + 1
          ~ k = k + 1

        ## end
        ending: safety
        """
    )
    assert loaded.story is not None
    assert codes(loaded).count("W170") == 2  # n (0..3) and k (no range); not m, not (m - 1)
    warning = at(loaded, "W170", "main.story:8:6")
    assert warning.message == "'n' can be 0 here, and x / 0 is 0"
    assert warning.hint is not None and "max(n, 1)" in warning.hint
    at(loaded, "W170", "main.story:8:22")


def test_operands_must_be_numbers(load: Load) -> None:
    loaded = load(
        """
        title: Types
        var a = 2
        var b = true

        ## start
        {min(a, b)}
        * Go -> end if b
          ~ a = a + 1

        ## end
        ending: safety
        """
    )
    error = one(loaded, "E008")
    assert error.message == "'min' needs a number, found true or false"
    assert (error.position.line, error.position.col) == (6, 9)  # type: ignore[union-attr]


def test_a_syntax_error_in_a_call_points_into_the_line(load: Load) -> None:
    loaded = load(
        """
        title: Calls

        ## start
        {max(1)}
        """
    )
    error = at(loaded, "E002", "main.story:4:7")
    assert "expected ','" in error.message
