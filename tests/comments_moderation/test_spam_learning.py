"""The learning filter is taught when a moderator disagrees with it, once per change of
mind, and a reversal takes back what it was taught before."""

from __future__ import annotations

from typing import Any

import pytest

from crossing.web.comments import moderation
from crossing.web.comments.models import Action, Decision, Status
from crossing.web.spam import filter
from crossing.web.spam.models import TokenCount
from crossing.web.spam.service import AkismetSpamChecker, LocalSpamChecker

from .conftest import make_comment

pytestmark = pytest.mark.django_db
WORD = "cheapwatches"


def taught() -> tuple[int, int]:
    """How many spam and ham comments the filter learnt, and (the same) for WORD."""
    messages = TokenCount.objects.filter(token=filter.MESSAGES).first()
    word = TokenCount.objects.filter(token=WORD).first()
    total = (messages.spam, messages.ham) if messages else (0, 0)
    assert total == ((word.spam, word.ham) if word else (0, 0))
    return total


def test_marking_spam_teaches_spam_once(moderator: Any) -> None:
    comment = make_comment(text=f"Buy {WORD} now", status=Status.APPROVED)
    moderation.spam(comment, moderator)
    assert taught() == (1, 0)
    moderation.spam(comment, moderator)  # a second click: nothing more learnt
    assert taught() == (1, 0)


def test_rescuing_a_comment_the_filter_sent_to_spam_teaches_ham_without_reversing(
    moderator: Any,
) -> None:
    comment = make_comment(text=f"I read about {WORD} here", status=Status.SPAM)
    moderation.approve(comment, moderator)
    assert taught() == (0, 1)
    actions = list(Decision.objects.order_by("id").values_list("action", flat=True))
    assert actions == [Action.NOT_SPAM, Action.APPROVED]


def test_a_moderator_changing_their_mind_reverses_the_lesson(moderator: Any) -> None:
    comment = make_comment(text=f"About {WORD}", status=Status.HELD)
    moderation.spam(comment, moderator)
    assert taught() == (1, 0)
    moderation.not_spam(comment, moderator)  # spam unlearnt, ham learnt
    assert taught() == (0, 1)
    moderation.approve(comment, moderator)  # already taught "not spam": nothing more
    assert taught() == (0, 1)
    moderation.spam(comment, moderator)  # approved, then spam after all
    assert taught() == (1, 0)


def test_trash_and_restore_teach_nothing_but_a_later_approval_takes_back_spam(
    moderator: Any,
) -> None:
    comment = make_comment(text=f"About {WORD}", status=Status.HELD)
    moderation.spam(comment, moderator)
    moderation.trash(comment, moderator)
    moderation.restore(comment, moderator)
    assert taught() == (1, 0)
    moderation.approve(comment, moderator)
    assert taught() == (0, 1)


def test_approving_and_trashing_held_comments_teaches_nothing(moderator: Any) -> None:
    moderation.approve(make_comment(text=f"About {WORD}"), moderator)
    moderation.trash(make_comment(text=f"About {WORD}"), moderator)
    assert taught() == (0, 0)


def test_after_enough_lessons_the_filter_sends_such_comments_to_spam(
    moderator: Any, settings: Any
) -> None:

    for n in range(settings.CROSSING_SPAM_FILTER_MIN_TRAINING):
        moderation.spam(make_comment(text=f"{WORD} offer number {n}"), moderator)
        moderation.approve(
            make_comment(text=f"The river crossing in chapter {n} moved me", status=Status.SPAM),
            moderator,
        )
    verdict = LocalSpamChecker().filter_verdict(
        moderation.submission(make_comment(text=f"{WORD} offer"))
    )
    assert verdict.action.name == "SPAM"


def test_with_akismet_on_moderators_decisions_are_reported_to_it(
    moderator: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Akismet's API answered by a local server (tests/web/spam/akismet_server.py).
    from web.spam.akismet_server import VALID_KEY, client_for, fake_akismet

    with fake_akismet() as akismet:
        checker = AkismetSpamChecker(
            VALID_KEY, "https://crossing.example", http_client=client_for(akismet)
        )
        monkeypatch.setattr(moderation, "spam_checker", lambda: checker)
        comment = make_comment(text=f"Buy {WORD}", status=Status.APPROVED)
        moderation.spam(comment, moderator)
        moderation.approve(comment, moderator)
    assert [path for path, _ in akismet.requests] == ["/1.1/submit-spam", "/1.1/submit-ham"]
    sent = akismet.requests[0][1]
    assert sent["comment_content"] == f"Buy {WORD}"
    assert sent["comment_author_email"] == "minji@mail.example"
    assert (
        sent["permalink"]
        == f"https://crossing.example/news/crossing-launches/#comment-{comment.pk}"
    )
    assert sent.get("user_ip", "") == ""  # the address is never kept, so never sent later
    assert taught() == (0, 1)  # the local filter too: spam, then reversed to ham
