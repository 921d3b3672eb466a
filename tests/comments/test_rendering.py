"""A comment's text as HTML: paragraphs, line breaks and links, nothing else, all kept."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from crossing.web.comments.rendering import ALLOWED_TAGS, comment_html

TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)([^>]*)>")
ATTRIBUTE = re.compile(r'\s([a-zA-Z-]+)="[^"]*"')


def test_paragraphs_line_breaks_and_links() -> None:
    out = comment_html(
        "First line\nsecond line\n\nSee https://example.org/a, then www.example.org."
    )
    assert out == (
        "<p>First line<br>second line</p>"
        '<p>See <a href="https://example.org/a" rel="nofollow ugc">https://example.org/a</a>, then '
        '<a href="https://www.example.org" rel="nofollow ugc">www.example.org</a>.</p>'
    )


def test_markup_is_shown_as_text() -> None:
    out = comment_html('<script>alert(1)</script><img src=x onerror="alert(1)">')
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;" in out


def test_a_link_cannot_break_out_of_its_attribute() -> None:
    out = comment_html('https://example.org/"onmouseover="alert(1)')
    assert '<a href="https://example.org/" rel="nofollow ugc">' in out
    for _closing, _name, attributes in TAG.findall(out):
        assert set(ATTRIBUTE.findall(attributes)) <= {"href", "rel"}


def visible_text(out: str) -> str:
    return html.unescape(TAG.sub(" ", out))


PIECES = st.sampled_from(
    ["<", ">", "&", '"', "'", "\n", "\n\n", "https://", "www.", "javascript:", "<a href=", "=", "/"]
)
PLAIN = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")))
TEXT = st.lists(st.one_of(PLAIN, PIECES)).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_only_allowed_tags_come_out_and_the_words_are_kept(text: str) -> None:
    out = comment_html(text)
    for _closing, name, attributes in TAG.findall(out):
        assert name.lower() in ALLOWED_TAGS
        names = set(ATTRIBUTE.findall(attributes))
        assert names <= ({"href", "rel"} if name.lower() == "a" else set())
    # What is left outside the tags holds no markup, and every character typed (but spaces).
    assert "<" not in TAG.sub("", out) and ">" not in TAG.sub("", out)
    assert "".join(visible_text(out).split()) == "".join(text.split())
