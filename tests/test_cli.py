"""The `crossing` command: exit codes, text and JSON output, compile and play."""

from __future__ import annotations

import json
import shutil
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from crossing.cli import cli, main
from crossing.story.compiled import from_json

Write = Callable[[str, str], Path]

GOOD = """
title: Market Day
var money: int = 3

## start
You have {money} coins.
* Buy bread -> start if money > 0
  ~ money -= 1
* Walk home -> home
* Gamble -> gamble

## gamble
chance:
  assumption: a fair coin
  50% -> home
  50% -> lost

## home
ending: safety
Home with {money} coins.

## lost
ending: stranded
Lost.
"""

TYPO = """
title: T

## start
* Take the bus -> bus_stp

## bus_stop
ending: safety
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Write:
    monkeypatch.chdir(tmp_path)
    # The terminal player's default saves go to the user's data folder: keep it in tmp_path.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return _write


def run(runner: CliRunner, *args: str, stdin: str | None = None) -> Result:
    # A wide terminal, so that Rich does not wrap the lines the tests look for.
    return runner.invoke(cli, list(args), input=stdin, env={"COLUMNS": "200"})


def no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )


# -- check -----------------------------------------------------------------------------------


def test_check_a_good_story(runner: CliRunner, write: Write) -> None:
    write("good.story", GOOD)
    result = run(runner, "check", "good.story")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr.strip() == "0 errors, 0 warnings"


def test_check_a_story_with_an_error(runner: CliRunner, write: Write) -> None:
    write("typo.story", TYPO)
    result = run(runner, "check", "typo.story")
    assert result.exit_code == 1
    no_traceback(result)
    lines = result.stderr.splitlines()
    assert lines[:5] == [
        "typo.story:4:19: error[E004]: unknown scene 'bus_stp'",
        "  |",
        "4 | * Take the bus -> bus_stp",
        "  |                   ^^^^^^^",
        "  = hint: did you mean 'bus_stop'?",
    ]
    assert lines[-1] == "1 error, 0 warnings"


def test_check_reports_every_problem_in_order(runner: CliRunner, write: Write) -> None:
    write(
        "many.story",
        """
        title: T
        var unused: int = 0

        ## start
        * A -> nowhere
        * B -> start if 1
        ## orphan
        ending: lost
        """,
    )
    result = run(runner, "check", "many.story")
    assert result.exit_code == 1
    heads = [line for line in result.stderr.splitlines() if line.startswith("many.story:")]
    assert heads == [
        "many.story:2:5: warning[W103]: variable 'unused' is never used",
        "many.story:5:8: error[E004]: unknown scene 'nowhere'",
        "many.story:6:17: error[E008]: expected true or false, found a number",
        "many.story:8:9: error[E014]: unknown ending kind 'lost'",
    ]
    assert result.stderr.splitlines()[-1] == "3 errors, 1 warning"


def test_check_json(runner: CliRunner, write: Write) -> None:
    write("typo.story", TYPO)
    result = run(runner, "check", "typo.story", "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data == {
        "ok": False,
        "errors": 1,
        "warnings": 0,
        "diagnostics": [
            {
                "severity": "error",
                "code": "E004",
                "message": "unknown scene 'bus_stp'",
                "path": "typo.story",
                "line": 4,
                "col": 19,
                "width": 7,
                "hint": "did you mean 'bus_stop'?",
            }
        ],
    }


def test_check_json_of_a_good_story_with_a_warning(runner: CliRunner, write: Write) -> None:
    write("warn.story", GOOD.replace("var money: int = 3\n", "var money: int = 3\nvar spare = 1\n"))
    result = run(runner, "check", "--json", "warn.story")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["ok"], data["errors"], data["warnings"]) == (True, 0, 1)
    assert data["diagnostics"][0]["code"] == "W103"


def test_check_a_folder(runner: CliRunner, write: Write, tmp_path: Path) -> None:
    (tmp_path / "book").mkdir()
    write("book/main.story", GOOD)
    assert run(runner, "check", "book").exit_code == 0
    (tmp_path / "empty").mkdir()
    result = run(runner, "check", "empty")
    assert result.exit_code == 1
    assert "error[E012]: no story file at 'empty/main.story'" in result.stderr
    assert "= hint: a story folder needs a 'main.story'" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["check", "missing.story"],
        ["check"],
        ["check", "x.story", "--frobnicate"],
        ["compile", "x.story"],
        ["play", "missing.story"],
        ["play", "x.story", "--seed", "-1"],
        ["play", "x.story", "--seed", "4294967296"],
        ["play", "x.story", "--seed", "many"],
        ["nonsense"],
    ],
)
def test_usage_errors_exit_with_2(runner: CliRunner, write: Write, args: list[str]) -> None:
    write("x.story", GOOD)
    result = run(runner, *args)
    assert result.exit_code == 2
    assert "Usage:" in result.output
    no_traceback(result)


def test_help_and_version(runner: CliRunner) -> None:
    result = run(runner, "--help")
    assert result.exit_code == 0
    assert "check" in result.output and "compile" in result.output and "play" in result.output
    assert run(runner, "-h").exit_code == 0
    version = run(runner, "--version")
    assert version.exit_code == 0
    assert "version" in version.output


# -- compile ---------------------------------------------------------------------------------


def test_compile_writes_json_that_from_json_reads(
    runner: CliRunner, write: Write, tmp_path: Path
) -> None:
    write("good.story", GOOD)
    result = run(runner, "compile", "good.story", "-o", "out.json")
    assert result.exit_code == 0
    text = (tmp_path / "out.json").read_text(encoding="utf-8")
    assert result.stderr.startswith(
        f"wrote out.json ({len(text.rstrip().encode())} bytes; 0 warnings)"
    )
    story = from_json(json.loads(text))
    assert story.title == "Market Day"
    assert [s.id for s in story.scenes] == ["start", "gamble", "home", "lost"]


def test_compile_to_standard_output(runner: CliRunner, write: Write) -> None:
    write("good.story", GOOD)
    result = run(runner, "compile", "good.story", "--output", "-")
    assert result.exit_code == 0
    story = from_json(json.loads(result.stdout))
    assert story.id == "market-day"


def test_compile_counts_warnings(runner: CliRunner, write: Write) -> None:
    write("warn.story", GOOD.replace("var money: int = 3\n", "var money: int = 3\nvar spare = 1\n"))
    result = run(runner, "compile", "warn.story", "-o", "w.json")
    assert result.exit_code == 0
    assert "; 1 warning)" in result.stderr


def test_compile_a_broken_story(runner: CliRunner, write: Write, tmp_path: Path) -> None:
    write("typo.story", TYPO)
    result = run(runner, "compile", "typo.story", "-o", "out.json")
    assert result.exit_code == 1
    assert "typo.story:4:19: error[E004]" in result.stderr
    assert not (tmp_path / "out.json").exists()


# -- play by script --------------------------------------------------------------------------


def test_play_script_json_transcript(runner: CliRunner, write: Write) -> None:
    write("good.story", GOOD)
    result = run(runner, "play", "good.story", "--script", "1,2", "--json", "--seed", "9")
    assert result.exit_code == 0
    assert "\n" not in result.stdout.strip()  # --json prints one compact line
    transcript = json.loads(result.stdout)
    assert transcript["format"] == "crossing-transcript"
    assert (transcript["seed"], transcript["script"]) == (9, ["1", "2"])
    assert transcript["steps"][0]["taken"] == "start/start"
    assert transcript["steps"][1]["vars"] == {"money": 2}
    assert transcript["end"] == {
        "status": "ending",
        "scene": "home",
        "ending": "home",
        "kind": "safety",
    }


def test_play_script_defaults_to_seed_0_and_indents(runner: CliRunner, write: Write) -> None:
    write("good.story", GOOD)
    result = run(runner, "play", "good.story", "--script", "3")
    assert result.exit_code == 0
    assert result.stdout.startswith("{\n")
    transcript = json.loads(result.stdout)
    assert transcript["seed"] == 0
    assert transcript["steps"][1]["scene"] == "gamble"
    assert set(transcript["steps"][1]["chance"]) == {"roll", "total", "outcome", "target"}


def test_play_json_without_a_script(runner: CliRunner, write: Write) -> None:
    write("good.story", GOOD)
    result = run(runner, "play", "good.story", "--json")
    assert result.exit_code == 0
    transcript = json.loads(result.stdout)
    assert transcript["script"] == []
    assert transcript["end"] == {"status": "awaiting_choice", "scene": "start"}


def test_play_script_with_a_choice_not_offered_exits_1(runner: CliRunner, write: Write) -> None:
    write("good.story", GOOD)
    result = run(runner, "play", "good.story", "--script", "2,1", "--json")
    assert result.exit_code == 1
    transcript = json.loads(result.stdout)
    assert transcript["end"]["status"] == "error"
    assert "choice 1 is not offered" in transcript["end"]["message"]


@pytest.mark.parametrize("script", ["1,x", "0", "1,,q"])
def test_play_with_a_bad_script_token_exits_2(runner: CliRunner, write: Write, script: str) -> None:
    write("good.story", GOOD)
    result = run(runner, "play", "good.story", "--script", script)
    assert result.exit_code == 2
    assert "Invalid value for --script" in result.stderr
    assert "is not a choice number (from 1, in ASCII digits), 'u' (undo) or 's' (save)" in (
        result.stderr
    )
    no_traceback(result)


def test_play_a_story_with_errors(runner: CliRunner, write: Write) -> None:
    write("typo.story", TYPO)
    result = run(runner, "play", "typo.story", "--script", "1")
    assert result.exit_code == 1
    assert "typo.story:4:19: error[E004]" in result.stderr
    assert result.stdout == ""


def test_play_a_loop_reports_an_error(runner: CliRunner, write: Write) -> None:
    # `if true`: a loop the checker cannot see (it refuses one it can: E024).
    write("loop.story", "title: T\n## a\n-> b\n## b\n-> a if true\n")
    result = run(runner, "play", "loop.story", "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["end"]["status"] == "error"
    interactive = run(runner, "play", "loop.story", "--seed", "1", stdin="q\n")
    assert interactive.exit_code == 0
    assert "The story stopped: more than 10000 scenes in a row" in interactive.stdout


# -- play a compiled story ----------------------------------------------------------------------


def test_play_a_compiled_story(runner: CliRunner, write: Write) -> None:
    write("good.story", GOOD)
    assert run(runner, "compile", "good.story", "-o", "good.json").exit_code == 0
    from_source = run(runner, "play", "good.story", "--script", "1,3", "--json", "--seed", "5")
    compiled = run(runner, "play", "good.json", "--script", "1,3", "--json", "--seed", "5")
    assert compiled.exit_code == 0
    assert json.loads(compiled.stdout) == json.loads(from_source.stdout)


@pytest.mark.parametrize(
    "content",
    [
        '{"format": "crossing-story", "format_version": 1',
        "not json",
        '{"format": "crossing-story", "format_version": 7}',
        '{"format": "crossing-story", "format_version": 1, "id": "x"}',
        "[" * 50_000,
    ],
)
def test_play_a_broken_compiled_story(runner: CliRunner, write: Write, content: str) -> None:
    path = write("broken.json", content)
    result = run(runner, "play", "broken.json", "--script", "1")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {path.name}: the compiled story is not valid: ") or (
        result.stderr.startswith(f"error: {path}: the compiled story is not valid: ")
    )
    no_traceback(result)


def test_play_a_compiled_story_with_a_bad_scene_index(
    runner: CliRunner, write: Write, tmp_path: Path
) -> None:
    """A compiled file that parses but points at a scene that does not exist is refused with
    a clear message, not a traceback."""
    write("good.story", GOOD)
    run(runner, "compile", "good.story", "-o", "good.json")
    data = json.loads((tmp_path / "good.json").read_text(encoding="utf-8"))
    data["scenes"][0]["choices"][0]["target"] = 99
    (tmp_path / "bad.json").write_text(json.dumps(data), encoding="utf-8")
    result = run(runner, "play", "bad.json", "--script", "1")
    assert result.exit_code == 1
    no_traceback(result)
    assert "the compiled story is not valid: scenes[0].choices[0].target: " in result.stderr


# -- interactive play -------------------------------------------------------------------------


def test_interactive_play_choose_undo_save_load_restart_quit(
    runner: CliRunner, write: Write, tmp_path: Path
) -> None:
    write("good.story", GOOD)
    save_file = tmp_path / "saves" / "game.json"
    save_file.parent.mkdir()
    result = run(
        runner,
        "play",
        "good.story",
        "--seed",
        "3",
        "--save-file",
        "saves/game.json",
        stdin="1\nu\ns\nl\nr\nq\n",
    )
    assert result.exit_code == 0, result.output
    no_traceback(result)
    out = result.stdout
    assert "Market Day" in out
    assert "You have 3 coins." in out and "You have 2 coins." in out
    assert "1. Buy bread" in out and "2. Walk home" in out and "3. Gamble" in out
    assert "Saved to saves/game.json." in out
    saved = json.loads(save_file.read_text(encoding="utf-8"))
    assert saved["format"] == "crossing-save"
    # After the undo, the save holds the first scene with 3 coins.
    assert saved["position"]["scene"] == "start"
    assert saved["position"]["vars"] == {"money": 3}
    assert saved["history"] == []


def test_interactive_play_to_an_ending(runner: CliRunner, write: Write, tmp_path: Path) -> None:
    write("good.story", GOOD)
    result = run(runner, "play", "good.story", "--seed", "1", stdin="2\n")
    assert result.exit_code == 0
    assert "Home with 3 coins." in result.stdout
    assert "Ending: safety" in result.stdout


def test_interactive_play_explains_unknown_commands(runner: CliRunner, write: Write) -> None:
    write("good.story", GOOD)
    result = run(runner, "play", "good.story", "--seed", "1", stdin="hello\nu\nl\n")
    assert result.exit_code == 0
    assert result.stdout.count("Type a number to choose") >= 2
    assert "Nothing to undo." in result.stdout
    assert "There is no save at" in result.stdout and "market-day.save.json yet" in result.stdout


def test_interactive_play_says_a_number_is_out_of_range(runner: CliRunner, write: Write) -> None:
    write("good.story", GOOD)
    result = run(runner, "play", "good.story", "--seed", "1", stdin="9\n0\n2\n4\nq\n")
    assert result.exit_code == 0
    no_traceback(result)
    out = result.stdout
    assert "There is no choice 9: type a number from 1 to 3." in out
    assert "There is no choice 0: type a number from 1 to 3." in out
    # 2 walks home: an ending, where a number has nothing to choose.
    assert "Home with 3 coins." in out
    assert "There is nothing to choose here. u steps back, r starts again, q quits." in out


def test_interactive_saves_go_to_the_user_data_folder(
    runner: CliRunner, write: Write, tmp_path: Path
) -> None:
    write("good.story", GOOD)
    result = run(runner, "play", "good.story", "--seed", "1", stdin="s\nl\nq\n")
    assert result.exit_code == 0, result.output
    save_file = tmp_path / "data" / "crossing" / "saves" / "market-day.save.json"
    assert json.loads(save_file.read_text(encoding="utf-8"))["story"] == "market-day"
    # Nothing is written where the player was started.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "good.story"]
    assert "There is no save" not in result.stdout


def test_interactive_save_to_a_folder_it_cannot_write(
    runner: CliRunner, write: Write, tmp_path: Path
) -> None:
    write("good.story", GOOD)
    write("blocker", "a file where a folder should be")
    result = run(runner, "play", "good.story", "--save-file", "blocker/game.json", stdin="s\nq\n")
    assert result.exit_code == 0
    no_traceback(result)
    assert "Cannot save to blocker/game.json" in result.stdout


def test_interactive_load_of_a_save_of_another_story(
    runner: CliRunner, write: Write, tmp_path: Path
) -> None:
    write("good.story", GOOD)
    other = {"format": "crossing-save", "format_version": 1, "story": "other"}
    write("other.save.json", json.dumps(other))
    result = run(runner, "play", "good.story", "--save-file", "other.save.json", stdin="l\nq\n")
    assert result.exit_code == 0
    assert "belongs to the story 'other'" in result.stdout


def test_interactive_play_says_an_estimate_is_one_and_w_shows_why(
    runner: CliRunner, write: Write
) -> None:
    write("good.story", GOOD)
    result = run(runner, "play", "good.story", "--seed", "1", stdin="w\n3\nw\nq\n")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "No chance has been drawn yet with a note to read." in out
    assert "An estimate — no source counts this: it happens 50 times in 100." in out
    assert "Type w to read how this number was chosen." in out
    assert "Why this estimate" in out and "a fair coin" in out


def test_interactive_w_shows_a_record_chance_basis_and_cited_sources(
    runner: CliRunner, write: Write
) -> None:
    write(
        "basis.story",
        """
        title: Basis
        sources: sources.toml

        ## start
        chance: [^src]
          basis: seven in ten in table 2 of[^src]
          70% -> a
          30% -> b

        ## a
        ending: safety
        A.

        ## b
        ending: caught
        B.
        """,
    )
    write("sources.toml", SOURCE)
    result = run(runner, "play", "basis.story", "--seed", "1", stdin="w\nq\n")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "From the record: it happens" in out and "(The Source)." in out
    assert "How this number was found" in out
    assert "seven in ten in table 2 of[1]" in out


SOURCE = '[src]\ntitle = "The Source"\nauthor = "An Author"\nconfidence = "confirmed"\n'

TOUR = """
title: Tour
sources: sources.toml
places: places.toml
var n: int = 0

## start
title: The Start
place: town
date: 2020-05
Hello[^src] *world*, **strong** and [a link](https://example.org).
* Roll -> roll
* Stuck -> stuck

## roll
chance: [^src]
  1 -> done

## done
ending: safety
era: later
Done.

epilogue:
After.

## stuck
~ n = 0
* Never -> done if n > 0
"""


def test_interactive_play_shows_metadata_sources_chance_and_dead_ends(
    runner: CliRunner, write: Write
) -> None:
    write("tour.story", TOUR)
    write(
        "sources.toml",
        '[src]\ntitle = "The Source"\nauthor = "An Author"\ndate = "2020"\n'
        'url = "https://example.org/s"\nconfidence = "confirmed"\n',
    )
    write("places.toml", '[town]\nname = "Old Town"\nlat = 1\nlon = 2\n')
    result = run(runner, "play", "tour.story", "--seed", "2", stdin="1\nr\n2\nq\n")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "The Start · Old Town · 2020-05" in out
    assert "Hello[1] world, strong and a link." in out
    assert "[1] The Source — An Author, 2020, https://example.org/s" in out
    assert "From the record: it happens 1 times in 1 (The Source)." in out
    assert "Ending: safety" in out and "After." in out
    assert "The end. u steps back, r starts again, q quits." in out
    assert "The story has no way on from here." in out


def test_an_internal_error_reaches_the_user_as_a_message_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr("crossing.cli.load_source", broken)
    monkeypatch.setattr(sys, "argv", ["crossing", "check", "."])
    monkeypatch.delenv("CROSSING_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 70
    err = capsys.readouterr().err
    assert "internal error: RuntimeError('boom')" in err
    assert "Traceback" not in err

    monkeypatch.setenv("CROSSING_DEBUG", "1")
    with pytest.raises(RuntimeError, match="boom"):
        main()


# -- the journey's chances say where their numbers come from ----------------------------------


def test_check_fails_on_a_journey_chance_that_cites_a_source_for_an_estimate(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The flagship, with one estimate's background source moved onto `chance:`: the checker
    refuses to let the source stand for a number it does not give."""
    content = Path(__file__).parent.parent / "content"
    copy = tmp_path / "content"
    shutil.copytree(content, copy)
    chol = copy / "journey" / "chol.story"
    text = chol.read_text(encoding="utf-8")
    estimate = "chance:\n  assumption: The Defector's makers say guards may take a bribe"
    assert text.count(estimate) == 1
    text = text.replace(estimate, estimate.replace("chance:", "chance: [^defector-blog]"))
    text = text.replace("  background: [^defector-blog]\n", "", 1)
    chol.write_text(text, encoding="utf-8")
    line = text[: text.index("chance: [^defector-blog]")].count("\n") + 1

    result = run(runner, "check", str(copy / "journey"))
    assert result.exit_code == 1
    no_traceback(result)
    assert f"chol.story:{line}:9: error[E022]: this chance is an estimate" in result.stderr
    assert "'defector-blog'" in result.stderr and "background:" in result.stderr

    # As published, the journey checks clean.
    clean = run(runner, "check", str(content / "journey"))
    assert clean.exit_code == 0, clean.stderr
