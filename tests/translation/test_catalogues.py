"""The catalogues by stable IDs: extracted, kept current as the English changes, reviewed
at file:line, and read back into the story compiled per locale."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from crossing.cli import cli
from crossing.story.api import load_source
from crossing.story.translation.pofiles import read, write
from crossing.story.translation.review import review

ROOT = Path(__file__).resolve().parents[2]
JOURNEY = ROOT / "content" / "journey"
HANGUL = re.compile("[\uac00-\ud7a3]")
FIRST = "There is no railroad, and nobody runs the whole of it."


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), env={"COLUMNS": "200"})


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the journey with its tables, to change."""
    shutil.copytree(JOURNEY, tmp_path / "journey")
    for table in ("sources.toml", "places.toml"):
        shutil.copy(ROOT / "content" / table, tmp_path / table)
    return tmp_path / "journey"


def test_the_korean_journey_is_complete_and_current() -> None:
    result = review(JOURNEY, "ko")
    assert (result.count("missing"), result.count("outdated"), result.count("mismatched")) == (
        0,
        0,
        0,
    ), [f.render() for f in result.findings[:5]]
    assert result.units == result.current > 1000


def test_changing_one_english_sentence_makes_exactly_that_entry_outdated(content: Path) -> None:
    story = content / "railroad.story"
    story.write_text(story.read_text().replace(FIRST, "No railroad runs the whole way."))
    before = review(content, "ko")
    assert [(f.kind, f.unit) for f in before.findings] == [("outdated", "railroad_start.p1")]
    assert before.findings[0].path.endswith("locale/ko/railroad.po")

    updated = run("translate", "update", str(content), "--locale", "ko")
    assert updated.exit_code == 0, updated.output
    assert "0 new, 1 changed (marked fuzzy)" in updated.output
    after = review(content, "ko")
    assert [(f.kind, f.unit) for f in after.findings] == [("outdated", "railroad_start.p1")]
    text = (content / "locale" / "ko" / "railroad.po").read_text()
    entry = next(block for block in text.split("\n\n") if 'msgctxt "railroad_start.p1"' in block)
    assert "#, fuzzy" in entry and "#| msgid" in entry
    line = text[: text.index('msgctxt "railroad_start.p1"')].count("\n") + 1
    assert line - 3 <= after.findings[0].line <= line + 1

    # The reader meets the new English there, and Korean everywhere else.
    story_ko = load_source(content, locale="ko").story
    assert story_ko is not None
    start = next(s for s in story_ko.scenes if s.id == "railroad_start")
    assert "No railroad runs the whole way." in str(start.text[0])
    assert HANGUL.search(start.title or "")


def test_a_translation_that_loses_a_citation_is_mismatched_and_not_shown(content: Path) -> None:
    po = content / "locale" / "ko" / "railroad.po"
    catalogue = read(po, "ko")
    entry = next(m for m in catalogue if m.context == "railroad_start.p1")
    entry.string = str(entry.string).replace("[^kirkpatrick-2012]", "")
    write(po, catalogue)
    result = review(content, "ko")
    assert [(f.kind, f.unit, f.message) for f in result.findings] == [
        ("mismatched", "railroad_start.p1", "the translation lacks [^kirkpatrick-2012]")
    ]
    story_ko = load_source(content, locale="ko").story
    assert story_ko is not None
    start = next(s for s in story_ko.scenes if s.id == "railroad_start")
    assert FIRST in str(start.text[0])  # the English, with its citation, rather than a loss


def test_the_korean_story_has_the_english_structure() -> None:
    english = load_source(JOURNEY).story
    korean = load_source(JOURNEY, locale="ko")
    assert english is not None and korean.story is not None, korean.errors
    assert korean.diagnostics == []
    ko = korean.story
    assert (ko.language, english.language) == ("ko", "en")
    assert ko.hash != english.hash
    assert [s.id for s in ko.scenes] == [s.id for s in english.scenes]
    assert [[c.id for c in s.choices] for s in ko.scenes] == [
        [c.id for c in s.choices] for s in english.scenes
    ]
    assert [v.name for v in ko.variables] == [v.name for v in english.variables]
    for mine, theirs in zip(ko.scenes, english.scenes, strict=True):
        assert (mine.chance and [o.weight for o in mine.chance.outcomes]) == (
            theirs.chance and [o.weight for o in theirs.chance.outcomes]
        )
        assert mine.sources == theirs.sources, mine.id
        assert mine.title is None or HANGUL.search(mine.title), mine.id
    assert all(HANGUL.search(p.name) for p in ko.places)


def test_extract_writes_new_catalogues_and_refuses_to_overwrite(content: Path) -> None:
    made = run("translate", "extract", str(content), "--locale", "ja")
    assert made.exit_code == 0, made.output
    assert "wrote 9 catalogues" in made.output
    entry = (content / "locale" / "ja" / "main.po").read_text()
    assert 'msgctxt "story.title"\nmsgid "Crossing"\nmsgstr ""' in entry
    assert "#. source-hash: " in entry and "#: main.story:4" in entry
    again = run("translate", "extract", str(content), "--locale", "ja")
    assert again.exit_code == 1
    assert "exist(s): `crossing translate update` keeps their translations" in again.output
    assert run("translate", "extract", str(content), "--locale", "ja", "--force").exit_code == 0


def test_check_reports_missing_entries_and_exits_one(content: Path) -> None:
    assert run("translate", "extract", str(content), "--locale", "ja").exit_code == 0
    result = run("translate", "check", str(content), "--locale", "ja", "--json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["counts"]["missing"] == report["units"] > 1000
    assert report["findings"][0]["path"].endswith("locale/ja/main.po")
    ok = run("translate", "check", str(content), "--locale", "ko")
    assert ok.exit_code == 0, ok.output
    assert "0 missing, 0 outdated, 0 mismatched" in ok.output


def test_bad_locales_and_broken_catalogues_are_said_in_words(content: Path) -> None:
    bad = run("translate", "check", str(content), "--locale", "k!")
    assert bad.exit_code == 2 and "'k!' is not a locale code" in bad.output
    unknown = run("compile", str(content), "--locale", "qq", "-o", "-")
    assert unknown.exit_code == 2 and "unknown locale 'qq'" in unknown.output
    (content / "locale" / "ko" / "chol.po").write_text("a line that is not PO\n", encoding="utf-8")
    broken = run("translate", "check", str(content), "--locale", "ko")
    assert broken.exit_code == 1
    assert "chol.po: cannot read the catalogue" in broken.output
    assert "Traceback" not in broken.output
    compiled = load_source(content, locale="ko")
    assert [d.code for d in compiled.diagnostics] == ["E079"]


def test_compile_and_play_in_korean() -> None:
    played = run("play", str(JOURNEY), "--locale", "ko", "--script", "1", "--json")
    assert played.exit_code == 0, played.output
    transcript = json.loads(played.output)
    assert HANGUL.search(transcript["steps"][0]["text"])


def test_reading_and_writing_a_catalogue_changes_nothing(tmp_path: Path) -> None:
    for po in sorted((JOURNEY / "locale" / "ko").glob("*.po")):
        copy = tmp_path / po.name
        write(copy, read(po, "ko"))
        assert copy.read_bytes() == po.read_bytes(), po.name
