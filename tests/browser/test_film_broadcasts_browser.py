"""The film pages' broadcasts in Chromium, in readers' own zones: the same showing says its
time in Seoul, Toronto and Sydney, and that it is the reader's time; without JavaScript
it is the channel's time, as the server wrote it; a daylight-saving change in the channel's
zone moves the reader's hour. The film pages and the films index pass axe-core and fit a
360 px screen, asking nothing of another site.

    CROSSING_SCREENSHOTS=docs/screenshots .venv/bin/pytest tests/browser/test_film_broadcasts_browser.py
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from films.schedules import DST, LATER, copy_content, put_on_film
from playwright.sync_api import Page, expect
from pytest_django.fixtures import Settings

from crossing.content.broadcasts import Broadcast
from crossing.web.content import site_content

from .conftest import ROOT, ContextFactory, Watch, assert_accessible, assert_fits

PREMIERE = "#broadcast-abc1-premiere time"
FILM = "/films/the-defector/"
Schedule = Callable[[tuple[Broadcast, ...]], None]


@pytest.fixture
def schedule(settings: Settings, tmp_path: Path) -> Schedule:
    settings.CONTENT_DIR = copy_content(tmp_path / "content")
    return lambda broadcasts: put_on_film(site_content(), broadcasts)


def local_text(page: Page, selector: str) -> str:
    """The text the script gave the <time>, its narrow spaces as spaces."""
    element = page.locator(selector)
    expect(element).to_have_attribute("data-local-done", "")
    return element.inner_text().replace("\u202f", " ")


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("Asia/Seoul", r"^Monday, June 17, 2013 at 7:30 PM your time \(Seoul\)$"),
        # 10:30 UTC is 6:30 am in Toronto (UTC−4 in June), the same Monday morning.
        ("America/Toronto", r"^Monday, June 17, 2013 at 6:30 AM EDT your time \(Toronto\)$"),
        ("Australia/Sydney", r"^Monday, June 17, 2013 at 8:30 PM (AEST )?your time \(Sydney\)$"),
    ],
)
def test_the_premiere_in_the_readers_zone(
    zone: str, expected: str, site: str, new_context: ContextFactory, watch: Watch
) -> None:
    """The real page: ABC1's premiere (8.30pm in Sydney, 10:30 UTC)."""
    page = new_context(timezone_id=zone, locale="en-US").new_page()
    page.goto(f"{site}{FILM}")
    assert re.match(expected, local_text(page, PREMIERE)), local_text(page, PREMIERE)
    # What the channel said stays in reach: as the title, and after the reader's time.
    time = page.locator(PREMIERE)
    expect(time).to_have_attribute("title", re.compile(r"8:30.PM AEST$"))
    expect(time.locator("xpath=following-sibling::span[@class='zone-text']")).to_have_text(
        re.compile(r"^ ?\(Monday, June 17, 2013, 8:30.PM AEST\)$")
    )
    # Every showing on the page is restated, TVO's first one too (01:00 UTC on 27 June).
    expect(page.locator("time[data-local]:not([data-local-done])")).to_have_count(0)
    assert not watch.outside()


def test_without_javascript_each_time_is_the_channels(
    site: str, new_context: ContextFactory
) -> None:
    page = new_context(java_script_enabled=False, timezone_id="Asia/Seoul").new_page()
    page.goto(f"{site}{FILM}")
    texts = [t.replace("\u202f", " ") for t in page.locator(".broadcasts time").all_inner_texts()]
    assert texts[0] == "Monday, June 17, 2013, 8:30 PM AEST"
    assert texts[1] == "Tuesday, June 18, 2013, 11:35 PM AEST"
    assert "Wednesday, June 26, 2013, 9:00 PM EDT" in texts
    expect(page.locator(".zone-text")).to_have_count(0)


def test_a_daylight_saving_change_seen_from_seoul(
    live_server: object, schedule: Schedule, new_context: ContextFactory
) -> None:
    """Toronto left daylight saving on 3 November 2013: 8 pm there was 9 am in Seoul the
    day before the change, and 10 am after it."""
    schedule(DST)
    page = new_context(timezone_id="Asia/Seoul", locale="en-US").new_page()
    page.goto(f"{live_server.url}{FILM}")  # type: ignore[attr-defined]
    before = local_text(page, "#broadcast-tvo-before time")
    after = local_text(page, "#broadcast-tvo-after time")
    assert before == "Sunday, November 3, 2013 at 9:00 AM your time (Seoul)", before
    assert after == "Tuesday, November 5, 2013 at 10:00 AM your time (Seoul)", after


def test_this_years_showing_leaves_out_the_year(
    live_server: object, schedule: Schedule, new_context: ContextFactory
) -> None:
    schedule(LATER)
    context = new_context(timezone_id="America/Toronto", locale="en-US")
    page = context.new_page()
    # The reader's clock says it is 2040: the showing's year goes without saying.
    page.clock.set_fixed_time("2040-01-15T12:00:00Z")
    page.goto(f"{live_server.url}{FILM}")  # type: ignore[attr-defined]
    text = local_text(page, "#broadcast-tvo-later time")
    assert text == "Thursday, March 1 at 9:00 PM EST your time (Toronto)", text


PAGES = {
    "film-the-defector": FILM,
    "film-crossing-heavens-border": "/films/crossing-heavens-border/",
    "films": "/films/",
}


@pytest.mark.parametrize("width", [360, 390, 1280])
def test_film_pages_are_accessible_fit_and_stay_local(
    width: int, site: str, new_context: ContextFactory, watch: Watch, tmp_path: Path
) -> None:
    """The real film pages and the films index, as a reader in Seoul sees them."""
    folder = Path(os.environ.get("CROSSING_SCREENSHOTS") or tmp_path)
    folder = folder if folder.is_absolute() else ROOT / folder
    folder.mkdir(parents=True, exist_ok=True)
    page = new_context(
        viewport={"width": width, "height": 900}, timezone_id="Asia/Seoul", locale="en-US"
    ).new_page()
    for name, path in PAGES.items():
        page.goto(f"{site}{path}")
        if page.locator("time[data-local]").count():
            expect(page.locator("time[data-local]").first).to_have_attribute("data-local-done", "")
        assert_fits(page, width)
        assert_accessible(page)
        if name == "film-the-defector":  # its two sections, as a reader in Seoul sees them
            for part in ("broadcasts", "where-to-watch"):
                shot = folder / f"film-{part}-{width}.png"
                page.locator(f"section[aria-labelledby='{part}']").screenshot(path=str(shot))
                assert shot.read_bytes().startswith(b"\x89PNG")
    assert not watch.outside()


@pytest.mark.django_db
def test_the_exported_film_page_says_the_readers_time_from_a_file(
    new_context: ContextFactory, tmp_path: Path
) -> None:
    """The static export carries the script and its sentence: from file://, with nothing
    else to ask for, the premiere is said in the reader's zone."""
    from crossing.web.export import build_site

    from .conftest import is_file

    out = tmp_path / "site"
    build_site(out)
    page = new_context(allow=is_file, offline=True, timezone_id="Asia/Seoul").new_page()
    page.goto((out / "films" / "the-defector" / "index.html").as_uri())
    text = local_text(page, PREMIERE)
    assert text == "Monday, June 17, 2013 at 7:30 PM your time (Seoul)", text
