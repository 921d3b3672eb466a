"""How `crossing worker` is told to stop: SIGTERM, or Ctrl+C when it runs alone. No Django
here: the handlers are installed before Django starts (a second or more on a slow machine),
so that a process manager's SIGTERM during that start stops the worker cleanly too."""

from __future__ import annotations

import signal
import threading
from types import FrameType


def stop_on_signals(*, parent: int | None = None) -> threading.Event:
    """An event set by SIGTERM, and by SIGINT unless a parent process handles Ctrl+C."""
    stop = threading.Event()

    def stopping(number: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, stopping)
    # Started by `crossing serve`, the server stops it (SIGTERM): Ctrl+C in the terminal,
    # which reaches every process of the group, is the server's to handle.
    signal.signal(signal.SIGINT, stopping if parent is None else signal.SIG_IGN)
    return stop
