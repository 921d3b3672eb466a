"""Backups: how long `crossing backup` and `crossing restore` take for N rows, and the size
of the file.

Why: issue 14 adds backups, and an operator wants to know what one costs as the database
grows. This fills a new database with N ending counts (the one table today; a row of
another table costs about the same), then times `crossing backup --out FILE` and
`crossing restore FILE` into a new, empty database, each in a fresh process as an operator
runs them (Python and Django's start included), on SQLite and, with --postgresql, on the
PostgreSQL server it names (databases crossing_bench_backup_*, dropped after).

Run:  .venv/bin/python bench/bench_backup.py --rows 1000,100000 \
          [--postgresql postgres://postgres@127.0.0.1:5432]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _site import BIN, ROOT, print_machine
from measure import markdown_table

FILL = """
import django; django.setup()
from django.core.management import call_command
from django.db import connection
call_command("migrate", verbosity=0)
with connection.cursor() as cursor:
    cursor.executemany(
        "INSERT INTO journey_endingcount (story, version, ending, count) VALUES (%s, %s, %s, %s)",
        [("crossing-journey", "3", f"ending-{n}", n) for n in range({rows})],
    )
"""


def run(env: dict[str, str], *command: str) -> float:
    """Run `command` in the site `env` names; wall-clock seconds."""
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    return time.perf_counter() - started


def postgresql(server: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(statement)


def site(folder: Path, name: str, server: str | None) -> dict[str, str]:
    """The environment of a new site: a data folder, and SQLite in it or a new database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CROSSING_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)
    env |= {
        "CROSSING_DATA_DIR": str(folder / name),
        "DJANGO_SETTINGS_MODULE": "crossing.web.settings",
    }
    if server:
        database = f"crossing_bench_backup_{name}"
        postgresql(server, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        postgresql(server, f'CREATE DATABASE "{database}"')
        env["DATABASE_URL"] = f"{server}/{database}"
    return env


def measure(rows: int, server: str | None) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        source, target = site(root, "source", server), site(root, "target", server)
        try:
            run(source, sys.executable, "-c", FILL.replace("{rows}", str(rows)))
            backup = root / "backup.jsonl.gz"
            taken = run(source, str(BIN / "crossing"), "backup", "--out", str(backup))
            restored = run(target, str(BIN / "crossing"), "restore", str(backup))
            size = backup.stat().st_size
        finally:
            if server:
                for name in ("source", "target"):
                    postgresql(server, f'DROP DATABASE IF EXISTS "crossing_bench_backup_{name}"')
    database = "PostgreSQL" if server else "SQLite"
    return [database, f"{rows:,}", f"{taken:.1f} s", f"{restored:.1f} s", f"{size:,} B"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", default="1000,100000", help="comma-separated row counts")
    parser.add_argument("--postgresql", metavar="SERVER_URL", help="also on this server")
    args = parser.parse_args()
    print_machine()
    servers = [None, args.postgresql] if args.postgresql else [None]
    results = [measure(int(rows), server) for server in servers for rows in args.rows.split(",")]
    header = ["database", "rows", "backup", "restore", "file"]
    print(markdown_table(header, results, labels=2))


if __name__ == "__main__":
    main()
