"""Variations, as Ink has them: `{once: …}`, `{seq: …}`, `{cycle: …}`."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crossing.analysis.odds import analyse
from crossing.story.checker import check_project
from crossing.story.compiled import CompiledFormatError, from_json
from crossing.story.loader import Project
from crossing.story.parser import parse_file
from crossing.story.runtime import Program, Session
from crossing.story.saves import restore, save
from crossing.story.source import SourceFile

from .conftest import Compile, Load
from .helpers import at

LOOP = """\
title: Loop
var n = 0
## room
~ n += 1
{once: First visit.}

{seq: A | B | C} {cycle: x | y} {once: one | two}{if n > 2: {once: late}}
* Again -> room if n < 9
* {cycle: Leave | Go} -> out

## out
ending: safety
Out.
"""


def texts(session: Session, times: int, first: str) -> list[str]:
    shown = [first]
    for _ in range(times):
        shown.append(session.choose(0)[0].text)
    return shown


def test_each_kind_in_turn(compile_story: Compile) -> None:
    story = compile_story(LOOP)
    assert story.sites == ("room:1", "room:2", "room:3", "room:4", "room:5", "room:6")
    session, steps = Session.begin(Program(story), 1)
    shown = texts(session, 4, steps[0].text)
    assert shown == [
        "<p>First visit.</p>\n<p>A x one</p>",
        "\n<p>B y two</p>",
        "\n<p>C x late</p>",  # the `if` holds from the third visit: its once starts then
        "\n<p>C y </p>",
        "\n<p>C x </p>",
    ]


def test_choice_text_varies_too(compile_story: Compile) -> None:
    session, steps = Session.begin(Program(compile_story(LOOP)), 1)
    assert steps[0].choices is not None
    assert [c["text"] for c in steps[0].choices] == ["Again", "Leave"]
    assert [c["text"] for c in (session.choose(0)[0].choices or [])] == ["Again", "Go"]


def test_undo_and_saves_show_the_scene_as_it_was(compile_story: Compile) -> None:
    program = Program(compile_story(LOOP))
    session, _ = Session.begin(program, 1)
    second = session.choose(0)[0].text
    third = session.choose(0)[0].text
    undone = session.undo()
    assert undone is not None and undone[0].text == second
    assert session.choose(0)[0].text == third
    # Saved as play arrived in the third visit: counts after the second, by site key, only
    # those shown (room:3 came round to 0, room:5 has not been shown yet).
    assert save(session)["position"]["seen"] == {"room:1": 1, "room:2": 2, "room:4": 2}


def test_a_save_without_counts_means_none_shown(compile_story: Compile) -> None:
    program = Program(compile_story(LOOP))
    session, _ = Session.begin(program, 1)
    session.choose(0)
    data = json.loads(json.dumps(save(session)))
    del data["position"]["seen"]
    data["history"][0]["seen"] = {"room:2": "two", "gone:1": 3, "room:3": -1}
    restored, steps, messages = restore(program, data)
    assert steps[0].text == "<p>First visit.</p>\n<p>A x one</p>"
    assert messages == []
    assert restored.history[0].seen == (0, 0, 0, 0, 0, 0)


def test_keys_survive_edits_elsewhere(compile_story: Compile) -> None:
    program = Program(compile_story(LOOP))
    session, _ = Session.begin(program, 1)
    session.choose(0)
    data = json.loads(json.dumps(save(session)))
    # A new scene first: every site index moves, the keys do not.
    edited = LOOP.replace("## room\n", "## intro\n{once: New text.}\n-> room\n\n## room\n")
    restored, steps, _ = restore(Program(compile_story(edited)), data)
    assert restored.story.sites[0] == "intro:1"
    assert steps[0].text == "\n<p>B y two</p>"


def test_the_odds_ignore_variations(compile_story: Compile) -> None:
    plain = compile_story(LOOP.replace("{cycle: Leave | Go}", "Leave"))
    report, plain_report = analyse(compile_story(LOOP)), analyse(plain)
    assert report.states == plain_report.states
    assert report.endings == plain_report.endings


def test_a_lone_variation_leaves_no_empty_paragraph(compile_story: Compile) -> None:
    story = compile_story(LOOP)
    session, _ = Session.begin(Program(story), 1)
    assert "<p></p>" not in session.choose(0)[0].text
    data = from_json(json.loads(json.dumps(story.to_json())))
    assert data == story


def test_variations_cannot_explain_a_chance(load: Load) -> None:
    loaded = load(
        "title: T\n## s\nchance:\n  assumption: {once: a | b}\n  1 -> e\n## e\nending: safety\n"
    )
    assert "cannot show values or conditional text" in at(loaded, "E061", "main.story:4:15").message


KIND = st.sampled_from(["once", "seq", "cycle"])
PART = st.text("abc xyz", min_size=1, max_size=5).map(str.strip).filter(bool)


@settings(max_examples=150, deadline=None)
@given(kind=KIND, parts=st.lists(PART, min_size=1, max_size=4), visits=st.integers(1, 9))
def test_any_variation_follows_its_rule(kind: str, parts: list[str], visits: int) -> None:
    source = (
        "title: T\nvar n = 0\n## room\n~ n += 1\nSeen: {" + kind + ": " + " | ".join(parts) + "}\n"
        "* Again -> room\n* Out -> out\n## out\nending: safety\n~ n = n\n"
    )
    story_file, problems = parse_file(SourceFile("main.story", source))
    result = check_project(Project(files=[story_file], diagnostics=problems))
    assert result.story is not None, result.diagnostics
    session, steps = Session.begin(Program(result.story), 1)
    shown = [steps[0].text]
    for _ in range(visits - 1):
        shown.append(session.choose(0)[0].text)
    expected = []
    for i in range(visits):
        if kind == "once":
            part = parts[i] if i < len(parts) else ""
        elif kind == "seq":
            part = parts[min(i, len(parts) - 1)]
        else:
            part = parts[i % len(parts)]
        expected.append(f"<p>Seen: {part}</p>")
    assert shown == expected


def test_a_runtime_refuses_variations_it_cannot_play(compile_story: Compile) -> None:
    data = compile_story(LOOP).to_json()
    part = data["scenes"][0]["text"][0]
    assert part["vary"] == "once" and part["site"] == 0
    for broken in ({"site": 6}, {"vary": "sometimes"}, {"parts": []}):
        bad = json.loads(json.dumps(data))
        bad["scenes"][0]["text"][0] = {**part, **broken}
        with pytest.raises(CompiledFormatError, match="the compiled story is not valid: scenes"):
            from_json(bad)


def test_a_lone_exhausted_variation_inside_an_if_leaves_no_empty_paragraph(
    compile_story: Compile,
) -> None:
    story = compile_story(
        "title: T\nvar n = 0\n## room\n~ n += 1\nBefore.\n\n{if n > 0: {once: Once.}}\n\nAfter.\n"
        "* Again -> room\n* Out -> out\n## out\nending: safety\n~ n = n\n"
    )
    session, steps = Session.begin(Program(story), 1)
    assert steps[0].text == "<p>Before.</p>\n<p>Once.</p>\n<p>After.</p>"
    assert session.choose(0)[0].text == "<p>Before.</p>\n\n<p>After.</p>"


def test_parts_hold_values_formats_citations_and_conditions(compile_story: Compile) -> None:
    story = compile_story(
        "title: T\nsources: sources.toml\nvar n = 0\n## room\n~ n += 1000\n"
        "Paid {cycle: {n as USD}[^s] | {if n > 1500: a lot | *little*} | {n}}.\n"
        "* Again -> room\n* Out -> out\n## out\nending: safety\n~ n = n\n",
        {"sources.toml": '[s]\ntitle = "S"\nauthor = "A"\nconfidence = "confirmed"\n'},
    )
    assert story.scenes[0].sources == ("s",)
    session, steps = Session.begin(Program(story), 1)
    cite = '<sup class="cite"><a href="#source-s" data-source="s">1</a></sup>'
    assert steps[0].text == f"<p>Paid $1,000{cite}.</p>"
    assert session.choose(0)[0].text == "<p>Paid a lot.</p>"
    assert session.choose(0)[0].text == "<p>Paid 3000.</p>"
    assert session.choose(0)[0].text == f"<p>Paid $4,000{cite}.</p>"
