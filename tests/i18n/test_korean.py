"""Pages, forms and editions rendered in Korean read in Korean: the catalogues reach the
reader (templates, Python, the player's words, the engine's own words)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from crossing.editions.gamebook import build_gamebook
from crossing.locales import speaking
from crossing.web.comments.forms import CommentForm
from crossing.web.journey.player import player_text
from crossing.web.journey.publish import journey

from .compiled import compile_stale

HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.fixture(scope="module", autouse=True)
def compiled() -> None:
    compile_stale()


def _words(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for inner in value.values():
            yield from _words(inner)
    else:
        yield value


def test_the_404_page_in_korean() -> None:
    request = RequestFactory().get("/no-such-page/")
    with translation.override("ko"):
        html = render_to_string("404.html", request=request)
    assert "이 페이지는 여기에 없습니다" in html
    assert '<a href="/">홈페이지</a>' in html
    assert "This page is not here" not in html


def test_every_word_of_the_player_in_korean() -> None:
    english = list(_words(player_text()))
    with translation.override("ko"):
        korean = list(_words(player_text()))
    assert len(korean) == len(english)
    for source, translated in zip(english, korean, strict=True):
        assert translated != source
        assert HANGUL.search(translated), translated
        # The player fills these in: the translation must keep them.
        assert set(re.findall(r"\{\w+\}", translated)) == set(re.findall(r"\{\w+\}", source))


def test_a_comment_forms_errors_in_korean() -> None:
    data = {"page": "/news/x/", "name": "", "email": "not an address", "comment": ""}
    with translation.override("ko"):
        errors = CommentForm(data=data).errors
        assert errors["name"] == ["이름을 입력해 주십시오(댓글과 함께 표시됩니다)."]
        assert errors["email"] == ["name@example.org와 같은 이메일 주소를 입력해 주십시오."]
        assert errors["comment"] == ["댓글을 입력해 주십시오."]


def test_the_gamebook_in_korean_and_english() -> None:
    story = journey().story
    english = build_gamebook(story)
    korean = build_gamebook(story, locale="ko")
    assert english.sections[0].html == korean.sections[0].html  # the story's own text
    notes = [n for s in korean.sections for n in s.notes]
    assert notes and all(HANGUL.search(n) for n in notes)
    assert [n for s in english.sections for n in s.notes] != notes
    odds = [o.odds for s in korean.sections if s.chance for o in s.chance.outcomes]
    assert odds and all("in" not in o and "about" not in o for o in odds)
    kinds = {s.ending.kind_words for s in korean.sections if s.ending}
    assert "안전" in kinds
    # Speaking Korean for one book leaves the next one English.
    assert build_gamebook(story).sections == english.sections


def test_the_gamebook_page_in_korean() -> None:
    story = journey().story
    book = build_gamebook(story, locale="ko")
    view = book.view(book.pages[0].id, base="/ko/journey/gamebook/")
    with translation.override("ko"):
        html = render_to_string(
            "journey/_gamebook.html", {"gamebook": book, "view": view, "sources_url": "/s/"}
        )
    assert "(으)로" in html
    assert "go to §" not in html
    assert "From the record:" not in html


def test_the_engines_words_in_korean() -> None:
    from fractions import Fraction

    from crossing.editions.gamebook import odds_words

    assert odds_words(Fraction(2, 3)) == "2 in 3 (about 67\u00a0%)"
    assert odds_words(Fraction(2, 3), locale="ko") == "3번 중 2번(약 67%)"
    with speaking("ko"):
        assert odds_words(Fraction(7, 10)) == "70%"
    assert odds_words(Fraction(7, 10)) == "70\u00a0%"
