"""Reading hostile source safely (issue 19, section 2): deep text nesting, includes that
leave the story's folder, script digits that are not ASCII."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from crossing.cli import cli
from crossing.story.expressions import MAX_DEPTH
from crossing.story.runtime import Program, Session

from .conftest import Compile, Load, Write
from .helpers import at, codes

# -- text nesting --------------------------------------------------------------------------


def nested_story(levels: int, opener: str = "{if x: ", inner: str = "{x}") -> str:
    body = opener * levels + inner + "}" * levels
    return f"title: Nest\nvar x: bool = true\n\n## start\nending: safety\n~ x = true\n{body}\n"


@pytest.mark.parametrize("opener", ["{if x: ", "{once: ", "{seq: a | ", "{if x: a | "])
def test_text_nesting_is_capped_at_the_level_too_many(load: Load, opener: str) -> None:
    assert codes(load(nested_story(MAX_DEPTH, opener))) == []
    loaded = load(nested_story(MAX_DEPTH + 1, opener))
    # The text too deep is dropped (so with variations, nothing may read x: a W103).
    assert [d.code for d in loaded.errors] == ["E050"]
    # The 65th '{' is where the text goes one level too deep.
    col = 1 + MAX_DEPTH * len(opener)
    diagnostic = at(loaded, "E050", f"main.story:7:{col}")
    assert diagnostic.message == "conditional text and variations nest more than 64 levels deep"
    assert diagnostic.hint


def test_mixed_nesting_counts_every_kind(load: Load) -> None:
    half = MAX_DEPTH // 2
    loaded = load(nested_story(half, "{if x: {once: ", "{x}" + "}" * half + " {if x: a}"))
    assert codes(loaded) == []
    loaded = load(nested_story(half, "{if x: {once: ", "{if x: {x}}" + "}" * half))
    assert codes(loaded) == ["E050"]


def test_the_deepest_text_with_the_deepest_expression_compiles_and_plays(
    compile_story: Compile,
) -> None:
    deepest = "(" * (MAX_DEPTH - 1) + "x" + ")" * (MAX_DEPTH - 1)
    story = compile_story(nested_story(MAX_DEPTH, "{if x: ", "{" + deepest + "}"))
    _, steps = Session.begin(Program(story), 0)
    assert steps[0].text == "<p>true</p>"


@pytest.mark.parametrize("levels", [400, 10_000])
@pytest.mark.parametrize("command", [["check"], ["compile", "-o", "out.json"], ["odds"]])
def test_deep_nesting_is_a_diagnostic_in_every_command(
    write: Write, levels: int, command: list[str]
) -> None:
    write("main.story", nested_story(levels))
    result = CliRunner().invoke(cli, [*command, "main.story"])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert result.exit_code == 1
    assert f"main.story:7:{1 + MAX_DEPTH * 7}: error[E050]" in result.stderr
    assert not Path("out.json").exists()
