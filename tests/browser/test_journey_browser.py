"""The journey in a real browser: played by keyboard to an ending, kept and resumed, undone,
on the map, with its sources, without JavaScript, on a small screen, with reduced motion,
and never asking anything of another site."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

from crossing.web.journey.models import EndingCount
from crossing.web.journey.publish import Published

from .conftest import (
    CHAPTER,
    FIRST_CHOICE,
    FLAGSHIP_ID,
    GO_TO,
    ROOT,
    ContextFactory,
    Watch,
    arrive,
    assert_ending_odds,
    at_ending,
    choose_first_by_keyboard,
    focus_matches,
    open_player,
    play_to_ending,
    tab_to,
)

PNG = b"\x89PNG\r\n\x1a\n"
FULL_VIEWBOX = re.search(
    r'viewBox="([^"]+)"',
    (ROOT / "crossing" / "web" / "static" / "crossing" / "map.svg").read_text(encoding="utf-8"),
)


def site_pages(site: str) -> dict[str, str]:
    return {
        "home": f"{site}/",
        "gamebook": f"{site}/journey/gamebook/",
        "chapter": f"{site}/journey/gamebook/{CHAPTER}/",
    }


def reach_ending(page: Page, site: str) -> None:
    """The flagship's ending screen, once the server has said how readers fared."""
    open_player(page, f"{site}/journey/")
    play_to_ending(page, keyboard=False)
    expect(page.locator(".ending-fared")).not_to_be_empty()


def stored_play(page: Page) -> dict[str, Any]:
    """The player's kept progress (localStorage) for the only story the page plays."""
    kept = page.evaluate(
        """() => Object.keys(localStorage).filter((k) => k.startsWith('crossing-player:'))
                   .map((k) => JSON.parse(localStorage.getItem(k)))"""
    )
    assert len(kept) == 1, kept
    return dict(kept[0])


def scene_shown(page: Page) -> tuple[str, str, list[str]]:
    return (
        page.locator(".scene-title").inner_text(),
        page.locator(".scene-text").inner_text(),
        page.locator(".choices button").all_inner_texts(),
    )


# -- nothing leaves the machine --


def test_no_request_leaves_the_machine(site: str, page: Page, watch: Watch) -> None:
    for url in site_pages(site).values():
        page.goto(url)
        page.wait_for_load_state("networkidle")
    reach_ending(page, site)
    page.wait_for_load_state("networkidle")

    paths = {urlsplit(url).path for url in watch.requests}
    # The recorder saw the player's own requests (the player itself is inline in the page):
    # the rest of the story, the map and the ending report.
    assert {"/static/crossing/map.svg", "/journey/endings/"} <= paths
    assert any(re.fullmatch(r"/journey/story\.\w+\.rest\.json", path) for path in paths), paths
    assert f"/journey/gamebook/{CHAPTER}/" in paths
    assert not watch.outside(), watch.outside()


# -- keyboard only, to an ending --


def finish_by_keyboard(page: Page, story_id: str) -> None:
    """Play by keyboard to an ending; check its odds, how readers fared and the count kept."""
    assert play_to_ending(page, keyboard=True) > 0
    assert_ending_odds(page)
    # One reader so far: fewer than CROSSING_ENDING_MIN_READERS, so no shares, but the count.
    expect(page.locator(".ending-fared")).to_contain_text(re.compile(r"\b1\b"))
    ending = stored_play(page)["save"]["position"]["scene"]
    counts = list(EndingCount.objects.values_list("story", "ending", "count"))
    assert counts == [(story_id, ending, 1)]


def test_example_story_by_keyboard(example_site: str, page: Page) -> None:
    open_player(page, f"{example_site}/journey/")
    assert page.locator(".scene-title").inner_text() == "The kitchen"
    finish_by_keyboard(page, "market-day")


def test_flagship_by_keyboard(site: str, page: Page) -> None:
    open_player(page, f"{site}/journey/")
    finish_by_keyboard(page, FLAGSHIP_ID)


# -- kept, resumed, undone --


def test_progress_is_kept_and_resumed(site: str, page: Page) -> None:
    open_player(page, f"{site}/journey/")
    expect(page.locator(".player-notice")).to_be_hidden()
    choose_first_by_keyboard(page)  # set out in 2009
    choose_first_by_keyboard(page)  # as Mi-ok: both scenes plain text, no chance on the way
    before = scene_shown(page)

    page.reload()
    page.locator(FIRST_CHOICE).wait_for()
    assert scene_shown(page) == before
    expect(page.locator(".player-notice")).to_be_visible()
    expect(page.locator(".player-notice")).to_contain_text("where you left off")
    # The two choices came back too: undo is still possible.
    expect(page.locator("[data-act=undo]")).to_be_enabled()


def test_a_resumed_page_keeps_the_passages_passed_through(site: str, page: Page) -> None:
    """After a chance or a divert the page shows several scenes; a reload shows them all."""
    open_player(page, f"{site}/journey/")
    for _ in range(40):
        choose_first_by_keyboard(page)
        if page.locator(".scene-text .chance").count() or at_ending(page):
            break
    assert page.locator(".scene-text .chance").count(), "the first choices should meet a chance"
    before, places = scene_shown(page), page.locator(".places li").all_inner_texts()

    page.reload()
    page.locator(".scene-title").filter(has_text=before[0]).wait_for()
    assert scene_shown(page) == before
    expect(page.locator(".places li")).to_have_text(places)


def test_undo_by_keyboard(site: str, page: Page) -> None:
    open_player(page, f"{site}/journey/")
    undo = page.locator("[data-act=undo]")
    expect(undo).to_be_disabled()
    start = scene_shown(page)

    choose_first_by_keyboard(page)
    assert scene_shown(page) != start
    expect(undo).to_be_enabled()
    tab_to(page, "[data-act=undo]")
    page.keyboard.press("Space")

    assert scene_shown(page) == start
    expect(undo).to_be_disabled()
    assert focus_matches(page, ".scene-title")


# -- the map and the sources --


def test_map_follows_the_route(site: str, page: Page, flagship: Published) -> None:
    open_player(page, f"{site}/journey/")
    places = page.locator(".places li")
    for _ in range(15):
        if places.count() >= 2:
            break
        page.locator(FIRST_CHOICE).click()
    assert places.count() >= 2, "two places after fifteen choices"

    by_name = {place["name"]: place for place in flagship.data["places"].values()}
    # Each item is the place's name (and, after a flight or transfer, a note saying so).
    names = places.evaluate_all("(items) => items.map((li) => li.firstChild.textContent.trim())")
    located = sum(1 for name in names if by_name[name].get("lat") is not None)
    assert located >= 1
    expect(page.locator(".map-frame g.route circle")).to_have_count(located)
    # The reader's place now is the last marker, numbered like the last item of the list.
    expect(page.locator(".map-frame g.route g:last-child text")).to_have_text(str(len(names)))
    expect(places.last).to_have_attribute("aria-current", "location")
    assert FULL_VIEWBOX is not None
    view_box = page.locator(".map-frame svg").get_attribute("viewBox")
    assert view_box != FULL_VIEWBOX.group(1), "the map should frame the route"


def test_source_dialog_by_keyboard(site: str, page: Page, flagship: Published) -> None:
    open_player(page, f"{site}/journey/")
    choose_first_by_keyboard(page)  # "Whose journey": its text ends with a citation
    tab_to(page, FIRST_CHOICE)
    tab_to(page, ".scene-text a[data-source]", backwards=True)
    link = page.evaluate_handle("document.activeElement")
    key = page.evaluate("(a) => a.dataset.source", link)
    dialog = page.locator("dialog.source")

    page.keyboard.press("Enter")
    expect(dialog).to_have_attribute("open", "")
    expect(dialog.locator("h2")).to_have_text(flagship.data["sources"][key]["title"])
    page.keyboard.press("Escape")
    expect(dialog).not_to_have_attribute("open", "")
    assert page.evaluate("(a) => document.activeElement === a", link), "focus back on the link"

    # And closed with its own button, by keyboard.
    page.keyboard.press("Enter")
    expect(dialog).to_have_attribute("open", "")
    tab_to(page, "dialog.source [data-act=close]", limit=10)
    page.keyboard.press("Enter")
    expect(dialog).not_to_have_attribute("open", "")
    assert page.evaluate("(a) => document.activeElement === a", link)


# -- without JavaScript --


def test_without_javascript_the_gamebook_is_shown(site: str, new_context: ContextFactory) -> None:
    page = new_context(java_script_enabled=False).new_page()
    page.goto(f"{site}/journey/")
    expect(page.locator(".player")).to_be_hidden()
    expect(page.locator("#s1")).to_be_visible()
    expect(page.locator("#s1 h2")).to_contain_text("§1")

    links = page.locator("a", has_text=GO_TO)
    hrefs: list[str] = links.evaluate_all("(as) => as.map((a) => a.getAttribute('href'))")
    assert hrefs
    here = [href for href in hrefs if href.startswith("#")]
    missing = page.evaluate(
        "(ids) => ids.filter((id) => !document.getElementById(id))", [h[1:] for h in here]
    )
    assert not missing, f"links to sections not on the page: {missing}"

    # Follow a link to another chapter's page: it lands on the section the link names.
    link = links.nth(next(i for i, href in enumerate(hrefs) if not href.startswith("#")))
    number = GO_TO.search(link.inner_text())
    assert number is not None
    link.click()
    arrive(page, re.compile(rf"/journey/gamebook/.*#s{number.group(1)}$"))
    parts = urlsplit(page.url)
    assert parts.fragment == f"s{number.group(1)}"
    target = page.locator(f"#{parts.fragment}")
    expect(target).to_be_visible()
    expect(target.locator("h2")).to_contain_text(f"§{number.group(1)}")


# -- the content security policy holds --

# Records the browser's own CSP reports, in case a violation is not logged to the console.
CSP_LISTENER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
"""


def test_no_content_security_policy_violations(
    site: str, new_context: ContextFactory, watch: Watch
) -> None:
    page = new_context().new_page()  # no bypass_csp: the site's own policy applies
    page.add_init_script(CSP_LISTENER)
    reports: dict[str, Any] = {}
    for name, url in site_pages(site).items():
        page.goto(url)
        page.wait_for_load_state("networkidle")
        reports[name] = page.evaluate("window.__csp")
    reach_ending(page, site)
    page.locator(".scene-text a[data-source]").first.click()  # the source dialog too
    expect(page.locator("dialog.source")).to_have_attribute("open", "")
    reports["ending"] = page.evaluate("window.__csp")
    assert not watch.csp_violations(), watch.csp_violations()
    assert not any(reports.values()), reports

    # The check can see a violation: an inline script, which the policy forbids.
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.inline = 1'; document.body.append(s); }"
    )
    page.wait_for_function("window.__csp.length > 0")  # the listener saw it
    assert page.evaluate("window.inline") is None
    assert watch.csp_violations(), "the console should report the inline script"


# -- small screens, zoom, reduced motion --


def assert_fits(page: Page, width: int) -> None:
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{page.url} is {scroll_width} px wide at {width} px"


def test_fits_a_360_pixel_screen(site: str, new_context: ContextFactory, tmp_path: Path) -> None:
    page = new_context(viewport={"width": 360, "height": 740}).new_page()
    pages = site_pages(site)
    del pages["gamebook"]  # the whole book is the chapter pages end to end
    for name, url in pages.items():
        page.goto(url)
        assert_fits(page, 360)
        shot = page.screenshot(path=tmp_path / f"{name}.png", full_page=True)
        assert shot.startswith(PNG)
    open_player(page, f"{site}/journey/")
    assert_fits(page, 360)
    assert page.screenshot(path=tmp_path / "journey.png", full_page=True).startswith(PNG)
    reach_ending(page, site)
    assert_fits(page, 360)
    assert page.screenshot(path=tmp_path / "ending.png", full_page=True).startswith(PNG)


def test_works_at_200_percent_zoom(site: str, new_context: ContextFactory) -> None:
    # A 1280 × 800 window at 200 % zoom lays the page out in 640 × 400 CSS pixels.
    page = new_context(viewport={"width": 640, "height": 400}).new_page()
    open_player(page, f"{site}/journey/")
    for _ in range(2):
        assert_fits(page, 640)
        choices = page.locator(".choices button")
        for i in range(choices.count()):
            choice = choices.nth(i)
            choice.scroll_into_view_if_needed()
            expect(choice).to_be_in_viewport()
            box = choice.bounding_box()
            assert box is not None
            assert box["x"] >= 0 and box["x"] + box["width"] <= 640, box
        choices.first.click()


def test_reduced_motion_means_no_motion(site: str, new_context: ContextFactory) -> None:
    page = new_context(reduced_motion="reduce").new_page()
    open_player(page, f"{site}/journey/")
    assert page.evaluate("matchMedia('(prefers-reduced-motion: reduce)').matches")
    page.locator(FIRST_CHOICE).click()
    choose_first_by_keyboard(page)
    assert page.evaluate("document.getAnimations().length") == 0
    moving = page.evaluate(
        """() => [...document.querySelectorAll('*')].filter((e) => {
             const s = getComputedStyle(e);
             return s.animationName != 'none'
               || s.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
           }).map((e) => e.tagName + '.' + e.getAttribute('class'))"""
    )
    assert moving == []
