"""One row per piece of work that leaves the request: an email, or another kind of job."""

from __future__ import annotations

from django.db import models


class Status(models.TextChoices):
    PENDING = "pending", "pending"
    SENT = "sent", "sent"
    FAILED = "failed", "failed"


class Message(models.Model):
    # The idempotency key: enqueuing the same key twice stores one message, so a double
    # submit emails once. Also the source of an email's Message-ID.
    key = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=50)
    payload = models.JSONField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created = models.DateTimeField(auto_now_add=True)
    # Not done before this time: a deadline, or the backoff after a failed try.
    not_before = models.DateTimeField()
    # Attempts started, counted when a worker claims the message (so also a try that a
    # kill -9 cut short).
    tries = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True, default="")
    # The lease of the worker doing it now: another worker takes the message only after
    # the lease runs out, which is how a message a killed worker held is sent after all.
    claimed_by = models.CharField(max_length=40, blank=True, default="")
    claimed_until = models.DateTimeField(null=True, blank=True)
    done = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["status", "not_before"], name="outbox_due")]
        ordering = ["not_before", "id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.key} ({self.status})"
