"""The learning filter (crossing/web/spam/filter.py), on the test database."""

from __future__ import annotations

import os
import threading

import pytest
from django.db import connection
from hypothesis import given, settings
from hypothesis import strategies as st

from crossing.web.spam import filter
from crossing.web.spam.models import TokenCount

pytestmark = pytest.mark.django_db

texts = st.text(alphabet=st.sampled_from("abcdefgh ABC 한국 .:/-"), max_size=80) | st.sampled_from(
    ["Buy cheap pills at https://pills.example now", "Thank you for the film"]
)


def counts() -> dict[str, tuple[int, int]]:
    """Every non-zero count (learning may leave a row at zero behind)."""
    rows = TokenCount.objects.values_list("token", "spam", "ham")
    return {token: (spam, ham) for token, spam, ham in rows if spam or ham}


@settings(max_examples=40, deadline=None)
@given(
    taught=st.lists(st.tuples(texts, st.booleans()), max_size=4), text=texts, is_spam=st.booleans()
)
def test_learn_then_unlearn_leaves_the_counts_as_before(
    taught: list[tuple[str, bool]], text: str, is_spam: bool
) -> None:
    for earlier, earlier_is_spam in taught:
        filter.learn(earlier, earlier_is_spam)
    before = counts()
    filter.learn(text, is_spam)
    filter.unlearn(text, is_spam)
    assert counts() == before
    TokenCount.objects.all().delete()


@settings(max_examples=40, deadline=None)
@given(taught=st.lists(st.tuples(texts, st.booleans()), max_size=6), text=texts)
def test_the_probability_is_in_0_1_and_the_same_each_time(
    taught: list[tuple[str, bool]], text: str
) -> None:
    for earlier, is_spam in taught:
        filter.learn(earlier, is_spam)
    probability = filter.spam_probability(text)
    assert 0 <= probability <= 1
    assert filter.spam_probability(text) == probability
    TokenCount.objects.all().delete()


def test_an_untaught_filter_says_nothing() -> None:
    assert filter.spam_probability("anything at all") == 0.5
    assert not filter.trained_enough(1)


def test_unlearning_what_was_never_learned_keeps_counts_at_zero() -> None:
    filter.unlearn("never seen", is_spam=True)
    assert counts() == {}


def test_it_learns_words_and_link_hosts_from_moderators() -> None:
    for _ in range(10):
        filter.learn("Cheap pills, best price: https://pills.example/buy", is_spam=True)
        filter.learn("Thank you for telling their story so carefully.", is_spam=False)
    assert filter.trained_enough(10)
    assert filter.spam_probability("best pills at pills.example") > 0.99
    assert filter.spam_probability("Thank you for this story") < 0.01
    assert TokenCount.objects.get(token="host:pills.example").spam == 10
    # Only counts are stored: no row holds more than one word.
    assert all(" " not in token for token in TokenCount.objects.values_list("token", flat=True))


def test_tokens_are_distinct_words_and_hosts_with_no_room_for_the_message_row() -> None:
    assert filter.tokens("Film film FILM see https://A.example/x") == [
        "example",
        "film",
        "host:a.example",
        "https",
        "see",
    ]
    assert filter.MESSAGES not in filter.tokens("_messages __messages__ messages")


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="concurrent writers need a database server (CI sets DATABASE_URL)",
)
def test_concurrent_moderators_lose_no_count() -> None:
    def teach() -> None:
        try:
            for _ in range(10):
                filter.learn("new words arrive together", is_spam=True)
        finally:
            connection.close()

    threads = [threading.Thread(target=teach) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert TokenCount.objects.get(token="together").spam == 40
    assert TokenCount.objects.get(token=filter.MESSAGES).spam == 40
