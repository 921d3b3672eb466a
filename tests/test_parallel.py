"""Each parallel worker's own Redis database (tests/parallel.py)."""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from parallel import REDIS_DATABASES, WorkerSetupError, worker_index, worker_redis_url


def test_each_worker_moves_the_number_up_by_its_index() -> None:
    assert worker_redis_url("redis://127.0.0.1:6379/7", "gw0") == "redis://127.0.0.1:6379/7"
    assert worker_redis_url("redis://127.0.0.1:6379/7", "gw3") == "redis://127.0.0.1:6379/10"
    assert worker_redis_url("redis://localhost", "gw2") == "redis://localhost/2"
    assert worker_redis_url("redis://h:1/", "gw1") == "redis://h:1/1"
    assert worker_redis_url("rediss://:pw@h:1/4?ssl_cert_reqs=none", "gw1") == (
        "rediss://:pw@h:1/5?ssl_cert_reqs=none"
    )


@given(base=st.integers(0, REDIS_DATABASES - 1), index=st.integers(0, 40))
def test_workers_never_share_a_database_and_never_leave_redis(base: int, index: int) -> None:
    url = f"redis://127.0.0.1:6379/{base}"
    if base + index >= REDIS_DATABASES:
        with pytest.raises(WorkerSetupError, match=rf"number {base + index}; Redis has 0 to 15"):
            worker_redis_url(url, f"gw{index}")
    else:
        assert worker_redis_url(url, f"gw{index}") == f"redis://127.0.0.1:6379/{base + index}"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("unix:///run/redis.sock", "is not redis://HOST[:PORT][/NUMBER]"),
        ("redis://h/x", "is not redis://HOST[:PORT][/NUMBER]"),
        ("redis://h/15", "give a lower number, or fewer workers (-n)"),
    ],
)
def test_a_url_that_cannot_be_shared_out_says_what_to_do(url: str, message: str) -> None:
    with pytest.raises(WorkerSetupError, match=re.escape(message)):
        worker_redis_url(url, "gw1")


def test_a_worker_name_is_gw_and_a_number() -> None:
    assert worker_index("gw12") == 12
    with pytest.raises(WorkerSetupError, match="'main' is not a worker name like gw0"):
        worker_index("main")


@pytest.mark.skipif(
    not os.environ.get("SUITE_REDIS_URL"), reason="runs under xdist with REDIS_URL set"
)
def test_this_worker_writes_to_its_own_redis_database_only() -> None:
    import redis
    from django.core.cache import cache

    worker = os.environ["PYTEST_XDIST_WORKER"]
    given_url = os.environ["SUITE_REDIS_URL"]
    own = redis.Redis.from_url(worker_redis_url(given_url, worker))
    key = f"parallel-check-{worker}-{os.getpid()}"
    cache.set(key, "here", 30)
    try:
        assert own.exists(f"crossing:1:{key}") == 1
        for other in range(4):
            if other != worker_index(worker):
                try:
                    url = worker_redis_url(given_url, f"gw{other}")
                except WorkerSetupError:
                    continue
                assert redis.Redis.from_url(url).exists(f"crossing:1:{key}") == 0
    finally:
        cache.delete(key)
