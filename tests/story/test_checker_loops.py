"""E024: a set of scenes play can never leave once it enters them (closed_loops.py)."""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from crossing.story import load_source

from .conftest import Load


def loops_named(load: Load, text: str) -> list[list[str]]:
    diagnostics = load(text).diagnostics
    return [quoted(d.message) for d in diagnostics if d.code == "E024"]


def quoted(message: str) -> list[str]:
    """The scene names an E024 message lists (before 'once it enters')."""
    return re.findall(r"'([^']+)'", message.split(" once ")[0])


def test_a_divert_loop_with_no_way_out_is_an_error_at_its_first_scene(load: Load) -> None:
    loaded = load(
        "title: T\n\n## start\n* Go -> a\n* Stay -> home\n\n"
        "## a\n-> b\n\n## b\n-> a\n\n## home\nending: safety\n"
    )
    assert loaded.story is None
    [error] = [d for d in loaded.diagnostics if d.code == "E024"]
    assert error.position is not None
    assert (error.position.line, error.position.col) == (7, 4)  # '## a'
    assert quoted(error.message) == ["a", "b"]
    assert error.hint is not None and "leads out" in error.hint


def test_a_chance_loop_that_always_comes_back_is_an_error(load: Load) -> None:
    text = """\
title: T

## start
chance:
  assumption: a guess
  1 -> start
  1 -> again

## again
-> start
"""
    assert loops_named(load, text) == [["start", "again"]]


def test_a_self_loop_is_an_error(load: Load) -> None:
    assert loops_named(load, "title: T\n\n## spin\n-> spin\n") == [["spin"]]


def test_each_smallest_closed_set_is_reported_once(load: Load) -> None:
    # 'lead' only leads into the loop: it is no loop itself, and is not named.
    text = (
        "title: T\n\n## start\n* One -> lead\n* Two -> z\n\n## lead\n-> x\n\n"
        "## x\n-> y\n\n## y\n-> x\n\n## z\n-> z\n"
    )
    assert loops_named(load, text) == [["x", "y"], ["z"]]


def test_any_possible_way_out_is_enough(load: Load) -> None:
    """A conditional divert out, a choice, an ending reached by a chance, or a scene whose
    only divert is conditional (play may stop there): the state decides, `crossing odds`
    judges, the checker stays quiet."""
    ways_out = [
        "## a\n-> out if flag\n-> b\n\n## b\n-> a\n\n## out\nending: safety\n",
        "## a\n-> b\n\n## b\n* Leave -> out\n\n## out\nending: safety\n",
        "## a\nchance:\n  assumption: a guess\n  9 -> b\n  1 -> out\n\n## b\n-> a\n\n"
        "## out\nending: safety\n",
        "## a\n-> b\n\n## b\n-> a if flag\n",
    ]
    for body in ways_out:
        assert loops_named(load, "title: T\nvar flag = false\n\n" + body) == [], body


def test_a_long_loop_names_ten_scenes_and_counts_the_rest(load: Load) -> None:
    scenes = "".join(f"## s{i}\n-> s{(i + 1) % 15}\n\n" for i in range(15))
    [names] = loops_named(load, "title: T\n\n" + scenes)
    assert names == [f"s{i}" for i in range(10)]
    assert "and 5 more" in load("title: T\n\n" + scenes).diagnostics[0].message


# -- random scene graphs against a brute-force closure -----------------------------------


@dataclass(frozen=True)
class Shape:
    """One scene: an ending, or choices, diverts (target, conditional) and chance targets."""

    ending: bool
    choices: tuple[int, ...]
    diverts: tuple[tuple[int, bool], ...]
    outcomes: tuple[int, ...]


def shapes(size: int) -> st.SearchStrategy[Shape]:
    target = st.integers(0, size - 1)
    targets = st.lists(target, max_size=3).map(tuple)
    moving = st.builds(
        Shape,
        st.just(False),
        targets,
        st.lists(st.tuples(target, st.booleans()), max_size=2).map(tuple),
        targets,
    ).map(lambda s: Shape(False, s.choices, s.diverts, ()) if s.choices else s)
    return st.one_of(st.just(Shape(True, (), (), ())), moving)


graphs = st.integers(1, 6).flatmap(lambda n: st.lists(shapes(n), min_size=n, max_size=n))


def source(graph: list[Shape]) -> str:
    lines = ["title: T", "var flag = false", ""]
    for index, shape in enumerate(graph):
        lines.append(f"## s{index}")
        if shape.ending:
            lines += ["ending: safety", ""]
            continue
        for number, target in enumerate(shape.choices):
            lines.append(f"* Go {{#c{number}}} -> s{target}")
        for target, conditional in shape.diverts:
            lines.append(f"-> s{target}" + (" if flag" if conditional else ""))
        if shape.outcomes:
            lines += ["chance:", "  assumption: a guess"]
            lines += [f"  1 -> s{target}" for target in shape.outcomes]
        lines.append("")
    return "\n".join(lines)


def smallest_closed_sets(graph: list[Shape]) -> list[list[int]]:
    """Every nonempty set of automatic scenes whose every next scene is in it, and that
    holds no smaller such set: by trying every subset."""

    def automatic(shape: Shape) -> bool:
        unconditional = any(not conditional for _, conditional in shape.diverts)
        return not shape.ending and not shape.choices and (unconditional or bool(shape.outcomes))

    def closed(members: set[int]) -> bool:
        return all(
            automatic(graph[m])
            and all(t in members for t, _ in graph[m].diverts)
            and all(t in members for t in graph[m].outcomes)
            for m in members
        )

    sets = [
        set(subset)
        for size in range(1, len(graph) + 1)
        for subset in combinations(range(len(graph)), size)
        if closed(set(subset))
    ]
    return sorted(sorted(s) for s in sets if not any(other < s for other in sets))


@settings(max_examples=150, deadline=None)
@given(graphs)
def test_fires_exactly_for_the_smallest_closed_sets(graph: list[Shape]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "main.story"
        path.write_text(source(graph), encoding="utf-8")
        diagnostics = load_source(path).diagnostics
    assert not [d for d in diagnostics if d.severity == "error" and d.code != "E024"]
    named = sorted(
        sorted(int(name[1:]) for name in quoted(d.message)) for d in diagnostics if d.code == "E024"
    )
    assert named == smallest_closed_sets(graph)
