"""Diagnostics as text (with the source line and a caret) and as JSON."""

from __future__ import annotations

from crossing.story.diagnostics import (
    Diagnostic,
    Position,
    Severity,
    did_you_mean,
    render,
    sort_key,
    summary,
)

from .conftest import Load
from .helpers import one

LINES = {"m.story": [f"line {n}" for n in range(1, 12)] + ["* Take the bus -> bus_stp"]}


def test_render_puts_a_caret_under_the_problem() -> None:
    diagnostic = Diagnostic(
        "E004",
        "unknown scene 'bus_stp'",
        Position("m.story", 12, 19, 7),
        "did you mean 'bus_stop'?",
    )
    assert render(diagnostic, LINES) == "\n".join(
        [
            "m.story:12:19: error[E004]: unknown scene 'bus_stp'",
            "   |",
            "12 | * Take the bus -> bus_stp",
            "   |                   ^^^^^^^",
            "   = hint: did you mean 'bus_stop'?",
        ]
    )


def test_render_without_a_hint_and_with_a_one_digit_line() -> None:
    diagnostic = Diagnostic("W101", "scene 'x' can never be reached", Position("a", 2, 4, 1))
    assert render(diagnostic, {"a": ["title: T", "## x"]}) == "\n".join(
        [
            "a:2:4: warning[W101]: scene 'x' can never be reached",
            "  |",
            "2 | ## x",
            "  |    ^",
        ]
    )


def test_render_replaces_tabs_and_clamps_the_caret_to_the_line() -> None:
    diagnostic = Diagnostic("E001", "bad", Position("a", 1, 3, 50))
    assert render(diagnostic, {"a": ["\tbcde"]}).splitlines()[2:] == [
        "1 |  bcde",
        "  |   ^^^",
    ]
    past_the_end = Diagnostic("E002", "expected a condition", Position("a", 1, 6, 1))
    assert render(past_the_end, {"a": ["-> if"]}).splitlines()[-1] == "  |      ^"


def test_render_without_the_source_line() -> None:
    missing_line = Diagnostic("E019", "no scenes", Position("a", 9, 1), "add one")
    assert render(missing_line, {"a": ["x"]}) == "a:9:1: error[E019]: no scenes\n  = hint: add one"
    unknown_file = Diagnostic("E012", "x", Position("b", 1, 1))
    assert render(unknown_file, {}) == "b:1:1: error[E012]: x"


def test_render_without_a_position() -> None:
    diagnostic = Diagnostic("E012", "no story file at 'x'", None, "a story folder needs one")
    assert render(diagnostic, {}) == (
        "error[E012]: no story file at 'x'\n= hint: a story folder needs one"
    )
    assert render(Diagnostic("E012", "x", None), {}) == "error[E012]: x"


def test_render_a_real_diagnostic(load: Load) -> None:
    loaded = load("title: T\n## start\n* Take the bus -> bus_stp\n## bus_stop\nending: safety\n")
    text = render(one(loaded, "E004"), loaded.texts)
    assert text.splitlines() == [
        "main.story:3:19: error[E004]: unknown scene 'bus_stp'",
        "  |",
        "3 | * Take the bus -> bus_stp",
        "  |                   ^^^^^^^",
        "  = hint: did you mean 'bus_stop'?",
    ]


def test_to_json() -> None:
    with_position = Diagnostic("W105", "source 'x' is never cited", Position("s.toml", 3, 1, 5))
    assert with_position.to_json() == {
        "severity": "warning",
        "code": "W105",
        "message": "source 'x' is never cited",
        "path": "s.toml",
        "line": 3,
        "col": 1,
        "width": 5,
        "hint": None,
    }
    without = Diagnostic("E012", "gone", None, "look again")
    assert without.to_json() == {
        "severity": "error",
        "code": "E012",
        "message": "gone",
        "path": None,
        "line": None,
        "col": None,
        "width": None,
        "hint": "look again",
    }


def test_severity() -> None:
    assert Diagnostic("E001", "", None).severity is Severity.ERROR
    assert Diagnostic("W103", "", None).severity is Severity.WARNING
    assert Severity.ERROR.value == "error"


def test_summary() -> None:
    error = Diagnostic("E001", "", None)
    warning = Diagnostic("W101", "", None)
    assert summary([]) == "0 errors, 0 warnings"
    assert summary([error]) == "1 error, 0 warnings"
    assert summary([error, error, warning]) == "2 errors, 1 warning"
    assert summary([warning, warning]) == "0 errors, 2 warnings"


def test_did_you_mean() -> None:
    assert did_you_mean("bus_stp", ["bus_stop", "walk"]) == "did you mean 'bus_stop'?"
    assert did_you_mean("zzz", ["bus_stop", "walk"]) is None
    assert did_you_mean("x", []) is None


def test_sort_key_orders_by_file_line_and_column() -> None:
    diagnostics = [
        Diagnostic("W101", "", Position("b", 1, 1)),
        Diagnostic("E004", "", Position("a", 2, 5)),
        Diagnostic("E001", "", Position("a", 2, 1)),
        Diagnostic("E012", "", None),
        Diagnostic("E002", "", Position("a", 10, 1)),
    ]
    ordered = sorted(diagnostics, key=sort_key)
    assert [d.code for d in ordered] == ["E012", "E001", "E004", "E002", "W101"]
