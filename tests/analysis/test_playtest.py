"""Seeded random playthroughs (`crossing test`): counts, seeds, failures and their
reproduction commands, --avoid-used, and the command's output and exit codes."""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crossing.analysis.playtest import (
    DEAD_END,
    ERROR,
    FAILURE_KINDS,
    LOOP,
    TOO_LONG,
    PlaytestReport,
    chooser_seed,
    render_text,
    run_playtests,
    run_seed,
)
from crossing.cli import cli
from crossing.story import CompiledStory, load_source
from crossing.story.checker import check_project
from crossing.story.loader import Project
from crossing.story.parser import parse_file
from crossing.story.rng import MASK
from crossing.story.runtime import Program
from crossing.story.source import decode
from crossing.story.transcript import run_script

Compile = Callable[..., CompiledStory]
Write = Callable[[str, "str | bytes"], Path]

ROOT = Path(__file__).resolve().parents[2]
MARKET_DAY = ROOT / "examples" / "market-day"

LOCKED_OUT = """
title: Locked Out
var key: bool = false

## door
The front door is locked.
* Use the key -> inside if key
* Climb the fence -> yard
* Jump into the ditch -> ditch

## yard
~ key = false
The yard is empty, and you have no key.
* Use the key -> inside if key
* Search the shed -> shed if key

## ditch
You are stuck in the ditch.

## shed
ending: safety
A spare key in the shed.

## inside
ending: safety
Inside at last.
"""

# `if true`: the checker refuses a loop it can see has no way out (E024); play diverts
# all the same.
DIVERT_LOOP = """
title: Round and Round

## start
* Go round -> a
* Go home -> home

## a
-> b

## b
-> a if true

## home
ending: safety
Home.
"""

FOREVER = """
title: Again

## start
Once more.
* Again -> start
"""

BRIDGE = """
title: The Bridge

## start
* Take the ferry -> ferry
* Wait for the bridge -> bridge

## ferry
chance:
  assumption: a made-up number for a test
  90% -> across
  10% -> stranded

## bridge
* Cross at dawn -> across
* Give up -> stranded

## across
ending: safety
Across.

## stranded
ending: stranded
Still here.
"""

SECRET = """
title: Secret
var key: bool = false

## start
* Open the vault -> vault if key
* Take the left road -> left
* Take the right road -> right

## vault
ending: safety
Gold.

## left
ending: safety
Left.

## right
ending: stranded
Right.
"""


def fan(branches: int) -> str:
    """A start scene with `branches` equally likely choices, each to its own ending."""
    lines = ["title: Fan", "", "## start"]
    lines += [f"* Road {i} -> end{i}" for i in range(branches)]
    for i in range(branches):
        lines += ["", f"## end{i}", "ending: safety", f"End {i}."]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def market_day() -> CompiledStory:
    story = load_source(MARKET_DAY).story
    assert story is not None
    return story


def replay(story: CompiledStory, seed: int, script: tuple[int, ...]) -> dict[str, Any]:
    """The end of a scripted play, as `crossing play --seed --script` would print it."""
    end: dict[str, Any] = run_script(story, seed, [str(p) for p in script])["end"]
    return end


def assert_consistent(report: PlaytestReport, story: CompiledStory) -> None:
    """What every report must satisfy, whatever the story."""
    assert sum(report.endings.values()) == report.runs - len(report.failures) == report.ended
    assert sum(report.ending_kinds.values()) == report.ended
    assert list(report.scene_hits) == [scene.id for scene in story.scenes]
    assert list(report.choice_hits) == [ch.id for scene in story.scenes for ch in scene.choices]
    assert sum(report.choice_hits.values()) == report.total_decisions
    assert report.most_decisions <= report.max_decisions
    for ending, count in report.endings.items():
        assert report.scene_hits[ending] >= count
    assert set(report.scenes_never_hit) == {s for s, n in report.scene_hits.items() if n == 0}
    assert [f.run for f in report.failures] == sorted({f.run for f in report.failures})
    for failure in report.failures:
        assert failure.kind in FAILURE_KINDS
        assert failure.seed == run_seed(report.seed, failure.run)
        assert all(position >= 1 for position in failure.script)


def assert_reproduces(story: CompiledStory, report: PlaytestReport) -> None:
    """Each failure's seed and script lead `crossing play` to the same failure."""
    for failure in report.failures:
        end = replay(story, failure.seed, failure.script)
        if failure.kind == DEAD_END:
            assert end == {"status": "dead_end", "scene": failure.scene}
        elif failure.kind == LOOP:
            assert end["status"] == "error"
            assert "without a decision" in end["message"]
        elif failure.kind == TOO_LONG:
            assert len(failure.script) == report.max_decisions
            assert end == {"status": "awaiting_choice", "scene": failure.scene}


# -- counts and seeds ---------------------------------------------------------------------


def test_counts_add_up(compile_story: Compile) -> None:
    story = compile_story(BRIDGE)
    report = run_playtests(story, 500, 3)
    assert_consistent(report, story)
    assert report.ok and report.ended == 500
    hits = report.scene_hits
    assert hits["start"] == 500
    assert report.endings == {"across": hits["across"], "stranded": hits["stranded"]}
    assert hits["across"] + hits["stranded"] == 500
    assert report.ending_kinds["safety"] == hits["across"]
    assert report.ending_kinds["stranded"] == hits["stranded"]
    assert report.choice_hits["start/ferry"] == hits["ferry"]
    assert report.choice_hits["start/bridge"] == hits["bridge"]
    assert hits["ferry"] + hits["bridge"] == 500
    assert (
        report.choice_hits["bridge/across"] + report.choice_hits["bridge/stranded"]
        == (hits["bridge"])
    )
    # One decision by ferry, two by the bridge.
    assert report.total_decisions == 500 + hits["bridge"]
    assert report.most_decisions == 2
    assert report.mean_decisions == report.total_decisions / 500
    # Uniform choices, a 90% chance: far from the edges for 500 runs.
    assert 200 < hits["ferry"] < 300
    assert 0.8 < (hits["across"] - report.choice_hits["bridge/across"]) / hits["ferry"] < 0.97
    assert report.scenes_never_hit == [] and report.choices_never_hit == []


def test_market_day_counts_add_up(market_day: CompiledStory) -> None:
    for avoid_used in (False, True):
        report = run_playtests(market_day, 300, 0, avoid_used)
        assert_consistent(report, market_day)
        assert report.ok
        assert report.scene_hits[market_day.scenes[market_day.start].id] == 300


def test_same_seed_same_report_and_other_seeds_differ(market_day: CompiledStory) -> None:
    first = run_playtests(market_day, 300, 11)
    assert run_playtests(market_day, 300, 11).to_json() == first.to_json()
    others = [run_playtests(market_day, 300, seed).to_json() for seed in (12, 500, MASK)]
    hits = [first.to_json()["choice_hits"], *(other["choice_hits"] for other in others)]
    assert len({json.dumps(h, sort_keys=True) for h in hits}) == len(hits)


def test_runs_are_independent_of_how_many_runs_follow(market_day: CompiledStory) -> None:
    """Run r depends on (seed, r) only: a longer test starts with the same runs."""
    short = run_playtests(market_day, 40, 5, max_decisions=2)
    long = run_playtests(market_day, 90, 5, max_decisions=2)
    assert short.failures == long.failures[: len(short.failures)]
    assert all(f.kind == TOO_LONG for f in long.failures) and len(long.failures) == 90


def test_seeds_wrap_around(market_day: CompiledStory) -> None:
    report = run_playtests(market_day, 3, MASK, max_decisions=1)
    assert [f.seed for f in report.failures] == [MASK, 0, 1]
    assert chooser_seed(MASK, 2) == (MASK << 32) | 2
    assert_reproduces(market_day, report)


def test_bad_arguments(market_day: CompiledStory) -> None:
    with pytest.raises(ValueError, match="seed"):
        run_playtests(market_day, 1, MASK + 1)
    with pytest.raises(ValueError, match="runs"):
        run_playtests(market_day, -1, 0)
    with pytest.raises(ValueError, match="max_decisions"):
        run_playtests(market_day, 1, 0, max_decisions=-1)
    empty = run_playtests(market_day, 0, 0)
    assert empty.ok and empty.mean_decisions == 0.0
    assert "0 runs" in render_text(empty, "x")


# -- failures and their reproduction ------------------------------------------------------


def test_dead_ends_are_reported_with_a_script_that_reproduces_them(
    compile_story: Compile,
) -> None:
    story = compile_story(LOCKED_OUT)
    report = run_playtests(story, 40, 0)
    assert_consistent(report, story)
    assert len(report.failures) == 40 and report.ended == 0
    assert {f.kind for f in report.failures} == {DEAD_END}
    assert {f.scene for f in report.failures} == {"yard", "ditch"}
    for failure in report.failures:
        # Climbing the fence (offered second) leads to the yard; the ditch is third.
        assert failure.script == ((1,) if failure.scene == "yard" else (2,))
    assert_reproduces(story, report)
    assert report.scenes_never_hit == ["shed", "inside"]
    assert report.choices_never_hit == ["door/inside", "yard/inside", "yard/shed"]


def test_the_printed_command_reproduces_a_dead_end(write: Write) -> None:
    path = write("locked out.story", LOCKED_OUT)
    result = invoke("test", path.name, "--runs", "5", "--seed", "9")
    assert result.exit_code == 1
    commands = [line.strip() for line in result.stdout.splitlines() if "crossing play" in line]
    assert len(commands) == 5
    for command in commands:
        words = shlex.split(command)
        assert words[:3] == ["crossing", "play", "locked out.story"]
        played = invoke(*words[1:], "--json")
        assert played.exit_code == 0
        end = json.loads(played.stdout)["end"]
        assert end["status"] == "dead_end" and end["scene"] in ("yard", "ditch")
        assert f"dead end in '{end['scene']}'" in result.stdout


def test_a_divert_loop_is_a_runtime_error(compile_story: Compile) -> None:
    story = compile_story(DIVERT_LOOP)
    report = run_playtests(story, 12, 1)
    assert_consistent(report, story)
    loops = [f for f in report.failures if f.kind == LOOP]
    assert loops and len(loops) == len(report.failures)
    assert 0 < report.ended < 12
    for failure in loops:
        assert failure.script == (1,) and failure.scene == "start"
        assert "more than 10000 scenes in a row without a decision" in failure.message
    assert_reproduces(story, report)


def test_a_loop_before_any_decision_replays_with_an_empty_script(write: Write) -> None:
    path = write("loop.story", "title: L\n\n## a\n-> b\n\n## b\n-> a if true\n")
    result = invoke("test", path.name, "--runs", "1", "--json")
    assert result.exit_code == 1
    failure = json.loads(result.stdout)["failures"][0]
    assert (failure["kind"], failure["scene"], failure["script"]) == (LOOP, None, "")
    assert failure["reproduce"] == "crossing play loop.story --seed 0 --script ''"
    played = invoke(*shlex.split(failure["reproduce"])[1:], "--json")
    assert played.exit_code == 1
    assert json.loads(played.stdout)["end"]["status"] == "error"


def test_an_exception_while_playing_is_reported_not_raised(
    compile_story: Compile, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = compile_story(SECRET)
    right = story.scene_index()["right"]
    original = Program.enter

    def broken(self: Program, scene: int, values: tuple[Any, ...]) -> tuple[Any, ...]:
        if scene == right:
            raise ZeroDivisionError("integer division or modulo by zero")
        return original(self, scene, values)

    monkeypatch.setattr(Program, "enter", broken)
    report = run_playtests(story, 30, 0)
    assert_consistent(report, story)
    assert report.failures and {f.kind for f in report.failures} == {ERROR}
    assert report.ended + len(report.failures) == 30
    for failure in report.failures:
        assert failure.script == (2,) and failure.scene == "start"
        assert failure.message.startswith("runtime error: ZeroDivisionError(")
    assert report.endings == {"vault": 0, "left": report.ended, "right": 0}
    # The failing move's steps are lost: the broken scene is never counted as entered.
    assert report.scene_hits["right"] == 0
    # The script replays the run into the same exception.
    with pytest.raises(ZeroDivisionError):
        replay(story, report.failures[0].seed, report.failures[0].script)


def test_a_story_that_never_ends_fails_after_max_decisions(compile_story: Compile) -> None:
    story = compile_story(FOREVER)
    report = run_playtests(story, 4, 0, max_decisions=25)
    assert_consistent(report, story)
    assert [f.kind for f in report.failures] == [TOO_LONG] * 4
    assert [f.run for f in report.failures] == [0, 1, 2, 3]
    assert all(f.script == (1,) * 25 and f.scene == "start" for f in report.failures)
    assert all(f.message == "no ending after 25 decisions" for f in report.failures)
    assert report.choice_hits == {"start/start": 100}
    assert report.scene_hits == {"start": 104}
    assert (report.total_decisions, report.most_decisions) == (100, 25)
    assert_reproduces(story, report)


def test_unreachable_choices_and_scenes_are_never_hit(compile_story: Compile) -> None:
    story = compile_story(SECRET)
    report = run_playtests(story, 200, 0)
    assert report.ok
    assert report.scenes_never_hit == ["vault"]
    assert report.choices_never_hit == ["start/vault"]
    assert report.endings["vault"] == 0 and report.endings["left"] + report.endings["right"] == 200
    text = render_text(report, "secret.story")
    assert "scenes never hit (1): vault" in text
    assert "choices never hit (1): start/vault" in text


# -- --avoid-used -------------------------------------------------------------------------


@pytest.mark.parametrize("branches", [2, 5, 8])
def test_avoid_used_covers_n_branches_in_n_runs(compile_story: Compile, branches: int) -> None:
    story = compile_story(fan(branches))
    for seed in range(20):
        report = run_playtests(story, branches, seed, avoid_used=True)
        assert report.choices_never_hit == []
        assert set(report.endings.values()) == {1}


def test_without_avoid_used_n_runs_rarely_cover_n_branches(compile_story: Compile) -> None:
    story = compile_story(fan(8))
    covered = [not run_playtests(story, 8, seed).choices_never_hit for seed in range(20)]
    assert sum(covered) <= 2  # 8!/8**8: about one chance in 400 per seed


def test_avoid_used_prefers_choices_not_taken_earlier_in_the_same_run(
    compile_story: Compile,
) -> None:
    story = compile_story(
        """
        title: Three Doors

        ## hall
        * Red door -> hall
        * Green door -> hall
        * Blue door -> hall
        """
    )
    report = run_playtests(story, 6, 2, avoid_used=True, max_decisions=3)
    first = report.failures[0]
    assert sorted(first.script) == [1, 2, 3]  # three decisions, three different doors
    assert sum(report.choice_hits.values()) == 18  # later runs: all used, so uniform
    plain = [run_playtests(story, 1, seed, max_decisions=3).failures[0] for seed in range(30)]
    assert any(len(set(f.script)) < 3 for f in plain)


# -- the command --------------------------------------------------------------------------


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], env={"COLUMNS": "200"})


def test_cli_exit_0_and_the_text_summary() -> None:
    result = invoke("test", MARKET_DAY, "--runs", "200", "--seed", "4")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "market-day: 200 runs (story seeds 4 to 203): 200 ended, 0 failed"
    report = run_playtests(load_market_day(), 200, 4)
    supper = report.endings["supper"]
    assert f"  supper  {supper:>3}  {100 * supper / 200:5.1f}%" in lines
    mean, most = report.mean_decisions, report.most_decisions
    assert f"decisions per run: mean {mean:.2f}, max {most}" in lines
    scenes, choices = len(report.scene_hits), len(report.choice_hits)
    assert f"every scene ({scenes}) and choice ({choices}) was hit" in lines
    assert "scene hits" not in result.stdout


def load_market_day() -> CompiledStory:
    story = load_source(MARKET_DAY).story
    assert story is not None
    return story


def test_cli_hits_lists_every_scene_and_choice() -> None:
    result = invoke("test", MARKET_DAY, "--runs", "10", "--hits")
    assert result.exit_code == 0
    assert re.search(r"^  kitchen\s+10$", result.stdout, flags=re.M)
    assert re.search(r"^  market_gate/home\s+\d+$", result.stdout, flags=re.M)


def test_cli_json_shape() -> None:
    result = invoke("test", MARKET_DAY, "--runs", "50", "--json", "--avoid-used")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert list(data) == [
        "format",
        "format_version",
        "story",
        "story_version",
        "runs",
        "seed",
        "avoid_used",
        "max_decisions",
        "ok",
        "ended",
        "failed",
        "failures_by_kind",
        "failures",
        "endings",
        "ending_kinds",
        "decisions",
        "scene_hits",
        "choice_hits",
        "scenes_never_hit",
        "choices_never_hit",
    ]
    assert data["format"] == "crossing-playtest" and data["format_version"] == 1
    assert (data["runs"], data["seed"], data["avoid_used"], data["ok"]) == (50, 0, True, True)
    assert data["failures"] == [] and data["failed"] == 0
    assert data["failures_by_kind"] == dict.fromkeys(FAILURE_KINDS, 0)
    assert sum(data["endings"].values()) == 50
    assert data["decisions"]["total"] == sum(data["choice_hits"].values())
    assert data == run_playtests(load_market_day(), 50, 0, avoid_used=True).to_json(str(MARKET_DAY))


def test_cli_exit_1_lists_ten_failures_and_counts_the_rest(write: Write) -> None:
    write("forever.story", FOREVER)
    result = invoke("test", "forever.story", "--runs", "13", "--max-decisions", "4")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].endswith("0 ended, 13 failed")
    assert "failures (13: 13 too_long):" in result.stdout
    assert "run 9 (seed 9, 4 decisions): no ending after 4 decisions" in result.stdout
    assert "run 10 " not in result.stdout
    assert "  and 3 more (--json lists them all)" in result.stdout
    assert "crossing play forever.story --seed 0 --script 1,1,1,1" in result.stdout
    data = json.loads(
        invoke("test", "forever.story", "--runs", "13", "--max-decisions", "4", "--json").stdout
    )
    assert len(data["failures"]) == 13 and data["failures_by_kind"][TOO_LONG] == 13


@pytest.mark.parametrize(
    "args",
    [
        ["--runs", "0"],
        ["--runs", "10000001"],
        ["--seed", "-1"],
        ["--seed", "4294967296"],
        ["--max-decisions", "0"],
        ["--frobnicate"],
    ],
)
def test_cli_usage_errors_exit_2(args: list[str]) -> None:
    result = invoke("test", MARKET_DAY, *args)
    assert result.exit_code == 2
    assert "Usage:" in result.output


def test_cli_story_with_errors_exits_1(write: Write) -> None:
    write("typo.story", "title: T\n\n## start\n* Go -> nowhere\n")
    result = invoke("test", "typo.story")
    assert result.exit_code == 1
    assert "unknown scene 'nowhere'" in result.stderr


def test_the_docs_show_the_real_output() -> None:
    docs = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    section = docs[docs.index("## `crossing test PATH`") :]
    block = re.search(r"```\n\$ (crossing test examples/market-day[^\n]*)\n(.*?)```", section, re.S)
    assert block is not None
    words = shlex.split(block.group(1))
    result = invoke(*words[1:])
    assert result.exit_code == 0
    assert result.stdout == block.group(2)


# -- properties ---------------------------------------------------------------------------


def compile_text(text: str) -> CompiledStory | None:
    """Parse and check one story file in memory."""
    source, _ = decode("main.story", text.encode())
    assert source is not None
    story_file, problems = parse_file(source)
    project = Project(files=[story_file], texts={source.path: source.lines}, diagnostics=problems)
    return check_project(project).story


@st.composite
def small_stories(draw: st.DrawFn) -> str:
    """Stories of up to six scenes: choices (some conditional) lead anywhere; diverts and
    chances lead only forward, so no scene loops without a decision."""
    count = draw(st.integers(2, 6))
    lines = ["title: Random", "var flag: bool = false", ""]
    for index in range(count):
        lines.append(f"## s{index}")
        forward = list(range(index + 1, count))
        kinds = ["ending", "choices"] + (["divert", "chance"] if forward else [])
        kind = draw(st.sampled_from(kinds))
        if draw(st.booleans()):
            lines.append("~ flag = not flag")
        lines.append(f"Scene {index}.")
        if kind == "ending":
            lines.append(f"ending: {draw(st.sampled_from(['safety', 'stranded']))}")
        elif kind == "divert":
            lines.append(f"-> s{draw(st.sampled_from(forward))} if flag")
            lines.append(f"-> s{draw(st.sampled_from(forward))}")
        elif kind == "chance":
            lines += ["chance:", "  assumption: a test"]
            lines += [f"  {draw(st.integers(1, 3))} -> s{target}" for target in forward[:3]]
        else:
            for number in range(draw(st.integers(1, 3))):
                target = draw(st.integers(0, count - 1))
                condition = draw(st.sampled_from(["", " if flag", " if not flag"]))
                lines.append(f"* Choice {number} {{#c{number}}} -> s{target}{condition}")
        lines.append("")
    return "\n".join(lines)


@given(small_stories(), st.integers(0, MASK), st.integers(1, 30), st.booleans())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_random_stories_reports_are_consistent_and_failures_reproduce(
    text: str, seed: int, runs: int, avoid_used: bool
) -> None:
    story = compile_text(text)
    if story is None:  # a story the checker rejects: nothing to play
        return
    report = run_playtests(story, runs, seed, avoid_used, max_decisions=12)
    assert_consistent(report, story)
    assert {f.kind for f in report.failures} <= {DEAD_END, TOO_LONG}
    assert_reproduces(story, report)
    assert run_playtests(story, runs, seed, avoid_used, max_decisions=12) == report
