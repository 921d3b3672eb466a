"""What keeps pytest-xdist's workers apart where they share a server: the Redis database
number each worker uses (the suite clears its cache, which empties a whole database)."""

from __future__ import annotations

import re

# Redis's default server has databases 0 to 15 (`databases 16` in redis.conf).
REDIS_DATABASES = 16
_NUMBER = re.compile(r"^(?P<head>rediss?://[^/?#]*)(?:/(?P<db>\d*))?(?P<tail>[?#].*)?$")


class WorkerSetupError(Exception):
    """The suite's parallel workers cannot be kept apart as configured; says what to do."""


def worker_index(worker: str) -> int:
    """gw0 -> 0, gw3 -> 3 (pytest-xdist's PYTEST_XDIST_WORKER)."""
    if not re.fullmatch(r"gw\d+", worker):
        raise WorkerSetupError(f"PYTEST_XDIST_WORKER={worker!r} is not a worker name like gw0")
    return int(worker[2:])


def worker_redis_url(url: str, worker: str) -> str:
    """REDIS_URL with its database number moved up by the worker's index."""
    found = _NUMBER.match(url)
    if not found:
        raise WorkerSetupError(
            f"REDIS_URL={url!r} is not redis://HOST[:PORT][/NUMBER]: the parallel tests give "
            "each worker the next database number, and cannot here"
        )
    number = int(found["db"] or 0) + worker_index(worker)
    if number >= REDIS_DATABASES:
        raise WorkerSetupError(
            f"REDIS_URL={url!r} leaves no Redis database for worker {worker} (it would use "
            f"number {number}; Redis has 0 to {REDIS_DATABASES - 1}): give a lower number, "
            "or fewer workers (-n)"
        )
    return f"{found['head']}/{number}{found['tail'] or ''}"
