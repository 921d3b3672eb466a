"""The worker as a process of its own (`crossing worker`), stopped by SIGTERM or Ctrl+C
after the message in hand."""

from __future__ import annotations

import signal
import threading
from types import FrameType

from django.db import connection
from django.db.utils import OperationalError, ProgrammingError

from crossing.web.setup_error import SetupError

from . import worker
from .models import Message


class OutboxNotReady(SetupError):
    pass


def check_ready() -> None:
    """The outbox's table exists: `crossing serve` creates it (or `django-admin migrate`)."""
    try:
        Message.objects.exists()
    except (OperationalError, ProgrammingError) as error:
        if Message._meta.db_table in connection.introspection.table_names():
            raise
        raise OutboxNotReady(
            f"the database has no outbox table yet ({error}): start the site once with "
            "`crossing serve` (it creates the tables), then start `crossing worker`"
        ) from None


def run_until_signalled(*, parent: int | None = None) -> None:
    check_ready()
    stop = threading.Event()

    def stopping(number: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, stopping)
    signal.signal(signal.SIGINT, stopping)
    worker.run(stop=stop, parent=parent)
