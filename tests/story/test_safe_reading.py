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


# -- includes ------------------------------------------------------------------------------

SECRET = "root:$6$SECRET-LINE:19000:0:99999:7:::"
SCENE = "\n## start\nending: safety\nHere.\n"


def run_check(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["check", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result.exit_code, result.output  # standard output and error


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("../secret.story", "E052"),  # outside the folder
        ("../secret.txt", "E051"),  # not a story file (and outside)
        ("secret.txt", "E051"),  # not a story file, though inside
        ("inner/../../secret.story", "E052"),  # '..' after a folder
        ("ABSOLUTE", "E052"),  # an absolute path outside
        ("link.story", "E052"),  # a link inside, to a file outside
    ],
)
def test_an_include_that_is_refused_is_never_read(
    story_dir: Path, write: Write, name: str, code: str
) -> None:
    outside = story_dir.parent / f"{story_dir.name}-outside"
    for path in (outside / "secret.story", outside / "secret.txt", story_dir / "secret.txt"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(SECRET + "\n", encoding="utf-8")
    (story_dir / "link.story").symlink_to(outside / "secret.story")
    (story_dir / "inner").mkdir()
    name = name.replace("ABSOLUTE", str(outside / "secret.story"))
    name = name.replace("../", f"../{outside.name}/", 1) if name.startswith("../") else name
    name = name.replace("inner/../../", f"inner/../../{outside.name}/")
    write("main.story", f"title: T\ninclude: {name}\n{SCENE}")
    status, output = run_check("main.story")
    assert status == 1
    assert f"main.story:2:10: error[{code}]" in output
    assert "SECRET" not in output


def test_sources_and_places_must_be_toml_files(story_dir: Path, write: Write) -> None:
    (story_dir / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    write("main.story", f"title: T\nsources: secret.txt\nplaces: /etc/passwd\n{SCENE}")
    status, output = run_check("main.story")
    assert status == 1
    assert "main.story:2:10: error[E051]: sources file 'secret.txt' is not a TOML file" in output
    assert "main.story:3:9: error[E051]: places file '/etc/passwd' is not a TOML file" in output
    assert "SECRET" not in output and "root:" not in output


def test_includes_inside_the_folder_and_its_subfolders_are_read(load: Load) -> None:
    loaded = load(
        "title: T\ninclude: parts/a.story\n\n## start\n-> a\n",
        {"parts/a.story": "include: ../b.story\n## a\n-> b\n", "b.story": "## b\nending: safety\n"},
    )
    assert loaded.errors == []


def test_allow_include_lets_one_more_folder_in(story_dir: Path, write: Write) -> None:
    write("shared/tea.story", "## tea\nending: safety\nTea.\n")
    write("story/main.story", "title: T\ninclude: ../shared/tea.story\n\n## start\n-> tea\n")
    status, output = run_check("story")
    assert status == 1 and "error[E052]" in output
    assert "allow another folder with '--allow-include DIR'" in output
    status, output = run_check("--allow-include", "shared", "story")
    assert (status, output.strip()) == (0, "0 errors, 0 warnings")
    # compile, play, odds, test, graph and bundle read the story the same way.
    result = CliRunner().invoke(cli, ["play", "--allow-include", "shared", "story", "--script", ""])
    assert result.exit_code == 0, result.output
