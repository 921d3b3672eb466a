"""POST /journey/endings/: counts only, validated, rate-limited, and how readers fared."""

from __future__ import annotations

import io
import json
import os
import secrets
from typing import Any

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test import Client
from pytest_django.fixtures import Settings

from crossing.web.journey.models import EndingCount
from crossing.web.journey.publish import journey

URL = "/journey/endings/"
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_rate_limit(settings: Settings) -> None:
    """The rate limit has its own test. The cache may be a shared Redis, so it is never
    cleared: that test uses addresses no earlier run has used."""
    settings.CROSSING_ENDING_RATE = 10_000


def unused_address() -> str:
    return "10." + ".".join(str(b) for b in secrets.token_bytes(3))


def report(client: Client, body: Any, content_type: str = "application/json", **extra: str) -> Any:
    data = body if isinstance(body, str) else json.dumps(body)
    return client.post(URL, data, content_type=content_type, **extra)


def an_ending() -> dict[str, str]:
    story = journey().story
    return {"story": story.id, "version": story.version, "ending": sorted(journey().endings)[0]}


def test_a_report_adds_one_and_keeps_nothing_about_the_reader(client: Client) -> None:
    body = an_ending()
    response = report(client, body)
    assert response.status_code == 200
    assert response.json() == {"readers": 1, "shares": None}
    row = EndingCount.objects.get()
    assert (row.story, row.version, row.ending, row.count) == (*body.values(), 1)
    stored = {field.name for field in EndingCount._meta.get_fields()}
    assert stored == {"id", "story", "version", "ending", "count"}
    assert not response.cookies


def test_shares_appear_once_enough_readers_have_finished(
    client: Client, settings: Settings
) -> None:
    settings.CROSSING_ENDING_MIN_READERS = 3
    first, second = sorted(journey().endings)[:2]
    body = an_ending()
    for ending in (first, first, second):
        answer = report(client, {**body, "ending": ending}, REMOTE_ADDR=f"10.0.0.{len(ending)}")
    assert answer.json()["readers"] == 3
    assert answer.json()["shares"] == {first: pytest.approx(2 / 3), second: pytest.approx(1 / 3)}


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        ("{not json", "application/json", 400),
        ('"a string"', "application/json", 400),
        ('{"story": "crossing-journey"}', "application/json", 400),
        ("story=crossing-journey", "application/x-www-form-urlencoded", 415),
        ("x" * 2000, "application/json", 413),
    ],
)
def test_malformed_reports_are_refused(
    client: Client, body: str, content_type: str, status: int
) -> None:
    response = report(client, body, content_type)
    assert response.status_code == status
    assert "error" in response.json()
    assert not EndingCount.objects.exists()


def test_an_unknown_ending_or_another_version_is_refused(client: Client) -> None:
    assert report(client, {**an_ending(), "ending": "opening"}).status_code == 400
    assert report(client, {**an_ending(), "version": "0-old"}).status_code == 409
    assert report(client, {**an_ending(), "story": "another"}).status_code == 409
    assert not EndingCount.objects.exists()


def test_only_post_is_allowed(client: Client) -> None:
    assert client.get(URL).status_code == 405


def test_one_address_may_report_only_so_often(client: Client, settings: Settings) -> None:
    settings.CROSSING_ENDING_RATE = 3
    one, other = unused_address(), unused_address()
    statuses = [report(client, an_ending(), REMOTE_ADDR=one).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
    assert report(client, an_ending(), REMOTE_ADDR=other).status_code == 200
    assert EndingCount.objects.get().count == 4


def test_the_suite_runs_on_the_database_the_environment_names() -> None:
    url = os.environ.get("DATABASE_URL", "")
    expected = "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"
    assert connection.vendor == expected


class CountingInput(io.BytesIO):
    """A request body that remembers how many bytes the server read from it."""

    taken = 0

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self.taken += len(data)
        return data

    def readline(self, size: int | None = -1) -> bytes:
        data = super().readline(size)
        self.taken += len(data)
        return data


@pytest.mark.parametrize("size", [1025, 64_000, 2_000_000])
def test_a_large_body_is_refused_without_being_read(size: int) -> None:
    """Through the WSGI handler as gunicorn calls it: an announced body over 1 KB is refused
    before a byte of it is read (Django's request.body would read up to 2.5 MB first)."""
    body = CountingInput(b"{" + b" " * (size - 2) + b"}")
    statuses: list[str] = []
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": URL,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "REMOTE_ADDR": unused_address(),
        "CONTENT_TYPE": "application/json",
        "CONTENT_LENGTH": str(size),
        "wsgi.input": body,
        "wsgi.url_scheme": "http",
        "wsgi.errors": io.StringIO(),
    }
    # As Django's test client does: the handler must not close the test's own connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        handler = WSGIHandler()
        answer = b"".join(handler(environ, lambda status, headers: statuses.append(status)))
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    assert statuses == ["413 Request Entity Too Large"]
    assert json.loads(answer) == {"error": "too large"}
    assert body.taken == 0
    assert not EndingCount.objects.exists()
