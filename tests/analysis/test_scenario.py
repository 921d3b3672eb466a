"""Scenarios (`--from SCENE --set NAME=VALUE`): the odds of a story begun elsewhere."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from click.testing import CliRunner

from crossing.analysis.odds import analyse
from crossing.analysis.scenario import ScenarioError, scenario
from crossing.cli import cli
from crossing.story.api import load_source

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "market-day"


def example():  # type: ignore[no-untyped-def]
    story = load_source(EXAMPLE).story
    assert story is not None
    return story


def random_safety(story) -> Fraction:  # type: ignore[no-untyped-def]
    value = analyse(story).kinds["safety"]["random"]
    assert isinstance(value, Fraction)
    return value


def test_without_from_or_set_the_story_is_unchanged() -> None:
    story = example()
    assert scenario(story) == story


def test_a_scenario_changes_the_start_and_the_initial_values_only() -> None:
    story = example()
    changed = scenario(story, "stairs", ["umbrella=true", "coins=10"])
    assert changed.scenes[changed.start].id == "stairs"
    initial = {v.name: v.initial for v in changed.variables}
    assert initial["umbrella"] is True and initial["coins"] == 10
    assert changed.scenes == story.scenes and changed.hash != story.hash
    assert {v.name: v.initial for v in story.variables}["umbrella"] is False


def test_the_odds_follow_the_values_set() -> None:
    # From the stairs, the umbrella changes only the weather's prose, so either value
    # gives the whole story's odds; with no coins there is nothing to buy for supper.
    story = example()
    whole = random_safety(story)
    with_umbrella = random_safety(scenario(story, "stairs", ["umbrella=true"]))
    without = random_safety(scenario(story, "stairs", ["umbrella=false"]))
    assert with_umbrella == without == whole == Fraction(5, 8)
    assert random_safety(scenario(story, "stairs", ["coins=0"])) == 0


def test_enum_values_are_set_by_name() -> None:
    changed = scenario(example(), None, ["dinner=fish"])
    dinner = next(v for v in changed.variables if v.name == "dinner")
    assert dinner.values[int(dinner.initial)] == "fish"


@pytest.mark.parametrize(
    ("start", "settings", "message"),
    [
        ("stair", [], "unknown scene 'stair' (did you mean 'stairs'?)"),
        (None, ["coin=3"], "unknown variable 'coin' (did you mean 'coins'?)"),
        (None, ["coins=99"], "'coins' must be within 0..50, not 99"),
        (None, ["coins=lots"], "'coins' is a whole number, not 'lots'"),
        (None, ["umbrella=yes"], "'umbrella' is true or false, not 'yes'"),
        (None, ["dinner=fsh"], "'fsh' is not a value of 'dinner' (one of: nothing, soup, fish)"),
        (None, ["coins"], "'coins' is not of the form name=value"),
        (None, ["=3"], "'=3' is not of the form name=value"),
    ],
)
def test_bad_scenarios_are_refused_precisely(
    start: str | None, settings: list[str], message: str
) -> None:
    with pytest.raises(ScenarioError) as caught:
        scenario(example(), start, settings)
    assert message in str(caught.value)


def test_odds_and_test_commands_take_from_and_set() -> None:
    runner = CliRunner()
    odds = runner.invoke(cli, ["odds", str(EXAMPLE), "--from", "stairs", "--set", "umbrella=true"])
    assert odds.exit_code == 0, odds.output
    assert "23 states" in odds.stdout
    test = runner.invoke(
        cli, ["test", str(EXAMPLE), "--runs", "50", "--from", "stairs", "--set", "coins=5"]
    )
    assert test.exit_code == 0, test.output
    assert "50 runs" in test.stdout


def test_a_bad_scenario_on_the_command_line_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["odds", str(EXAMPLE), "--set", "coins=99"])
    assert result.exit_code == 2
    assert result.stderr == "error: 'coins' must be within 0..50, not 99\n"
