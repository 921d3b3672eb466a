"""Trailing `// …` comments (docs/story-language.md, "Comments").

A line that starts with `//` (after spaces) is a comment anywhere. At the end of a line, `//`
starts a comment only where the line is not prose: header and `var` lines, scene metadata,
effects, and what follows `->` in choices, diverts and chance outcomes; and only where it
follows a space or a tab, so an address such as `https://example.org` is never cut. Prose
(scene text, choice text, epilogues, `assumption:` and `basis:` notes) keeps every `//`.
"""

from __future__ import annotations

import re

# `//` at the start or after a blank; quoted labels (`var x "a // b"`) are skipped whole.
_COMMENT = re.compile(r'"[^"]*"|(?:^|(?<=[ \t]))//')
_COMMENT_NO_QUOTES = re.compile(r"(?:^|(?<=[ \t]))//")
_KEY = re.compile(r"[ \t]*[a-z_]+:[ \t]*")


def without_comment(text: str, quotes: bool = False, valued: bool = True) -> str:
    """`text` up to a trailing comment, with the blanks before it; unchanged without one.
    With `quotes`, a `//` inside double quotes is part of the text. A comment trails a
    value: in `key: //…` the `//…` is the value (so `image: //host/x.jpg` is checked, and
    refused, as an address), unless the key takes no value (`valued=False`: `epilogue:`)."""
    pattern = _COMMENT if quotes else _COMMENT_NO_QUOTES
    key = _KEY.match(text) if valued else None
    after = key.end() + 1 if key else 0
    for match in pattern.finditer(text):
        if match.group() == "//" and match.start() >= after:
            return text[: match.start()].rstrip(" \t")
    return text


def choice_without_comment(text: str) -> str:
    """A choice line up to a comment after its `->`: the choice's text before `->` is prose,
    so a `//` there is kept."""
    for match in _COMMENT_NO_QUOTES.finditer(text):
        if "->" in text[: match.start()]:
            return text[: match.start()].rstrip(" \t")
    return text
