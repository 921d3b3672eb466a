"""The campaign site's pages from the real content: chapters with their figures, the
films and the book with their structured data, and the sources linked both ways."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from crossing.content import addresses
from crossing.content.check import check_tree
from crossing.web.content import site_content
from crossing.web.events.selectors import public_addresses as event_addresses
from crossing.web.journey.ending_pages import ending_addresses
from crossing.web.screenings.selectors import public_addresses

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"


class Page(HTMLParser):
    """Ids, links, meta properties and JSON-LD blocks of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.meta: dict[str, str] = {}
        self.json_ld: list[dict[str, object]] = []
        self._in_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag == "meta" and "property" in a:
            self.meta[a["property"]] = a.get("content", "")
        self._in_ld = tag == "script" and a.get("type") == "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self.json_ld.append(json.loads(data))
            self._in_ld = False


def get(client: Client, address: str) -> Page:
    response = client.get(address)
    assert response.status_code == 200, address
    page = Page()
    page.feed(response.content.decode())
    return page


# -- the content is whole --------------------------------------------------------------


def test_the_content_tree_checks_clean_no_unknown_or_unused_source() -> None:
    tree = check_tree(CONTENT)
    problems = [f"{d.position}: {d.code} {d.message}" for d in tree.diagnostics]
    assert problems == []
    assert all(tree.content.citers[key] for key in tree.content.sources), "every source is used"


def test_the_story_has_five_to_seven_chapters_of_800_to_1500_words_each_with_figures() -> None:
    content = check_tree(CONTENT).content
    assert 5 <= len(content.chapters) <= 7
    for chapter in content.chapters:
        assert 800 <= chapter.body.words <= 1500, (chapter.slug, chapter.body.words)
        assert chapter.body.citations, chapter.slug
        assert any(getattr(b, "kind", None) == "figure" for b in chapter.body.blocks), chapter.slug
    placed = {
        block.name
        for chapter in content.chapters
        for block in chapter.body.blocks
        if getattr(block, "kind", None) == "figure"
    }
    assert placed == set(content.figures)


def test_every_content_address_is_a_route_of_the_site() -> None:
    assert reverse("home") == addresses.HOME
    assert reverse("journey:play") == addresses.JOURNEY
    assert reverse("journey:gamebook-all") == addresses.GAMEBOOK
    assert reverse("reportage:index") == addresses.STORY
    assert reverse("bibliography:sources") == addresses.SOURCES
    assert reverse("site-map") == addresses.SITE_MAP
    assert reverse("works:films") == addresses.WORK_PREFIXES["film"]
    assert reverse("works:books") == addresses.WORK_PREFIXES["book"]
    assert reverse("reportage:chapter", args=["x"]) == addresses.chapter("x")
    assert reverse("works:film", args=["x"]) == addresses.work("film", "x")
    assert reverse("works:book", args=["x"]) == addresses.work("book", "x")
    assert reverse("journey:gamebook-page", args=["x"]) == addresses.gamebook_page("x")


def test_every_address_of_the_site_map_answers(client: Client) -> None:
    content = site_content()
    for address in content.addresses():
        assert client.get(address).status_code == 200, address
    site_map = get(client, "/site-map/")
    assert set(content.addresses()) <= set(site_map.links) | {addresses.SITE_MAP}
    xml = client.get("/sitemap.xml").content.decode()
    listed = set(re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", xml))
    pages = set(content.addresses()) | set(ending_addresses()) | set(public_addresses())
    pages |= set(event_addresses())
    # Every page once per language, the Korean one under /ko/ (issue 20).
    assert listed == pages | {"/ko" + page for page in pages}


# -- chapters --------------------------------------------------------------------------


def test_a_chapter_shows_its_figures_with_caption_credit_sources_and_table(
    client: Client,
) -> None:
    content = site_content()
    chapter = content.chapter("the-underground-railroad")
    assert chapter is not None
    html = client.get(chapter.url).content.decode()
    for key in ("broker-fees", "route-laos", "thai-arrests"):
        figure = content.figures[key]
        block = re.search(rf'<figure class="figure" id="figure-{key}".*?</figure>', html, re.S)
        assert block is not None, key
        text = block.group(0)
        assert 'role="img"' in text and f"fig-{key}-title" in text
        assert figure.caption.split()[0] in text and figure.credit in text
        for source in figure.sources:
            assert f'href="/sources/#source-{source}"' in text
        assert "<table>" in text and text.count("<tr>") == len(figure.table.rows) + 1
        assert client.get(f"/figures/{key}.svg")["Content-Type"].startswith("image/svg+xml")


def test_chapter_citations_link_to_references_which_link_to_the_sources(client: Client) -> None:
    content = site_content()
    for chapter in content.chapters:
        page = get(client, chapter.url)
        for key in chapter.body.citations:
            assert f"ref-{key}" in page.ids and f"cite-{key}-1" in page.ids
            assert f"#ref-{key}" in page.links
            assert f"/sources/#source-{key}" in page.links
        assert page.json_ld[0]["@type"] == "Article"
        assert page.meta["og:type"] == "article" and page.meta["og:title"] == chapter.title


# -- the sources, both ways ------------------------------------------------------------


def test_the_sources_page_lists_every_source_and_what_cites_it_both_ways(
    client: Client,
) -> None:
    content = site_content()
    sources = get(client, "/sources/")
    pages: dict[str, Page] = {}
    for key in content.sources:
        assert f"source-{key}" in sources.ids
        for citer in content.citers[key]:
            assert citer.url in sources.links, (key, citer)
            path, _, anchor = citer.url.partition("#")
            page = pages.get(path) or pages.setdefault(path, get(client, path))
            assert anchor in page.ids, (key, citer.url)
            if citer.kind in ("chapter", "work"):
                assert f"/sources/#source-{key}" in page.links  # and back again
    scene = next(c for c in content.citers["rfa-2020-shoot"] if c.kind == "scene")
    gamebook_page = pages[scene.url.partition("#")[0]]
    assert "/sources/#source-rfa-2020-shoot" in gamebook_page.links


# -- films and the book ----------------------------------------------------------------


def test_film_pages_carry_movie_json_ld_open_graph_and_where_to_watch(client: Client) -> None:
    for slug in ("the-defector", "crossing-heavens-border"):
        work = site_content().work("film", slug)
        assert work is not None
        response = client.get(work.url)
        page = Page()
        page.feed(response.content.decode())
        [data] = page.json_ld
        assert data["@type"] == "Movie" and data["name"] == work.title
        assert data["dateCreated"] == str(work.year)
        assert page.meta["og:type"] == "video.movie"
        assert page.meta["og:url"] == f"http://testserver{work.url}"
        html = response.content.decode()
        assert ('id="where-to-watch"' in html) == bool(work.watch)
        assert ('id="broadcasts"' in html) == bool(work.broadcasts)
        assert work.watch or work.broadcasts, f"{slug}: nowhere to watch it"
        for option in work.watch:
            assert option.service in html
        for channel in work.channels:
            assert channel.name in html
    defector = site_content().work("film", "the-defector")
    assert defector is not None
    data = get(client, defector.url).json_ld[0]
    assert "Best Documentary, Canadian Screen Awards 2014" in data["award"]  # type: ignore[operator]
    broadcasts = [e for e in data["publication"] if e["@type"] == "BroadcastEvent"]  # type: ignore[union-attr, index, attr-defined]
    assert {e["publishedOn"]["areaServed"]["identifier"] for e in broadcasts} == {"AU", "CA"}


def test_the_book_page_carries_book_json_ld_and_its_editions(client: Client) -> None:
    work = site_content().work("book", "crossing-heavens-border")
    assert work is not None
    html = client.get(work.url).content.decode()
    page = Page()
    page.feed(html)
    [data] = page.json_ld
    assert data["@type"] == "Book"
    assert [a["name"] for a in data["author"]] == ["Hark Joon Lee"]  # type: ignore[union-attr, index]
    assert len(data["workExample"]) == len(work.editions)  # type: ignore[arg-type]
    assert page.meta["og:type"] == "book"
    for language in ("Chinese", "Japanese", "English"):
        assert f"<strong>{language}</strong>" in html


def test_past_showings_are_marked_ended() -> None:
    import datetime

    work = site_content().work("film", "the-defector")
    assert work is not None
    today = datetime.date(2026, 11, 21)
    tugg = next(o for o in work.watch if o.service.startswith("Tugg"))
    assert tugg.is_past(today)
    broadcast = work.broadcasts[0]
    now = datetime.datetime(2026, 11, 21, tzinfo=datetime.UTC)
    assert broadcast.is_past(now)
    assert not broadcast.is_past(datetime.datetime(2013, 1, 1, tzinfo=datetime.UTC))


@pytest.mark.parametrize("address", ["/on-the-border/nope/", "/films/nope/", "/books/nope/"])
def test_unknown_content_is_a_404(client: Client, address: str) -> None:
    assert client.get(address).status_code == 404
    assert client.get("/figures/nope.svg").status_code == 404
