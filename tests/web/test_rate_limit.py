"""When the shared cache (Redis) is down or does not answer, the rate limit counts in each
process, logs the fault once, and no request fails. A real Redis client against a port where
nothing listens, or a socket that never answers; no mocks."""

from __future__ import annotations

import http.client
import json
import logging
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.core.cache.backends.redis import RedisCache
from django.test import Client
from pytest_django.fixtures import Settings

from crossing.web import rate_limit
from crossing.web.journey import endings
from crossing.web.journey.publish import journey
from crossing.web.rate_limit import HitCounter

from .ports import free_port

LOGGER = "crossing.web.rate_limit"


def redis_at(port: int) -> RedisCache:
    """Django's Redis cache as settings.py configures it, at a port of this test's choosing."""
    options = {"socket_connect_timeout": 1, "socket_timeout": 1}
    return RedisCache(f"redis://127.0.0.1:{port}/0", {"OPTIONS": options})


def warnings_of(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == LOGGER]


def test_with_redis_down_hits_are_counted_in_the_process_and_logged_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    counter = HitCounter(redis_at(free_port()))  # nothing listens there
    with caplog.at_level(logging.WARNING, LOGGER):
        counts = [counter.hit("a", window=60) for _ in range(50)]
        other = counter.hit("b", window=60)
    assert counts == list(range(1, 51))
    assert other == 1
    [message] = warnings_of(caplog)
    assert message.startswith("the shared cache failed (ConnectionError: Error 111 connecting")
    assert "rate limits count in each process until it answers again" in message


def test_the_shared_cache_is_tried_again_after_a_while(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rate_limit, "RETRY_SECONDS", 0.3)
    counter = HitCounter(redis_at(free_port()))
    with caplog.at_level(logging.WARNING, LOGGER):
        for _ in range(10):
            counter.hit("a", window=60)
        time.sleep(0.35)
        assert counter.hit("a", window=60) == 11
    assert len(warnings_of(caplog)) == 2  # once, then once more after the pause


def test_a_redis_that_does_not_answer_holds_no_request_long(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A socket that accepts connections and never answers, like a Redis that hangs."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)
        counter = HitCounter(redis_at(silent.getsockname()[1]))
        with caplog.at_level(logging.WARNING, LOGGER):
            started = time.monotonic()
            first = counter.hit("a", window=60)
            waited = time.monotonic() - started
            started = time.monotonic()
            rest = [counter.hit("a", window=60) for _ in range(20)]
            then = time.monotonic() - started
    assert [first, *rest] == list(range(1, 22))
    assert waited < 3, "the timeout of settings.py holds (a second)"
    assert then < 0.5, "after a failure the process counts on its own, without waiting"
    [message] = warnings_of(caplog)
    assert "TimeoutError" in message


@contextmanager
def redis_server(port: int, folder: Path) -> Iterator[None]:
    """A Redis server of this test's own."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed")
    options = ["--bind", "127.0.0.1", "--save", "", "--dir", str(folder)]  # keeps nothing
    command = [binary, "--port", str(port), *options]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        yield
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_when_redis_comes_back_the_counts_are_shared_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rate_limit, "RETRY_SECONDS", 0.2)
    port = free_port()
    one, other = HitCounter(redis_at(port)), HitCounter(redis_at(port))  # two processes
    with caplog.at_level(logging.WARNING, LOGGER):
        assert [one.hit("a", window=60), other.hit("a", window=60)] == [1, 1]  # each alone
        with redis_server(port, tmp_path):
            time.sleep(0.25)
            assert [one.hit("a", window=60), other.hit("a", window=60)] == [1, 2]  # together
            assert [one.hit("a", window=60), other.hit("a", window=60)] == [3, 4]
    messages = warnings_of(caplog)
    assert [m.split(" (")[0] for m in messages] == ["the shared cache failed"] * 2 + [
        "the shared cache answers again: rate limits are shared again"
    ] * 2


@pytest.mark.django_db
def test_reports_are_accepted_and_limited_while_redis_is_down(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Through the ending API, with settings.py's Redis cache pointing where nothing listens:
    before, each report answered 500 (ConnectionError)."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    settings.CROSSING_ENDING_RATE = 3
    monkeypatch.setattr(endings, "report_counter", HitCounter())
    story = journey().story
    body = {"story": story.id, "version": story.version, "ending": sorted(journey().endings)[0]}
    client = Client(REMOTE_ADDR="10." + ".".join(str(b) for b in secrets.token_bytes(3)))

    def send() -> Any:
        return client.post("/journey/endings/", json.dumps(body), content_type="application/json")

    with caplog.at_level(logging.WARNING, LOGGER):
        answers = [send() for _ in range(5)]
    assert [answer.status_code for answer in answers] == [200, 200, 200, 429, 429]
    assert answers[0].json()["readers"] == 1
    assert answers[3].json() == {"error": "too many reports; try again in a minute"}
    assert len(warnings_of(caplog)) == 1


def test_production_workers_answer_and_limit_while_redis_is_down(tmp_path: Path) -> None:
    """`crossing serve --production --workers 2` with REDIS_URL where nothing listens: every
    report is answered 200 or 429, never 500; each worker limits on its own (so one reader
    gets between 3 and 6 reports a minute through two) and says so once."""
    root = Path(__file__).resolve().parents[2]
    shutil.copytree(root / "examples" / "market-day", tmp_path / "content" / "journey")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CROSSING_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)
    env.update(
        CROSSING_DATA_DIR=str(tmp_path / "data"),
        CROSSING_CONTENT_DIR=str(tmp_path / "content"),
        CROSSING_NO_SSL_REDIRECT="1",
        CROSSING_ENDING_RATE="3",
        REDIS_URL=f"redis://127.0.0.1:{free_port()}/0",
    )
    crossing = str(Path(sys.executable).parent / "crossing")
    command = [crossing, "serve", "--production", "--workers", "2", "--port", str(port)]
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        server = subprocess.Popen(command, env=env, stdout=output, stderr=output, cwd=root)
        try:
            deadline = time.monotonic() + 60
            while server.poll() is None and time.monotonic() < deadline:
                try:
                    socket.create_connection(("127.0.0.1", port), 0.2).close()
                    break
                except OSError:
                    time.sleep(0.1)
            statuses = [post_report(port) for _ in range(12)]
        finally:
            server.terminate()
            server.wait(timeout=20)
    text = log.read_text(errors="replace")
    assert set(statuses) == {200, 429}, statuses
    assert 3 <= statuses.count(200) <= 6
    assert 1 <= text.count("the shared cache failed (ConnectionError") <= 2  # once per worker
    assert "Internal Server Error" not in text


def post_report(port: int) -> int:
    body = json.dumps({"story": "market-day", "version": "1", "ending": "supper"})
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("POST", "/journey/endings/", body, {"Content-Type": "application/json"})
        return connection.getresponse().status
    finally:
        connection.close()
