"""The worker: takes due messages one at a time, does them, and marks them done.

A message is claimed with a lease (one conditional UPDATE, atomic on PostgreSQL and on
SQLite, which has no row locks), done, then marked sent in one more UPDATE. A worker killed
with kill -9 leaves at most the one message it held leased; when the lease runs out, any
worker does it again. So nothing committed is lost, and only a kill between the mail
server's "250 OK" and the mark can send that one message twice (with the same Message-ID)."""

from __future__ import annotations

import datetime
import logging
import os
import threading
import time
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import connections
from django.db.models import F, Q
from django.utils import timezone

from crossing.web.database import UNAVAILABLE

from . import handlers
from .models import Message, Status

log = logging.getLogger("crossing.outbox")

# How often an idle worker looks for due messages, and prunes sent ones.
POLL_SECONDS = 1.0
PRUNE_EVERY_SECONDS = 3600.0
# The longest wait between two tries, however many failed before.
MAX_BACKOFF = datetime.timedelta(hours=6)


@dataclass(frozen=True)
class Policy:
    max_tries: int
    retry_seconds: int
    lease_seconds: int
    keep_days: int

    @classmethod
    def from_settings(cls) -> Policy:
        return cls(
            max_tries=settings.CROSSING_OUTBOX_MAX_TRIES,
            retry_seconds=settings.CROSSING_OUTBOX_RETRY_SECONDS,
            lease_seconds=settings.CROSSING_OUTBOX_LEASE_SECONDS,
            keep_days=settings.CROSSING_OUTBOX_KEEP_DAYS,
        )

    def backoff(self, tries: int) -> datetime.timedelta:
        """After the first failed try, retry_seconds; then twice as long each time."""
        seconds = self.retry_seconds * 2 ** min(max(tries - 1, 0), 20)
        return min(datetime.timedelta(seconds=seconds), MAX_BACKOFF)


def claim(policy: Policy) -> Message | None:
    """Lease the next due message to this worker, or None if nothing is due."""
    while True:
        now = timezone.now()
        free = Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
        due = Message.objects.filter(free, status=Status.PENDING, not_before__lte=now)
        # A read first: an idle worker never writes (on SQLite a write locks the database).
        candidate = due.order_by("not_before", "id").values_list("id", flat=True).first()
        if candidate is None:
            return None
        token = uuid.uuid4().hex
        # The UPDATE checks the row's conditions again: of two workers that chose the same
        # message, one takes it and the other takes nothing and looks again.
        taken = due.filter(id=candidate).update(
            claimed_by=token,
            claimed_until=now + datetime.timedelta(seconds=policy.lease_seconds),
            tries=F("tries") + 1,
        )
        if taken:
            return Message.objects.get(claimed_by=token)


def do(message: Message, policy: Policy) -> None:
    """Run the message's handler, then record how it went (if the lease is still ours)."""
    mine = Message.objects.filter(pk=message.pk, claimed_by=message.claimed_by)
    released = {"claimed_by": "", "claimed_until": None}
    try:
        handlers.run(message.kind, message.payload)
    except Exception as error:
        reason = f"{type(error).__name__}: {error}"[:2000]
        if message.tries >= policy.max_tries:
            mine.update(status=Status.FAILED, last_error=reason, done=timezone.now(), **released)
            log.error(
                "outbox: %s %s failed for good after %d tries: %s",
                message.kind,
                message.key,
                message.tries,
                reason,
            )
        else:
            later = timezone.now() + policy.backoff(message.tries)
            mine.update(not_before=later, last_error=reason, **released)
            log.warning(
                "outbox: %s %s failed (try %d), retried at %s: %s",
                message.kind,
                message.key,
                message.tries,
                later.isoformat(timespec="seconds"),
                reason,
            )
        return
    mine.update(status=Status.SENT, done=timezone.now(), **released)
    log.info("outbox: %s %s sent", message.kind, message.key)


def prune(policy: Policy) -> int:
    """Delete messages sent more than keep_days ago; failed ones stay for staff to see."""
    cutoff = timezone.now() - datetime.timedelta(days=policy.keep_days)
    deleted, _ = Message.objects.filter(status=Status.SENT, done__lt=cutoff).delete()
    return deleted


def work_once(policy: Policy) -> bool:
    """Do one due message; False if none was due."""
    message = claim(policy)
    if message is None:
        return False
    do(message, policy)
    return True


def run(*, stop: threading.Event, parent: int | None = None) -> None:
    """Work until `stop` is set (or the parent process, if given, has gone)."""
    policy = Policy.from_settings()
    pruned_at = -PRUNE_EVERY_SECONDS
    unavailable = False  # said once per outage, not every second
    log.info("outbox: worker %d started", os.getpid())
    while not stop.is_set() and (parent is None or os.getppid() == parent):
        try:
            if time.monotonic() - pruned_at >= PRUNE_EVERY_SECONDS:
                prune(policy)
                pruned_at = time.monotonic()
            worked = work_once(policy)
            if unavailable:
                log.warning("outbox: the database is back")
                unavailable = False
            if worked:
                continue
        except UNAVAILABLE as error:
            # The database is down or locked: nothing is lost, the messages wait for it.
            if not unavailable:
                log.warning("outbox: database unavailable, trying again: %s", error)
                unavailable = True
            connections.close_all()
        except Exception:
            # A bug must not stop the worker beside a site that goes on enqueuing.
            log.exception("outbox: unexpected error, trying again in a second")
            connections.close_all()
        stop.wait(POLL_SECONDS)
    connections.close_all()
    log.info("outbox: worker %d stopped", os.getpid())


def start_thread() -> threading.Thread:
    """The worker as a thread of this process (`crossing serve` in development)."""
    thread = threading.Thread(
        target=run, kwargs={"stop": threading.Event()}, name="outbox-worker", daemon=True
    )
    thread.start()
    return thread
