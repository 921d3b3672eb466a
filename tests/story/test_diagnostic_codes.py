"""Diagnostics that say precisely what is wrong, once, where it is (issue 19, section 3)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from .conftest import Load
from .helpers import at, codes


def test_a_bad_ending_kind_is_one_error_at_the_kind(load: Load) -> None:
    loaded = load(
        "title: T\nendings: win,  fail1, , Lose\n\n## s\n* a -> w\n* b -> f\n"
        "\n## w\nending: win\n\n## f\nending: fail1\n"
    )
    assert codes(loaded) == ["E053", "E053", "E053"]  # no E014 for the ending 'fail1'
    bad = at(loaded, "E053", "main.story:2:16")
    assert bad.message == "'fail1' is not a valid ending kind"
    assert bad.position is not None and bad.position.width == 5
    assert bad.hint and "[a-z]" not in bad.hint and "lower-case letters and '_'" in bad.hint
    assert at(loaded, "E053", "main.story:2:23").message == "an empty ending kind"
    assert at(loaded, "E053", "main.story:2:25").message == "'Lose' is not a valid ending kind"


def test_good_ending_kinds_are_the_story_s_kinds(load: Load) -> None:
    loaded = load("title: T\nendings: win, fail_first, win\n\n## s\nending: fail_first\n")
    assert codes(loaded) == []
    assert loaded.story is not None
    assert loaded.story.ending_kinds == ("win", "fail_first")


def test_a_title_in_another_script_gets_its_own_id_and_a_warning(load: Load) -> None:
    ids = {}
    for title in ("탈북자의 길", "두만강", "Journey 여정", "Journey 길"):
        loaded = load(f"title: {title}\n\n## s\nending: safety\n")
        assert codes(loaded) == ["W150"]
        warning = at(loaded, "W150", "main.story:1:8")
        assert loaded.story is not None
        assert warning.message == (
            f"the story's id '{loaded.story.id}' is derived from a title that is not all ASCII"
        )
        assert warning.hint and "'id:'" in warning.hint
        ids[title] = loaded.story.id
    assert len(set(ids.values())) == 4  # no two share saves or the saved-progress key
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9-]*", story_id) for story_id in ids.values())
    assert ids["Journey 여정"].startswith("journey-") and ids["두만강"].startswith("story-")


def test_an_ascii_title_or_an_explicit_id_is_as_before(load: Load) -> None:
    assert (story := load("title: Market Day\n\n## s\nending: safety\n").story)
    assert story.id == "market-day"
    loaded = load("title: 두만강\nid: tumen\n\n## s\nending: safety\n")
    assert codes(loaded) == [] and loaded.story is not None and loaded.story.id == "tumen"


@given(st.text(min_size=1).filter(lambda t: t.strip() == t and "\n" not in t and "//" not in t))
def test_every_title_gives_a_valid_id(title: str) -> None:
    from crossing.story.checker import story_id_from_title

    story_id = story_id_from_title(title)
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", story_id)
    assert story_id == story_id_from_title(title)  # stable


def test_set_values_that_are_words_of_expressions_are_refused_where_written(load: Load) -> None:
    loaded = load(
        'title: T\nvar t: {true, no}\nvar u: {and, or "Or"}\nvar v: {a "A, b", not}\n'
        "\n## s\nending: safety\n{t} {u} {v}\n"
    )
    assert [d.code for d in loaded.errors] == ["E054"] * 4
    assert at(loaded, "E054", "main.story:2:9").message == (
        "'true' cannot be a set value: it is a word of expressions"
    )
    at(loaded, "E054", "main.story:3:9")
    at(loaded, "E054", "main.story:3:14")
    assert at(loaded, "E054", "main.story:4:19").position.width == 3  # type: ignore[union-attr]


def test_a_set_value_named_as_a_variable_is_refused_at_the_value(load: Load) -> None:
    loaded = load(
        "title: T\ninclude: more.story\nvar s: {x, y}\n\n## s\nending: safety\n{s}\n",
        {"more.story": "var x: int = 0\n"},
    )
    assert [d.code for d in loaded.errors] == ["E055"]
    error = at(loaded, "E055", "main.story:3:9")
    assert error.message == "set value 'x' is also the name of a variable"
    assert error.hint and "more.story:1" in error.hint


SCENES_ABC = "\n## a\nending: safety\n\n## b\nending: safety\n\n## c\nending: safety\n"


def test_percentages_with_too_many_decimals_say_how_many_fit(load: Load) -> None:
    chance = "  33.33333333% -> a\n  33.33333333% -> b\n  33.33333334% -> c\n"
    loaded = load(f"title: T\n\n## s\nchance:\n  assumption: thirds\n{chance}{SCENES_ABC}")
    error = at(loaded, "E056", "main.story:4:1")
    assert [d.code for d in loaded.errors] == ["E056"]
    assert error.message == (
        "the weights are too large: as whole numbers they add up to 10,000,000,000, and a "
        "chance allows at most 2,147,483,647"
    )
    assert (
        error.hint
        == "round the percentages to at most 7 decimals (so that they still add up to 100%)"
    )
    seven = chance.replace("33.33333333", "33.3333333").replace("33.33333334", "33.3333334")
    assert (
        load(f"title: T\n\n## s\nchance:\n  assumption: thirds\n{seven}{SCENES_ABC}").errors == []
    )


def test_whole_weights_too_large_say_to_divide_them(load: Load) -> None:
    chance = "  2000000000 -> a\n  2000000000 -> b\n"
    loaded = load(f"title: T\n\n## s\nchance:\n  assumption: big\n{chance}{SCENES_ABC}")
    assert at(loaded, "E056", "main.story:4:1").hint == (
        "divide the weights by a common factor, or round them"
    )


def test_an_unindented_assumption_is_reported_there_and_hides_nothing(load: Load) -> None:
    loaded = load(
        "title: T\n\n## s\nchance:\nassumption: a guess\n  50% -> a\n  50% -> bb\n" + SCENES_ABC
    )
    assert [d.code for d in loaded.errors] == ["E057", "E004"]  # no 'text after the choices'
    error = at(loaded, "E057", "main.story:5:1")
    assert error.message == "this line belongs to the chance block above, but it is not indented"
    assert at(loaded, "E004", "main.story:7:10").message == "unknown scene 'bb'"


def test_an_unindented_outcome_is_reported_there(load: Load) -> None:
    loaded = load(
        "title: T\n\n## s\nchance:\n  assumption: a guess\n50% -> a\n  50% -> b\n" + SCENES_ABC
    )
    assert [d.code for d in loaded.errors] == ["E057"]
    at(loaded, "E057", "main.story:6:1")
