"""The worker as it runs in production: a process of its own, sending to a real SMTP server,
killed with kill -9, facing a mail server that is down or refuses."""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .mail_server import MailServer, free_port
from .site import Site, new_site

# Short leases and backoff, so that a test sees a killed worker's message taken again.
FAST = {"CROSSING_OUTBOX_LEASE_SECONDS": "2", "CROSSING_OUTBOX_RETRY_SECONDS": "1"}


def wait_for(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"waited {seconds} s for {what}")
        time.sleep(0.02)


@pytest.fixture
def site(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Site]:
    with new_site(tmp_path / "data", request.node.name[:20].lower()) as made:
        (tmp_path / "data").mkdir()
        yield made


@pytest.fixture
def mail() -> Iterator[MailServer]:
    server = MailServer().start()
    yield server
    server.stop()


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        process.wait(30)


def test_every_message_is_delivered_across_kill_9_of_the_worker(
    site: Site, mail: MailServer
) -> None:
    site.enqueue(300)
    kills = 0
    for reached in (60, 180):
        worker = site.worker(mail.url, **FAST)
        wait_for(lambda n=reached: mail.delivered() >= n, 120, f"{reached} messages")  # type: ignore[misc]
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        kills += 1
        assert mail.distinct() < 300, "killed mid-run, with messages still queued"
    worker = site.worker(mail.url, **FAST)
    try:
        wait_for(lambda: mail.distinct() == 300, 120, "all 300 messages")
        wait_for(lambda: all(row["status"] == "sent" for row in site.rows()), 30, "all marked")
    finally:
        stop(worker)
    duplicates = mail.delivered() - mail.distinct()
    assert duplicates <= kills, f"{duplicates} sent twice, with {kills} kills"
    assert len(site.rows()) == 300


def test_two_workers_at_once_send_each_message_once(site: Site, mail: MailServer) -> None:
    site.enqueue(300)
    workers = [site.worker(mail.url), site.worker(mail.url)]
    try:
        wait_for(lambda: mail.distinct() == 300, 120, "all 300 messages")
        wait_for(lambda: all(row["status"] == "sent" for row in site.rows()), 30, "all marked")
    finally:
        for worker in workers:
            stop(worker)
    assert mail.delivered() == 300, "no message sent twice"
    assert {row["tries"] for row in site.rows()} == {1}


def test_a_mail_server_that_is_down_is_retried_with_backoff_until_it_is_back(
    site: Site,
) -> None:
    mail = MailServer()  # not started: connections are refused
    site.enqueue(1)
    worker = site.worker(mail.url, **FAST)
    try:
        wait_for(lambda: site.rows()[0]["tries"] >= 2, 30, "a second try")
        [row] = site.rows()
        assert row["status"] == "pending"
        assert "ConnectionRefusedError" in row["last_error"], row
        mail.start()
        wait_for(lambda: site.rows()[0]["status"] == "sent", 30, "the message sent")
    finally:
        stop(worker)
        mail.stop()
    assert mail.delivered() == 1 and mail.subjects == ["message 0"]


def test_a_message_refused_for_good_fails_with_the_error_and_staff_can_retry_it(
    site: Site, mail: MailServer
) -> None:
    mail.refuse = "550 5.1.1 mailbox unavailable"
    site.enqueue(1)
    worker = site.worker(mail.url, CROSSING_OUTBOX_MAX_TRIES="2", **FAST)
    try:
        wait_for(lambda: site.rows()[0]["status"] == "failed", 30, "the message failed")
        [row] = site.rows()
        assert (
            row["tries"] == 2
            and "550" in row["last_error"]
            and "mailbox unavailable" in (row["last_error"])
        )
        mail.refuse = None
        assert site.retry_failed() == 1
        wait_for(lambda: site.rows()[0]["status"] == "sent", 30, "the retried message sent")
    finally:
        stop(worker)
    assert mail.delivered() == 1


def test_the_worker_stops_on_sigterm_and_says_so_when_the_database_is_not_set_up(
    site: Site, mail: MailServer
) -> None:
    worker = site.worker(mail.url)
    assert worker.wait(30) == 1
    log = (site.data / "worker.log").read_text()
    assert "has no outbox table yet: start the site once with `crossing serve`" in log
    assert "Traceback" not in log
    site.enqueue(0)  # migrates
    worker = site.worker(mail.url)
    log_file = site.data / "worker.log"
    wait_for(lambda: log_file.read_text().count("started") == 1, 60, "the worker to start")
    time.sleep(0.5)
    assert worker.poll() is None
    worker.terminate()
    assert worker.wait(30) == 0
    assert log_file.read_text().count("stopped") == 1


def test_a_database_that_cannot_be_reached_is_waited_for_not_a_crash(site: Site) -> None:
    unreachable = Site(site.data, f"postgres://postgres@127.0.0.1:{free_port()}/nowhere")
    worker = unreachable.worker("console:")
    try:
        time.sleep(3)
        assert worker.poll() is None, "the worker waits for the database"
    finally:
        stop(worker)
    log = (site.data / "worker.log").read_text()
    assert "outbox: database unavailable, trying again:" in log and "Traceback" not in log
