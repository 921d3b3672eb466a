"""The campaign site in Chromium: home, the story and its six chapters, the films, the book,
the sources and the site map. Each passes axe-core (figures' tables open), asks nothing
of another site, works without JavaScript (figures, tables, citations to references to
sources to journey scenes, where to watch the films) and fits a 360 px screen; and a
reader can go from the home page through a chapter and its chart to a cited source, the
journey scene that cites it and where to watch the films."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Locator, Page, expect

from .conftest import (
    STORY_CHAPTERS,
    ContextFactory,
    Watch,
    arrive,
    assert_accessible,
    assert_figures_drawn,
    assert_fits,
    by_id,
    is_local,
    open_all_details,
    targeted_id,
)

FILMS = ["the-defector", "crossing-heavens-border"]
BOOKS = ["crossing-heavens-border"]
CHAPTER = "the-river"  # the chapter the single-chapter checks read

PAGES: dict[str, str] = {
    "home": "/",
    "story": "/on-the-border/",
    **{f"chapter-{slug}": f"/on-the-border/{slug}/" for slug in STORY_CHAPTERS},
    "films": "/films/",
    **{f"film-{slug}": f"/films/{slug}/" for slug in FILMS},
    "books": "/books/",
    **{f"book-{slug}": f"/books/{slug}/" for slug in BOOKS},
    "sources": "/sources/",
    "site-map": "/site-map/",
}
STYLESHEET = re.compile(r"/static/crossing/site(\.[0-9a-f]+)?\.css$")
SCENE_LINK = re.compile(r"^/journey/gamebook/[\w-]+/#s\d+$")


def loaded_stylesheet_locally(page: Page, watch: Watch) -> None:
    """The page asked its own server, on this machine, for the site's stylesheet, and the
    browser applied it."""
    css = [url for url in watch.requests if STYLESHEET.search(urlsplit(url).path)]
    assert css, f"{page.url} never asked for site.css: {watch.requests}"
    here = urlsplit(page.url).netloc
    assert all(urlsplit(url).netloc == here and is_local(url) for url in css), css
    rules = page.evaluate(
        "() => [...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0)"
    )
    assert rules > 0, f"{page.url}: no style rules applied"


def json_ld(page: Page) -> dict[str, Any]:
    texts = page.locator("script[type='application/ld+json']").all_text_contents()
    assert len(texts) == 1, texts
    return dict(json.loads(texts[0]))


def meta(page: Page, prop: str) -> str | None:
    return page.locator(f"meta[property='{prop}']").get_attribute("content")


# -- axe-core, with nothing leaving the machine --


@pytest.mark.parametrize("name", PAGES)
def test_page_is_accessible_and_local(name: str, site: str, page: Page, watch: Watch) -> None:
    page.goto(f"{site}{PAGES[name]}")  # waits for the load event: the stylesheet is in
    loaded_stylesheet_locally(page, watch)
    open_all_details(page)  # the figures' data tables, the sources' scene lists
    assert_accessible(page)
    assert not watch.outside()


def test_the_story_index_lists_the_six_chapters(site: str, page: Page) -> None:
    page.goto(f"{site}/on-the-border/")
    hrefs = page.locator("main a[href^='/on-the-border/']").evaluate_all(
        "(as) => as.map((a) => a.getAttribute('href'))"
    )
    chapters = [h for h in dict.fromkeys(hrefs) if h != "/on-the-border/"]
    assert chapters == [f"/on-the-border/{slug}/" for slug in STORY_CHAPTERS]


# -- a 360 px screen --


def test_every_page_fits_a_360_pixel_screen(site: str, new_context: ContextFactory) -> None:
    page = new_context(viewport={"width": 360, "height": 740}).new_page()
    for path in PAGES.values():
        page.goto(f"{site}{path}")
        assert_fits(page, 360)
        open_all_details(page)  # tables and lists must not widen the page either
        assert_fits(page, 360)


# -- without JavaScript --


def no_script_page(new_context: ContextFactory) -> Page:
    return new_context(java_script_enabled=False).new_page()


def test_every_page_reads_without_javascript(
    site: str, new_context: ContextFactory, watch: Watch
) -> None:
    page = no_script_page(new_context)
    for path in PAGES.values():
        page.goto(f"{site}{path}")
        expect(page.locator("h1")).to_be_visible()
        expect(page.locator("main")).not_to_be_empty()
        loaded_stylesheet_locally(page, watch)


def follow_first_scene(page: Page, entry: Locator) -> str:
    """From a source's entry, open its list of scenes and follow the first to the gamebook;
    the id of the section it lands on, which must be shown."""
    scenes = entry.locator("details.cited-by-scenes")
    scene = scenes.locator("a").first
    expect(scene).to_be_hidden()
    scenes.locator("> summary").click()
    expect(scene).to_be_visible()
    target = scene.get_attribute("href") or ""
    assert SCENE_LINK.match(target), target
    scene.click()
    arrive(page, re.compile(re.escape(target) + "$"))
    parts = urlsplit(page.url)
    assert f"{parts.path}#{parts.fragment}" == target
    expect(page.locator(by_id(parts.fragment))).to_be_visible()
    return parts.fragment


def figure_table(figure: Locator) -> Locator:
    return figure.locator("details.figure-data table")


@pytest.mark.parametrize("slug", STORY_CHAPTERS)
def test_chapter_without_javascript(slug: str, site: str, new_context: ContextFactory) -> None:
    page = no_script_page(new_context)
    page.goto(f"{site}/on-the-border/{slug}/")

    # Each figure is an SVG drawn by the server, there without a script; its data opens.
    assert_figures_drawn(page)

    # Every citation names a reference on the page, and every reference a source entry.
    citations: list[str] = page.locator("sup.cite a").evaluate_all(
        "(as) => as.map((a) => a.getAttribute('href'))"
    )
    assert citations, "a chapter cites its sources"
    assert all(re.fullmatch(r"#ref-[\w-]+", href) for href in citations), citations
    missing = page.evaluate(
        "(ids) => ids.filter((id) => !document.getElementById(id))",
        sorted({href[1:] for href in citations}),
    )
    assert not missing, f"citations of references not on the page: {missing}"
    for ref in page.locator("section.references li[id^='ref-']").all():
        key = (ref.get_attribute("id") or "").removeprefix("ref-")
        expect(ref.locator("> a").first).to_have_attribute("href", f"/sources/#source-{key}")

    # A citation, clicked, targets its reference.
    first = page.locator("sup.cite a").first
    href = first.get_attribute("href")
    first.click()
    assert urlsplit(page.url).fragment == (href or "")[1:]
    assert targeted_id(page) == (href or "")[1:]
    expect(page.locator(by_id((href or "")[1:]))).to_be_in_viewport()


def test_citation_to_source_to_scene_without_javascript(
    site: str, new_context: ContextFactory
) -> None:
    page = no_script_page(new_context)
    page.goto(f"{site}/on-the-border/{CHAPTER}/")

    cite = page.locator("sup.cite a").first
    cite.click()
    ref = urlsplit(page.url).fragment
    assert ref.startswith("ref-"), page.url
    key = ref.removeprefix("ref-")

    page.locator(f"{by_id(ref)} > a[href^='/sources/']").click()
    arrive(page, re.compile(r"/sources/#source-"))
    parts = urlsplit(page.url)
    assert (parts.path, parts.fragment) == ("/sources/", f"source-{key}"), page.url
    assert targeted_id(page) == f"source-{key}"
    entry = page.locator(by_id(f"source-{key}"))
    expect(entry).to_be_in_viewport()

    # The chapter is among what cites it, and links back to the reference.
    expect(entry.locator(f".cited-by a[href='/on-the-border/{CHAPTER}/#{ref}']")).to_have_count(1)

    fragment = follow_first_scene(page, entry)
    section = page.locator(by_id(fragment))
    expect(section.locator("h2")).to_contain_text(f"§{fragment[1:]}")
    assert targeted_id(page) == fragment


def where_to_watch(page: Page) -> list[str]:
    """The territories where the film was broadcast or can be watched. Each offer says its
    standing ("Current — checked …", "Listed in …", "Ended …"); each broadcast whether it
    was shown or is upcoming."""
    territories = []
    offers = page.locator("section[aria-labelledby='where-to-watch']")
    if offers.count():
        expect(page.locator("#where-to-watch")).to_have_text("Where to watch")
        territories += offers.locator("h3.watch-territory").all_inner_texts()
        items = offers.locator("ul.watch > li")
        expect(items.first).to_be_visible()
        statuses = items.locator(".status").all_inner_texts()
        assert len(statuses) == items.count(), statuses
        assert all(re.match(r"(Current|Listed|Ended)", s) for s in statuses), statuses
    shown = page.locator("section[aria-labelledby='broadcasts']")
    if shown.count():
        territories += shown.locator("h3.broadcast-territory").all_inner_texts()
        items = shown.locator("ul.broadcasts > li")
        expect(items.first).to_be_visible()
        statuses = items.locator(".status").all_inner_texts()
        assert len(statuses) == items.count(), statuses
        assert set(statuses) <= {"Shown", "Upcoming"}, statuses
    assert territories, f"{page.url}: nowhere to watch the film"
    assert all(t.strip() for t in territories), territories
    return territories


@pytest.mark.parametrize("slug", FILMS)
def test_film_without_javascript(slug: str, site: str, new_context: ContextFactory) -> None:
    page = no_script_page(new_context)
    page.goto(f"{site}/films/{slug}/")
    where_to_watch(page)
    assert json_ld(page)["@type"] == "Movie"
    assert meta(page, "og:type") == "video.movie"
    assert meta(page, "og:title") == json_ld(page)["name"]


@pytest.mark.parametrize("slug", BOOKS)
def test_book_without_javascript(slug: str, site: str, new_context: ContextFactory) -> None:
    page = no_script_page(new_context)
    page.goto(f"{site}/books/{slug}/")
    editions = page.locator("ul.editions > li")
    expect(editions.first).to_be_visible()
    assert editions.count() > 0
    assert json_ld(page)["@type"] == "Book"
    assert meta(page, "og:type") == "book"


# -- the reader's way through the site --


def test_reader_goes_from_home_through_a_chapter_to_sources_scenes_and_films(
    site: str, page: Page, watch: Watch
) -> None:
    page.goto(f"{site}/")

    # Home → a chapter.
    page.locator(".chapter-list a").first.click()
    arrive(page, re.compile(rf"/on-the-border/{STORY_CHAPTERS[0]}/$"))
    expect(page.locator("h1")).to_be_visible()

    # Read its chart: an image with a name, and its figures as a table.
    figure = page.locator("figure.figure").first
    svg = figure.locator(".figure-graphic > svg")
    expect(svg).to_be_visible()
    expect(svg).to_have_attribute("role", "img")
    title = figure.locator(".figure-title").inner_text()
    expect(svg).to_have_accessible_name(re.compile(re.escape(title)))
    figure.locator("details.figure-data > summary").click()
    expect(figure_table(figure)).to_be_visible()

    # Open a cited source: the citation, then the reference's link.
    page.locator("sup.cite a").first.click()
    ref = urlsplit(page.url).fragment
    assert ref.startswith("ref-"), page.url
    page.locator(f"{by_id(ref)} > a[href^='/sources/']").click()
    key = ref.removeprefix("ref-")
    arrive(page, re.compile(rf"/sources/#source-{re.escape(key)}$"))
    entry = page.locator(by_id(f"source-{key}"))
    expect(entry).to_be_in_viewport()

    # Follow it to the journey scene that cites it.
    follow_first_scene(page, entry)

    # Find where to watch each film, from the site's own navigation.
    watched: dict[str, list[str]] = {}
    for i in range(len(FILMS)):
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Films").click()
        arrive(page, re.compile(r"/films/$"))
        films = page.locator("main a[href^='/films/']:not([href='/films/'])")
        link = films.nth(i)
        href = link.get_attribute("href") or ""
        link.click()
        arrive(page, re.compile(re.escape(href) + "$"))
        watched[href] = where_to_watch(page)
    assert sorted(watched) == sorted(f"/films/{slug}/" for slug in FILMS), watched

    loaded_stylesheet_locally(page, watch)
    assert not watch.outside()
