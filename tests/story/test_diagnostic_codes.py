"""Diagnostics that say precisely what is wrong, once, where it is (issue 19, section 3)."""

from __future__ import annotations

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
