"""The one spam interface: the local checker, and Akismet against a local server."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from pytest_django.fixtures import Settings

from crossing.web.spam import filter
from crossing.web.spam.checks import Action, sign_form_time
from crossing.web.spam.models import TokenCount
from crossing.web.spam.service import (
    AkismetSpamChecker,
    LocalSpamChecker,
    Submission,
    spam_checker,
)

from .akismet_server import VALID_KEY, FakeAkismet, client_for, fake_akismet

pytestmark = pytest.mark.django_db
PAGE = "/en/news/launch/"
SITE = "https://crossing.example"


@pytest.fixture(autouse=True)
def no_wait(settings: Settings) -> None:
    settings.CROSSING_SPAM_MIN_SECONDS = 0  # the tests send the form as soon as it is made


def comment(text: str = "Thank you for telling this story.", **fields: str) -> Submission:
    return replace(
        Submission(
            name="Kim",
            email="kim@mail.example",
            website="",
            text=text,
            address_hash="3f9a0c",
            user_agent="Mozilla/5.0",
            referrer="https://crossing.example/en/news/",
            permalink="https://crossing.example/en/news/launch/",
            created=datetime(2026, 12, 5, 1, 2, 3, tzinfo=UTC),
            address="203.0.113.7",
            form_time=sign_form_time(PAGE),
            page=PAGE,
        ),
        **fields,
    )


def learned() -> tuple[int, int]:
    """How many spam and ham comments the local filter was taught."""
    row = TokenCount.objects.get(token=filter.MESSAGES)
    return row.spam, row.ham


def test_the_local_checker_is_the_default(settings: Settings) -> None:
    settings.CROSSING_AKISMET_KEY = ""
    assert isinstance(spam_checker(), LocalSpamChecker)
    assert spam_checker().check(comment()).action == Action.ACCEPT


def test_the_local_checker_applies_every_rule(settings: Settings) -> None:
    settings.CROSSING_MODERATION_WORDS = ["casino"]
    settings.CROSSING_DISALLOWED_WORDS = ["viagra"]
    checker = LocalSpamChecker()
    assert checker.check(comment(honeypot="x")).action == Action.DISCARD
    assert checker.check(comment(form_time="")).action == Action.SPAM
    assert checker.check(comment("a.example and b.example")).action == Action.HOLD
    assert checker.check(comment("!")).action == Action.HOLD
    assert checker.check(comment(name="Casino King")).action == Action.HOLD
    assert checker.check(comment(website="http://viagra.example")).action == Action.DISCARD


def test_the_local_filter_learns_from_moderators(settings: Settings) -> None:
    settings.CROSSING_SPAM_FILTER_MIN_TRAINING = 3
    checker = LocalSpamChecker()
    spam = comment("Cheap replica watches, best price, order today")
    ham = comment("I watched the film with my daughter; thank you")
    assert checker.check(spam).action == Action.ACCEPT  # untaught, it says nothing
    for _ in range(3):
        checker.report_spam(spam)
        checker.report_ham(ham)
    verdict = checker.check(comment("best price on replica watches"))
    assert verdict.action == Action.SPAM
    assert "local filter" in verdict.reason
    # A moderator reverses a decision: the spam count is taken back, a ham count added.
    checker.report_ham(spam, reversing=True)
    assert learned() == (2, 4)


def test_akismet_is_used_when_a_key_is_set(settings: Settings) -> None:
    settings.CROSSING_AKISMET_KEY = VALID_KEY
    settings.CROSSING_AKISMET_URL = SITE
    assert isinstance(spam_checker(), AkismetSpamChecker)
    assert spam_checker() is spam_checker()  # one HTTP client, its connections kept open


@pytest.mark.parametrize("url", ["", "crossing.example"])
def test_a_key_without_the_sites_address_stops_the_site_at_start(url: str) -> None:
    environment = {
        **os.environ,
        "CROSSING_AKISMET_KEY": VALID_KEY,
        "CROSSING_AKISMET_URL": url,
        "CROSSING_SITE_URL": "",
    }
    started = subprocess.run(
        [sys.executable, "-c", "import crossing.web.settings"],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert started.returncode != 0
    assert "set CROSSING_AKISMET_URL (or CROSSING_SITE_URL) to it" in started.stderr


@pytest.fixture
def akismet() -> Iterator[FakeAkismet]:
    with fake_akismet() as server:
        yield server


def checker_for(server: FakeAkismet, key: str = VALID_KEY) -> AkismetSpamChecker:
    return AkismetSpamChecker(key, SITE, http_client=client_for(server, timeout=0.5))


def test_verify_key(akismet: FakeAkismet) -> None:
    assert checker_for(akismet).key_is_valid()
    assert not checker_for(akismet, key="wrong").key_is_valid()
    assert akismet.requests[0] == ("/1.1/verify-key", {"key": VALID_KEY, "blog": SITE})


def test_comment_check_sends_the_comment_and_reads_the_answer(akismet: FakeAkismet) -> None:
    checker = checker_for(akismet)
    assert checker.check(comment()).action == Action.ACCEPT
    assert akismet.requests == [
        (
            "/1.1/comment-check",
            {
                "api_key": VALID_KEY,
                "blog": SITE,
                "user_ip": "203.0.113.7",
                "comment_type": "comment",
                "comment_author": "Kim",
                "comment_author_email": "kim@mail.example",
                "comment_content": "Thank you for telling this story.",
                "comment_date_gmt": "2026-12-05T01:02:03+00:00",
                "user_agent": "Mozilla/5.0",
                "referrer": "https://crossing.example/en/news/",
                "permalink": "https://crossing.example/en/news/launch/",
            },
        )
    ]
    akismet.answer = "true"
    assert checker.check(comment()) == checker.check(comment())
    assert checker.check(comment()).action == Action.SPAM
    akismet.answer = "discard"
    verdict = checker.check(comment())
    assert verdict.action == Action.DISCARD
    assert "discard" in verdict.reason


def test_the_site_rules_still_apply_and_spam_is_not_sent(akismet: FakeAkismet) -> None:
    checker = checker_for(akismet)
    assert checker.check(comment(honeypot="x")).action == Action.DISCARD
    assert akismet.requests == []
    assert checker.check(comment("a.example b.example")).action == Action.HOLD  # links


def test_moderators_decisions_are_reported(
    akismet: FakeAkismet, caplog: pytest.LogCaptureFixture
) -> None:
    checker = checker_for(akismet)
    with caplog.at_level(logging.WARNING, logger="crossing.web.spam.service"):
        checker.report_spam(comment())
        checker.report_ham(comment(), reversing=True)
    assert caplog.text == ""  # both answered "Thanks for making the web a better place."
    assert [path for path, _ in akismet.requests] == ["/1.1/submit-spam", "/1.1/submit-ham"]
    assert akismet.requests[0][1]["comment_content"] == "Thank you for telling this story."
    assert learned() == (0, 1)  # spam, then reversed to ham: one ham


@pytest.mark.parametrize("failure", ["status 500", "slow", "invalid key", "nonsense"])
def test_when_akismet_fails_the_local_checker_decides_and_says_why(
    akismet: FakeAkismet, failure: str, caplog: pytest.LogCaptureFixture
) -> None:
    akismet.answer = failure
    checker = checker_for(akismet, key="wrong" if failure == "invalid key" else VALID_KEY)
    with caplog.at_level(logging.WARNING, logger="crossing.web.spam.service"):
        assert checker.check(comment()).action == Action.ACCEPT
        assert checker.check(comment("a.example b.example")).action == Action.HOLD
        checker.report_spam(comment())  # no exception: the moderator's click still counts
    assert "Akismet could not check a comment, the local filter decides" in caplog.text
    assert "Akismet could not be told of a spam comment" in caplog.text
    assert learned() == (1, 0)
