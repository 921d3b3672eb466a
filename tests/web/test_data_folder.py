"""A data folder that is read-only, full or someone else's, and a database that cannot be
written or reached (issue 14, fault 8).

Commands say which path and what to do, with exit status 1; the ending API answers JSON
503 with Retry-After; pages that need no database are served, and one that does answers a
plain 503 page.

Everything is real: folders the user may not write, a read-only mount, a file-size limit
(as on a full disk), /dev/full, SQLite and PostgreSQL refusing writes. Tests may run as
root, whom permissions do not stop: commands then run as root without the capabilities
that override them (setpriv's bounding set), and a read-only mount is made in a user and
mount namespace of their own."""

from __future__ import annotations

import errno
import json
import logging
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from django.db import OperationalError, connection
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory
from django.urls import path
from pytest_django.fixtures import Settings

from crossing.web.data_folder import DataFolderError, explain, remedy, user, writes_to
from crossing.web.journey.models import EndingCount
from crossing.web.journey.publish import journey
from crossing.web.json_api import RETRY_AFTER_SECONDS, json_api

from .ports import free_port
from .scratch_database import scratch_postgresql

ROOT = Path(__file__).resolve().parents[2]
CROSSING = str(Path(sys.executable).parent / "crossing")
EXAMPLE = ROOT / "examples" / "market-day"
NOBODY = 65534
AS_ROOT = os.geteuid() == 0


# -- running crossing as a user whom permissions stop --

# Root without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH: file permissions apply to it.
WITHOUT_OVERRIDES = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner", "--"]
RUNNER = WITHOUT_OVERRIDES if AS_ROOT else []


@cache
def runner_problem() -> str | None:
    """Why permissions cannot be made to stop commands here, or None."""
    if not AS_ROOT:
        return None
    if shutil.which("setpriv") is None:
        return "no setpriv(1) here to run commands as root without its overrides"
    with tempfile.TemporaryDirectory() as folder:
        Path(folder).chmod(0o555)
        probe = subprocess.run(
            [*RUNNER, sys.executable, "-c", f"open({folder!r} + '/x', 'w')"],
            capture_output=True,
            text=True,
            check=False,
        )
        Path(folder).chmod(0o755)
    if "PermissionError" not in probe.stderr:
        return f"setpriv cannot drop root's permission overrides here: {probe.stderr[-300:]}"
    return None


@pytest.fixture
def place(tmp_path: Path) -> Iterator[Path]:
    """A folder for the test, with the example story as the site's content."""
    shutil.copytree(EXAMPLE, tmp_path / "content" / "journey")
    yield tmp_path
    for inside, folders, _ in os.walk(tmp_path):  # so that it can be removed
        for name in folders:
            (Path(inside) / name).chmod(0o755)


def environment(place: Path, data: Path, **more: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CROSSING_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)  # SQLite in the data folder, unless a test names one
    return {
        **env,
        "HOME": str(place),
        "PYTHONDONTWRITEBYTECODE": "1",
        "CROSSING_CONTENT_DIR": str(place / "content"),
        "CROSSING_DATA_DIR": str(data),
        **more,
    }


def crossing(
    place: Path, data: Path, *args: str, runner: bool = True, fsize: int | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    """Run `crossing ARGS` with `data` as its data folder; if `runner`, as a user whom
    permissions stop; with files limited to `fsize` bytes (past it, writes fail as on a
    full disk)."""
    if runner and (problem := runner_problem()):
        pytest.skip(problem)
    return subprocess.run(
        [*(RUNNER if runner else []), CROSSING, *args],
        env=environment(place, data, **env),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=None if fsize is None else lambda: limit_files(fsize),
    )


def limit_files(size: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


def refused(result: subprocess.CompletedProcess[str], *expected: str) -> None:
    """The command stopped with exit status 1 and one clear line: no traceback, no bug."""
    assert result.returncode == 1, result.stderr
    error = result.stderr
    assert "Traceback" not in error and "internal error" not in error, error
    for text in expected:
        assert text in error, error


def a_kept_data_folder(data: Path) -> Path:
    """A data folder as a previous start left it: its key and its static folder."""
    (data / "static").mkdir(parents=True)
    key = data / "secret_key"
    key.write_text("k" * 60 + "\n")
    key.chmod(0o600)
    return data


# -- commands: the data folder cannot be created or written --


@pytest.mark.parametrize("command", [["serve", "--port", "8800"], ["build", "--out", "site"]])
@pytest.mark.parametrize("where", ["the folder itself", "a folder above it"])
def test_a_file_where_the_data_folder_should_be(
    place: Path, command: list[str], where: str
) -> None:
    blocker = place / "var"
    blocker.write_text("not a folder\n")
    data = blocker if where == "the folder itself" else blocker / "inner"
    result = crossing(place, data, *command, runner=False)
    refused(
        result,
        f"crossing: error: cannot create the folder {data} (",
        f"{blocker} is a file, not a folder; move it away, or set CROSSING_DATA_DIR",
    )


def test_a_data_folder_that_cannot_be_created(place: Path) -> None:
    parent = place / "srv"
    parent.mkdir(mode=0o555)
    result = crossing(place, parent / "var", "serve", "--port", "8800")
    refused(
        result,
        f"cannot create the folder {parent / 'var'} (permission denied): "
        f"give the user {user()} write access to {parent}, "
        "or set CROSSING_DATA_DIR to a folder it can write to",
    )


def test_a_new_read_only_data_folder_cannot_hold_the_secret_key(place: Path) -> None:
    data = place / "var"
    data.mkdir(mode=0o555)
    result = crossing(place, data, "serve", "--port", "8800")
    refused(
        result,
        f"cannot create the secret key file {data / 'secret_key'} (permission denied): "
        f"give the user {user()} write access to {data}",
    )


def test_the_static_folder_cannot_be_created(place: Path) -> None:
    data = place / "var"
    data.mkdir(mode=0o555)
    result = crossing(place, data, "serve", "--port", "8800", CROSSING_SECRET_KEY="k" * 60)
    refused(result, f"cannot create the folder {data / 'static'} (permission denied)")


def test_a_data_folder_made_read_only_stops_the_start(place: Path) -> None:
    """Its key and static folder are there, so settings load; the start checks that the
    folder takes writes before it serves anything (migrate alone would write nothing)."""
    data = a_kept_data_folder(place / "var")
    data.chmod(0o555)
    result = crossing(place, data, "serve", "--port", "8800")
    refused(
        result,
        f"crossing: error: cannot write to the data folder {data} (permission denied): "
        f"give the user {user()} write access to {data}",
    )


def test_a_key_owned_by_another_user_is_explained(place: Path) -> None:
    if not AS_ROOT:
        pytest.skip("needs a file the tests' user may not read: only root can make one")
    data = a_kept_data_folder(place / "var")
    os.chown(data / "secret_key", NOBODY, NOBODY)  # 0600: nobody's alone
    result = crossing(place, data, "serve", "--port", "8800")
    refused(
        result,
        f"cannot read the secret key file {data / 'secret_key'} (permission denied): give the "
        f"user {user()} read access to it",
    )


def test_static_files_that_cannot_be_collected(place: Path) -> None:
    data = a_kept_data_folder(place / "var")
    static = data / "static"
    static.chmod(0o555)
    result = crossing(place, data, "serve", "--production", "--port", "8800")
    refused(
        result,
        f"cannot write to {static}/",
        f"give the user {user()} write access to {static} and everything in it "
        f"(chown -R {user()} {static})",
    )


def test_odds_that_cannot_be_kept_in_the_cache(place: Path) -> None:
    data = a_kept_data_folder(place / "var")
    (data / "cache").mkdir(mode=0o555)
    result = crossing(place, data, "serve", "--port", "8800")
    refused(result, f"cannot write to the data folder {data / 'cache'} (", "write access to")


def read_only_mount_problem() -> str | None:
    if shutil.which("unshare") is None:
        return "no unshare(1) here"
    probe = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "true"],
        capture_output=True,
        check=False,
    )
    return f"no user namespaces here: {probe.stderr!r}" if probe.returncode else None


def on_read_only_mount(folder: Path, *command: str) -> list[str]:
    """`command` in a user and mount namespace of its own, where `folder` is mounted
    read-only: a real read-only file system, which root cannot write either."""
    script = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"'
    namespace = ["unshare", "--user", "--map-root-user", "--mount"]
    return [*namespace, "sh", "-c", script, "sh", str(folder), *command]


@pytest.mark.parametrize("kept", [False, True], ids=["new", "kept"])
def test_a_read_only_file_system(place: Path, kept: bool) -> None:
    if problem := read_only_mount_problem():
        pytest.skip(problem)
    mount = place / "mount"
    mount.mkdir()
    data = a_kept_data_folder(mount / "var") if kept else mount / "var"
    result = subprocess.run(
        on_read_only_mount(mount, CROSSING, "serve", "--port", "8800"),
        env=environment(place, data),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    what = f"cannot write to the data folder {data}" if kept else f"cannot create the folder {data}"
    refused(
        result,
        f"{what} (read-only file system): mount its file system read-write, "
        "or set CROSSING_DATA_DIR to a folder on a writable one",
    )


def test_no_room_for_the_secret_key(place: Path) -> None:
    data = place / "var"
    data.mkdir()
    result = crossing(place, data, "serve", "--port", "8800", runner=False, fsize=0)
    refused(
        result,
        f"cannot create the secret key file {data / 'secret_key'} (file too large): "
        "raise the file size limit (ulimit -f)",
    )


def test_no_room_for_the_database(place: Path) -> None:
    """Room for the key, not for the database: SQLite fails its write."""
    data = place / "var"
    data.mkdir()
    result = crossing(place, data, "serve", "--port", "8800", runner=False, fsize=8192)
    refused(
        result,
        f"cannot set up the SQLite database {data / 'db.sqlite3'} (disk I/O error): "
        "check the disk (it may be full or failing)",
    )


# -- commands: the database cannot be set up --


def test_a_database_file_that_cannot_be_written(place: Path) -> None:
    data = a_kept_data_folder(place / "var")
    database = data / "db.sqlite3"
    database.touch()  # an empty file is an empty SQLite database; the tests' user's
    database.chmod(0o444)
    result = crossing(place, data, "serve", "--port", "8800")
    refused(
        result,
        f"cannot set up the SQLite database {database} (attempt to write a readonly database): "
        f"give the user {user()} write access to {database} and to the folder it is in",
    )


@contextmanager
def own_postgresql() -> Iterator[str]:
    """A new PostgreSQL database of this test's own, beside DATABASE_URL's."""
    with scratch_postgresql(f"crossing_data_folder_{os.getpid()}") as database:
        if database is None:
            pytest.skip("PostgreSQL is tested where DATABASE_URL names it")
        yield database


def administer(database: str, *statements: str) -> None:
    """Run `statements` on the server as its administrator, then end every session of
    `database`, so that the site's next connection sees the change."""
    import psycopg

    server, name = database.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        for statement in statements:
            admin.execute(statement.format(name=f'"{name}"'))
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name]
        )


def test_a_postgresql_database_that_refuses_writes_stops_the_start(place: Path) -> None:
    data = place / "var"
    data.mkdir()
    with own_postgresql() as database:
        administer(database, "ALTER DATABASE {name} SET default_transaction_read_only = on")
        result = crossing(place, data, "serve", "--port", "8800", DATABASE_URL=database)
    address = urllib.parse.urlsplit(database)
    name, server = address.path.lstrip("/"), f"{address.hostname}:{address.port or 5432}"
    refused(
        result,
        f"cannot set up the PostgreSQL database {name} on {server} (cannot execute CREATE ",
        "in a read-only transaction): check that the database server is running",
    )


def test_a_database_server_that_cannot_be_reached_stops_the_start(place: Path) -> None:
    data = place / "var"
    data.mkdir()
    port = free_port()  # nothing listens there
    database = f"postgres://crossing@127.0.0.1:{port}/crossing"
    result = crossing(place, data, "serve", "--port", "8800", DATABASE_URL=database)
    refused(
        result,
        f"cannot set up the PostgreSQL database crossing on 127.0.0.1:{port} (",
        "check that the database server is running and reachable",
    )


# -- the messages themselves --


@pytest.mark.parametrize(
    ("code", "advice"),
    [
        (errno.EACCES, "give the user {user} write access to {folder}"),
        (errno.EPERM, "give the user {user} write access to {folder}"),
        (errno.EROFS, "mount its file system read-write"),
        (errno.ENOSPC, "free some space on its disk"),
        (errno.EDQUOT, "raise the disk quota of the user {user}"),
        (errno.EFBIG, "raise the file size limit (ulimit -f) of the user {user}"),
        (errno.EIO, "check the disk (it may be full or failing)"),
    ],
)
def test_each_failure_says_what_to_do(tmp_path: Path, code: int, advice: str) -> None:
    text = remedy(code, tmp_path / "missing" / "file")
    assert text.startswith(advice.format(user=user(), folder=tmp_path)), text
    assert "CROSSING_DATA_DIR" in text


def test_a_full_disk_while_writing_names_the_folder(tmp_path: Path) -> None:
    """/dev/full fails every write with ENOSPC, as a full disk does, naming no file."""
    descriptor = os.open("/dev/full", os.O_WRONLY)
    try:
        with pytest.raises(DataFolderError) as raised, writes_to(tmp_path):
            os.write(descriptor, b"odds")
    finally:
        os.close(descriptor)
    assert str(raised.value) == (
        f"cannot write to {tmp_path} (no space left on device): free some space on its disk, "
        "or set CROSSING_DATA_DIR to a folder on another disk"
    )


def test_only_failures_to_write_in_the_folder_are_explained(tmp_path: Path) -> None:
    elsewhere = PermissionError(errno.EACCES, "Permission denied", "/etc/shadow")
    assert explain(elsewhere, tmp_path) is None
    not_a_write = OSError(errno.EINVAL, "Invalid argument", str(tmp_path / "x"))
    assert explain(not_a_write, tmp_path) is None
    inside = PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "cache" / "x"))
    assert str(explain(inside, tmp_path)).startswith(
        f"cannot write to {tmp_path / 'cache' / 'x'} (permission denied): "
    )


# -- the API and the pages, when the database refuses writes --


@contextmanager
def refusing_writes() -> Iterator[None]:
    """The test database, read-only for this connection: SQLite's query_only, PostgreSQL's
    default_transaction_read_only. (Tests that use it run outside a transaction, as the
    site does: a failed write inside one would break the test's own transaction.)"""
    setting = {
        "sqlite": "PRAGMA query_only = {}",
        "postgresql": "SET default_transaction_read_only = {}",
    }
    with connection.cursor() as cursor:
        cursor.execute(setting[connection.vendor].format("on"))
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(setting[connection.vendor].format("off"))


@contextmanager
def full_sqlite_database(ending: dict[str, str]) -> Iterator[None]:
    """A SQLite database that may not grow (max_page_count), filled until it is full. The
    rows that fill it are as large as `ending`'s and sort just before it, so that the page
    `ending` would go to is the one found full."""
    if connection.vendor != "sqlite":
        pytest.skip("a database that is really full is made with SQLite's max_page_count")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA page_count")
        cursor.execute(f"PRAGMA max_page_count = {cursor.fetchone()[0]}")
    width = len(ending["ending"]) - 1
    try:
        with pytest.raises(OperationalError, match="database or disk is full"):
            for number in range(10**width):
                filler = {**ending, "ending": "!" + str(number).zfill(width)}
                EndingCount.objects.create(**filler, count=1)
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA max_page_count = 4294967294")


def an_ending() -> dict[str, str]:
    story = journey().story
    return {"story": story.id, "version": story.version, "ending": sorted(journey().endings)[0]}


def report(client: Client, ending: dict[str, str]) -> Any:
    return client.post("/journey/endings/", json.dumps(ending), "application/json")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("database", ["read-only", "full"])
def test_the_api_answers_json_503_when_the_database_cannot_be_written(
    client: Client, settings: Settings, caplog: pytest.LogCaptureFixture, database: str
) -> None:
    settings.CROSSING_ENDING_RATE = 10_000
    ending = an_ending()  # the journey is published before the database refuses
    problem = refusing_writes() if database == "read-only" else full_sqlite_database(ending)
    with problem, caplog.at_level(logging.ERROR, logger="crossing.web.json_api"):
        response = report(client, ending)
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert response.json() == {
        "error": "the site cannot store this right now; try again in a minute"
    }
    logged = caplog.text
    assert "POST /journey/endings/" in logged and "cannot be written or reached" in logged
    words = {
        ("read-only", "sqlite"): "attempt to write a readonly database",
        ("read-only", "postgresql"): "cannot execute UPDATE in a read-only transaction",
        ("full", "sqlite"): "database or disk is full",
    }
    assert words[database, connection.vendor] in logged


def test_any_other_failure_of_a_json_view_is_answered_as_json(
    caplog: pytest.LogCaptureFixture,
) -> None:
    @json_api
    def broken(request: HttpRequest) -> HttpResponse:
        raise ValueError("a bug")

    with caplog.at_level(logging.ERROR, logger="crossing.web.json_api"):
        response = broken(RequestFactory().post("/api/"))
    assert response.status_code == 500
    assert json.loads(response.content) == {"error": "the server failed; the error has been logged"}
    assert "POST /api/ failed" in caplog.text and "ValueError: a bug" in caplog.text


def count_a_visit(request: HttpRequest) -> HttpResponse:
    """A page that writes to the database, as pages with comments will."""
    EndingCount.objects.create(story="visits", version="1", ending="page", count=1)
    return HttpResponse("counted")


def _site_urls() -> list[Any]:
    # The site's own patterns, beside the page above (i18n_patterns cannot be include()d).
    from crossing.web import urls

    return list(urls.urlpatterns)


urlpatterns = [path("needs-the-database/", count_a_visit), *_site_urls()]


@pytest.mark.django_db(transaction=True)
@pytest.mark.urls(__name__)
def test_a_page_that_needs_the_database_answers_a_plain_503_page(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    with refusing_writes(), caplog.at_level(logging.ERROR, logger="crossing.web.unavailable"):
        response = client.get("/needs-the-database/")
        home = client.get("/")
        journey_page = client.get("/journey/")
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    page = response.content.decode()
    assert "This page is unavailable for a moment" in page
    assert "Traceback" not in page and "OperationalError" not in page
    assert "GET /needs-the-database/" in caplog.text
    assert home.status_code == journey_page.status_code == 200  # they need no database


# -- a running site whose database stops taking writes --


def fetch(url: str, body: bytes | None = None) -> tuple[int, dict[str, str], bytes]:
    headers = {"X-Forwarded-Proto": "https"}  # as from the proxy: no redirect to HTTPS
    if body is not None:
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, body, headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@contextmanager
def serving(place: Path, data: Path, **env: str) -> Iterator[tuple[str, Path]]:
    """`crossing serve --production` (gunicorn, one worker) as a user whom permissions stop;
    yields its address and its log."""
    if problem := runner_problem():
        pytest.skip(problem)
    port = free_port()
    log = place / f"serve-{port}.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [*RUNNER, CROSSING, "serve", "--production", "--workers", "1", "--port", str(port)],
            env=environment(
                place,
                data,
                CROSSING_ENDING_RATE="100000",
                CROSSING_TRUSTED_PROXIES="127.0.0.1",  # its X-Forwarded-Proto says HTTPS
                **env,
            ),
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while process.poll() is None and time.monotonic() < deadline:
            try:
                fetch(base + "/")
                break
            except OSError:
                time.sleep(0.2)
        assert process.poll() is None, log.read_text()
        yield base, log
    finally:
        process.terminate()
        process.wait(timeout=20)


ENDING = json.dumps({"story": "market-day", "version": "1", "ending": "supper"}).encode()


def test_a_running_site_whose_data_folder_turns_read_only(place: Path) -> None:
    """SQLite writes a journal beside the database: once the folder is read-only, reports
    get JSON 503 and pages are still served; once it is writable again, reports count."""
    data = place / "var"
    data.mkdir()
    with serving(place, data) as (base, log):
        assert fetch(base + "/journey/endings/", ENDING)[0] == 200
        data.chmod(0o555)
        status, headers, body = fetch(base + "/journey/endings/", ENDING)
        assert status == 503, body[:300]
        assert headers["Content-Type"] == "application/json"
        assert headers["Retry-After"] == str(RETRY_AFTER_SECONDS)
        assert "error" in json.loads(body)
        assert fetch(base + "/")[0] == fetch(base + "/journey/")[0] == 200
        data.chmod(0o755)
        status, _, body = fetch(base + "/journey/endings/", ENDING)
        assert status == 200 and json.loads(body)["readers"] == 2
    logged = log.read_text()
    assert f"the SQLite database {data / 'db.sqlite3'} cannot be written or reached" in logged
    assert "attempt to write a readonly database" in logged
    assert "Traceback" not in logged


def test_a_running_site_whose_postgresql_database_refuses_writes_then_connections(
    place: Path,
) -> None:
    data = place / "var"
    data.mkdir()
    with own_postgresql() as database, serving(place, data, DATABASE_URL=database) as (base, _):
        assert fetch(base + "/journey/endings/", ENDING)[0] == 200
        administer(database, "ALTER DATABASE {name} SET default_transaction_read_only = on")
        status, headers, body = fetch(base + "/journey/endings/", ENDING)
        assert (status, headers["Retry-After"]) == (503, str(RETRY_AFTER_SECONDS)), body[:300]
        administer(database, "ALTER DATABASE {name} ALLOW_CONNECTIONS false")
        status, headers, body = fetch(base + "/journey/endings/", ENDING)
        assert status == 503 and "error" in json.loads(body)
        assert fetch(base + "/")[0] == fetch(base + "/journey/")[0] == 200
        administer(
            database,
            "ALTER DATABASE {name} ALLOW_CONNECTIONS true",
            "ALTER DATABASE {name} RESET default_transaction_read_only",
        )
        assert fetch(base + "/journey/endings/", ENDING)[0] == 200


def test_a_post_kept_as_rendered_is_served_while_postgresql_refuses_connections(
    place: Path,
) -> None:
    """A post shows comments from the database; while the database cannot be reached the
    post as last rendered is served, and a post never rendered gets the 503 page."""
    data = place / "var"
    data.mkdir()
    site = {"CROSSING_CONTENT_DIR": str(ROOT / "content")}
    with (
        own_postgresql() as database,
        serving(place, data, DATABASE_URL=database, **site) as (
            base,
            _,
        ),
    ):
        post, unvisited = "/news/crossing-launches/", "/news/the-defector-premieres/"
        status, _, kept_page = fetch(base + post)
        assert status == 200
        administer(database, "ALTER DATABASE {name} ALLOW_CONNECTIONS false")
        try:
            assert fetch(base + post)[::2] == (200, kept_page)
            assert fetch(base + unvisited)[0] == 503
        finally:
            administer(database, "ALTER DATABASE {name} ALLOW_CONNECTIONS true")
        assert fetch(base + unvisited)[0] == 200
