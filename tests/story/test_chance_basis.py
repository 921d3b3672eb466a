"""Where a chance's numbers come from: the record (cited on `chance:`, with an optional
`basis:`) or an estimate (`assumption:`, with optional `background:` sources). E022."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crossing.story.checker import check_project
from crossing.story.loader import Project
from crossing.story.markup import citation_html
from crossing.story.parser import parse_file
from crossing.story.source import SourceFile
from crossing.story.tables import load_sources

from .conftest import Compile, Load
from .helpers import at, codes

ENDINGS = "\n## a\nending: safety\n## b\nending: caught\n"
SOURCES = {
    "sources.toml": "".join(
        f'[{key}]\ntitle = "{key.upper()}"\nauthor = "A"\nconfidence = "confirmed"\n'
        for key in ("rec", "ctx", "other")
    )
}


def story(*lines: str) -> str:
    body = "".join(f"{line}\n" for line in lines)
    return "title: T\nsources: sources.toml\n## start\nSee[^other].\n" + body + ENDINGS


def test_a_cited_chance_is_from_the_record_and_its_basis_may_cite(compile_story: Compile) -> None:
    compiled = compile_story(
        story(
            "chance: [^rec]",
            "  basis: 8 in 10, from table 2 of [^rec] and [^ctx]",
            "  80% -> a",
            "  20% -> b",
        ),
        SOURCES,
    )
    scene = compiled.scenes[0]
    chance = scene.chance
    assert chance is not None
    assert (chance.basis, chance.sources, chance.background) == ("record", ("rec",), ())
    # Numbered in the scene's list after the text's own citations.
    assert scene.sources == ("other", "rec", "ctx")
    assert chance.note == (
        f"8 in 10, from table 2 of {citation_html('rec', 2)} and {citation_html('ctx', 3)}"
    )


def test_an_assumption_makes_an_estimate_with_background(compile_story: Compile) -> None:
    compiled = compile_story(
        story(
            "chance:",
            "  assumption: no source counts it; we take <one> in four[^ctx]",
            "  background: [^rec] [^ctx]",
            "  3 -> a",
            "  1 -> b",
        ),
        SOURCES,
    )
    scene = compiled.scenes[0]
    chance = scene.chance
    assert chance is not None
    assert (chance.basis, chance.sources, chance.background) == ("estimate", (), ("rec", "ctx"))
    assert (
        chance.note == f"no source counts it; we take &lt;one&gt; in four{citation_html('ctx', 2)}"
    )
    assert scene.sources == ("other", "ctx", "rec")
    data = compiled.to_json()["scenes"][0]["chance"]
    assert data["basis"] == "estimate" and data["background"] == ["rec", "ctx"]
    assert "sources" not in data


def test_a_chance_without_a_note_has_none(compile_story: Compile) -> None:
    compiled = compile_story(story("chance: [^rec]", "  1 -> a", "  1 -> b"), SOURCES)
    chance = compiled.scenes[0].chance
    assert chance is not None and chance.note is None and chance.basis == "record"
    assert "note" not in compiled.to_json()["scenes"][0]["chance"]


def test_citing_the_numbers_of_an_estimate_is_e022(load: Load) -> None:
    loaded = load(
        story("chance: [^rec] [^ctx]", "  assumption: we guess", "  1 -> a", "  1 -> b"), SOURCES
    )
    assert loaded.story is None
    first = at(loaded, "E022", "main.story:5:9")
    assert first.message == (
        "this chance is an estimate (it has an assumption), so it cannot cite 'rec' "
        "as the source of its numbers"
    )
    assert first.hint is not None
    assert "'background: [^rec]'" in first.hint and "'basis: …'" in first.hint
    assert "'ctx'" in at(loaded, "E022", "main.story:5:16").message


@pytest.mark.parametrize(
    ("lines", "place", "words"),
    [
        (("chance:", "  basis: the table", "  assumption: x"), "6:10", "not both"),
        (("chance:", "  assumption: x", "  basis: the table"), "7:10", "not both"),
        (("chance: [^rec]", "  background: [^ctx]"), "6:3", "has no assumption"),
    ],
)
def test_a_note_of_the_wrong_kind_is_e022(
    load: Load, lines: tuple[str, ...], place: str, words: str
) -> None:
    loaded = load(story(*lines, "  1 -> a", "  1 -> b"), SOURCES)
    assert words in at(loaded, "E022", f"main.story:{place}").message


def test_a_basis_without_citations_is_e022(load: Load) -> None:
    loaded = load(story("chance:", "  basis: the table", "  1 -> a", "  1 -> b"), SOURCES)
    d = at(loaded, "E022", "main.story:6:10")
    assert "cites none" in d.message
    assert d.hint is not None and "assumption" in d.hint
    assert "E010" in codes(loaded)  # and it still has neither citation nor assumption


@pytest.mark.parametrize(
    ("line", "code", "place"),
    [
        ("  assumption: from [^nope]", "E007", "7:20"),
        ("  assumption: x\n  background: [^nope]", "E007", "8:15"),
        ("  assumption: x\n  background: [^ctx] and more", "E001", "8:15"),
        ("  assumption: x {n}", "E061", "7:15"),
        ("  assumption: x\n  background: [^ctx]\n  background: [^rec]", "E060", "9:3"),
        ("  assumption: x\n  background:", "E068", "8:3"),
        ("  basis:", "E068", "7:3"),
    ],
)
def test_notes_are_checked(load: Load, line: str, code: str, place: str) -> None:
    text = "title: T\nsources: sources.toml\nvar n = 1\n## start\nSee[^other].\nchance:\n"
    loaded = load(text + line + "\n  1 -> a\n  1 -> b\n" + ENDINGS, SOURCES)
    at(loaded, code, f"main.story:{place}")


def test_citations_in_notes_count_as_used(load: Load) -> None:
    loaded = load(
        story(
            "chance:", "  assumption: see [^rec]", "  background: [^ctx]", "  1 -> a", "  1 -> b"
        ),
        SOURCES,
    )
    assert loaded.story is not None
    assert "W105" not in codes(loaded)


@settings(max_examples=200, deadline=None)
@given(
    cited=st.lists(st.sampled_from(["rec", "ctx"]), max_size=2),
    basis=st.booleans(),
    assumption=st.booleans(),
    background=st.booleans(),
    order=st.permutations(["basis", "assumption", "background"]),
)
def test_the_provenance_rules(
    cited: list[str], basis: bool, assumption: bool, background: bool, order: list[str]
) -> None:
    """Any mix of the lines: E010 when there is neither a citation nor an assumption, E022
    exactly when the record and an estimate are mixed, and otherwise the right basis."""
    lines = {
        "basis": "  basis: from the table [^rec]" if basis else "",
        "assumption": "  assumption: a guess, see [^ctx]" if assumption else "",
        "background": "  background: [^ctx]" if background else "",
    }
    head = "chance: " + " ".join(f"[^{key}]" for key in cited)
    body = "\n".join(line for key in order if (line := lines[key]))
    source = (
        f"title: T\nsources: sources.toml\n## start\n{head}\n{body}\n  1 -> a\n  1 -> b\n{ENDINGS}"
    )
    story_file, problems = parse_file(SourceFile("main.story", source))
    sources, _ = load_sources(SourceFile("sources.toml", SOURCES["sources.toml"]))
    result = check_project(
        Project(files=[story_file], diagnostics=problems, sources=sources, has_sources_table=True)
    )
    found = {d.code for d in result.diagnostics if d.severity == "error"}
    mixed = (
        (assumption and (cited or basis))
        or (basis and not cited)
        or (background and not assumption)
    )
    assert ("E022" in found) == bool(mixed)
    assert ("E010" in found) == (not cited and not assumption)
    if not found:
        assert result.story is not None
        chance = result.story.scenes[0].chance
        assert chance is not None
        assert chance.basis == ("estimate" if assumption else "record")
        assert bool(chance.note) == (basis or assumption)
