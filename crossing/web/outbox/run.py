"""The worker as a process of its own (`crossing worker`), stopped by SIGTERM or Ctrl+C
after the message in hand."""

from __future__ import annotations

import signal
import threading
from types import FrameType

from django.db import connection

from crossing.web import database
from crossing.web.database import UNAVAILABLE
from crossing.web.setup_error import SetupError

from . import worker
from .models import Message


class OutboxNotReady(SetupError):
    pass


def check_ready() -> None:
    """The outbox's table exists: `crossing serve` creates it (or `django-admin migrate`).
    A database that cannot be reached now is waited for, as when it goes away later."""
    try:
        tables = connection.introspection.table_names()
    except UNAVAILABLE:
        return
    if Message._meta.db_table not in tables:
        raise OutboxNotReady(
            f"{database.describe()} has no outbox table yet: start the site once with "
            "`crossing serve` (it creates the tables), then start `crossing worker`"
        )


def run_until_signalled(*, parent: int | None = None) -> None:
    check_ready()
    stop = threading.Event()

    def stopping(number: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, stopping)
    # Started by `crossing serve`, the server stops it (SIGTERM): Ctrl+C in the terminal,
    # which reaches every process of the group, is the server's to handle.
    signal.signal(signal.SIGINT, stopping if parent is None else signal.SIG_IGN)
    worker.run(stop=stop, parent=parent)
