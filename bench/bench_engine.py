"""The story engine benchmark: load, check and compile time, compiled size, memory, play speed.

Run:  .venv/bin/python bench/bench_engine.py [--sizes 500,5000] [--repeat 5] [--json out.json]
      [--markdown] [--no-gc] [--playthroughs 1000] [--scripts 200] [--profile]

For each size it generates a story (bench/generate.py) into a temporary folder, then measures
(best and median of --repeat runs, time.perf_counter, garbage collector left on as in real use):
- load_source: reading, parsing, checking and compiling the story (crossing.story.api), and
  its two halves, load_project (read + parse) and check_project (check + compile);
- the compiled JSON as `crossing compile` writes it: bytes, gzipped bytes, time to write it
  (to_json + json.dumps) and to read it back (json.loads + from_json);
- the peak memory (tracemalloc) of one load_source;
- the time to prepare a Program (every expression and text made a closure);
- play: seeded random playthroughs (Session.begin, then Session.choose with choices picked by
  random.Random(k) for playthrough k) until an ending, counting scenes presented per second;
- scripted transcripts (transcript.run_script with the prepared Program) per second, the
  scripts being recorded from seeded random playthroughs with some undo and save tokens.
--no-gc turns the cyclic garbage collector off while timing (to tell the engine's own work from
the collector's), --markdown also prints the table as Markdown (for docs/performance.md), and
--profile prints a cProfile of load_source and of the playthroughs at the largest size.

This is a benchmark, not a test: it asserts nothing about speed.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import gzip
import io
import json
import pstats
import random
import tempfile
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from generate import Generated, generate  # bench/generate.py: the script's folder is on sys.path
from measure import Timing, markdown_table, result_json, rich_table, timed, write_report
from rich.console import Console

from crossing.story.api import load_source
from crossing.story.checker import check_project
from crossing.story.compiled import CompiledStory, from_json
from crossing.story.loader import load_project
from crossing.story.runtime import AWAITING, Program, Session
from crossing.story.transcript import run_script

MAX_DECISIONS = 1000  # a playthrough longer than this is cut off (none is, in practice)


@dataclass(slots=True)
class Result:
    story: Generated
    load_source: Timing
    load_project: Timing
    check_project: Timing
    warnings: int
    peak_memory: int
    json_bytes: int
    json_gzip_bytes: int
    write_json: Timing
    read_json: Timing
    program: Timing
    play: Timing
    play_scenes: int
    playthroughs: int
    transcripts: Timing
    transcript_scenes: int
    scripts: int

    def to_json(self) -> dict[str, Any]:
        return result_json(self)


def compiled_json(story: CompiledStory) -> str:
    """The compiled story exactly as `crossing compile` writes it."""
    return json.dumps(story.to_json(), ensure_ascii=False, separators=(",", ":"))


def play(program: Program, seed: int) -> int:
    """One random playthrough to an ending; the number of scenes presented."""
    chooser = random.Random(seed)
    session, steps = Session.begin(program, seed)
    scenes = len(steps)
    for _ in range(MAX_DECISIONS):
        if session.status != AWAITING:
            break
        scenes += len(session.choose(chooser.randrange(len(session.offered))))
    return scenes


def record_script(program: Program, seed: int) -> list[str]:
    """A script for run_script: random choices, with about 5% undo and 5% save tokens."""
    chooser = random.Random(1_000_000 + seed)
    session, _ = Session.begin(program, seed)
    script: list[str] = []
    for _ in range(MAX_DECISIONS):
        if session.status != AWAITING:
            break
        roll = chooser.random()
        if roll < 0.05:
            script.append("u")
            session.undo()
        elif roll < 0.10:
            script.append("s")  # save and restore: the state does not change
        else:
            position = chooser.randrange(len(session.offered))
            script.append(str(position + 1))
            session.choose(position)
    return script


def scene_steps(transcript: dict[str, Any]) -> int:
    return sum("scene" in event for event in transcript["steps"])


def measure(
    size: int, folder: Path, repeat: int, playthroughs: int, scripts: int, collect: bool = True
) -> Result:
    info = generate(size, folder)
    loaded = load_source(folder)
    if loaded.story is None:
        problems = "\n".join(str(d) for d in loaded.errors[:10])
        raise SystemExit(f"the generated story of {size} scenes has errors:\n{problems}")
    story = loaded.story
    warnings = len(loaded.diagnostics)
    del loaded  # keep only what a player keeps: the compiled story

    def timing(action: Callable[[], object]) -> Timing:
        return timed(repeat, action, collect=collect)

    load = timing(lambda: load_source(folder))
    parse = timing(lambda: load_project(folder))
    check = timing(partial(check_project, load_project(folder)))  # the project is then let go

    gc.collect()
    tracemalloc.start()
    load_source(folder)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    text = compiled_json(story)
    data = text.encode("utf-8")
    write = timing(lambda: compiled_json(story))
    read = timing(lambda: from_json(json.loads(text)))
    prepare = timing(lambda: Program(story))

    program = Program(story)
    seeds = range(playthroughs)
    play_scenes = sum(play(program, seed) for seed in seeds)  # also warms up
    play_timing = timing(lambda: [play(program, seed) for seed in seeds])

    recorded = [(seed, record_script(program, seed)) for seed in range(scripts)]
    transcript_scenes = sum(
        scene_steps(run_script(story, seed, script, program)) for seed, script in recorded
    )
    transcript_timing = timing(
        lambda: [run_script(story, seed, script, program) for seed, script in recorded]
    )
    return Result(
        story=info,
        load_source=load,
        load_project=parse,
        check_project=check,
        warnings=warnings,
        peak_memory=peak,
        json_bytes=len(data),
        json_gzip_bytes=len(gzip.compress(data)),
        write_json=write,
        read_json=read,
        program=prepare,
        play=play_timing,
        play_scenes=play_scenes,
        playthroughs=playthroughs,
        transcripts=transcript_timing,
        transcript_scenes=transcript_scenes,
        scripts=scripts,
    )


def profile(folder: Path, playthroughs: int, console: Console) -> None:
    """cProfile of load_source and of the random playthroughs, top functions by own time."""
    story = load_source(folder).story
    assert story is not None
    program = Program(story)
    for title, action in (
        ("load_source", lambda: load_source(folder)),
        ("random playthroughs", lambda: [play(program, seed) for seed in range(playthroughs)]),
    ):
        profiler = cProfile.Profile()
        profiler.runcall(action)
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("tottime").print_stats(15)
        console.rule(f"cProfile: {title} ({folder.name}), by own time")
        console.print(out.getvalue(), markup=False, highlight=False)


# -- the table -----------------------------------------------------------------------------


def ms(timing: Timing) -> str:
    return f"{timing.best * 1000:,.1f} / {timing.median * 1000:,.1f}"


def rate(count: int, timing: Timing) -> str:
    return f"{count / timing.best:,.0f} / {count / timing.median:,.0f}"


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:,.2f} MB"


ROWS: list[tuple[str, Callable[[Result], str], Callable[[Result], float] | None]] = [
    ("story source (files, bytes)", lambda r: f"{r.story.files}, {r.story.bytes:,}", None),
    (
        "chapters / endings / sources / places",
        lambda r: f"{r.story.chapters} / {r.story.endings} / {r.story.sources} / {r.story.places}",
        None,
    ),
    ("check: errors, warnings", lambda r: f"0, {r.warnings}", None),
    ("load_source ms (best / median)", lambda r: ms(r.load_source), lambda r: r.load_source.best),
    (
        "  read + parse ms (load_project)",
        lambda r: ms(r.load_project),
        lambda r: r.load_project.best,
    ),
    (
        "  check + compile ms (check_project)",
        lambda r: ms(r.check_project),
        lambda r: r.check_project.best,
    ),
    (
        "load_source µs per scene (best)",
        lambda r: f"{r.load_source.best / r.story.scenes * 1e6:,.0f}",
        None,
    ),
    ("load_source peak memory (tracemalloc)", lambda r: megabytes(r.peak_memory), None),
    ("compiled JSON", lambda r: f"{r.json_bytes:,} B", lambda r: r.json_bytes),
    ("compiled JSON, gzipped", lambda r: f"{r.json_gzip_bytes:,} B", lambda r: r.json_gzip_bytes),
    ("write JSON ms (to_json + dumps)", lambda r: ms(r.write_json), lambda r: r.write_json.best),
    ("read JSON ms (loads + from_json)", lambda r: ms(r.read_json), lambda r: r.read_json.best),
    ("Program() ms", lambda r: ms(r.program), lambda r: r.program.best),
    (
        "random play: scenes/s (best / median)",
        lambda r: rate(r.play_scenes, r.play),
        lambda r: r.play_scenes / r.play.best,
    ),
    (
        "random play: playthroughs/s (best)",
        lambda r: f"{r.playthroughs / r.play.best:,.0f}",
        None,
    ),
    (
        "random play: scenes per playthrough",
        lambda r: f"{r.play_scenes / r.playthroughs:.1f}",
        None,
    ),
    (
        "run_script: transcripts/s (best / median)",
        lambda r: rate(r.scripts, r.transcripts),
        lambda r: r.scripts / r.transcripts.best,
    ),
    (
        "run_script: scenes/s (best)",
        lambda r: f"{r.transcript_scenes / r.transcripts.best:,.0f}",
        None,
    ),
]


def cells(results: list[Result]) -> tuple[list[str], list[list[str]]]:
    """The table's header and rows; with several sizes, the last column is last / first."""
    header = ["measure", *(f"{r.story.scenes:,} scenes" for r in results)]
    ratio = len(results) > 1
    if ratio:
        header.append(f"× ({results[-1].story.scenes:,} / {results[0].story.scenes:,})")
    rows = []
    for label, show, value in ROWS:
        row = [label, *(show(result) for result in results)]
        if ratio:
            row.append(f"{value(results[-1]) / value(results[0]):.2f}" if value else "")
        rows.append(row)
    return header, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="500,5000", help="scene counts, comma-separated")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each measure")
    parser.add_argument("--playthroughs", type=int, default=1000, help="random plays per run")
    parser.add_argument("--scripts", type=int, default=200, help="transcripts per run")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    parser.add_argument(
        "--no-gc", action="store_true", help="turn the cyclic garbage collector off while timing"
    )
    parser.add_argument("--profile", action="store_true", help="cProfile the largest size")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    console = Console()
    if console.width < 120:
        console = Console(width=120)
    collect = not args.no_gc
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="crossing-bench-") as temp:
        for size in sizes:
            console.print(f"[dim]measuring {size:,} scenes …[/dim]")
            folder = Path(temp) / f"story-{size}"
            results.append(
                measure(size, folder, args.repeat, args.playthroughs, args.scripts, collect)
            )
        gc_note = "" if collect else ", garbage collector off"
        title = f"Story engine: best / median of {args.repeat}{gc_note}"
        console.print(rich_table(*cells(results), title))
        if args.markdown:
            console.print(
                markdown_table(*cells(results)), markup=False, highlight=False, soft_wrap=True
            )
        if args.profile:
            profile(Path(temp) / f"story-{sizes[-1]}", args.playthroughs, console)
    if args.json:
        settings = {
            "repeat": args.repeat,
            "garbage_collector": collect,
            "playthroughs": args.playthroughs,
            "scripts": args.scripts,
        }
        write_report(args.json, settings, results, console)


if __name__ == "__main__":
    main()
