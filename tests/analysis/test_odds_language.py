"""`crossing odds` on stories using the constructs Ink and Twine authors asked for (issue
19, section 4), each against a probability worked out by hand."""

from __future__ import annotations

from fractions import Fraction

from story.conftest import Compile

from crossing.analysis.odds import analyse

from .stories import with_ends
from .test_odds import odds


def test_integer_division_and_remainder(compile_story: Compile) -> None:
    """Two tosses each add 1 (one chance in three) or 2 (two in three). The total is even
    when both add the same: (1/3)² + (2/3)² = 5/9. min(total / 2, 1) is 1 for any total
    from 2, so the first divert is decided by `%` alone."""
    story = compile_story(
        with_ends(
            """
        title: Even
        var total: 0..4 = 0
        var tosses: 0..2 = 0

        ## toss
        -> home if tosses == 2 and min(total / 2, 1) == 1 and total % 2 == 0
        -> lost if tosses == 2
        chance:
          assumption: a weighted coin
          1 -> toss
            ~ total = max(total + 1, total % 2)
            ~ tosses += 1
          2 -> toss
            ~ total += 2
            ~ tosses += 1
        """
        )
    )
    report = analyse(story)
    assert report.exact
    assert odds(report, "home") == Fraction(5, 9)
    assert odds(report, "lost") == Fraction(4, 9)
