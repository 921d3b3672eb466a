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
    # Who published a source is named as Korean reporting names them.
    assert translated.sources["chosun-2011-boat"].author.startswith("조선일보")
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


def test_figures_draw_their_words_from_the_translated_data_files() -> None:
    """timeline.ko.csv gives the timeline's words; the chart's own words (legends, the
    table's headings, the description) come from the catalogue; the numbers are the
    source's."""
    story = load_source(ROOT / "content" / "journey", locale="ko").story
    korean = load_site(ROOT / "content", story, "ko")[0].figures
    english = load_site(ROOT / "content", load_source(ROOT / "content" / "journey").story)[0]
    timeline = korean["timeline"]
    assert timeline.table.rows[0][0] == "1990년대 중반"
    assert timeline.table.headers == ("날짜", "사건")
    arrivals = korean["arrivals"]
    assert "여성" in arrivals.svg and "women" not in arrivals.svg
    assert "total of several years" not in arrivals.svg and "여러 해의 합계" in arrivals.svg
    values = [row[1] for row in english.figures["arrivals"].table.rows]
    assert [row[1] for row in arrivals.table.rows] == values
    assert "12%" in arrivals.svg  # a share as Korean writes it, with no space
    fees = korean["broker-fees"]
    assert "US dollars" not in fees.svg and "미국 달러" in fees.svg
    assert "$2,000 미만" in fees.svg  # "under $2,000", in Korean word order
    laos = korean["route-laos"]
    assert ">중국<" in laos.svg and "CHINA" not in laos.svg
    assert "아래 확대도" in laos.svg
    assert laos.table.headers == ("순서", "장소", "나라")


def test_a_data_file_translation_changing_a_number_keeps_the_source(content: Path) -> None:
    """Only words are translated: a changed figure is E242 at its cell, and the chart in
    that language keeps the source's words (never a number changed in translation)."""
    path = content / "data" / "thai-arrests.ko.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    row = next(i for i, line in enumerate(lines) if line.startswith("2010,"))
    lines[row] = lines[row].replace("2010,2482", "2010,2483")
    path.write_text("\n".join(lines), encoding="utf-8")
    assert problems(content) == [
        f"thai-arrests.ko.csv:{row + 1}: E242 'value' is '2483' here but '2482' in "
        f"thai-arrests.csv:{row + 1}"
    ]
    story = load_source(content / "journey").story
    figure = load_site(content, story, "ko")[0].figures["thai-arrests"]
    assert "2,482" in figure.svg and "2,483" not in figure.svg


def test_a_data_file_translation_with_rows_missing_or_sources_changed(content: Path) -> None:
    path = content / "data" / "timeline.ko.csv"
    lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    lines[0] = lines[0].replace("pbs-2009", "pbs-2008")
    path.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    found = problems(content)
    assert any("E242 the translation names other sources" in p for p in found)
    assert any("E242 the translation has 22 rows; timeline.csv has 23" in p for p in found)


def test_authors_are_translated_by_key(content: Path) -> None:
    story = load_source(content / "journey").story
    korean = load_site(content, story, "ko")[0].news.authors["crossing-editors"]
    english = load_site(content, story)[0].news.authors["crossing-editors"]
    assert korean.name == "크로싱 편집진" and english.name == "The Crossing editors"
    assert korean.link == english.link and korean.url == english.url
    extra = content / "news" / "authors.ko.toml"
    extra.write_text(
        extra.read_text(encoding="utf-8") + '\n[nobody]\nname = "누구"\n',
        encoding="utf-8",
    )
    found = problems(content)
    assert any("E211 no author 'nobody' in authors.toml" in p for p in found)
