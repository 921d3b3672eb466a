"""The single-file edition: how big `crossing bundle` makes a story, and how long it takes.

Why: the bundle is the journey as one HTML file that plays offline from file:// (runtime,
story, odds, map and styles inline); issue 5 sets its budget at 150 KB gzipped. This
builds the journey's bundle and the example story's, each `--repeat` times in a fresh
process (`crossing bundle STORY -o FILE`, the command a reader of docs/cli.md runs), and
prints the file's size raw and gzip -9 (brotli too if the `brotli` module is installed),
the build's wall-clock time (median and best), and what the file is made of.

The journey is built twice: in English and in Korean (`--locale ko`, issue 20).

Run:  .venv/bin/python bench/bench_bundle.py [--repeat 3] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from _site import EXAMPLE, JOURNEY, ROOT, build_bundle, gz, print_machine
from measure import markdown_table

BUDGET = 150 * 1024  # gzipped bytes (issue 5: "≤ 150 KB gzipped")
PARTS = {  # what the bundle holds, by the element that carries it
    "story (JSON)": r'<script id="journey-story" type="application/json">(.*?)</script>',
    # The player is the module that mounts the page; the ending screen's module comes first.
    "player.js": r'<script type="module">((?:(?!</script>).)*?function mount\(.*?)</script>',
    "ending screen (ending.js)": r'<script type="module">((?:(?!</script>)(?!function mount\().)*?)</script>',
    "ending data (JSON)": r'<script id="journey-ending" type="application/json">(.*?)</script>',
    "map (SVG)": r"(<svg .*?</svg>)",
    "styles": r"<style>(.*?)</style>",
    "odds (JSON)": r'<script id="journey-odds" type="application/json">(.*?)</script>',
    "player's words (JSON)": r'<script id="journey-text" type="application/json">(.*?)</script>',
}

try:
    import brotli  # type: ignore[import-not-found]  # optional: not a dependency
except ImportError:
    brotli = None


def parts(html: str) -> dict[str, dict[str, int]]:
    """Each part's bytes raw and gzipped on its own; "rest" is the markup around them."""
    found: dict[str, dict[str, int]] = {}
    rest = html
    for name, pattern in PARTS.items():
        match = re.search(pattern, html, re.DOTALL)
        if match is None:
            continue
        data = match.group(1).encode()
        found[name] = {"raw": len(data), "gzip9": gz(data)}
        rest = rest.replace(match.group(1), "", 1)
    found["rest (markup)"] = {"raw": len(rest.encode()), "gzip9": gz(rest.encode())}
    return found


def measure(
    name: str, story: Path, repeat: int, folder: Path, locale: str | None = None
) -> dict[str, Any]:
    output = folder / f"{story.name}-{locale or 'en'}.html"
    seconds = [build_bundle(story, output, locale) for _ in range(repeat)]
    data = output.read_bytes()
    return {
        "story": name,
        "path": str(story.relative_to(ROOT)) + (f" --locale {locale}" if locale else ""),
        "raw": len(data),
        "gzip9": gz(data),
        "brotli11": None if brotli is None else len(brotli.compress(data, quality=11)),
        "build_seconds": seconds,
        "parts": parts(data.decode()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="builds of each story")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    args = parser.parse_args()
    facts = print_machine()

    with tempfile.TemporaryDirectory(prefix="crossing-bench-") as folder:
        results = [
            measure("the journey", JOURNEY, args.repeat, Path(folder)),
            measure("the journey in Korean", JOURNEY, args.repeat, Path(folder), "ko"),
            measure("the example story", EXAMPLE, args.repeat, Path(folder)),
        ]

    header = ["bundle", "raw B", "gzip -9 B", "of 150 KB budget", "build s (median / best)"]
    rows = []
    for r in results:
        times = r["build_seconds"]
        rows.append(
            [
                f"{r['story']} (`{r['path']}`)",
                f"{r['raw']:,}",
                f"{r['gzip9']:,}",
                f"{r['gzip9'] / BUDGET:.0%}",
                f"{statistics.median(times):.2f} / {min(times):.2f}",
            ]
        )
    if brotli is not None:
        header.insert(3, "brotli 11 B")
        for row, r in zip(rows, results, strict=True):
            row.insert(3, f"{r['brotli11']:,}")
    print()
    print(markdown_table(header, rows))

    for r in results:
        print(f"\nWhat the bundle of {r['story']} holds (each part gzipped on its own):\n")
        print(
            markdown_table(
                ["part", "raw B", "gzip -9 B"],
                [[k, f"{v['raw']:,}", f"{v['gzip9']:,}"] for k, v in r["parts"].items()],
            )
        )

    if args.json:
        report = {"machine": facts, "budget": BUDGET, "repeat": args.repeat, "results": results}
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}", file=sys.stderr)


if __name__ == "__main__":
    main()
