"""The Korean edition as a reader gets it (issue 20): Chromium with Accept-Language ko lands
on /ko/, switches to the same page in English, reads Korean pages at 360 px without
sideways scrolling and without an axe violation; the Korean export works from file:// and
the Korean single file plays with the network off.

With CROSSING_SHOTS=DIR set, the pages are also photographed at 390 and 1280 px into DIR."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from crossing.web.bundle import write_bundle
from crossing.web.export import build_site
from crossing.web.journey.publish import Published, journey

from .conftest import (
    ROOT,
    ContextFactory,
    Watch,
    assert_accessible,
    assert_ending_odds,
    assert_fits,
    is_file,
    open_all_details,
    open_player,
    play_to_ending,
)

KOREAN = "ko-KR,ko;q=0.9,en;q=0.5"
PAGES = [
    "/ko/",
    "/ko/journey/",
    "/ko/on-the-border/",
    "/ko/on-the-border/the-river/",
    # Charts and maps drawn with Korean words: the broker fees, the route through Laos.
    "/ko/on-the-border/the-underground-railroad/",
]
SHOTS = os.environ.get("CROSSING_SHOTS")


def shoot(page: Page, name: str) -> None:
    if not SHOTS:
        return
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=False)


def test_a_korean_browser_lands_on_the_korean_site_and_can_switch(
    site: str, new_context: ContextFactory
) -> None:
    page = new_context(locale="ko-KR", extra_http_headers={"Accept-Language": KOREAN}).new_page()
    page.goto(site + "/")
    assert page.url == site + "/ko/"
    assert page.evaluate("document.documentElement.lang") == "ko"
    assert page.context.cookies() == []  # no cookie for a reader who only reads

    page.goto(site + "/ko/on-the-border/the-river/")
    current = page.locator(".language-switch a[aria-current]")
    expect(current).to_have_attribute("lang", "ko")
    page.locator(".language-switch a[hreflang=en]").click()
    page.wait_for_url(site + "/on-the-border/the-river/")
    assert page.evaluate("document.documentElement.lang") == "en"
    expect(page.locator(".language-switch a[aria-current]")).to_have_attribute("hreflang", "en")
    expect(page.locator(".untranslated-notice")).to_have_count(0)


@pytest.mark.parametrize("width", [360, 390, 1280])
def test_korean_pages_fit_and_are_accessible(
    site: str, new_context: ContextFactory, width: int
) -> None:
    page = new_context(viewport={"width": width, "height": 800}).new_page()
    for path in PAGES:
        page.goto(site + path)
        if path == "/ko/journey/":
            page.locator(".choices button").first.wait_for(state="visible")
        name = path.strip("/").replace("/", "-")
        shoot(page, f"{name}-{width}")
        open_all_details(page)
        assert_fits(page, width)
        if width == 360:
            assert_accessible(page)
    # The Korean rules are in force: whole words at line ends, Korean system fonts.
    style = page.evaluate(
        "() => { const s = getComputedStyle(document.querySelector('main p'));"
        " return [s.wordBreak, s.fontFamily, s.lineHeight]; }"
    )
    assert style[0] == "keep-all"
    assert "Noto Sans CJK KR" in style[1]


def test_korean_breaks_between_words_and_english_inside_it_keeps_its_own_rules(
    site: str, page: Page
) -> None:
    # (An untranslated page's English parts carry lang="en": tests/web/test_korean_site.py.)
    page.goto(site + "/ko/on-the-border/the-river/")
    expect(page.locator("h1")).to_have_text("강")
    breaking = "getComputedStyle(document.querySelector('.document-text p')).wordBreak"
    assert page.evaluate(breaking) == "keep-all"
    page.evaluate("document.querySelector('.document-text p').lang = 'en'")
    assert page.evaluate(breaking) == "normal"  # English words keep English line breaking


@pytest.fixture(scope="module")
def korean_export(
    flagship: Published,
    tmp_path_factory: pytest.TempPathFactory,
    django_db_setup: None,
    django_db_blocker: Any,
) -> Path:
    out = tmp_path_factory.mktemp("export-ko") / "site"
    with django_db_blocker.unblock():
        build_site(out)
    return out


def test_the_korean_export_works_from_file(
    korean_export: Path, new_context: ContextFactory, watch: Watch
) -> None:
    page = new_context(allow=is_file, offline=True).new_page()
    page.goto((korean_export / "ko" / "index.html").as_uri())
    assert page.evaluate("document.documentElement.lang") == "ko"
    page.locator("main a[href$='on-the-border/index.html']").first.click()
    page.wait_for_load_state("load")
    assert page.url == (korean_export / "ko" / "on-the-border" / "index.html").as_uri()
    expect(page.locator("h1")).to_have_text("국경에서")
    page.locator(".chapter-list a").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/ko/on-the-border/the-river/index.html")
    page.locator(".language-switch a[hreflang=en]").click()
    page.wait_for_load_state("load")
    assert page.url == (korean_export / "on-the-border" / "the-river" / "index.html").as_uri()
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != ""
    assert not watch.outside()


@pytest.fixture(scope="module")
def korean_bundle(flagship: Published, tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("bundle-ko") / "journey-ko.html"
    folder = ROOT / "content" / "journey"
    write_bundle(journey("ko").story, output, settings.DATA_DIR / "cache", folder, "ko")
    return output


def test_the_korean_bundle_plays_offline(
    korean_bundle: Path, new_context: ContextFactory, watch: Watch
) -> None:
    page = new_context(allow=is_file, offline=True).new_page()
    open_player(page, korean_bundle.as_uri())
    assert page.evaluate("document.documentElement.lang") == "ko"
    expect(page.locator(".map-frame svg")).to_be_attached()
    assert play_to_ending(page, keyboard=False) > 0
    assert_ending_odds(page)
    shoot(page, "bundle-ko-ending")
    assert watch.requests == [korean_bundle.as_uri()], watch.requests
    assert not watch.outside()
