"""The news feeds, read by feedparser as a feed reader would: Atom and RSS, for all the
news and for each tag, each entry whole (body, notes, absolute links), with its authors,
its tags as categories, its date and a stable id."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import feedparser
import pytest
from django.test import Client

from crossing.web.page_cache import pages


@pytest.fixture(autouse=True)
def _fresh(news_content: Path) -> None:
    pages.clear()


def feed(client: Client, address: str, content_type: str) -> Any:
    response = client.get(address)
    assert response.status_code == 200, address
    assert response["Content-Type"].startswith(content_type)
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


@pytest.mark.parametrize(
    ("address", "version", "content_type"),
    [
        ("/news/feed/atom.xml", "atom10", "application/atom+xml"),
        ("/news/feed/rss.xml", "rss20", "application/rss+xml"),
    ],
)
def test_all_the_news(client: Client, address: str, version: str, content_type: str) -> None:
    parsed = feed(client, address, content_type)
    assert parsed.version == version
    assert parsed.feed.title == "Crossing: news"
    assert parsed.feed.link == "http://testserver/news/"
    assert len(parsed.entries) == 12
    newest = parsed.entries[0]
    assert newest.title == "The Defector wins two awards"
    assert newest.link == "http://testserver/news/two-awards/"
    assert newest.id == "http://testserver/news/two-awards/"
    assert tuple(newest.published_parsed)[:3] == (2014, 6, 20)
    assert [t.term for t in newest.tags] == ["The Defector", "Awards", "China"]
    assert [e.title for e in parsed.entries[1:3]] == ["News number 11", "News number 10"]


def body(entry: Any) -> str:
    """The whole post: Atom's <content>, RSS's <description>."""
    return str(entry.content[0].value if "content" in entry else entry.description)


@pytest.mark.parametrize("address", ["/news/feed/atom.xml", "/news/feed/rss.xml"])
def test_each_entry_is_the_whole_post_with_absolute_links(client: Client, address: str) -> None:
    newest = feed(client, address, "application/").entries[0]
    html = body(newest)
    assert 'href="http://testserver/films/the-defector/"' in html
    assert 'href="http://testserver/news/two-awards/#ref-flyer"' in html  # the note's number
    assert 'href="http://testserver/sources/#source-flyer"' in html  # the note itself
    assert 'src="http://testserver/static/crossing/favicon.svg"' in html
    assert "What the jury said" in html
    assert 'href="/' not in html and 'src="/' not in html


def test_atom_names_each_author_and_rss_all_of_them(client: Client) -> None:
    atom = feed(client, "/news/feed/atom.xml", "application/atom+xml").entries[0]
    assert [a.name for a in atom.authors] == ["Jane Doe", "The Crossing editors"]
    assert atom.authors[0].href == "http://testserver/news/author/jane-doe/"
    assert atom.summary == "The film is honoured twice."
    rss = feed(client, "/news/feed/rss.xml", "application/rss+xml").entries[0]
    assert rss.author == "Jane Doe, The Crossing editors"


def test_a_public_address_is_used_for_every_link(client: Client, settings: Any) -> None:
    settings.CROSSING_SITE_URL = "https://crossing.example.org"
    parsed = feed(client, "/news/feed/atom.xml", "application/atom+xml")
    assert parsed.entries[0].id == "https://crossing.example.org/news/two-awards/"
    assert "testserver" not in body(parsed.entries[0])


@pytest.mark.parametrize(("kind", "version"), [("atom", "atom10"), ("rss", "rss20")])
def test_each_tag_has_its_feeds(client: Client, kind: str, version: str) -> None:
    parsed = feed(client, f"/news/tag/the-defector/{kind}.xml", "application/")
    assert parsed.version == version
    assert parsed.feed.title == "Crossing: news tagged The Defector"
    assert [e.title for e in parsed.entries] == ["The Defector wins two awards"]
    assert len(feed(client, f"/news/tag/awards/{kind}.xml", "application/").entries) == 6
