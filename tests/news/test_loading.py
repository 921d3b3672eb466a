"""The news as content: posts and authors read from content/news/, every problem reported
at its `file:line:col` with a code, as chapters' are; the sources page's index of citers."""

from __future__ import annotations

import hashlib
import re
import shutil
import string
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crossing.content.check import TreeCheck, check_tree
from crossing.content.news import PER_PAGE, News, tag_slug
from crossing.content.news_posts import read_posts
from crossing.story.diagnostics import Diagnostic

from .posts import FEATURED, write_news

ROOT = Path(__file__).resolve().parents[2]

# What XML 1.0 cannot hold (the feeds are XML): C0 controls but tab, line feed and return.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the real content with the tests' own news in it."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    monkeypatch.chdir(tmp_path)  # diagnostics show paths relative to here
    write_news(Path("content"))
    return Path("content")


_CHECKED: dict[str, TreeCheck] = {}


def tree_check(tree: Path) -> TreeCheck:
    """`check_tree(tree)`, run once for each state of the tree: tests check one state several
    times, and several tests the same unedited copy. A state is every file's path (relative
    to the tree, which tests give relative to their working folder) and bytes, and every
    folder's path (an empty one included)."""
    digest = hashlib.sha256(str(tree).encode() + b"\0")
    for path in sorted(tree.rglob("*")):
        digest.update(str(path.relative_to(tree)).encode() + b"\0")
        if path.is_file():
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        else:
            digest.update(b"folder\0")
    key = digest.hexdigest()
    if key not in _CHECKED:
        _CHECKED[key] = check_tree(tree)
    return _CHECKED[key]


def problems(tree: Path) -> list[Diagnostic]:
    return [d for d in tree_check(tree).diagnostics if d.position and "news" in d.position.path]


def found(tree: Path, code: str) -> list[str]:
    """Each diagnostic of that code as 'file:line:col message'."""
    return [
        f"{d.position.path}:{d.position.line}:{d.position.col} {d.message}"
        for d in problems(tree)
        if d.code == code and d.position
    ]


def post(tree: Path, name: str, text: str) -> Path:
    path = tree / "news" / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_tests_news_reads_whole_newest_first(tree: Path) -> None:
    checked = tree_check(tree)
    assert problems(tree) == []
    news = checked.content.news
    assert len(news.posts) == 12
    assert [p.date for p in news.posts] == sorted((p.date for p in news.posts), reverse=True)
    first = news.posts[0]
    assert first.slug == "two-awards" and first.date == date(2014, 6, 20)
    assert [a.key for a in first.authors] == ["jane-doe", "crossing-editors"]
    assert [(t.slug, t.name) for t in first.tags] == [
        ("the-defector", "The Defector"),
        ("awards", "Awards"),
        ("china", "China"),
    ]
    assert first.image is not None and first.image.credit == "The Crossing editors"
    assert first.body.citations == ("flyer",)
    assert "/films/the-defector/" in first.body.links
    assert first.comments is True
    assert news.page_count() == 2 and len(news.page(2)) == 2
    assert news.months()[0] == (2014, 6) and len(news.months()) == 5


def test_posts_are_among_what_cites_a_source(tree: Path) -> None:
    citers = tree_check(tree).content.citers["flyer"]
    assert ("news", "The Defector wins two awards", "/news/two-awards/#ref-flyer") in [
        (c.kind, c.title, c.url) for c in citers
    ]


def test_news_pages_are_among_the_sites_addresses(tree: Path) -> None:
    pages = tree_check(tree).content.addresses()
    for address in (
        "/news/",
        "/news/page/2/",
        "/news/two-awards/",
        "/news/tags/",
        "/news/tag/the-defector/",
        "/news/author/jane-doe/",
        "/news/2014/06/",
    ):
        assert address in pages
    assert "/news/page/3/" not in pages


def test_an_unknown_author_is_named_where_written(tree: Path) -> None:
    post(tree, "2014-07-01-x.md", FEATURED.replace('"jane-doe"', '"jane-do"'))
    assert found(tree, "E208") == [
        "content/news/2014-07-01-x.md:4:13 unknown author 'jane-do'",
    ]
    hints = [d.hint for d in problems(tree) if d.code == "E208"]
    assert hints == ["did you mean 'jane-doe'?"]


def test_a_tag_written_two_ways_is_refused(tree: Path) -> None:
    post(tree, "2014-07-01-x.md", FEATURED.replace('"The Defector"', '"the defector"'))
    (message,) = found(tree, "E209")
    assert message.startswith("content/news/2014-07-01-x.md:5:")
    assert "both are /news/tag/the-defector/" in message


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ('date = "2014-06-20"', "not the text '2014-06-20'"),
        ("date = 2014-06-20T10:00:00", "not a date and time"),
        ("date = 20140620", "not 20140620"),
    ],
)
def test_a_date_that_is_not_a_toml_date_is_refused(tree: Path, written: str, said: str) -> None:
    post(tree, "2014-07-01-x.md", FEATURED.replace("date = 2014-06-20", written))
    (message,) = found(tree, "E201")
    assert message.startswith("content/news/2014-07-01-x.md:3:1 'date' must be a date")
    assert said in message


def test_two_posts_at_one_address(tree: Path) -> None:
    post(tree, "2015-01-01-two-awards.md", FEATURED)
    (message,) = found(tree, "E207")
    assert "two posts at '/news/two-awards/'" in message


@pytest.mark.parametrize("name", ["two-awards.md", "2014-6-1-x.md", "2014-06-01-Big_News.md"])
def test_a_file_name_without_date_and_address(tree: Path, name: str) -> None:
    post(tree, name, FEATURED)
    (message,) = found(tree, "E207")
    assert f"must be its date and address: '{name}'" in message


def test_a_post_may_not_take_an_address_of_the_news_itself(tree: Path) -> None:
    post(tree, "2015-01-01-tags.md", FEATURED)
    (message,) = found(tree, "E207")
    assert "'tags' is a page of the news itself" in message


def test_front_matter_problems_are_reported_like_chapters(tree: Path) -> None:
    text = FEATURED.replace('summary = "The film is honoured twice."\n', 'sumary = "x"\n')
    text = text.replace('credit = "The Crossing editors"\n', "")
    post(tree, "2014-07-01-x.md", text)
    messages = found(tree, "E201")
    assert "content/news/2014-07-01-x.md:6:1 unknown field 'sumary' in the front matter" in messages
    assert (
        "content/news/2014-07-01-x.md:1:1 missing field 'summary' in the front matter" in messages
    )
    assert "content/news/2014-07-01-x.md:8:1 missing field 'credit' in [image]" in messages


def test_an_image_from_another_site_is_refused_where_written(tree: Path) -> None:
    post(
        tree,
        "2014-07-01-x.md",
        FEATURED.replace("/static/crossing/favicon.svg", "https://example.org/x.jpg"),
    )
    (message,) = found(tree, "E206")
    assert message.startswith("content/news/2014-07-01-x.md:9:8 ")


def test_citations_and_links_are_checked_as_in_chapters(tree: Path) -> None:
    text = FEATURED.replace("[^flyer]", "[^flyr]").replace("/on-the-border/", "/on-the-bordr/")
    post(tree, "2014-07-01-x.md", text)
    assert found(tree, "E202") == ["content/news/2014-07-01-x.md:14:9 unknown source 'flyr'"]
    assert found(tree, "E203") == [
        "content/news/2014-07-01-x.md:18:21 no page on this site at '/on-the-bordr/'"
    ]


def test_links_to_news_pages_resolve(tree: Path) -> None:
    text = FEATURED.replace("/on-the-border/", "/news/tag/china/").replace(
        "/films/the-defector/", "/news/2014/02/"
    )
    post(tree, "2014-07-01-x.md", text)
    assert found(tree, "E203") == []


def test_authors_file_problems_and_an_author_without_posts(tree: Path) -> None:
    authors = tree / "news" / "authors.toml"
    authors.write_text(
        authors.read_text() + '\n[idle]\nname = "Idle"\nbio = "No posts."\n'
        '\n[Bad_Key]\nname = "B"\nbio = "b"\nlinks = "x"\n',
        encoding="utf-8",
    )
    assert found(tree, "W203") == [
        "content/news/authors.toml:10:1 author 'idle' has written no post"
    ]
    messages = found(tree, "E208")
    assert any("'Bad_Key' must be lower-case" in m for m in messages)
    assert any("unknown field 'links' in author 'Bad_Key'" in m for m in messages)


def test_news_is_optional(tree: Path) -> None:
    shutil.rmtree(tree / "news")
    checked = tree_check(tree)
    assert checked.content.news.posts == [] and problems(tree) == []
    assert checked.content.news.page_count() == 1


# -- tags' addresses ----------------------------------------------------------------------


@given(st.text(max_size=40))
def test_a_tag_address_is_lower_case_words_joined_by_hyphens(name: str) -> None:
    slug = tag_slug(name)
    assert slug == "" or (
        set(slug) <= set(string.ascii_lowercase + string.digits + "-")
        and not slug.startswith("-")
        and not slug.endswith("-")
        and "--" not in slug
    )
    assert tag_slug(slug) == slug  # an address is its own address


@given(st.text(max_size=40))
def test_spellings_that_differ_in_case_and_spacing_share_an_address(name: str) -> None:
    assert tag_slug(name.upper()) == tag_slug(name.lower()) or not name.isascii()
    assert tag_slug(f"  {name} ") == tag_slug(name)


def test_tag_addresses() -> None:
    assert tag_slug("The Defector") == "the-defector"
    assert tag_slug("Séoul, Korea") == "seoul-korea"
    assert tag_slug("!!!") == "" and tag_slug("북한") == ""


def test_a_tag_that_gives_no_address_is_refused(tree: Path) -> None:
    post(tree, "2014-07-01-x.md", FEATURED.replace('"Awards"', '"북한"'))
    (message,) = found(tree, "E201")
    assert message.startswith("content/news/2014-07-01-x.md:5:")
    assert "tag '북한' gives no address" in message


def toml_string(text: str) -> str:
    """A TOML basic string: quotes and backslashes escaped, control characters as \\uXXXX."""
    escaped = "".join(
        f"\\u{ord(c):04x}" if ord(c) < 0x20 or ord(c) == 0x7F else "\\" + c if c in '"\\' else c
        for c in text
    )
    return f'"{escaped}"'


FRONT = """+++
title = {title}
date = {day}
authors = ["crossing-editors"]
summary = "s"
+++
Body.
"""


@settings(max_examples=60, deadline=None)
@given(
    day=st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    title=st.text(min_size=1, max_size=60).filter(lambda t: t.strip() and not CONTROL.search(t)),
)
def test_front_matter_reads_back_what_was_written(day: date, title: str) -> None:
    """Any TOML date is the post's date; any title, escaped as TOML, reads back."""
    diagnostics, draft = _read_one(title, day)
    assert diagnostics == []
    assert draft.draft.matter.values["date"] == day
    assert draft.draft.matter.values["title"] == title.strip()


@settings(max_examples=60, deadline=None)
@given(
    before=st.text(max_size=20),
    control=st.from_regex(CONTROL, fullmatch=True),
    after=st.text(max_size=20),
)
def test_a_control_character_in_a_title_is_an_error_at_its_line(
    before: str, control: str, after: str
) -> None:
    diagnostics, _draft = _read_one(before + control + after, date(2014, 6, 20))
    first = CONTROL.search(before + control + after)
    assert first is not None
    assert diagnostics[0].code == "E201" and diagnostics[0].position is not None
    assert diagnostics[0].position.line == 2  # the title's
    assert diagnostics[0].message.startswith(
        f"'title' contains the control character U+{ord(first.group()):04X}"
    )


def _read_one(title: str, day: date) -> tuple[list[Diagnostic], Any]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "2014-06-20-x.md"
        text = FRONT.format(title=toml_string(title), day=day.isoformat())
        path.write_text(text, encoding="utf-8")
        diagnostics: list[Diagnostic] = []
        (draft,) = read_posts(Path(folder), diagnostics)
    return diagnostics, draft


@given(st.integers(min_value=0, max_value=95))
def test_the_index_pages_hold_every_post_once_ten_at_most(count: int) -> None:
    news = News(posts=list(range(count)))  # type: ignore[arg-type]  # only counted
    pages = [news.page(n) for n in range(1, news.page_count() + 1)]
    assert news.page_count() == max(1, (count + 9) // 10)
    assert [post for page in pages for post in page] == news.posts
    assert all(1 <= len(page) <= PER_PAGE for page in pages) or count == 0
    assert news.page(news.page_count() + 1) == []


def test_ten_posts_make_one_page_and_eleven_two(tree: Path) -> None:
    write_news(tree, count=9)  # and the featured one: ten
    assert tree_check(tree).content.news.page_count() == 1
    write_news(tree, count=10)
    assert tree_check(tree).content.news.page_count() == 2


@pytest.mark.parametrize(
    ("date_line", "known", "iso", "shown"),
    [
        ("date = 2014-06-20", "", "2014-06-20", "j F Y"),
        ("date = 2014-06-01", 'date_known = "month"', "2014-06", "F Y"),
        ("date = 2014-01-01", 'date_known = "year"', "2014", "Y"),
    ],
)
def test_a_date_says_only_as_much_as_the_record_gives(
    tree: Path, date_line: str, known: str, iso: str, shown: str
) -> None:
    written = FEATURED.replace("date = 2014-06-20", f"{date_line}\n{known}".rstrip())
    post(tree, "2014-06-20-two-awards.md", written)
    assert problems(tree) == []
    found_post = tree_check(tree).content.news.post("two-awards")
    assert found_post is not None
    assert (found_post.iso_date, found_post.date_format) == (iso, shown)
    month = (found_post.date.year, found_post.date.month)
    in_months = month in tree_check(tree).content.news.months()
    assert in_months is ("year" not in known)  # a year alone belongs to no month's archive


@pytest.mark.parametrize(
    ("lines", "said"),
    [
        (
            'date = 2014-06-20\ndate_known = "week"',
            '\'date_known\' must be "year", "month" or "day"',
        ),
        ('date = 2014-06-20\ndate_known = "month"', "date the post the first of the month"),
        ('date = 2014-06-01\ndate_known = "year"', "date the post 1 January"),
    ],
)
def test_a_date_known_the_date_does_not_fit_is_refused(tree: Path, lines: str, said: str) -> None:
    post(tree, "2014-07-01-x.md", FEATURED.replace("date = 2014-06-20", lines))
    (message,) = found(tree, "E201")
    assert message.startswith("content/news/2014-07-01-x.md:4:1 ")
    assert said in message
