"""Scripted play and the transcript it prints."""

from __future__ import annotations

import json

import pytest

from crossing.story.runtime import Program
from crossing.story.transcript import (
    TRANSCRIPT_FORMAT,
    TRANSCRIPT_VERSION,
    ScriptError,
    parse_script,
    run_script,
)

from .conftest import Compile
from .helpers import MARKET


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("", []),
        ("1", ["1"]),
        ("1, 2,u, S ,U", ["1", "2", "u", "s", "u"]),
        ("1,,2,", ["1", "2"]),
        (" 10 ", ["10"]),
    ],
)
def test_parse_script(text: str, tokens: list[str]) -> None:
    assert parse_script(text) == tokens


@pytest.mark.parametrize("text", ["0", "x", "1,2,q", "-1", "1.5", "u s"])
def test_parse_script_refuses_other_tokens(text: str) -> None:
    with pytest.raises(ScriptError, match="is not a choice number"):
        parse_script(text)
    assert issubclass(ScriptError, ValueError)


def test_a_transcript_has_the_documented_shape(compile_story: Compile) -> None:
    story = compile_story(MARKET)
    transcript = run_script(story, 7, ["1", "3"])
    assert json.loads(json.dumps(transcript)) == transcript
    assert {k: transcript[k] for k in ("format", "format_version", "story", "story_version")} == {
        "format": TRANSCRIPT_FORMAT,
        "format_version": TRANSCRIPT_VERSION,
        "story": "market-day",
        "story_version": "2",
    }
    assert (transcript["seed"], transcript["script"]) == (7, ["1", "3"])
    steps = transcript["steps"]
    first = steps[0]
    assert first["scene"] == "wake"
    assert first["taken"] == "wake/wake"
    assert first["vars"] == {"money": 3, "tired": False, "season": "summer", "health": 2}
    assert first["choices"] == [
        {"id": "wake/wake", "text": "Buy bread"},
        {"id": "wake/rest", "text": "Rest"},
        {"id": "wake/street", "text": "Go out"},
    ]
    assert steps[1]["taken"] == "wake/street"
    street = steps[2]
    assert street["scene"] == "street"
    assert set(street["chance"]) == {"roll", "total", "outcome", "target"}
    end = transcript["end"]
    assert end["status"] == "ending"
    assert end["scene"] == steps[-1]["scene"] == end["ending"]
    assert end["kind"] in ("safety", "caught")
    assert "ending" in steps[-1]


def test_undo_and_save_actions(compile_story: Compile) -> None:
    story = compile_story(MARKET)
    transcript = run_script(story, 1, ["1", "u", "s", "2"])
    actions = [s.get("action") for s in transcript["steps"]]
    assert actions == [None, None, "undo", None, "save", "restore", None, None, None]
    steps = transcript["steps"]
    assert steps[0]["taken"] == "wake/wake"
    assert steps[2] == {"action": "undo", "done": True}
    # After the undo, the first scene is shown again exactly as it was first shown.
    assert steps[3] == {k: v for k, v in steps[0].items() if k != "taken"}
    assert steps[4]["save"]["format"] == "crossing-save"
    assert steps[5] == {"action": "restore", "messages": []}
    # The restored scene is shown again, then the choice is taken from it.
    assert steps[6]["scene"] == "wake" and steps[6]["taken"] == "wake/rest"
    assert [steps[7]["scene"], steps[7]["divert"], steps[8]["scene"]] == ["rest", "wake", "wake"]
    assert transcript["end"] == {"status": "awaiting_choice", "scene": "wake"}


def test_an_undo_with_nothing_to_undo(compile_story: Compile) -> None:
    story = compile_story(MARKET)
    transcript = run_script(story, 1, ["u", "1"])
    steps = transcript["steps"]
    assert steps[1] == {"action": "undo", "done": False}
    # The choice taken next belongs to the scene's step, not to the undo record.
    assert steps[0]["taken"] == "wake/wake"
    assert [s.get("scene") for s in steps] == ["wake", None, "wake"]


def test_a_choice_that_is_not_offered_ends_with_an_error(compile_story: Compile) -> None:
    story = compile_story(MARKET)
    transcript = run_script(story, 0, ["1", "4"])
    assert transcript["end"] == {
        "status": "error",
        "message": "script step 2: choice 4 is not offered (3 choices offered)",
    }
    ended = run_script(story, 0, ["3", "1"])
    assert ended["end"] == {
        "status": "error",
        "message": "script step 2: choice 1 is not offered (0 choices offered)",
    }


def test_one_choice_offered_is_singular(compile_story: Compile) -> None:
    story = compile_story("title: T\n## s\n* Go -> e\n## e\nending: safety\n")
    transcript = run_script(story, 0, ["2"])
    assert transcript["end"]["message"].endswith("(1 choice offered)")


def test_dead_end_and_loop(compile_story: Compile) -> None:
    stuck = compile_story(
        "title: T\nvar n: int = 0\n## s\n~ n = 0\n* Go -> e if n > 0\n## e\nending: safety\n"
    )
    assert run_script(stuck, 0, [])["end"] == {"status": "dead_end", "scene": "s"}
    # `if true`: the checker refuses a loop it can see has no way out (E024).
    loop = compile_story("title: T\n## a\n-> b\n## b\n-> a if true\n")
    transcript = run_script(loop, 0, [])
    assert transcript["end"]["status"] == "error"
    assert "without a decision" in transcript["end"]["message"]
    assert transcript["steps"] == []


def test_a_program_can_be_reused(compile_story: Compile) -> None:
    story = compile_story(MARKET)
    program = Program(story)
    assert run_script(story, 3, ["3"], program) == run_script(story, 3, ["3"])
