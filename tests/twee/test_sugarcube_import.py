"""A Twine 2 story written by hand in SugarCube's basic macros imports, checks and plays;
what it cannot say is reported at its line and column of the Twee file."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from crossing.cli import cli
from crossing.interchange.twee_import import import_twee
from crossing.story.api import load_source
from crossing.story.compiled import CompiledStory
from crossing.story.transcript import run_script

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def market(tmp_path_factory: pytest.TempPathFactory) -> CompiledStory:
    result = import_twee((HERE / "market.twee").read_text(encoding="utf-8"))
    assert result.errors == []
    assert result.files is not None
    folder = tmp_path_factory.mktemp("market")
    for name, text in result.files.all().items():
        (folder / name).write_text(text, encoding="utf-8")
    loaded = load_source(folder)
    assert [d.code for d in loaded.diagnostics if d.severity == "error"] == []
    assert loaded.story is not None
    return loaded.story


def test_the_only_notes_are_renamed_passages_and_the_two_draws() -> None:
    result = import_twee((HERE / "market.twee").read_text(encoding="utf-8"))
    notes = [(p.line, p.col, p.message) for p in result.problems]
    assert (52, 1, "a random draw is imported as a chance with an assumption that says so") in notes
    assert (60, 7, "a random draw is imported as a chance with an assumption that says so") in notes
    renamed = [m for _, _, m in notes if "becomes scene" in m]
    assert len(renamed) == len(notes) - 2
    assert (
        "passage 'Market Gate' becomes scene 'Market_Gate' (scene ids are letters, digits, '_' and '-')"
        in renamed
    )


def test_every_macro_maps_to_its_construct(market: CompiledStory) -> None:
    scenes = {s.id: s for s in market.scenes}
    names = [v.name for v in market.variables]
    assert [(v.name, v.type, v.initial) for v in market.variables] == [
        ("coins", "int", 10),
        ("umbrella", "bool", False),
        ("basket", "enum", 0),
    ]
    assert market.variables[2].values == ("empty", "fish", "bread")
    home = scenes["Home"]
    assert [market.scenes[c.target].id for c in home.choices] == [
        "Market_Gate",
        "Umbrella_Stand",
        "Stay",
    ]
    assert [c.text for c in home.choices] == ["Go to the market", "Take the umbrella", "Stay home"]
    assert home.tags == ("kitchen",)
    # <<link "t" "p">><<set>><</link>>
    (take,) = scenes["Umbrella_Stand"].choices
    assert [(names[e.var], e.expr) for e in take.effects] == [("umbrella", True)]
    # <<if>>/<<elseif>>/<<else>> around links: each link's condition excludes earlier branches
    gate = scenes["Market_Gate"].choices
    assert gate[0].condition == [">=", ["var", 0], 8]
    assert [(names[e.var], e.expr) for e in gate[0].effects] == [
        ("coins", ["-", ["var", 0], 8]),
        ("basket", 1),
    ]
    assert gate[1].condition == ["and", ["not", [">=", ["var", 0], 8]], [">=", ["var", 0], 3]]
    assert gate[2].condition is None
    # <<goto>> is a divert; <<if>> around <<goto>> a conditional divert
    assert [(d.target, d.condition) for d in scenes["Fish_Stall"].diverts] == [
        (names.index("coins") * 0 + [s.id for s in market.scenes].index("Bus_Stop"), None)
    ]
    assert scenes["Walk_Home"].diverts[0].condition == ["==", ["var", 2], 0]
    # random(1, 10) with an <<if _roll lte K>> chain, and either()
    bus = scenes["Bus_Stop"].chance
    assert bus is not None and bus.total == 10 and bus.basis == "estimate"
    assert [o.weight for o in bus.outcomes] == [7, 2, 1]
    assert [(names[e.var], e.expr) for e in bus.outcomes[1].effects] == [
        ("coins", ["+", ["var", 0], 1])
    ]
    ride = scenes["Bus_Ride"].chance
    assert ride is not None and (ride.total, [o.weight for o in ride.outcomes]) == (4, [3, 1])
    # tagged endings keep their kind
    assert scenes["Home_Safe"].ending is not None and scenes["Home_Safe"].ending.kind == "safety"
    assert scenes["Stay"].ending is not None and scenes["Stay"].ending.kind == "stranded"


def test_it_plays_to_the_expected_ending(market: CompiledStory) -> None:
    # The umbrella, the market, then home with an empty basket: the divert to Stay.
    played = run_script(market, 1, ["2", "1", "2"])
    assert played["end"] == {
        "status": "ending",
        "scene": "Stay",
        "ending": "Stay",
        "kind": "stranded",
    }
    last = [s for s in played["steps"] if "scene" in s][-1]
    assert last["vars"]["umbrella"] is True
    # Fish at the market, then the bus: every seed ends, and the fish is paid for.
    for seed in range(20):
        played = run_script(market, seed, ["1", "1"])
        if played["end"]["scene"] == "Walk_Home":  # the bus did not come: walk, open the door
            played = run_script(market, seed, ["1", "1", "1"])
        assert played["end"]["status"] == "ending"
        assert played["end"]["ending"] in {"Home_Safe", "Late_Home", "Stranded", "Stay"}
        final = [s for s in played["steps"] if "scene" in s][-1]["vars"]
        assert final["basket"] == "fish" and final["coins"] in (2, 3)


def test_the_text_keeps_values_conditions_and_emphasis(market: CompiledStory) -> None:
    gate = next(s for s in market.scenes if s.id == "Market_Gate")
    assert isinstance(gate.text, tuple)
    assert gate.text[0] == "<p>"
    shown = "".join(p for p in gate.text if isinstance(p, str))
    assert "The stalls are <strong>busy</strong>." in shown
    first = gate.text[1]
    assert getattr(first, "then", None) == "You stay dry under the umbrella."
    assert getattr(first, "otherwise", None) == "You are <em>soaked</em> by the time you arrive."


EXPECTED = [
    (5, 7, "error", "$name holds strings that are not names ('Ann Lee'): it is not imported"),
    (6, 13, "error", "$x starts as '1.5', which is not imported: a variable starts as a whole "
     "number, true/false or a string that names one of its values"),
    (10, 1, "error", "<<script>> is not imported: a Crossing story runs no code"),
    (11, 7, "error", "temporary variable _t is not imported here"),
    (12, 15, "error", "<<set>> inside <<if>> is not imported: a Crossing scene's effects always run"),
    (13, 18, "error", "'/' is not imported alone: JavaScript divides into fractions"),
    (13, 24, "error", "<<widget>> is not imported: Crossing has no macros of its own"),
    (14, 1, "error", "JavaScript is not imported: a Crossing story runs no code"),
    (15, 1, "warning", "HTML <div> is not imported (its text is)"),
    (18, 1, "warning", "passage 'Next' has no way on: imported as an ending of kind 'end'"),
    (19, 6, "error", "random() is not imported here"),
    (20, 7, "error", '<<goto>> is imported with a passage name only ("name" or [[name]])'),
    (23, 1, "error", "passage 'Code': JavaScript is not imported: a Crossing story runs no code"),
    (26, 1, "error", "passage 'Style': a stylesheet is not imported: Crossing styles its players itself"),
    (29, 1, "error", "special passage 'StoryCaption' is not imported: Crossing's players have "
     "their own title, menu and frame"),
]  # fmt: skip


def test_what_cannot_be_said_is_reported_exactly() -> None:
    result = import_twee((HERE / "unsupported.twee").read_text(encoding="utf-8"))
    assert [(p.line, p.col, p.severity, p.message) for p in result.problems] == EXPECTED
    assert result.files is not None  # what could be imported is still written
    assert "* On -> Next" in result.files.main


def test_the_commands_exit_nonzero_when_something_was_not_imported(tmp_path: Path) -> None:
    runner = CliRunner()
    bad = runner.invoke(
        cli, ["import-twee", str(HERE / "unsupported.twee"), "-o", str(tmp_path / "bad")]
    )
    assert bad.exit_code == 1
    assert "unsupported.twee:10:1: error: <<script>> is not imported" in bad.output
    assert (tmp_path / "bad" / "main.story").is_file()
    good = runner.invoke(cli, ["import-twee", str(HERE / "market.twee"), "-o", str(tmp_path / "m")])
    assert good.exit_code == 0, good.output
    out = tmp_path / "m.twee"
    exported = runner.invoke(cli, ["export-twee", str(tmp_path / "m"), "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    back = runner.invoke(cli, ["import-twee", str(out), "-o", str(tmp_path / "again")])
    assert back.exit_code == 0, back.output
    assert (tmp_path / "again" / "main.story").read_text() == (
        tmp_path / "m" / "main.story"
    ).read_text()


FRAGMENTS = [
    ":: A", ":: B [t ending-safety]", ":: StoryInit", ":: Start {\"position\":\"1,2\"}", "\n",
    "<<set $x to 1>>", "<<set $s to \"a\">>", "<<set $b to true>>", "<<if $x gt 0>>", "<<elseif",
    "<<else>>", "<</if>>", "[[A]]", "[[go|B]]", "[[x->A][$x to 2]]", "<<link \"t\" \"A\">>",
    "<</link>>", "<<goto \"B\">>", "<<goto either(\"A\", \"B\")>>", "<<set _r to random(1, 3)>>",
    "<<if _r lte 1>>", "$x", "$s", "<<print $x + 1>>", "//", "''", "<b>", "</b>", "<a href=\"x\">",
    "</a>", "<sup class=\"cite\">", "</sup>", "<<switch visited()>>", "<<case 1>>", "<</switch>>",
    "text", " ", "{", "}", "\\", "\"", "<<", ">>", "[[", "]]", "`", "(", ")", "?", ":",
    "<<link `\"a\" + String($x)` \"B\">>", "/* c */", "<<script>>", "<</script>>",
]  # fmt: skip


@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=5), max_size=40))
def test_any_twee_imports_without_a_traceback(pieces: list[str]) -> None:
    result = import_twee("".join(pieces))
    for problem in result.problems:
        assert problem.line >= 1 and problem.col >= 1
        assert problem.severity in ("error", "warning")


def test_export_reads_compiled_json_and_import_keeps_other_folders(tmp_path: Path) -> None:
    runner = CliRunner()
    story = tmp_path / "story.json"
    made = runner.invoke(
        cli, ["compile", str(HERE.parents[1] / "examples" / "market-day"), "-o", str(story)]
    )
    assert made.exit_code == 0, made.output
    out = tmp_path / "from-json.twee"
    exported = runner.invoke(cli, ["export-twee", str(story), "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    assert out.read_text(encoding="utf-8").startswith(":: StoryTitle\nMarket Day\n")
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("mine")
    refused = runner.invoke(cli, ["import-twee", str(out), "-o", str(other)])
    assert refused.exit_code == 2
    assert sorted(p.name for p in other.iterdir()) == ["notes.txt"]
    not_twee = tmp_path / "notes.md"
    not_twee.write_text("# my notes\n")
    kept = runner.invoke(cli, ["export-twee", str(story), "-o", str(not_twee)])
    assert kept.exit_code == 2
    assert not_twee.read_text() == "# my notes\n"
