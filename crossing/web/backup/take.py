"""`crossing backup --out FILE`: every table of every installed app, as one instant left it.

The file is written to a temporary file beside FILE and renamed over it once whole, readable
by its owner only (the database will hold readers' email addresses)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Count, Max, Model

from crossing.files import OutputError, atomic_writer, check_output

from .errors import BackupError, one_line
from .fileformat import BackupWriter, Header, Table, is_backup
from .schema import applied, models, stored_fields, unknown
from .sequences import highest_id
from .snapshot import describe, snapshot, sqlite_file
from .values import encode

# Rows fetched from the database at a time (PostgreSQL: through a server-side cursor).
CHUNK = 2000


@dataclass(frozen=True)
class BackupSummary:
    database: str
    tables: int
    rows: int
    size: int  # bytes


def take_backup(out: Path, *, using: str = DEFAULT_DB_ALIAS) -> BackupSummary:
    """Write a backup of database `using` to `out`; raises BackupError."""
    connection = connections[using]
    _check_out(out, connection)
    taken = datetime.now(UTC).isoformat(timespec="seconds")
    try:
        with snapshot(using, out.resolve().parent) as alias:
            reader = connections[alias]
            recorded = applied(reader)
            if not recorded:
                raise BackupError(
                    f"{describe(connection)} has never been set up (no migrations applied): "
                    "nothing to back up"
                )
            if newer := unknown(recorded):
                raise BackupError(
                    f"{describe(connection)} was migrated by a later version of Crossing "
                    f"({', '.join(newer)} are unknown to this one): back up with that version"
                )
            header = Header(taken, connection.vendor, version("crossing"), tuple(sorted(recorded)))
            tables = rows = 0
            with atomic_writer(out, mode=0o600) as file:
                writer = BackupWriter(file, header)
                for model in models(recorded, reader):
                    tables += 1
                    rows += _write_table(writer, reader, model)
                writer.finish()
    except OutputError as error:
        raise BackupError(str(error), error.exit_code) from error
    except DatabaseError as error:
        raise BackupError(f"cannot read {describe(connection)}: {one_line(error)}") from error
    return BackupSummary(describe(connection), tables, rows, out.stat().st_size)


def _write_table(writer: BackupWriter, reader: BaseDatabaseWrapper, model: type[Model]) -> int:
    fields = stored_fields(model)
    rows = model._base_manager.using(reader.alias).order_by("pk")
    found = rows.aggregate(rows=Count("pk"), max_id=Max("pk"))
    last_id = highest_id(reader, model)
    if last_id is not None and found["max_id"] is not None and last_id <= found["max_id"]:
        last_id = None  # the restored rows imply it
    writer.table(
        Table(model._meta.db_table, tuple(str(f.column) for f in fields), found["rows"], last_id)
    )
    for values in rows.values_list(*(f.attname for f in fields)).iterator(chunk_size=CHUNK):
        writer.row([encode(field, value) for field, value in zip(fields, values, strict=True)])
    return int(found["rows"])


def _check_out(out: Path, connection: BaseDatabaseWrapper) -> None:
    """Refuse to write over the database, the secret key, or a file that is not a backup."""
    kept = {settings.DATA_DIR / "secret_key": "secret key"}
    if database := sqlite_file(connection):
        kept[database] = "database"
        for suffix in ("-journal", "-wal", "-shm"):  # SQLite's files beside it
            kept[database.with_name(database.name + suffix)] = "database's journal"
    for path, what in kept.items():
        if out.resolve() == path.resolve():
            raise BackupError(
                f"'{out}' is the site's {what}: choose another file for the backup", 2
            )
    try:
        check_output(out, [], is_backup, "crossing backup")
    except OutputError as error:
        raise BackupError(str(error), error.exit_code) from error
