"""The news's pages: the index in pages of ten, each post, the archives, the home page's
latest posts and the navigation; metadata for other software; 404 for what is not there."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from crossing.web.page_cache import pages

from .conftest import ROOT
from .posts import write_news


@pytest.fixture(scope="module")
def unedited_news(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of content/ with the tests' own news, as `news_content` makes it, shared by
    the tests that do not edit it: the site reads it once, not once a test."""
    folder = tmp_path_factory.mktemp("news") / "content"
    shutil.copytree(ROOT / "content", folder)
    write_news(folder)
    return folder


@pytest.fixture(autouse=True)
def _fresh(request: pytest.FixtureRequest, settings: Settings, unedited_news: Path) -> None:
    """The site serves the module's unedited copy, or the test's own where it edits one."""
    if "news_content" in request.fixturenames:
        request.getfixturevalue("news_content")
    else:
        settings.CONTENT_DIR = unedited_news
    pages.clear()  # pages kept from another test's content


def html(client: Client, address: str) -> str:
    response = client.get(address)
    assert response.status_code == 200, address
    return response.content.decode()


def titles(page: str) -> list[str]:
    return re.findall(r'<h[23]><a href="/news/[a-z0-9-]+/">([^<]+)</a>', page)


def json_ld(page: str) -> dict[str, object]:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.DOTALL)
    assert match, "no JSON-LD"
    data: dict[str, object] = json.loads(match.group(1))
    return data


def test_the_index_shows_ten_posts_newest_first_then_a_second_page(client: Client) -> None:
    first = html(client, "/news/")
    assert titles(first)[:2] == ["The Defector wins two awards", "News number 11"]
    assert len(titles(first)) == 10
    assert '<link rel="next" href="/news/page/2/">' in first
    assert 'rel="prev"' not in first
    assert "Page 1 of 2" in first
    second = html(client, "/news/page/2/")
    assert titles(second) == ["News number 2", "News number 1"]
    assert '<link rel="prev" href="/news/">' in second
    assert '<a rel="prev" href="/news/">' in second
    assert 'rel="next"' not in second


@pytest.mark.parametrize(
    "address",
    [
        "/news/page/1/",  # the first page is /news/ alone
        "/news/page/0/",
        "/news/page/3/",
        "/news/no-such-post/",
        "/news/tag/no-such-tag/",
        "/news/tag/no-such-tag/atom.xml",
        "/news/author/nobody/",
        "/news/2014/01/",  # no post that month
        "/news/2014/13/",
        "/news/14/06/",
    ],
)
def test_what_is_not_there_is_not_found(client: Client, address: str) -> None:
    assert client.get(address).status_code == 404


def test_a_post_page(client: Client) -> None:
    page = html(client, "/news/two-awards/")
    assert "<h1>The Defector wins two awards</h1>" in page
    assert '<time datetime="2014-06-20">20 June 2014</time>' in page
    assert '<a href="/news/author/jane-doe/" rel="author">Jane Doe</a>' in page
    assert '<a href="/news/tag/the-defector/" rel="tag">The Defector</a>' in page
    assert 'href="/films/the-defector/"' in page
    assert 'id="what-the-jury-said"' in page
    assert '<li id="ref-flyer">' in page and 'href="#ref-flyer"' in page
    assert '<img src="/static/crossing/favicon.svg" alt="The site&#x27;s mark">' in page
    assert '<a rel="prev" href="/news/news-11/">' in page  # the one before it
    assert 'rel="next"' not in page  # the newest has none after it
    assert 'action="/comments/post/#respond"' in page  # open for comments (tests/comments/)


def test_a_post_says_what_it_is_to_other_software(client: Client) -> None:
    page = html(client, "/news/two-awards/")
    assert '<meta property="og:type" content="article">' in page
    assert '<meta property="article:published_time" content="2014-06-20">' in page
    assert '<meta property="article:tag" content="Awards">' in page
    data = json_ld(page)
    assert data["@type"] == "BlogPosting"
    assert data["datePublished"] == "2014-06-20"
    assert data["author"] == [
        {"@type": "Person", "name": "Jane Doe", "url": "https://jane.example.org/"},
        {"@type": "Person", "name": "The Crossing editors"},
    ]
    assert data["keywords"] == ["The Defector", "Awards", "China"]
    assert data["image"] == "http://testserver/static/crossing/favicon.svg"
    image = '<meta property="og:image" content="http://testserver/static/crossing/favicon.svg">'
    assert image in page
    assert '<link rel="alternate" type="application/atom+xml" href="/news/feed/atom.xml"' in page
    assert '<link rel="alternate" type="application/rss+xml" href="/news/feed/rss.xml"' in page


def test_the_index_is_a_blog_and_archives_are_collections(client: Client) -> None:
    assert json_ld(html(client, "/news/"))["@type"] == "Blog"
    for address in ("/news/tag/china/", "/news/author/jane-doe/", "/news/2014/06/"):
        assert json_ld(html(client, address))["@type"] == "CollectionPage", address


def test_a_tag_archive(client: Client) -> None:
    page = html(client, "/news/tag/the-defector/")
    assert "<h1>Tag: The Defector</h1>" in page
    assert titles(page) == ["The Defector wins two awards"]
    assert 'href="/news/tag/the-defector/atom.xml"' in page
    assert 'href="/news/tag/the-defector/rss.xml"' in page
    china = titles(html(client, "/news/tag/china/"))
    assert china[0] == "The Defector wins two awards" and len(china) == 7


def test_an_author_archive_has_the_bio_and_link(client: Client) -> None:
    page = html(client, "/news/author/jane-doe/")
    assert "<h1>Jane Doe</h1>" in page
    assert "Writes about the films." in page
    assert 'href="https://jane.example.org/"' in page
    assert titles(page) == ["The Defector wins two awards"]


def test_a_month_archive(client: Client) -> None:
    page = html(client, "/news/2014/02/")
    assert "<h1>News of February 2014</h1>" in page
    assert titles(page) == ["News number 3", "News number 2", "News number 1"]


def test_the_list_of_tags(client: Client) -> None:
    page = html(client, "/news/tags/")
    assert '<a href="/news/tag/awards/">Awards</a> <span class="count">(6 posts)</span>' in page
    assert '<a href="/news/tag/the-defector/">The Defector</a>' in page


def test_the_home_page_shows_the_three_latest_and_the_navigation_has_news(
    client: Client,
) -> None:
    page = html(client, "/")
    assert page.index("<main") < page.index('id="home-news"') < page.index("</main>")
    section = page[page.index('id="home-news"') :]
    assert titles(section) == ["The Defector wins two awards", "News number 11", "News number 10"]
    assert '<a href="/news/">News</a>' in page
    news = html(client, "/news/")
    assert '<a href="/news/" aria-current="page">News</a>' in news
    assert '<a href="/news/" class="within">News</a>' in html(client, "/news/two-awards/")


def test_every_news_page_is_in_the_sitemap(client: Client) -> None:
    sitemap = html(client, "/sitemap.xml")
    for address in (
        "/news/",
        "/news/page/2/",
        "/news/two-awards/",
        "/news/tag/china/",
        "/news/author/jane-doe/",
        "/news/2014/06/",
        "/news/tags/",
    ):
        assert f"<loc>http://testserver{address}</loc>" in sitemap


def test_the_sources_page_lists_posts_that_cite_a_source(client: Client) -> None:
    page = html(client, "/sources/")
    assert '<a href="/news/two-awards/#ref-flyer">news: The Defector wins two awards</a>' in page


def test_with_no_news_the_index_says_so(client: Client, news_content: Path) -> None:
    write_news(news_content, count=0)
    (news_content / "news" / "2014-06-20-two-awards.md").unlink()
    (news_content / "news" / "authors.toml").write_text("", encoding="utf-8")
    pages.clear()
    page = html(client, "/news/")
    assert "No news yet." in page
    assert 'id="home-news"' not in html(client, "/")


def test_news_pages_are_served_from_the_page_cache(client: Client) -> None:
    pages.clear()
    html(client, "/news/two-awards/")
    html(client, "/news/feed/atom.xml")
    kept = {key[0] for key in pages._pages}
    assert {"/news/two-awards/", "/news/feed/atom.xml"} <= kept


def test_a_broken_post_shows_on_the_content_error_page(
    client: Client, news_content: Path, settings: Settings
) -> None:
    """As a broken chapter does, while editing: every page says what to fix, at its file
    and line."""
    settings.CROSSING_WATCH = True
    post = news_content / "news" / "2014-06-20-two-awards.md"
    post.write_text(
        post.read_text(encoding="utf-8").replace('"jane-doe"', '"jane-do"'), encoding="utf-8"
    )
    pages.clear()
    response = client.get("/news/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "news/2014-06-20-two-awards.md:4:" in page
    assert "unknown author &#x27;jane-do&#x27;" in page


def test_with_ten_posts_there_is_one_page(client: Client, news_content: Path) -> None:
    write_news(news_content, count=9)  # and the featured one
    pages.clear()
    page = html(client, "/news/")
    assert len(titles(page)) == 10
    assert 'rel="next"' not in page and "Page 1 of" not in page
    assert client.get("/news/page/2/").status_code == 404


def test_a_post_known_by_its_year_shows_the_year_and_sits_in_no_month(
    client: Client, news_content: Path
) -> None:
    featured = news_content / "news" / "2014-06-20-two-awards.md"
    text = featured.read_text(encoding="utf-8")
    featured.write_text(
        text.replace("date = 2014-06-20", 'date = 2014-01-01\ndate_known = "year"'),
        encoding="utf-8",
    )
    page = html(client, "/news/two-awards/")
    assert '<time datetime="2014">2014</time>' in page
    assert "1 January 2014" not in page
    assert json_ld(page)["datePublished"] == "2014"
    assert '<meta property="article:published_time" content="2014">' in page
    assert client.get("/news/2014/01/").status_code == 404
