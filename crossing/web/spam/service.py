"""One interface for spam checking: the local checker by default, Akismet when configured.

The comments build a `Submission`, ask `spam_checker().check(submission)` on arrival, and call
`report_spam` / `report_ham` when a moderator decides. Akismet failing never loses a comment:
the local checker decides and the fault is logged."""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

import akismet
import httpx
from django.conf import settings
from django.utils.translation import gettext_noop

from crossing.web.spam import checks, filter

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Submission:
    """A comment as it arrives (or as a moderator judges it later)."""

    name: str
    email: str
    website: str
    text: str
    address_hash: str  # the salted hash the comments keep instead of the address
    user_agent: str = ""
    referrer: str = ""
    permalink: str = ""
    created: datetime = field(default_factory=lambda: datetime.now(UTC))
    # The reader's IP address, given only on arrival for Akismet (which requires one) and never
    # stored; empty when a moderator reports a comment later.
    address: str = ""
    # The form's extra fields: the honeypot's value, and the signed render time with its page.
    honeypot: str = ""
    form_time: str = ""
    page: str = ""


class SpamChecker(Protocol):
    def check(self, submission: Submission) -> checks.Verdict: ...

    def report_spam(self, submission: Submission, *, reversing: bool = False) -> None: ...

    def report_ham(self, submission: Submission, *, reversing: bool = False) -> None: ...


def _filter_text(submission: Submission) -> str:
    return f"{submission.name} {submission.website} {submission.text}"


def rule_verdicts(submission: Submission) -> list[checks.Verdict]:
    """The site's own rules (settings: docs/deployment.md, "Spam")."""
    return [
        checks.check_honeypot(submission.honeypot),
        checks.check_form_time(
            submission.form_time,
            submission.page,
            min_seconds=settings.CROSSING_SPAM_MIN_SECONDS,
            max_hours=settings.CROSSING_SPAM_MAX_HOURS,
        ),
        checks.check_words(
            {
                # The fields' names as a moderator reads them in a reason ("the email
                # contains …"), translated where the reason is shown.
                gettext_noop("name"): submission.name,
                gettext_noop("email"): submission.email,
                gettext_noop("website"): submission.website,
                gettext_noop("comment"): submission.text,
                gettext_noop("address"): submission.address_hash,
                gettext_noop("user agent"): submission.user_agent,
            },
            moderation=settings.CROSSING_MODERATION_WORDS,
            disallowed=settings.CROSSING_DISALLOWED_WORDS,
        ),
        checks.check_links(submission.text, hold_at=settings.CROSSING_SPAM_LINKS_HELD_AT),
        checks.check_length(
            submission.text,
            min_chars=settings.CROSSING_COMMENT_MIN_CHARS,
            max_chars=settings.CROSSING_COMMENT_MAX_CHARS,
        ),
    ]


class LocalSpamChecker:
    """The rules, then the learning filter once moderators have taught it enough."""

    def check(self, submission: Submission) -> checks.Verdict:
        return checks.strictest([*rule_verdicts(submission), self.filter_verdict(submission)])

    def filter_verdict(self, submission: Submission) -> checks.Verdict:
        if not filter.trained_enough(settings.CROSSING_SPAM_FILTER_MIN_TRAINING):
            return checks.ACCEPT
        probability = filter.spam_probability(_filter_text(submission))
        if probability >= settings.CROSSING_SPAM_FILTER_THRESHOLD:
            return checks.verdict(
                checks.Action.SPAM,
                gettext_noop("the local filter rates it %(share)s likely spam"),
                share=f"{probability:.0%}",
            )
        return checks.ACCEPT

    def report_spam(self, submission: Submission, *, reversing: bool = False) -> None:
        """A moderator marked it spam (`reversing` an earlier "not spam")."""
        if reversing:
            filter.unlearn(_filter_text(submission), is_spam=False)
        filter.learn(_filter_text(submission), is_spam=True)

    def report_ham(self, submission: Submission, *, reversing: bool = False) -> None:
        """A moderator marked it not spam (`reversing` an earlier "spam")."""
        if reversing:
            filter.unlearn(_filter_text(submission), is_spam=True)
        filter.learn(_filter_text(submission), is_spam=False)


class AkismetSpamChecker:
    """The site's rules, then Akismet's comment-check; the local checker when Akismet fails."""

    def __init__(self, key: str, site_url: str, http_client: httpx.Client | None = None):
        self.local = LocalSpamChecker()
        self.client = akismet.SyncClient(
            config=akismet.Config(key=key, url=site_url),
            http_client=http_client
            or httpx.Client(
                headers={"User-Agent": akismet.USER_AGENT},
                timeout=settings.CROSSING_AKISMET_TIMEOUT,
            ),
        )

    def key_is_valid(self) -> bool:
        """Whether Akismet accepts the key for the site (its verify-key request)."""
        return self.client.verify_key()

    def _arguments(self, submission: Submission) -> akismet.AkismetArguments:
        return {
            "comment_type": "comment",
            "comment_author": submission.name,
            "comment_author_email": submission.email,
            "comment_author_url": submission.website,
            "comment_content": submission.text,
            "comment_date_gmt": submission.created.astimezone(UTC).isoformat(),
            "user_agent": submission.user_agent,
            "referrer": submission.referrer,
            "permalink": submission.permalink,
        }

    def check(self, submission: Submission) -> checks.Verdict:
        rules = checks.strictest(rule_verdicts(submission))
        if rules.action >= checks.Action.SPAM:
            return rules  # a filled honeypot or forged form: no need to ask Akismet
        try:
            answer = self.client.comment_check(
                user_ip=submission.address,
                **self._arguments(submission),
            )
        except akismet.AkismetError as error:
            log.warning(
                "Akismet could not check a comment, the local filter decides: %s", _one_line(error)
            )
            return self.local.check(submission)
        akismet_verdict = {
            akismet.CheckResponse.HAM: checks.ACCEPT,
            akismet.CheckResponse.SPAM: checks.verdict(
                checks.Action.SPAM, gettext_noop("Akismet: spam")
            ),
            akismet.CheckResponse.DISCARD: checks.verdict(
                checks.Action.DISCARD, gettext_noop("Akismet: blatant spam (discard)")
            ),
        }[answer]
        return checks.strictest([rules, akismet_verdict])

    def report_spam(self, submission: Submission, *, reversing: bool = False) -> None:
        self.local.report_spam(submission, reversing=reversing)
        try:
            self.client.submit_spam(user_ip=submission.address, **self._arguments(submission))
        except akismet.AkismetError as error:
            log.warning("Akismet could not be told of a spam comment: %s", _one_line(error))

    def report_ham(self, submission: Submission, *, reversing: bool = False) -> None:
        self.local.report_ham(submission, reversing=reversing)
        try:
            self.client.submit_ham(user_ip=submission.address, **self._arguments(submission))
        except akismet.AkismetError as error:
            log.warning(
                "Akismet could not be told of a comment that is not spam: %s", _one_line(error)
            )


def _one_line(error: Exception) -> str:
    """The library's multi-line messages as one log line."""
    return " ".join(str(error).split())


def spam_checker() -> SpamChecker:
    """Akismet when CROSSING_AKISMET_KEY is set, else the local checker."""
    key = settings.CROSSING_AKISMET_KEY
    if not key:
        return LocalSpamChecker()
    # settings.py made sure the address is there and begins with http(s)://.
    return _akismet_checker(key, settings.CROSSING_AKISMET_URL)


@functools.cache
def _akismet_checker(key: str, site_url: str) -> AkismetSpamChecker:
    """One per key and address, for the life of the process: its HTTP client keeps its
    connections to Akismet open between comments."""
    return AkismetSpamChecker(key, site_url)
