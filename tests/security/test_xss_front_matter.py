"""Every payload of the corpus in a news post's front matter (title, summary, tag, image
alt, caption and credit) and in its author's name, bio and link: nothing fires in Chromium,
on the served pages (each post, the index, the archives, the home page), in the feeds (as
Chromium shows them, and their HTML as a feed reader would render it) or in the static
export opened from file://. The site's Content Security Policy is bypassed, so that what is
tested is the escaping itself, not the policy that backs it up."""

from __future__ import annotations

import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import feedparser
import pytest
from browser.conftest import ROOT, ContextFactory, is_file
from django.test import Client
from playwright.sync_api import Page
from pytest_django.fixtures import Settings

from crossing.content.addresses import NEWS_FEED_ATOM
from crossing.content.check import check_tree
from crossing.web.content import site_content
from crossing.web.export import build_site, file_for
from crossing.web.journey.publish import ContentError
from crossing.web.page_cache import pages

from .payloads import PAYLOADS, Payload, Trap, as_toml

_WEB_LINK = re.compile(r"^https?://[^\s/]+\S*$")  # what authors.toml accepts as a link
FIRST_DAY = date(2015, 1, 1)
# Characters XML 1.0 cannot hold: a post with one of them breaks the feeds (a 500, see the
# test below: the check reports them), so those payloads stay out of the other tests' posts.
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
FRONT_MATTER = [p for p in PAYLOADS if not _NOT_IN_XML.search(p.text)]


def _author(payload: Payload) -> str:
    n = payload.number
    lines = [f"[xss-{n}]", f"name = {as_toml(payload.text)}", f"bio = {as_toml(payload.text)}"]
    link = f"https://example.org/?{payload.text}"
    if _WEB_LINK.match(link):
        lines.append(f"link = {as_toml(link)}")
    return "\n".join(lines) + "\n"


def _post(payload: Payload) -> str:
    text = as_toml(payload.text)
    tag = as_toml(f"{payload.text} {payload.number}")  # the number keeps each tag's own slug
    day = FIRST_DAY + timedelta(days=payload.number)
    return f"""+++
title = {text}
date = {day.isoformat()}
authors = ["xss-{payload.number}"]
tags = [{tag}]
summary = {text}

[image]
src = "/static/crossing/favicon.svg"
alt = {text}
caption = {text}
credit = {text}
+++
A post whose front matter is payload {payload.number} of the XSS corpus.
"""


def write_xss_news(content: Path, payloads: list[Payload]) -> None:
    folder = content / "news"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    authors = "\n".join(_author(p) for p in payloads)
    (folder / "authors.toml").write_text(authors, encoding="utf-8")
    for payload in payloads:
        day = FIRST_DAY + timedelta(days=payload.number)
        name = f"{day.isoformat()}-xss-{payload.number}.md"
        (folder / name).write_text(_post(payload), encoding="utf-8")


@pytest.fixture
def xss_content(settings: Settings, tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    write_xss_news(tmp_path / "content", FRONT_MATTER)
    settings.CONTENT_DIR = tmp_path / "content"
    pages.clear()
    content = site_content()
    assert len(content.news.posts) == len(FRONT_MATTER), "every payload's post was read"
    return tmp_path / "content"


def news_addresses() -> list[str]:
    """Every page of the news, the home page, and the feeds."""
    news = site_content().news
    found = ["/", "/news/", "/news/tags/"]
    found += [f"/news/page/{n}/" for n in range(2, news.page_count() + 1)]
    found += [post.url for post in news.posts]
    found += [tag.url for tag, _ in news.tags()]
    found += [f"/news/author/xss-{p.number}/" for p in FRONT_MATTER]
    found += [f"/news/{year}/{month:02d}/" for year, month in news.months()]
    return found + news.feed_addresses()


def visit(page: Page, url: str, trap: Trap) -> None:
    response = page.goto(url)
    assert response is not None and response.ok, f"{url}: {response and response.status}"
    trap.look(page)  # after 20 ms: handlers of images that failed, animations that began
    if page.url != url:
        trap.fired.append(f"{url} went to {page.url}")


def test_front_matter_payloads_fire_nowhere_on_the_served_site(
    site: str, xss_content: Path, new_context: ContextFactory
) -> None:
    context = new_context(bypass_csp=True)
    trap = Trap()
    trap.arm(context)
    page = context.new_page()
    addresses = news_addresses()
    assert len(addresses) > 3 * len(FRONT_MATTER) > 300
    for address in addresses:
        visit(page, f"{site}{address}", trap)
    trap.check()


def test_front_matter_payloads_fire_nowhere_in_a_feed_reader(
    site: str, xss_content: Path, new_context: ContextFactory
) -> None:
    """The feeds' titles are text and their content HTML: rendered as a reader would (the
    HTML as markup, unsanitised), none of it runs."""
    context = new_context(bypass_csp=True)
    trap = Trap()
    trap.arm(context)
    page = context.new_page()
    shown = 0
    for address in site_content().news.feed_addresses()[:2]:  # all the news, Atom and RSS
        page.goto(f"{site}{address}")
        feed = feedparser.parse(page.content() and _raw(page, f"{site}{address}"))
        assert not feed.bozo, feed.bozo_exception
        for entry in feed.entries:
            html = entry.get("summary", "") + "".join(c.value for c in entry.get("content", []))
            page.set_content("<!doctype html><title>reader</title><h1></h1><div></div>")
            page.locator("h1").evaluate("(e, t) => { e.textContent = t }", entry.title)
            page.locator("div").evaluate("(e, h) => { e.innerHTML = h }", html)
            page.wait_for_timeout(20)
            trap.inspect(page)
            shown += 1
    assert shown >= 20
    trap.check()


def _raw(page: Page, url: str) -> bytes:
    return page.request.get(url).body()


def test_front_matter_payloads_fire_nowhere_in_the_export(
    db: None, xss_content: Path, new_context: ContextFactory, tmp_path: Path
) -> None:
    out = tmp_path / "export"
    build_site(out)
    context = new_context(allow=is_file, offline=True, bypass_csp=True)
    trap = Trap()
    trap.arm(context)
    page = context.new_page()
    visited = 0
    for address in news_addresses():
        path = out / file_for(address)
        if path.suffix != ".html":
            continue  # the feeds are the served ones (tested above) written to files
        visit(page, path.as_uri(), trap)
        visited += 1
    assert visited > 3 * len(FRONT_MATTER)
    trap.check()


def test_a_control_character_in_front_matter_is_reported_and_left_out(
    db: None, settings: Settings, tmp_path: Path, client: Client
) -> None:
    """A NUL (XML cannot hold it) is an error of the check at its line, so the feeds, which
    could not be written with it, never are."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    nul = next(p for p in PAYLOADS if "\0" in p.text)
    write_xss_news(tmp_path / "content", [nul])
    found = [
        (Path(d.position.path).name, d.position.line, d.code, d.message)
        for d in check_tree(tmp_path / "content").errors
        if d.position and "U+0000" in d.message
    ]
    post = f"{(FIRST_DAY + timedelta(days=nul.number)).isoformat()}-xss-{nul.number}.md"
    assert (post, 2, "E201") in [entry[:3] for entry in found]
    assert any(name == "authors.toml" for name, *_ in found)
    assert all("cannot hold: delete it" in message for *_, message in found)
    assert (post, 8, "E201") in [entry[:3] for entry in found]  # [image]
    # The site publishes no content with errors: the feeds are never written with it.
    settings.CONTENT_DIR = tmp_path / "content"
    pages.clear()
    with pytest.raises(ContentError, match=f"{post}:2:1: error\\[E201\\]"):
        client.get(NEWS_FEED_ATOM)
