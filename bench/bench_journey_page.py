"""Requests per second: the site in production mode under wrk.

Why: the journey page, its compiled story and the gamebook, and the campaign site's pages
(home, a chapter with its figures, the sources, a film), are what every reader asks for;
this says how many of them one small machine answers, and how fast.

How: `crossing serve --production --workers 2` (gunicorn's sync workers, WhiteNoise, Django's
GZipMiddleware; gunicorn's access log to a file) on a free port with a throwaway data folder.
For each address — the journey page, the compiled story, a static file (the player, hashed,
served by WhiteNoise from its precompressed .gz), the largest chapter page of the gamebook,
the whole gamebook on one page, the home page, the largest chapter of "On the border", the
sources and a film's page — it first times 30 requests one after another (the
latency of one request alone), then warms up with `wrk -d2s`, then runs

    wrk -t2 -c16 -d10s --latency -H 'Accept-Encoding: gzip' URL

(2 threads, 16 connections, 10 s; gzip accepted, as browsers do, so Django compresses the
pages and the story on every request) and reports requests/s and the latency's median and
99th percentile. wrk and gunicorn share the machine's cores, so the figures are a floor.
The server is always stopped at the end.

Run:  .venv/bin/python bench/bench_journey_page.py [--duration 10] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from _site import gamebook_pages, get, print_machine, production_site
from measure import markdown_table

WRK = "/usr/bin/wrk"
UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3}


def milliseconds(text: str) -> float:
    found = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if found is None:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(found.group(1)) * UNITS[found.group(2)]


def wrk(url: str, seconds: int, threads: int, connections: int) -> dict[str, Any]:
    """Run wrk; parse requests/s, latency percentiles and errors from its report."""
    command = [WRK, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    command += ["-H", "Accept-Encoding: gzip", url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    percentiles = {
        f"p{p}": milliseconds(value)
        for p, value in re.findall(r"^\s+(50|75|90|99)%\s+(\S+)$", output, re.MULTILINE)
    }
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    requests = re.search(r"(\d+) requests in", output)
    non_ok = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: (.*)$", output, re.MULTILINE)
    if rate is None or requests is None:
        raise RuntimeError(f"could not read wrk's report:\n{output}")
    return {
        "command": " ".join(command),
        "requests_per_second": float(rate.group(1)),
        "requests": int(requests.group(1)),
        "latency_ms": percentiles,
        "non_2xx_3xx": int(non_ok.group(1)) if non_ok else 0,
        "socket_errors": errors.group(1).strip() if errors else "",
        "output": output,
    }


def alone(url: str, count: int = 30) -> list[float]:
    """Milliseconds of `count` requests made one after another (gzip accepted)."""
    times = []
    for _ in range(count):
        started = time.perf_counter()
        answer = get(url)
        times.append((time.perf_counter() - started) * 1000)
        if answer.status != 200:
            raise RuntimeError(f"{url}: HTTP {answer.status}")
    return times


def addresses(base: str) -> dict[str, str]:
    """What to measure: name -> path, the story's and the map's addresses read from the
    page (the player is inline in it since issue 18)."""
    page = get(base + "/journey/")

    def named(attribute: str) -> str:
        found = re.search(rf'{attribute}="([^"]+)"', page.text)
        if found is None:
            raise ValueError(f"the journey page has no {attribute}")
        return found.group(1)

    sizes: dict[str, int] = {}  # every chapter page reachable by links, by its raw size
    waiting = gamebook_pages(page.text)
    while waiting:
        path = waiting.pop()
        if path not in sizes:
            chapter = get(base + path, compressed=False)
            sizes[path] = len(chapter.body)
            waiting += gamebook_pages(chapter.text)
    largest = max(sizes, key=sizes.__getitem__)
    story = get(base + "/on-the-border/", compressed=False).text
    chapters = {
        path: len(get(base + path, compressed=False).body) for path in story_chapters(story)
    }
    longest = max(chapters, key=chapters.__getitem__)
    return {
        "journey page": "/journey/",
        "compiled story (JSON)": named("data-story"),
        "the story's rest (JSON)": named("data-rest"),
        "static file (map.svg)": named("data-map"),
        f"largest gamebook chapter ({largest.split('/')[-2]})": largest,
        "whole gamebook": "/journey/gamebook/",
        "home": "/",
        f"largest story chapter ({longest.split('/')[-2]})": longest,
        "sources": "/sources/",
        "film page": "/films/the-defector/",
    }


def story_chapters(html: str) -> list[str]:
    """The chapter pages a story index links to."""
    return sorted(set(re.findall(r'href="(/on-the-border/[\w-]+/)"', html)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of each wrk run")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    args = parser.parse_args()
    facts = print_machine()

    results = []
    with production_site(workers=args.workers) as site:
        english = addresses(site.url)
        # Each page again in Korean (issue 20): the same address under /ko/, where it has one.
        korean = {
            f"{name}, in Korean": "/ko" + path
            for name, path in english.items()
            if not path.startswith("/static/") and "story." not in path and "rest." not in path
        }
        for name, path in {**english, **korean}.items():
            url = site.url + path
            packed, plain = get(url), get(url, compressed=False)
            single = alone(url)
            wrk(url, 2, args.threads, args.connections)  # warm-up, not recorded
            run = wrk(url, args.duration, args.threads, args.connections)
            results.append(
                {
                    "name": name,
                    "path": path,
                    "raw_bytes": len(plain.body),
                    "sent_bytes": len(packed.body),
                    "content_encoding": packed.headers.get("content-encoding", "none"),
                    "alone_ms": single,
                    **run,
                }
            )
            print(f"  {name}: {run['requests_per_second']:,.0f} requests/s", file=sys.stderr)

    header = [
        "address",
        "raw B",
        "sent B (encoding)",
        "one request alone, median ms",
        "requests/s",
        "p50 ms",
        "p99 ms",
        "errors",
    ]
    rows = [
        [
            f"{r['name']}: `{r['path']}`",
            f"{r['raw_bytes']:,}",
            f"{r['sent_bytes']:,} ({r['content_encoding']})",
            f"{statistics.median(r['alone_ms']):.1f}",
            f"{r['requests_per_second']:,.0f}",
            f"{r['latency_ms']['p50']:.1f}",
            f"{r['latency_ms']['p99']:.1f}",
            str(r["non_2xx_3xx"]) + (f"; {r['socket_errors']}" if r["socket_errors"] else ""),
        ]
        for r in results
    ]
    print(
        f"\ngunicorn, {args.workers} sync workers; wrk -t{args.threads} -c{args.connections} "
        f"-d{args.duration}s --latency, gzip accepted; wrk shares the cores.\n"
    )
    print(markdown_table(header, rows))

    if args.json:
        report = {"machine": facts, "settings": vars(args) | {"json": str(args.json)}}
        report["results"] = results
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}", file=sys.stderr)


if __name__ == "__main__":
    main()
