"""How long the engine takes to read the journey: its compiled JSON (read and validated, as
every command that takes a `.json` does) and its source (read, parsed, checked, compiled).

Run:  .venv/bin/python bench/bench_journey_load.py [--repeat-json 30] [--repeat-source 7]

To compare with another commit, run the same script with that tree first on the path:
      git worktree add /tmp/before REV
      PYTHONPATH=/tmp/before .venv/bin/python bench/bench_journey_load.py
(the journey is read from the tree the engine comes from). Prints the best time of each.

This is a benchmark, not a test: it asserts nothing about speed.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import crossing
from crossing.story.api import load_any, load_source


def best_of(repeat: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat-json", type=int, default=30)
    parser.add_argument("--repeat-source", type=int, default=7)
    args = parser.parse_args()
    journey = Path(crossing.__file__).resolve().parent.parent / "content" / "journey"
    loaded = load_source(journey)
    assert loaded.story is not None, loaded.diagnostics
    with tempfile.TemporaryDirectory() as folder:
        compiled = Path(folder) / "journey.json"
        compiled.write_text(json.dumps(loaded.story.to_json()), encoding="utf-8")
        size = compiled.stat().st_size
        json_time = best_of(args.repeat_json, lambda: load_any(compiled))
    source_time = best_of(args.repeat_source, lambda: load_source(journey))
    print(f"engine from {journey.parent.parent}")
    print(f"compiled journey ({size:,} B), read and validated: {json_time * 1000:.1f} ms (best)")
    print(f"journey source, read, checked and compiled: {source_time * 1000:.0f} ms (best)")


if __name__ == "__main__":
    main()
