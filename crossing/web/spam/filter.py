"""A local learning filter: naive Bayes over the words and link hosts of comments.

Moderators teach it (`learn` when they mark a comment spam or not spam, `unlearn` when they
reverse a decision); it keeps only counts per token (models.TokenCount), never the text."""

from __future__ import annotations

import math
import re

from django.db import transaction
from django.db.models import F

from crossing.web.spam.checks import link_host, links
from crossing.web.spam.models import TokenCount

# How many comments of each kind were learned, kept as one more row. Word tokens are letters
# and digits only, so no word can be spelled like this.
MESSAGES = "_messages"
_WORD = re.compile(r"[^\W_]{2,40}")
_MAX_TOKENS = 300  # bounds the work one comment can cause


def tokens(text: str) -> list[str]:
    """The distinct tokens of `text`, sorted: lower-case words and "host:" + each link's host."""
    words = {word.casefold() for word in _WORD.findall(text)}
    hosts = {"host:" + link_host(link) for link in links(text)}
    return sorted(words | hosts)[:_MAX_TOKENS]


def _counts(names: list[str]) -> dict[str, tuple[int, int]]:
    rows = TokenCount.objects.filter(token__in=names).values_list("token", "spam", "ham")
    return {token: (spam, ham) for token, spam, ham in rows}


def learn(text: str, is_spam: bool) -> None:
    """Count each token of `text` once more as spam (or ham), safely beside other writers."""
    names = [*tokens(text), MESSAGES]
    column = "spam" if is_spam else "ham"
    with transaction.atomic():
        TokenCount.objects.bulk_create(
            [TokenCount(token=name) for name in names], ignore_conflicts=True
        )
        # One UPDATE adding 1 in the database: concurrent moderators' counts all survive.
        TokenCount.objects.filter(token__in=names).update(**{column: F(column) + 1})


def unlearn(text: str, is_spam: bool) -> None:
    """Take back an earlier `learn(text, is_spam)` (a moderator reversed the decision)."""
    names = [*tokens(text), MESSAGES]
    column = "spam" if is_spam else "ham"
    # Never below zero, even if asked to unlearn what was never learned.
    TokenCount.objects.filter(token__in=names, **{f"{column}__gt": 0}).update(
        **{column: F(column) - 1}
    )


def spam_probability(text: str) -> float:
    """How likely `text` is spam, in [0, 1], given what moderators taught (0.5 untaught)."""
    names = tokens(text)
    counts = _counts([*names, MESSAGES])
    spam_messages, ham_messages = counts.get(MESSAGES, (0, 0))
    # Log-odds with Laplace smoothing, so unseen tokens and an empty filter say nothing.
    log_odds = math.log((spam_messages + 1) / (ham_messages + 1))
    for name in names:
        spam, ham = counts.get(name, (0, 0))
        log_odds += math.log((spam + 1) / (spam_messages + 2))
        log_odds -= math.log((ham + 1) / (ham_messages + 2))
    log_odds = max(-700.0, min(700.0, log_odds))  # math.exp overflows beyond ~709
    return 1 / (1 + math.exp(-log_odds))


def trained_enough(minimum: int) -> bool:
    """Whether moderators taught at least `minimum` comments of each kind."""
    spam, ham = _counts([MESSAGES]).get(MESSAGES, (0, 0))
    return spam >= minimum and ham >= minimum
