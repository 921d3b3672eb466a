"""Time to the first scene on a slow phone network, in Chromium, with a cold cache.

Why: issue 5 asks that a reader on slow 3G sees the journey's first scene within 2 s.
The journey page (/journey/) is the gamebook edition rendered by the server, so §1's text
is on the page before any script runs; the interactive player then fetches the compiled
story and replaces it with its own first scene. The single-file edition (`crossing bundle`)
carries everything inline.

How: the site runs in production mode (`crossing serve --production --workers 2`: gunicorn,
WhiteNoise's hashed and gzipped static files, Django's GZipMiddleware) on a free port with a
throwaway data folder; the journey's bundle is served by a small local HTTP server, in brotli (quality 11) or gzip
(-9) as the browser asks, as a static host with precompressed files would.
Chromium (/usr/bin/chromium, through Playwright) opens each page in a fresh browser context
(an empty cache and no saved game) with the cache disabled, and the network throttled through
the DevTools protocol (Network.emulateNetworkConditions):

- WebPageTest "3G Slow": 400 ms latency, 400 kbit/s (50,000 B/s) down and up;
- DevTools "Slow 3G": 2,000 ms latency (400 × 5), 400 kbit/s (500 kbit/s × 0.8) down and up;
- no throttling, for reference.

DevTools throttling delays each request's response by the latency and meters its bytes; it
does not model TCP handshakes or slow start (WebPageTest shapes packets), so real networks
with that latency are somewhat slower still. All times are from navigation start
(performance.now() in the page):

- first contentful paint (the `paint` performance entry);
- §1 shown: `#s1`'s text is in the document and a frame has been rendered after it (two
  requestAnimationFrame callbacks: rendering waits for the render-blocking styles);
- player's first scene: `#journey.playing` with a non-empty `.scene-text`, then one frame;
- first scene playable: the same with its choices' buttons in the document (the player
  draws them with the scene, after its click handler is in place), then one frame;
- the rest of the story in: the latest `responseEnd` of the story's resources
  (`story.<hash>.rest.json` on the site since issue 18, `story.<hash>.json` before; none in
  the bundle, where everything is in the one file: its `load` event is given instead);
- bytes transferred: the sum of encodedDataLength over Network.loadingFinished (headers
  included, gzipped bodies as sent) once the network is idle (the map comes after the scene).

Run:  .venv/bin/python bench/bench_first_scene.py [--runs 5] [--json FILE]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import tempfile
import threading
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from _site import (
    JOURNEY,
    build_bundle,
    free_port,
    get,
    print_machine,
    production_site,
)
from measure import markdown_table
from playwright.sync_api import Browser, sync_playwright

from crossing.web.chromium import CHROMIUM, CHROMIUM_ARGS
from crossing.web.compression import compress, negotiate

TARGET_MS = 2000  # issues 5 and 18: the first scene within 2 s on slow 3G


@dataclass(frozen=True, slots=True)
class Network:
    name: str
    latency_ms: float
    down_bytes_s: float  # -1: not throttled
    up_bytes_s: float


NETWORKS = [
    Network("WebPageTest 3G Slow (400 ms, 400 kbit/s)", 400, 50_000, 50_000),
    Network("DevTools Slow 3G (2,000 ms, 400 kbit/s)", 2000, 50_000, 50_000),
    Network("not throttled", 0, -1, -1),
]

# Runs before the page's own scripts; records when each milestone was first rendered.
MARKS_SCRIPT = """
(() => {
  const marks = (window.__crossingMarks = {});
  // When the element's text is in the document, and when the frame after it was rendered
  // (the second animation frame callback), with where the element was in that frame.
  const rendered = (name, element) => {
    marks[name + 'Dom'] = performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => {
      marks[name] = performance.now();
      const box = element.getBoundingClientRect();
      marks[name + 'Box'] = [Math.round(box.top), Math.round(box.height), innerHeight];
    }));
  };
  const check = () => {
    if (marks.s1Dom === undefined) {
      const text = document.querySelector('#s1 .gb-text');
      if (text && text.textContent.trim()) rendered('s1', text);
    }
    const root = document.getElementById('journey'), text = document.querySelector('.scene-text');
    const playing = root && root.classList.contains('playing') && text && text.textContent.trim();
    if (marks.playerDom === undefined && playing) rendered('player', text);
    if (marks.playableDom === undefined && playing && document.querySelector('.choices button'))
      rendered('playable', text);
  };
  new MutationObserver(check).observe(document, {
    childList: true, subtree: true, attributes: true, characterData: true,
  });
  document.addEventListener('DOMContentLoaded', check);
})();
"""

READ_MARKS = r"""
() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByType('paint').find((e) => e.name == 'first-contentful-paint');
  const story = performance.getEntriesByType('resource').filter((e) => /\/story\.[^/]*json$/.test(e.name));
  return { ...window.__crossingMarks, fcp: fcp ? fcp.startTime : null,
           rest: story.length ? Math.max(...story.map((e) => e.responseEnd)) : nav.loadEventEnd,
           ttfb: nav.responseStart, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
}
"""


@dataclass(slots=True)
class Run:
    ttfb: float
    fcp: float | None
    s1: float | None  # §1 of the gamebook rendered (the journey page only)
    player: float  # the player's first scene rendered
    playable: float  # and its choices there to take
    rest: float  # the rest of the story in (the bundle: its load event)
    s1_box: list[int] | None  # §1's text when rendered: top, height, viewport height (px)
    player_box: list[int]  # the first scene's text, the same
    dcl: float
    load: float
    transferred: int
    requests: int
    files: list[tuple[str, int]] = field(default_factory=list)


def open_page(
    browser: Browser, url: str, network: Network, s1: bool, viewport: tuple[int, int]
) -> Run:
    """One cold visit: a fresh context, the cache off, the network throttled."""
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    try:
        page = context.new_page()
        page.add_init_script(MARKS_SCRIPT)
        cdp = context.new_cdp_session(page)
        urls: dict[str, str] = {}
        files: list[tuple[str, int]] = []
        cdp.on(
            "Network.requestWillBeSent",
            lambda e: urls.update({e["requestId"]: e["request"]["url"]}),
        )
        cdp.on(
            "Network.loadingFinished",
            lambda e: files.append((urls.get(e["requestId"], "?"), int(e["encodedDataLength"]))),
        )
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send(
            "Network.emulateNetworkConditions",
            {
                "offline": False,
                "latency": network.latency_ms,
                "downloadThroughput": network.down_bytes_s,
                "uploadThroughput": network.up_bytes_s,
            },
        )
        page.goto(url, wait_until="load", timeout=120_000)
        milestones = ["player", "playable"] + (["s1"] if s1 else [])
        for name in milestones:
            # A function, not an expression: the site's CSP forbids eval of strings.
            page.wait_for_function(
                "(name) => window.__crossingMarks[name] !== undefined", arg=name, timeout=120_000
            )
        page.wait_for_load_state("networkidle", timeout=120_000)
        marks: dict[str, Any] = page.evaluate(READ_MARKS)
        return Run(
            ttfb=marks["ttfb"],
            fcp=marks["fcp"],
            s1=marks.get("s1"),
            player=marks["player"],
            playable=marks["playable"],
            rest=marks["rest"],
            s1_box=marks.get("s1Box"),
            player_box=marks["playerBox"],
            dcl=marks["dcl"],
            load=marks["load"],
            transferred=sum(size for _, size in files),
            requests=len(files),
            files=files,
        )
    finally:
        context.close()


@contextmanager
def serve_file(path: Path) -> Iterator[str]:
    """Serve one HTML file at / on a free port, in brotli (quality 11) or gzip (-9) as the
    browser prefers, as a static host with precompressed files would; everything else is
    404. Yields the address."""
    body = path.read_bytes()
    packed = {coding: compress(body, coding) for coding in ("br", "gzip", "identity")}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path != "/":
                self.send_error(404)
                return
            coding = negotiate(self.headers.get("Accept-Encoding"))
            data = packed[coding]
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Vary", "Accept-Encoding")
            if coding != "identity":
                self.send_header("Content-Encoding", coding)
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def warm(site: str, page: bytes) -> None:
    """Ask each worker for the page and the story in brotli and gzip before measuring: each
    compresses them once, when a reader first asks (seconds for the story at brotli's
    quality 11), and a cold visit should measure the network, not that."""
    html = gzip_or_plain(page)
    addresses = [site + "/journey/"] + [
        site + address for address in re.findall(r'data-(?:story|rest)="([^"]+)"', html)
    ]
    static = [site + a for a in re.findall(r'data-(?:map|module)="([^"]+)"', html)]
    for round in range(6):  # gunicorn hands requests to either worker
        for address in addresses + static:
            for coding in ("br", "gzip"):
                request = urllib.request.Request(address, headers={"Accept-Encoding": coding})
                with urllib.request.urlopen(request, timeout=60) as answer:
                    size = len(answer.read())
                    if round == 0:
                        sent = answer.headers.get("Content-Encoding", "none")
                        print(f"  {address[len(site) :]} asked {coding}: {sent}, {size:,} B")


def gzip_or_plain(body: bytes) -> str:
    return (gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body).decode()


def viewport_size(text: str) -> tuple[int, int]:
    width, height = text.lower().split("x")
    return int(width), int(height)


def summary(runs: list[Run], name: str) -> tuple[float, float] | None:
    values = [getattr(run, name) for run in runs]
    if any(value is None for value in values):
        return None
    return statistics.median(values), max(values)


def cell(pair: tuple[float, float] | None, unit: str = "") -> str:
    if pair is None:
        return "–"
    return f"{pair[0]:,.0f} / {pair[1]:,.0f}{unit}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="cold visits per page and network")
    parser.add_argument(
        "--viewport", type=viewport_size, default=(1280, 720), help="WIDTHxHEIGHT, default 1280x720"
    )
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    args = parser.parse_args()
    facts = print_machine()

    results: list[dict[str, Any]] = []
    with (
        tempfile.TemporaryDirectory(prefix="crossing-bench-") as folder,
        production_site(workers=2) as site,
        sync_playwright() as playwright,
    ):
        bundle = Path(folder) / "journey.html"
        build_bundle(JOURNEY, bundle)
        page = get(site.url + "/journey/")
        print(
            f"/journey/: HTTP {page.status}, Content-Encoding: "
            f"{page.headers.get('content-encoding', 'none')}, {len(page.body):,} B sent"
        )
        warm(site.url, page.body)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        facts["chromium (Playwright)"] = browser.version
        with serve_file(bundle) as bundle_url:
            pages = [
                ("/journey/ (site, production)", site.url + "/journey/", True),
                ("bundle (crossing bundle, gzipped)", bundle_url, False),
            ]
            for network in NETWORKS:
                for label, url, s1 in pages:
                    runs = [
                        open_page(browser, url, network, s1, args.viewport)
                        for _ in range(args.runs)
                    ]
                    results.append({"page": label, "network": asdict(network), "runs": runs})
                    print(f"  {label}, {network.name}: done", file=sys.stderr)
        browser.close()

    header = [
        "page",
        "network",
        "first contentful paint ms",
        "§1 shown ms",
        "player's first scene ms",
        "playable ms",
        "rest of the story in ms",
        "transferred B (requests)",
    ]
    rows = []
    for result in results:
        runs: list[Run] = result["runs"]
        weight = statistics.median(run.transferred for run in runs)
        requests = statistics.median(run.requests for run in runs)
        rows.append(
            [
                result["page"],
                result["network"]["name"],
                cell(summary(runs, "fcp")),
                cell(summary(runs, "s1")),
                cell(summary(runs, "player")),
                cell(summary(runs, "playable")),
                cell(summary(runs, "rest")),
                f"{weight:,.0f} ({requests:.0f})",
            ]
        )
    print(f"\nMedian / max of {args.runs} cold visits; target ≤ {TARGET_MS:,} ms on slow 3G.\n")
    print(markdown_table(header, rows, labels=2))
    print(f"\nViewport {args.viewport[0]}×{args.viewport[1]} px. Where the text was when shown:")
    for result in results[-2:]:  # not throttled
        run = result["runs"][-1]
        if run.s1_box:
            print(f"  {result['page']}: §1's text at {run.s1_box[0]:,} px from the top")
        print(f"  {result['page']}: the player's first scene at {run.player_box[0]:,} px")
        print(f"  {result['page']}: time to first byte (not throttled) {run.ttfb:.0f} ms")

    print("\nFiles of the last visit to each page, not throttled (bytes as transferred):\n")
    for result in results:
        if result["network"]["latency_ms"] == 0:
            last: Run = result["runs"][-1]
            for url, size in last.files:
                print(f"  {size:>9,}  {url}")

    if args.json:
        for result in results:
            result["runs"] = [asdict(run) for run in result["runs"]]
        report = {"machine": facts, "target_ms": TARGET_MS, "results": results}
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}", file=sys.stderr)


if __name__ == "__main__":
    main()
