"""The outbox: how many emails a second one worker (`crossing worker`) sends, and how long
enqueuing them takes in the writer's transaction.

Why: issue 14 adds the outbox, and an operator wants to know how fast a burst of emails
(a screening called off, every reservation told) leaves. This enqueues N emails in one
transaction, then starts `crossing worker` against a local SMTP server (aiosmtpd, which
accepts everything) and times it until the server has every message, on SQLite and, with
--postgresql, on the PostgreSQL server it names (database crossing_bench_outbox, dropped
after). Each email is its own SMTP connection, as the worker sends them.

Run:  .venv/bin/python bench/bench_outbox.py --emails 1000 \
          [--postgresql postgres://postgres@127.0.0.1:5432]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from typing import Any

from _site import BIN, ROOT, print_machine
from aiosmtpd.controller import Controller
from bench_backup import postgresql
from measure import markdown_table

ENQUEUE = """
import time, django; django.setup()
from django.core.management import call_command
from django.db import transaction
from crossing.web.outbox.services import send_email
call_command("migrate", verbosity=0)
started = time.perf_counter()
with transaction.atomic():
    for n in range({emails}):
        send_email(to=f"reader{n}@example.org", subject=f"n{n}", text="Hello.", key=f"k{n}")
print(time.perf_counter() - started)
"""


def free_port() -> int:
    """A port for the SMTP server from the outbox's share (9300-9399)."""
    for port in range(9300, 9400):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port from 9300 to 9399")


class Counting:
    def __init__(self) -> None:
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            self.count += 1
        return "250 OK"


def measure(emails: int, server: str | None) -> list[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CROSSING_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)
    counting, port = Counting(), free_port()
    controller = Controller(counting, hostname="127.0.0.1", port=port)
    controller.start()
    with tempfile.TemporaryDirectory() as folder:
        env |= {
            "CROSSING_DATA_DIR": folder,
            "DJANGO_SETTINGS_MODULE": "crossing.web.settings",
            "CROSSING_EMAIL_URL": f"smtp://127.0.0.1:{port}",
        }
        if server:
            postgresql(server, 'DROP DATABASE IF EXISTS "crossing_bench_outbox" WITH (FORCE)')
            postgresql(server, 'CREATE DATABASE "crossing_bench_outbox"')
            env["DATABASE_URL"] = f"{server}/crossing_bench_outbox"
        worker = None
        try:
            done = subprocess.run(
                [sys.executable, "-c", ENQUEUE.replace("{emails}", str(emails))],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            enqueued = float(done.stdout)
            started = time.perf_counter()
            worker = subprocess.Popen(
                [str(BIN / "crossing"), "worker"], cwd=ROOT, env=env, stderr=subprocess.DEVNULL
            )
            while counting.count < emails:
                time.sleep(0.01)
            sent = time.perf_counter() - started
        finally:
            if worker is not None:
                worker.terminate()
                worker.wait()
            controller.stop()
            if server:
                postgresql(server, 'DROP DATABASE IF EXISTS "crossing_bench_outbox" WITH (FORCE)')
    database = "PostgreSQL" if server else "SQLite"
    return [
        database,
        f"{emails:,}",
        f"{enqueued * 1000 / emails:.2f} ms",
        f"{sent:.1f} s",
        f"{emails / sent:.0f}/s",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--emails", type=int, default=1000)
    parser.add_argument("--postgresql", metavar="SERVER_URL", help="also on this server")
    args = parser.parse_args()
    print_machine()
    servers = [None, args.postgresql] if args.postgresql else [None]
    results = [measure(args.emails, server) for server in servers]
    header = ["database", "emails", "enqueue, each", "all sent (worker start included)", "rate"]
    print(markdown_table(header, results, labels=2))


if __name__ == "__main__":
    main()
