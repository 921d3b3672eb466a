"""`crossing build` with news: every post, page of the index, tag, author and month page
and every feed written, the feeds as the files the pages link to, no broken link in the
pages or the feeds."""

from __future__ import annotations

import html
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import feedparser
import pytest
from django.test import override_settings

from crossing.web.content import site_content
from crossing.web.export import build_site, file_for
from crossing.web.page_cache import pages

from .posts import write_news

ROOT = Path(__file__).resolve().parents[2]
FEED_LINK = re.compile(r"""(?:href|src)=["']([^"']+)["']|<(?:link|guid|id)>([^<]+)</""")


@pytest.fixture(scope="module")
def news_export(
    tmp_path_factory: pytest.TempPathFactory, django_db_setup: None, django_db_blocker: Any
) -> Path:
    folder = tmp_path_factory.mktemp("news-export")
    shutil.copytree(ROOT / "content", folder / "content")
    write_news(folder / "content")
    pages.clear()
    with override_settings(CONTENT_DIR=folder / "content"):
        with django_db_blocker.unblock():
            build_site(folder / "site")
        yield folder / "site"
    pages.clear()


def test_every_news_page_and_feed_is_written(news_export: Path) -> None:
    with override_settings(CONTENT_DIR=news_export.parent / "content"):
        news = site_content().news
        addresses = site_content().news_addresses() + news.feed_addresses()
    assert len(addresses) > 30
    for address in addresses:
        assert (news_export / file_for(address)).is_file(), address
    for name in (
        "news/index.html",
        "news/page/2/index.html",
        "news/two-awards/index.html",
        "news/tag/the-defector/index.html",
        "news/author/jane-doe/index.html",
        "news/2014/06/index.html",
        "news/tags/index.html",
        "news/feed/atom.xml",
        "news/feed/rss.xml",
        "news/tag/china/rss.xml",
    ):
        assert (news_export / name).is_file(), name


class Refs(HTMLParser):
    """Ids, and the links and sources of every element."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in ("href", "src") and value:
                self.refs.append(value)


def refs(path: Path) -> Refs:
    found = Refs()
    found.feed(path.read_text(encoding="utf-8"))
    return found


def test_no_link_in_a_news_page_is_broken(news_export: Path) -> None:
    broken = []
    for page in (news_export / "news").rglob("*.html"):
        for value in refs(page).refs:
            parts = urlsplit(value)
            if parts.scheme:
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.is_file():
                broken.append(f"{page.relative_to(news_export)}: {value}")
            elif (
                parts.fragment
                and target.suffix == ".html"
                and parts.fragment not in refs(target).ids
            ):
                broken.append(f"{page.relative_to(news_export)}: no #{parts.fragment} in {value}")
    assert broken == []


def test_pages_link_to_the_feed_files(news_export: Path) -> None:
    post = (news_export / "news/two-awards/index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml" href="../feed/atom.xml"' in post
    tag = (news_export / "news/tag/china/index.html").read_text(encoding="utf-8")
    assert 'href="atom.xml"' in tag and 'href="rss.xml"' in tag


@pytest.mark.parametrize(
    "name",
    [
        "news/feed/atom.xml",
        "news/feed/rss.xml",
        "news/tag/the-defector/atom.xml",
        "news/tag/awards/rss.xml",
    ],
)
def test_no_link_in_a_feed_is_broken(news_export: Path, name: str) -> None:
    path = news_export / name
    xml = path.read_text(encoding="utf-8")
    assert "testserver" not in xml
    assert not feedparser.parse(xml).bozo
    links = [a or b for a, b in FEED_LINK.findall(html.unescape(xml))]
    assert len(links) > 3
    for link in links:
        parts = urlsplit(link)
        if parts.scheme:
            assert parts.netloc != "testserver", link
            continue
        target = (path.parent / unquote(parts.path)).resolve()
        assert target.is_file(), f"{name}: {link}"


def test_a_base_url_makes_feed_links_absolute(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    write_news(tmp_path / "content", count=1)
    pages.clear()
    with override_settings(CONTENT_DIR=tmp_path / "content"):
        build_site(tmp_path / "site", base_url="https://crossing.example.org/")
    pages.clear()
    atom = feedparser.parse((tmp_path / "site/news/feed/atom.xml").read_bytes())
    assert not atom.bozo
    assert atom.entries[0].id == "https://crossing.example.org/news/two-awards/"
    assert (
        'href="https://crossing.example.org/films/the-defector/"'
        in atom.entries[0].content[0].value
    )
