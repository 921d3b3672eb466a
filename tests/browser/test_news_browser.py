"""The news in Chromium, on posts of the tests' own (tests/news/posts.py): the index, a
post, a tag archive and the home page pass axe-core and fit 390 px and 1280 px screens,
ask nothing of another site, read without JavaScript, and a keyboard reaches every post,
the next page, the authors and the tags. Screenshots of the editors' real news go to the
test's temporary folder; to refresh docs/screenshots/news-*.png with them:

    CROSSING_SCREENSHOTS=docs/screenshots .venv/bin/pytest tests/browser/test_news_browser.py
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from news.posts import write_news  # tests/news: the tests' own posts
from playwright.sync_api import Page, expect
from pytest_django.fixtures import Settings

from crossing.web.page_cache import pages

from .conftest import ROOT, ContextFactory, Watch, assert_accessible, assert_fits, tab_to

NEWS_PAGES = {
    "index": "/news/",
    "second-page": "/news/page/2/",
    "post": "/news/two-awards/",
    "tag": "/news/tag/china/",
    "author": "/news/author/jane-doe/",
    "month": "/news/2014/06/",
    "tags": "/news/tags/",
    "home": "/",
}


@pytest.fixture(scope="module")
def news_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """content/ with the tests' own news: written once for this file's tests, which only
    read it, so that the site reads it once rather than once per test."""
    folder = tmp_path_factory.mktemp("news") / "content"
    shutil.copytree(ROOT / "content", folder)
    write_news(folder)
    return folder


@pytest.fixture
def news_site(site: str, settings: Settings, news_content: Path) -> str:
    settings.CONTENT_DIR = news_content
    pages.clear()
    return site


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("name", NEWS_PAGES)
def test_news_page_is_accessible_fits_and_stays_local(
    name: str, width: int, news_site: str, new_context: ContextFactory, watch: Watch
) -> None:
    page = new_context(viewport={"width": width, "height": 900}).new_page()
    page.goto(f"{news_site}{NEWS_PAGES[name]}")
    assert_fits(page, width)
    assert_accessible(page)
    assert not watch.outside()


def test_news_reads_without_javascript(news_site: str, new_context: ContextFactory) -> None:
    page = new_context(java_script_enabled=False).new_page()
    for path in NEWS_PAGES.values():
        page.goto(f"{news_site}{path}")
        expect(page.locator("h1")).to_be_visible()
    page.goto(f"{news_site}/news/two-awards/")
    page.locator("sup.cite a").first.click()  # the citation's number
    expect(page.locator("[id='ref-flyer']")).to_be_visible()


def test_a_keyboard_reaches_posts_the_next_page_authors_and_tags(
    news_site: str, page: Page
) -> None:
    page.goto(f"{news_site}/news/")
    tab_to(page, "a[href='/news/two-awards/']")
    tab_to(page, "a[rel='next']")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{news_site}/news/page/2/")
    page.goto(f"{news_site}/news/two-awards/")
    tab_to(page, "a[rel='author'][href='/news/author/jane-doe/']")
    tab_to(page, "a[rel='tag'][href='/news/tag/china/']")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Tag: China")


SHOTS = {"index": "/news/", "tag": "/news/tag/the-defector/", "home": "/"}


@pytest.mark.parametrize("width", [390, 1280])
def test_screenshots_of_the_real_news(
    width: int, site: str, new_context: ContextFactory, tmp_path: Path
) -> None:
    """The index, the newest post, a tag and the home page as the editors' posts make
    them: each fits and passes axe-core, then is photographed whole."""
    folder = Path(os.environ.get("CROSSING_SCREENSHOTS") or tmp_path)
    folder = folder if folder.is_absolute() else ROOT / folder
    folder.mkdir(parents=True, exist_ok=True)
    page = new_context(viewport={"width": width, "height": 900}).new_page()
    page.goto(f"{site}/news/")
    newest = page.locator(".post-summary h2 a").first.get_attribute("href")
    assert newest and newest.startswith("/news/")
    for name, path in {**SHOTS, "post": newest}.items():
        page.goto(f"{site}{path}")
        assert_fits(page, width)
        assert_accessible(page)
        shot = folder / f"news-{name}-{width}.png"
        if name == "home":  # its news, at the foot of the page
            page.locator("#home-news").evaluate("(e) => { e.scrollIntoView(); scrollBy(0, -60) }")
        page.screenshot(path=str(shot), full_page=name != "home")
        assert shot.read_bytes().startswith(b"\x89PNG")
