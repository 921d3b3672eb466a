"""`crossing odds` on the command line: text, JSON, limits and usage errors."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from story.conftest import Write

from crossing.cli import cli

from .stories import gamblers_ruin

EXAMPLE = str(Path(__file__).resolve().parents[2] / "examples" / "market-day")

LOOPING = gamblers_ruin(1000, 500)


def odds(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["odds", *args])
    return result.exit_code, result.stdout, result.stderr


def test_the_example_report_in_text() -> None:
    code, out, _ = odds(EXAMPLE)
    assert code == 0
    assert "31 states, 42 transitions, 7 decision states" in out
    assert "supper  safety    5/8 (62.5%)    1 (100%)   0" in out
    assert "decisions   37/12 (3.08)   13/4 (3.25)  3" in out


def test_the_example_report_in_json() -> None:
    code, out, _ = odds(EXAMPLE, "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["format"], data["format_version"], data["complete"]) == ("crossing-odds", 1, True)
    assert data["story"]["id"] == "market-day"
    assert data["method"] == "exact" and data["tolerance"] is None
    assert [e["scene"] for e in data["endings"]] == ["supper", "hungry"]
    assert data["endings"][0]["odds"]["random"] == {"exact": "5/8", "value": 0.625}
    assert data["kinds"]["stranded"]["worst"] == {"exact": "1", "value": 1.0}
    assert data["readers"]["random"]["expected_decisions"]["exact"] == "37/12"
    assert data["traps"] == {"states": 0, "scenes": [], "choices": [], "dead_ends": []}


def test_another_goal_turns_best_and_worst_around() -> None:
    code, out, _ = odds(EXAMPLE, "--json", "--goal", "stranded")
    assert code == 0
    data = json.loads(out)
    assert data["goal"] == "stranded"
    assert data["readers"]["best"]["goal"]["exact"] == "1"
    assert data["endings"][0]["odds"]["best"]["exact"] == "0"


def test_an_unknown_goal_is_a_usage_error() -> None:
    code, _, err = odds(EXAMPLE, "--goal", "safe")
    assert code == 2
    assert "'safe' is not an ending kind of this story" in err


def test_the_state_limit_stops_with_a_clear_message(write: Write) -> None:
    path = write("walk.story", LOOPING)
    code, out, err = odds(str(path), "--max-states", "50")
    assert code == 1
    assert out == ""
    assert err.startswith("error: stopped at the limit of 50 states: ")
    assert "Raise --max-states" in err
    code, out, _ = odds(str(path), "--max-states", "50", "--json")
    data = json.loads(out)
    assert (code, data["complete"], data["limit"]) == (1, False, 50)
    assert 0 < data["explored"] < 50


def test_a_story_with_errors_is_reported_not_analysed(write: Write) -> None:
    path = write("bad.story", "title: Bad\n\n## a\n-> nowhere\n")
    code, out, err = odds(str(path))
    assert code == 1
    assert out == ""
    assert "unknown scene 'nowhere'" in err


WIN_OR_LOSE = """
title: Toss
endings: win, lose

## toss
* Call heads -> coin
* Walk away -> lose

## coin
chance:
  assumption: a fair coin
  1 -> win
  1 -> lose

## win
ending: win

## lose
ending: lose
"""


def test_without_a_safety_kind_the_goal_is_the_first_declared_kind(write: Write) -> None:
    write("toss.story", WIN_OR_LOSE)
    code, out, err = odds("toss.story")
    assert (code, err) == (0, "")
    assert "Invalid value" not in out
    said = " ".join(out.split())
    assert (
        "choose what makes a win ending most and least likely (the story has no 'safety' kind, "
        "and no --goal was given: the goal is 'win', the first kind its 'endings:' line declares)"
    ) in said
    assert "  win     win   1/4 (25%)      1/2 (50%)  0\n" in out
    code, out, _ = odds("toss.story", "--json")
    assert code == 0 and json.loads(out)["goal"] == "win"
    code, out, _ = odds("toss.story", "--goal", "lose")
    assert code == 0 and "(the story has no 'safety' kind" not in out
    assert "choose what makes a lose ending" in out


def test_long_exact_fractions_are_shown_rounded_never_as_approximations(write: Write) -> None:
    from fractions import Fraction

    from crossing.analysis.odds import show_number, show_probability

    assert show_probability(Fraction(51, 200)) == "51/200 (25.5%)"
    assert show_probability(Fraction(255, 1000)) == "51/200 (25.5%)"
    assert show_probability(Fraction(2551, 10003)) == "2551/10003 (25.5%)"  # 10 characters
    assert show_probability(Fraction(25501, 100003)) == "25.5% (rounded)"
    assert show_number(Fraction(12345678, 1000001)) == "12.3 (rounded)"
    write("walk.story", gamblers_ruin(30, 15, 51, 49))
    code, out, _ = odds("walk.story")
    assert code == 0
    assert "≈" not in out
    assert "(rounded)" in out
    assert "Odds are exact fractions; long ones are shown rounded, and whole in --json." in out
    code, out, _ = odds(EXAMPLE)
    assert "(rounded)" not in out and "\nOdds are exact fractions.\n" in out
