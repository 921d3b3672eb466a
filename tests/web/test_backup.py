"""`crossing backup --out FILE` and `crossing restore FILE` (issue 14): a consistent copy of
every table while the site runs, restored exactly into an empty database, on SQLite and on
PostgreSQL; damaged files and wrong targets refused with what to do.

End-to-end tests run the commands in subprocesses against sites of their own: a data folder,
and SQLite in it or a new PostgreSQL database beside DATABASE_URL's. Most use the test site
in backup_site/ (Crossing with Django's auth and a model of every kind of column)."""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest
from django.db import models
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytest_django.fixtures import Settings

from crossing.web.backup import BackupError, read_contents, restore_backup, take_backup
from crossing.web.backup.fileformat import BackupWriter, Header, Table, read_backup
from crossing.web.backup.values import decode, encode
from crossing.web.journey.endings import record_ending
from crossing.web.journey.models import EndingCount

from .ports import free_port
from .scratch_database import postgresql_server, scratch_postgresql

ROOT = Path(__file__).resolve().parents[2]
CROSSING = str(Path(sys.executable).parent / "crossing")
TEST_SITE = "backup_site.settings"  # tests/web/backup_site
EXAMPLE = ROOT / "examples" / "market-day"
POSTGRESQL = os.environ.get("DATABASE_URL", "").startswith("postgres")
# Each database kind the end-to-end tests run on: SQLite always, PostgreSQL where it runs.
DATABASES = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(not POSTGRESQL, reason="DATABASE_URL names no PostgreSQL"),
    ),
]
SUITE_DATABASE = "postgresql" if POSTGRESQL else "sqlite"


@dataclass
class Site:
    """A site's data folder and database: SQLite in the folder, or a PostgreSQL database."""

    data: Path
    database_url: str | None
    settings: str
    migrated: Callable[[Site], None] = lambda site: None

    def migrate(self) -> None:
        """`python -m django migrate -v0` in this new site, or its result: the data folder
        and database of a site where that ran with the same settings, copied."""
        self.migrated(self)

    def env(self, **more: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("CROSSING_", "DJANGO_"))}
        env.pop("DATABASE_URL", None)
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        return {
            **env,
            "CROSSING_DATA_DIR": str(self.data),
            "DJANGO_SETTINGS_MODULE": self.settings,
            "PYTHONPATH": str(ROOT / "tests" / "web"),
            **more,
        }

    def run(self, *command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            command, env=self.env(), cwd=ROOT, capture_output=True, text=True, timeout=300
        )

    def crossing(self, *args: str) -> subprocess.CompletedProcess[str]:
        return self.run(CROSSING, *args)

    def python(self, *args: str) -> str:
        """`python -m ARGS` in the site; its standard output."""
        result = self.run(sys.executable, "-m", *args)
        assert result.returncode == 0, result.stderr
        return result.stdout


def _administer(statement: str) -> None:
    import psycopg

    with psycopg.connect(f"{postgresql_server()}/postgres", autocommit=True) as admin:
        admin.execute(statement)


@pytest.fixture(scope="session")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[Site], None]]:
    """Sets up a new site as `python -m django migrate -v0` does, running it once per
    database kind and settings (in a site of its own, kept for the session) and copying
    the result: the data folder, and the PostgreSQL database as a template."""
    done: dict[tuple[bool, str], Site] = {}
    with ExitStack() as databases:

        def migrate(site: Site) -> None:
            key = (site.database_url is not None, site.settings)
            if key not in done:
                url = None
                if site.database_url is not None:
                    name = f"crossing_backup_migrated_{os.getpid()}_{len(done)}"
                    url = databases.enter_context(scratch_postgresql(name))
                folder = tmp_path_factory.mktemp("migrated") / "data"
                done[key] = Site(folder, url, site.settings)
                done[key].python("django", "migrate", "-v0")
            template = done[key]
            shutil.copytree(template.data, site.data, dirs_exist_ok=True)
            if site.database_url is not None and template.database_url is not None:
                name, source = (
                    u.rsplit("/", 1)[1] for u in (site.database_url, template.database_url)
                )
                _administer(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                _administer(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')

        yield migrate


@pytest.fixture
def new_site(tmp_path: Path, migrated: Callable[[Site], None]) -> Iterator[Callable[..., Site]]:
    """Makes sites; their PostgreSQL databases are dropped after the test."""
    with ExitStack() as databases:

        def make(database: str = SUITE_DATABASE, settings: str = TEST_SITE) -> Site:
            number = len(list(tmp_path.glob("site-*")))
            url = None
            if database == "postgresql":
                name = f"crossing_backup_test_{os.getpid()}_{number}"
                url = databases.enter_context(scratch_postgresql(name))
            return Site(tmp_path / f"site-{number}", url, settings, migrated)

        yield make


def succeeds(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stderr


def refused(result: subprocess.CompletedProcess[str], status: int) -> str:
    """The one-line error of a refusal; never a traceback."""
    assert result.returncode == status, result.stderr
    assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr
    return result.stderr


def data_lines(backup: Path) -> list[bytes]:
    """Everything after the header line: the data, which depends on nothing else."""
    return gzip.decompress(backup.read_bytes()).splitlines()[1:]


def rows_of(backup: Path, table: str) -> list[dict[str, Any]]:
    found, current = [], None
    for item in read_backup(backup):
        if isinstance(item, Table):
            current = item
        elif isinstance(item, list) and current is not None and current.name == table:
            found.append(dict(zip(current.columns, item, strict=True)))
    return found


# --- Round trips ------------------------------------------------------------------------


@pytest.mark.parametrize("database", DATABASES)
def test_backup_restore_backup_gives_the_same_rows_values_and_ids(
    new_site: Callable[..., Site], database: str, tmp_path: Path
) -> None:
    """Every table of every app (auth's many-to-many tables, inheritance, a self reference,
    times to the microsecond, exact decimals, bytes, JSON, text in any script) comes back
    as it was, with its ids, and ids of deleted rows are not handed out again."""
    first = new_site(database)
    first.migrate()
    first.python("backup_site.site", "fill")
    backup = tmp_path / "first.jsonl.gz"
    assert "wrote " in succeeds(first.crossing("backup", "--out", str(backup)))
    assert backup.stat().st_mode & 0o777 == 0o600, "it will hold email addresses"
    tables = {table.name for table in read_contents(backup).tables}
    assert {
        "auth_user",
        "auth_user_groups",
        "auth_group_permissions",
        "django_content_type",
    } < tables
    assert {"journey_endingcount", "records_note_tags", "records_screening"} < tables

    # A database `crossing serve` set up is empty too, even though migrate gave it content
    # types and permissions; here with other ids than the backup's.
    second = new_site(database)
    second.migrate()
    second.python("backup_site.site", "renumber-content-types")
    shown = succeeds(second.crossing("restore", str(backup)))
    # Counted from the file: each app the site installs (the admin, the outbox) adds tables.
    contents = read_contents(backup)
    assert f"restored {backup}" in shown
    assert f"{len(contents.tables)} tables, {contents.rows} rows" in shown
    again = tmp_path / "second.jsonl.gz"
    succeeds(second.crossing("backup", "--out", str(again)))

    assert data_lines(again) == data_lines(backup)
    # Read back through Django's models, not the backup's own code:
    assert second.python("backup_site.site", "show") == first.python("backup_site.site", "show")
    # A note was deleted before the backup: the next id is the one the first site gives.
    assert second.python("backup_site.site", "add") == first.python("backup_site.site", "add")


@pytest.mark.skipif(not POSTGRESQL, reason="DATABASE_URL names no PostgreSQL")
def test_a_site_moves_from_sqlite_to_postgresql_and_back(
    new_site: Callable[..., Site], tmp_path: Path
) -> None:
    on_sqlite = new_site("sqlite")
    on_sqlite.migrate()
    on_sqlite.python("backup_site.site", "fill")
    from_sqlite = tmp_path / "sqlite.jsonl.gz"
    succeeds(on_sqlite.crossing("backup", "--out", str(from_sqlite)))
    on_postgresql = new_site("postgresql")
    assert "PostgreSQL" in succeeds(on_postgresql.crossing("restore", str(from_sqlite)))
    from_postgresql = tmp_path / "postgresql.jsonl.gz"
    succeeds(on_postgresql.crossing("backup", "--out", str(from_postgresql)))
    on_sqlite_again = new_site("sqlite")
    assert "SQLite" in succeeds(on_sqlite_again.crossing("restore", str(from_postgresql)))

    show = "backup_site.site", "show"
    assert on_postgresql.python(*show) == on_sqlite.python(*show)
    assert on_sqlite_again.python(*show) == on_sqlite.python(*show)
    assert on_postgresql.python("backup_site.site", "add") == "5\n"
    assert on_sqlite_again.python("backup_site.site", "add") == "5\n"


def test_an_older_backup_is_restored_as_it_was_then_migrated_forward(
    new_site: Callable[..., Site], tmp_path: Path
) -> None:
    """A backup taken before migration records.0002 (which adds a column and fills it from
    another) is restored into the tables of its time; the migration then runs on its rows."""
    old = new_site()
    old.migrate()
    old.python("django", "migrate", "records", "0001", "-v0")
    old.python("backup_site.site", "fill-old")
    backup = tmp_path / "old.jsonl.gz"
    succeeds(old.crossing("backup", "--out", str(backup)))
    migrations = read_contents(backup).header.migrations
    assert ("records", "0001_initial") in migrations
    assert ("records", "0002_seats_left") not in migrations

    new = new_site()
    assert "then applied 1 newer migration\n" in succeeds(new.crossing("restore", str(backup)))
    screenings = json.loads(new.python("backup_site.site", "show"))["records.Screening"]
    assert [(s["title"], s["seats"], s["seats_left"]) for s in screenings] == [
        ("An older screening", 25, 25)
    ]

    # A database already at the newer migrations is not taken back: migrations are not undone.
    newer = new_site()
    newer.migrate()
    message = refused(newer.crossing("restore", str(backup)), 2)
    assert "set up by a later version of Crossing than the backup's" in message
    assert "records.0002_seats_left" in message and "Restore into a new, empty database" in message


# --- While reports arrive ---------------------------------------------------------------


@pytest.mark.parametrize("database", DATABASES)
def test_backups_taken_while_reports_arrive_are_consistent(
    new_site: Callable[..., Site], database: str, tmp_path: Path
) -> None:
    """`crossing serve --production --workers 2` takes ending reports from eight clients
    while three backups are taken. Each backup holds a consistent state: at least the
    reports acknowledged before it started, at most those sent before it finished, with no
    row torn. Each restores into a new database whose backup is the same, line for line."""
    site = new_site(database, "crossing.web.settings")
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE, content / "journey")
    port = free_port()
    server = subprocess.Popen(
        [CROSSING, "serve", "--production", "--workers", "2", "--port", str(port)],
        env=site.env(
            CROSSING_CONTENT_DIR=str(content),
            CROSSING_NO_SSL_REDIRECT="1",
            CROSSING_ENDING_RATE="100000",
        ),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    lock = threading.Lock()
    sent = acknowledged = 0
    statuses: Counter[int | str] = Counter()
    stop = threading.Event()

    def report(ending: str) -> None:
        nonlocal sent, acknowledged
        body = json.dumps({"story": "market-day", "version": "1", "ending": ending}).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/journey/endings/",
            body,
            {"Content-Type": "application/json"},
        )
        while not stop.is_set():
            with lock:
                sent += 1
            try:
                with urllib.request.urlopen(request, timeout=30) as answer:
                    status: int | str = answer.status
            except urllib.error.HTTPError as error:
                status = error.code
            except OSError as error:
                status = type(error).__name__
            with lock:
                statuses[status] += 1
                acknowledged += status == 200

    def counted() -> tuple[int, int]:
        with lock:
            return acknowledged, sent

    clients = [
        threading.Thread(target=report, args=(("supper", "hungry")[n % 2],)) for n in range(8)
    ]
    backups = []
    try:
        _wait_for_server(port, server)
        for client in clients:
            client.start()
        while counted()[0] < 100:
            time.sleep(0.05)
        for number in range(3):
            backup = tmp_path / f"live-{number}.jsonl.gz"
            before, _ = counted()
            succeeds(site.crossing("backup", "--out", str(backup)))
            after_acknowledged, after_sent = counted()
            stored = sum(row["count"] for row in rows_of(backup, "journey_endingcount"))
            assert before <= stored <= after_sent, (before, stored, after_sent)
            assert after_acknowledged > before, "reports should arrive during the backup"
            backups.append(backup)
    finally:
        stop.set()
        for client in clients:
            if client.is_alive():
                client.join(timeout=60)
        server.terminate()
        server.wait(timeout=30)
    assert set(statuses) == {200}, statuses

    for number, backup in enumerate(backups):
        restored = new_site(database, "crossing.web.settings")
        succeeds(restored.crossing("restore", str(backup)))
        again = tmp_path / f"again-{number}.jsonl.gz"
        succeeds(restored.crossing("backup", "--out", str(again)))
        assert data_lines(again) == data_lines(backup)


def _wait_for_server(port: int, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        assert server.poll() is None, "the server stopped"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError("the server did not start")


# --- What is refused --------------------------------------------------------------------


def test_restore_refuses_a_database_that_holds_data(new_site: Callable[..., Site]) -> None:
    site = new_site(settings="crossing.web.settings")
    site.migrate()
    site.python("backup_site.site", "report-ending")
    backup = site.data / "backup.jsonl.gz"
    succeeds(site.crossing("backup", "--out", str(backup)))
    message = refused(site.crossing("restore", str(backup)), 2)
    assert "is not empty (journey_endingcount has 1 row)" in message
    assert "restored into an empty database only, so that nothing is merged or lost" in message
    fix = "move" if SUITE_DATABASE == "sqlite" else "create a new database"
    assert fix in message
    assert site.python("backup_site.site", "count-endings") == "1\n"


def test_a_database_never_set_up_has_nothing_to_back_up(
    new_site: Callable[..., Site], tmp_path: Path
) -> None:
    site = new_site(settings="crossing.web.settings")
    message = refused(site.crossing("backup", "--out", str(tmp_path / "b.jsonl.gz")), 1)
    if SUITE_DATABASE == "sqlite":
        assert f"no database at {site.data / 'db.sqlite3'}: nothing to back up" in message
        assert not (site.data / "db.sqlite3").exists(), "no empty database made"
    else:
        assert "has never been set up (no migrations applied): nothing to back up" in message
    assert not (tmp_path / "b.jsonl.gz").exists()


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("db.sqlite3", "is the site's database"),
        ("secret_key", "is the site's secret key"),
        ("notes.txt", "exists and was not written by crossing backup: not overwriting it"),
        ("missing/b.jsonl.gz", "no folder"),
    ],
)
def test_backup_writes_no_file_it_must_not(
    new_site: Callable[..., Site], name: str, why: str
) -> None:
    site = new_site("sqlite", "crossing.web.settings")
    site.migrate()
    (site.data / "notes.txt").write_text("mine\n")
    before = {p.name: p.read_bytes() for p in site.data.iterdir() if p.is_file()}
    message = refused(site.crossing("backup", "--out", str(site.data / name)), 2)
    assert why in message and "Traceback" not in message
    assert {p.name: p.read_bytes() for p in site.data.iterdir() if p.is_file()} == before


def test_a_file_that_is_not_a_database_is_not_backed_up(
    new_site: Callable[..., Site], tmp_path: Path
) -> None:
    site = new_site("sqlite", "crossing.web.settings")
    site.data.mkdir()
    (site.data / "db.sqlite3").write_bytes(b"not a database, " * 300)
    message = refused(site.crossing("backup", "--out", str(tmp_path / "b.jsonl.gz")), 1)
    assert f"cannot copy the SQLite database {site.data / 'db.sqlite3'}: file is not a" in message


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_a_folder_nothing_can_be_written_to_is_explained(new_site: Callable[..., Site]) -> None:
    """/proc exists, but no file can be made in it (not even by root)."""
    site = new_site(settings="crossing.web.settings")
    site.migrate()
    message = refused(site.crossing("backup", "--out", "/proc/backup.jsonl.gz"), 1)
    if SUITE_DATABASE == "sqlite":  # the temporary copy comes first
        assert "cannot make the database's temporary copy in /proc: " in message
    else:
        assert "cannot write '/proc/backup.jsonl.gz': " in message
        assert "nothing was changed" in message


def test_a_reference_to_a_missing_row_undoes_the_restore(
    new_site: Callable[..., Site], tmp_path: Path
) -> None:
    """Foreign keys are checked once every row is in (rows may refer to later ones)."""
    site = new_site()
    site.migrate()
    site.python("backup_site.site", "fill")
    backup = tmp_path / "backup.jsonl.gz"
    succeeds(site.crossing("backup", "--out", str(backup)))
    lines = gzip.decompress(backup.read_bytes()).splitlines(keepends=True)
    tags = next(n for n, line in enumerate(lines) if b'"table":"records_note_tags"' in line)
    lines[tags + 1] = b"[1,1,999]\n"  # a tag that does not exist
    edited = _write(tmp_path / "edited.jsonl.gz", _compressed(b"".join(lines)))
    target = new_site()
    message = refused(target.crossing("restore", str(edited)), 1)
    assert f"'{edited}' breaks a rule of the database: " in message
    assert "nothing was restored; the file was edited or is damaged" in message
    assert json.loads(target.python("backup_site.site", "show"))["records.Note"] == []


def test_a_damaged_file_is_refused_before_the_database_is_touched(
    new_site: Callable[..., Site], tmp_path: Path
) -> None:
    site = new_site("sqlite", "crossing.web.settings")
    whole = gzip.compress(_backup_bytes(rows=300), mtime=0)
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(whole[: len(whole) // 2])
    message = refused(site.crossing("restore", str(cut)), 1)
    assert f"'{cut}' is damaged" in message and "use another copy of the backup" in message
    assert not (site.data / "db.sqlite3").exists()


# --- In this process: the file format, values, and the database of the test suite -----


def _backup_bytes(rows: int = 2, migrations: tuple[tuple[str, str], ...] = ()) -> bytes:
    """A backup file's text (before compression) of journey_endingcount with `rows` rows."""
    buffer = io.BytesIO()
    header = Header("2026-01-01T00:00:00+00:00", "sqlite", "0.1.0", migrations)
    writer = BackupWriter(buffer, header)
    writer.table(Table("journey_endingcount", ("id", "story", "version", "ending", "count"), rows))
    for number in range(1, rows + 1):
        writer.row([number, "market-day", "1", f"ending-{number}", number * 3])
    writer.finish()
    return gzip.decompress(buffer.getvalue())


def _compressed(text: bytes) -> bytes:
    return gzip.compress(text, mtime=0)


GOOD = _backup_bytes()
LINES = GOOD.splitlines(keepends=True)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is not a Crossing backup: give a file written by `crossing backup` (it is empty)"),
        (
            b"id,story\n1,x\n",
            "is not a Crossing backup: give a file written by `crossing backup` (it is not gzip-compressed)",
        ),
        (_compressed(b'{"hello": 1}\n'), "is not a Crossing backup"),
        (
            _compressed(GOOD.replace(b'"version":1', b'"version":2', 1)),
            "is a backup in format 2, which this version of Crossing cannot read (it reads format 1)",
        ),
        (
            _compressed(b"".join(LINES[:3])),
            "is truncated: it stops before row 2 of 2 of table journey_endingcount (line 4)",
        ),
        (_compressed(b"".join(LINES[:-1])), "is truncated: it stops before the end line (line 5)"),
        (
            _compressed(GOOD.replace(b'"count"]', b'"count","more"]')),
            "is damaged: line 3: expected a row of 6 values",
        ),
        (
            _compressed(GOOD.replace(b'[2,"market', b'[2 "market')),
            "is damaged: line 4: this line is not JSON",
        ),
        (_compressed(GOOD + b"[3]\n"), "is damaged: line 6: there is more after the end line"),
        (
            _compressed(GOOD.replace(b'"rows":2}', b'"rows":3}')),
            "is damaged: line 5: the end line does not match the tables and rows",
        ),
        (_compressed(GOOD)[:-12], "is damaged: its compressed data is corrupt or cut short"),
        (
            _compressed(GOOD)[:-4] + b"\0\0\0\0",
            "is damaged: its compressed data is corrupt or cut short",
        ),
    ],
)
def test_damaged_files_are_refused_saying_where_and_what_to_do(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = tmp_path / "backup.jsonl.gz"
    path.write_bytes(data)
    with pytest.raises(BackupError) as refusal:
        read_contents(path)
    assert f"'{path}' {message}" in str(refusal.value)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_any_cut_or_changed_byte_is_refused_or_harmless(
    tmp_path: Path, data: st.DataObject
) -> None:
    """A file cut anywhere is refused; a byte changed anywhere is refused, or (in gzip's
    header: a time stamp, the system) changes nothing that is read."""
    whole = _compressed(_backup_bytes(rows=40))
    path = tmp_path / "backup.jsonl.gz"
    where = data.draw(st.integers(0, len(whole) - 1))
    if data.draw(st.booleans()):
        path.write_bytes(whole[:where])
    else:
        changed = bytearray(whole)
        changed[where] ^= data.draw(st.integers(1, 255))
        path.write_bytes(bytes(changed))
    try:
        items = list(read_backup(path))
    except BackupError as error:
        assert str(path) in str(error)
        assert "use another copy of the backup" in str(error) or "not a Crossing backup" in str(
            error
        )
    else:
        assert items == list(read_backup(_write(tmp_path / "good.jsonl.gz", whole)))


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _field(field: models.Field[Any, Any]) -> models.Field[Any, Any]:
    field.set_attributes_from_name("value")
    return field


def _json_values() -> st.SearchStrategy[Any]:
    scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
        max_leaves=12,
    )


VALUES = [
    (models.CharField(max_length=1000), st.text()),
    (models.BooleanField(), st.booleans()),
    (models.BigIntegerField(), st.integers(-(2**63), 2**63 - 1)),
    (models.FloatField(), st.floats(allow_nan=False)),
    (
        models.DecimalField(max_digits=14, decimal_places=6),
        st.decimals(places=6, min_value=-(10**8) + 1, max_value=10**8 - 1),
    ),
    (models.DateTimeField(), st.datetimes(timezones=st.just(UTC))),
    (models.DateField(), st.dates()),
    (models.TimeField(), st.times()),
    (models.DurationField(), st.timedeltas()),
    (models.UUIDField(), st.uuids()),
    (models.BinaryField(), st.binary()),
    (models.JSONField(), _json_values()),
]


@pytest.mark.parametrize(("field", "values"), VALUES, ids=lambda v: type(v).__name__)
def test_every_kind_of_value_comes_back_exactly(
    field: models.Field[Any, Any], values: st.SearchStrategy[Any]
) -> None:
    """What a database returns for a column, written as JSON and read back, is the same
    value: times to the microsecond with their offset, decimals to the last digit, bytes."""
    field = _field(field)

    @settings(max_examples=150)
    @given(values)
    def comes_back(value: Any) -> None:
        written = json.dumps(encode(field, value), ensure_ascii=False)
        back = decode(field, json.loads(written))
        assert (bytes(back) if isinstance(value, bytes) else back) == value
        assert type(back) is type(value) or isinstance(value, bytes)

    comes_back()


def test_a_backup_from_a_later_version_is_refused_before_the_database_is_touched(
    tmp_path: Path,
) -> None:
    """No database access is allowed in this test: the refusal comes first."""
    backup = tmp_path / "later.jsonl.gz"
    later = (("contenttypes", "0001_initial"), ("journey", "0099_from_the_future"))
    backup.write_bytes(_compressed(_backup_bytes(migrations=later)))
    with pytest.raises(BackupError) as refusal:
        restore_backup(backup)
    assert str(refusal.value) == (
        f"'{backup}' comes from a later version of Crossing: its database had migrations this "
        "version does not know (journey.0099_from_the_future); upgrade Crossing, then restore"
    )


def test_a_file_whose_tables_its_migrations_do_not_make_is_refused(tmp_path: Path) -> None:
    backup = tmp_path / "edited.jsonl.gz"
    backup.write_bytes(_compressed(_backup_bytes(migrations=(("contenttypes", "0001_initial"),))))
    with pytest.raises(BackupError) as refusal:
        restore_backup(backup)
    assert "does not match its own migrations: they make no table journey_endingcount" in str(
        refusal.value
    )


@pytest.fixture
def data_folder(tmp_path: Path, settings: Settings) -> Path:
    settings.DATA_DIR = tmp_path
    return tmp_path


@pytest.mark.django_db(transaction=True)
def test_a_restore_that_fails_midway_leaves_the_database_empty(data_folder: Path) -> None:
    """Every row goes in one transaction: a bad value on the last line undoes the rest."""
    for ending in ("home", "caught", "home"):
        record_ending(story="s", version="1", ending=ending)
    backup = data_folder / "backup.jsonl.gz"
    take_backup(backup)
    lines = gzip.decompress(backup.read_bytes()).splitlines(keepends=True)
    table = next(n for n, line in enumerate(lines) if b'"journey_endingcount"' in line)
    lines[table + 2] = lines[table + 2].replace(b",1]", b',"many"]')
    broken = _write(data_folder / "broken.jsonl.gz", _compressed(b"".join(lines)))
    EndingCount.objects.all().delete()

    with pytest.raises(BackupError) as refusal:
        restore_backup(broken)
    assert f"'{broken}' is damaged: line {table + 3}: 'many' is not a value of " in str(
        refusal.value
    )
    assert "journey_endingcount.count" in str(refusal.value)
    assert not EndingCount.objects.exists()

    restore_backup(backup)
    assert sorted(EndingCount.objects.values_list("ending", "count")) == [
        ("caught", 1),
        ("home", 2),
    ]


@pytest.mark.django_db(transaction=True)
def test_a_row_the_table_refuses_undoes_the_restore(data_folder: Path) -> None:
    for ending in ("home", "caught"):
        record_ending(story="s", version="1", ending=ending)
    backup = data_folder / "backup.jsonl.gz"
    take_backup(backup)
    twice = gzip.decompress(backup.read_bytes()).replace(b'"caught"', b'"home"')
    edited = _write(data_folder / "edited.jsonl.gz", _compressed(twice))
    EndingCount.objects.all().delete()

    with pytest.raises(BackupError) as refusal:
        restore_backup(edited)
    message = str(refusal.value)
    assert (
        f"'{edited}', line " in message
        and ": the row cannot go into journey_endingcount: " in message
    )
    assert message.endswith("; nothing was restored") and "\n" not in message
    assert not EndingCount.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_an_earlier_backup_is_replaced_whole(data_folder: Path) -> None:
    backup = data_folder / "backup.jsonl.gz"
    take_backup(backup)
    record_ending(story="s", version="1", ending="home")
    summary = take_backup(backup)
    # Every row of every table (content types, the admin's permissions, the ending count).
    assert summary.rows == sum(isinstance(item, list) for item in read_backup(backup))
    assert [row["ending"] for row in rows_of(backup, "journey_endingcount")] == ["home"]
    assert [p.name for p in data_folder.iterdir()] == ["backup.jsonl.gz"], "no leftovers"


@pytest.mark.django_db(transaction=True)
def test_a_database_set_up_by_a_later_version_is_refused(data_folder: Path) -> None:
    """A database with a migration this code does not know is not restored into."""
    from django.db import connection
    from django.db.migrations.recorder import MigrationRecorder

    backup = data_folder / "backup.jsonl.gz"
    take_backup(backup)
    recorder = MigrationRecorder(connection)
    recorder.record_applied("journey", "0099_from_the_future")
    try:
        with pytest.raises(BackupError) as refusal:
            restore_backup(backup)
    finally:
        recorder.record_unapplied("journey", "0099_from_the_future")
    assert refusal.value.exit_code == 2
    assert (
        "was set up by a later version of Crossing than the backup's: it has migrations the "
        "backup lacks (journey.0099_from_the_future)"
    ) in str(refusal.value)
