"""Weave: choices with indented bodies, nested choices and gathers, turned by the parser
into scenes of their own (crossing/story/weave.py)."""

from __future__ import annotations

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from crossing.story.checker import check_project
from crossing.story.compiled import from_json
from crossing.story.loader import Project
from crossing.story.parser import parse_file
from crossing.story.runtime import Program, Session
from crossing.story.source import SourceFile

from .conftest import Compile, Load
from .helpers import at, codes

HARBOR = """
title: Weave
var knows = false

## harbor
The harbor is busy.
* Ask about the boat {#ask}
  "Tomorrow," says the clerk.
  ~ knows = true
  * Ask the price {#price}
    "Too much."
  * Thank him {#thanks} {once}
* Look at the sea
  It is grey.
  -> pier
- You turn back to the street.{if knows: You know about the boat.}
* Go home -> home

## pier
ending: safety
The pier.

## home
ending: safety
Home.
"""


def test_branches_and_gathers_become_scenes(compile_story: Compile) -> None:
    story = compile_story(HARBOR)
    scenes = {scene.id: scene for scene in story.scenes}
    index = story.scene_index()
    assert list(scenes) == [
        "harbor", "harbor/ask", "harbor/ask/price", "harbor/ask/thanks",
        "harbor/choice-2", "harbor/gather-1", "pier", "home",
    ]  # fmt: skip
    harbor = scenes["harbor"]
    assert [(c.id, c.target) for c in harbor.choices] == [
        ("harbor/ask", index["harbor/ask"]),
        ("harbor/choice-2", index["harbor/choice-2"]),
    ]
    assert scenes["harbor/ask"].text == "<p>&quot;Tomorrow,&quot; says the clerk.</p>"
    assert len(scenes["harbor/ask"].effects) == 1
    assert [c.id for c in scenes["harbor/ask"].choices] == ["harbor/ask/price", "harbor/ask/thanks"]
    gather = index["harbor/gather-1"]
    for loose in ("harbor/ask/price", "harbor/ask/thanks"):
        assert [(d.target, d.condition) for d in scenes[loose].diverts] == [(gather, None)]
    assert [d.target for d in scenes["harbor/choice-2"].diverts] == [index["pier"]]
    assert [c.id for c in scenes["harbor/gather-1"].choices] == ["harbor/gather-1/home"]


def test_a_branch_plays_its_body_then_flows_into_the_gather(compile_story: Compile) -> None:
    session, steps = Session.begin(Program(compile_story(HARBOR)), 1)
    steps = session.choose(0)
    assert [s.scene for s in steps] == ["harbor/ask"]
    steps = session.choose(0)
    assert [(s.scene, s.divert) for s in steps] == [
        ("harbor/ask/price", "harbor/gather-1"),
        ("harbor/gather-1", None),
    ]
    assert steps[1].text == "<p>You turn back to the street.You know about the boat.</p>"


def test_branches_keep_the_chapter_and_place_of_their_scene(compile_story: Compile) -> None:
    story = compile_story(
        """
        title: Places
        places: places.toml

        # The port
        ## harbor
        place: port
        * Wait
          Nothing happens.
        - Still here.
        -> gone

        ## gone
        ending: safety
        """,
        {"places.toml": '[port]\nname = "Port"\nlat = 1\nlon = 2\n'},
    )
    for scene in story.scenes[:3]:
        assert (scene.chapter, scene.place) == (0, "port"), scene.id
    assert [s.id for s in story.scenes] == ["harbor", "harbor/choice-1", "harbor/gather-1", "gone"]


def test_a_gather_inside_a_branch(compile_story: Compile) -> None:
    story = compile_story(
        """
        title: Nested
        ## start
        * Talk {#talk}
          * Yes {#yes}
          * No {#no}
          - You both fall silent.
        * Leave {#leave}
        - Later.
        -> end

        ## end
        ending: safety
        """
    )
    ids = [s.id for s in story.scenes]
    index = story.scene_index()
    assert ids == [
        "start", "start/talk", "start/talk/yes", "start/talk/no", "start/gather-1",
        "start/leave", "start/gather-2", "end",
    ]  # fmt: skip
    inner = story.scenes[index["start/gather-1"]]
    assert inner.text == "<p>You both fall silent.</p>"
    # The inner gather ends its branch's body; with no way on, it flows to the outer one.
    assert [d.target for d in inner.diverts] == [index["start/gather-2"]]
    assert [d.target for d in story.scenes[index["start/leave"]].diverts] == [
        index["start/gather-2"]
    ]


def test_loose_ends_of_nested_choices_flow_to_the_outer_gather(compile_story: Compile) -> None:
    story = compile_story(
        """
        title: Outer
        ## start
        * Talk {#talk}
          * Yes {#yes}
          * No {#no}
        * Leave {#leave}
        - Later.
        -> end

        ## end
        ending: safety
        """
    )
    index = story.scene_index()
    for loose in ("start/talk/yes", "start/talk/no", "start/leave"):
        assert [d.target for d in story.scenes[index[loose]].diverts] == [index["start/gather-1"]]


def test_a_branch_that_goes_nowhere(load: Load) -> None:
    loaded = load(
        """
        title: Nowhere
        ## start
        * Wait {#wait}
          Nothing happens.
        * Go -> end

        ## end
        ending: safety
        """
    )
    error = at(loaded, "E074", "main.story:3:1")
    assert error.message == "the choice's branch 'start/wait' goes nowhere"
    assert error.hint is not None and "'- …'" in error.hint
    assert "W102" not in codes(loaded)


def test_a_body_line_indented_less_than_its_first(load: Load) -> None:
    loaded = load(
        """
        title: Indents
        ## start
        * Wait {#wait}
            Nothing happens.
          Still nothing.
          -> end

        ## end
        ending: safety
        """
    )
    error = at(loaded, "E076", "main.story:5:1")
    assert error.hint == "indent it 4 spaces like the line above, or 0 to end the body"


def test_a_dash_line_without_choices_above_is_still_prose(compile_story: Compile) -> None:
    story = compile_story(
        """
        title: Dashes
        ## start
        - not a gather
        -> end

        ## end
        ending: safety
        """
    )
    assert "not a gather" in str(story.scenes[0].text)


# The fixture rewrites main.story for each example.
@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.booleans(), min_size=1, max_size=4), st.integers(0, 3))
def test_every_path_through_a_weave_reaches_the_gather(
    compile_story: Compile, targets: list[bool], pick: int
) -> None:
    """Branches with and without their own target: each loose one reaches the gather."""
    lines = ["title: Random", "## start"]
    for n, own in enumerate(targets):
        lines += [f"* Way {n} {{#w{n}}}", f"  Branch {n}."]
        if own:
            lines.append("  -> end")
    lines += ["- Gathered.", "-> end", "", "## end", "ending: safety", ""]
    story = compile_story("\n".join(lines))
    session, _ = Session.begin(Program(story), 1)
    way = pick % len(targets)
    steps = session.choose(way)
    expected = [f"start/w{way}"] + ([] if targets[way] else ["start/gather-1"])
    assert [s.scene for s in steps] == [*expected, "end"]


LINES = st.sampled_from(
    [
        "* Ask {#ask}", "* Ask {once}", "* Go -> end", "* -> end", "* Call -> mid -> end",
        "- Gathered.", "-", "->->", "->-> if seen(start)", "-> mid -> end", "-> end",
        "Some text. -> end", '* "Hi[."] I said. -> end', "~ n += 1", "{visits(start) / 2}",
        "chance:", "1 -> end", "assumption: a guess", "", "## mid", "## end", "ending: safety",
    ]
)  # fmt: skip


@settings(max_examples=300)
@given(st.lists(st.tuples(st.integers(0, 6), LINES), max_size=25))
def test_any_mix_of_weave_tunnel_and_ink_lines_checks_without_crashing(
    lines: list[tuple[int, str]],
) -> None:
    """Whatever the indents and order, the checker reports problems with positions and
    never raises; a story that compiles also loads back from its JSON."""
    text = "title: Soup\nvar n = 0\n## start\n" + "\n".join(" " * i + line for i, line in lines)
    story_file, problems = parse_file(SourceFile("main.story", text))
    result = check_project(Project(files=[story_file], diagnostics=problems))
    assert all(d.position is not None for d in result.diagnostics if d.severity == "error")
    event("compiles" if result.story is not None else "refused")
    if result.story is not None:
        assert from_json(result.story.to_json()) == result.story
