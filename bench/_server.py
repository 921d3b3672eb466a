"""The site a load test drives, and the database it writes to.

`crossing serve --production` runs as a subprocess in a session of its own, so that one
`kill -9` of its process group stops gunicorn's master and every worker at once, as a
power cut or the kernel's out-of-memory killer would; it is then started again on the same
data folder and database. The database is a fresh one, created for the run and dropped after
it: SQLite in a temporary data folder, or a new PostgreSQL database beside DATABASE_URL's.

Not a benchmark: imported by load.py (the script's folder is on sys.path when it runs)."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from _site import ROOT, get

DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432"


class HarnessError(Exception):
    """The load test could not run (no database, a server that does not start): said plainly."""


# --- The database ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Database:
    """Where the site stores what it is sent, read directly rather than through the site."""

    kind: Literal["sqlite", "postgres"]
    location: str  # the SQLite file, or the PostgreSQL URL of the database

    @property
    def environment(self) -> dict[str, str]:
        """What tells the site to use it (SQLite is the default, in the data folder)."""
        return {"DATABASE_URL": self.location} if self.kind == "postgres" else {}

    def scalar(self, query: str) -> int:
        """One number from one SQL query."""
        if self.kind == "sqlite":
            # Read-only: the harness must not take the write lock the site needs.
            reader = sqlite3.connect(f"file:{self.location}?mode=ro", uri=True, timeout=30)
            with closing(reader) as db:
                row = db.execute(query).fetchone()
        else:
            import psycopg

            with psycopg.connect(self.location, connect_timeout=10) as db:
                row = db.execute(query).fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def rows(self, query: str, parameters: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        """Every row of one SQL query; parameters are written `?` (SQLite's way)."""
        if self.kind == "sqlite":
            reader = sqlite3.connect(f"file:{self.location}?mode=ro", uri=True, timeout=30)
            with closing(reader) as db:
                return list(db.execute(query, parameters).fetchall())
        import psycopg

        with psycopg.connect(self.location, connect_timeout=10) as db:
            return list(db.execute(query.replace("?", "%s"), parameters).fetchall())


def postgres_server(url: str | None) -> str:
    """The server part of a PostgreSQL URL (no database name): where to create one."""
    if not url:
        return DEFAULT_POSTGRES
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql"):
        raise HarnessError(f"{url!r} is not a PostgreSQL URL (postgres://user@host:port)")
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, "", "", ""))


@contextmanager
def fresh_database(
    kind: Literal["sqlite", "postgres"],
    data_dir: Path,
    server: str,
    *,
    keep: bool = False,
    prefix: str = "crossing_load",
) -> Iterator[Database]:
    """An empty database for one run: the site's SQLite file in `data_dir` (created by the
    site's migrations), or `<prefix>_<pid>` on the PostgreSQL `server`, dropped after the
    run unless `keep`. Harnesses that may run at once on one server use prefixes apart."""
    if kind == "sqlite":
        yield Database("sqlite", str(data_dir / "db.sqlite3"))
        return
    import psycopg

    name = f"{prefix}_{os.getpid()}"
    try:
        admin = psycopg.connect(f"{server}/postgres", autocommit=True, connect_timeout=10)
    except psycopg.OperationalError as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else "no answer"
        raise HarnessError(
            f"cannot reach PostgreSQL at {server} ({reason}); start it, or name another "
            "server with --postgres (or DATABASE_URL)"
        ) from None
    with admin:
        try:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
        except psycopg.Error as error:
            raise HarnessError(f"cannot create the database {name} at {server}: {error}") from None
        try:
            yield Database("postgres", f"{server}/{name}")
        finally:
            if keep:
                print(f"kept the PostgreSQL database {server}/{name}", file=sys.stderr)
            else:
                # FORCE: connections of a killed server may not have been noticed yet.
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def data_folder(keep: bool) -> Iterator[Path]:
    """A temporary data folder (secret key, SQLite, collected static files, server logs)."""
    folder = Path(tempfile.mkdtemp(prefix="crossing-load-"))
    try:
        yield folder
    finally:
        if keep:
            print(f"kept the data folder {folder}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)


# --- The server --------------------------------------------------------------------------


def ephemeral_ports() -> range:
    """The ports the kernel gives outgoing connections. The site's port must be outside
    them: while the server is down, a client's connection could otherwise take its port
    (and even connect to itself), and the restarted server could not listen."""
    try:
        low, high = Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()
        return range(int(low), int(high) + 1)
    except (OSError, ValueError):
        return range(32768, 61000)


def port_is_free(port: int) -> bool:
    """Whether a server could listen on 127.0.0.1:port now (as gunicorn does: SO_REUSEADDR,
    so connections of a killed server waiting in TIME_WAIT do not count)."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def free_port() -> int:
    """A free port below the ephemeral range."""
    candidates = list(range(10_000, ephemeral_ports().start))
    random.shuffle(candidates)
    for port in candidates[:200]:
        if port_is_free(port):
            return port
    raise HarnessError("found no free port between 10000 and the ephemeral range")


def group_members(group: int) -> list[int]:
    """The processes of a process group that are still running (Linux's /proc). Zombies are
    left out: they hold no socket or file, and whoever adopted them reaps them."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # it ended meanwhile
            continue
        # pid (comm) state ppid pgrp …: comm may hold spaces and parentheses.
        state, _parent, process_group = stat.rsplit(")", 1)[1].split()[:3]
        if int(process_group) == group and state != "Z":
            members.append(int(entry.name))
    return members


@dataclass(frozen=True, slots=True)
class Kill:
    """One `kill -9` of the whole server, and how long it took to answer again."""

    processes: int  # the master and its workers (and anything else the site started)
    seconds_down: float  # from the kill until the restarted site answered


class Server:
    """`crossing serve --production` on a port, started, killed and started again."""

    def __init__(
        self,
        *,
        workers: int,
        port: int,
        data_dir: Path,
        environment: dict[str, str],
        code: Path = ROOT,
        start_timeout: float = 180.0,
    ) -> None:
        self.workers = workers
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.data_dir = data_dir
        self.code = code
        self.start_timeout = start_timeout
        self.environment = environment
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0

    @property
    def log(self) -> Path:
        return self.data_dir / f"server-{self.starts}.log"

    def start(self) -> float:
        """Start the site and wait until it answers; the seconds that took."""
        started = time.monotonic()
        self.starts += 1
        # The site's code is imported from `code` (another checkout, to measure before and
        # after a change), run by this Python, whose environment has the dependencies.
        command = [sys.executable, "-c", "from crossing.cli import main; main()", "serve"]
        command += ["--production", "--workers", str(self.workers), "--port", str(self.port)]
        environment = {**self.environment, "PYTHONPATH": str(self.code)}
        with self.log.open("wb") as sink:
            # A session of its own: one killpg reaches the master and all its workers.
            self.process = subprocess.Popen(
                command,
                cwd=self.code,
                env=environment,
                stdin=subprocess.DEVNULL,
                stdout=sink,
                stderr=sink,
                start_new_session=True,
            )
        self._wait_until_it_answers(started)
        return time.monotonic() - started

    def _wait_until_it_answers(self, started: float) -> None:
        assert self.process is not None
        while time.monotonic() - started < self.start_timeout:
            if self.process.poll() is not None:
                raise HarnessError(
                    f"the site stopped with status {self.process.returncode} before it "
                    f"answered; the end of its log ({self.log}):\n{self.log_tail()}"
                )
            try:
                if get(self.url + "/journey/").status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        self.stop()
        raise HarnessError(
            f"the site did not answer at {self.url}/journey/ within {self.start_timeout:.0f} s "
            f"(--start-timeout); the end of its log ({self.log}):\n{self.log_tail()}"
        )

    def log_tail(self, lines: int = 15) -> str:
        try:
            text = self.log.read_text(errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])

    def kill(self) -> int:
        """`kill -9` the master and its workers at once; return once none of them runs and
        the port is free again. How many processes were killed."""
        assert self.process is not None
        group = self.process.pid  # start_new_session: the group's id is the master's pid
        members = len(group_members(group))
        with suppress(ProcessLookupError):  # it had stopped on its own
            os.killpg(group, signal.SIGKILL)
        self.process.wait()
        deadline = time.monotonic() + 30
        while group_members(group) or not port_is_free(self.port):
            if time.monotonic() > deadline:
                raise HarnessError(
                    f"30 s after kill -9, processes {group_members(group)} of the old server "
                    f"still run or port {self.port} is still taken"
                )
            time.sleep(0.02)
        return members

    def kill_and_restart(self) -> Kill:
        started = time.monotonic()
        processes = self.kill()
        self.start()
        return Kill(processes, time.monotonic() - started)

    def stop(self) -> None:
        """Stop gracefully (SIGTERM: gunicorn finishes the requests it is answering)."""
        if self.process is None or self.process.poll() is not None:
            return
        group = self.process.pid
        with suppress(ProcessLookupError):
            os.killpg(group, signal.SIGTERM)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            with suppress(ProcessLookupError):
                os.killpg(group, signal.SIGKILL)
            self.process.wait()
        deadline = time.monotonic() + 30
        while group_members(group) and time.monotonic() < deadline:
            time.sleep(0.05)


def site_environment(
    *,
    data_dir: Path,
    database: Database,
    redis: str | None,
    content: Path | None,
    rate_limit: int | None,
) -> dict[str, str]:
    """The site's environment: this one without any Crossing, Django, database or cache
    setting (the run names its own), plus the run's."""
    inherited = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("CROSSING_", "DJANGO_"))
        and name not in ("DATABASE_URL", "REDIS_URL", "PYTHONPATH")
    }
    return {
        **inherited,
        **database.environment,
        **({"REDIS_URL": redis} if redis else {}),
        **({"CROSSING_CONTENT_DIR": str(content.resolve())} if content else {}),
        "CROSSING_DATA_DIR": str(data_dir),
        # TLS is a proxy's job in production; the harness speaks plain HTTP to gunicorn.
        "CROSSING_NO_SSL_REDIRECT": "1",
        # Every client comes from 127.0.0.1: without --rate-limit, the limit refuses nothing.
        "CROSSING_ENDING_RATE": str(rate_limit if rate_limit is not None else 1_000_000_000),
        "CROSSING_LOG_LEVEL": "WARNING",
    }


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def run_harness(
    script: str,
    args: Any,
    load_test: Callable[[Any], dict[str, Any]],
    text: Callable[[dict[str, Any]], str],
) -> int:
    """A load harness's main: run it (SIGTERM stops it as Ctrl+C does, so the server is
    stopped and the database dropped), print its report as text or --json, and exit 0 when
    the verdict holds, 1 when it does not, 2 when it could not run, 130 when interrupted."""
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        result = load_test(args)
    except HarnessError as error:
        print(f"{script}: {error}", file=sys.stderr, flush=True)
        return 2
    except KeyboardInterrupt:
        print(f"{script}: interrupted", file=sys.stderr, flush=True)
        return 130
    print(json.dumps(result, indent=2) if args.json else text(result))
    return 0 if result["holds"] else 1
