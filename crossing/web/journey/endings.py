"""Recording an ending a reader reached, and how all readers fared (HackSoft style:
a service for the write, a selector for the read)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Sum

from ..client_address import rate_limit_key
from ..rate_limit import HitCounter
from .models import EndingCount


def record_ending(*, story: str, version: str, ending: str) -> None:
    """Add one to an ending's count, atomically, even under concurrent requests."""
    rows = EndingCount.objects.filter(story=story, version=version, ending=ending)
    if rows.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            EndingCount.objects.create(story=story, version=version, ending=ending, count=1)
    except IntegrityError:  # another request created it first
        rows.update(count=F("count") + 1)


@dataclass(frozen=True, slots=True)
class Fared:
    readers: int
    shares: dict[str, float] | None  # ending -> share of readers; None until enough readers


def how_readers_fared(*, story: str, version: str) -> Fared:
    rows = EndingCount.objects.filter(story=story, version=version)
    total = rows.aggregate(total=Sum("count"))["total"] or 0
    if total < settings.CROSSING_ENDING_MIN_READERS:
        return Fared(total, None)
    return Fared(total, {row.ending: row.count / total for row in rows})


# Counts in the shared cache (Redis), or in each process while it fails.
report_counter = HitCounter()


def allow_report(client_address: str) -> bool:
    """At most CROSSING_ENDING_RATE reports a minute from one client: an IPv4 address or an
    IPv6 /64 (crossing/web/client_address.py says how the address is found behind a proxy).

    The address is never stored: the cache holds only a salted hash that changes daily
    and expires after a minute."""
    day = datetime.now(UTC).date().isoformat()
    client = rate_limit_key(client_address)
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{day}:{client}".encode()).hexdigest()
    count = report_counter.hit(f"ending-rate:{digest[:32]}", window=60)
    return count <= settings.CROSSING_ENDING_RATE
