"""Site content in parallel files (issue 20): `01-the-river.ko.md` beside `01-the-river.md`,
read for the Korean site, checked by `crossing check` against its source at `file:line`,
and the source served where there is no translation."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from crossing.content.check import check_tree
from crossing.content.site import load_site
from crossing.content.translations import is_translation, locales_in, translation_of
from crossing.story import load_source

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def content(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "content"


def problems(folder: Path) -> list[str]:
    """The check's diagnostics as `file:line: code message`, file names only."""
    return [
        f"{Path(d.position.path).name}:{d.position.line}: {d.code} {d.message}"
        for d in check_tree(folder).diagnostics
        if d.position is not None
    ]


def test_the_names_of_translations() -> None:
    assert is_translation(Path("01-the-river.ko.md"))
    assert is_translation(Path("figures.ko.toml"))
    assert not is_translation(Path("01-the-river.md"))
    assert not is_translation(Path("2015-06-20-hark-joon-lee-interview.md"))
    assert translation_of(Path("story/index.md"), "ko") == Path("story/index.ko.md")
    assert locales_in(ROOT / "content") == ["ko"]


def test_the_shipped_content_and_its_translations_check_clean() -> None:
    assert problems(ROOT / "content") == []


def test_korean_reads_translations_and_falls_back_to_english(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "content" / "story" / "01-the-river.ko.md").unlink()  # not translated yet
    story = load_source(tmp_path / "content" / "journey").story
    content, diagnostics = load_site(tmp_path / "content", story, "ko")
    assert [d for d in diagnostics if d.severity == "error"] == []
    assert content.language == "ko"
    assert content.introduction is not None and content.introduction.title == "국경에서"
    assert content.language_of(content.introduction.path) == "ko"
    river = content.chapter("the-river")
    assert river is not None and river.title == "The river"  # no translation yet
    assert content.language_of(river.path) == "en"
    # The translated files are no chapters of their own.
    assert [c.slug for c in content.chapters] == [
        c.slug for c in load_site(tmp_path / "content", story)[0].chapters
    ]
    translated_river = load_site(ROOT / "content", story, "ko")[0].chapter("the-river")
    assert translated_river is not None and translated_river.title == "강"
    # With the journey in Korean, its places' names and sources' notes are Korean too.
    hangul = load_source(ROOT / "content" / "journey", locale="ko").story
    translated, _ = load_site(ROOT / "content", hangul, "ko")
    assert translated.places["musan"].name == "함경북도 무산"
    assert (
        translated.sources["flyer"].note is not None
        and "조선일보" in translated.sources["flyer"].note
    )
    assert content.places["musan"].name.startswith("Musan")  # the English journey: English


def test_a_translation_citing_otherwise_is_reported_at_its_line(content: Path) -> None:
    path = content / "story" / "index.ko.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(n for n, line in enumerate(lines, 1) if "[^flyer]" in line)
    lines[at - 1] = lines[at - 1].replace("[^flyer]", "[^pbs-2009]")
    path.write_text("\n".join(lines), encoding="utf-8")
    found = problems(content)
    assert any(f.startswith(f"index.ko.md:{at}: E211 cites 'pbs-2009' 1 time(s)") for f in found)
    assert any(f.startswith("index.ko.md:") and "cites 'flyer' 0 time(s)" in f for f in found)


def test_a_translation_changing_a_field_that_is_not_words_is_reported(content: Path) -> None:
    source = (content / "works" / "film-the-defector.md").read_text(encoding="utf-8")
    translated = source.replace('slug = "the-defector"', 'slug = "talbukja"', 1)
    assert translated != source
    (content / "works" / "film-the-defector.ko.md").write_text(translated, encoding="utf-8")
    found = problems(content)
    assert any(
        f.startswith("film-the-defector.ko.md:") and "E211 'slug' differs" in f for f in found
    ), found


def test_a_translation_dropping_a_figure_or_a_heading_is_reported(content: Path) -> None:
    source = (content / "story" / "01-the-river.md").read_text(encoding="utf-8")
    lines = [line for line in source.split("\n") if not line.startswith("{{ figure")]
    (content / "story" / "01-the-river.ko.md").write_text("\n".join(lines), encoding="utf-8")
    heading = next(line for line in source.split("\n") if line.startswith("## "))
    (content / "story" / "02-hiding-in-china.ko.md").write_text(
        (content / "story" / "02-hiding-in-china.md").read_text(encoding="utf-8")
        + f"\n{heading}\n\nOne more.\n",
        encoding="utf-8",
    )
    found = problems(content)
    assert any(
        f.startswith("01-the-river.ko.md:") and "figures and photos differ" in f for f in found
    ), found
    assert any(f.startswith("02-hiding-in-china.ko.md:") and "heading(s)" in f for f in found), (
        found
    )


def test_a_translated_heading_keeps_the_source_anchor(content: Path) -> None:
    source = (content / "story" / "01-the-river.md").read_text(encoding="utf-8")
    first = next(line for line in source.split("\n") if line.startswith("## "))
    (content / "story" / "01-the-river.ko.md").write_text(
        source.replace(first, "## 누가 강을 건너는가", 1), encoding="utf-8"
    )
    story = load_source(content / "journey").story
    english = load_site(content, story)[0].chapter("the-river")
    korean = load_site(content, story, "ko")[0].chapter("the-river")
    assert english is not None and korean is not None
    assert korean.body.headings[0].text == "누가 강을 건너는가"
    assert [h.id for h in korean.body.headings] == [h.id for h in english.body.headings]


def test_a_translated_news_post_is_read_for_the_korean_site(content: Path) -> None:
    source = content / "news" / "2026-12-05-crossing-launches.md"
    text = source.read_text(encoding="utf-8")
    translated = text.replace('title = "Crossing opens"', 'title = "크로싱을 엽니다"', 1)
    (content / "news" / "2026-12-05-crossing-launches.ko.md").write_text(
        translated, encoding="utf-8"
    )
    assert problems(content) == []
    story = load_source(content / "journey").story
    korean = load_site(content, story, "ko")[0]
    english = load_site(content, story)[0]
    assert [p.slug for p in korean.news.posts] == [p.slug for p in english.news.posts]
    assert korean.news.posts[0].title == "크로싱을 엽니다"
    assert english.news.posts[0].title == "Crossing opens"
