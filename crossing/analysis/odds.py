"""`crossing odds`: the exact chance of every ending, for three kinds of reader.

- *random*: a reader who picks uniformly among the choices offered;
- *best*: a reader who always picks what maximises the chance of a goal ending
  (a `safety` ending unless told otherwise);
- *worst*: one who always picks what minimises it.

Besides the odds, the report lists what can never happen (scenes never reached, choices
never offered) and what can happen but leads nowhere: trap states, from which no ending
can be reached, and dead ends, where no choice is offered. Its JSON form is documented in
docs/cli.md; the site's ending screen reads it.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import compress
from typing import Any

from crossing.story import compiled as c
from crossing.story.runtime import snapshot

from .explore import DEFAULT_MAX_STATES, StateGraph, TooManyStates, explore
from .limit import could_run_away, current_limit, stop_runaways
from .markov import (
    Chain,
    Condensation,
    Prob,
    Solution,
    can_reach,
    components,
    forward,
    optimise,
    reaches,
)
from .transitions import CHANCE, CHOICE, DIVERT, ENDING, RUNAWAY, STUCK

FORMAT = "crossing-odds"
FORMAT_VERSION = 1
READERS = ("random", "best", "worst")


@dataclass(frozen=True, slots=True)
class ReaderSummary:
    """How play goes for one kind of reader."""

    goal: Prob  # chance of an ending of the goal kind
    dead_end: Prob
    never_ends: Prob
    stops_with_error: Prob  # the players' divert limit (limit.py)
    expected_decisions: Prob | None  # None when play may never end


@dataclass(frozen=True, slots=True)
class EndingOdds:
    scene: str
    title: str | None
    kind: str
    reachable: bool
    odds: dict[str, Prob]  # reader -> chance of this ending


@dataclass(frozen=True, slots=True)
class DeadEnd:
    scene: str
    values: dict[str, Any]  # one state in which nothing is offered


@dataclass(slots=True)
class OddsReport:
    story: c.CompiledStory
    goal: str
    states: int
    transitions: int
    decision_states: int
    ending_states: int
    endings: list[EndingOdds]
    kinds: dict[str, dict[str, Prob]]
    readers: dict[str, ReaderSummary]
    unreachable_scenes: list[str]
    unreachable_choices: list[str]
    trap_states: int
    trap_scenes: list[str]
    trap_choices: list[str]
    dead_ends: list[DeadEnd]
    limit: int = 0  # the players' divert limit the analysis applied
    runaway_states: int = 0
    runaway_scenes: list[str] = field(default_factory=list)
    endless_states: int = 0
    endless_scenes: list[str] = field(default_factory=list)

    @property
    def exact(self) -> bool:
        """Always true: every cycle is solved exactly, whatever its size (linear.py)."""
        return True

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "complete": True,
            "story": {
                "id": self.story.id,
                "title": self.story.title,
                "version": self.story.version,
                "hash": self.story.hash,
            },
            "goal": self.goal,
            "states": self.states,
            "transitions": self.transitions,
            "decision_states": self.decision_states,
            "ending_states": self.ending_states,
            "method": "exact",  # every cycle is solved exactly (markov.py, linear.py)
            "tolerance": None,
            "endings": [
                {
                    "scene": e.scene,
                    "title": e.title,
                    "kind": e.kind,
                    "reachable": e.reachable,
                    "odds": {reader: probability_json(p) for reader, p in e.odds.items()},
                }
                for e in self.endings
            ],
            "kinds": {
                kind: {reader: probability_json(p) for reader, p in odds.items()}
                for kind, odds in self.kinds.items()
            },
            "readers": {
                reader: {
                    "goal": probability_json(s.goal),
                    "dead_end": probability_json(s.dead_end),
                    "never_ends": probability_json(s.never_ends),
                    "stops_with_error": probability_json(s.stops_with_error),
                    "expected_decisions": None
                    if s.expected_decisions is None
                    else probability_json(s.expected_decisions),
                }
                for reader, s in self.readers.items()
            },
            "unreachable": {
                "scenes": self.unreachable_scenes,
                "choices": self.unreachable_choices,
            },
            "traps": {
                "states": self.trap_states,
                "scenes": self.trap_scenes,
                "choices": self.trap_choices,
                "dead_ends": [{"scene": d.scene, "values": d.values} for d in self.dead_ends],
            },
            "runaway": {
                "limit": self.limit,
                "states": self.runaway_states,
                "scenes": self.runaway_scenes,
            },
            "endless": {"states": self.endless_states, "scenes": self.endless_scenes},
        }


def limit_json(story: c.CompiledStory, stop: TooManyStates) -> dict[str, Any]:
    """What `--json` prints when the state limit stops the analysis."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "story": {
            "id": story.id,
            "title": story.title,
            "version": story.version,
            "hash": story.hash,
        },
        "complete": False,
        "error": str(stop),
        "limit": stop.limit,
        "explored": stop.explored,
        "transitions": stop.transitions,
    }


def probability_json(p: Fraction | float) -> dict[str, Any]:
    """A number as the exact fraction (a string, as '2/3') and as a float."""
    if isinstance(p, Fraction):
        return {"exact": str(p), "value": float(p)}
    return {"exact": None, "value": float(p)}


def default_goal(story: c.CompiledStory) -> str:
    """The goal when none is given: 'safety', or else the story's first declared kind."""
    kinds = story.ending_kinds
    return "safety" if "safety" in kinds or not kinds else kinds[0]


def analyse(
    story: c.CompiledStory,
    goal: str | None = None,
    max_states: int = DEFAULT_MAX_STATES,
    fold: bool = True,
) -> OddsReport:
    """Explore every reachable state and compute the report. Raises TooManyStates.

    `goal` is the ending kind best and worst play aim for (default: `default_goal`).
    `fold` (the default) merges states that differ only in values nothing reads again
    (explore.py); the odds are the same either way, the state counts are not."""
    goal = default_goal(story) if goal is None else goal
    graph = explore(story, max_states, fold)
    order = components(graph)
    limit = current_limit()
    if could_run_away(graph, order.acyclic, limit):
        stopped = stop_runaways(graph, limit)
        if stopped is not None:
            graph = stopped
            order = components(graph)
    is_goal = bytearray(
        graph.modes[s] == ENDING and _ending_kind(graph, s) == goal for s in range(graph.size)
    )
    random_play = forward(Chain(graph, None), order)
    best = optimise(graph, order, is_goal, "max")
    worst = optimise(graph, order, is_goal, "min")
    best_play = forward(Chain(graph, best.policy), order)
    worst_play = forward(Chain(graph, worst.policy), order)
    plays = {"random": random_play, "best": best_play, "worst": worst_play}

    endings = _endings(graph, plays)
    kinds: dict[str, dict[str, Prob]] = {}
    for ending in endings:
        totals = kinds.setdefault(ending.kind, dict.fromkeys(READERS, Fraction(0)))
        for reader in READERS:
            totals[reader] += ending.odds[reader]
    trapped = _trapped(graph, order)
    by_mode = _by_mode(graph)
    endless = _endless(graph) if any(p.never_ends for p in plays.values()) else []
    unreachable_scenes, unreachable_choices, trap_scenes, trap_choices = _never_reached_and_traps(
        graph, trapped, by_mode[CHOICE]
    )
    return OddsReport(
        story=story,
        goal=goal,
        states=graph.size,
        transitions=graph.transitions,
        decision_states=graph.modes.count(CHOICE),
        ending_states=graph.modes.count(ENDING),
        endings=endings,
        kinds=kinds,
        readers={
            reader: _summary(by_mode, play, kinds.get(goal, {}).get(reader, Fraction(0)))
            for reader, play in plays.items()
        },
        unreachable_scenes=unreachable_scenes,
        unreachable_choices=unreachable_choices,
        trap_states=sum(trapped),
        trap_scenes=trap_scenes,
        trap_choices=trap_choices,
        dead_ends=_dead_ends(graph),
        limit=limit,
        runaway_states=graph.modes.count(RUNAWAY),
        runaway_scenes=_runaway_scenes(graph),
        endless_states=len(endless),
        endless_scenes=[
            graph.story.scenes[i].id for i in sorted({graph.scene(s) for s in endless})
        ],
    )


def _ending_kind(graph: StateGraph, state: int) -> str:
    ending = graph.story.scenes[graph.scene(state)].ending
    assert ending is not None
    return ending.kind


def _endings(graph: StateGraph, plays: dict[str, Solution]) -> list[EndingOdds]:
    """Every ending scene of the story, reachable or not, in story order."""
    by_scene: dict[int, list[int]] = {}
    scenes, modes = graph.scenes(), graph.modes
    for state in range(graph.size):
        if modes[state] == ENDING:
            by_scene.setdefault(scenes[state], []).append(state)
    result: list[EndingOdds] = []
    for index, scene in enumerate(graph.story.scenes):
        if scene.ending is not None:
            states = by_scene.get(index, [])
            result.append(
                EndingOdds(
                    scene.id,
                    scene.title,
                    scene.ending.kind,
                    index in by_scene,
                    {reader: play.total(states) for reader, play in plays.items()},
                )
            )
    return result


def _by_mode(graph: StateGraph) -> dict[int, list[int]]:
    """The dead ends, decisions and runaway states, by mode."""
    modes = graph.modes
    found: dict[int, list[int]] = {STUCK: [], CHOICE: [], RUNAWAY: []}
    for state in range(graph.size):
        if modes[state] in found:
            found[modes[state]].append(state)
    return found


def _summary(by_mode: dict[int, list[int]], play: Solution, goal: Prob) -> ReaderSummary:
    decisions = play.total(by_mode[CHOICE])
    return ReaderSummary(
        goal,
        play.total(by_mode[STUCK]),
        play.never_ends,
        play.total(by_mode[RUNAWAY]),
        None if play.never_ends else decisions,
    )


def _endless(graph: StateGraph) -> list[int]:
    """States from which play goes on for ever by draws and diverts alone: no decision,
    ending, dead end or runaway divert chain can follow. The players would loop there
    without end (a draw starts the divert count again), so the report calls it an error."""
    stops = [s for s in range(graph.size) if graph.modes[s] not in (DIVERT, CHANCE)]
    reach = can_reach(graph, stops)
    return [s for s in range(graph.size) if not reach[s]]


def _runaway_scenes(graph: StateGraph) -> list[str]:
    """The scenes where a runaway divert chain begins: entered at the start, by a choice
    or by a chance outcome (a chain entered by a divert began earlier)."""
    if not graph.modes.count(RUNAWAY):
        return []
    modes, targets = graph.modes, graph.targets
    found = {graph.scene(0)} if modes[0] == RUNAWAY else set()
    for state in range(graph.size):
        if modes[state] in (CHOICE, CHANCE):
            for edge in graph.edges(state):
                if modes[targets[edge]] == RUNAWAY:
                    found.add(graph.scene(targets[edge]))
    return [graph.story.scenes[i].id for i in sorted(found)]


def _trapped(graph: StateGraph, order: Condensation) -> bytearray:
    """1 for each state from which no ending can be reached, whatever the reader does."""
    modes = graph.modes
    reach = reaches(graph, order, bytearray(mode == ENDING for mode in modes))
    return reach.translate(_FLIP)


_FLIP = bytes([1, 0]) + bytes(254)


def _never_reached_and_traps(
    graph: StateGraph, trapped: bytearray, decisions: list[int]
) -> tuple[list[str], list[str], list[str], list[str]]:
    """Scenes no state is in, and choices of reached scenes that are never offered; scenes
    every reachable state of which is a trap, and choices that always lead into one.

    One pass over the decision states for both, each (scene, choice) an index into two
    flat byte arrays rather than a tuple in a set (100,000 decisions in the journey)."""
    story = graph.story
    scene_of, offsets, targets, labels = graph.scenes(), graph.offsets, graph.targets, graph.labels
    width = max((len(scene.choices) for scene in story.scenes), default=0) + 1
    offered = bytearray(len(story.scenes) * width)
    leads_out = bytearray(len(offered))  # offered somewhere with a way to an ending
    for state in decisions:
        base = scene_of[state] * width
        for edge in range(offsets[state], offsets[state + 1]):
            key = base + labels[edge]
            offered[key] = 1
            if not trapped[targets[edge]]:
                leads_out[key] = 1
    reached = set(scene_of)
    free_scenes = set(compress(scene_of, trapped.translate(_FLIP)))
    unreachable_scenes = [s.id for i, s in enumerate(story.scenes) if i not in reached]
    unreachable_choices = [
        choice.id
        for i, scene in enumerate(story.scenes)
        if i in reached
        for n, choice in enumerate(scene.choices)
        if not offered[i * width + n]
    ]
    trap_scenes = [story.scenes[i].id for i in sorted(reached - free_scenes)]
    trap_choices = [
        choice.id
        for i, scene in enumerate(story.scenes)
        for n, choice in enumerate(scene.choices)
        if offered[i * width + n] and not leads_out[i * width + n]
    ]
    return unreachable_scenes, unreachable_choices, trap_scenes, trap_choices


def _dead_ends(graph: StateGraph) -> list[DeadEnd]:
    """One example state for each scene where play can get stuck."""
    found: dict[int, DeadEnd] = {}
    for state in range(graph.size):
        if graph.modes[state] == STUCK:
            scene, values = graph.codec.decode(graph.keys[state])
            if scene not in found:
                shown = snapshot(graph.story.variables, values)
                if graph.live is not None:  # the others were folded: their values are moot
                    names = {graph.story.variables[i].name for i in graph.live[scene]}
                    shown = {name: value for name, value in shown.items() if name in names}
                found[scene] = DeadEnd(graph.story.scenes[scene].id, shown)
    return [found[i] for i in sorted(found)]


# -- the report as text -----------------------------------------------------------------

READER_HEADINGS = {"random": "random reader", "best": "best play", "worst": "worst play"}


# Every probability is an exact fraction (markov.Prob): a long one is shown rounded, and
# says so, rather than with '≈', which would read as an approximation.
SHORT_FRACTION = 11  # characters of 'p/q' shown whole


def show_probability(p: Prob) -> str:
    """'5/8 (62.5%)' when the fraction is short, else '25.5% (rounded)'."""
    percent = f"{float(p) * 100:.3g}%"
    if p.denominator == 1:
        return str(p) if p == 0 else f"{p} ({percent})"
    exact = str(p)
    if len(exact) <= SHORT_FRACTION:
        return f"{exact} ({percent})"
    return f"{percent} (rounded)"


def show_number(x: Prob | None) -> str:
    if x is None:
        return "unbounded (play may never end)"
    if x.denominator == 1:
        return str(x)
    if len(str(x)) <= SHORT_FRACTION:
        return f"{x} ({float(x):.3g})"
    return f"{float(x):.3g} (rounded)"


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


def render_text(report: OddsReport, seconds: float, goal_given: bool = True) -> str:
    """The text report; without `goal_given`, a goal other than 'safety' says where it
    came from."""
    story = report.story
    why = ""
    if not goal_given and report.goal != "safety":
        why = (
            f" (the story has no 'safety' kind, and no --goal was given: the goal is "
            f"'{report.goal}', the first kind its 'endings:' line declares)"
        )
    lines = [
        f"{story.title} ({story.id}, version {story.version})",
        f"{report.states:,} states, {report.transitions:,} transitions, "
        f"{report.decision_states:,} decision states; explored and solved in {seconds:.2f} s.",
        "Odds are exact fractions.",
        "",
        *textwrap.wrap(
            f"'best play' and 'worst play' choose what makes a {report.goal} ending most and "
            f"least likely{why}; the random reader picks any offered choice with equal chance.",
            88,
        ),
        "",
    ]
    headings = [READER_HEADINGS[r] for r in READERS]
    ending_rows = [["ending", "kind", *headings]]
    for e in report.endings:
        name = e.scene + ("" if e.reachable else " (never reached)")
        ending_rows.append([name, e.kind, *(show_probability(e.odds[r]) for r in READERS)])
    lines += ["Endings", *_table(ending_rows), ""]
    kind_rows = [["kind", *headings]]
    kind_rows += [[k, *(show_probability(o[r]) for r in READERS)] for k, o in report.kinds.items()]
    lines += ["By kind", *_table(kind_rows), ""]
    readers = report.readers
    play_rows = [
        ["", *headings],
        ["dead end", *(show_probability(readers[r].dead_end) for r in READERS)],
        ["never ends", *(show_probability(readers[r].never_ends) for r in READERS)],
        *(
            [["stops (error)", *(show_probability(readers[r].stops_with_error) for r in READERS)]]
            if any(readers[r].stops_with_error for r in READERS)
            else []
        ),
        ["decisions", *(show_number(readers[r].expected_decisions) for r in READERS)],
    ]
    lines += ["Play (decisions: the expected number until play stops)", *_table(play_rows), ""]
    lines.append("Never reached: " + _listing(report.unreachable_scenes, "scene"))
    lines.append("Never offered: " + _listing(report.unreachable_choices, "choice"))
    lines.append(
        f"Traps (no ending can be reached from them): {report.trap_states:,} states; "
        + _listing(report.trap_scenes, "scene")
        + "; "
        + _listing(
            report.trap_choices,
            "choice that always leads into one",
            "choices that always lead into one",
        )
    )
    if report.runaway_scenes:
        lines.append(
            f"Error: a runaway divert chain (the players stop play with an error after "
            f"{report.limit:,} scenes linked by diverts alone) begins in "
            + _listing(report.runaway_scenes, "scene")
        )
    if report.endless_scenes:
        lines.append(
            "Error: play can go on for ever by chance draws and diverts alone, with no way "
            "out (the players would never stop), in " + _listing(report.endless_scenes, "scene")
        )
    for dead_end in report.dead_ends:
        values = ", ".join(f"{k} = {_show_value(v)}" for k, v in dead_end.values.items())
        lines.append(
            f"Dead end: {dead_end.scene} offers no choice" + (f" when {values}" if values else "")
        )
    if any(line.endswith(" (rounded)") or " (rounded) " in line for line in lines):
        lines[2] = "Odds are exact fractions; long ones are shown rounded, and whole in --json."
    return "\n".join(lines)


def _listing(items: list[str], singular: str, plural: str | None = None) -> str:
    if not items:
        return f"no {plural or singular + 's'}"
    noun = singular if len(items) == 1 else plural or singular + "s"
    return f"{len(items)} {noun}: " + ", ".join(items)


def _show_value(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)
