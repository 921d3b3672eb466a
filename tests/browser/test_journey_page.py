"""The journey page in Chromium: how each chance words its number (from the record, with its
sources; or an estimate) and opens its calibration note; the echo of the choice made; starting
again through an in-page dialog; the map (numbered markers, legible names, its shape, flights
and transfers); the phone layout; and the people at a glance on the opening and the home page.

A small story of its own (`page_site`) puts a record chance and an estimate one step from the
start, over real places (content/places.toml); the phone layout is checked on the flagship."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route, expect
from pytest_django.fixtures import Settings
from pytest_django.live_server_helper import LiveServer

from crossing.web.bundle import write_bundle
from crossing.web.journey.player import player_text
from crossing.web.journey.publish import compile_story

from .conftest import (
    FIRST_CHOICE,
    ROOT,
    ContextFactory,
    Watch,
    assert_accessible,
    choose_first_by_keyboard,
    focus_matches,
    is_file,
    open_player,
    tab_to,
)

STORY = """\
// The journey page's browser tests: a record chance and an estimate, over real places.
title: Test of the page
id: page-test
version: 1
language: en
start: start
endings: safety
sources: ../sources.toml
places: ../places.toml

# Setting out {#setting-out}

## start
title: Test of the page
place: musan

You are in Musan.[^pbs-2009]

* Cross the river -> nanping

## nanping
title: Across
place: nanping

You are across the river.

* Go north -> north
* Go north by another road -> north_estimate
* Go south by road -> kunming

## north
title: The record
place: ulaanbaatar

You reach the capital.

chance: [^mou-settlement]
  basis: The ministry counts every arrival.
  50% -> flight
  50% -> flight_late

## north_estimate
title: The estimate
place: ulaanbaatar

You reach the capital by another road.

chance:
  assumption: No source counts this; we put it at even odds.
  background: [^pbs-2009]
  50% -> flight
  50% -> flight_late

## flight
title: The flight
place: seoul

You land.

* Go to the centre -> arrived

## flight_late
title: The late flight
place: seoul

You land a day late.

* Go to the centre -> arrived

## kunming
title: Kunming
place: kunming

You reach Kunming by road.

* Go on to the border -> mengla

## mengla
ending: safety
title: Mengla
place: mengla

You reach Mengla, still in China.

## arrived
ending: safety
title: Arrived
place: hanawon

You are safe.
"""

SOURCES = """\
[pbs-2009]
title = "Crossing Heaven's Border"
author = "PBS Wide Angle"
date = "2009"
confidence = "confirmed"
url = "https://www.pbs.org/wnet/wideangle/"

[mou-settlement]
title = "Arrivals of North Korean defectors, by year"
author = "Ministry of Unification"
date = "2025"
confidence = "confirmed"
"""

SAY = player_text()
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def page_site(live_server: LiveServer, settings: Settings, tmp_path: Path) -> str:
    """The live site serving the small story above as its journey."""
    content = tmp_path / "content"
    (content / "journey").mkdir(parents=True)
    (content / "journey" / "main.story").write_text(STORY, encoding="utf-8")
    (content / "sources.toml").write_text(SOURCES, encoding="utf-8")
    shutil.copy(ROOT / "content" / "places.toml", content / "places.toml")
    settings.CONTENT_DIR = content
    settings.CROSSING_ENDING_RATE = 10_000
    return str(live_server.url)


def take(page: Page, text: str) -> None:
    page.get_by_role("button", name=text, exact=True).click()


def place_names(page: Page) -> list[str]:
    """The list beside the map, without what it says of flights and transfers."""
    names: list[str] = page.locator(".places li").evaluate_all(
        "(items) => items.map((li) => li.firstChild.textContent.trim())"
    )
    return names


# -- the numbers say where they come from --


def test_a_chance_from_the_record_names_and_opens_its_source(page_site: str, page: Page) -> None:
    open_player(page, f"{page_site}/journey/")
    take(page, "Cross the river")
    take(page, "Go north")
    chance = page.locator(".scene-text .chance")
    expect(chance).to_contain_text("From the record: it goes this way 50%")
    expect(chance).not_to_contain_text("estimate")
    expect(chance).not_to_contain_text("By the record")

    # Its source is a link that opens in the page, as a citation does.
    link = chance.locator("a[data-source=mou-settlement]")
    expect(link).to_have_text("Arrivals of North Korean defectors, by year")
    link.click()
    dialog = page.locator("dialog.source")
    expect(dialog).to_have_attribute("open", "")
    expect(dialog.locator("h2")).to_have_text("Arrivals of North Korean defectors, by year")
    expect(dialog).to_contain_text("Ministry of Unification")
    page.keyboard.press("Escape")
    expect(dialog).not_to_have_attribute("open", "")

    # The basis is the calibration note: it opens too, and says how the number was counted.
    chance.locator("[data-act=note]").click()
    expect(dialog).to_have_attribute("open", "")
    expect(dialog.locator("h2")).to_have_text(SAY["why"])
    expect(dialog).to_contain_text("The ministry counts every arrival.")
    assert page.url.endswith("/journey/"), "nothing leaves the page"


def test_an_estimate_says_so_and_opens_its_note_by_keyboard(page_site: str, page: Page) -> None:
    open_player(page, f"{page_site}/journey/")
    take(page, "Cross the river")
    take(page, "Go north by another road")
    chance = page.locator(".scene-text .chance")
    expect(chance).to_contain_text("An estimate — no source counts this: it goes this way 50%")
    expect(chance).not_to_contain_text("From the record")
    # Background sources are said as such, not as the source of the number.
    expect(chance).to_contain_text("Background, which does not give the number:")
    expect(chance.locator("a[data-source=pbs-2009]")).to_have_text("Crossing Heaven's Border")

    tab_to(page, ".scene-text .chance [data-act=note]")
    page.keyboard.press("Enter")
    dialog = page.locator("dialog.source")
    expect(dialog).to_have_attribute("open", "")
    expect(dialog).to_contain_text("No source counts this; we put it at even odds.")
    assert focus_matches(page, "dialog.source *"), "focus moves into the dialog"
    assert_accessible(page)
    page.keyboard.press("Escape")
    expect(dialog).not_to_have_attribute("open", "")
    assert focus_matches(page, ".chance [data-act=note]"), "focus returns to the button"


def test_the_wording_comes_from_the_page(page_site: str, page: Page) -> None:
    """Every word is translatable: the player says what #journey-text gives it."""

    def translated(route: Route) -> None:
        html = route.fetch().text()
        for english, other in (("How this number was chosen", "WHY"), ("You chose:", "ECHO")):
            assert html.count(f'"{english}') == 1, english
            html = html.replace(f'"{english}', f'"{other}')
        route.fulfill(body=html, content_type="text/html")

    page.route(f"{page_site}/journey/", translated)
    open_player(page, f"{page_site}/journey/")
    take(page, "Cross the river")
    expect(page.locator(".scene-text .echo")).to_have_text("ECHO Cross the river")
    take(page, "Go north by another road")
    expect(page.locator(".chance [data-act=note]")).to_have_text("WHY")


# -- the echo of a choice, and starting again --


def test_the_choice_made_is_echoed_at_the_top_of_the_next_scene(page_site: str, page: Page) -> None:
    open_player(page, f"{page_site}/journey/")
    expect(page.locator(".scene-text .echo")).to_have_count(0)
    choose_first_by_keyboard(page)
    echo = page.locator(".scene-text > :first-child")
    expect(echo).to_have_class("echo")
    expect(echo).to_have_text(SAY["echo"].format(c="Cross the river"))
    take(page, "Go north by another road")
    expect(echo).to_have_text(SAY["echo"].format(c="Go north by another road"))

    # Kept with the save, and undone with undo.
    page.reload()
    expect(echo).to_have_text(SAY["echo"].format(c="Go north by another road"))
    page.locator("[data-act=undo]").click()
    expect(echo).to_have_text(SAY["echo"].format(c="Cross the river"))
    page.locator("[data-act=undo]").click()
    expect(page.locator(".scene-text .echo")).to_have_count(0)


def test_starting_again_asks_in_the_page_by_keyboard(page_site: str, page: Page) -> None:
    page.on("dialog", lambda d: pytest.fail(f"a browser dialog was opened: {d.message}"))
    open_player(page, f"{page_site}/journey/")
    take(page, "Cross the river")
    take(page, "Go north")
    where = page.locator(".scene-title").inner_text()  # the flight, early or late
    dialog = page.locator("dialog.restart")

    # Escape keeps the reader where they were, focus back on the button.
    tab_to(page, "[data-act=restart]")
    page.keyboard.press("Enter")
    expect(dialog).to_have_attribute("open", "")
    expect(page.get_by_role("dialog", name="Start again?")).to_be_visible()
    assert focus_matches(page, "dialog.restart [data-act=close]"), "the safe answer has focus"
    assert_accessible(page)
    page.keyboard.press("Escape")
    expect(dialog).not_to_have_attribute("open", "")
    assert focus_matches(page, "[data-act=restart]")
    expect(page.locator(".scene-title")).to_have_text(where)

    # "Keep reading" does the same.
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    expect(dialog).not_to_have_attribute("open", "")
    expect(page.locator(".scene-title")).to_have_text(where)

    # Confirmed: back at the start, with nothing to undo, focus on the scene's title.
    page.keyboard.press("Enter")
    page.keyboard.press("Shift+Tab")
    assert focus_matches(page, "dialog.restart [data-act=again]")
    page.keyboard.press("Enter")
    expect(dialog).not_to_have_attribute("open", "")
    expect(page.locator(".scene-title")).to_have_text("Setting out")
    expect(page.locator("[data-act=undo]")).to_be_disabled()
    expect(page.locator(".places li")).to_have_count(1)
    page.wait_for_function("document.activeElement?.matches('.scene-title')")


# -- the map --


def test_the_map_numbers_places_names_countries_and_dashes_flights(
    page_site: str, page: Page
) -> None:
    open_player(page, f"{page_site}/journey/")
    take(page, "Cross the river")
    take(page, "Go north")  # by chance, to one of two flights: both land in Seoul
    expect(page.locator(".places li")).to_have_count(4)
    assert place_names(page) == [
        "Musan, North Hamgyong",
        "Nanping, Jilin (opposite Musan)",
        "Ulaanbaatar",
        "Seoul",
    ]
    # Markers numbered like the list, the last one the reader's place now.
    marks = page.locator(".map-frame .route g")
    expect(marks.locator("text")).to_have_text(["1", "2", "3", "4"])

    # Ulaanbaatar to Seoul crosses China: a flight, dashed and said so. Musan to Nanping, across
    # the border river, and Nanping to Ulaanbaatar, over China and Mongolia, are not.
    items = page.locator(".places li")
    expect(items.nth(3)).to_contain_text(SAY["leap"])
    for i in range(3):
        expect(items.nth(i)).not_to_contain_text(SAY["leap"])
    leap = page.locator(".map-frame .route path.leap").get_attribute("d") or ""
    assert leap.count("M") == 1, leap
    solid = page.locator(".map-frame .route path:not(.leap)").get_attribute("d") or ""
    assert solid.count("M") == 2, solid

    frame = page.locator(".map-frame").bounding_box()
    assert frame is not None
    # Never a strip: the frame is between 3:4 and 8:5.
    assert 0.74 <= frame["width"] / frame["height"] <= 1.61, frame
    # The whole route in view.
    for i in range(4):
        box = marks.nth(i).bounding_box()
        assert box is not None
        assert frame["x"] <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"]
        assert frame["y"] <= box["y"] and box["y"] + box["height"] <= frame["y"] + frame["height"]
    assert_legible_and_named(page)


def assert_legible_and_named(page: Page) -> None:
    """Every country name and marker number in the frame is at least 11 CSS px on screen
    (its size in map units over the map units a CSS pixel holds), and a country is named."""
    sizes = page.evaluate(
        """() => {
             const svg = document.querySelector('.map-frame svg'), frame = svg.getBoundingClientRect();
             const box = svg.viewBox.baseVal;
             const unit = Math.max(box.width / frame.width, box.height / frame.height);
             return [...svg.querySelectorAll('text')].filter((t) => {
               const r = t.getBoundingClientRect();
               return r.left >= frame.left && r.right <= frame.right && r.top >= frame.top
                 && r.bottom <= frame.bottom;
             }).map((t) => [t.getAttribute('class') ?? 'mark',
                            parseFloat(getComputedStyle(t).fontSize) / unit]);
           }"""
    )
    assert any(kind == "label" for kind, _ in sizes), "no country is named in the frame"
    for kind, size in sizes:
        assert size >= 10.9, (kind, size)


def test_a_road_within_one_country_is_not_called_a_flight(page_site: str, page: Page) -> None:
    """Kunming to Mengla runs inside China; the coarse outline of Laos's northern tip comes
    near the straight line, and a few points over it do not make the leg a flight."""
    open_player(page, f"{page_site}/journey/")
    take(page, "Cross the river")
    take(page, "Go south by road")
    take(page, "Go on to the border")
    expect(page.locator(".places li")).to_have_count(4)
    assert place_names(page)[2:] == ["Kunming, Yunnan", "Mengla, Yunnan"]
    expect(page.locator(".places small")).to_have_count(0)
    assert not page.locator(".map-frame .route path.leap").get_attribute("d")


def test_the_map_never_zooms_past_every_country_name(page_site: str, page: Page) -> None:
    """At the first place alone the frame is as close as it gets: still a country named."""
    open_player(page, f"{page_site}/journey/")
    expect(page.locator(".places li")).to_have_count(1)
    page.locator(".map-frame .route g").wait_for()
    assert_legible_and_named(page)


# -- a phone --


def test_on_a_phone_the_map_stays_above_the_choices(site: str, new_context: ContextFactory) -> None:
    page = new_context(viewport=PHONE).new_page()
    open_player(page, f"{site}/journey/")
    # The site's navigation is one line.
    header = page.locator(".site-header").bounding_box()
    assert header is not None and header["height"] <= 60, header
    # The story's title is the page's heading; the opening scene does not repeat it, and on a
    # phone, where the site's name above says it already, it is there for screen readers only.
    title = page.locator("h1").text_content() or ""
    assert title.strip() == "Crossing" != page.locator(".scene-title").inner_text()
    expect(page.get_by_role("heading", level=1, name="Crossing")).to_have_count(1)
    h1 = page.locator("h1").bounding_box()
    assert h1 is not None and h1["height"] <= 1, h1

    choose_first_by_keyboard(page)  # 2009
    choose_first_by_keyboard(page)  # Mi-ok, in Musan: the first place
    expect(page.locator(".places li")).to_have_count(1)
    frame = page.locator(".map-frame")
    expect(frame).to_be_in_viewport()
    box, first = frame.bounding_box(), page.locator(FIRST_CHOICE).bounding_box()
    assert box is not None and first is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    assert box["y"] + box["height"] <= first["y"], "the map is above the choices"
    assert box["height"] <= 200, "a strip, not the whole screen"

    # Scrolled down to the choices, the map is still in sight, and the choice is not under it.
    page.locator(FIRST_CHOICE).scroll_into_view_if_needed()
    box, first = frame.bounding_box(), page.locator(FIRST_CHOICE).bounding_box()
    assert box is not None and first is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= first["y"], (box, first)
    assert first["y"] + first["height"] <= PHONE["height"]

    # It opens to the whole map and its list, and shuts again.
    toggle = page.locator("[data-act=map]")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".places")).to_be_visible()
    opened = frame.bounding_box()
    assert opened is not None and opened["height"] > 300, opened
    assert_accessible(page)
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "false")


def test_no_footnote_mark_wraps_onto_a_line_of_its_own(site: str, page: Page) -> None:
    """A mark after a full stop stays with the word before it at every width (the site's
    CSS joins it with U+2060), as the player shows citations."""
    open_player(page, f"{site}/journey/")
    alone = page.evaluate(
        """() => {
             const p = document.createElement('p'), widths = [];
             p.innerHTML = 'One two three four five six seven eight nine ten eleven.'
               + '<sup class="cite"><a href="#x" data-source="x">12</a></sup>'
               + '<sup class="cite"><a href="#y" data-source="y">13</a></sup> After.';
             document.querySelector('.scene-text').append(p);
             const text = p.firstChild, marks = p.querySelectorAll('sup');
             for (let width = 120; width <= 420; width += 1) {
               p.style.width = `${width}px`;
               const range = document.createRange();
               range.setStart(text, text.length - 1);
               range.setEnd(text, text.length);
               const stop = range.getBoundingClientRect();
               for (const mark of marks) {
                 const box = mark.getBoundingClientRect();
                 if (box.top > stop.top + stop.height / 2) widths.push(width);
               }
             }
             p.remove();
             return widths;
           }"""
    )
    assert alone == [], f"a mark wrapped alone at widths {alone}"


# -- the people at a glance --


def test_the_opening_shows_the_people_without_javascript(
    site: str, new_context: ContextFactory
) -> None:
    # As in test_accessibility: an empty player script is the page a reader without
    # JavaScript gets, and axe (which runs on timers) can still check it.
    page = new_context(viewport=PHONE).new_page()
    page.route("**/static/crossing/player.js", lambda route: route.fulfill(body=""))
    for path in ("/journey/", "/"):
        page.goto(f"{site}{path}")
        people = page.locator(".people .person")
        expect(people).to_have_count(3)
        expect(people.locator("h3")).to_have_text(["Mi-ok", "Chol", "Myong-su"])
        expect(people.nth(0)).to_contain_text("Musan")
        expect(people.nth(1)).to_contain_text("Hyesan")
        expect(people.nth(2)).to_contain_text("Tynda")
        expect(people.locator("svg[role=img]")).to_have_count(3)
        # A row to swipe through, within the screen's width.
        row = page.locator(".people-list").bounding_box()
        assert row is not None and row["x"] >= 0 and row["x"] + row["width"] <= PHONE["width"]
        assert_accessible(page)


def test_the_people_give_way_to_the_route(site: str, page: Page) -> None:
    open_player(page, f"{site}/journey/")
    expect(page.locator(".people")).to_be_visible()
    expect(page.locator(".whereabouts")).to_be_hidden()
    choose_first_by_keyboard(page)
    choose_first_by_keyboard(page)
    expect(page.locator(".people")).to_be_hidden()
    expect(page.locator(".whereabouts")).to_be_visible()


# -- the single-file edition --


def test_the_bundle_words_a_chance_and_opens_its_note_offline(
    tmp_path: Path, new_context: ContextFactory, watch: Watch
) -> None:
    """The same page in one file from file://, network off: the record and the estimate."""
    story = tmp_path / "story"
    (story / "journey").mkdir(parents=True)
    (story / "journey" / "main.story").write_text(STORY, encoding="utf-8")
    (story / "sources.toml").write_text(SOURCES, encoding="utf-8")
    shutil.copy(ROOT / "content" / "places.toml", story / "places.toml")
    bundle = tmp_path / "page-test.html"
    write_bundle(compile_story(story / "journey"), bundle, tmp_path / "cache")

    page = new_context(allow=is_file, offline=True).new_page()
    for road, wording in (
        ("Go north", "From the record"),
        ("Go north by another road", "An estimate"),
    ):
        open_player(page, bundle.as_uri())
        page.evaluate("localStorage.clear()")
        page.reload()
        page.locator(FIRST_CHOICE).wait_for()
        take(page, "Cross the river")
        take(page, road)
        expect(page.locator(".scene-text .chance")).to_contain_text(wording)
        page.locator(".chance [data-act=note]").click()
        expect(page.locator("dialog.source")).to_have_attribute("open", "")
        expect(page.locator("dialog.source h2")).to_have_text(SAY["why"])
        page.keyboard.press("Escape")
        # The places of the route are numbered on the inline map.
        expect(page.locator(".map-frame .route g text")).to_have_text(["1", "2", "3", "4"])
    assert not watch.outside()
