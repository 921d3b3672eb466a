"""`crossing worker` listens for SIGTERM before Django starts: a process manager that stops
it during that start (a second or more on a slow machine) stops it cleanly, not with the
signal's default death."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

import crossing.web.serve
from crossing.cli import cli
from crossing.web.outbox import run
from crossing.web.outbox.stopping import stop_on_signals


@pytest.fixture
def handlers() -> Iterator[None]:
    """The test process's own handlers, put back afterwards."""
    kept = {number: signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGINT)}
    yield
    for number, handler in kept.items():
        signal.signal(number, handler)


def test_a_sigterm_while_django_starts_is_kept_for_the_worker(
    handlers: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    stopped: list[bool] = []

    def starting_django() -> None:  # the signal arrives in the middle of the start
        os.kill(os.getpid(), signal.SIGTERM)

    def work(stop: threading.Event, *, parent: int | None = None) -> None:
        stopped.append(stop.is_set())

    # What the signal would meet if the worker had not yet said how it stops (in a real
    # process: death by SIGTERM), here recorded instead of killing the test's process.
    signal.signal(signal.SIGTERM, lambda number, frame: stopped.append(False))
    monkeypatch.setattr(crossing.web.serve, "setup_django", starting_django)
    monkeypatch.setattr(run, "run_until_signalled", work)
    result = CliRunner().invoke(cli, ["worker"])
    assert result.exit_code == 0, result.output
    assert stopped == [True], "the worker starts already told to stop, and stops at once"


def test_ctrl_c_is_the_servers_to_handle_when_it_started_the_worker(handlers: None) -> None:
    alone = stop_on_signals()
    assert signal.getsignal(signal.SIGINT) is not signal.SIG_IGN
    os.kill(os.getpid(), signal.SIGINT)
    assert alone.wait(5)
    under_server = stop_on_signals(parent=os.getppid())
    assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    os.kill(os.getpid(), signal.SIGTERM)
    assert under_server.wait(5)
