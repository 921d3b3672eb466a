"""Which tables a backup holds, and bringing a database to a backup's migrations.

Rows are read and written through the *historical* models of the migrations the database
has applied (the models a data migration sees), not through the code's models: a database
that is not yet migrated to this version of the code can still be backed up, and a backup
from an older version is restored into the tables it was taken from, then migrated forward
by the ordinary migrations."""

from __future__ import annotations

from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.models import Field, Model

from .errors import BackupError
from .snapshot import describe

Migration = tuple[str, str]


def applied(connection: BaseDatabaseWrapper) -> set[Migration]:
    """The migrations recorded in the database's django_migrations table."""
    return set(MigrationLoader(connection).applied_migrations or {})


def unknown(migrations: set[Migration]) -> list[str]:
    """Of `migrations`, those this version of the code has no file for, as app.name."""
    loader = MigrationLoader(None)  # the files only
    known = set(loader.disk_migrations)
    for migration in loader.disk_migrations.values():
        known.update(migration.replaces)  # squashed since: still known
    return sorted(f"{app}.{name}" for app, name in migrations - known)


def _graph_nodes(loader: MigrationLoader, migrations: set[Migration]) -> list[Migration]:
    """`migrations` as nodes of the loader's graph, where a squashed migration stands for
    the migrations it replaces (all of them applied, or it is not)."""
    nodes = set(migrations)
    for key, migration in loader.replacements.items():
        if all(replaced in migrations for replaced in migration.replaces):
            nodes.add(key)
    return sorted(node for node in nodes if node in loader.graph.nodes)


def models(
    migrations: set[Migration], connection: BaseDatabaseWrapper | None = None
) -> list[type[Model]]:
    """The models of every table that exists after `migrations` (many-to-many tables
    included), as those migrations define them, by table name. `connection`: the database
    `migrations` were read from, whose applied migrations decide how squashed ones count."""
    loader = MigrationLoader(connection)
    nodes = _graph_nodes(loader, migrations)
    if not nodes:
        return []
    apps: Any = loader.project_state(nodes, at_end=True).apps
    found = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]
    return sorted(found, key=lambda model: model._meta.db_table)


def stored_fields(model: type[Model]) -> list[Field[Any, Any]]:
    """The fields of the columns of `model`'s own table that hold values (a multi-table
    child's link to its parent included; columns the database computes left out)."""
    return [field for field in model._meta.local_concrete_fields if not field.generated]


def migrate_to(connection: BaseDatabaseWrapper, migrations: set[Migration]) -> None:
    """Apply what is missing for the database to have exactly `migrations`, forwards only.

    A database with migrations that `migrations` lacks was set up by a later version of
    the code than the backup's, and is refused: migrations are not undone."""
    executor = MigrationExecutor(connection)
    wanted = set(_graph_nodes(executor.loader, migrations))
    recorded = applied(connection)  # including any this code has no file for
    if extra := sorted(f"{app}.{name}" for app, name in recorded - migrations - wanted):
        raise BackupError(
            f"{describe(connection)} was set up by a later version of Crossing than the "
            f"backup's: it has migrations the backup lacks ({', '.join(extra)}). Restore into "
            "a new, empty database; `crossing serve` migrates it forward after",
            exit_code=2,
        )
    # Django plans towards each target in turn, and would undo a target applied on the way
    # to an earlier one: name only the last migrations, those no other one depends on.
    graph = executor.loader.graph
    parents = {parent.key for node in wanted for parent in graph.node_map[node].parents}
    targets = sorted(wanted - parents - recorded)
    if targets:
        executor.migrate(targets)
    now = set(_graph_nodes(MigrationLoader(connection), applied(connection)))
    if now != wanted:
        missing = sorted(f"{app}.{name}" for app, name in wanted ^ now)
        raise BackupError(
            f"cannot bring {describe(connection)} to the backup's migrations "
            f"({', '.join(missing)} differ); restore into a new, empty database"
        )
