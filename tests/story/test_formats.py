"""Number formats in interpolations: `{n as number}`, `{n as words}`, `{n as USD}`."""

from __future__ import annotations

import json
import re

import pytest
from babel.numbers import format_currency, format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from crossing.story.compiled import CompiledFormatError, from_json
from crossing.story.numbers import locale_for, numbers_for
from crossing.story.parser import parse_file
from crossing.story.runtime import Program, Session
from crossing.story.source import SourceFile

from .conftest import Compile, Load
from .helpers import at

LIMIT = 2147483647


def shown(compile_story: Compile, text: str, header: str = "") -> str:
    story = compile_story(f"title: T\n{header}var n = 0\n## s\nending: safety\n~ n = n\n{text}\n")
    return Session.begin(Program(story), 1)[1][0].text


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("{3500 as USD}", "<p>$3,500</p>"),
        ("{-3500 as USD}", "<p>-$3,500</p>"),
        ("{1234567 as number}", "<p>1,234,567</p>"),
        ("{999 as number}", "<p>999</p>"),
        ("{0 as words} and {20 as words}", "<p>zero and twenty</p>"),
        ("{21 as words} and {-1 as words}", "<p>21 and -1</p>"),
        ("{6000 as THB}", "<p>THB\u00a06,000</p>"),  # CLDR's spacing after a letter symbol
        ("{n as KRW}", "<p>₩0</p>"),
        ("{2000 * 7 as CNY}", "<p>CN¥14,000</p>"),
        ("{n}", "<p>0</p>"),
    ],
)
def test_formats_render(compile_story: Compile, text: str, html: str) -> None:
    assert shown(compile_story, text) == html


def test_the_story_language_decides(compile_story: Compile) -> None:
    assert shown(compile_story, "{1234567 as USD}", "language: de\n") == "<p>1.234.567\u00a0$</p>"
    assert shown(compile_story, "{1234567 as number}", "language: hi\n") == "<p>12,34,567</p>"
    assert shown(compile_story, "{3 as words}", "language: ko\n") == "<p>3</p>"  # no table


def test_formats_compile_into_the_document(compile_story: Compile) -> None:
    story = compile_story("title: T\nvar n = 1\n## s\nending: safety\n~ n = 2\n{n as USD}\n")
    data = story.to_json()
    assert data["format_version"] == 2  # number formats need version 2, not the latest
    assert data["numbers"] == {
        "group": ",",
        "sizes": [3, 3],
        "formats": {"number": ["", "", "-", ""], "USD": ["$", "", "-$", ""]},
    }
    assert data["scenes"][0]["text"][1] == {"expr": ["var", 0], "type": "int", "format": "USD"}
    assert from_json(json.loads(json.dumps(data))) == story


@pytest.mark.parametrize(
    ("text", "code", "col", "message", "hint"),
    [
        ("{n as usd}", "E023", 7, "unknown number format 'usd'", "did you mean 'USD'?"),
        ("{n as nubmer}", "E023", 7, "unknown number format 'nubmer'", "did you mean 'number'?"),
        ("{n as XYZ}", "E023", 7, "unknown number format 'XYZ'", None),
        ("{b as USD}", "E008", 2, "the format 'USD' needs a number", None),
        ("{n as}", "E002", 6, "expected a format after 'as'", None),
    ],
)
def test_format_errors(
    load: Load, text: str, code: str, col: int, message: str, hint: str | None
) -> None:
    loaded = load(
        f"title: T\nvar n = 1\nvar b = true\n## s\nending: safety\n~ n = 2\n~ b = false\n{text}\n"
    )
    d = at(loaded, code, f"main.story:8:{col}")
    assert d.message.startswith(message)
    if hint is not None:
        assert d.hint is not None and d.hint.startswith(hint)


def test_an_unknown_language_cannot_format(load: Load) -> None:
    loaded = load("title: T\nlanguage: xx\nvar n = 1\n## s\nending: safety\n~ n = 2\n{n as USD}\n")
    assert "language 'xx'" in at(loaded, "E023", "main.story:7:7").message


# The reference algorithm against Babel's own formatting, for any whole number.
@settings(max_examples=300, deadline=None)
@given(
    value=st.integers(-LIMIT, LIMIT),
    language=st.sampled_from(["en", "de", "fr", "hi", "ko", "zh", "th", "es", "ja"]),
    currency=st.sampled_from(["USD", "EUR", "CNY", "KRW", "JPY", "GBP"]),
)
def test_the_algorithm_agrees_with_babel(value: int, language: str, currency: str) -> None:
    locale = locale_for(language)
    assert locale is not None
    numbers = numbers_for(locale, {"number", currency})
    assert numbers.format(value, "number") == format_decimal(value, locale=locale)
    whole = locale.currency_formats["standard"].pattern.replace(".00", "")
    expected = format_currency(value, currency, format=whole, locale=locale, currency_digits=False)
    ours = numbers.format(value, currency)
    # The same, but for the no-break space CLDR puts between digits and a symbol that is a
    # word (Babel leaves it out): 'THB 6,000', '元 0'.
    assert ours.replace("\u00a0", "") == expected.replace("\u00a0", "")
    assert ours.count("\u00a0") >= expected.count("\u00a0")


def test_a_runtime_refuses_formats_it_cannot_apply(compile_story: Compile) -> None:
    data = compile_story(
        "title: T\nvar n = 1\n## s\nending: safety\n~ n = 2\n{n as USD}\n"
    ).to_json()
    for broken, where in (
        (lambda d: d["scenes"][0]["text"][1].update(format="EUR"), "scenes[0].text[1].format"),
        (lambda d: d.pop("numbers"), "scenes[0].text[1].format"),
        (lambda d: d["numbers"].update(sizes=[0, 3]), "numbers.sizes[0]"),  # grouping never ends
    ):
        bad = json.loads(json.dumps(data))
        broken(bad)
        with pytest.raises(CompiledFormatError, match=re.escape(f"not valid: {where}: must")):
            from_json(bad)


NAMES = st.from_regex(r"[a-z][a-z0-9_]{0,5}", fullmatch=True).filter(
    lambda s: s not in ("and", "or", "not", "true", "false", "if", "as")
)


@settings(max_examples=200, deadline=None)
@given(
    name=NAMES,
    fmt=st.sampled_from(["number", "words", "USD", "KRW", "usd", "Number", "X"]),
    before=st.text(" ab.", max_size=4),
    gap=st.sampled_from([" ", "  ", "\t"]),
)
def test_the_format_is_read_where_it_is_written(name: str, fmt: str, before: str, gap: str) -> None:
    line = f"{before}{{{name}{gap}as {fmt}}}"
    story_file, problems = parse_file(SourceFile("main.story", f"title: T\n## s\n{line}\n"))
    assert problems == []
    (interpolation,) = story_file.scenes[0].text.interpolations
    assert interpolation.expr.text == name
    assert interpolation.format is not None and interpolation.format.text == fmt
    position = interpolation.format.position
    assert (position.line, line[position.col - 1 :][: len(fmt)]) == (3, fmt)


def test_as_is_reserved(load: Load) -> None:
    loaded = load("title: T\nvar as = 1\n## s\nending: safety\n{as}\n")
    assert at(loaded, "E058", "main.story:2:5").message == "'as' is not a valid variable name"
