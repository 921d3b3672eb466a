"""The journey's first scene from the page alone: the player shows it, and takes the first
decisions, before the rest of the story has come (held back here); when play needs the
rest, the player says so calmly and goes on when it comes; if it never comes, the page
says the journey could not be loaded and shows the gamebook."""

from __future__ import annotations

from playwright.sync_api import Page, Route, expect

from .conftest import FIRST_CHOICE, at_ending, open_player, play_to_ending

REST = "**/journey/story.*.rest.json"
NOTICE = ".player-notice"


def choose_until_it_waits(page: Page, limit: int = 6) -> int:
    """Take the first choice until the player waits for the rest; return the choices taken."""
    for taken in range(limit):
        before = page.locator(".scene-text").inner_text()
        page.locator(FIRST_CHOICE).click()
        page.wait_for_function(
            """(before) => !document.querySelector('.player-notice').hidden
                           || document.querySelector('.scene-text').innerText != before""",
            arg=before,
        )
        if page.locator(NOTICE).is_visible():
            return taken
    raise AssertionError(f"{limit} choices and the player never needed the rest")


def test_the_first_scenes_play_before_the_rest_arrives(site: str, page: Page) -> None:
    held: list[Route] = []
    page.route(REST, lambda route: held.append(route))  # the rest of the story, held back
    open_player(page, f"{site}/journey/")
    expect(page.locator(".scene-text")).not_to_be_empty()
    assert held, "the page asks for the rest at once"
    # The opening covers the first decisions; beyond it the player waits, and says so.
    taken = choose_until_it_waits(page)
    assert taken >= 2, "the first two decisions are in the opening"
    expect(page.locator(NOTICE)).to_contain_text("still loading")
    waiting_on = page.locator(".scene-text").inner_text()
    expect(page.locator(".choices")).to_have_attribute("inert", "")
    held[0].continue_()
    expect(page.locator(NOTICE)).to_be_hidden()
    expect(page.locator(".scene-text")).not_to_have_text(waiting_on)
    expect(page.locator(".choices")).not_to_have_attribute("inert", "")
    play_to_ending(page, keyboard=False)
    assert at_ending(page)


def test_if_the_rest_never_comes_the_gamebook_is_there(site: str, page: Page) -> None:
    page.route(REST, lambda route: route.abort())
    open_player(page, f"{site}/journey/")
    choose_until_it_waits(page)
    expect(page.locator(NOTICE)).to_contain_text("could not be loaded")
    expect(page.locator(".gamebook-edition")).to_be_visible()
