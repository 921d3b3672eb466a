"""Properties of `crossing odds` on random stories, and agreement with `crossing test`."""

from __future__ import annotations

import math
from fractions import Fraction

from hypothesis import HealthCheck, given, settings

from crossing.analysis.explore import TooManyStates
from crossing.analysis.odds import READERS, OddsReport, analyse
from crossing.analysis.playtest import run_playtests
from crossing.story import compiled as c

from .stories import compiled_stories

LIMIT = 1_000
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def analysed(story: c.CompiledStory) -> OddsReport | None:
    try:
        return analyse(story, max_states=LIMIT)
    except TooManyStates:
        return None


@PROPERTY
@given(compiled_stories())
def test_every_reader_ends_somewhere_or_never_with_total_certainty(story: c.CompiledStory) -> None:
    report = analysed(story)
    if report is None or not report.exact:
        return
    for reader in READERS:
        summary = report.readers[reader]
        endings = sum((e.odds[reader] for e in report.endings), Fraction(0))
        assert endings + summary.dead_end + summary.never_ends + summary.stops_with_error == 1
        assert all(0 <= e.odds[reader] <= 1 for e in report.endings)
    goal = {reader: report.readers[reader].goal for reader in READERS}
    assert goal["worst"] <= goal["random"] <= goal["best"]
    for ending in report.endings:
        if not ending.reachable:
            assert all(p == 0 for p in ending.odds.values())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(compiled_stories(max_scenes=7, forward=True))
def test_random_odds_match_the_frequencies_of_random_playthroughs(story: c.CompiledStory) -> None:
    report = analysed(story)
    random = None if report is None else report.readers["random"]
    if random is None or random.expected_decisions is None or random.stops_with_error:
        # Playthroughs that never end, or run 10,000 scenes into the players' limit, say
        # nothing about the odds, slowly (test_limit.py checks the limit's odds).
        return
    runs = 1_000
    played = run_playtests(story, runs, seed=11, max_decisions=10_000)
    for ending in report.endings:
        expected = float(ending.odds["random"])
        seen = played.endings[ending.scene] / runs
        # Five standard deviations, plus a little for probabilities near 0 or 1.
        assert abs(seen - expected) <= 5 * math.sqrt(expected * (1 - expected) / runs) + 0.005
    dead_ends = sum(f.kind == "dead_end" for f in played.failures) / runs
    expected = float(report.readers["random"].dead_end)
    assert abs(dead_ends - expected) <= 5 * math.sqrt(expected * (1 - expected) / runs) + 0.005


@PROPERTY
@given(compiled_stories())
def test_folding_unread_variables_changes_no_odds(story: c.CompiledStory) -> None:
    try:
        unfolded = analyse(story, max_states=LIMIT, fold=False)
    except TooManyStates:
        return
    folded = analyse(story, max_states=LIMIT, fold=True)
    assert folded.states <= unfolded.states
    if folded.exact and unfolded.exact:
        assert [e.odds for e in folded.endings] == [e.odds for e in unfolded.endings]
        assert folded.readers == unfolded.readers
    else:  # a cycle solved by iteration agrees only to within its tolerance
        for mine, theirs in zip(folded.endings, unfolded.endings, strict=True):
            for reader in READERS:
                assert math.isclose(mine.odds[reader], theirs.odds[reader], abs_tol=1e-9)
    assert folded.unreachable_scenes == unfolded.unreachable_scenes
    assert folded.trap_scenes == unfolded.trap_scenes
    assert folded.trap_choices == unfolded.trap_choices
