"""Words recorded when something happens and read later, in the reader's language: why a
screening changed state, why a comment was held.

A `Cause` is an English message marked with `gettext_noop`, with `%(name)s` placeholders,
and its values. It is stored twice: as the English sentence it makes (for logs, searches and
the record as it happened) and as the message with its values, translated when shown. What
someone typed (a reason, an address) goes in as a value and stays as typed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

Values = Mapping[str, str | int]


# Values that are themselves messages, translated with the one they fill: "a seat was given
# back (%(cause)s)", "the %(field)s contains …" (a form field's name).
MESSAGE_VALUES = ("cause", "field")


@dataclass(frozen=True)
class Cause:
    """`message` % `values`, translatable (see MESSAGE_VALUES)."""

    message: str
    values: Values = field(default_factory=dict)

    def __str__(self) -> str:
        return self.message % self.values if self.values else self.message

    def stored(self) -> list[Any]:
        """As kept in a JSON field: [message, values]."""
        return [self.message, dict(self.values)]


def shown(message: str, values: Values | None = None) -> str:
    """The message in the current language, with its values."""
    if not values:
        return _(message)
    filled = dict(values)
    for name in MESSAGE_VALUES:
        if isinstance(filled.get(name), str):
            filled[name] = _(str(filled[name]))
    try:
        return _(message) % filled
    except (KeyError, TypeError, ValueError):
        # A translation whose placeholders do not fit (the catalogue test refuses these):
        # the record in English rather than an error where it is read.
        return message % values


def shown_all(stored: Sequence[Any] | None, english: str = "") -> str:
    """Causes kept as [[message, values], …], in the current language, joined; `english`
    (the sentence as recorded) when none were kept, as for a record made before."""
    if not stored:
        return english
    return "; ".join(shown(message, values) for message, values in stored)


def stored_all(causes: Iterable[Cause]) -> list[Any]:
    return [cause.stored() for cause in causes]
