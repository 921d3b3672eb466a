"""When the database cannot be written or reached: which errors say so, how to name the
database to an operator, and a check at start that it takes writes.

SQLite in a read-only folder says "attempt to write a readonly database", on a full disk
"database or disk is full"; PostgreSQL refuses a connection, or a write in a read-only
transaction. None of these is a bug in the site, and none should reach a reader as a
traceback or an HTML error page."""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Iterator
from pathlib import Path

from django.db import (
    DEFAULT_DB_ALIAS,
    DatabaseError,
    InternalError,
    OperationalError,
    connections,
    transaction,
)
from django.db.migrations.recorder import MigrationRecorder
from django.db.transaction import TransactionManagementError

from crossing.web.data_folder import remedy, user
from crossing.web.setup_error import SetupError

# Raised when the database is unreachable, read-only, full or locked (PostgreSQL reports a
# read-only transaction as an InternalError); the other DatabaseErrors (IntegrityError,
# ProgrammingError, DataError) are mistakes in the code.
UNAVAILABLE = (OperationalError, InternalError)

# What SQLite's messages mean, as the error number a file write would have given.
SQLITE_PROBLEMS = {
    "readonly": errno.EACCES,
    "unable to open": errno.EACCES,
    "disk is full": errno.ENOSPC,
    "disk i/o error": errno.EIO,
}


class DatabaseSetupError(SetupError):
    """The database cannot be set up or written at start; the message names it."""


def first_error(error: BaseException) -> BaseException:
    """The database error that started it: a failed write inside an atomic block is often
    followed by "You can't execute queries until the end of the 'atomic' block"."""
    found, seen = error, set()
    earlier = error.__cause__ or error.__context__
    while earlier is not None and id(earlier) not in seen:
        seen.add(id(earlier))
        if isinstance(earlier, DatabaseError) and not isinstance(
            earlier, TransactionManagementError
        ):
            found = earlier
        earlier = earlier.__cause__ or earlier.__context__
    return found


def cause(error: BaseException) -> str:
    """The database's own words, on one line (PostgreSQL adds lines of detail)."""
    words = str(first_error(error)).strip().splitlines()
    return words[0] if words else type(error).__name__


def describe(alias: str = DEFAULT_DB_ALIAS) -> str:
    """The database as an operator knows it, without its password."""
    connection = connections[alias]
    config = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"the SQLite database {config['NAME']}"
    where = ":".join(str(part) for part in (config["HOST"] or "localhost", config["PORT"]) if part)
    return f"the {connection.display_name} database {config['NAME']} on {where}"


def what_to_do(error: DatabaseError, alias: str = DEFAULT_DB_ALIAS) -> str:
    connection = connections[alias]
    if connection.vendor == "sqlite":
        name = Path(connection.settings_dict["NAME"])
        words = cause(error).lower()
        code = next((code for text, code in SQLITE_PROBLEMS.items() if text in words), None)
        if code == errno.EACCES:  # SQLite writes a journal beside the file: both must be writable
            return (
                f"give the user {user()} write access to {name} and to the folder it is in, "
                "or set CROSSING_DATA_DIR to a folder it can write to"
            )
        return remedy(code, name.parent)
    return (
        "check that the database server is running and reachable, that the database exists "
        "and that its user may write to it (DATABASE_URL names them)"
    )


@contextlib.contextmanager
def setting_up(alias: str = DEFAULT_DB_ALIAS) -> Iterator[None]:
    """Turn a database error while migrating or checking into a DatabaseSetupError."""
    try:
        yield
    except DatabaseError as error:
        raise DatabaseSetupError(
            f"cannot set up {describe(alias)} ({cause(error)}): {what_to_do(error, alias)}"
        ) from error


def check_writable(alias: str = DEFAULT_DB_ALIAS) -> None:
    """Write a row and roll it back. `migrate` writes nothing when there is nothing to do,
    so a database that refuses writes (a read-only file or folder, a full disk, a read-only
    PostgreSQL role) would otherwise be found by the first reader's report."""
    recorder = MigrationRecorder(connections[alias])
    with transaction.atomic(using=alias):
        recorder.migration_qs.create(app="crossing", name="write check, rolled back")
        transaction.set_rollback(True, using=alias)
