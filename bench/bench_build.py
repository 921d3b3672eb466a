"""The static export: how long `crossing build` takes for the whole site, and how big it is.

Why: issue 6 asks for the build time of the whole site. The build renders every page,
figure and the journey; the one slow part is the journey's exact odds, which the site
computes once per story version and keeps in the data folder. So this measures a cold
build (a fresh, empty data folder: odds computed) and warm builds (odds read back), each
`crossing build --out DIR` in a fresh process, as an editor runs it, and reports the
export's pages, figures, files and bytes (raw and gzip -9).

Run:  .venv/bin/python bench/bench_build.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from _site import BIN, ROOT, gz, print_machine
from measure import markdown_table


def build(out: Path, data: Path) -> tuple[float, str]:
    """`crossing build --out OUT` with its own data folder; wall-clock seconds and report."""
    env = {**os.environ, "CROSSING_DATA_DIR": str(data)}
    started = time.perf_counter()
    done = subprocess.run(
        [str(BIN / "crossing"), "build", "--out", str(out)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return time.perf_counter() - started, done.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print_machine()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        cold, report = build(root / "site", root / "data")
        warm = [build(root / "site", root / "data")[0] for _ in range(args.repeat)]
        files = [p for p in (root / "site").rglob("*") if p.is_file()]
        raw = sum(p.stat().st_size for p in files)
        packed = sum(gz(p.read_bytes()) for p in files)
        html = [p for p in files if p.suffix == ".html"]
        svg = [p for p in files if p.parent.name == "figures"]
    summary = re.search(r"wrote .*", report)
    print(summary.group(0) if summary else report)
    rows = [
        ["cold (odds computed)", f"{cold:.1f} s"],
        [f"warm (median of {args.repeat})", f"{statistics.median(warm):.1f} s"],
        ["HTML pages", str(len(html))],
        ["figure files", str(len(svg))],
        ["files in all", str(len(files))],
        ["size", f"{raw:,} B ({packed:,} B gzipped)"],
    ]
    print(markdown_table(["crossing build --out DIR", "result"], rows))


if __name__ == "__main__":
    main()
