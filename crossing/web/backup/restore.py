"""`crossing restore FILE`: a backup, loaded whole into an empty database.

In order: the whole file is read and checked (nothing is touched if it is damaged); the
database must be empty; it is migrated to the backup's migrations; every row is inserted,
ids and all, in one transaction; the next ids come after the backup's; and the ordinary
migrations bring it up to this version of the code."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, DatabaseError, IntegrityError, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Field, Max, Model

from . import sequences
from .errors import BackupError, one_line
from .fileformat import Contents, Table, read_backup, read_contents
from .schema import Migration, applied, migrate_to, models, stored_fields, unknown
from .snapshot import describe
from .values import decode

# Tables that `migrate` fills by itself, so that a new database is not empty of them; their
# rows are replaced by the backup's (whose ids the other tables refer to).
FILLED_BY_MIGRATE = {"contenttypes.contenttype", "auth.permission"}


@dataclass(frozen=True)
class RestoreSummary:
    database: str
    contents: Contents
    migrated: int  # migrations applied after the rows, to bring it up to this version


def restore_backup(path: Path, *, using: str = DEFAULT_DB_ALIAS) -> RestoreSummary:
    """Restore the backup at `path` into database `using`, which must be empty; raises
    BackupError, having changed nothing but, at most, the empty database's tables."""
    # The whole file, checked against the migrations it names, before the database is touched.
    contents = read_contents(path)
    migrations = set(contents.header.migrations)
    if newer := unknown(migrations):
        raise BackupError(
            f"'{path}' comes from a later version of Crossing: its database had migrations "
            f"this version does not know ({', '.join(newer)}); upgrade Crossing, then restore"
        )
    tables = models(migrations)
    columns = _columns(path, contents, tables)
    connection = connections[using]
    try:
        _refuse_unless_empty(connection, applied(connection))
        migrate_to(connection, migrations)
        _load(path, connection, tables, columns)
        executor = MigrationExecutor(connection)
        forward = executor.migration_plan(executor.loader.graph.leaf_nodes())
        call_command("migrate", database=using, interactive=False, verbosity=0)
    except DatabaseError as error:
        raise BackupError(
            f"cannot restore into {describe(connection)}: {one_line(error)}"
        ) from error
    return RestoreSummary(describe(connection), contents, len(forward))


def _refuse_unless_empty(connection: BaseDatabaseWrapper, migrations: set[Migration]) -> None:
    existing = set(connection.introspection.table_names())
    holding = []
    for model in models(migrations, connection):
        table = model._meta.db_table
        if model._meta.label_lower in FILLED_BY_MIGRATE or table not in existing:
            continue
        if count := model._base_manager.using(connection.alias).count():
            holding.append(f"{table} has {count} row{'s' * (count != 1)}")
    if not holding:
        return
    if connection.vendor == "sqlite":
        fix = f"move {connection.settings_dict['NAME']} away first"
    else:
        fix = "create a new database and point DATABASE_URL at it"
    raise BackupError(
        f"{describe(connection)} is not empty ({'; '.join(holding)}): a backup is restored "
        f"into an empty database only, so that nothing is merged or lost; {fix}",
        exit_code=2,
    )


def _columns(
    path: Path, contents: Contents, tables: list[type[Model]]
) -> dict[str, list[Field[Any, Any]]]:
    """The fields of each table's columns, in the file's order. The file must hold the
    tables its own migrations make, with their columns."""
    by_table = {model._meta.db_table: model for model in tables}
    found = {}
    for table in contents.tables:
        model = by_table.get(table.name)
        fields = {f.column: f for f in stored_fields(model)} if model else {}
        if model is None or set(fields) != set(table.columns):
            raise BackupError(
                f"'{path}' does not match its own migrations: they make no table "
                f"{table.name} ({', '.join(table.columns)}); the file was edited or is "
                "damaged; nothing was restored"
            )
        found[table.name] = [fields[column] for column in table.columns]
    if missing := sorted(set(by_table) - set(found)):
        raise BackupError(
            f"'{path}' does not match its own migrations: it lacks their tables "
            f"{', '.join(missing)}; the file was edited or is damaged; nothing was restored"
        )
    return found


def _load(
    path: Path,
    connection: BaseDatabaseWrapper,
    tables: list[type[Model]],
    columns: dict[str, list[Field[Any, Any]]],
) -> None:
    """Insert every row of the file in one transaction, then set where ids continue."""
    by_table = {model._meta.db_table: model for model in tables}
    with transaction.atomic(using=connection.alias):
        # Again, inside the transaction: a site may have written since the first look.
        _refuse_unless_empty(connection, applied(connection))
        with connection.cursor() as cursor:
            for model in tables:
                if model._meta.label_lower in FILLED_BY_MIGRATE:
                    cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
        last_ids: dict[str, int | None] = {}
        table: Table | None = None
        for line, item in enumerate(read_backup(path), start=1):
            if isinstance(item, Table):
                table = item
                last_ids[item.name] = item.last_id
            elif isinstance(item, list) and table is not None:
                model = by_table[table.name]
                _insert(path, line, connection.alias, model, columns[table.name], item)
        try:
            connection.check_constraints()
        except IntegrityError as error:
            raise BackupError(
                f"'{path}' breaks a rule of the database: {one_line(error)}; nothing was restored; "
                "the file was edited or is damaged"
            ) from error
        # Ids continue where the backup's database would have gone on, whatever this one did.
        for model in filter(sequences.has_automatic_id, tables):
            last_id = last_ids[model._meta.db_table]
            if last_id is None:
                last_id = model._base_manager.using(connection.alias).aggregate(m=Max("pk"))["m"]
            sequences.set_highest_id(connection, model, last_id)


def _insert(
    path: Path,
    line: int,
    using: str,
    model: type[Model],
    fields: list[Field[Any, Any]],
    row: list[Any],
) -> None:
    """Insert one row as it was: its id, and every value, untouched by auto_now and the like
    (a raw save, as Django's loaddata makes)."""
    values = {}
    for field, raw in zip(fields, row, strict=True):
        try:
            values[field.attname] = decode(field, raw)
        except ValidationError as error:
            raise BackupError(
                f"'{path}' is damaged: line {line}: {raw!r} is not a value of "
                f"{model._meta.db_table}.{field.column} ({'; '.join(error.messages)}); "
                "nothing was restored"
            ) from error
    try:
        model(**values).save_base(raw=True, force_insert=True, using=using)
    except DatabaseError as error:
        raise BackupError(
            f"'{path}', line {line}: the row cannot go into {model._meta.db_table}: "
            f"{one_line(error)}; nothing was restored"
        ) from error
