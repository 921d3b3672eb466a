"""The odds analysis benchmark: reachable states explored per second, full analysis, memory.

Run:  .venv/bin/python bench/bench_odds.py [--sizes 1e3,1e4,1e5,1e6] [--repeat 3] [--cycles]
      [--explore-only] [--no-memory] [--markdown] [--json out.json] [--no-gc] [--keep DIR]
      [--profile] [--profile-analyse]

For each target size it writes a story (the text of the story language, generated here) into
a temporary folder, loads it with crossing.story.load_source, and measures:
- explore: crossing.analysis.explore.explore(story), which generates the transition functions
  and builds the graph of every reachable state; states/s is graph.size / seconds;
- analyse: crossing.analysis.odds.analyse(story), the whole `crossing odds` computation (explore,
  components, exact fractions for the random, best and worst readers);
- peak memory: each of the two, run once more in a fresh Python process per size, as the peak
  resident set size (VmHWM, reset through /proc/self/clear_refs after the story is loaded)
  above the resident size just before the call; reported per million states. Where /proc is
  missing it falls back to ru_maxrss (which cannot be reset, so it undercounts small runs).
Times are the best and median of --repeat runs (time.perf_counter, a gc.collect() before each,
the cyclic garbage collector left on as in real use; --no-gc turns it off while timing).

The story: a few "packing" decisions that set `money` and `health` bit by bit (so every value is
reachable from the first day), then `days` day scenes, each with a divert (stranded when health
is 0), three choices that change `money: 0..M` and `health: 0..5` (one conditional, setting the
bool `papers`) and a fourth that goes to a river-crossing chance; then the far bank and the
border, which divert to the endings safety, caught and stranded. A day holds about
20 * (M + 1) states, so the target size picks the days (about 2 * size^(1/4)) and M. The
graph is acyclic; --cycles adds a "the boat does not come" outcome that goes back to the same
day unchanged, a two-state cycle for every state that can try the crossing.

--cycle measures a family of single large cycles instead: gamblers' ruins (one scene whose
chance steps a variable up or down, diverting to an ending at 0 and at N), fair from 150 to
450 (the issue's case: exactly 1/3 and 2/3) and from 1,000 to 2,000, and biased 5:4 from 7 to
2,000; each analysed whole (analyse) and checked against the closed form
(1 - r^k) / (1 - r^N), r = q/p. --journey times `crossing odds content/journey` cold: a fresh
process each run (imports included; the analysis keeps no cache), wall time.

--profile prints a cProfile of one explore at the largest size (top 25 by own time) and
--profile-analyse one of analyse. This is a benchmark, not a test: it asserts nothing about speed.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import gc
import io
import json
import pstats
import re
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from measure import (  # bench/measure.py
    Timing,
    markdown_table,
    result_json,
    rich_table,
    timed,
    write_report,
)
from rich.console import Console

from crossing.analysis.encoding import StateCodec
from crossing.analysis.explore import explore
from crossing.analysis.odds import analyse
from crossing.analysis.transitions import build_transitions
from crossing.story import CompiledStory, load_source

ROOT = Path(__file__).resolve().parent.parent
RUINS = ((450, 150, 1, 1), (2000, 1000, 1, 1), (2000, 7, 5, 4))  # goal, start, up, down

HEALTH = 5  # health: 0..HEALTH
PRICE = 4  # what the papers cost
TARGET_RATE = 500_000  # explore states per second, the target
MAX_STATES = 50_000_000


@dataclass(frozen=True, slots=True)
class Shape:
    """The generated story's parameters: days, and money's range 0..money."""

    days: int
    money: int
    cycles: bool = False

    @classmethod
    def for_target(cls, target: int, cycles: bool = False) -> Shape:
        days = max(3, round(2 * target**0.25))
        values = max(2, round(target / (20 * days + 40)))  # about 20 states a day per value
        return cls(days, values - 1, cycles)

    @property
    def name(self) -> str:
        return f"{self.days} days, money 0..{self.money}" + (", cycles" if self.cycles else "")


def story_text(shape: Shape) -> str:
    """The story, in the story language (docs/story-language.md)."""
    price = min(PRICE, shape.money)
    lines = [
        f"title: Odds benchmark, {shape.name}",
        f"id: bench-odds-{shape.days}-{shape.money}{'-cycles' if shape.cycles else ''}",
        "start: pack_0",
        "endings: safety, caught, stranded",
        "",
        f"var money: 0..{shape.money} = 0",
        f"var health: 0..{HEALTH} = {HEALTH}",
        "var papers: bool = false",
        "",
        "# Packing {#packing}",
        "",
    ]
    # One decision per bit, so every value of money and health is reachable on the first day.
    packs: list[tuple[str, str]] = []
    bit = 1
    while bit <= shape.money:
        packs.append((f"Take the savings from the jar ({bit}) -> {{next}}", f"money += {bit}"))
        bit *= 2
    bit = 1
    while bit <= HEALTH:
        packs.append((f"Give away your rations ({bit}) -> {{next}}", f"health -= {bit}"))
        bit *= 2
    for i, (choice, effect) in enumerate(packs):
        target = f"pack_{i + 1}" if i + 1 < len(packs) else "day_1"
        lines += [
            f"## pack_{i}",
            "",
            "You decide what to take.",
            "",
            "* " + choice.format(next=target),
            f"  ~ {effect}",
            f"* Leave it -> {target}",
            "",
        ]
    lines += ["# The days {#days}", ""]
    for day in range(1, shape.days + 1):
        target = f"day_{day + 1}" if day < shape.days else "border"
        lines += [
            f"## day_{day}",
            f"title: Day {day}",
            "",
            "You have {money} yuan, and your strength is {health} out of five.",
            "",
            "-> stranded if health == 0",
            f"* Work in the fields -> {target}",
            "  ~ money += 3",
            "  ~ health -= 1",
            f"* Rest -> {target}",
            "  ~ health += 1",
            "  ~ money -= 1",
            f"* Buy papers from the broker -> {target} if money >= {price} and not papers",
            f"  ~ money -= {price}",
            "  ~ papers = true",
            f"* Cross the river tonight -> river_{day} if health >= 2",
            "",
            f"## river_{day}",
            "",
            "The water is cold and the far bank is dark.",
            "",
            "chance:",
            "  assumption: invented for the benchmark",
        ]
        if shape.cycles:
            lines += ["  25% -> far_bank", "  15% -> caught", f"  15% -> day_{day}"]
            lines += [f"  45% -> {target}", "    ~ health -= 2", ""]
        else:
            lines += ["  30% -> far_bank", "  20% -> caught", f"  50% -> {target}"]
            lines += ["    ~ health -= 2", ""]
    lines += [
        "# The end {#end}",
        "",
        "## far_bank",
        "",
        "You are across.",
        "",
        f"-> safety if papers or money >= {price}",
        "-> caught",
        "",
        "## border",
        "",
        "The last day.",
        "",
        "-> safety if papers and health >= 2",
        "-> stranded",
        "",
        "## safety",
        "ending: safety",
        "",
        "You are safe.",
        "",
        "## caught",
        "ending: caught",
        "",
        "You are caught.",
        "",
        "## stranded",
        "ending: stranded",
        "",
        "You are still on this side.",
        "",
    ]
    return "\n".join(lines)


def load(path: Path) -> CompiledStory:
    loaded = load_source(path)
    if loaded.story is None or loaded.errors:
        problems = "\n".join(str(d) for d in loaded.errors[:10])
        raise SystemExit(f"the generated story {path} has errors:\n{problems}")
    return loaded.story


# -- timing ----------------------------------------------------------------------------------


# -- memory, in a fresh process ------------------------------------------------------------


def _status_kb(field_name: str) -> int | None:
    """A field of /proc/self/status in kB (Linux), or None."""
    try:
        text = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return None
    match = re.search(rf"^{field_name}:\s+(\d+) kB", text, re.MULTILINE)
    return int(match.group(1)) if match else None


def _maxrss_bytes() -> int:
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, kB elsewhere
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


def memory_child(what: str, path: Path) -> None:
    """In a fresh process: the peak memory of one explore or analyse, as JSON on stdout."""
    story = load(path)
    gc.collect()
    method = "VmHWM - VmRSS"
    try:
        Path("/proc/self/clear_refs").write_text("5", encoding="ascii")  # reset VmHWM
        baseline = _status_kb("VmRSS")
    except OSError:
        baseline = None
    if baseline is None:
        method, baseline_bytes = "ru_maxrss", _maxrss_bytes()
    else:
        baseline_bytes = baseline * 1024
    if what == "explore":
        states = explore(story, MAX_STATES).size
    else:
        states = analyse(story, max_states=MAX_STATES).states
    peak = _status_kb("VmHWM") if method != "ru_maxrss" else None
    peak_bytes = _maxrss_bytes() if peak is None else peak * 1024
    report = {"states": states, "baseline": baseline_bytes, "peak": peak_bytes, "method": method}
    print(json.dumps(report))


def peak_memory(what: str, path: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--memory-child", what, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    report: dict[str, Any] = json.loads(done.stdout)
    report["extra"] = report["peak"] - report["baseline"]
    return report


# -- measuring -------------------------------------------------------------------------------


@dataclass(slots=True)
class Result:
    target: int
    shape: Shape
    scenes: int
    source_bytes: int
    states: int
    transitions: int
    build: Timing  # build_transitions alone (part of explore)
    explore: Timing
    analyse: Timing | None
    explore_memory: dict[str, Any] | None
    analyse_memory: dict[str, Any] | None

    def to_json(self) -> dict[str, Any]:
        data = result_json(self)
        data["explore_states_per_second"] = self.states / self.explore.best
        if self.analyse is not None:
            data["analyse_states_per_second"] = self.states / self.analyse.best
        return data


def measure(
    target: int,
    folder: Path,
    repeat: int,
    *,
    cycles: bool,
    collect: bool,
    full: bool,
    memory: bool,
) -> Result:
    shape = Shape.for_target(target, cycles)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "main.story"
    text = story_text(shape)
    path.write_text(text, encoding="utf-8")
    story = load(path)
    graph = explore(story, MAX_STATES)  # also warms up
    states, transitions = graph.size, graph.transitions
    del graph
    codec = StateCodec.for_story(story)
    build = timed(repeat, lambda: build_transitions(story, codec), collect=collect)
    explore_timing = timed(repeat, lambda: explore(story, MAX_STATES), collect=collect)
    analyse_timing = (
        timed(repeat, lambda: analyse(story, max_states=MAX_STATES), collect=collect)
        if full
        else None
    )
    return Result(
        target=target,
        shape=shape,
        scenes=len(story.scenes),
        source_bytes=len(text.encode("utf-8")),
        states=states,
        transitions=transitions,
        build=build,
        explore=explore_timing,
        analyse=analyse_timing,
        explore_memory=peak_memory("explore", path) if memory else None,
        analyse_memory=peak_memory("analyse", path) if memory and full else None,
    )


def profile(path: Path, what: str, console: Console) -> None:
    """cProfile of one explore (or analyse), the top 25 functions by own time."""
    story = load(path)
    profiler = cProfile.Profile()
    if what == "explore":
        profiler.runcall(explore, story, MAX_STATES)
    else:
        profiler.runcall(analyse, story, max_states=MAX_STATES)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(25)
    # The generated transition functions are one entry per scene: add them up.
    generated = [v for k, v in stats.stats.items() if k[0] == "<crossing transitions>"]
    calls = sum(v[1] for v in generated)
    own = sum(v[2] for v in generated)
    console.rule(f"cProfile: {what} ({path.parent.name}), by own time")
    console.print(out.getvalue(), markup=False, highlight=False)
    console.print(
        f"generated transition functions: {len(generated)} functions, {calls:,} calls, "
        f"{own:.3f} s own time",
        markup=False,
        highlight=False,
    )


# -- the table -------------------------------------------------------------------------------


def megabytes(report: dict[str, Any] | None) -> str:
    return "–" if report is None else f"{report['extra'] / 1e6:,.1f}"


def per_million(report: dict[str, Any] | None, states: int) -> str:
    if report is None:
        return "–"
    return f"{report['extra'] / 1e6 / (states / 1e6):,.0f}"


def target_label(target: int) -> str:
    """10^k for a power of ten, else the number."""
    digits = str(target)
    return f"10^{len(digits) - 1}" if digits.rstrip("0") == "1" else f"{target:,}"


def cells(results: list[Result]) -> tuple[list[str], list[list[str]]]:
    header = [
        "target",
        "story",
        "states",
        "transitions",
        "explore s",
        "of which build ms",
        "explore states/s",
        "analyse s",
        "analyse states/s",
        "peak MB (explore / analyse)",
        "peak MB / 10⁶ states (explore / analyse)",
    ]
    rows = []
    for r in results:
        rows.append(
            [
                target_label(r.target),
                r.shape.name,
                f"{r.states:,}",
                f"{r.transitions:,}",
                f"{r.explore.best:.3f}",
                f"{r.build.best * 1000:,.1f}",
                f"{r.states / r.explore.best:,.0f}",
                f"{r.analyse.best:.2f}" if r.analyse else "–",
                f"{r.states / r.analyse.best:,.0f}" if r.analyse else "–",
                f"{megabytes(r.explore_memory)} / {megabytes(r.analyse_memory)}",
                f"{per_million(r.explore_memory, r.states)} / "
                f"{per_million(r.analyse_memory, r.states)}",
            ]
        )
    return header, rows


def ruin_text(goal: int, start: int, up: int, down: int) -> str:
    return f"""title: Ruin
var k: 0..{goal} = {start}

## walk
-> won if k == {goal}
-> lost if k == 0
chance:
  assumption: a coin, fair or not
  {up} -> walk
    ~ k += 1
  {down} -> walk
    ~ k -= 1

## won
ending: safety
Won.

## lost
ending: caught
Lost.
"""


def ruin_odds(goal: int, start: int, up: int, down: int) -> Fraction:
    if up == down:
        return Fraction(start, goal)
    r = Fraction(down, up)
    return (1 - r**start) / (1 - r**goal)


def _analyse_into(story: CompiledStory, reports: list[Any]) -> None:
    reports.append(analyse(story))


def measure_cycles(root: Path, repeat: int, console: Console) -> list[dict[str, Any]]:
    """The ruins of RUINS: analyse's time, and its odds against the closed form."""
    rows = []
    for goal, start, up, down in RUINS:
        folder = root / f"ruin-{goal}-{start}-{up}-{down}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "main.story").write_text(ruin_text(goal, start, up, down), encoding="utf-8")
        story = load(folder)
        reports: list[Any] = []
        timing = timed(repeat, functools.partial(_analyse_into, story, reports))
        won = next(e for e in reports[-1].endings if e.scene == "won").odds["random"]
        expected = ruin_odds(goal, start, up, down)
        rows.append(
            {
                "story": f"ruin {start} -> 0 or {goal}, odds {up}:{down}",
                "states": reports[-1].states,
                "best_s": timing.best,
                "median_s": timing.median,
                "won": float(won),
                "exact": won == expected,
            }
        )
        console.print(
            f"{rows[-1]['story']}: {rows[-1]['states']:,} states, analyse best "
            f"{timing.best:.3f} s, median {timing.median:.3f} s; won = {float(won):.6f} "
            f"({'exactly' if won == expected else 'NOT'} the closed form)",
            markup=False,
            highlight=False,
        )
    return rows


def measure_journey(repeat: int, console: Console) -> dict[str, Any]:
    """`crossing odds content/journey` in a fresh process, wall time."""
    # The installed command, as a reader runs it (PYTHONPATH picks which checkout it runs).
    command = [str(Path(sys.executable).parent / "crossing"), "odds", str(ROOT / "content/journey")]
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        runs.append(time.perf_counter() - start)
    runs.sort()
    result = {
        "command": "crossing odds content/journey",
        "best_s": runs[0],
        "median_s": runs[len(runs) // 2],
    }
    console.print(
        f"crossing odds content/journey, cold: best {runs[0]:.3f} s, "
        f"median {result['median_s']:.3f} s wall ({repeat} fresh processes)",
        markup=False,
        highlight=False,
    )
    return result


def parse_sizes(text: str) -> list[int]:
    return [int(float(s)) for s in text.split(",") if s.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="1e3,1e4,1e5,1e6", help="target state counts, comma-separated"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measure")
    parser.add_argument("--cycles", action="store_true", help="stories with a retry loop")
    parser.add_argument("--cycle", action="store_true", help="the large-cycle family (ruins)")
    parser.add_argument("--journey", action="store_true", help="crossing odds content/journey")
    parser.add_argument("--explore-only", action="store_true", help="skip analyse")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory processes")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    parser.add_argument(
        "--no-gc", action="store_true", help="turn the cyclic garbage collector off while timing"
    )
    parser.add_argument("--profile", action="store_true", help="cProfile explore, largest size")
    parser.add_argument(
        "--profile-analyse", action="store_true", help="cProfile analyse, largest size"
    )
    parser.add_argument("--keep", type=Path, help="write the stories here instead of a temp dir")
    parser.add_argument("--memory-child", nargs=2, metavar=("WHAT", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child[0], Path(args.memory_child[1]))
        return
    sizes = parse_sizes(args.sizes)
    console = Console()
    if console.width < 160:
        console = Console(width=160)
    if args.cycle or args.journey:
        with tempfile.TemporaryDirectory(prefix="crossing-odds-bench-") as temp:
            extra: dict[str, Any] = {}
            if args.cycle:
                extra["cycles"] = measure_cycles(args.keep or Path(temp), args.repeat, console)
            if args.journey:
                extra["journey"] = measure_journey(args.repeat, console)
        if args.json:
            args.json.write_text(json.dumps(extra, indent=2), encoding="utf-8")
        return
    collect = not args.no_gc
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="crossing-odds-bench-") as temp:
        root = args.keep or Path(temp)
        for size in sizes:
            shape = Shape.for_target(size, args.cycles)
            console.print(f"[dim]measuring about {size:,} states ({shape.name}) …[/dim]")
            results.append(
                measure(
                    size,
                    root / f"odds-{size}{'-cycles' if args.cycles else ''}",
                    args.repeat,
                    cycles=args.cycles,
                    collect=collect,
                    full=not args.explore_only,
                    memory=not args.no_memory,
                )
            )
        gc_note = "garbage collector on" if collect else "garbage collector off"
        title = f"Odds analysis: best of {args.repeat}, {gc_note}"
        console.print(rich_table(*cells(results), title, labels=2))
        for r in results:
            verdict = "meets" if r.states / r.explore.best >= TARGET_RATE else "misses"
            console.print(
                f"{r.states:,} states: explore {verdict} the target of {TARGET_RATE:,} states/s: "
                f"best {r.states / r.explore.best:,.0f}, median {r.states / r.explore.median:,.0f}",
                markup=False,
                highlight=False,
            )
        if args.markdown:
            console.print(
                markdown_table(*cells(results), labels=2),
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
        largest = root / f"odds-{sizes[-1]}{'-cycles' if args.cycles else ''}" / "main.story"
        if args.profile:
            profile(largest, "explore", console)
        if args.profile_analyse:
            profile(largest, "analyse", console)
    if args.json:
        settings = {
            "repeat": args.repeat,
            "garbage_collector": collect,
            "cycles": args.cycles,
        }
        write_report(args.json, settings, results, console)


if __name__ == "__main__":
    main()
