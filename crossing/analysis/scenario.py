"""Scenarios: a story started at another scene, with some variables set first.

`crossing odds --from choose_person --set year=y2019` asks what the odds are for a reader
who has already made the first choice: the analysis then runs on a copy of the story
whose start scene and initial values are replaced. The story itself is not changed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from crossing.story import compiled as c
from crossing.story.diagnostics import did_you_mean

from .encoding import value_range


class ScenarioError(ValueError):
    """A --from or --set that does not fit the story; the message says why."""


def _with_hint(message: str, name: str, candidates: Iterable[str]) -> ScenarioError:
    hint = did_you_mean(name, candidates)
    return ScenarioError(f"{message} ({hint})" if hint else message)


def parse_setting(text: str) -> tuple[str, str]:
    """Split `name=value`, refusing anything else."""
    name, equals, value = text.partition("=")
    if not equals or not name.strip() or not value.strip():
        raise ScenarioError(f"'{text}' is not of the form name=value")
    return name.strip(), value.strip()


def _initial_value(variable: c.Variable, text: str) -> int | bool:
    if variable.type == "bool":
        if text not in ("true", "false"):
            raise ScenarioError(f"'{variable.name}' is true or false, not '{text}'")
        return text == "true"
    if variable.type == "enum":
        if text not in variable.values:
            raise _with_hint(
                f"'{text}' is not a value of '{variable.name}' "
                f"(one of: {', '.join(variable.values)})",
                text,
                variable.values,
            )
        return variable.values.index(text)
    try:
        number = int(text)
    except ValueError:
        raise ScenarioError(f"'{variable.name}' is a whole number, not '{text}'") from None
    low, high = value_range(variable)
    if not low <= number <= high:
        raise ScenarioError(f"'{variable.name}' must be within {low}..{high}, not {number}")
    return number


def scenario(
    story: c.CompiledStory, start: str | None = None, settings: Iterable[str] = ()
) -> c.CompiledStory:
    """The story as if it began at `start` with each `name=value` already set."""
    values: dict[str, int | bool] = {}
    by_name = {variable.name: variable for variable in story.variables}
    for text in settings:
        name, value = parse_setting(text)
        if name not in by_name:
            raise _with_hint(f"unknown variable '{name}'", name, by_name)
        values[name] = _initial_value(by_name[name], value)
    start_index = story.start
    if start is not None:
        scenes = story.scene_index()
        if start not in scenes:
            raise _with_hint(f"unknown scene '{start}'", start, scenes)
        start_index = scenes[start]
    variables = tuple(
        dataclasses.replace(variable, initial=values[variable.name])
        if variable.name in values
        else variable
        for variable in story.variables
    )
    return dataclasses.replace(story, start=start_index, variables=variables)
