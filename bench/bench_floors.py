"""The floors under issue 18's unmet goals: what the work costs before any of the code that
could still be made faster runs.

- `crossing odds content/journey` cold (goal < 0.5 s): a fresh process's imports, reading
  and checking the story, and exploring its states, each timed alone; the analysis itself
  comes after all three.
- `analyse` at 10^6 states (goal 10x the code of a735054): explore alone, then the barest
  pass of the shape the analysis's value passes have (each state's value from its
  successors': one indexed read and one addition per transition, nothing else), over the
  same 10^6-state graph bench_odds.py generates.
- The export (goal 5x Pelican's pages/s): what a build costs before its first page is
  rendered (Python, Django and the site set up; the database's tables checked; the content
  read in every language), and each page's own cost, rendered again (the page cache cleared) in one process.

Run:  .venv/bin/python bench/bench_floors.py [--repeat 3]
Each part runs in a fresh process (`python -c`), as a person's command would.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from _site import ROOT, print_machine
from measure import markdown_table

COLD_ODDS = """
import json, time
started = time.perf_counter()
import crossing.cli  # what `crossing odds` imports before it runs
imported = time.perf_counter()
from pathlib import Path
from crossing.analysis.explore import explore
from crossing.analysis.odds import analyse
from crossing.story.api import load_source
story = load_source(Path("content/journey")).story
read = time.perf_counter()
graph = explore(story)
explored = time.perf_counter()
analyse(story)
analysed = time.perf_counter()
print(json.dumps({"imports": imported - started, "read and check": read - imported,
                  "explore": explored - read, "analyse (its own explore too)": analysed - explored,
                  "states": graph.size}))
"""

PASS = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, "bench")
from bench_odds import Shape, load, story_text
from crossing.analysis.explore import explore
path = Path(sys.argv[1]) / "odds.story"
path.write_text(story_text(Shape.for_target(1_000_000)), encoding="utf-8")
story = load(path)
started = time.perf_counter()
graph = explore(story)
explored = time.perf_counter()
targets, offsets, value = graph.targets, graph.offsets, [0] * graph.size
for state in range(graph.size):  # each state's value from its successors', and nothing else
    total = 0
    for edge in range(offsets[state], offsets[state + 1]):
        total += value[targets[edge]]
    value[state] = total
passed = time.perf_counter()
print(json.dumps({"explore": explored - started, "one bare pass": passed - explored,
                  "states": graph.size, "transitions": graph.transitions}))
"""

EXPORT = """
import json, os, time
started = time.perf_counter()
from crossing.web.serve import setup_django
setup_django()
ready = time.perf_counter()
from django.test import Client
from django.utils import translation
from crossing.web.export import _database_ready, finished, in_every_language
from crossing.web.export.render import export_settings, render
from crossing.web.languages import codes, default
from crossing.web.page_cache import pages
with export_settings(None), translation.override(default()):
    _database_ready()
    migrated = time.perf_counter()
    from crossing.web.content import site_content
    from crossing.web.journey.ending_pages import ending_addresses
    content = site_content()
    for language in codes():
        site_content(language)
    read = time.perf_counter()
    client = Client()
    addresses = in_every_language(content.addresses() + ending_addresses())
    for address in addresses:  # once, so that what is made on first use is made
        finished(render(client, address).decode(), address)
    first = time.perf_counter()
    pages.clear()  # rendered again, not read back from the page cache
    each = []
    for address in addresses:
        begun = time.perf_counter()
        finished(render(client, address).decode(), address)
        each.append(time.perf_counter() - begun)
print(json.dumps({"Python, Django and the site set up": ready - started,
                  "tables checked (migrate)": migrated - ready,
                  "content read, every language": read - migrated,
                  "pages, first rendering": first - read, "per page": each}))
"""


def run(code: str, *args: str, data: Path) -> dict[str, object]:
    env = {**os.environ, "CROSSING_DATA_DIR": str(data)}
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def best(runs: list[dict[str, object]], key: str) -> float:
    return min(float(str(one[key])) for one in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print_machine()
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        run(EXPORT, data=data)  # the first build computes the odds into the data folder
        odds = [run(COLD_ODDS, data=data) for _ in range(args.repeat)]
        passes = [run(PASS, folder, data=data) for _ in range(args.repeat)]
        builds = [run(EXPORT, data=data) for _ in range(args.repeat)]

    print(f"\n`crossing odds content/journey`, cold ({odds[0]['states']:,} states), best of")
    print(f"{args.repeat} fresh processes:\n")
    keys = ["imports", "read and check", "explore", "analyse (its own explore too)"]
    print(markdown_table(["part", "seconds"], [[k, f"{best(odds, k):.2f}"] for k in keys]))

    print(f"\nAt 10^6 states ({passes[0]['states']:,} states, {passes[0]['transitions']:,}")
    print("transitions), best of the fresh processes:\n")
    rows = [[k, f"{best(passes, k):.2f}"] for k in ("explore", "one bare pass")]
    print(markdown_table(["part", "seconds"], rows))

    keys = [
        "Python, Django and the site set up",
        "tables checked (migrate)",
        "content read, every language",
    ]
    per_page = [statistics.median(one["per page"]) for one in builds]  # type: ignore[arg-type]
    pages = len(builds[0]["per page"])  # type: ignore[arg-type]
    print(f"\nThe export of the site's own content ({pages} pages), best of the processes:\n")
    rows = [[k, f"{best(builds, k):.2f}"] for k in keys]
    every = min(sum(one["per page"]) for one in builds)  # type: ignore[arg-type]
    rows.append([f"all {pages} pages, rendered again", f"{every:.2f}"])
    rows.append(["a page, median, rendered again", f"{min(per_page) * 1000:.1f} ms"])
    print(markdown_table(["part", "seconds"], rows))


if __name__ == "__main__":
    main()
