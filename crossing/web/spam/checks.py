"""The rules a comment must pass, each a pure function giving a verdict a moderator can read.

WordPress's defaults: a honeypot, a signed render time, links (held at 2 or more), length, and
two word lists (moderation words hold a comment, disallowed words discard it)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import IntEnum

from django.core import signing
from django.utils.translation import gettext_noop

from ..recorded import Cause


class Action(IntEnum):
    """What to do with a comment; a higher value is the stricter, and the strictest wins."""

    ACCEPT = 0
    HOLD = 1  # for a moderator to decide
    SPAM = 2  # into the spam queue, where a moderator may still rescue it
    DISCARD = 3  # never stored


@dataclass(frozen=True)
class Verdict:
    action: Action
    reason: str = ""  # in English, for the record and the log
    # The same reasons as messages, for moderators in their language (crossing.web.recorded).
    causes: tuple[Cause, ...] = field(default=(), compare=False)


ACCEPT = Verdict(Action.ACCEPT)


def verdict(action: Action, message: str, **values: str | int) -> Verdict:
    """A verdict whose reason is `message` (gettext_noop'd) with `values`."""
    cause = Cause(message, values)
    return Verdict(action, str(cause), (cause,))


def strictest(verdicts: Iterable[Verdict]) -> Verdict:
    """The strictest verdict; its reason joined with the others' of the same action."""
    found = [verdict for verdict in verdicts if verdict.action > Action.ACCEPT]
    if not found:
        return ACCEPT
    action = max(verdict.action for verdict in found)
    same = [v for v in found if v.action == action]
    return Verdict(
        action, "; ".join(v.reason for v in same), tuple(c for v in same for c in v.causes)
    )


# The honeypot: a field hidden from people (by CSS and aria-hidden) that only robots fill in.
HONEYPOT_FIELD = "homepage"


def check_honeypot(value: str) -> Verdict:
    if value.strip():
        return verdict(
            Action.DISCARD,
            gettext_noop("the hidden field “%(field)s” was filled in"),
            field=HONEYPOT_FIELD,
        )
    return ACCEPT


# The signed render time: the form carries when, and for which page, it was rendered.
_FORM_TIME_SALT = "crossing.web.spam.form-time"


def sign_form_time(page: str) -> str:
    """A token for the form rendered now for `page` (its path)."""
    return signing.TimestampSigner(salt=_FORM_TIME_SALT).sign(page)


def check_form_time(
    token: str, page: str, *, min_seconds: float, max_hours: float, now: float | None = None
) -> Verdict:
    """Too fast (a robot), too old (a stale or replayed form), or forged / for another page."""
    signer = signing.TimestampSigner(salt=_FORM_TIME_SALT)
    try:
        signed_page = signer.unsign(token)
    except signing.BadSignature:
        return verdict(Action.SPAM, gettext_noop("the form's signed time was missing or forged"))
    if signed_page != page:
        return verdict(
            Action.SPAM,
            gettext_noop("the form was rendered for %(signed)s, not %(page)s"),
            signed=signed_page,
            page=page,
        )
    # The signature is valid, so the timestamp between the page and it is the one we wrote.
    rendered = signing.b62_decode(token.rsplit(signer.sep, 2)[1])
    age = (time.time() if now is None else now) - rendered
    if age < min_seconds:
        return verdict(
            Action.SPAM,
            gettext_noop("sent %(seconds)s s after the form was shown (too fast)"),
            seconds=f"{age:.0f}",
        )
    if age > max_hours * 3600:
        return verdict(
            Action.HOLD,
            gettext_noop("sent %(hours)s hours after the form was shown (too old)"),
            hours=f"{age / 3600:.0f}",
        )
    return ACCEPT


# Links: http(s) addresses, and bare domains such as "example.com/offer" written as text.
# A link ends before the punctuation that ends its sentence.
_URL = re.compile(r"https?://[^\s<>\"']*[^\s<>\"'.,;:!?)]", re.IGNORECASE)
_BARE_DOMAIN = re.compile(
    r"(?<![\w@./-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24}\b(?:/[^\s<>\"']*[^\s<>\"'.,;:!?)])?",
    re.IGNORECASE,
)


def links(text: str) -> list[str]:
    """Every link in `text`, in order: full addresses first found, then bare domains."""
    full = _URL.findall(text)
    rest = _URL.sub(" ", text)
    return full + _BARE_DOMAIN.findall(rest)


def link_host(link: str) -> str:
    without_scheme = re.sub(r"^https?://", "", link, flags=re.IGNORECASE)
    return re.split(r"[/?#:]", without_scheme, maxsplit=1)[0].lower()


def check_links(text: str, *, hold_at: int) -> Verdict:
    count = len(links(text))
    if count >= hold_at:
        return verdict(
            Action.HOLD,
            gettext_noop("%(count)s links (comments with %(hold_at)s or more are held)"),
            count=count,
            hold_at=hold_at,
        )
    return ACCEPT


def check_length(text: str, *, min_chars: int, max_chars: int) -> Verdict:
    length = len(text.strip())
    if length < min_chars:
        return verdict(
            Action.HOLD,
            gettext_noop("%(length)s characters, fewer than %(limit)s"),
            length=length,
            limit=min_chars,
        )
    if length > max_chars:
        return verdict(
            Action.HOLD,
            gettext_noop("%(length)s characters, more than %(limit)s"),
            length=length,
            limit=max_chars,
        )
    return ACCEPT


def check_words(
    fields: dict[str, str], *, moderation: Iterable[str], disallowed: Iterable[str]
) -> Verdict:
    """As WordPress: each word, case-insensitive, anywhere inside any of the fields."""
    for words, action, message in (
        (
            disallowed,
            Action.DISCARD,
            gettext_noop("the %(field)s contains “%(word)s” (disallowed list)"),
        ),
        (
            moderation,
            Action.HOLD,
            gettext_noop("the %(field)s contains “%(word)s” (moderation list)"),
        ),
    ):
        for word in (w.strip() for w in words):
            if not word:
                continue
            for name, value in fields.items():
                if word.casefold() in value.casefold():
                    return verdict(action, message, field=name, word=word)
    return ACCEPT
