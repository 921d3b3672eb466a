"""The single-file edition (`crossing bundle`) from file://, with the network off: played by
keyboard to an ending, with its odds, and without a single request outside the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import (
    ContextFactory,
    Watch,
    assert_ending_odds,
    is_file,
    open_player,
    play_to_ending,
)


@pytest.mark.parametrize("edition", ["example_bundle", "flagship_bundle"])
def test_bundle_plays_offline_by_keyboard(
    edition: str, request: pytest.FixtureRequest, new_context: ContextFactory, watch: Watch
) -> None:
    bundle: Path = request.getfixturevalue(edition)
    page = new_context(allow=is_file, offline=True).new_page()
    open_player(page, bundle.as_uri())
    # The map is inline: there is nothing to fetch.
    expect(page.locator(".map-frame svg")).to_be_attached()

    assert play_to_ending(page, keyboard=True) > 0
    assert_ending_odds(page)
    # No server to report to, so nothing about how other readers fared.
    assert page.locator("#journey").get_attribute("data-endings") is None
    expect(page.locator(".ending-fared")).to_be_empty()
    expect(page.locator(".map-frame g.route circle").first).to_be_attached()

    assert watch.requests == [bundle.as_uri()], watch.requests
    assert not watch.outside()
