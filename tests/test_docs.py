"""The documentation's examples stay true: the stories it shows check as it says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crossing.story import load_source

ROOT = Path(__file__).resolve().parent.parent


def story_blocks(markdown: Path) -> list[str]:
    """Fenced blocks that are whole stories: a title line and at least one scene."""
    text = markdown.read_text(encoding="utf-8")
    blocks = re.findall(r"^```[a-z]*\n(.*?)^```$", text, flags=re.S | re.M)
    return [block for block in blocks if block.startswith("title:") and "\n## " in block]


def test_example_story_has_no_errors_and_no_warnings() -> None:
    loaded = load_source(ROOT / "examples" / "market-day")
    assert loaded.story is not None
    assert loaded.diagnostics == []
    assert len(loaded.story.scenes) >= 10


@pytest.mark.parametrize("document", ["README.md", "docs/story-language.md"])
def test_whole_stories_in_the_docs_compile(document: str, tmp_path: Path) -> None:
    blocks = story_blocks(ROOT / document)
    assert blocks, f"{document} should show at least one whole story"
    (tmp_path / "places.toml").write_text(
        '[town]\nname = "The old town"\nlat = 48.2\nlon = 16.37\n'
    )
    for number, block in enumerate(blocks):
        path = tmp_path / f"story{number}.story"
        path.write_text(block, encoding="utf-8")
        loaded = load_source(path)
        assert loaded.errors == [], (document, number, loaded.errors)


def test_readme_typo_example_reports_what_the_readme_shows(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    story = story_blocks(ROOT / "README.md")[0].replace("-> ferry\n", "-> fery\n", 1)
    path = tmp_path / "bridge.story"
    path.write_text(story, encoding="utf-8")
    loaded = load_source(path)
    assert [d.code for d in loaded.diagnostics] == ["E004"]
    diagnostic = loaded.diagnostics[0]
    assert diagnostic.hint == "did you mean 'ferry'?"
    assert diagnostic.position is not None
    shown = (
        f":{diagnostic.position.line}:{diagnostic.position.col}: error[E004]: unknown scene 'fery'"
    )
    assert shown in readme


def test_rng_test_vector_in_the_docs_matches() -> None:
    from crossing.story.rng import seed_state

    text = (ROOT / "docs" / "story-language.md").read_text(encoding="utf-8")
    vector = re.search(r"seed 0 gives the state `\[([\d, ]+)\]`", text)
    assert vector is not None
    assert list(seed_state(0)) == [int(n) for n in vector.group(1).split(",")]


def test_odds_of_the_example_match_the_hand_computation_in_the_docs() -> None:
    from fractions import Fraction

    from crossing.analysis.odds import analyse, render_text

    story = load_source(ROOT / "examples" / "market-day").story
    assert story is not None
    report = analyse(story)
    supper, hungry = report.endings
    assert supper.odds == {"random": Fraction(5, 8), "best": 1, "worst": 0}
    assert hungry.odds == {"random": Fraction(3, 8), "best": 0, "worst": 1}
    decisions = {r: s.expected_decisions for r, s in report.readers.items()}
    assert decisions == {"random": Fraction(37, 12), "best": Fraction(13, 4), "worst": 3}
    docs = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    shown = docs.split("$ crossing odds examples/market-day\n", 1)[1].split("\n```", 1)[0]
    timing = re.compile(r"solved in [0-9.]+ s")
    assert timing.sub("solved in T s", render_text(report, 0.0)) == timing.sub(
        "solved in T s", shown
    )
