"""The emails of a load run: a local SMTP server (aiosmtpd) that counts what the outbox's
worker hands it by Message-ID, and the comparison with the outbox's rows: every message
enqueued should arrive exactly once (the Message-ID is derived from the outbox key, so a
copy sent again after a kill -9 is recognised).

Not a benchmark: imported by load_comments.py and load_screenings.py (the script's folder is
on sys.path)."""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from dataclasses import dataclass
from email import message_from_bytes
from typing import Any

from _server import Database, HarnessError, port_is_free
from aiosmtpd.controller import Controller


class MailServer:
    def __init__(self) -> None:
        self.port = _free_port()
        self.received: Counter[str] = Counter()  # Message-ID's local part -> copies
        self.lock = threading.Lock()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.content)
        local = str(message["Message-ID"] or "").strip("<>").partition("@")[0]
        with self.lock:
            self.received[local] += 1
        return "250 OK"

    def __enter__(self) -> MailServer:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()

    def copies(self) -> Counter[str]:
        with self.lock:
            return Counter(self.received)


def _free_port() -> int:
    free = (port for port in range(9400, 9500) if port_is_free(port))  # the harness's share
    if (port := next(free, None)) is None:
        raise HarnessError("no free port from 9400 to 9499 for the SMTP server")
    return port


@dataclass(frozen=True, slots=True)
class Emails:
    enqueued: int
    sent: int  # marked sent by the worker
    failed: int
    pending: int  # still waiting when the run gave up waiting
    arrived_once: int
    arrived_twice: int  # or more: a copy sent again (same Message-ID)
    missing: int  # marked sent, or not, yet never arrived
    seconds_to_drain: float  # after the clients finished, until nothing was pending

    def hold(self, outbox_kills: int) -> bool:
        """Every email arrived; a copy more only where a kill -9 of the outbox's worker can
        cause one: between handing a message to the SMTP server and marking it sent (at
        most one message per kill, as the worker sends one at a time). The copy carries
        the same Message-ID, so mail systems can drop it."""
        everything_arrived = not (self.missing or self.pending or self.failed)
        return everything_arrived and self.arrived_twice <= outbox_kills


def message_id(key: str) -> str:
    """The local part of the Message-ID of the email with this outbox key, as the SMTP
    server counts it (crossing/web/outbox/services.message_id)."""
    return hashlib.sha256(key.encode()).hexdigest()[:40]


def pending(database: Database) -> int:
    """Emails still to send. Other jobs are left out: some are due days ahead (the purge of
    spam and trash), and the run does not wait for them."""
    return database.scalar(
        "SELECT COUNT(*) FROM outbox_message WHERE status = 'pending' AND kind = 'email'"
    )


def drain_and_count(database: Database, mail: MailServer, *, timeout: float) -> Emails:
    """Wait (at most `timeout` s) until the worker has no email pending, then compare."""
    started = time.monotonic()
    while pending(database) and time.monotonic() - started < timeout:
        time.sleep(0.2)
    waited = time.monotonic() - started
    time.sleep(0.5)  # the last message's SMTP transaction ends just after its row is marked
    rows = database.rows("SELECT key, status FROM outbox_message WHERE kind = 'email'")
    copies = mail.copies()
    statuses = Counter(str(status) for _, status in rows)
    arrived = [copies.get(message_id(str(key)), 0) for key, _ in rows]
    return Emails(
        enqueued=len(rows),
        sent=statuses["sent"],
        failed=statuses["failed"],
        pending=statuses["pending"],
        arrived_once=sum(1 for n in arrived if n == 1),
        arrived_twice=sum(1 for n in arrived if n > 1),
        missing=sum(1 for n in arrived if n == 0),
        seconds_to_drain=round(waited, 2),
    )
