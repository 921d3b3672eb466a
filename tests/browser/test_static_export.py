"""The static export (`crossing build --out DIR`) from file://, with the network blocked:
every page opens without an error and passes axe-core, the journey plays, the chapters'
figures render, and the pages' links lead from one file to another."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Page, expect

from crossing.web.content import site_content
from crossing.web.export import build_site, file_for
from crossing.web.journey.ending_pages import ending_addresses
from crossing.web.journey.publish import Published

from .conftest import (
    ContextFactory,
    Watch,
    arrive,
    assert_accessible,
    assert_figures_drawn,
    by_id,
    is_file,
    open_all_details,
    open_player,
    targeted_id,
)

# Every page the export writes, known before it is built (the site lists them itself;
# test_the_export_holds_every_page checks the folder against this).
# (The screenings' and the events' lists and archives too: the export's database holds no
# screening.)
ADDRESSES = (
    site_content().addresses()
    + ending_addresses()
    + ["/screenings/", "/screenings/past/", "/events/", "/events/past/"]
)
# Each page once per language: the Korean ones under ko/ (issue 20).
EXPORTED = (
    [file_for(address) for address in ADDRESSES]
    + [f"ko/{file_for(address)}" for address in ADDRESSES]
    + ["404.html"]
)
WHOLE_GAMEBOOK = "journey/gamebook/index.html"
JOURNEY = "journey/index.html"
CHAPTER = "on-the-border/the-river/index.html"
_LINKS = re.compile(r"""\b(?:href|src)=["']([^"']+)["']""")
_IDS = re.compile(r"""\bid=["']([^"']+)["']""")
_SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL | re.IGNORECASE)


@pytest.fixture(scope="session")
def export(
    flagship: Published,
    tmp_path_factory: pytest.TempPathFactory,
    django_db_setup: None,
    django_db_blocker: Any,
) -> Path:
    """The whole site, built once (the flagship's odds already computed or cached)."""
    out = tmp_path_factory.mktemp("export") / "site"
    with django_db_blocker.unblock():
        written = build_site(out)
    assert written.pages == len(EXPORTED)
    return out


@pytest.fixture
def offline(new_context: ContextFactory) -> Page:
    """A page that may read files and nothing else."""
    return new_context(allow=is_file, offline=True).new_page()


def test_the_export_holds_every_page(export: Path) -> None:
    found = sorted(str(p.relative_to(export)) for p in export.rglob("*.html"))
    assert found == sorted(EXPORTED)
    assert (export / "sitemap.xml").is_file()
    assert (export / "static" / "crossing" / "site.css").is_file()
    assert sorted(export.glob("figures/*.svg"))


def test_every_link_between_exported_files_resolves(export: Path) -> None:
    """Each relative link names a file of the export, and any #fragment an id in it."""
    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = set(_IDS.findall(path.read_text(encoding="utf-8")))
        return ids[path]

    broken: list[str] = []
    for page in sorted(export.rglob("*.html")):
        markup = _SCRIPT.sub("", page.read_text(encoding="utf-8"))  # the player's templates
        for link in _LINKS.findall(markup):
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith("data:"):
                continue  # another site (shown, never fetched) or inline data
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            where = f"{page.relative_to(export)}: {link}"
            if not target.is_relative_to(export.resolve()) or not target.is_file():
                broken.append(f"{where} (no such file)")
            elif (
                parts.fragment
                and target.suffix == ".html"
                and unquote(parts.fragment) not in ids_of(target)
            ):
                broken.append(f"{where} (no such id)")
    assert not broken, "\n".join(broken)


# Opened in the browser and checked by axe: every English page, and a Korean page of each
# kind (their links are all checked above; the Korean pages share the English templates).
KOREAN_SAMPLE = [
    "ko/index.html",
    "ko/journey/index.html",
    "ko/journey/gamebook/railroad/index.html",
    "ko/on-the-border/index.html",
    "ko/on-the-border/the-river/index.html",
    "ko/films/the-defector/index.html",
    "ko/books/crossing-heavens-border/index.html",
    "ko/news/index.html",
    "ko/sources/index.html",
    "ko/events/index.html",
]
OPENED = [name for name in EXPORTED if not name.startswith("ko/")] + KOREAN_SAMPLE


def test_the_korean_sample_is_exported() -> None:
    assert set(KOREAN_SAMPLE) <= set(EXPORTED)


@pytest.mark.parametrize("name", OPENED)
def test_exported_page_opens_offline_and_is_accessible(
    name: str, export: Path, offline: Page, watch: Watch
) -> None:
    if name == WHOLE_GAMEBOOK:  # the whole book in one page: axe takes its time over it
        offline.set_default_timeout(60_000)
    if name == JOURNEY:
        open_player(offline, (export / name).as_uri())  # axe sees the player, mounted
    else:
        offline.goto((export / name).as_uri())
    expect(offline.locator("h1").first).to_be_visible()
    # Its stylesheet came from the folder and applied.
    css = offline.evaluate(
        "() => [...document.styleSheets].filter((s) => s.href).map((s) => s.href)"
    )
    assert any(href.endswith("/static/crossing/site.css") for href in css), css
    assert all(href.startswith(export.as_uri()) for href in css), css
    open_all_details(offline)
    assert_accessible(offline)
    assert not watch.errors
    assert not watch.outside()


def test_journey_plays_from_a_file(export: Path, offline: Page, watch: Watch) -> None:
    open_player(offline, (export / JOURNEY).as_uri())
    choices = offline.locator(".choices button")
    assert choices.count() > 0
    first_scene = offline.locator(".scene-text").inner_text()
    choices.first.click()
    expect(offline.locator(".scene-text")).not_to_have_text(first_scene)
    assert offline.locator(".choices button, .ending-facts").count() > 0
    assert all(is_file(url) for url in watch.requests), watch.requests


def test_chapter_figures_render_from_a_file(export: Path, offline: Page) -> None:
    offline.goto((export / CHAPTER).as_uri())
    for figure in assert_figures_drawn(offline):
        # Its SVG file, linked from the figure, opens as an image.
        link = figure.locator("a[href$='.svg']")
        href = link.get_attribute("href") or ""
        assert re.fullmatch(r"(\.\./)+figures/[\w-]+\.svg", href), href
        size = offline.evaluate(
            """(src) => new Promise((done, fail) => {
                 const img = new Image();
                 img.onload = () => done([img.naturalWidth, img.naturalHeight]);
                 img.onerror = () => fail(new Error('the image did not load: ' + src));
                 img.src = src;
               })""",
            link.evaluate("(a) => a.href"),
        )
        assert size[0] > 0 and size[1] > 0, size


def test_links_lead_from_page_to_page_in_the_folder(export: Path, offline: Page) -> None:
    """Home → a chapter → its reference's source → the journey scene citing it → the films,
    by clicking, each file opening from the folder."""
    root = export.as_uri()
    offline.goto(f"{root}/index.html")

    offline.locator(".chapter-list a").first.click()
    arrive(offline, f"{root}/{CHAPTER}")
    expect(offline.locator("figure.figure svg").first).to_be_visible()

    offline.locator("sup.cite a").first.click()
    arrive(offline, re.compile(r"#ref-"))
    ref = urlsplit(offline.url).fragment
    assert ref.startswith("ref-"), offline.url
    offline.locator(f"{by_id(ref)} > a[href*='sources/']").click()
    key = ref.removeprefix("ref-")
    arrive(offline, f"{root}/sources/index.html#source-{key}")
    assert targeted_id(offline) == f"source-{key}"

    entry = offline.locator(by_id(f"source-{key}"))
    entry.locator("details.cited-by-scenes > summary").click()
    entry.locator("details.cited-by-scenes a").first.click()
    arrive(offline, re.compile(r"/journey/gamebook/[\w-]+/index\.html#s\d+$"))
    parts = urlsplit(offline.url)
    assert re.fullmatch(r".*/journey/gamebook/[\w-]+/index\.html", parts.path), offline.url
    assert re.fullmatch(r"s\d+", parts.fragment), offline.url
    section = offline.locator(by_id(parts.fragment))
    expect(section).to_be_visible()
    expect(section.locator("h2")).to_contain_text(f"§{parts.fragment[1:]}")

    # Back home through the site's own navigation, and on to the films.
    offline.get_by_role("navigation", name="Main").get_by_role("link", name="Films").click()
    arrive(offline, f"{root}/films/index.html")
    films = offline.locator("main .work-list a")
    assert films.count() >= 2
    for i in range(films.count()):
        offline.locator("main .work-list a").nth(i).click()
        arrive(offline, re.compile(rf"^{re.escape(root)}/films/[\w-]+/index\.html$"))
        expect(offline.locator("ul.watch > li, ul.broadcasts > li").first).to_be_visible()
        offline.go_back()
