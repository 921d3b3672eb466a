"""Publishing content/journey: compiled once, odds cached by hash, republished on edit."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from crossing.web.journey.publish import ContentError, Published, publish, random_reader_odds
from crossing.web.reload import Reloading

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "market-day"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE, tmp_path / "content" / "journey")
    return tmp_path / "content"


def touch_later(path: Path, text: str) -> None:
    path.write_text(text)
    later = time.time() + 5  # a different mtime even on coarse file systems
    os.utime(path, (later, later))


def publisher(content: Path, cache: Path) -> Reloading[Published]:
    return Reloading(content, lambda: publish(content / "journey", cache))


def test_odds_are_computed_once_and_kept_by_story_hash(content: Path, tmp_path: Path) -> None:
    published = publisher(content, tmp_path / "cache").get()
    assert published.odds is not None
    assert set(published.odds) == published.endings
    assert sum(published.odds.values()) == pytest.approx(1)
    kept = tmp_path / "cache" / f"odds-{published.story.id}-{published.story.hash}.json"
    assert json.loads(kept.read_text()) == published.odds
    assert random_reader_odds(published.story, None) == pytest.approx(published.odds)


def test_an_edit_republishes_within_a_second(content: Path, tmp_path: Path) -> None:
    site = publisher(content, tmp_path / "cache")
    before = site.get()
    assert site.get() is before  # no change: the same object, no recompiling
    main = content / "journey" / "main.story"
    touch_later(main, main.read_text().replace("title:", "title: Edited —", 1))
    time.sleep(1.05)
    after = site.get()
    assert after is not before and after.story.title.startswith("Edited")
    assert after.story.hash != before.story.hash


def test_a_broken_story_is_reported_with_positions(content: Path, tmp_path: Path) -> None:
    main = content / "journey" / "main.story"
    main.write_text(main.read_text().replace("-> stairs", "-> stiars", 1))
    with pytest.raises(ContentError) as error:
        publisher(content, tmp_path / "cache").get()
    assert "main.story:" in str(error.value) and "unknown scene 'stiars'" in str(error.value)
