"""The ending screen in a real browser: reached in the player, its code and data loaded only
then; the recap, the odds for this person and year, the chapter, sources and invitation;
the same offline in the single-file edition; each ending's own page without JavaScript;
and axe-core on both."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from crossing.web.bundle import write_bundle
from crossing.web.journey.models import EndingCount
from crossing.web.journey.publish import Published

from .conftest import (
    ROOT,
    ContextFactory,
    Watch,
    assert_accessible,
    is_file,
    open_player,
    play_to_ending,
)

ENDING_JS = "/static/crossing/ending.js"
ENDING_DATA = re.compile(r"/journey/ending\.en\.\w+\.json")


def ending_reached(page: Page) -> str:
    """The scene id of the ending shown, from the player's kept save."""
    kept = page.evaluate(
        """() => Object.keys(localStorage).filter((k) => k.startsWith('crossing-player:'))
                   .map((k) => JSON.parse(localStorage.getItem(k)))[0]"""
    )
    return str(kept["save"]["position"]["scene"])


def assert_screen(page: Page, flagship: Published, *, site: bool) -> str:
    """What every ending screen shows; returns the ending's scene id."""
    facts = page.locator(".ending-facts")
    expect(facts.locator(".ending-more h3").first).to_be_visible()
    ending = ending_reached(page)
    scene = next(s for s in flagship.story.scenes if s.id == ending)
    assert scene.ending is not None
    kind = flagship.notes.kinds[scene.ending.kind]
    expect(facts.locator(".ending-kind")).to_contain_text(kind.name)
    expect(facts.locator(".ending-kind")).to_contain_text(kind.words)
    # This person's and year's odds, in words, beside careful play and the other endings.
    expect(facts.locator(".ending-kind h3")).to_contain_text(re.compile(r"(Mi-ok|Chol|Myong-su)"))
    expect(facts.locator(".ending-odds")).to_contain_text(re.compile(r"chooses at random.*journey"))
    expect(facts.locator(".ending-likely")).to_contain_text("careful play")
    expect(facts.locator(".ending-likely")).to_contain_text("estimate")
    table = facts.locator(".ending-likely details table")
    expect(table.locator("tr.ending-yours")).to_have_count(1)
    # The recap: the places, and every decision and chance draw, odds included.
    expect(facts.locator(".ending-more")).to_contain_text("The places on your way:")
    facts.locator("details.ending-steps > summary").click()
    steps = facts.locator("details.ending-steps > ol > li")
    assert steps.count() >= 2
    expect(steps.first).to_contain_text("you chose")
    # Every decision of the play, in its own words, in order.
    kept = page.evaluate(
        """() => Object.keys(localStorage).filter((k) => k.startsWith('crossing-player:'))
                   .map((k) => JSON.parse(localStorage.getItem(k)))[0]"""
    )
    decisions = facts.locator("details.ending-steps > ol > li:not(.ending-chance)")
    expect(decisions).to_have_count(len(kept["save"]["history"]))
    words = page.evaluate(
        "(marks) => marks.map((m) => Object.assign(document.createElement('div'),"
        " {innerHTML: m[1]}).textContent)",
        kept["marks"],
    )
    for decision, chose in zip(decisions.all_inner_texts(), words, strict=True):
        assert decision.endswith(chose.strip()), (decision, chose)
    for chance in facts.locator("li.ending-chance").all():
        expect(chance).to_contain_text(re.compile(r"\d\s?%"))
    # Each chance's calibration note opens in place.
    notes = facts.locator("li.ending-chance details")
    if notes.count():
        notes.first.locator("summary").click()
        expect(notes.first.locator("p")).to_be_visible()
    # The sources behind it open in the page's dialog, as every citation does.
    cited = facts.locator(".ending-cited a[data-source]")
    assert cited.count() == len(set(scene.sources))
    cited.first.click()
    expect(page.locator("dialog.source")).to_be_visible()
    page.locator("dialog.source [data-act=close]").click()
    if site:
        chapter = facts.locator(".ending-more a[href*='/on-the-border/']")
        expect(chapter).to_have_count(1)
        share = facts.locator(f".ending-more a[href='/journey/endings/{ending}/']")
        expect(share).to_have_count(1)
    expect(facts.locator("button[data-act=restart]")).to_be_visible()
    return ending


def test_the_ending_screen_loads_only_at_an_ending(
    site: str, page: Page, watch: Watch, flagship: Published
) -> None:
    open_player(page, f"{site}/journey/")
    page.wait_for_load_state("networkidle")
    paths = [urlsplit(url).path for url in watch.requests]
    assert ENDING_JS not in paths and not any(ENDING_DATA.fullmatch(p) for p in paths)

    play_to_ending(page, keyboard=False)
    ending = assert_screen(page, flagship, site=True)
    paths = [urlsplit(url).path for url in watch.requests]
    assert ENDING_JS in paths and any(ENDING_DATA.fullmatch(p) for p in paths), paths
    assert "/static/crossing/ending.css" in paths
    expect(page.locator(".ending-fared")).to_contain_text(re.compile(r"\b1\b"))

    # The copy button enhances the plain link where the browser can copy.
    expect(page.locator(".ending-more button[data-copy]")).to_be_visible()
    assert page.locator(".ending-more button[data-copy]").get_attribute("data-copy") == (
        f"{site}/journey/endings/{ending}/"
    )
    page.locator("details.ending-others summary").click()
    assert_accessible(page)
    assert not watch.outside()


def test_start_again_from_the_ending(site: str, page: Page) -> None:
    open_player(page, f"{site}/journey/")
    play_to_ending(page, keyboard=False)
    page.locator(".ending-more button[data-act=restart]").click()
    # The player asks in the page, as its own Start again button does.
    dialog = page.locator("dialog.restart")
    expect(dialog).to_be_visible()
    dialog.locator("button[data-act=again]").click()
    expect(page.locator(".ending-facts")).to_be_hidden()
    expect(page.locator(".choices button").first).to_be_visible()


@pytest.fixture(scope="session")
def noted_bundle(flagship: Published, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The flagship as `crossing bundle content/journey` writes it: with its ending notes."""
    output = tmp_path_factory.mktemp("noted-bundle") / "journey.html"
    write_bundle(
        flagship.story, output, settings.DATA_DIR / "cache", folder=ROOT / "content" / "journey"
    )
    return output


def test_the_ending_screen_offline_in_the_single_file(
    noted_bundle: Path, new_context: ContextFactory, watch: Watch, flagship: Published
) -> None:
    page = new_context(allow=is_file, offline=True).new_page()
    open_player(page, noted_bundle.as_uri())
    play_to_ending(page, keyboard=False)
    assert_screen(page, flagship, site=False)
    # No site to link to: the chapter is named, not linked, and no page is offered to share.
    expect(page.locator(".ending-more")).to_contain_text("The reportage tells it in")
    expect(page.locator(".ending-more a[href*='/journey/endings/']")).to_have_count(0)
    expect(page.locator(".ending-fared")).to_be_empty()
    assert_accessible(page)
    assert watch.requests == [noted_bundle.as_uri()], watch.requests


def test_an_ending_page_without_javascript(
    site: str, new_context: ContextFactory, watch: Watch, flagship: Published
) -> None:
    page = new_context(java_script_enabled=False).new_page()
    page.goto(f"{site}/journey/endings/end_gobi/")
    expect(page.locator("h1")).to_have_text("The Gobi")
    expect(page.locator(".ending-kind")).to_contain_text("Lost on the way")
    rows = page.locator(".ending-odds-table tbody tr")
    expected = sum("end_gobi" in odds.odds for odds in flagship.scenarios)
    expect(rows).to_have_count(expected)
    expect(page.locator(".ending-epilogue")).to_contain_text("Demick")
    og = page.locator("meta[property='og:title']")
    assert og.get_attribute("content") == "The Gobi"
    expect(page.locator("a.ending-play")).to_have_attribute("href", "/journey/")
    expect(page.locator(".ending-share a")).to_have_text(f"{site}/journey/endings/end_gobi/")
    expect(page.locator("button[data-copy]")).to_be_hidden()  # nothing to copy with
    page.locator("details.ending-others summary").click()
    page.locator("details.ending-others a").first.click()
    expect(page.locator("h1")).not_to_have_text("The Gobi")
    assert not watch.outside()


def test_an_ending_page_is_accessible(site: str, page: Page, watch: Watch) -> None:
    page.goto(f"{site}/journey/endings/end_new_life/")
    expect(page.locator("button[data-copy]")).to_be_visible()
    page.locator("details.ending-others summary").click()
    assert_accessible(page)
    assert not watch.outside()


def test_a_reader_who_comes_back_to_an_ending_finds_it_as_it_was(
    site: str, page: Page, flagship: Published
) -> None:
    open_player(page, f"{site}/journey/")
    play_to_ending(page, keyboard=False)
    expect(page.locator(".ending-fared")).to_contain_text(re.compile(r"\b1\b"))
    steps = page.locator("details.ending-steps > summary").inner_text()
    page.reload()
    assert_screen(page, flagship, site=True)
    assert page.locator("details.ending-steps > summary").inner_text() == steps
    # Counted once: coming back is not a second reader.
    expect(page.locator(".ending-fared")).to_contain_text(re.compile(r"\b1\b"))
    assert list(EndingCount.objects.values_list("count", flat=True)) == [1]


def test_a_story_without_ending_notes_still_gets_its_screen(example_site: str, page: Page) -> None:
    open_player(page, f"{example_site}/journey/")
    play_to_ending(page, keyboard=False)
    facts = page.locator(".ending-facts")
    expect(facts.locator(".ending-more h3").first).to_be_visible()
    # The kind in the story's own word, the whole-story odds, the recap and the invitation;
    # no person or year to speak of.
    expect(facts.locator(".ending-kind")).not_to_be_empty()
    expect(facts.locator(".ending-odds")).to_contain_text("A reader choosing at random")
    expect(facts.locator(".ending-likely")).to_be_empty()
    expect(facts.locator("details.ending-steps > ol > li").first).to_be_attached()
    expect(facts.locator("button[data-act=restart]")).to_be_visible()
    assert_accessible(page)
