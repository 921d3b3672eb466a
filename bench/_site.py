"""What the site benchmarks share: the machine's description, the production site started
on a free port with a throwaway data folder, plain HTTP requests, the journey page's
assets, and `crossing bundle`.

Not a benchmark: imported by bench_player_size.py, bench_bundle.py, bench_first_scene.py
and bench_journey_page.py (the script's folder is on sys.path when they run)."""

from __future__ import annotations

import datetime
import gzip
import os
import platform
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from crossing.web.chromium import CHROMIUM

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent  # .venv/bin: crossing, gunicorn
STATIC = ROOT / "crossing" / "web" / "static" / "crossing"
JOURNEY = ROOT / "content" / "journey"
EXAMPLE = ROOT / "examples" / "market-day"


def gz(data: bytes) -> int:
    """Bytes after gzip -9 (mtime 0, no file name: the smallest header)."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def machine() -> dict[str, str]:
    """The facts docs/performance.md records beside every figure."""
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = next(
        line.split()[1]
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal:")
    )
    chromium = subprocess.run(
        [CHROMIUM, "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit,
        "cpus": str(os.cpu_count()),
        "cpu": cpu,
        "memory": f"{int(memory) / 1024**2:.1f} GiB",
        "python": platform.python_version(),
        "chromium": chromium,
    }


def print_machine() -> dict[str, str]:
    facts = machine()
    print(" · ".join(f"{key}: {value}" for key, value in facts.items()))
    return facts


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    headers: dict[str, str]  # names in lower case
    body: bytes  # as sent: compressed if content-encoding says so

    @property
    def text(self) -> str:
        data = self.body
        if self.headers.get("content-encoding") == "gzip":
            data = gzip.decompress(data)
        return data.decode("utf-8")


def get(url: str, *, compressed: bool = True) -> Response:
    """One GET, asking for gzip (or not); the body is kept as it came over the wire."""
    request = urllib.request.Request(url)
    request.add_header("Accept-Encoding", "gzip" if compressed else "identity")
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            headers = {k.lower(): v for k, v in answer.headers.items()}
            return Response(answer.status, headers, answer.read())
    except urllib.error.HTTPError as error:
        headers = {k.lower(): v for k, v in error.headers.items()}
        return Response(error.code, headers, error.read())


@dataclass(frozen=True, slots=True)
class Site:
    url: str  # http://127.0.0.1:PORT, no trailing slash
    data_dir: Path
    log: Path


@contextmanager
def production_site(workers: int = 2, timeout: float = 180.0) -> Iterator[Site]:
    """`crossing serve --production` on a free port with a temporary data folder.

    On first start it migrates, collects the static files (hashed and gzipped) and computes
    the journey's odds (a few seconds). TLS is a proxy's job in production, so the redirect
    to https is turned off (CROSSING_NO_SSL_REDIRECT) to reach gunicorn over plain HTTP.
    gunicorn's access log goes to a file in the data folder. The server is always stopped."""
    with tempfile.TemporaryDirectory(prefix="crossing-bench-") as folder:
        data_dir = Path(folder)
        log = data_dir / "server.log"
        port = free_port()
        env = {
            **os.environ,
            "CROSSING_DATA_DIR": str(data_dir),
            "CROSSING_NO_SSL_REDIRECT": "1",
            "CROSSING_LOG_LEVEL": "WARNING",
        }
        command = [str(BIN / "crossing"), "serve", "--production"]
        command += ["--workers", str(workers), "--port", str(port)]
        with log.open("wb") as sink:
            # Its own process group: gunicorn's arbiter and workers are stopped together.
            server = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=sink, stderr=sink, start_new_session=True
            )
        site = Site(f"http://127.0.0.1:{port}", data_dir, log)
        try:
            _wait_until_up(site, server, timeout)
            yield site
        finally:
            _stop(server)


def _wait_until_up(site: Site, server: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            tail = site.log.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"the server exited with {server.returncode}:\n{tail}")
        try:
            if get(site.url + "/journey/").status == 200:
                return
        except OSError:
            pass
        time.sleep(0.25)
    raise TimeoutError(f"no answer from {site.url} in {timeout:.0f} s")


def _stop(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is not None:
        return
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()
    except ProcessLookupError:
        pass


@dataclass(frozen=True, slots=True)
class JourneyAssets:
    """The addresses the journey page names (hashed in production)."""

    styles: list[str]
    script: str
    story: str
    map: str
    icon: str


def journey_assets(html: str) -> JourneyAssets:
    def one(pattern: str) -> str:
        found = re.search(pattern, html)
        if found is None:
            raise ValueError(f"the journey page has no {pattern!r}")
        return found.group(1)

    return JourneyAssets(
        styles=re.findall(r'<link rel="stylesheet" href="([^"]+)"', html),
        script=one(r'<script type="module" src="([^"]+)"'),
        story=one(r'data-story="([^"]+)"'),
        map=one(r'data-map="([^"]+)"'),
        icon=one(r'<link rel="icon" href="([^"]+)"'),
    )


def gamebook_pages(html: str) -> list[str]:
    """The gamebook's chapter pages linked from a page, as /journey/gamebook/ID/."""
    found = re.findall(r'href="(/journey/gamebook/[\w-]+/)(?:#[^"]*)?"', html)
    return sorted(set(found))


def build_bundle(story: Path, output: Path, locale: str | None = None) -> float:
    """`crossing bundle STORY [--locale LL] -o OUTPUT` in a fresh process; its wall-clock
    seconds."""
    started = time.perf_counter()
    language = ["--locale", locale] if locale else []
    subprocess.run(
        [str(BIN / "crossing"), "bundle", str(story), *language, "-o", str(output)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started
