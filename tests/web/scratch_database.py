"""A PostgreSQL database of a test's own, for tests that start servers or break databases:
the suite's test database is shared by everything else."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager


def postgresql_server() -> str | None:
    """DATABASE_URL's server (without the database name), where it names PostgreSQL."""
    url = os.environ.get("DATABASE_URL", "")
    return url.rsplit("/", 1)[0] if url.startswith("postgres") else None


@contextmanager
def scratch_postgresql(name: str) -> Iterator[str | None]:
    """A new, empty database `name` on DATABASE_URL's server, dropped afterwards (with any
    session a killed server left open); None where the suite runs on SQLite."""
    server = postgresql_server()
    if server is None:
        yield None
        return
    import psycopg

    def administer(statement: str) -> None:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(statement)

    administer(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    administer(f'CREATE DATABASE "{name}"')
    try:
        yield f"{server}/{name}"
    finally:
        administer(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
