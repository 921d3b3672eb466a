"""The static export against Pelican, on the same generated chapters, in one run.

Why: issue 18 asks for an export at least 5x Pelican's pages per second on the same corpus.
For each size (default 100, 250 and 500 chapters: bench/generate_site.py writes the
campaign site with those chapters added, and the same chapters as Pelican articles) this
times, each in a fresh process as an editor runs it:

- crossing cold: `crossing build --out DIR` into a new folder (the journey's odds, which
  the site computes once per story version and keeps in the data folder, computed by an
  untimed build first: they are not the export's work);
- crossing warm: the same build again over that export with `--full` (every page rendered);
- crossing incremental: one chapter's body changed, then `crossing build --out DIR`, which
  renders only the pages whose inputs changed;
- Pelican cold: `pelican content -s pelicanconf.py -o DIR` into a new folder, its content
  cache off (default theme, no plugins);
- Pelican warm: the same again with its content cache on and filled (`--cache-path`, with
  LOAD_CONTENT_CACHE and CACHE_CONTENT), Pelican's own incremental mechanism.

Pages are the HTML files each tool wrote; pages/s is pages over the process's wall-clock
time; ms per added chapter is the slope of the wall-clock time between the smallest and
the largest size. Where `crossing build` has no `--full` (the code before issue 18), warm
and incremental are both plain rebuilds.

Pelican is installed only for this benchmark, in its own venv:
    python3 -m venv /work/pelican-venv && /work/pelican-venv/bin/pip install 'pelican==4.12.*' markdown

Run:  .venv/bin/python bench/bench_export.py --pelican /work/pelican-venv/bin/pelican
          [--sizes 100 250 500] [--jobs N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from generate_site import FIRST, generate

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


@dataclass(frozen=True, slots=True)
class Run:
    seconds: float
    pages: int

    @property
    def rate(self) -> float:
        return self.pages / self.seconds


def html_files(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html"))


def timed(command: list[str], cwd: Path, env: dict[str, str], out: Path) -> Run:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    return Run(seconds, html_files(out))


def crossing_runs(corpus: Path, jobs: int | None) -> dict[str, Run]:
    env = {
        **os.environ,
        "CROSSING_CONTENT_DIR": str(corpus / "content"),
        "CROSSING_DATA_DIR": str(corpus / "data"),
    }
    crossing = str(BIN / "crossing")
    has_full = (
        "--full"
        in subprocess.run(
            [crossing, "build", "--help"], capture_output=True, text=True, check=True
        ).stdout
    )
    extra = ["--jobs", str(jobs)] if jobs and has_full else []
    site = corpus / "site"
    build = [crossing, "build", "--out", str(site), *extra]
    # The journey's odds into the data folder (not the export's work), untimed.
    timed([crossing, "build", "--out", str(corpus / "first"), *extra], corpus, env, corpus)
    runs = {"crossing cold": timed(build, corpus, env, site)}
    runs["crossing warm (--full)"] = timed(
        build + (["--full"] if has_full else []), corpus, env, site
    )
    chapter = corpus / "content" / "story" / f"{FIRST + 1}-chapter-0001.md"
    chapter.write_text(chapter.read_text() + "\nOne more paragraph, changed for the benchmark.\n")
    runs["crossing incremental (1 chapter)"] = timed(build, corpus, env, site)
    return runs


def pelican_runs(corpus: Path, pelican: str) -> dict[str, Run]:
    folder = corpus / "pelican"
    cold = folder / "out-cold"
    runs = {
        "Pelican cold": timed(
            [pelican, "content", "-s", "pelicanconf.py", "-o", str(cold), "--ignore-cache"],
            folder,
            dict(os.environ),
            cold,
        )
    }
    cached = folder / "out-cached"
    command = [
        pelican,
        "content",
        "-s",
        "pelicanconf.py",
        "-o",
        str(cached),
        "--cache-path",
        str(folder / "cache"),
        "-e",
        "LOAD_CONTENT_CACHE=true",
        "CACHE_CONTENT=true",
    ]
    timed(command, folder, dict(os.environ), cached)  # fills the cache
    runs["Pelican warm (its content cache)"] = timed(command, folder, dict(os.environ), cached)
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pelican", required=True, help="the pelican command of its venv")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 250, 500])
    parser.add_argument("--jobs", type=int, help="crossing build --jobs (default: all cores)")
    args = parser.parse_args()
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}; cores {os.cpu_count()}")
    results: dict[int, dict[str, Run]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in sorted(args.sizes):
            corpus = Path(folder) / str(size)
            generate(size, corpus)
            results[size] = {
                **crossing_runs(corpus, args.jobs),
                **pelican_runs(corpus, args.pelican),
            }
    small, large = min(results), max(results)
    print(
        f"| what | {' | '.join(f'{n} chapters' for n in sorted(results))} | ms per added chapter |"
    )
    print("|---|" + "---|" * len(results) + "---|")
    for name in results[large]:
        cells = [
            f"{results[n][name].pages} pages, {results[n][name].seconds:.2f} s, "
            f"{results[n][name].rate:.0f} pages/s"
            for n in sorted(results)
        ]
        slope = (
            (results[large][name].seconds - results[small][name].seconds) / (large - small) * 1000
            if large > small
            else float("nan")
        )
        print(f"| {name} | {' | '.join(cells)} | {slope:.1f} |")


if __name__ == "__main__":
    main()
