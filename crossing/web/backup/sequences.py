"""The highest automatic id a table has handed out, kept across a backup and restore.

Rows are restored with their ids, which PostgreSQL's sequences do not see; and without the
number, a restored database would hand out again the ids of rows deleted before the backup
(those above every row kept), so that an old link to a deleted row would lead to a new one.
SQLite keeps the number in `sqlite_sequence`, PostgreSQL in each table's sequence."""

from __future__ import annotations

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model
from django.db.models.fields import AutoFieldMixin


def has_automatic_id(model: type[Model]) -> bool:
    return isinstance(model._meta.pk, AutoFieldMixin)


def highest_id(connection: BaseDatabaseWrapper, model: type[Model]) -> int | None:
    """The highest automatic id handed out for `model`'s table, where the database has one."""
    if not has_automatic_id(model):
        return None
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'")
            if cursor.fetchone() is None:
                return None  # made with the first table that has an automatic id
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
            row = cursor.fetchone()
            return int(row[0]) if row else None
        sequence = _sequence(connection, model)
        if sequence is None:
            return None
        cursor.execute(f"SELECT last_value, is_called FROM {sequence}")
        last_value, is_called = cursor.fetchone()
        return int(last_value) if is_called else None


def set_highest_id(connection: BaseDatabaseWrapper, model: type[Model], value: int | None) -> None:
    """Make `value` the highest id handed out for `model`'s table, so that the next is
    `value` + 1; None: as if none had been handed out yet."""
    if not has_automatic_id(model):
        return
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DELETE FROM sqlite_sequence WHERE name = %s", [table])
            if value is not None:
                cursor.execute(
                    "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, value]
                )
        else:
            # setval(sequence, 1, false): the next value is 1.
            arguments = [_sequence(connection, model), value or 1, value is not None]
            cursor.execute("SELECT setval(%s, %s, %s)", arguments)


def _sequence(connection: BaseDatabaseWrapper, model: type[Model]) -> str | None:
    """The name of the PostgreSQL sequence behind `model`'s id column, quoted."""
    pk = model._meta.pk
    assert pk is not None
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [table, pk.column])
        row = cursor.fetchone()
    return str(row[0]) if row and row[0] else None
