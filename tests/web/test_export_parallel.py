"""When the export renders over forked workers, and when it renders in its own process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from crossing.web.export.parallel import render_all

ADDRESSES = [f"/page-{n}/" for n in range(12)]


def rendered_by(address: str) -> tuple[str, int]:
    """A job that says which process rendered the page (its pid as the page's size)."""
    return address, os.getpid()


@pytest.fixture
def another_thread() -> Iterator[None]:
    """A thread running beside the build, as a live server's or a browser driver's does."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    yield
    stop.set()
    thread.join(5)


# Run in a new process, whose only thread is its main one (this one runs pytest-xdist's).
ONE_THREAD = f"""
import django, json, os, sys, threading
sys.path.insert(0, {str(Path(__file__).parent)!r})
django.setup()
from crossing.web.export.parallel import render_all
from test_export_parallel import ADDRESSES, rendered_by
assert threading.active_count() == 1
print(json.dumps([os.getpid(), list(render_all(ADDRESSES, rendered_by, 2))]))
"""


def test_a_process_with_one_thread_forks_workers_for_the_pages() -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "crossing.web.settings"}
    result = subprocess.run(
        [sys.executable, "-c", ONE_THREAD], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    parent, done = json.loads(result.stdout)
    assert sorted(address for address, _ in done) == sorted(ADDRESSES)
    assert {pid for _, pid in done} - {parent}, "no page was rendered by a worker"


@pytest.mark.django_db(transaction=True)
def test_a_process_running_other_threads_renders_every_page_itself(another_thread: None) -> None:
    done = list(render_all(ADDRESSES, rendered_by, 2))
    assert [address for address, _ in done] == ADDRESSES
    assert {pid for _, pid in done} == {os.getpid()}
