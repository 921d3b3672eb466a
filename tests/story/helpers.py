"""Small helpers shared by the story engine tests."""

from __future__ import annotations

import textwrap

from crossing.story import Loaded
from crossing.story.diagnostics import Diagnostic


def dedent(text: str) -> str:
    """A triple-quoted block (starting with a newline) without its indent and first newline;
    any other text as it is."""
    if not text.startswith("\n"):
        return text
    return textwrap.dedent(text)[1:]


def where(diagnostic: Diagnostic) -> str | None:
    """'path:line:col' of a diagnostic, as the CLI shows it."""
    pos = diagnostic.position
    return None if pos is None else f"{pos.path}:{pos.line}:{pos.col}"


def codes(loaded: Loaded) -> list[str]:
    return [d.code for d in loaded.diagnostics]


def located(loaded: Loaded) -> set[tuple[str, str | None]]:
    """Every (code, 'path:line:col') the story produced."""
    return {(d.code, where(d)) for d in loaded.diagnostics}


def with_code(loaded: Loaded, code: str) -> list[Diagnostic]:
    return [d for d in loaded.diagnostics if d.code == code]


def one(loaded: Loaded, code: str) -> Diagnostic:
    """The only diagnostic with `code`; fails with the full list otherwise."""
    found = with_code(loaded, code)
    assert len(found) == 1, f"expected one {code}, got {loaded.diagnostics}"
    return found[0]


def at(loaded: Loaded, code: str, place: str) -> Diagnostic:
    """The diagnostic with `code` at 'path:line:col'; fails with the full list otherwise."""
    found = [d for d in loaded.diagnostics if d.code == code and where(d) == place]
    assert found, (
        f"no {code} at {place}: {[(d.code, where(d), d.message) for d in loaded.diagnostics]}"
    )
    return found[0]


# A small valid story used by many tests: variables of every kind, a chapter, choices with
# conditions and effects, a chance, a divert and endings with an epilogue.
MARKET = dedent(
    """
    title: Market Day
    version: 2
    var money: int = 3
    var tired: bool = false
    var season: {summer, winter} = summer
    var health: 0..3 = 2

    # Morning {#morning}

    ## wake
    title: Waking up
    Money {money}, season {season}, tired {tired}, health {health}.
    * Buy bread -> wake if money > 0
      ~ money -= 1
      ~ health += 1
    * Rest -> rest if not tired
    * Go out -> street

    ## rest
    ~ tired = true
    ~ season = winter
    -> wake

    # Afternoon

    ## street
    chance:
      assumption: a guess
      1 -> caught
        ~ health -= 1
      3 -> home
    -> caught if health < 0

    ## caught
    ending: caught
    Caught with {money}.

    ## home
    ending: safety
    Home.

    epilogue:
    Later, {season}.
    """
)
