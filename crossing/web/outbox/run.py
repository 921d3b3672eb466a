"""The worker as a process of its own (`crossing worker`), stopped by SIGTERM or Ctrl+C
(crossing.web.outbox.stopping) after the message in hand."""

from __future__ import annotations

import threading

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


def run_until_signalled(stop: threading.Event, *, parent: int | None = None) -> None:
    """Work until `stop` (stopping.stop_on_signals) is set."""
    check_ready()
    worker.run(stop=stop, parent=parent)
