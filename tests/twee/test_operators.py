"""Integer `/ % min max` through the Twee interchange: the SugarCube export (with the
zero-divisor guard), the SugarCube import reading them back (and hand-written forms), and
the decompiled source writing them as the story language does."""

from __future__ import annotations

from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
from analysis.stories import int_expr
from hypothesis import given, settings

from crossing.interchange.decompile import Expressions, decompile
from crossing.interchange.sugarcube import Script
from crossing.interchange.sugarcube_scene import SceneReader
from crossing.interchange.sugarcube_story import SugarCubeImport
from crossing.interchange.twee_export import export_twee
from crossing.interchange.twee_format import Passage
from crossing.interchange.twee_import import import_twee
from crossing.story import compiled as c
from crossing.story.api import load_source
from crossing.story.compiled import CompiledStory

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "conformance"
VARIABLES = (
    c.Variable("a", "int", 7),
    c.Variable("b", "int", 0, (), -3, 3),
    c.Variable("f", "bool", False),
)


def _story(case: str) -> CompiledStory:
    loaded = load_source(CORPUS / case)
    assert loaded.story is not None
    return loaded.story


def _reader(variables: tuple[c.Variable, ...] = VARIABLES) -> SceneReader:
    passage = Passage("p", [], {}, "", 1)
    return SceneReader(SugarCubeImport([passage]), passage, {"p": 0}, variables)


def test_division_is_exported_with_the_zero_guard_and_min_max_as_math() -> None:
    text = export_twee(_story("47-integer-division"))
    assert "<<print ($people is 0 ? 0 : Math.trunc($fare / $people))>>" in text
    assert "<<print ($people is 0 ? 0 : $fare % $people)>>" in text
    assert "<<print Math.min($fare, 10)>>" in text
    assert "Math.max((3 is 0 ? 0 : Math.trunc($fare / 3)), 2)" in text


def _folded(expr: c.JsonExpr) -> c.JsonExpr:
    """A negative literal as SugarCube's `-7` reads: minus seven."""
    if isinstance(expr, bool) or not isinstance(expr, int | list):
        return expr
    if isinstance(expr, int):
        return ["neg", -expr] if expr < 0 else expr
    return [expr[0], *(_folded(e) if not isinstance(e, str) else e for e in expr[1:])]


@settings(max_examples=100, deadline=None)
@given(int_expr(VARIABLES, depth=3))
def test_every_exported_expression_reads_back_to_the_same_tree(expr: c.JsonExpr) -> None:
    reader = _reader()
    assert reader.expr(Script(VARIABLES).expr(expr), 0, "int") == _folded(expr)
    assert reader.story.problems == []


def test_hand_written_sugarcube_arithmetic_is_imported() -> None:
    reader = _reader()
    read = {
        "Math.trunc($a / 2)": ["/", ["var", 0], 2],
        "$a % ($b + 1)": ["%", ["var", 0], ["+", ["var", 1], 1]],
        "Math.min($a, Math.max($b, -2))": ["min", ["var", 0], ["max", ["var", 1], ["neg", 2]]],
        "($b is 0 ? 0 : $a % $b) * 2": ["*", ["%", ["var", 0], ["var", 1]], 2],
    }
    for text, expr in read.items():
        assert reader.expr(text, 0, "int") == expr, text
    assert reader.story.problems == []


def test_what_javascript_reads_otherwise_is_refused_with_a_hint() -> None:
    reader = _reader()
    assert reader.expr("$a / 2", 10, "int") is None
    assert reader.expr("($b is 0 ? 1 : $a % $b)", 20, "int") is None
    assert reader.expr("($a is 0 ? 0 : Math.trunc($a / $b))", 30, "int") is None
    assert reader.expr("Math.min($a)", 40, "int") is None
    found = [(p.col, p.message, p.hint) for p in reader.story.problems]
    guard = (
        "it is read only around a division: (b is 0 ? 0 : Math.trunc(a / b)); for text, use <<if>>"
    )
    assert found == [
        (
            14,
            "'/' is not imported alone: JavaScript divides into fractions",
            "Crossing divides whole numbers, truncating: write Math.trunc(a / b)",
        ),
        (30, "'c ? a : b' is not imported", guard),
        (40, "'c ? a : b' is not imported", guard),
        (
            41,
            "Math.min() is not imported here",
            "random() and either() are imported as a chance: <<set _roll to random(1, N)>> "
            'with an <<if _roll lte K>> chain of <<goto>>, or <<goto either("a", "b")>>',
        ),
    ]


def test_the_source_says_them_as_the_story_language_does() -> None:
    main = decompile(_story("47-integer-division")).main
    assert "{fare / people}" in main
    assert "{fare % people}" in main
    assert "{max(fare / 3, 2)}" in main
    assert "~ paid = max(fare / people, 0) * people + fare % people" in main
    shown = Expressions(VARIABLES)
    assert shown.write(["/", ["var", 0], ["*", ["var", 1], 2]]) == "a / (b * 2)"
    assert shown.write(["*", ["%", ["var", 0], 3], ["neg", ["var", 1]]]) == "a % 3 * -b"
    assert shown.write(["neg", ["min", 1, ["var", 0]]]) == "-min(1, a)"


@pytest.mark.parametrize(
    "expr",
    [
        ["/", ["var", 0], ["*", ["var", 1], 2]],
        ["*", ["%", ["var", 0], 3], ["neg", ["var", 1]]],
        ["-", ["var", 0], ["/", ["max", ["var", 1], 1], ["min", 4, ["var", 0]]]],
        ["%", ["%", ["var", 0], ["var", 1]], ["+", ["var", 1], 5]],
    ],
)
def test_written_expressions_compile_back_to_the_same_tree(expr: c.JsonExpr) -> None:
    """Precedence and parentheses: `/` and `%` bind as `*`, `min`/`max` are calls."""
    source = (
        "title: E\nvar a: int = 7\nvar b: -3..3 = 0\nvar f: bool = false\n\n## s\n"
        f"~ a = {Expressions(VARIABLES).write(expr)}\n\nText.\n"
    )
    with TemporaryDirectory() as folder:
        (Path(folder) / "main.story").write_text(source, encoding="utf-8")
        loaded = load_source(Path(folder))
    assert loaded.story is not None, [str(d) for d in loaded.errors]
    assert loaded.story.scenes[0].effects[0].expr == expr


def test_a_story_with_the_operators_comes_back_from_twee() -> None:
    story = _story("47-integer-division")
    result = import_twee(export_twee(story))
    assert result.problems == []
    assert result.story is not None and result.story.to_json() == story.to_json()
