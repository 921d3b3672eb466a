"""The spam rules, each alone (crossing/web/spam/checks.py)."""

from __future__ import annotations

import time

from django.core import signing
from hypothesis import given
from hypothesis import strategies as st

from crossing.web.spam.checks import (
    Action,
    Verdict,
    check_form_time,
    check_honeypot,
    check_length,
    check_links,
    check_words,
    links,
    sign_form_time,
    strictest,
)

PAGE = "/en/news/launch/"


def test_an_empty_honeypot_passes_and_a_filled_one_is_discarded() -> None:
    assert check_honeypot("").action == Action.ACCEPT
    assert check_honeypot("   ").action == Action.ACCEPT
    verdict = check_honeypot("http://spam.example")
    assert verdict.action == Action.DISCARD
    assert "hidden field" in verdict.reason


def form_time(age: float, page: str = PAGE) -> Verdict:
    token = sign_form_time(page)
    return check_form_time(token, PAGE, min_seconds=3, max_hours=72, now=time.time() + age)


def test_a_form_sent_in_reasonable_time_passes() -> None:
    assert form_time(4).action == Action.ACCEPT
    assert form_time(71 * 3600).action == Action.ACCEPT


def test_a_form_sent_too_fast_is_spam() -> None:
    verdict = form_time(1)
    assert verdict.action == Action.SPAM
    assert "too fast" in verdict.reason


def test_a_form_sent_days_later_is_held() -> None:
    verdict = form_time(73 * 3600)
    assert verdict.action == Action.HOLD
    assert "73 hours" in verdict.reason
    assert "too old" in verdict.reason


def test_a_form_rendered_for_another_page_is_spam() -> None:
    verdict = form_time(10, page="/en/news/other/")
    assert verdict.action == Action.SPAM
    assert "/en/news/other/" in verdict.reason


def test_a_forged_or_missing_form_time_is_spam() -> None:
    token = sign_form_time(PAGE)
    value, stamp, signature = token.rsplit(":", 2)
    older = signing.b62_encode(signing.b62_decode(stamp) - 3600)
    for forged in ("", "nonsense", f"{value}:{older}:{signature}", token + "x"):
        verdict = check_form_time(forged, PAGE, min_seconds=3, max_hours=72)
        assert verdict.action == Action.SPAM, forged
        assert "forged" in verdict.reason


def test_links_counts_full_addresses_and_bare_domains() -> None:
    text = "See https://a.example/x?y=1 and http://b.example, or c-d.example.org/page."
    assert links(text) == [
        "https://a.example/x?y=1",
        "http://b.example",
        "c-d.example.org/page",
    ]


def test_links_ignores_emails_sentence_ends_and_abbreviations() -> None:
    assert links("Write to me@mail.example. It ended. e.g. this, i.e. that; 3.14 km") == []


def test_one_link_passes_and_two_are_held() -> None:
    assert check_links("see https://a.example", hold_at=2).action == Action.ACCEPT
    verdict = check_links("see https://a.example and b.example", hold_at=2)
    assert verdict.action == Action.HOLD
    assert verdict.reason == "2 links (comments with 2 or more are held)"


@given(st.lists(st.from_regex(r"\Ahttps?://[a-z]{1,10}\.[a-z]{2,5}/[a-z0-9]{0,8}\Z"), max_size=6))
def test_links_finds_every_address_written_between_words(addresses: list[str]) -> None:
    assert links(" and ".join(addresses)) == addresses


def test_length_rules() -> None:
    assert check_length("ok", min_chars=2, max_chars=5).action == Action.ACCEPT
    assert check_length(" a  ", min_chars=2, max_chars=5).reason == "1 characters, fewer than 2"
    assert check_length("abcdef", min_chars=2, max_chars=5).action == Action.HOLD


FIELDS = {
    "name": "Kim",
    "email": "kim@Casino.example",
    "website": "",
    "comment": "Thank you for the film.",
    "address": "3f9a0c",
}


def test_words_match_case_insensitively_inside_any_field() -> None:
    verdict = check_words(FIELDS, moderation=["casino"], disallowed=[])
    assert verdict == Verdict(Action.HOLD, "the email contains “casino” (moderation list)")
    assert check_words(FIELDS, moderation=["FILM"], disallowed=[]).action == Action.HOLD
    # The salted address hash, as WordPress matches the address.
    assert check_words(FIELDS, moderation=[], disallowed=["3f9a"]).action == Action.DISCARD


def test_disallowed_words_win_and_blank_words_match_nothing() -> None:
    verdict = check_words(FIELDS, moderation=["film"], disallowed=["  ", "", "thank"])
    assert verdict == Verdict(Action.DISCARD, "the comment contains “thank” (disallowed list)")
    assert check_words(FIELDS, moderation=[" "], disallowed=[]).action == Action.ACCEPT


def test_the_strictest_verdict_wins_with_its_reasons() -> None:
    held = [Verdict(Action.HOLD, "a"), Verdict(Action.ACCEPT), Verdict(Action.HOLD, "b")]
    assert strictest(held) == Verdict(Action.HOLD, "a; b")
    assert strictest([*held, Verdict(Action.SPAM, "c")]) == Verdict(Action.SPAM, "c")
    assert strictest([]).action == Action.ACCEPT


@given(position=st.integers(min_value=0), replacement=st.characters(codec="ascii"))
def test_any_changed_character_of_the_form_time_is_caught(position: int, replacement: str) -> None:
    token = sign_form_time(PAGE)
    position %= len(token)
    changed = token[:position] + replacement + token[position + 1 :]
    verdict = check_form_time(changed, PAGE, min_seconds=0, max_hours=72)
    if changed == token:
        assert verdict.action == Action.ACCEPT
    else:
        assert verdict.action == Action.SPAM
