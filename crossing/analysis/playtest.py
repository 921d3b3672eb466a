"""Seeded random playthroughs: play a story many times at random and report what broke
and what was never reached (docs/cli.md, "crossing test"), like ChoiceScript's randomtest,
but every run can be replayed exactly with `crossing play --seed X --script ...`.

Run `r` (counted from 0) of a test with seed `S`:

- plays the story with story seed `(S + r) & MASK`: that generator draws every chance, as
  in `crossing play --seed`;
- picks its choices with its own generator, Python's `random.Random((S << 32) | r)` (the
  Mersenne Twister, whose `random()` sequence for an int seed Python keeps stable across
  versions), calling `random()` once per decision: the position taken is
  `floor(random() * n)` among the `n` candidates, in the order the story offers them.
  The candidates are all the choices offered, or with `avoid_used` those of them not taken
  in any earlier run nor earlier in this run (all the choices offered if every one of them
  has been taken).

A run fails on a dead end (no choice offered, not an ending), a loop (StoryLoopError:
scenes linked by diverts alone, forever), a loop of draws (more than `max_undecided`
scenes in a row without a decision, draws included: UndecidedLimitError, a bound the
players do not have), any other exception while playing (a runtime error: recorded, never
raised), or when it has not ended after `max_decisions` decisions. A failure keeps the run's story seed and its script (the 1-based positions
taken), which `crossing play PATH --seed X --script 1,2,1` replays to the same place.

Hit counts are totals over all runs: a scene entered twice in one run counts twice, and so
does a choice taken twice. Scenes entered while a failing move was under way (the scenes
of a loop, or those before an exception) are not counted: that move's steps are lost.
"""

from __future__ import annotations

import random
import shlex
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from crossing.story.compiled import CompiledStory, Scene
from crossing.story.rng import MASK
from crossing.story.runtime import (
    AWAITING,
    ENDED,
    STUCK,
    Program,
    Session,
    Step,
    StoryLoopError,
    UndecidedLimitError,
)

REPORT_FORMAT = "crossing-playtest"
REPORT_VERSION = 1
DEFAULT_MAX_DECISIONS = 1000
# Scenes in a row without a decision, draws included, before a run fails as a DRAW_LOOP:
# the players have no such bound, so a loop of draws with no way out would hang the test.
# Far above any real story's chance loop (a gambler's ruin draws some 45,000 times).
DEFAULT_MAX_UNDECIDED = 1_000_000
MAX_RUNS = MASK + 1  # run numbers fit in the low 32 bits of the choice generator's seed
SHOWN_FAILURES = 10  # failures listed in the text report; the JSON lists them all

DEAD_END = "dead_end"
LOOP = "loop"
ERROR = "error"
TOO_LONG = "too_long"
DRAW_LOOP = "draw_loop"
FAILURE_KINDS = (DEAD_END, LOOP, ERROR, TOO_LONG, DRAW_LOOP)


def run_seed(seed: int, run: int) -> int:
    """The story seed of run `run`: the chance draws are those of `crossing play --seed`."""
    return (seed + run) & MASK


def chooser_seed(seed: int, run: int) -> int:
    """The seed of the generator that picks run `run`'s choices."""
    return (seed << 32) | run


@dataclass(frozen=True, slots=True)
class PlaytestFailure:
    """A run that did not reach an ending, and how to replay it."""

    run: int  # counted from 0
    seed: int  # the story seed, for `crossing play --seed`
    script: tuple[int, ...]  # the positions taken, from 1 among the choices offered
    kind: str  # one of FAILURE_KINDS
    scene: str | None  # the dead end, or the scene of the last decision (None: none yet)
    message: str

    @property
    def script_text(self) -> str:
        return ",".join(str(position) for position in self.script)

    def command(self, path: str) -> str:
        """The shell command that replays this run to its failure."""
        return (
            f"crossing play {shlex.quote(path)} --seed {self.seed} "
            f"--script {shlex.quote(self.script_text)}"
        )

    def describe(self) -> str:
        made = len(self.script)
        return (
            f"run {self.run} (seed {self.seed}, {made} decision{'s' * (made != 1)}): {self.message}"
        )

    def to_json(self, path: str | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {
            "run": self.run,
            "seed": self.seed,
            "kind": self.kind,
            "scene": self.scene,
            "message": self.message,
            "script": self.script_text,
        }
        if path is not None:
            data["reproduce"] = self.command(path)
        return data


@dataclass(slots=True)
class PlaytestReport:
    """What many random runs of one story found. Dicts follow the story's order."""

    story: str
    story_version: str
    runs: int
    seed: int
    avoid_used: bool
    max_decisions: int
    failures: list[PlaytestFailure] = field(default_factory=list)
    endings: dict[str, int] = field(default_factory=dict)  # every ending scene -> runs
    ending_kinds: dict[str, int] = field(default_factory=dict)  # every kind -> runs
    scene_hits: dict[str, int] = field(default_factory=dict)  # every scene -> entries
    choice_hits: dict[str, int] = field(default_factory=dict)  # every choice id -> taken
    total_decisions: int = 0
    most_decisions: int = 0

    @property
    def ok(self) -> bool:
        return not self.failures

    @property
    def ended(self) -> int:
        """Runs that reached an ending."""
        return self.runs - len(self.failures)

    @property
    def mean_decisions(self) -> float:
        return self.total_decisions / self.runs if self.runs else 0.0

    @property
    def scenes_never_hit(self) -> list[str]:
        return [scene for scene, hits in self.scene_hits.items() if not hits]

    @property
    def choices_never_hit(self) -> list[str]:
        return [choice for choice, hits in self.choice_hits.items() if not hits]

    def failures_by_kind(self) -> dict[str, int]:
        counts = dict.fromkeys(FAILURE_KINDS, 0)
        for failure in self.failures:
            counts[failure.kind] += 1
        return counts

    def to_json(self, path: str | None = None) -> dict[str, Any]:
        """The report as JSON (docs/cli.md); with `path`, failures carry their command."""
        return {
            "format": REPORT_FORMAT,
            "format_version": REPORT_VERSION,
            "story": self.story,
            "story_version": self.story_version,
            "runs": self.runs,
            "seed": self.seed,
            "avoid_used": self.avoid_used,
            "max_decisions": self.max_decisions,
            "ok": self.ok,
            "ended": self.ended,
            "failed": len(self.failures),
            "failures_by_kind": self.failures_by_kind(),
            "failures": [failure.to_json(path) for failure in self.failures],
            "endings": dict(self.endings),
            "ending_kinds": dict(self.ending_kinds),
            "decisions": {
                "total": self.total_decisions,
                "mean": round(self.mean_decisions, 4),
                "max": self.most_decisions,
            },
            "scene_hits": dict(self.scene_hits),
            "choice_hits": dict(self.choice_hits),
            "scenes_never_hit": self.scenes_never_hit,
            "choices_never_hit": self.choices_never_hit,
        }


def run_playtests(
    story: CompiledStory,
    runs: int,
    seed: int,
    avoid_used: bool = False,
    max_decisions: int = DEFAULT_MAX_DECISIONS,
    max_undecided: int = DEFAULT_MAX_UNDECIDED,
) -> PlaytestReport:
    """Play `runs` random runs of `story` (see the module's docstring for the seeds)."""
    if not 0 <= runs <= MAX_RUNS:
        raise ValueError(f"runs must be from 0 to {MAX_RUNS}")
    if not 0 <= seed <= MASK:
        raise ValueError(f"seed must be from 0 to {MASK}")
    if max_decisions < 0:
        raise ValueError("max_decisions must be 0 or more")
    if max_undecided < 0:
        raise ValueError("max_undecided must be 0 or more")

    program = Program(story)
    report = PlaytestReport(
        story=story.id,
        story_version=story.version,
        runs=runs,
        seed=seed,
        avoid_used=avoid_used,
        max_decisions=max_decisions,
        endings={scene.id: 0 for scene in story.scenes if scene.ending is not None},
        ending_kinds=dict.fromkeys(story.ending_kinds, 0),
        scene_hits={scene.id: 0 for scene in story.scenes},
        choice_hits={choice.id: 0 for scene in story.scenes for choice in scene.choices},
    )
    scene_hits = report.scene_hits
    choice_hits = report.choice_hits
    taken: set[str] = set()  # every choice taken so far, in any run (for avoid_used)
    chooser = random.Random()
    pick = chooser.random

    def count(steps: list[Step]) -> None:
        for step in steps:
            scene_hits[step.scene] += 1

    for run in range(runs):
        story_seed = run_seed(seed, run)
        chooser.seed(chooser_seed(seed, run))
        script: list[int] = []
        decided_in: str | None = None  # the scene of the last decision
        failure: tuple[str, str | None, str] | None = None  # kind, scene, message
        ending: Scene | None = None
        try:
            session, steps = Session.begin(program, story_seed, max_undecided)
            count(steps)
            while session.status == AWAITING:
                if len(script) >= max_decisions:
                    failure = (
                        TOO_LONG,
                        session.scene.id,
                        f"no ending after {max_decisions} decisions",
                    )
                    break
                candidates: Sequence[int] = range(len(session.offered))
                if avoid_used:
                    fresh = [p for p in candidates if session.choice_id(p) not in taken]
                    candidates = fresh or candidates
                position = candidates[int(pick() * len(candidates))]
                choice = session.choice_id(position)
                taken.add(choice)
                choice_hits[choice] += 1
                script.append(position + 1)
                decided_in = session.scene.id
                count(session.choose(position))
            if session.status == ENDED:
                ending = session.scene
            elif failure is None:
                assert session.status == STUCK
                stuck = session.scene.id
                failure = (DEAD_END, stuck, f"dead end in '{stuck}': no choice is offered")
        except StoryLoopError as exc:
            failure = (LOOP, decided_in, f"loop: {exc}")
        except UndecidedLimitError as exc:
            failure = (DRAW_LOOP, decided_in, str(exc))
        except Exception as exc:  # a test tool reports runtime errors; it does not crash
            failure = (ERROR, decided_in, f"runtime error: {exc!r}")

        decisions = len(script)
        report.total_decisions += decisions
        report.most_decisions = max(report.most_decisions, decisions)
        if ending is not None and ending.ending is not None:
            kind = ending.ending.kind
            report.endings[ending.id] += 1
            report.ending_kinds[kind] = report.ending_kinds.get(kind, 0) + 1
        else:
            assert failure is not None
            kind, where, message = failure
            report.failures.append(
                PlaytestFailure(run, story_seed, tuple(script), kind, where, message)
            )
    return report


# -- the text report --------------------------------------------------------------------


def _percent(count: int, runs: int) -> str:
    return f"{100 * count / runs:5.1f}%" if runs else "    -"


def _table(rows: list[tuple[str, int]], runs: int | None) -> list[str]:
    width = max((len(name) for name, _ in rows), default=0)
    digits = max((len(str(count)) for _, count in rows), default=1)
    lines = []
    for name, count in rows:
        line = f"  {name:<{width}}  {count:>{digits}}"
        if runs is not None:
            line += f"  {_percent(count, runs)}"
        lines.append(line)
    return lines


def _names(label: str, names: list[str]) -> list[str]:
    if not names:
        return []
    return [f"{label} ({len(names)}): {', '.join(names)}"]


def render_text(report: PlaytestReport, path: str, hits: bool = False) -> str:
    """The human report of `crossing test`: a summary, then the failures with commands."""
    runs = report.runs
    last_seed = run_seed(report.seed, runs - 1) if runs else report.seed
    lines = [
        f"{report.story}: {runs} run{'s' * (runs != 1)} "
        f"(story seeds {report.seed} to {last_seed}"
        f"{', avoiding used choices' if report.avoid_used else ''}): "
        f"{report.ended} ended, {len(report.failures)} failed"
    ]
    reached = [(scene, n) for scene, n in report.endings.items() if n]
    if reached:
        lines.append("endings:")
        lines.extend(_table(reached, runs))
        lines.append("ending kinds:")
        lines.extend(_table([(k, n) for k, n in report.ending_kinds.items() if n], runs))
    else:
        lines.append("endings: none reached")
    lines.append(
        f"decisions per run: mean {report.mean_decisions:.2f}, max {report.most_decisions}"
    )
    never_scenes, never_choices = report.scenes_never_hit, report.choices_never_hit
    if not never_scenes and not never_choices:
        lines.append(
            f"every scene ({len(report.scene_hits)}) and choice ({len(report.choice_hits)}) was hit"
        )
    lines.extend(_names("scenes never hit", never_scenes))
    lines.extend(_names("choices never hit", never_choices))
    if hits:
        lines.append("scene hits (entries, all runs):")
        lines.extend(_table(list(report.scene_hits.items()), None))
        lines.append("choice hits (times taken, all runs):")
        lines.extend(_table(list(report.choice_hits.items()), None))
    if report.failures:
        kinds = ", ".join(f"{n} {kind}" for kind, n in report.failures_by_kind().items() if n)
        lines.append(f"failures ({len(report.failures)}: {kinds}):")
        for failure in report.failures[:SHOWN_FAILURES]:
            lines.append(f"  {failure.describe()}")
            lines.append(f"    {failure.command(path)}")
        more = len(report.failures) - SHOWN_FAILURES
        if more > 0:
            lines.append(f"  and {more} more (--json lists them all)")
    return "\n".join(lines)
