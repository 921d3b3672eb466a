"""The events page in Chromium: at 360 and 1280 px, with JavaScript on and off, it fits the
screen, axe-core finds nothing, no request leaves the site, and the filters (a plain GET
form) work. Screenshots go to the test's temporary folder, or to CROSSING_SCREENSHOTS:

    CROSSING_SCREENSHOTS=docs/screenshots .venv/bin/pytest tests/browser/test_events_browser.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from events.made import SYDNEY, TORONTO, film_with, serve, showing
from playwright.sync_api import Page, expect
from screenings_pages.helpers import called_off, confirmed, on_sale

from .conftest import ContextFactory, assert_accessible, assert_fits


def _folder(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("CROSSING_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _events(monkeypatch: pytest.MonkeyPatch) -> None:
    """Screenings in three states and broadcasts to come, in two countries and zones."""
    confirmed(town="Toronto", country="CA")
    on_sale(town="Busan", country="KR")
    called_off()
    serve(
        monkeypatch,
        film_with(
            showing("abc1-2099", "2099-06-17T20:30", channel=SYDNEY, presenter="Kerry O'Brien"),
            showing("tvo-2099", "2099-06-26T21:00", channel=TORONTO),
            showing("tvo-2099-repeat", "2099-06-27T00:00", repeat_of="tvo-2099"),
            showing("pbs", "2009", duration=None),
        ),
    )


def _said_in_both(page: Page, instant: str, *, channel: str, reader: str, javascript: bool) -> None:
    """Without JavaScript a showing's time is the server's, in the channel's zone; with it,
    the reader's (here Seoul's), followed by the channel's."""
    time = page.locator(f"time[datetime='{instant}']")
    if not javascript:
        expect(time).to_have_text(_spaced(channel))
        return
    expect(time).to_have_text(_spaced(reader))
    expect(time.locator("xpath=following-sibling::span[1]")).to_have_text(_spaced(f"({channel})"))


def _spaced(text: str) -> re.Pattern[str]:
    """The text, whatever spaces the locale data puts in it (a narrow no-break one before PM)."""
    return re.compile(re.escape(text).replace("\\ ", r"\s"))


@pytest.mark.parametrize("javascript", [True, False])
@pytest.mark.parametrize("width", [360, 1280])
def test_the_events_page_fits_passes_axe_and_filters(
    width: int,
    javascript: bool,
    site: str,
    new_context: ContextFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _events(monkeypatch)
    context = new_context(
        viewport={"width": width, "height": 900},
        java_script_enabled=javascript,
        timezone_id="Asia/Seoul",
    )
    page = context.new_page()
    page.goto(f"{site}/events/")
    expect(page.locator(".event-card")).to_have_count(6)
    _said_in_both(
        page,
        "2099-06-17T10:30:00Z",
        channel="Wednesday, June 17, 2099, 8:30 PM AEST",
        reader="Wednesday, June 17, 2099 at 7:30 PM your time (Seoul)",
        javascript=javascript,
    )
    assert_fits(page, width)
    if javascript:
        assert_accessible(page)
    mode = "js" if javascript else "nojs"
    page.screenshot(path=str(_folder(tmp_path) / f"events-{width}-{mode}.png"), full_page=True)

    page.select_option("#filter-country", "AU")
    page.click(".event-filter button[type=submit]")
    page.wait_for_load_state()
    assert page.url.endswith("/events/?country=AU&kind=")
    expect(page.locator(".event-card")).to_have_count(1)
    expect(page.locator(".event-card")).to_contain_text("ABC1 (Australia)")
    assert_fits(page, width)


@pytest.mark.parametrize("javascript", [True, False])
@pytest.mark.parametrize("width", [360, 1280])
def test_the_archive_of_the_real_broadcasts(
    width: int, javascript: bool, site: str, new_context: ContextFactory, tmp_path: Path
) -> None:
    """The films' own broadcasts (June 2013 in Australia and Canada, PBS 2009)."""
    context = new_context(
        viewport={"width": width, "height": 900},
        java_script_enabled=javascript,
        timezone_id="Asia/Seoul",
    )
    page = context.new_page()
    page.goto(f"{site}/events/past/")
    expect(page.locator("time[datetime='2009']")).to_have_text("2009 (day not recorded)")
    _said_in_both(
        page,
        "2013-06-17T10:30:00Z",
        channel="Monday, June 17, 2013, 8:30 PM AEST",
        reader="Monday, June 17, 2013 at 7:30 PM your time (Seoul)",
        javascript=javascript,
    )
    expect(page.locator(".event-card")).to_have_count(9)
    assert_fits(page, width)
    if javascript:
        assert_accessible(page)
    mode = "js" if javascript else "nojs"
    page.screenshot(path=str(_folder(tmp_path) / f"events-past-{width}-{mode}.png"), full_page=True)


def test_an_empty_events_page_says_what_to_do(site: str, new_context: ContextFactory) -> None:
    page = new_context(viewport={"width": 360, "height": 800}).new_page()
    page.goto(f"{site}/events/")
    expect(page.locator(".event-empty")).to_contain_text("Request a screening")
    assert_fits(page, 360)
    assert_accessible(page)
