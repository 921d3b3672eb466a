"""Counting hits per key in a time window: in the shared cache (Redis, so that every process
of every app server counts together), and in this process when the shared cache fails.

A rate limit must never turn a request into an error. When Redis is down, unreachable or
answers with an error, the counts are kept in this process's memory instead (each process
then limits on its own, as it does without Redis), the fault is logged once, and the shared
cache is tried again after RETRY_SECONDS: not at every request, which would log a line each
time and wait for a Redis that does not answer."""

from __future__ import annotations

import itertools
import logging
import threading
import time

from django.core.cache import cache as default_cache
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.locmem import LocMemCache

logger = logging.getLogger(__name__)

RETRY_SECONDS = 30.0
# Enough for the readers of a busy minute; beyond it the oldest third is forgotten, so a
# crowd cannot grow a process's memory without bound.
LOCAL_MAX_ENTRIES = 20_000

_names = itertools.count(1)  # each counter's local memory is its own


class HitCounter:
    """`hit(key, window=60)` says how many hits `key` has had in its current window,
    this one included. The window starts at a key's first hit."""

    def __init__(self, shared: BaseCache = default_cache) -> None:
        self.shared = shared
        self.local = LocMemCache(
            f"crossing-rate-limit-{next(_names)}", {"OPTIONS": {"MAX_ENTRIES": LOCAL_MAX_ENTRIES}}
        )
        self._shared_failed_at: float | None = None  # time.monotonic() of the last failure
        self._lock = threading.Lock()

    def hit(self, key: str, *, window: int) -> int:
        if self._shared_may_work():
            try:
                count = _count(self.shared, key, window)
            # Whatever the cache client raises (connection refused, timeout, a Redis error
            # reply): a rate limit is no reason to answer 500.
            except Exception as error:
                self._shared_failed(error)
            else:
                self._shared_worked()
                return count
        return _count(self.local, key, window)

    def _shared_may_work(self) -> bool:
        failed_at = self._shared_failed_at
        return failed_at is None or time.monotonic() - failed_at >= RETRY_SECONDS

    def _shared_failed(self, error: Exception) -> None:
        with self._lock:
            if not self._shared_may_work():  # another thread has just logged it
                return
            self._shared_failed_at = time.monotonic()
        logger.warning(
            "the shared cache failed (%s: %s): rate limits count in each process until it "
            "answers again; trying it again in %d s",
            type(error).__name__,
            error,
            RETRY_SECONDS,
        )

    def _shared_worked(self) -> None:
        if self._shared_failed_at is None:
            return
        with self._lock:
            if self._shared_failed_at is None:  # another thread has just logged it
                return
            self._shared_failed_at = None
        logger.warning("the shared cache answers again: rate limits are shared again")


def _count(store: BaseCache, key: str, window: int) -> int:
    store.add(key, 0, timeout=window)
    try:
        return store.incr(key)
    except ValueError:  # the key expired between add and incr
        store.set(key, 1, timeout=window)
        return 1
