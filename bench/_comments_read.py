"""Reading a post that holds many comments: requests/s of the page as the page cache keeps
it and as rendered for every request (`?replytocom=<id>` is never kept), measured with wrk,
and how long an approval takes to show in every worker (models.page_changed).

The comments are written straight into the run's database by a Django process of the site's
own (approved, threaded up to depth 5 with at least one thread that deep, the same every
run), as moderators' approvals would leave them; the approval is moderation.approve, as the
admin's action calls it.

Not a benchmark: imported by load_comments.py (the script's folder is on sys.path)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from _comments import exchange
from _server import HarnessError

SEED = """
import json, random, sys
import django
django.setup()
from django.db import transaction
from crossing.web.comments.models import Comment, Status, page_changed
page, count = sys.argv[1], int(sys.argv[2])
chance = random.Random(1)
made = []
with transaction.atomic():
    for n in range(count):
        open_threads = [c for c in made if c.depth < 5]
        if n < 5:  # one thread as deep as threads go, then replies anywhere
            parent = made[-1] if made else None
        else:
            parent = chance.choice(open_threads) if chance.random() < 0.6 else None
        made.append(Comment.objects.create(
            page=page, parent=parent, depth=parent.depth + 1 if parent else 1,
            name=f"Reader {n}", email=f"reader{n}@read.example.org",
            text=f"Comment {n}, approved.\\n\\nA second paragraph with a few more words.",
            status=Status.APPROVED, key=f"bench-read-{n}",
        ))
    page_changed(page)
print(json.dumps({"first": made[0].pk, "depths": sorted({c.depth for c in made})}))
"""

APPROVE = """
import sys, time
import django
django.setup()
from crossing.web.comments import moderation
from crossing.web.comments.models import Comment, Status
page = sys.argv[1]
comment = Comment.objects.create(
    page=page, name="Held reader", email="held@read.example.org",
    text="A comment held, then approved.", status=Status.HELD, key="bench-read-held",
)
print(comment.pk, flush=True)
sys.stdin.readline()
moderation.approve(comment, None, note="load harness")  # one transaction, committed
print(time.time(), flush=True)
"""


def django_process(
    script: str, arguments: list[str], environment: dict[str, str], code: Path
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *arguments],
        cwd=code,
        env={
            **environment,
            "PYTHONPATH": str(code),
            "DJANGO_SETTINGS_MODULE": "crossing.web.settings",
        },
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def seed(page: str, count: int, environment: dict[str, str], code: Path) -> dict[str, Any]:
    process = django_process(SEED, [page, str(count)], environment, code)
    out, err = process.communicate(timeout=300)
    if process.returncode != 0:
        raise HarnessError(f"could not store {count} approved comments:\n{err[-2000:]}")
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


@dataclass(frozen=True, slots=True)
class Wrk:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    not_2xx: int
    socket_errors: int  # connect, read, write and timeout errors together


def milliseconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()  # type: ignore[union-attr]
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


def wrk(url: str, *, seconds: int, connections: int, threads: int) -> Wrk:
    if shutil.which("wrk") is None:
        raise HarnessError("wrk is not installed (apt-get install wrk), or leave out --read")
    # wrk's own timeout is 2 s: a slower answer would count as an error, not a latency.
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "60s"]
    command += ["--latency", url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    per_second = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.M)
    if not (per_second and total and p50 and p99):
        raise HarnessError(f"could not read wrk's output:\n{output}")
    other = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return Wrk(
        requests_per_second=float(per_second.group(1)),
        p50_ms=milliseconds(p50.group(1)),
        p99_ms=milliseconds(p99.group(1)),
        requests=int(total.group(1)),
        not_2xx=int(other.group(1)) if other else 0,
        socket_errors=sum(int(n) for n in errors.groups()) if errors else 0,
    )


def approval_shows(
    port: int, page: str, environment: dict[str, str], code: Path, *, in_a_row: int = 40
) -> dict[str, float]:
    """Approve a held comment, then ask for the page until it shows it `in_a_row` times in a
    row (with several workers, each must have rendered the page again): seconds from the
    approval's commit to the first answer showing it, and to the last of the row."""
    process = django_process(APPROVE, [page], environment, code)
    assert process.stdin is not None and process.stdout is not None
    identifier = process.stdout.readline().strip()
    if not identifier.isdigit():
        process.kill()
        raise HarnessError(f"could not store a held comment: {process.communicate()[1][-2000:]}")
    anchor = f'id="comment-{identifier}"'
    if anchor in exchange(port, "GET", page).body:
        raise HarnessError("a held comment shows on the page before its approval")
    process.stdin.write("\n")
    process.stdin.flush()
    committed = float(process.stdout.readline())
    process.wait(timeout=60)
    first = None
    row = 0
    deadline = time.time() + 60
    while row < in_a_row and time.time() < deadline:
        shows = anchor in exchange(port, "GET", page).body
        row = row + 1 if shows else 0
        if shows and first is None:
            first = time.time() - committed
    if row < in_a_row:
        raise HarnessError("an approved comment did not show on its page within 60 s")
    assert first is not None
    return {
        "first_seconds": round(first, 4),
        "all_workers_seconds": round(time.time() - committed, 4),
    }


def read_phase(
    port: int,
    page: str,
    environment: dict[str, str],
    code: Path,
    *,
    comments: int,
    seconds: int,
    connections: int,
) -> dict[str, Any]:
    seeded = seed(page, comments, environment, code)
    url = f"http://127.0.0.1:{port}{page}"
    shown = exchange(port, "GET", page).body
    count = len(re.findall(r'id="comment-\d+"', shown))
    rendered_url = f"{url}?replytocom={seeded['first']}"
    results: dict[str, Any] = {
        "comments": comments,
        "comments_shown": count,
        "depths": seeded["depths"],
        "page_bytes": len(shown.encode()),
        "connections": connections,
        "seconds": seconds,
    }
    for name, address in (("cached", url), ("rendered", rendered_url)):
        exchange(port, "GET", address.removeprefix(f"http://127.0.0.1:{port}"))  # warm
        results[name] = asdict(wrk(address, seconds=seconds, connections=connections, threads=2))
    results["approval"] = approval_shows(port, page, environment, code)
    return results
