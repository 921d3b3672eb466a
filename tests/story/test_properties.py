"""Property tests: no input makes the engine raise, and play, undo and saves stay exact."""

from __future__ import annotations

import json
import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crossing.story.checker import check_project
from crossing.story.compiled import CompiledStory, Variable, from_json
from crossing.story.diagnostics import Diagnostic, Position, render
from crossing.story.evaluate import INT_LIMIT, compile_expr
from crossing.story.expressions import ExpressionError, names_in, parse_expression
from crossing.story.loader import Project
from crossing.story.parser import parse_file
from crossing.story.runtime import AWAITING, Program, Session, State
from crossing.story.saves import restore, save
from crossing.story.source import decode
from crossing.story.syntax import ExprSource
from crossing.story.transcript import run_script
from crossing.story.types import BOOL, INT, ExpressionChecker

from .helpers import MARKET, dedent

PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# -- parsing and checking anything --------------------------------------------------------


def check_bytes(data: bytes) -> tuple[list[str], CompiledStory | None, list[Diagnostic]]:
    """Decode, parse and check one file in memory, as the loader would."""
    source, diagnostics = decode("main.story", data)
    if source is None:
        return [], None, diagnostics
    story_file, problems = parse_file(source)
    project = Project(
        files=[story_file],
        texts={source.path: source.lines},
        diagnostics=diagnostics + problems,
    )
    result = check_project(project)
    assert (result.story is None) == any(d.severity == "error" for d in result.diagnostics)
    return source.lines, result.story, result.diagnostics


def assert_positions_inside(lines: list[str], diagnostics: list[Diagnostic]) -> None:
    texts = {"main.story": lines}
    for diagnostic in diagnostics:
        assert diagnostic.code[0] in "EW" and diagnostic.code[1:].isdigit()
        assert diagnostic.message
        pos = diagnostic.position
        if pos is not None:
            assert pos.path == "main.story", diagnostic
            assert 1 <= pos.line <= max(1, len(lines)), diagnostic
            line = lines[pos.line - 1] if lines else ""
            assert 1 <= pos.col <= len(line) + 1, (diagnostic, line)
            assert pos.width >= 1
        assert render(diagnostic, texts)
        json.dumps(diagnostic.to_json())


def assert_playable(story: CompiledStory) -> None:
    """A compiled story survives its JSON form and scripted play."""
    assert from_json(json.loads(json.dumps(story.to_json()))) == story
    transcript = run_script(story, 0, ["1", "2", "u", "s", "1"])
    json.dumps(transcript)
    assert transcript["end"]["status"] in ("ending", "awaiting_choice", "dead_end", "error")


FRAGMENTS = [
    "title: T",
    "title:",
    "id: x",
    "start: a",
    "endings: safety, lost",
    "var n: int = 0",
    "var b: bool = true",
    "var s: {x, y} = y",
    "var h: 0..3 = 1",
    "var k = -4",
    "# Chapter",
    "# C {#c}",
    "## start",
    "## a",
    "## end",
    "ending: safety",
    "ending: lost",
    "epilogue:",
    "title: Scene",
    "place: p",
    "date: 2020-01",
    "tags: a, b",
    "image: x.jpg",
    "  alt: A",
    "  caption: *c*",
    "* Go -> end",
    "* Go {#x} -> a if n > 0",
    "* Stay -> start if b and s == x",
    "  ~ n += 1",
    "~ n = n * 2 - 1",
    "~ s = x",
    "~ h -= 5",
    "-> a if b",
    "-> end",
    "chance:",
    "chance: [^src]",
    "  assumption: a guess",
    "  50% -> a",
    "  50% -> end",
    "  33.3% -> a",
    "  2 -> start",
    "    ~ n -= 1",
    "Text {n} and {s}, {if b: yes | no}.",
    "A [link](https://x.org) *em* **strong**",
    "{",
    "}",
    "\\{",
    "[^",
    "",
    "   ",
    "// comment",
]

story_like = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=40).map(
    "\n".join
)


@given(st.one_of(st.text(), story_like))
@PROPERTY
def test_any_text_is_parsed_and_checked_without_raising(text: str) -> None:
    check_anything(text.encode())


@given(st.binary(max_size=300))
@PROPERTY
def test_any_bytes_are_decoded_parsed_and_checked_without_raising(data: bytes) -> None:
    check_anything(data)


def check_anything(data: bytes) -> None:
    lines, story, diagnostics = check_bytes(data)
    if not lines:  # not text (a NUL byte, or not UTF-8): one E018 saying where
        assert [d.code for d in diagnostics] == ["E018"]
        pos = diagnostics[0].position
        assert pos is not None and 1 <= pos.line <= data.count(b"\n") + 1
        assert 1 <= pos.col <= len(data.split(b"\n")[pos.line - 1]) + 1
        return
    assert_positions_inside(lines, diagnostics)
    if story is not None:
        assert_playable(story)


# -- mutating a valid story --------------------------------------------------------------

RICH = MARKET.replace("* Go out -> street\n", "* Go out -> street\n* Spare -> spare\n") + dedent(
    """

    ## spare
    era: one day
    Spare {if tired: tired | rested}
    * Back {#back} -> wake if season == winter
      ~ money = money * 2
    * Stay -> spare
    """
)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = RICH.split("\n")
    for _ in range(draw(st.integers(1, 3))):
        if not lines:
            break
        kind = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "truncate"]))
        i = draw(st.integers(0, len(lines) - 1))
        if kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "insert":
            line = lines[i]
            at = draw(st.integers(0, len(line)))
            chars = draw(
                st.text(
                    alphabet=st.sampled_from("{}[]()^#*~-><=%:|\\ \t\r\nabn1"),
                    min_size=1,
                    max_size=4,
                )
            )
            lines[i] = line[:at] + chars + line[at:]
        else:
            text = "\n".join(lines)
            cut = draw(st.integers(0, len(text)))
            lines = text[:cut].split("\n")
    return "\n".join(lines)


@given(mutated())
@PROPERTY
def test_mutated_stories_compile_or_report_an_error(text: str) -> None:
    lines, story, diagnostics = check_bytes(text.encode())
    assert_positions_inside(lines, diagnostics)
    errors = [d for d in diagnostics if d.severity == "error"]
    assert (story is None) == bool(errors)
    if story is not None:
        assert_playable(story)


def test_the_unmutated_story_compiles_cleanly() -> None:
    _, story, diagnostics = check_bytes(RICH.encode())
    assert story is not None
    assert diagnostics == []


# -- expressions ------------------------------------------------------------------------

TOKENS = [
    "1", "0", "42", "2147483647", "2147483648", "a", "b", "p", "true", "false", "and",
    "or", "not", "if", "(", ")", "+", "-", "*", "==", "!=", "<", "<=", ">", ">=", "=",
    "&&", "/", "'", '"', "x.y", " ", "\t",
]  # fmt: skip


@given(st.one_of(st.lists(st.sampled_from(TOKENS), max_size=25).map(" ".join), st.text()))
@settings(max_examples=300, deadline=None)
def test_token_soup_raises_nothing_but_expression_error(text: str) -> None:
    try:
        node = parse_expression(text)
    except ExpressionError as error:
        assert 0 <= error.offset <= len(text)
        assert error.width >= 1
        assert error.message
        return
    assert node.offset >= 0 and node.offset + node.width <= len(text)
    assert all(text[n.offset : n.offset + n.width] == n.name for n in names_in(node))


VARIABLES: dict[str, tuple[int, Variable]] = {
    "a": (0, Variable("a", "int", 0)),
    "b": (1, Variable("b", "int", 0)),
    "p": (2, Variable("p", "bool", False)),
    "q": (3, Variable("q", "bool", False)),
    "s": (4, Variable("s", "enum", 0, ("x", "y", "z"))),
}
SET_VALUES = ("x", "y", "z")
Tree = tuple[Any, ...]


@st.composite
def tree(draw: st.DrawFn, kind: str, depth: int = 4) -> Tree:
    """A well-typed expression tree of `kind` ("int" or "bool")."""
    node: Tree
    if depth == 0 or draw(st.integers(0, 3)) == 0:
        if kind == "int":
            node = draw(
                st.one_of(
                    st.integers(0, 20).map(lambda v: ("lit", v)),
                    st.integers(0, INT_LIMIT).map(lambda v: ("lit", v)),
                    st.sampled_from(["a", "b"]).map(lambda n: ("var", n)),
                )
            )
        else:
            node = draw(
                st.one_of(
                    st.booleans().map(lambda v: ("lit", v)),
                    st.sampled_from(["p", "q"]).map(lambda n: ("var", n)),
                    st.tuples(
                        st.just("set"),
                        st.sampled_from(["==", "!="]),
                        st.sampled_from(SET_VALUES),
                        st.booleans(),
                    ),
                )
            )
    elif kind == "int":
        if draw(st.booleans()):
            node = ("neg", draw(tree("int", depth - 1)))
        else:
            op = draw(st.sampled_from(["+", "-", "*"]))
            node = ("bin", op, draw(tree("int", depth - 1)), draw(tree("int", depth - 1)))
    else:
        choice = draw(st.integers(0, 3))
        if choice == 0:
            node = ("not", draw(tree("bool", depth - 1)))
        elif choice == 1:
            op = draw(st.sampled_from(["and", "or"]))
            node = ("bin", op, draw(tree("bool", depth - 1)), draw(tree("bool", depth - 1)))
        elif choice == 2:
            op = draw(st.sampled_from(["<", "<=", ">", ">=", "==", "!="]))
            node = ("bin", op, draw(tree("int", depth - 1)), draw(tree("int", depth - 1)))
        else:
            op = draw(st.sampled_from(["==", "!="]))
            node = ("bin", op, draw(tree("bool", depth - 1)), draw(tree("bool", depth - 1)))
    if draw(st.integers(0, 5)) == 0:
        node = ("paren", node)
    return node


PRECEDENCE = {"or": 1, "and": 2, "==": 4, "!=": 4, "<": 4, "<=": 4, ">": 4, ">=": 4}
PRECEDENCE |= {"+": 5, "-": 5, "*": 6}


def to_text(node: Tree) -> tuple[str, int]:
    """The expression as text with as few parentheses as the documented precedence allows,
    and the precedence of its top operator (8 for atoms)."""
    kind = node[0]
    if kind == "lit":
        value = node[1]
        return ("true" if value else "false") if isinstance(value, bool) else str(value), 8
    if kind == "var":
        return node[1], 8
    if kind == "paren":
        return f"({to_text(node[1])[0]})", 8
    if kind == "set":
        _, op, value, flipped = node
        return (f"{value} {op} s" if flipped else f"s {op} {value}"), 4
    if kind == "neg":
        text, prec = to_text(node[1])
        return ("-" + (text if prec >= 7 else f"({text})")), 7
    if kind == "not":
        text, prec = to_text(node[1])
        return ("not " + (text if prec >= 3 else f"({text})")), 3
    _, op, left, right = node
    prec = PRECEDENCE[op]
    left_text, left_prec = to_text(left)
    right_text, right_prec = to_text(right)
    chains = prec != 4  # comparisons do not chain: both sides must bind tighter
    if left_prec < prec or (not chains and left_prec == prec):
        left_text = f"({left_text})"
    if right_prec <= prec:
        right_text = f"({right_text})"
    return f"{left_text} {op} {right_text}", prec


def saturated(value: int) -> int:
    return max(-INT_LIMIT, min(INT_LIMIT, value))


def reference(node: Tree, env: dict[str, Any]) -> int | bool:
    """The value of a tree, by the language reference (independently of the engine)."""
    kind = node[0]
    if kind == "lit":
        return node[1]  # type: ignore[no-any-return]
    if kind == "var":
        return env[node[1]]  # type: ignore[no-any-return]
    if kind == "paren":
        return reference(node[1], env)
    if kind == "set":
        _, op, value, _ = node
        equal = env["s"] == SET_VALUES.index(value)
        return equal if op == "==" else not equal
    if kind == "neg":
        return saturated(-reference(node[1], env))
    if kind == "not":
        return not reference(node[1], env)
    _, op, left_node, right_node = node
    left, right = reference(left_node, env), reference(right_node, env)
    if op in ("+", "-", "*"):
        whole = left + right if op == "+" else left - right if op == "-" else left * right
        return saturated(whole)
    if op in ("and", "or"):
        return (left and right) if op == "and" else (left or right)
    return {
        "==": left == right,
        "!=": left != right,
        "<": left < right,
        "<=": left <= right,
        ">": left > right,
        ">=": left >= right,
    }[op]


environments = st.fixed_dictionaries(
    {
        "a": st.one_of(st.integers(-5, 5), st.integers(-INT_LIMIT, INT_LIMIT)),
        "b": st.one_of(st.integers(-5, 5), st.integers(-INT_LIMIT, INT_LIMIT)),
        "p": st.booleans(),
        "q": st.booleans(),
        "s": st.integers(0, 2),
    }
)


@given(
    st.sampled_from(["int", "bool"]).flatmap(lambda k: st.tuples(st.just(k), tree(k))), environments
)
@settings(max_examples=400, deadline=None)
def test_well_formed_expressions_evaluate_like_the_reference(
    typed: tuple[str, Tree], env: dict[str, Any]
) -> None:
    kind, node = typed
    text, _ = to_text(node)
    expr = parse_expression(text)
    problems: list[Diagnostic] = []
    checker = ExpressionChecker(VARIABLES, problems.append)
    checked = checker.check(
        ExprSource(expr, text, Position("e", 1, 1, len(text))), INT if kind == "int" else BOOL
    )
    assert problems == [], (text, problems)
    assert checked is not None
    value = compile_expr(checked[1])([env[name] for name in ("a", "b", "p", "q", "s")])
    expected = reference(node, env)
    assert value == expected, text
    assert isinstance(value, bool) == (kind == "bool"), text


# -- play, undo and saves -------------------------------------------------------------------

GAME = dedent(
    """
    title: Game
    var coins: 0..9 = 3
    var luck: int = 0
    var side: {left, right} = left

    # Road {#road}

    ## fork
    ~ luck += 1
    Coins {coins}, luck {luck}, side {side}.
    * Left -> left if coins > 0
      ~ coins -= 1
      ~ side = left
    * Right -> right
      ~ side = right
    * Gamble -> gamble
    * Home -> home if luck > 4

    ## left
    -> fork if coins < 2
    * Back -> fork
    * Gamble -> gamble
      ~ coins += 2

    ## right
    * Back -> fork
      ~ coins += 1

    # Luck {#luck}

    ## gamble
    chance:
      assumption: a fair coin
      50% -> fork
        ~ coins += 3
      50% -> right
        ~ luck -= 2

    ## home
    ending: safety
    Home with {coins}.
    """
)


def game() -> Program:
    _, story, diagnostics = check_bytes(GAME.encode())
    assert story is not None, diagnostics
    return Program(story)


GAME_PROGRAM = game()


def steps_json(steps: list[Any]) -> list[dict[str, Any]]:
    return [step.to_json() for step in steps]


@given(
    st.integers(0, 2**32 - 1),
    st.lists(st.one_of(st.integers(0, 5), st.just("u")), max_size=30),
)
@PROPERTY
def test_random_play_never_crashes_and_undo_is_exact(seed: int, actions: list[Any]) -> None:
    session, steps = Session.begin(GAME_PROGRAM, seed)
    # What the reader saw at each decision point, to compare with what undo shows.
    seen: list[tuple[State, dict[str, Any]]] = []
    current = (session.state, steps[-1].to_json())
    for action in actions:
        if action == "u":
            undone = session.undo()
            if not seen:
                assert undone is None
                assert session.history == []
                continue
            state, shown = seen.pop()
            assert undone is not None
            assert session.state == state
            assert steps_json(undone) == [shown]
            assert len(session.history) == len(seen)
            current = (state, shown)
        elif session.status == AWAITING:
            position = action % len(session.offered)
            seen.append(current)
            steps = session.choose(position)
            assert session.history[-1] == seen[-1][0]
            current = (session.state, steps[-1].to_json())
        assert session.status in ("awaiting_choice", "ending", "dead_end")
        values = dict(zip(("coins", "luck", "side"), session.state.values, strict=True))
        assert 0 <= values["coins"] <= 9


@given(
    st.integers(0, 2**32 - 1),
    st.lists(st.integers(0, 5), max_size=12),
    st.lists(st.one_of(st.integers(0, 5), st.just("u")), max_size=12),
)
@PROPERTY
def test_save_then_restore_plays_the_same_future(
    seed: int, before: list[int], after: list[Any]
) -> None:
    session, _ = Session.begin(GAME_PROGRAM, seed)
    for choice in before:
        if session.status != AWAITING:
            break
        session.choose(choice % len(session.offered))
    data = json.loads(json.dumps(save(session)))
    restored, _, messages = restore(GAME_PROGRAM, data)
    assert messages == []
    assert restored.state == session.state
    assert restored.history == session.history
    for action in after:
        if action == "u":
            ours, theirs = session.undo(), restored.undo()
            assert (ours is None) == (theirs is None)
            if ours is not None and theirs is not None:
                assert steps_json(ours) == steps_json(theirs)
        elif session.status == AWAITING:
            position = action % len(session.offered)
            assert steps_json(session.choose(position)) == steps_json(restored.choose(position))
        assert restored.state == session.state


@given(
    st.integers(0, 2**32 - 1),
    st.lists(st.sampled_from(["1", "2", "3", "4", "u", "s"]), max_size=15),
)
@PROPERTY
def test_a_save_in_a_script_changes_nothing_that_follows(seed: int, script: list[str]) -> None:
    story = GAME_PROGRAM.story
    plain = run_script(story, seed, [t for t in script if t != "s"], GAME_PROGRAM)
    saved = run_script(story, seed, script, GAME_PROGRAM)

    def scenes(steps: list[dict[str, Any]], *, saves: bool) -> list[dict[str, Any]]:
        """The scenes shown, without the save records and the scene shown again after each
        restore; 'taken' is left out (where it goes is tested with the transcripts)."""
        kept: list[dict[str, Any]] = []
        after_restore = False
        for step in steps:
            if step.get("action") == "restore":
                after_restore = True
            elif after_restore:
                after_restore = False
            elif step.get("action") != "save":
                kept.append({k: v for k, v in step.items() if k != "taken"})
        assert not after_restore or not saves
        return kept

    def end(transcript: dict[str, Any]) -> dict[str, Any]:
        # Script step numbers count the 's' tokens too.
        return {k: re.sub(r"step \d+", "step N", str(v)) for k, v in transcript["end"].items()}

    assert end(saved) == end(plain)
    assert scenes(saved["steps"], saves=True) == scenes(plain["steps"], saves=False)


# -- inputs at the limits -------------------------------------------------------------------


def test_a_long_flat_chain_of_operators_does_not_exhaust_the_stack() -> None:
    """600 terms nest no parentheses, but make a tree 600 levels deep: the checker, the
    compiler and the JSON form must cope (or refuse it with a diagnostic)."""
    chain = " + ".join(["1"] * 600)
    text = f"title: T\nvar n: int = 0\n## s\n~ n = {chain}\n{{n}}\n* Go -> s if n > 0\n"
    lines, story, diagnostics = check_bytes(text.encode())
    assert_positions_inside(lines, diagnostics)
    if story is None:
        assert [d.code for d in diagnostics if d.severity == "error"] == ["E002"]
    else:
        assert_playable(story)
        _, steps = Session.begin(Program(story), 0)
        assert steps[0].values == {"n": 600}


def test_a_huge_integer_literal_is_an_expression_error() -> None:
    digits = "9" * 5000
    try:
        parse_expression(digits)
    except ExpressionError as error:
        assert "too large" in error.message
        assert (error.offset, error.width) == (0, 5000)
    else:
        raise AssertionError("a 5000-digit literal was accepted")


def test_huge_numbers_in_a_story_are_diagnosed_not_raised() -> None:
    digits = "9" * 5000
    cases = {
        "E002": f"title: T\nvar n: int = {digits}\n## s\n{{n}}\n~ n = 1\n* Go -> s\n",
        "E021": f"title: T\nvar n: 0..{digits}\n## s\n{{n}}\n~ n = 1\n* Go -> s\n",
        "E020": f"title: T\n## s\nchance:\n  assumption: x\n  {digits} -> s\n  1 -> s\n",
    }
    for code, text in cases.items():
        lines, story, diagnostics = check_bytes(text.encode())
        assert story is None
        assert code in [d.code for d in diagnostics], (code, diagnostics)
        assert_positions_inside(lines, diagnostics)
    percent = f"title: T\n## s\nchance:\n  assumption: x\n  50.{digits}% -> s\n  50% -> s\n"
    lines, story, diagnostics = check_bytes(percent.encode())
    assert story is None and "E009" in [d.code for d in diagnostics]
