"""Trailing `// …` comments: where they are comments, and where `//` is text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from crossing.story.comments import choice_without_comment, without_comment

from .conftest import Load

STORY = """
title: Market Day // required
id: market-day    // optional
places: places.toml // the table
var coins: int = 20 // a whole number
var year "Year // kept": {y2009 "2009 // kept", y2019} = y2009  // labels
// a whole line

## start   // the first scene
place: town  // where
title: At the river    // shown
~ coins -= 2 // pay
You see https://example.org // this stays in the text. {year}
* Go // this stays in the choice -> next if coins > 0 // but this goes
  ~ coins += 1 // an effect
* Chance -> dice // -> old

## dice
chance: // cited below
  assumption: a coin // stays in the note
  50% -> next // heads
  50% -> end   // tails

## next
~ year = y2019 // change
-> end if coins > 100 // rarely
-> end // always

## end
ending: safety // the end
epilogue: // after
Done // kept.
"""

PLACES = {"places.toml": '[town]\nname = "T"\nlat = 1\nlon = 2\n'}


def test_trailing_comments_are_dropped_where_the_line_is_not_prose(load: Load) -> None:
    loaded = load(STORY, PLACES)
    assert loaded.diagnostics == []
    story = loaded.story
    assert story is not None
    data = story.to_json()
    assert (data["title"], data["id"]) == ("Market Day", "market-day")
    year = data["variables"][1]
    assert (year["label"], year["labels"]) == ("Year // kept", ["2009 // kept", "y2019"])
    start, dice, _, end = data["scenes"]
    assert (start["id"], start["title"], start["place"]) == ("start", "At the river", "town")
    assert start["text"][0] == "<p>You see https://example.org // this stays in the text. "
    assert [c["text"] for c in start["choices"]] == ["Go // this stays in the choice", "Chance"]
    assert dice["chance"]["note"] == "a coin // stays in the note"
    assert end["ending"] == {"kind": "safety", "epilogue": "<p>Done // kept.</p>"}


def test_a_comment_needs_a_value_before_it(load: Load) -> None:
    # `image: //host/…` is an address (refused as one), not an empty value with a comment.
    loaded = load("title: T\n\n## s\nending: safety\nimage: //example.org/a.jpg\n  alt: A\n")
    assert [(d.code, d.message) for d in loaded.errors] == [
        ("E013", "an image from another site: '//example.org/a.jpg'")
    ]


BLANK = st.text(alphabet=" \t", min_size=1, max_size=3)
VALUE = st.text(alphabet=st.characters(blacklist_characters="\n\r"), min_size=1).filter(
    lambda v: v.strip(" \t") == v and "//" not in v
)


@given(value=VALUE, blank=BLANK, comment=st.text(alphabet=st.characters(blacklist_characters="\n")))
def test_a_comment_after_a_value_is_cut(value: str, blank: str, comment: str) -> None:
    assert without_comment(f"era: {value}{blank}//{comment}") == f"era: {value}"
    assert without_comment(f"~ x = {value}{blank}//{comment}") == f"~ x = {value}"


@given(text=st.text(alphabet=st.characters(blacklist_characters="\n")))
def test_cutting_keeps_a_prefix_and_never_cuts_an_address(text: str) -> None:
    cut = without_comment(text)
    assert text.startswith(cut)
    assert "//" not in text or cut == text or text[len(cut) :].lstrip(" \t").startswith("//")
    address = f"credit: https://example.org/{text.replace('//', '')}"
    assert without_comment(address).startswith("credit: https://example.org/")


def test_choice_text_keeps_its_slashes() -> None:
    assert choice_without_comment("* A // b -> c // d -> e") == "* A // b -> c"
    assert choice_without_comment("* See https://x.org -> c") == "* See https://x.org -> c"
    assert choice_without_comment("* A // b -> c") == "* A // b -> c"
