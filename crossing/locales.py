"""The engine's own words in the reader's language: the standard library's gettext, so the
editions and the terminal player never import Django.

The catalogue's domain is `crossing` (crossing/locale/<language>/LC_MESSAGES/crossing.po,
compiled to crossing.mo by `make`); the site's interface is the `django` domain beside it.
A function that renders text takes a `locale` ("en", "ko") and renders inside
`speaking(locale)`; the helpers it calls, however deep, translate with `_` and `ngettext`
without passing the locale down (a context variable, so threads and requests each keep
their own)."""

from __future__ import annotations

import functools
import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "crossing"
SOURCE_LOCALE = "en"

_SOURCE = gettext.NullTranslations()  # the words as written: English
_current: ContextVar[gettext.NullTranslations | None] = ContextVar(
    "crossing_translations", default=None
)
_code: ContextVar[str] = ContextVar("crossing_locale", default=SOURCE_LOCALE)


@functools.cache
def translations(locale: str) -> gettext.NullTranslations:
    """The compiled catalogue for `locale` ("ko", "pt-BR"); the English source words when
    there is none (the source language, or a language not translated yet)."""
    if locale == SOURCE_LOCALE:
        return _SOURCE
    return gettext.translation(
        DOMAIN, LOCALE_DIR, languages=[locale.replace("-", "_")], fallback=True
    )


@contextmanager
def speaking(locale: str) -> Iterator[None]:
    """Translate into `locale` until the block ends."""
    token, code = _current.set(translations(locale)), _code.set(locale)
    try:
        yield
    finally:
        _current.reset(token)
        _code.reset(code)


def spoken() -> str:
    """The code of the language being spoken ("en" outside `speaking`)."""
    return _code.get()


def _(message: str) -> str:
    """`message` in the language being spoken."""
    return (_current.get() or _SOURCE).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for `n`, in the language being spoken."""
    return (_current.get() or _SOURCE).ngettext(singular, plural, n)
