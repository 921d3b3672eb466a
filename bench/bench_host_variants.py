"""Host header variants and the page cache: worker memory before and after 1,000 variants,
and requests/s of a page with a tracking parameter (issue 14, fault 3).

Why: Django's ALLOWED_HOSTS accepts a name in any case, with a trailing dot and with any
port, and the page cache once kept a copy of every page for each spelling, never evicted:
400 variants took gunicorn's workers from 282 to 551 MB. Done when 1,000 variants leave
each worker's memory within 10 % of its start. And an address with `?utm_source=x` was
rendered for each request (~83 requests/s of a page dropped to ~7).

How: `crossing serve --production --workers 2` on the first free port from 8700 to 8799,
with a temporary data folder (SQLite), CROSSING_NO_SSL_REDIRECT=1 and
CROSSING_ALLOWED_HOSTS=localhost,127.0.0.1 (any spelling of those names is accepted, with
any port, as the probe found). Every page below is first asked for 20 times with
`Host: localhost` (so that each worker has rendered it), then each worker's resident
memory (VmRSS in /proc/PID/status; the workers are the children of gunicorn's master, the
`crossing serve` process) is read: "start". Then 1,000 Host spellings, each new (the name
in mixed case, a trailing dot every other time, and in turn no port, the default port, the
server's own port and another port: `LoCaLhOsT.`, `lOCALHOST:80`, `localHOST.:8700`,
`LOCALhost:1003`, …), each asking for every page, 4 at a time, gzip accepted: "after".
The canonical link of the sources page says which address each spelling was given.
With --subdomains, ALLOWED_HOSTS is `.localhost` and the 1,000 hosts are different sites
(`site0.localhost`, …): the worst case, which the page cache's budget bounds.
Then, unless --no-wrk, for each of two pages (the sources, the whole gamebook), a 2 s
warm-up and `wrk -t2 -c10 -d10s URL`, without and with `?utm_source=x`. wrk shares the
machine's cores with gunicorn, so the rates are a floor. The server is always stopped.

Run the old code with the benchmark of the new: from a worktree of the old commit,
`PYTHONPATH=. /path/to/.venv/bin/python /path/to/bench_host_variants.py --root .`.

Run:  .venv/bin/python bench/bench_host_variants.py [--variants 1000] [--subdomains]
          [--site-url URL] [--no-wrk] [--json FILE]
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _site import free_port, print_machine
from measure import markdown_table

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent  # .venv/bin: crossing
PAGES = [
    "/",
    "/sources/",
    "/journey/",
    "/films/the-defector/",
    "/on-the-border/the-river/",
    "/journey/gamebook/railroad/",
]
WRK_PAGES = ["/sources/", "/journey/gamebook/"]
CANONICAL = re.compile(rb'<link rel="canonical" href="([^"]+)">')


@dataclass(frozen=True, slots=True)
class Server:
    port: int
    master: int  # the pid of `crossing serve`, gunicorn's arbiter
    log: Path


def request(port: int, path: str, host: str) -> tuple[int, bytes]:
    """One GET with this Host header (gzip accepted); the status and the plain body."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path, headers={"Host": host, "Accept-Encoding": "gzip"})
        answer = connection.getresponse()
        body = answer.read()
        if answer.getheader("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        return answer.status, body
    finally:
        connection.close()


@contextmanager
def production_site(
    root: Path, workers: int, site_url: str, allowed_hosts: str
) -> Iterator[Server]:
    with tempfile.TemporaryDirectory(prefix="crossing-bench-hosts-") as folder:
        data = Path(folder)
        port = free_port()
        # Only what this benchmark sets: SQLite in the folder, no Redis, no other settings.
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("CROSSING_", "DJANGO_")) and k not in ("DATABASE_URL", "REDIS_URL")
        }
        env |= {
            "CROSSING_DATA_DIR": str(data),
            "CROSSING_NO_SSL_REDIRECT": "1",
            "CROSSING_ALLOWED_HOSTS": allowed_hosts,
            "CROSSING_LOG_LEVEL": "WARNING",
        }
        if site_url:
            env["CROSSING_SITE_URL"] = site_url
        log = data / "server.log"
        command = [str(BIN / "crossing"), "serve", "--production"]
        command += ["--workers", str(workers), "--host", "127.0.0.1", "--port", str(port)]
        with log.open("wb") as sink:
            # Its own process group: the arbiter and its workers are stopped together.
            process = subprocess.Popen(
                command, cwd=root, env=env, stdout=sink, stderr=sink, start_new_session=True
            )
        server = Server(port, process.pid, log)
        try:
            wait_until_up(server, process, workers)
            yield server
        finally:
            stop(process)


def wait_until_up(server: Server, process: subprocess.Popen[bytes], workers: int) -> None:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = server.log.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"the server exited with {process.returncode}:\n{tail}")
        try:
            up = request(server.port, "/", "localhost")[0] == 200
            if up and len(worker_pids(server.master)) == workers:
                return
        except OSError:
            pass
        time.sleep(0.25)
    raise TimeoutError(f"no answer from port {server.port} in 180 s")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        pass


def worker_pids(master: int) -> list[int]:
    """gunicorn's workers: the processes whose parent is the arbiter."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # the process ended meanwhile
            continue
        # pid (comm) state ppid …: comm may hold spaces, so split after its ')'.
        parent = int(text.rsplit(")", 1)[1].split()[1])
        if parent == master:
            children.append(int(stat.parent.name))
    return sorted(children)


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for process {pid}")


def variants(count: int, server_port: int, seed: int = 14) -> list[str]:
    """`count` different spellings of `localhost`: mixed case, a trailing dot every other
    time, and in turn no port, the default port, the server's own port and another port
    (`LoCaLhOsT.`, `lOCALHOST:80`, `localHOST.:8700`, `LOCALhost:1003`, …)."""
    rng = random.Random(seed)
    hosts: list[str] = []
    while len(hosts) < count:
        number = len(hosts)
        cased = "".join(rng.choice((c.lower(), c.upper())) for c in "localhost")
        dot = "." if number % 2 == 0 else ""
        port = ["", ":80", f":{server_port}", f":{1000 + number}"][number % 4]
        if (host := cased + dot + port) not in hosts:
            hosts.append(host)
    return hosts


def subdomains(count: int) -> list[str]:
    """`count` different sites (with --subdomains, ALLOWED_HOSTS names every subdomain)."""
    return [f"site{number}.localhost" for number in range(count)]


def ask_every_page(port: int, host: str) -> tuple[Counter[int], bytes]:
    """Every page with this Host; the statuses and the sources page's canonical link."""
    statuses: Counter[int] = Counter()
    canonical = b""
    for path in PAGES:
        status, body = request(port, path, host)
        statuses[status] += 1
        if path == "/sources/":
            found = CANONICAL.search(body)
            canonical = found.group(1) if found else b"(none)"
    return statuses, canonical


def wrk(url: str, seconds: int) -> dict[str, Any]:
    command = ["wrk", "-t2", "-c10", f"-d{seconds}s", url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    non_ok = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if rate is None:
        raise RuntimeError(f"could not read wrk's report:\n{output}")
    return {
        "command": " ".join(command),
        "requests_per_second": float(rate.group(1)),
        "non_2xx_3xx": int(non_ok.group(1)) if non_ok else 0,
    }


def measure(args: argparse.Namespace) -> dict[str, Any]:
    report: dict[str, Any] = {}
    allowed = ".localhost,127.0.0.1" if args.subdomains else "localhost,127.0.0.1"
    with production_site(args.root, args.workers, args.site_url, allowed) as server:
        for path in PAGES:  # each worker renders each page for the usual host
            for _ in range(20):
                status, _body = request(server.port, path, "localhost")
                if status != 200:
                    raise RuntimeError(f"{path}: HTTP {status}")
        workers = worker_pids(server.master)
        start = {pid: rss_kib(pid) for pid in workers}

        if args.subdomains:
            hosts = subdomains(args.variants)
        else:
            hosts = variants(args.variants, server.port)
        statuses: Counter[int] = Counter()
        canonicals: Counter[bytes] = Counter()
        began = time.monotonic()
        with ThreadPoolExecutor(max_workers=4) as pool:
            for answered, canonical in pool.map(lambda h: ask_every_page(server.port, h), hosts):
                statuses += answered
                canonicals[canonical] += 1
        seconds = time.monotonic() - began
        if worker_pids(server.master) != workers:
            raise RuntimeError(
                "a worker was restarted during the run: its memory is not comparable"
            )
        after = {pid: rss_kib(pid) for pid in workers}
        report["memory"] = {
            "workers": [
                {"pid": pid, "start_kib": start[pid], "after_kib": after[pid]} for pid in workers
            ],
            "variants": len(hosts),
            "kind": "subdomains" if args.subdomains else "variants",
            "first_hosts": hosts[:6],
            "requests": sum(statuses.values()),
            "statuses": dict(statuses),
            "seconds": seconds,
            "distinct_canonical_links": len(canonicals),
            "example_canonical_links": [c.decode() for c, _ in canonicals.most_common(3)],
        }

        if args.wrk:
            rates = []
            for path in WRK_PAGES:
                for query in ("", "?utm_source=x"):
                    url = f"http://127.0.0.1:{server.port}{path}{query}"
                    wrk(url, 2)  # warm-up, not recorded
                    rates.append({"path": path + query, **wrk(url, args.duration)})
            report["wrk"] = rates
    return report


def print_report(report: dict[str, Any]) -> None:
    memory = report["memory"]
    print(
        f"\n{memory['variants']:,} Host {memory['kind']} × {len(PAGES)} pages: "
        f"{memory['requests']:,} requests in {memory['seconds']:.0f} s, statuses "
        f"{memory['statuses']}; {memory['distinct_canonical_links']:,} different canonical "
        f"links of /sources/ (most given: {', '.join(memory['example_canonical_links'])}); "
        f"the first hosts sent: {', '.join(memory['first_hosts'])}\n"
    )
    rows = []
    for worker in memory["workers"]:
        start, after = worker["start_kib"] / 1024, worker["after_kib"] / 1024
        change = (after - start) / start * 100
        rows.append([f"worker {worker['pid']}", f"{start:.1f}", f"{after:.1f}", f"{change:+.1f} %"])
    print(markdown_table(["gunicorn worker", "start MB (RSS)", "after MB (RSS)", "change"], rows))
    if "wrk" in report:
        print()
        print(
            markdown_table(
                ["address", "requests/s", "non-2xx"],
                [
                    [f"`{r['path']}`", f"{r['requests_per_second']:,.1f}", str(r["non_2xx_3xx"])]
                    for r in report["wrk"]
                ],
            )
        )


def served_commit(root: Path) -> str:
    command = ["git", "-C", str(root), "describe", "--always", "--dirty"]
    return subprocess.run(command, capture_output=True, text=True, check=False).stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--variants", type=int, default=1000, help="Host spellings to send")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--site-url", default="", help="CROSSING_SITE_URL for the server")
    parser.add_argument(
        "--subdomains",
        action="store_true",
        help="different sites (site1.localhost, …) instead of spellings of one: the budget",
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds of each wrk run")
    parser.add_argument("--no-wrk", dest="wrk", action="store_false", help="memory only")
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to serve")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    args = parser.parse_args()
    facts = print_machine() | {"served_commit": served_commit(args.root)}
    print(f"serving {args.root} at {facts['served_commit']}")
    report = measure(args) | {"machine": facts, "settings": {**vars(args), "root": str(args.root)}}
    print_report(report)
    if args.json:
        report["settings"]["json"] = str(args.json)
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}", file=sys.stderr)


if __name__ == "__main__":
    main()
