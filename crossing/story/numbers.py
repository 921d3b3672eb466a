"""Number formats for interpolations (`{cash as USD}`), computed once at compile time.

Babel gives the story language's digit grouping and currency patterns; the compiler embeds
what the story uses in the compiled document, so that both runtimes apply one small
algorithm (docs/compiled-format.md, "Number formats") and give identical output without
locale data or Intl at play time.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError
from babel.numbers import format_currency, format_decimal, get_currency_symbol, list_currencies

NUMBER, WORDS = "number", "words"
FORMATS = (NUMBER, WORDS)

# Numbers spelled out, where a language's table has them. Text that spells out small counts
# and ages ("two children", "a year old") uses these; larger numbers show grouped digits.
# Counting forms only: a language whose numerals agree with their noun needs more than a table.
WORD_TABLES: dict[str, tuple[str, ...]] = {
    "en": (
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ),
}

_CURRENCIES = frozenset(list_currencies())


def is_currency(code: str) -> bool:
    """An ISO 4217 code Babel knows, written in capitals ('USD', 'KRW')."""
    return code in _CURRENCIES


def known_formats() -> list[str]:
    return [*FORMATS, *sorted(_CURRENCIES)]


def locale_for(language: str) -> Locale | None:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


Affixes = tuple[str, str, str, str]  # prefix and suffix of a positive, then a negative amount


@dataclass(frozen=True, slots=True)
class Numbers:
    """What the runtimes need to format numbers in the story's language. Strings are HTML."""

    group: str  # the grouping separator
    sizes: tuple[int, int]  # digits in the last group, then in each group before it
    words: tuple[str, ...]  # words[n] spells n
    formats: dict[str, Affixes]  # "number" and each currency used

    def format(self, value: int, name: str) -> str:
        """The reference algorithm; both runtimes implement exactly this."""
        if name == WORDS and 0 <= value < len(self.words):
            return self.words[value]
        affixes = self.formats[NUMBER if name == WORDS else name]
        digits = str(abs(value))
        primary, secondary = self.sizes
        groups: list[str] = []
        if len(digits) > primary:
            groups.append(digits[-primary:])
            digits = digits[:-primary]
            while len(digits) > secondary:
                groups.insert(0, digits[-secondary:])
                digits = digits[:-secondary]
        grouped = self.group.join([digits, *groups])
        prefix, suffix = (affixes[2], affixes[3]) if value < 0 else (affixes[0], affixes[1])
        return prefix + grouped + suffix


def numbers_for(locale: Locale, used: set[str]) -> Numbers:
    """The locale data for the formats `used` ("number", "words" and currency codes)."""
    pattern = locale.decimal_formats[None]
    primary, secondary = pattern.grouping
    group = format_decimal(1000, locale=locale, format="#,##0")[1:-3]
    formats: dict[str, Affixes] = {NUMBER: _affixes(lambda n: format_decimal(n, locale=locale))}
    whole = re.sub(r"\.0+", "", locale.currency_formats["standard"].pattern)  # no decimals
    for code in sorted(used - set(FORMATS)):

        def money(n: int, code: str = code) -> str:
            return format_currency(n, code, format=whole, locale=locale, currency_digits=False)

        formats[code] = _spaced(_affixes(money), get_currency_symbol(code, locale=locale))
    words = WORD_TABLES.get(locale.language, ()) if WORDS in used else ()
    return Numbers(
        html.escape(group, quote=False),
        (primary, secondary),
        words,
        {name: _escaped(affixes) for name, affixes in formats.items()},
    )


def _affixes(render: Callable[[int], str]) -> Affixes:
    """Split the renderings of 7 and -7 around the digit."""
    pre, suf = render(7).split("7")
    neg_pre, neg_suf = render(-7).split("7")
    return pre, suf, neg_pre, neg_suf


def _spaced(affixes: Affixes, symbol: str) -> Affixes:
    """CLDR's currency spacing, which Babel leaves out: a no-break space between digits and
    a symbol that ends (or starts) with a letter, as in 'THB 3,500' (but '$3,500')."""

    def apart(char: str) -> bool:
        return unicodedata.category(char)[0] not in "SZ"

    pre, suf, neg_pre, neg_suf = affixes
    if symbol and apart(symbol[-1]):
        pre = pre + "\u00a0" if pre.endswith(symbol) else pre
        neg_pre = neg_pre + "\u00a0" if neg_pre.endswith(symbol) else neg_pre
    if symbol and apart(symbol[0]):
        suf = "\u00a0" + suf if suf.startswith(symbol) else suf
        neg_suf = "\u00a0" + neg_suf if neg_suf.startswith(symbol) else neg_suf
    return pre, suf, neg_pre, neg_suf


def _escaped(affixes: Affixes) -> Affixes:
    a, b, c, d = (html.escape(part, quote=False) for part in affixes)
    return a, b, c, d
