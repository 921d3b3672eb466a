"""A consistent, read-only view of a database that the site keeps writing to.

SQLite: the online backup API copies the database, in one step, to a temporary file, which
is then read at leisure; writers wait only while pages are copied (milliseconds for a small
site), and the copy is the database as one committed transaction left it.

PostgreSQL: everything is read in one REPEATABLE READ, READ ONLY transaction, which sees the
database as it was when its first query ran and blocks no writer. (pg_dump does the same, but
needs client binaries matching the server's version on the machine that runs it, and writes a
format only PostgreSQL reads; this way one file format serves both databases, and a site can
move from SQLite to PostgreSQL by a backup and a restore.)"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from django.db import connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.sqlite3.base import DatabaseWrapper as SQLiteDatabaseWrapper

from .errors import BackupError

# The connection alias of the SQLite copy, while it is read.
SQLITE_COPY = "crossing-backup-snapshot"


def sqlite_file(connection: BaseDatabaseWrapper) -> Path | None:
    """The file of a SQLite database; None for another database or one in memory (tests)."""
    if not isinstance(connection, SQLiteDatabaseWrapper) or connection.is_in_memory_db():
        return None
    return Path(connection.settings_dict["NAME"])


def describe(connection: BaseDatabaseWrapper) -> str:
    """The database, as an operator would recognise it (no password)."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"the SQLite database {settings['NAME']}"
    where = f"{settings.get('HOST') or 'localhost'}:{settings.get('PORT') or 5432}"
    return f"the {connection.display_name} database '{settings['NAME']}' on {where}"


@contextmanager
def snapshot(using: str, scratch: Path) -> Iterator[str]:
    """The alias of a connection whose every query sees database `using` as it was at one
    instant. A SQLite copy is made in a temporary folder in `scratch`, and removed after."""
    connection = connections[using]
    if connection.vendor == "sqlite":
        with _sqlite_copy(connection, scratch) as alias:
            yield alias
    elif connection.vendor == "postgresql":
        with transaction.atomic(using=using):
            with connection.cursor() as cursor:
                # The transaction's first statement: what every later query in it will see.
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield using
    else:
        raise BackupError(
            f"backups support SQLite and PostgreSQL, not {connection.display_name} "
            f"({describe(connection)})"
        )


@contextmanager
def _sqlite_copy(connection: BaseDatabaseWrapper, scratch: Path) -> Iterator[str]:
    file = sqlite_file(connection)
    if file is not None and not file.is_file():
        raise BackupError(
            f"no database at {file}: nothing to back up (is CROSSING_DATA_DIR or DATABASE_URL "
            "the site's?)"
        )
    connection.ensure_connection()
    try:
        scratch_folder = tempfile.TemporaryDirectory(dir=scratch, prefix=".crossing-backup-")
    except OSError as error:
        raise BackupError(
            f"cannot make the database's temporary copy in {scratch}: "
            f"{error.strerror or error}; write the backup to a folder you can write to"
        ) from error
    with scratch_folder as folder:
        copy = Path(folder) / "snapshot.sqlite3"
        try:
            with closing(sqlite3.connect(copy)) as target:
                connection.connection.backup(target)  # all pages in one step: one instant
        except sqlite3.Error as error:  # not a database, a full disk
            raise BackupError(f"cannot copy {describe(connection)}: {error}") from error
        # A connection to the copy, under an alias of its own (not in settings.DATABASES).
        reader = type(connection)({**connection.settings_dict, "NAME": str(copy)}, SQLITE_COPY)
        connections[SQLITE_COPY] = reader
        try:
            yield SQLITE_COPY
        finally:
            reader.close()
            del connections[SQLITE_COPY]
