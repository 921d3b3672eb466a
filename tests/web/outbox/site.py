"""A site's data folder and database for a test that runs the worker as a process:
SQLite in the folder, or a scratch PostgreSQL database where the suite runs on one."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..scratch_database import scratch_postgresql
from ..test_settings_and_serve import ROOT, environment

CROSSING = str(Path(sys.executable).parent / "crossing")

# Enqueue emails n0 .. n0+count-1 in ONE transaction, as a site's write would.
ENQUEUE = """
import os, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "crossing.web.settings"
import django
django.setup()
from django.core.management import call_command
from django.db import transaction
from crossing.web.outbox import services
from crossing.web.outbox.models import Message
call_command("migrate", verbosity=0)
action, first, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
if action == "retry":
    print(services.retry(messages=Message.objects.all()))
else:
    with transaction.atomic():
        for n in range(first, first + count):
            services.send_email(
                to=f"reader{n}@example.org", subject=f"message {n}", text="Hello.",
                key=f"message-{n}",
            )
"""


@dataclass
class Site:
    data: Path
    database_url: str | None

    def env(self, **more: str) -> dict[str, str]:
        database = {"DATABASE_URL": self.database_url} if self.database_url else {}
        return environment(self.data, **database, **more)

    def script(self, *arguments: str) -> str:
        done = subprocess.run(
            [sys.executable, "-c", ENQUEUE, *arguments],
            env=self.env(),
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def enqueue(self, count: int, first: int = 0) -> None:
        self.script("enqueue", str(first), str(count))

    def retry_failed(self) -> int:
        return int(self.script("retry", "0", "0"))

    def rows(self) -> list[dict[str, Any]]:
        """The outbox, read straight from the database (status, tries, last_error)."""
        sql = "SELECT key, status, tries, last_error FROM outbox_message ORDER BY id"
        if self.database_url:
            import psycopg

            with psycopg.connect(self.database_url) as connection:
                found = connection.execute(sql).fetchall()
        else:
            with sqlite3.connect(self.data / "db.sqlite3") as connection:
                found = connection.execute(sql).fetchall()
        return [
            dict(zip(("key", "status", "tries", "last_error"), row, strict=True)) for row in found
        ]

    def worker(self, mail_url: str, **settings: str) -> subprocess.Popen[bytes]:
        """`crossing worker`, its output appended to worker.log in the data folder."""
        with (self.data / "worker.log").open("ab") as log:
            return subprocess.Popen(
                [CROSSING, "worker"],
                env=self.env(CROSSING_EMAIL_URL=mail_url, **settings),
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
            )


@contextmanager
def new_site(folder: Path, name: str) -> Iterator[Site]:
    with scratch_postgresql(f"crossing_outbox_{name}_{os.getpid()}") as url:
        yield Site(folder, url)
