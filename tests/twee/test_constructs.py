"""The constructs the compiler rewrites (visit counts, once-only and fallback choices,
weave, tunnels, Ink's `[ ]` text) through the Twee interchange: internal variables under
SugarCube names and back, and the source written so the compiled story comes back the same
(the corpus cases themselves are in test_round_trip.py)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crossing.interchange.decompile import DecompileError, decompile
from crossing.interchange.names import crossing_name, sugarcube_name
from crossing.interchange.twee_export import export_twee
from crossing.interchange.twee_import import import_twee
from crossing.story.api import load_source
from crossing.story.compiled import CompiledStory

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "conformance"
JS_NAME = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")


def _story(case: str) -> CompiledStory:
    loaded = load_source(CORPUS / case)
    assert loaded.story is not None
    return loaded.story


@given(
    st.sampled_from(["visits", "once", "return"]),
    st.from_regex(r"[A-Za-z_][A-Za-z0-9_-]*(/[A-Za-z0-9_-]+){0,3}", fullmatch=True),
)
def test_internal_names_map_to_javascript_names_and_back(kind: str, rest: str) -> None:
    name = f"{kind}:{rest}"
    mapped = sugarcube_name(name)
    assert JS_NAME.fullmatch(mapped)
    assert crossing_name(mapped) == name  # reversible, hence collision-free


@given(st.from_regex(r"[A-Za-z_][A-Za-z0-9_]*", fullmatch=True))
def test_authors_names_are_kept_and_never_read_as_internal(name: str) -> None:
    assert sugarcube_name(name) == name
    assert crossing_name(name) == name


def test_internal_variables_are_set_and_printed_under_their_sugarcube_names() -> None:
    text = export_twee(_story("48-visits-and-once"))
    assert "<<set $visits$office to 0>>" in text
    assert "<<set $once$office$$ask to false>>" in text
    assert "<<set $visits$office to Math.clamp(($visits$office + 1), 0, 9)>>" in text
    assert "Visit <<print $visits$office>>." in text  # markup's naked $name stops at '$'
    tunnels = export_twee(_story("51-tunnels"))
    assert '/* $return$rules: "none", "->yard", "->gate" */'.replace(">", "\\u003e") in tunnels


def test_the_sugarcube_alone_brings_internal_variables_back_as_internal() -> None:
    story = _story("51-tunnels")
    text = export_twee(story)
    result = import_twee(text[: text.index(":: CrossingData")])
    assert result.errors == [] and result.story is not None
    back = {v.name: v for v in result.story.variables}
    assert back["return:rules"].internal
    assert back["return:rules"].values == ("none", "->yard", "->gate")
    assert not back["warned"].internal


def test_visits_and_once_are_written_as_source() -> None:
    main = decompile(_story("48-visits-and-once")).main
    assert "var visits" not in main and "once:" not in main  # the compiler makes them
    assert "Visit {visits(office)}." in main
    assert "{if seen(pier): You smell of the sea.}" in main
    assert "* Ask about the boat {#ask} {once} -> office" in main
    assert "* Leave -> gone if visits(pier) >= 2" in main
    assert "~ visits" not in main  # the counting effects are made again


def test_a_fallback_is_written_as_a_fallback_choice() -> None:
    main = decompile(_story("49-fallback")).main
    assert main.rstrip().split("## home")[0].rstrip().endswith("* -> home")
    assert "* Buy bread {once} -> stall if coins > 0" in main


def test_tunnels_are_written_as_calls_and_returns() -> None:
    main = decompile(_story("51-tunnels")).main
    assert "-> rules -> yard if warned" in main
    assert "* Ask the guard {#ask} -> rules -> yard" in main
    assert "* Read the sign {#sign} -> rules -> gate if not warned" in main
    assert "  ->->" in main
    assert "call-1" not in main


def test_weave_is_written_as_choices_with_bodies_and_gathers() -> None:
    main = decompile(_story("50-weave")).main
    # A body's effects come first: they run on entering, wherever the source had them.
    assert (
        "* Ask about the boat {#ask}\n"
        "  ~ knows = true\n"
        '  "Tomorrow," she says.\n'
        "  * Ask the price {#price}\n"
        '    "Ask the captain."\n'
        "  * Thank her {#thanks}\n"
        "    She nods.\n"
        "* Say nothing {#quiet}\n"
        "  The clock ticks.\n"
        "* Leave at once {#leave}\n"
        "  -> street\n"
        "- {if knows: You know about the boat. | You know nothing more.}\n"
    ) in main


def test_ink_choice_text_comes_back_as_a_body_that_compiles_the_same() -> None:
    """`* "I'm leaving[."]," I said. -> door` compiles as a choice whose body prints the
    text: the source written is that body, and compiles to the same story."""
    main = decompile(_story("53-ink-text")).main
    assert '* "I\'m leaving." {#leave}\n  "I\'m leaving," I said.\n  -> door' in main


def test_a_structure_the_source_cannot_say_is_reported_by_scene() -> None:
    """A weave branch whose choice has effects of its own (a hand-edited compiled file):
    the source has no place for them, so the import names it rather than move them."""
    story = _story("50-weave")
    office = story.scenes[0]
    ask = dataclasses.replace(office.choices[0], effects=story.scenes[1].effects)
    changed = dataclasses.replace(office, choices=(ask, *office.choices[1:]))
    odd = dataclasses.replace(story, scenes=(changed, *story.scenes[1:]))
    message = "scene 'office': choice 'office/ask' has a body and its own condition or effects"
    with pytest.raises(DecompileError, match=re.escape(message)):
        decompile(odd)
    result = import_twee(export_twee(odd))
    assert [p.message for p in result.errors] == [
        f"the story cannot be written as source: {message}"
    ]


def test_a_gather_inside_a_branch_comes_back(tmp_path: Path) -> None:
    (tmp_path / "main.story").write_text(
        "title: Nested\nvar n = 0\n\n## a\nStart.\n"
        "* One {#one}\n  In one.\n  * Deep {#deep}\n    Deeper.\n  * Shallow {#shallow}\n"
        "    Less.\n  - Back in one.\n  ~ n += 1\n  * Go {#go} -> b\n"
        "* Two {#two}\n  Two.\n- All back.\n* End -> b\n\n## b\nending: safety\nDone.\n",
        encoding="utf-8",
    )
    loaded = load_source(tmp_path)
    assert loaded.story is not None
    assert "a/gather-2" in [s.id for s in loaded.story.scenes]
    result = import_twee(export_twee(loaded.story))
    assert result.problems == []
    assert result.story is not None and result.story.to_json() == loaded.story.to_json()
    assert result.files is not None and "  - ~ n = n + 1\n  Back in one.\n" in result.files.main


def test_a_twine_name_with_a_dollar_is_not_taken_for_an_internal_one() -> None:
    assert crossing_name("gold$coins") == "gold$coins"
    assert crossing_name("visits$x$$y") == "visits:x/y"
