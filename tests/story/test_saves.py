"""Saves: the JSON form of a session, and restoring it into the same or a changed story."""

from __future__ import annotations

import json
from typing import Any

import pytest

from crossing.story.compiled import CompiledStory
from crossing.story.rng import seed_state
from crossing.story.runtime import Program, Session
from crossing.story.saves import SAVE_FORMAT, SAVE_VERSION, SaveError, restore, save

from .conftest import Compile
from .helpers import dedent

V1 = dedent(
    """
    title: Journey
    var n: int = 5
    var h: 0..10 = 7
    var s: {a, b, c} = c
    var gone: bool = true

    # One {#one}

    ## start
    ~ n += 1
    {n} {h} {s} {gone}
    * Go -> mid
      ~ gone = false
      ~ h = 9

    ## mid
    Mid {n}.
    * Next -> second

    # Two {#two}

    ## second
    ~ n += 100
    Second {n}.
    * Roll -> roll

    ## roll
    chance:
      assumption: even
      1 -> end
      1 -> end2

    ## end
    ending: safety
    ## end2
    ending: caught
    """
)


def played(story: CompiledStory, choices: list[int], seed: int = 4) -> Session:
    session, _ = Session.begin(Program(story), seed)
    for choice in choices:
        session.choose(choice)
    return session


def roundtrip(data: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(json.dumps(data))
    return result


def test_a_save_names_everything_by_id(compile_story: Compile) -> None:
    session = played(compile_story(V1), [0, 0])
    data = save(session)
    assert data["format"] == SAVE_FORMAT == "crossing-save"
    assert data["format_version"] == SAVE_VERSION == 1
    assert (data["story"], data["story_version"]) == ("journey", "1")
    assert data["position"] == {
        "scene": "second",
        "chapter": "two",
        "vars": {"n": 106, "h": 9, "s": "c", "gone": False},
        "rng": list(seed_state(4)),
    }
    assert [h["scene"] for h in data["history"]] == ["start", "mid"]
    assert data["history"][0]["vars"] == {"n": 6, "h": 7, "s": "c", "gone": True}
    assert roundtrip(data) == data


def test_a_scene_outside_chapters_saves_no_chapter(compile_story: Compile) -> None:
    story = compile_story("title: T\n## s\n* Go -> e\n## e\nending: safety\n")
    assert save(played(story, []))["position"]["chapter"] is None


def test_save_and_restore_round_trip(compile_story: Compile) -> None:
    story = compile_story(V1)
    program = Program(story)
    session = played(story, [0, 0])
    restored, steps, messages = restore(program, roundtrip(save(session)))
    assert messages == []
    assert restored.state == session.state
    assert restored.history == session.history
    assert restored.status == session.status
    assert [s.scene for s in steps] == ["second"]
    # The restored effects are not run again: n stays at 106.
    assert steps[0].values["n"] == 106
    # Both play on alike, chance included.
    assert [s.to_json() for s in restored.choose(0)] == [s.to_json() for s in session.choose(0)]
    assert restored.undo() is not None and session.undo() is not None
    assert restored.state == session.state


def test_restore_an_ended_session(compile_story: Compile) -> None:
    story = compile_story(V1)
    session = played(story, [0, 0, 0])
    restored, steps, messages = restore(Program(story), roundtrip(save(session)))
    assert messages == []
    assert restored.status == "ending"
    assert steps[-1].ending is not None


# -- changed stories ---------------------------------------------------------------------------


def restore_into(compile_story: Compile, old: str, new: str, choices: list[int]) -> Any:
    saved = roundtrip(save(played(compile_story(old), choices)))
    new_story = compile_story(new)
    return restore(Program(new_story), saved)


def test_a_removed_scene_gives_way_to_the_start_of_its_chapter(compile_story: Compile) -> None:
    new = V1.replace("## second\n~ n += 100\nSecond {n}.\n* Roll -> roll\n", "").replace(
        "# Two {#two}\n", "# Two {#two}\n\n## intro\n~ n += 1000\n{n}\n* Roll -> roll\n"
    )
    new = new.replace("* Next -> second", "* Next -> intro")
    session, steps, messages = restore_into(compile_story, V1, new, [0, 0])
    assert messages == [
        "the scene 'second' is no longer in the story; "
        "continuing from the start of the chapter 'Two'"
    ]
    assert session.scene.id == "intro"
    # The fallback scene is entered afresh: its effects run.
    assert steps[0].values["n"] == 1106
    assert [h.scene for h in session.history] == [0, 1]


def test_a_removed_scene_and_chapter_give_way_to_the_story_start(compile_story: Compile) -> None:
    new = V1.split("# Two {#two}")[0] + "## second2\nending: safety\n"
    new = new.replace("* Next -> second", "* Next -> second2")
    session, steps, messages = restore_into(compile_story, V1, new, [0, 0])
    assert messages == [
        "the scene 'second' is no longer in the story; starting again from the beginning"
    ]
    assert session.scene.id == "start"
    assert steps[0].values["n"] == 107  # the start scene's effect ran on 106


def test_new_removed_and_changed_variables(compile_story: Compile) -> None:
    new = (
        V1.replace("var gone: bool = true\n", "var fresh: int = 42\n")
        .replace("var s: {a, b, c} = c", "var s: {a, b} = b")
        .replace("var h: 0..10 = 7", "var h: 0..5 = 2")
        .replace("{gone}", "{fresh}")
        .replace("~ gone = false", "~ fresh = 1")
    )
    session, steps, messages = restore_into(compile_story, V1, new, [0])
    for expected in (
        "'s' has changed; it starts again at its initial value",
        "'fresh' is new in this version; it starts at its initial value",
        "'gone' is no longer in the story and was dropped",
    ):
        assert expected in messages
    # h was 9: outside the new range 0..5, it is clamped to 5, and the reader is told.
    assert "'h' no longer fits its range; it is now 5" in messages
    assert steps[0].values == {"n": 6, "h": 5, "s": "b", "fresh": 42}
    assert session.scene.id == "mid"


@pytest.mark.parametrize(
    ("saved", "expected"),
    [
        (3, 3),
        (-50, 0),
        (50, 10),
        (True, 7),
        ("3", 7),
        (3.0, 7),
        (None, 7),
    ],
)
def test_saved_values_of_the_wrong_kind_are_reset(
    compile_story: Compile, saved: object, expected: int
) -> None:
    story = compile_story(V1)
    data = roundtrip(save(played(story, [])))
    data["position"]["vars"]["h"] = saved
    _, steps, messages = restore(Program(story), data)
    assert steps[0].values["h"] == expected
    if expected == 7:  # not a number: reset, and the reader is told
        assert messages == ["'h' has changed; it starts again at its initial value"]
    elif saved == expected:  # fits as it is
        assert messages == []


def test_an_unranged_int_is_kept_within_the_integer_limits(compile_story: Compile) -> None:
    story = compile_story(V1)
    data = roundtrip(save(played(story, [])))
    data["position"]["vars"]["n"] = 10**12
    _, steps, _ = restore(Program(story), data)
    assert steps[0].values["n"] == 2147483647
    data["position"]["vars"]["n"] = -(10**12)
    _, steps, _ = restore(Program(story), data)
    assert steps[0].values["n"] == -2147483647


def test_bool_and_enum_values_are_checked(compile_story: Compile) -> None:
    story = compile_story(V1)
    data = roundtrip(save(played(story, [])))
    data["position"]["vars"]["gone"] = 1
    data["position"]["vars"]["s"] = "z"
    _, steps, messages = restore(Program(story), data)
    assert steps[0].values["gone"] is True and steps[0].values["s"] == "c"
    assert messages == [
        "'s' has changed; it starts again at its initial value",
        "'gone' has changed; it starts again at its initial value",
    ]


def test_vars_that_are_not_a_mapping_are_all_new(compile_story: Compile) -> None:
    story = compile_story(V1)
    data = roundtrip(save(played(story, [])))
    data["position"]["vars"] = ["n", 1]
    _, steps, messages = restore(Program(story), data)
    # Every variable takes its initial value; the exact scene's effects do not run again.
    assert steps[0].values == {"n": 5, "h": 7, "s": "c", "gone": True}
    assert len(messages) == 4
    assert all("is new in this version" in m for m in messages)


@pytest.mark.parametrize(
    "rng", [None, [0, 0, 0, 0], [1, 2, 3], [1, 2, 3, -4], "abcd", [1.5, 2, 3, 4]]
)
def test_a_damaged_random_state_starts_afresh(compile_story: Compile, rng: object) -> None:
    story = compile_story(V1)
    data = roundtrip(save(played(story, [])))
    data["position"]["rng"] = rng
    session, _, messages = restore(Program(story), data)
    assert messages == ["the save's random state was damaged; chance starts afresh"]
    assert session.state.rng == seed_state(0)


def test_history_entries_with_unknown_scenes_are_dropped(compile_story: Compile) -> None:
    story = compile_story(V1)
    data = roundtrip(save(played(story, [0, 0])))
    data["history"][0]["scene"] = "deleted"
    data["history"].append("not a snapshot")
    session, _, messages = restore(Program(story), data)
    assert messages == ["some earlier steps could not be kept, so undo goes back less far"]
    assert [story.scenes[h.scene].id for h in session.history] == ["mid"]


def test_repeated_messages_are_given_once(compile_story: Compile) -> None:
    story = compile_story(V1)
    data = roundtrip(save(played(story, [0, 0])))
    for entry in data["history"]:
        entry["scene"] = "gone"
    data["history"].append(7)
    _, _, messages = restore(Program(story), data)
    assert messages.count("some earlier steps could not be kept, so undo goes back less far") == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: "not a dict", "this is not a Crossing save"),
        (lambda d: {**d, "format": "other"}, "this is not a Crossing save"),
        (lambda d: {**d, "format_version": 2}, "save format version 2 is not supported"),
        (lambda d: {k: v for k, v in d.items() if k != "format_version"}, "None is not supported"),
        (lambda d: {**d, "story": "another"}, "belongs to the story 'another', not 'journey'"),
        (lambda d: {**d, "position": None}, "the save is damaged: it has no position"),
        (lambda d: {**d, "history": {}}, "the save is damaged: its history is not a list"),
    ],
)
def test_saves_that_cannot_be_used_are_refused(
    compile_story: Compile, change: Any, message: str
) -> None:
    story = compile_story(V1)
    data = change(roundtrip(save(played(story, [0]))))
    with pytest.raises(SaveError) as caught:
        restore(Program(story), data)
    assert message in str(caught.value)


def test_a_save_without_history_restores_with_none(compile_story: Compile) -> None:
    story = compile_story(V1)
    data = roundtrip(save(played(story, [0])))
    del data["history"]
    session, _, messages = restore(Program(story), data)
    assert session.history == []
    assert messages == []
