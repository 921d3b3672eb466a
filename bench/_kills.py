"""Killing one process of the running site mid-run, as the kernel's out-of-memory killer or
a crash would: one gunicorn worker (its master starts another), the outbox's worker
(`crossing serve` starts another), or the whole server (started again on the same data).
A killer thread spreads the kills over a run by how far the run has got.

Not a benchmark: imported by load_comments.py and load_screenings.py (moved here from
load_comments.py, which both share)."""

from __future__ import annotations

import os
import random
import signal
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from _server import HarnessError, Server


def children(parent: int) -> dict[int, str]:
    """The live processes whose parent is `parent`, with their command lines (Linux)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        state, ppid = stat.rsplit(")", 1)[1].split()[:2]
        if int(ppid) == parent and state != "Z":
            found[int(entry.name)] = command
    return found


def is_outbox(command: str) -> bool:
    return "crossing.web.outbox" in command


@dataclass(frozen=True, slots=True)
class Kill:
    what: str  # "gunicorn worker", "outbox worker" or "the whole server"
    at_share: float  # how far the run was
    seconds_to_replace: float  # until a new process of the kind ran


def kill_one(server: Server, outbox: bool, done: float) -> Kill:
    """SIGKILL one gunicorn worker (its master starts another) or the outbox's worker
    (`crossing serve` starts another); wait until the replacement runs."""
    assert server.process is not None
    master = server.process.pid
    before = {pid for pid, cmd in children(master).items() if is_outbox(cmd) == outbox}
    if not before:
        raise HarnessError(f"no {'outbox' if outbox else 'gunicorn'} worker to kill")
    victim = random.choice(sorted(before))
    started = time.monotonic()
    os.kill(victim, signal.SIGKILL)
    while time.monotonic() - started < 60:
        now = {pid for pid, cmd in children(master).items() if is_outbox(cmd) == outbox}
        if now - before and victim not in now:
            break
        time.sleep(0.01)
    else:
        raise HarnessError(f"60 s after kill -9 of {victim}, nothing took its place")
    name = "outbox worker" if outbox else "gunicorn worker"
    return Kill(name, round(done, 2), round(time.monotonic() - started, 3))


def kill_everything(server: Server, done: float) -> Kill:
    """SIGKILL the master, its workers and the outbox's worker at once, and start the site
    again on the same data (as bench/load.py --kill does)."""
    down = server.kill_and_restart()
    return Kill("the whole server", round(done, 2), round(down.seconds_down, 3))


class Progress(Protocol):
    def done(self) -> int:
        """How many of the run's writes have been answered."""
        ...


def killer(
    server: Server,
    tally: Progress,
    total: int,
    plan: tuple[int, int, int],
    kills: list[Kill],
    finished: threading.Event,
) -> threading.Thread:
    """Kill gunicorn workers, outbox workers and the whole server evenly over the run, each
    kind in turn (worker, outbox, server, worker, …) while it has kills left."""
    order = [kind for n in range(max(plan)) for kind, of in enumerate(plan) if n < of]

    def run() -> None:
        for number, kind in enumerate(order, start=1):
            share = number / (len(order) + 1)
            while tally.done() < share * total:
                if finished.is_set():
                    return
                time.sleep(0.01)
            done = tally.done() / total
            kills.append(
                kill_everything(server, done) if kind == 2 else kill_one(server, kind == 1, done)
            )

    thread = threading.Thread(target=run, name="killer", daemon=True)
    thread.start()
    return thread
