"""axe-core in Chromium finds no WCAG 2.x A/AA (nor best-practice) violation on any page:
the site's pages, the player at its start, at an ending and with a source open, the
gamebook without JavaScript, and the single-file edition."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route, expect

from .conftest import (
    CHAPTER,
    ContextFactory,
    assert_accessible,
    axe_violations,
    is_file,
    open_player,
    play_to_ending,
)


def journey(page: Page, site: str) -> None:
    open_player(page, f"{site}/journey/")


def ending(page: Page, site: str) -> None:
    open_player(page, f"{site}/journey/")
    play_to_ending(page, keyboard=False)
    expect(page.locator(".ending-fared")).not_to_be_empty()


def source_dialog(page: Page, site: str) -> None:
    open_player(page, f"{site}/journey/")
    page.locator(".scene-text a[data-source]").first.click()
    expect(page.locator("dialog.source")).to_have_attribute("open", "")


def address(path: str) -> Callable[[Page, str], None]:
    def visit(page: Page, site: str) -> None:
        page.goto(f"{site}{path}")

    return visit


PAGES: dict[str, Callable[[Page, str], None]] = {
    "home": address("/"),
    "journey": journey,
    "ending": ending,
    "source-dialog": source_dialog,
    "gamebook-chapter": address(f"/journey/gamebook/{CHAPTER}/"),
    "gamebook-whole": address("/journey/gamebook/"),
}


@pytest.mark.parametrize("name", PAGES)
def test_site_page_is_accessible(name: str, site: str, page: Page) -> None:
    PAGES[name](page, site)
    assert_accessible(page)


def test_journey_without_javascript_is_accessible(site: str, page: Page) -> None:
    # axe runs on timers, and a page with JavaScript off fires none, so axe.run() would
    # never return there. A page whose player script is empty is the same document a
    # reader without JavaScript gets: the gamebook, with the player hidden. (The player is
    # inline in the page: the page is served here without it.)
    def without_player(route: Route) -> None:
        response = route.fetch()
        body = re.sub(r'<script type="module" async>.*?</script>', "", response.text(), flags=re.S)
        route.fulfill(response=response, body=body)

    page.route("**/journey/", without_player)
    page.goto(f"{site}/journey/")
    expect(page.locator("#s1")).to_be_visible()
    expect(page.locator(".player")).to_be_hidden()
    assert "playing" not in (page.locator("#journey").get_attribute("class") or "")
    assert_accessible(page)


def test_bundle_is_accessible(flagship_bundle: Path, new_context: ContextFactory) -> None:
    page = new_context(allow=is_file, offline=True).new_page()
    open_player(page, flagship_bundle.as_uri())
    assert_accessible(page)


def test_the_check_finds_violations(page: Page) -> None:
    """A control: on a page with known faults, the same check reports them."""
    page.set_content("<html><body><img src='data:,'><button></button></body></html>")
    found = {v["id"] for v in axe_violations(page)}
    assert {"html-has-lang", "image-alt", "button-name", "document-title"} <= found, found
