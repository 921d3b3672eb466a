"""Pages rendered over several processes: workers forked once Django is set up and the
content read, so each starts with everything the first page loaded, and each renders a
share of the addresses and writes its pages itself. A page that fails stops the build with
a message naming it; a worker that dies stops it too (never a page silently missing).

Forked, not spawned: a spawned worker would set Django up and read the content again.
Database connections are closed before the fork (each worker opens its own), except
inside a transaction, whose writes other connections cannot see and whose locks a forked
copy would hold too: then, as with one job, the pages are rendered in this process.
SQLite's in-memory database (the tests') lives in the process, and a forked worker reads
its own copy.

Never forked while this process runs other threads (a live server, a browser driver, a file
watcher): a fork copies only the calling thread, with every lock another thread held at that
moment (the logging module's, a database driver's) held for ever in the copy, and a worker
that needs one waits without end. Such a process renders the pages itself.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from django.db import connections

from .result import ExportError

# What a worker does with one address: writes its page, returns what it wrote.
Job = Callable[[str], tuple[str, int]]
_job: Job | None = None  # set before the fork, inherited by the workers


def default_jobs() -> int:
    return os.cpu_count() or 1


def _can_fork() -> bool:
    if "fork" not in multiprocessing.get_all_start_methods():
        return False
    if threading.active_count() > 1:
        return False
    return not any(c.in_atomic_block for c in connections.all(initialized_only=True))


def _run(addresses: Sequence[str]) -> list[tuple[str, tuple[str, int] | str]]:
    """In a worker: each address's result, or the error that stopped it (as text: an
    exception may not survive the trip back)."""
    assert _job is not None
    done: list[tuple[str, tuple[str, int] | str]] = []
    for address in addresses:
        try:
            done.append((address, _job(address)))
        except Exception as error:  # reported with its page, by the parent
            done.append((address, _message(address, error)))
            break
    return done


def _message(address: str, error: Exception) -> str:
    if isinstance(error, ExportError):
        return str(error)
    return f"{address} could not be rendered: {type(error).__name__}: {error}"


def _shares(addresses: Sequence[str], jobs: int) -> list[Sequence[str]]:
    """Small shares (four per worker) so that a worker with slow pages does not hold up
    the end of the build."""
    size = max(1, -(-len(addresses) // (jobs * 4)))
    return [addresses[at : at + size] for at in range(0, len(addresses), size)]


def _here(address: str, job: Job) -> tuple[str, int]:
    try:
        return job(address)
    except Exception as error:
        if isinstance(error, ExportError):
            raise
        raise ExportError(_message(address, error)) from error


def render_all(addresses: Sequence[str], job: Job, jobs: int) -> Iterator[tuple[str, int]]:
    """Each address through `job`, over `jobs` processes; yields what was written."""
    global _job
    if not addresses:
        return
    # The first in this process: the workers inherit what it loaded (templates, ...).
    yield _here(addresses[0], job)
    rest = addresses[1:]
    if jobs <= 1 or len(rest) < 2 or not _can_fork():
        for address in rest:
            yield _here(address, job)
        return
    connections.close_all()
    _job = job
    try:
        context = multiprocessing.get_context("fork")
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
        try:
            for results in pool.map(_run, _shares(rest, jobs)):
                for _address, result in results:
                    if isinstance(result, str):
                        raise ExportError(result)
                    yield result
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    except BrokenProcessPool as error:
        raise ExportError(f"a worker rendering pages stopped unexpectedly: {error}") from error
    finally:
        _job = None
