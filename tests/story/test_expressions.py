"""The expression parser: precedence, node positions and every syntax error it reports."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from crossing.story.expressions import (
    MAX_DEPTH,
    MAX_INT_LITERAL,
    Binary,
    BoolLit,
    Expr,
    ExpressionError,
    IntLit,
    Name,
    Unary,
    names_in,
    parse_expression,
)


def shape(node: Expr) -> str:
    """The tree fully parenthesised, so tests can see how the parser grouped it."""
    if isinstance(node, IntLit):
        return str(node.value)
    if isinstance(node, BoolLit):
        return "true" if node.value else "false"
    if isinstance(node, Name):
        return node.name
    if isinstance(node, Unary):
        space = " " if node.op == "not" else ""
        return f"({node.op}{space}{shape(node.operand)})"
    return f"({shape(node.left)} {node.op} {shape(node.right)})"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 + 2 * 3", "(1 + (2 * 3))"),
        ("1 * 2 + 3", "((1 * 2) + 3)"),
        ("1 - 2 - 3", "((1 - 2) - 3)"),
        ("2 * 3 * 4", "((2 * 3) * 4)"),
        ("-2 * 3", "((-2) * 3)"),
        ("--x", "(-(-x))"),
        ("(1 + 2) * 3", "((1 + 2) * 3)"),
        ("1 + 2 >= 3 * 4", "((1 + 2) >= (3 * 4))"),
        ("a or b and c", "(a or (b and c))"),
        ("a and b or c", "((a and b) or c)"),
        ("not a and b", "((not a) and b)"),
        ("not a == 1", "(not (a == 1))"),
        ("not not a", "(not (not a))"),
        ("a == 1 and b != 2 or c < 3", "(((a == 1) and (b != 2)) or (c < 3))"),
        ("x <= 1", "(x <= 1)"),
        ("x>1", "(x > 1)"),
        ("true or false", "(true or false)"),
        ("season == winter", "(season == winter)"),
        ("  7  ", "7"),
        ("_a1 + B2", "(_a1 + B2)"),
        ("a / 2 * 3", "((a / 2) * 3)"),
        ("a + b % 3", "(a + (b % 3))"),
        ("-a / b", "((-a) / b)"),
        ("min(a, b + 1) * 2", "((a min (b + 1)) * 2)"),
        ("max(min(a, 3), -1)", "((a min 3) max (-1))"),
        ("min + max", "(min + max)"),
    ],
)
def test_precedence_and_grouping(text: str, expected: str) -> None:
    assert shape(parse_expression(text)) == expected


def test_nodes_know_their_offsets_and_widths() -> None:
    node = parse_expression("a + bb * 3")
    assert isinstance(node, Binary)
    assert (node.offset, node.width) == (0, 10)
    assert isinstance(node.right, Binary)
    assert (node.right.offset, node.right.width) == (4, 6)
    assert node.left == Name(0, 1, "a")
    assert node.right.left == Name(4, 2, "bb")
    assert node.right.right == IntLit(9, 1, 3)


def test_parentheses_widen_operators_but_not_names() -> None:
    grouped = parse_expression("(a + b)")
    assert isinstance(grouped, Binary)
    assert (grouped.offset, grouped.width) == (0, 7)
    negated = parse_expression("(-a)")
    assert isinstance(negated, Unary)
    assert (negated.offset, negated.width) == (0, 4)
    assert parse_expression("( a )") == Name(2, 1, "a")
    assert parse_expression("(true)") == BoolLit(1, 4, True)


def test_unary_nodes_span_their_operand() -> None:
    node = parse_expression("not  x")
    assert node == Unary(0, 6, "not", Name(5, 1, "x"))
    minus = parse_expression(" - 5")
    assert minus == Unary(1, 3, "-", IntLit(3, 1, 5))


def test_names_in_lists_every_name_in_order() -> None:
    node = parse_expression("a + b * (c - 1) > d and not e")
    assert [n.name for n in names_in(node)] == ["a", "b", "c", "d", "e"]
    assert names_in(parse_expression("1 + 2")) == []


@pytest.mark.parametrize(
    ("text", "message", "offset", "width", "hint"),
    [
        ("a = 1", "unexpected character '='", 2, 1, "use '==' to compare"),
        ("a && b", "unexpected character '&'", 2, 1, "write 'and', 'or' and 'not'"),
        ("a || b", "unexpected character '|'", 2, 1, "write 'and', 'or' and 'not'"),
        ("!a", "unexpected character '!'", 0, 1, "write 'and', 'or' and 'not'"),
        ("min(1)", "expected ',' between the two values of min()", 5, 1, "write 'min(a, b)'"),
        ("max(1, 2, 3)", "max() takes two values", 8, 1, "nest them"),
        ("min(1, 2", "expected ')'", 8, 1, "the '(' at column 4 is not closed"),
        ("a / ", "expression ends too early", 3, 1, None),
        ("1, 2", "unexpected ','", 1, 1, None),
        ("'winter'", "unexpected character '''", 0, 1, "expressions have no strings"),
        ('s == "winter"', "unexpected character '\"'", 5, 1, "expressions have no strings"),
        ("a.b", "unexpected character '.'", 1, 1, None),
        ("1 < 2 < 3", "unexpected '<'", 6, 1, "comparisons do not chain"),
        ("a == b == c", "unexpected '=='", 7, 2, "comparisons do not chain"),
        ("(1 + 2", "expected ')'", 6, 1, "the '(' at column 1 is not closed"),
        ("x * (1 + (2)", "expected ')'", 12, 1, "the '(' at column 5 is not closed"),
        ("", "expected an expression", 0, 1, None),
        ("   ", "expected an expression", 0, 1, None),
        ("1 +", "expression ends too early", 3, 1, None),
        ("not", "expression ends too early", 3, 1, None),
        ("and", "found the keyword 'and'", 0, 3, None),
        ("x or if", "found the keyword 'if'", 5, 2, None),
        (")", "unexpected ')'", 0, 1, None),
        ("1 2", "unexpected '2'", 2, 1, None),
        ("a b", "unexpected 'b'", 2, 1, None),
        ("1 + *", "unexpected '*'", 4, 1, None),
        ("2147483648", "integer 2147483648 is too large", 0, 10, None),
        ("x + 99999999999", "(the limit is 2147483647)", 4, 11, None),
    ],
)
def test_syntax_errors_have_offsets_and_hints(
    text: str, message: str, offset: int, width: int, hint: str | None
) -> None:
    with pytest.raises(ExpressionError) as caught:
        parse_expression(text)
    error = caught.value
    assert message in error.message
    assert str(error) == error.message
    assert (error.offset, error.width) == (offset, width)
    if hint is None:
        assert error.hint is None
    else:
        assert error.hint is not None and hint in error.hint


def test_largest_literal_is_accepted() -> None:
    assert parse_expression(str(MAX_INT_LITERAL)) == IntLit(0, 10, 2_147_483_647)
    assert parse_expression("-2147483647") == Unary(0, 11, "-", IntLit(1, 10, 2_147_483_647))


@pytest.mark.parametrize(
    ("make", "what"),
    [
        (lambda n: "(" * n + "1" + ")" * n, "parentheses"),
        (lambda n: "-" * n + "1", "minus signs"),
        (lambda n: "not " * n + "true", "nots"),
        (lambda n: "(-" * n + "1" + ")" * n, "mixed"),
    ],
)
def test_nesting_is_limited(make: Callable[[int], str], what: str) -> None:
    # Mixed nesting counts both the parenthesis and the minus: half as many levels fit.
    fits = MAX_DEPTH // 2 if what == "mixed" else MAX_DEPTH
    parse_expression(make(fits))
    with pytest.raises(ExpressionError) as caught:
        parse_expression(make(fits + 1))
    assert f"nested more than {MAX_DEPTH} levels deep" in caught.value.message
    assert 0 <= caught.value.offset < len(make(fits + 1))


def test_deep_nesting_error_points_at_the_level_too_many() -> None:
    text = "(" * 70 + "1" + ")" * 70
    with pytest.raises(ExpressionError) as caught:
        parse_expression(text)
    assert caught.value.offset == MAX_DEPTH + 1  # the token after the 65th '('
