"""`crossing serve` starts the outbox's worker with the site: in production ONE process
beside gunicorn's workers, stopped with the server; in development a thread whose emails
land as files in the data folder."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import pytest

from ..test_settings_and_serve import CROSSING, ROOT, serving, small_content
from .mail_server import MailServer
from .site import Site, new_site
from .test_worker_process import wait_for


def children(pid: int) -> dict[int, str]:
    """The live processes whose parent is `pid`, with their command lines."""
    found = {}
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            stat = (proc / "stat").read_text()
            command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        state, parent = stat.rpartition(")")[2].split()[:2]
        if int(parent) == pid and state != "Z":
            found[int(proc.name)] = command
    return found


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


def outbox_workers(pid: int) -> list[int]:
    return [child for child, command in children(pid).items() if "crossing.web.outbox" in command]


@pytest.fixture
def site(tmp_path: Path, request: pytest.FixtureRequest) -> Site:
    with new_site(tmp_path / "data", request.node.name[:20].lower()) as made:
        (tmp_path / "data").mkdir()
        yield made  # type: ignore[misc]


@pytest.mark.parametrize("ending", ["SIGTERM", "kill -9"])
def test_production_runs_one_worker_beside_gunicorn_and_it_stops_with_the_server(
    tmp_path: Path, site: Site, ending: str
) -> None:
    mail = MailServer().start()
    database = {"DATABASE_URL": site.database_url} if site.database_url else {}
    try:
        with serving(
            site.data,
            "--production",
            "--workers",
            "2",
            content=small_content(tmp_path / "content"),
            CROSSING_EMAIL_URL=mail.url,
            CROSSING_TRUSTED_PROXIES="127.0.0.1",
            **database,
        ) as (_, server):
            wait_for(lambda: len(children(server.pid)) == 3, 30, "gunicorn's 2 workers + 1")
            [worker] = outbox_workers(server.pid)
            assert len(children(server.pid)) == 3  # 2 gunicorn workers, 1 outbox worker
            site.enqueue(3)
            wait_for(lambda: mail.distinct() == 3, 30, "3 emails sent by the worker")
            if ending == "SIGTERM":
                server.terminate()
                server.wait(30)
            else:  # the server killed: the worker sees its parent gone and stops
                server.send_signal(signal.SIGKILL)
            wait_for(lambda: not alive(worker), 15, "the worker to stop with the server")
    finally:
        mail.stop()
    assert mail.delivered() == 3


def test_production_starts_the_worker_again_when_it_is_killed(tmp_path: Path, site: Site) -> None:
    mail = MailServer().start()
    database = {"DATABASE_URL": site.database_url} if site.database_url else {}
    try:
        with serving(
            site.data,
            "--production",
            "--workers",
            "1",
            content=small_content(tmp_path / "content"),
            CROSSING_EMAIL_URL=mail.url,
            CROSSING_TRUSTED_PROXIES="127.0.0.1",
            **database,
        ) as (_, server):
            wait_for(lambda: len(outbox_workers(server.pid)) == 1, 30, "the outbox's worker")
            [first] = outbox_workers(server.pid)
            os.kill(first, signal.SIGKILL)
            wait_for(lambda: outbox_workers(server.pid) not in ([], [first]), 15, "a new worker")
            assert len(outbox_workers(server.pid)) == 1
            site.enqueue(2)
            wait_for(lambda: mail.distinct() == 2, 30, "2 emails sent by the new worker")
    finally:
        mail.stop()


def test_production_without_a_worker_when_one_runs_elsewhere_and_warns_of_unsent_email(
    tmp_path: Path, site: Site
) -> None:
    database = {"DATABASE_URL": site.database_url} if site.database_url else {}
    with serving(
        site.data,
        "--production",
        "--no-worker",
        "--workers",
        "1",
        content=small_content(tmp_path / "content"),
        CROSSING_TRUSTED_PROXIES="127.0.0.1",
        **database,
    ) as (_, server):
        wait_for(lambda: len(children(server.pid)) == 1, 30, "gunicorn's worker")
        assert outbox_workers(server.pid) == []
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "warning: CROSSING_EMAIL_URL is not set, so emails are saved in " in output


def test_development_runs_the_worker_as_a_thread_and_keeps_emails_as_files(
    tmp_path: Path, site: Site
) -> None:
    database = {"DATABASE_URL": site.database_url} if site.database_url else {}
    with serving(site.data, content=small_content(tmp_path / "content"), **database) as (_, server):
        assert outbox_workers(server.pid) == []  # a thread, not a process
        site.enqueue(1)
        mail = site.data / "mail"
        wait_for(lambda: mail.is_dir() and any(mail.iterdir()), 30, "an email file")
        [saved] = mail.iterdir()
        text = saved.read_text()
        assert "Subject: message 0" in text and "To: reader0@example.org" in text


def test_a_wrong_email_address_stops_the_worker_with_a_clear_message(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CROSSING_", "DJANGO_"))}
    done = subprocess.run(
        [CROSSING, "worker"],
        env={
            **env,
            "CROSSING_DATA_DIR": str(tmp_path),
            "CROSSING_EMAIL_URL": "smtp://me:s3cret@mail.example.org:587?tls=yes please",
        },
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("crossing: error: CROSSING_EMAIL_URL: tls='yes please'")
    assert "s3cret" not in done.stderr and "Traceback" not in done.stderr
