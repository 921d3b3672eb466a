"""The Korean edition's addresses (issue 20): every page at /ko/…, `/` sending a reader whose
browser prefers Korean there, `<html lang>`, hreflang alternates, the language switch, the
sitemap, untranslated pages, the journey and a form that posts under /ko/."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from django.core import signing
from django.test import Client

from crossing.web.comments.models import Comment
from crossing.web.journey.publish import journey

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/journey/",
    "/journey/gamebook/",
    "/on-the-border/",
    "/on-the-border/the-river/",
    "/films/the-defector/",
    "/sources/",
    "/news/",
    "/events/",
]
ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')
SWITCH = re.compile(r'<nav class="language-switch".*?</nav>', re.DOTALL)
KOREAN_BROWSER = "ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7"


def korean(path: str) -> str:
    return "/ko" + path


def form_time(page: str, age: float = 60) -> str:
    """The signed time of a comment form rendered `age` seconds ago (as tests/comments)."""
    signer = signing.TimestampSigner(salt="crossing.web.spam.form-time")
    value = f"{page}{signer.sep}{signing.b62_encode(int(time.time() - age))}"
    return f"{value}{signer.sep}{signer.signature(value)}"


def test_the_home_page_sends_a_korean_browser_to_the_korean_site(client: Client) -> None:
    answer = client.get("/", HTTP_ACCEPT_LANGUAGE=KOREAN_BROWSER)
    assert answer.status_code == 302
    assert answer["Location"] == "/ko/"
    assert "Accept-Language" in answer["Vary"]
    assert not answer.cookies  # a reader who only reads never gets one
    english = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9,ko;q=0.5")
    assert english.status_code == 200
    assert "Accept-Language" in english["Vary"]  # caches keep both answers apart
    assert not english.cookies


def test_no_other_address_redirects(client: Client) -> None:
    for path in PAGES[1:]:
        answer = client.get(path, HTTP_ACCEPT_LANGUAGE=KOREAN_BROWSER)
        assert answer.status_code == 200, path
        assert '<html lang="en">' in answer.content.decode(), path


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_both_languages_and_says_which_it_is(client: Client, path: str) -> None:
    for address, language in ((path, "en"), (korean(path), "ko")):
        answer = client.get(address)
        assert answer.status_code == 200, address
        html = answer.content.decode()
        assert f'<html lang="{language}">' in html, address
        alternates = dict(ALTERNATE.findall(html))
        assert alternates == {
            "en": f"http://testserver{path}",
            "ko": f"http://testserver{korean(path)}",
            "x-default": f"http://testserver{path}",
        }, address


def test_the_switch_links_to_the_same_page_in_the_other_language(client: Client) -> None:
    html = client.get("/ko/on-the-border/the-river/").content.decode()
    switch = SWITCH.search(html)
    assert switch is not None
    links = re.findall(r"<a ([^>]*)>([^<]*)</a>", switch.group(0))
    assert len(links) == 2
    english, hangul = (attributes for attributes, _ in links)
    assert 'href="/on-the-border/the-river/"' in english
    assert 'lang="en"' in english and 'hreflang="en"' in english
    assert "aria-current" not in english
    assert 'href="/ko/on-the-border/the-river/"' in hangul
    assert 'lang="ko"' in hangul and 'aria-current="true"' in hangul
    assert "(in preparation)" not in html


def test_links_in_a_korean_page_stay_in_korean(client: Client) -> None:
    html = client.get("/ko/on-the-border/").content.decode()
    links = set(re.findall(r'href="(/[^"]*)"', html))
    site = {link for link in links if not link.startswith("/static/")}
    # Only the switch's English link leaves the Korean site.
    assert {link for link in site if not link.startswith("/ko/")} == {"/on-the-border/"}
    assert "/ko/on-the-border/the-river/" in links
    assert "/ko/films/crossing-heavens-border/" in links  # a link written in the Markdown
    assert any(link.startswith("/static/crossing/site.css") for link in links)


def test_the_translated_introduction_is_served_in_korean(client: Client) -> None:
    html = client.get("/ko/on-the-border/").content.decode()
    assert "<h1>국경에서</h1>" in html
    assert "untranslated-notice" not in html.split('<li lang="en">')[0]
    # Its citation is the source's: the same number and reference.
    assert 'id="cite-flyer-1"' in html and 'id="ref-flyer"' in html


def test_an_untranslated_page_is_english_in_the_korean_site_and_says_so(
    client: Client, content: Path
) -> None:
    (content / "story" / "01-the-river.ko.md").unlink()  # as if not translated yet
    html = client.get("/ko/on-the-border/the-river/").content.decode()
    assert '<html lang="ko">' in html
    notice = re.search(r'<p class="untranslated-notice" role="note" lang="ko">', html)
    assert notice is not None
    assert re.search(r'<h1 lang="en">The river</h1>', html)
    assert '<div class="document-text" lang="en">' in html
    english = client.get("/on-the-border/the-river/").content.decode()
    assert "untranslated-notice" not in english and '<h1 lang="en">' not in english


def test_the_sitemap_lists_both_languages_with_alternates(client: Client) -> None:
    xml = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]*)</loc>", xml)
    assert "http://testserver/on-the-border/the-river/" in locations
    assert "http://testserver/ko/on-the-border/the-river/" in locations
    assert 'hreflang="ko" href="http://testserver/ko/journey/"' in xml
    assert 'hreflang="x-default" href="http://testserver/journey/"' in xml


def test_the_korean_journey_has_korean_places_and_endings(client: Client) -> None:
    published = journey("ko")
    places = {p.key: p.name for p in published.story.places}
    assert places["musan"] == "함경북도 무산"
    assert journey("en").story.places[0].name.isascii()
    assert published.notes.kinds["safety"].name == "안전"
    assert published.odds == journey("en").odds  # the same scenes: the same odds

    page = client.get("/ko/journey/").content.decode()
    assert '<html lang="ko">' in page
    assert "무산" in page  # the gamebook's map and the story data name the places in Korean
    ending = next(s.id for s in published.story.scenes if s.ending is not None)
    answer = client.get(f"/ko/journey/endings/{ending}/")
    assert answer.status_code == 200
    gamebook = client.get("/ko/journey/gamebook/").content.decode()
    assert '<html lang="ko">' in gamebook


def test_the_korean_story_data_is_served_under_ko(client: Client) -> None:
    page = client.get("/ko/journey/").content.decode()
    story = re.search(r'data-story="([^"]+)"', page)
    assert story is not None and story.group(1).startswith("/ko/journey/")
    data = json.loads(client.get(story.group(1)).content)
    assert data["places"]["musan"]["name"] == "함경북도 무산"


def test_the_journeys_map_names_the_countries_in_the_pages_language(client: Client) -> None:
    """The player draws the route on map.svg: the Korean page's map has Korean names and
    title; the English page keeps the static file."""
    page = client.get("/ko/journey/").content.decode()
    found = re.search(r'data-map="([^"]+)"', page)
    assert found is not None and found.group(1) == "/ko/journey/map.svg"
    answer = client.get(found.group(1))
    assert answer["Content-Type"].startswith("image/svg+xml")
    names = re.findall(r'<text class="label"[^>]*>([^<]*)<', answer.content.decode())
    assert {"중국", "북한", "대한민국", "라오스", "태국"} <= set(names)
    assert all(not name.isascii() for name in names)
    assert '<title id="map-title">지역 지도' in answer.content.decode()
    english = re.search(r'data-map="([^"]+)"', client.get("/journey/").content.decode())
    assert english is not None and english.group(1).endswith("/crossing/map.svg")
    assert "/static/" in english.group(1)


def test_a_comment_posts_from_a_korean_page(client: Client) -> None:
    from crossing.web.content import site_content

    page = korean(site_content("en").news.posts[0].url)
    html = client.get(page).content.decode()
    action = re.search(r'<form action="([^"#]*comments/post/)#respond"', html)
    assert action is not None and action.group(1) == "/ko/comments/post/"
    field = re.search(r'<input type="hidden" name="page" value="([^"]*)"', html)
    assert field is not None
    answer = client.post(
        action.group(1),
        {
            "page": field.group(1),
            "parent": "",
            "name": "민지",
            "email": "minji@example.org",
            "website": "",
            "comment": "잘 읽었습니다.",
            "homepage": "",
            "form_time": form_time(field.group(1)),  # as if sent a minute later
        },
        REMOTE_ADDR="192.0.2.10",
    )
    assert answer.status_code == 303
    assert answer["Location"].startswith(page)  # back to the Korean page
    # One conversation in both languages, kept under the page's English address.
    assert Comment.objects.get().page == page.removeprefix("/ko")


def test_dates_follow_the_page_language(client: Client) -> None:
    english = client.get("/news/").content.decode()
    hangul = client.get("/ko/news/").content.decode()
    assert "5 December 2026" in english
    assert "2026년 12월 5일" in hangul


def test_korean_typography_uses_the_readers_fonts() -> None:
    css = (
        Path(__file__).resolve().parents[2] / "crossing/web/static/crossing/site.css"
    ).read_text()
    rule = css[css.index(":lang(ko) {") :]
    assert "word-break: keep-all" in rule and "overflow-wrap: anywhere" in rule
    assert '"Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans KR", "Noto Sans CJK KR"' in rule
    assert "body:lang(ko) { line-height: 1.75; }" in css
    assert "@font-face" not in css and "fonts.googleapis" not in css


def test_a_korean_feed_links_to_the_korean_pages(client: Client) -> None:
    xml = client.get("/ko/news/feed/atom.xml").content.decode()
    assert "http://testserver/ko/news/crossing-launches/" in xml
    assert "http://testserver/news/crossing-launches/" not in xml
    english = client.get("/news/feed/atom.xml").content.decode()
    assert "/ko/" not in english


def test_a_link_written_into_a_template_follows_the_language(client: Client) -> None:
    # site_map.html names the screening request form by its address, not by a URL name.
    html = client.get("/ko/site-map/").content.decode()
    assert 'href="/ko/screenings/request/"' in html
    assert client.get("/ko/screenings/request/").status_code == 200
    assert 'href="/screenings/request/"' in client.get("/site-map/").content.decode()
